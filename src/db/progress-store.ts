// Set-based counts over a unit's subtree (one query, whatever the size of the tree).
import type { PrismaClient } from "@prisma/client";
import type { UnitLevel } from "../domain/levels.js";
import type { UnitCountRow } from "../domain/progress-totals.js";

export async function countSubtreeUnits(
  prisma: PrismaClient,
  unit: { id: number; path: string },
  campaignId: number | null,
): Promise<UnitCountRow[]> {
  const rows = await prisma.$queryRaw<{ level: UnitLevel; hasChildren: boolean; total: number; held: number }[]>`
    SELECT u.level::text AS level,
           EXISTS (SELECT 1 FROM units c WHERE c."parentId" = u.id AND c."archivedAt" IS NULL) AS "hasChildren",
           count(*)::int AS total,
           count(p."heldReportId")::int AS held
    FROM units u
    LEFT JOIN unit_progress p ON p."unitId" = u.id AND p."campaignId" = ${campaignId ?? -1}
    WHERE u.path LIKE ${`${unit.path}%`} AND u.id <> ${unit.id} AND u."archivedAt" IS NULL
    GROUP BY 1, 2`;
  return rows;
}
