// What a digest is made of, read through the shared aggregation module (src/db/progress-rollup.ts): the
// subtree's counts, its named lists and its election statistics, in a few set-based queries whatever the
// number of units.
import type { PrismaClient } from "@prisma/client";
import type { DigestInput } from "../domain/digest.js";
import type { LocalDate } from "../domain/local-date.js";
import { loadDigestLists, loadElectionStats, loadSubtreeRollup } from "./progress-rollup.js";

export type DigestData = Omit<DigestInput, "today"> & { top: { id: number; name: string; organizationId: number } };

export async function loadDigestData(
  prisma: PrismaClient,
  unitId: number,
  options: { today: LocalDate; since: Date | null; horizonDays: number; overdueAfterDays: number },
): Promise<DigestData | null> {
  const rollup = await loadSubtreeRollup(prisma, unitId, { today: options.today, since: options.since, byGrassroots: true });
  if (!rollup) return null;
  const [lists, elections] = await Promise.all([
    loadDigestLists(prisma, { id: rollup.top.id, path: rollup.top.path, campaignId: rollup.campaign?.id ?? null }, options),
    loadElectionStats(prisma, [rollup.top.id]),
  ]);
  return {
    top: { id: rollup.top.id, name: rollup.top.name, organizationId: rollup.top.organizationId },
    rollup,
    lists,
    deadlines: rollup.deadlines,
    elections,
  };
}
