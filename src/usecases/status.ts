// `status`: how many units of each level under a unit (the organisation's top unit by default) held their
// congress, then every other open campaign's section. Counted by the one roll-up the digest, /tiendo and the export read (src/db/progress-rollup.ts),
// so its numbers are theirs.
import { figuresDay } from "../clock.js";
import { loadSubtreeRollup } from "../db/progress-rollup.js";
import { levelTotals, sumCounts, type LevelLine, type ProgressCounts } from "../domain/progress-rollup.js";
import { campaignProgress, openCampaigns, type CampaignProgress } from "./campaigns.js";
import type { UseCaseDeps } from "./deps.js";
import type { LocalDate } from "../domain/local-date.js";
import { organizationUnit } from "./organization.js";

export type StatusOutcome =
  | { status: "unknown-unit"; code: string }
  | {
      status: "counted";
      unit: { code: string; name: string };
      /** The past day the figures are as of; null: today, everything recorded. */
      asOf: LocalDate | null;
      campaign: string | null;
      /** Per level, top level first (grassroots split into committees and cells when both exist). */
      lines: LevelLine[];
      /** Every unit below the unit. */
      totals: ProgressCounts;
      /** Every open campaign of another template, under the unit. */
      campaigns: CampaignProgress[];
    };

export async function subtreeStatus(
  deps: UseCaseDeps,
  /** `asOf`: count what was known at the end of that office's day (a day not before today is today). */
  input: { organizationId: number; unitCode?: string; asOf?: LocalDate },
): Promise<StatusOutcome> {
  const { today, recordedBefore } = figuresDay(deps.clock.now(), deps.config.timezone, input.asOf);
  const unit = await organizationUnit(deps, input.organizationId, input.unitCode);
  const rollup = unit && (await loadSubtreeRollup(deps.prisma, unit.id, { today, recordedBefore }));
  if (!rollup || !unit) return { status: "unknown-unit", code: input.unitCode ?? "" };
  const campaigns = await Promise.all(
    (await openCampaigns(deps, [input.organizationId])).map((campaign) =>
      campaignProgress(deps, { campaign, pathPrefix: unit.path, today, recordedBefore }),
    ),
  );
  return {
    status: "counted",
    asOf: recordedBefore ? today : null,
    unit: rollup.top,
    campaign: rollup.campaign?.name ?? null,
    lines: levelTotals(rollup.rows),
    totals: sumCounts(rollup.rows),
    campaigns,
  };
}
