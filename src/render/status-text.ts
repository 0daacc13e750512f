// The `status` text: a unit's name, its campaign, and its subtree's totals per level.
import { formatPercent, type Locale, type Translate } from "../i18n.js";
import type { LevelLine, ProgressCounts } from "../domain/progress-rollup.js";
import { formatLocalDate, type LocalDate } from "../domain/local-date.js";
import type { CampaignProgress } from "../usecases/campaigns.js";
import { renderCampaignSection } from "./campaign-section-text.js";

export function renderStatusText(
  t: Translate,
  locale: Locale,
  input: {
    unit: { code: string; name: string };
    /** A past day the figures are as of (null or absent: now). */
    asOf?: LocalDate | null;
    campaign: string | null;
    lines: LevelLine[];
    totals: ProgressCounts;
    campaigns?: readonly CampaignProgress[];
  },
): string {
  const lines = [t("status-title", { name: input.unit.name, code: input.unit.code })];
  if (input.asOf) lines.push(t("status-as-of", { date: formatLocalDate(input.asOf) }));
  const others = (input.campaigns ?? []).flatMap((progress) => ["", ...renderCampaignSection(t, locale, progress)]);
  // An organisation between congresses runs other campaigns only: no empty congress table above them.
  if (!input.campaign && others.length > 0) return [...lines, ...others].join("\n");
  lines.push(input.campaign ? t("status-campaign", { campaign: input.campaign }) : t("status-no-campaign"));
  for (const line of input.lines) {
    const kind = line.kind === "committees" ? "committees" : line.kind === "cells" ? "grassroots-cells" : line.level;
    const text = t("status-line", {
      label: t("status-label", { kind }),
      held: line.counts.held,
      total: line.counts.total,
      documents: line.counts.documents,
      personnel: line.counts.personnel,
      percent: formatPercent(line.counts.held, line.counts.total, locale),
    });
    lines.push(line.kind ? `  ${text}` : text);
  }
  lines.push(t("status-total", { units: input.totals.total, held: input.totals.held }));
  return [...lines, ...others].join("\n");
}
