// What a digest is made of, read through the shared aggregation module (src/db/progress-rollup.ts): the
// subtree's counts, its named lists and its election statistics, in a few set-based queries whatever the
// number of units.
import type { PrismaClient } from "@prisma/client";
import { congressPlan } from "../domain/campaign-plan.js";
import type { DigestInput } from "../domain/digest.js";
import type { LocalDate } from "../domain/local-date.js";
import type { SubtreeRollup } from "../domain/progress-rollup.js";
import { loadDigestLists, loadElectionStats, loadRollupTop, loadSubtreeRollup } from "./progress-rollup.js";
import { loadUnitRecords } from "./unit-records.js";

export type DigestData = Omit<DigestInput, "today"> & {
  top: { id: number; name: string; organizationId: number; path: string };
  /** The organisation runs a congress campaign (else the digest has only its other campaigns). */
  congress: boolean;
  rollup: SubtreeRollup;
};

export async function loadDigestData(
  prisma: PrismaClient,
  unitId: number,
  options: { today: LocalDate; since: Date | null; horizonDays: number; timeZone: string },
): Promise<DigestData | null> {
  const top = await loadRollupTop(prisma, unitId);
  if (!top) return null;
  const campaign = top.campaign && { id: top.campaign.id, deadlines: top.deadlines };
  // On PostgreSQL these run side by side on the pool; the embedded database takes them one at a time.
  const [rollup, lists, elections, attention] = await Promise.all([
    loadSubtreeRollup(prisma, top, { today: options.today, since: options.since, byGrassroots: true }),
    loadDigestLists(prisma, { ...top.unit, campaignId: top.campaign?.id ?? null }, options),
    loadElectionStats(prisma, [top.unit]),
    loadUnitRecords(prisma, {
      campaign,
      scope: { paths: [top.unit.path], withoutIds: [top.unit.id] },
      timeZone: options.timeZone,
      overdueOrPilotPassedOn: options.today,
    }),
  ]);
  if (!rollup) return null;
  return {
    top: { id: rollup.top.id, name: rollup.top.name, organizationId: rollup.top.organizationId, path: top.unit.path },
    congress: top.campaign !== null,
    rollup,
    lists,
    deadlines: rollup.deadlines,
    elections,
    plan: congressPlan,
    attention,
  };
}
