// The few unit lookups /tiendo needs besides the roll-up: a unit by id or code with its parent, and the dates of the current `held` / `scheduled` reports of a page of units.
import type { PrismaClient } from "@prisma/client";
import type { UnitLevel } from "../domain/levels.js";
import type { LocalDate } from "../domain/local-date.js";
import { currentReports } from "./report-store.js";

export interface ProgressUnitRow {
  id: number;
  organizationId: number;
  code: string;
  name: string;
  level: UnitLevel;
  path: string;
  parent: { id: number; code: string; name: string } | null;
  hasChildren: boolean;
}

export async function findProgressUnit(
  prisma: PrismaClient,
  where: { id: number } | { organizationId: number; code: string },
): Promise<ProgressUnitRow | null> {
  const unit = await prisma.unit.findFirst({
    // Codes are matched without regard to case, as in /baocao.
    where: {
      ...("id" in where
        ? { id: where.id }
        : { organizationId: where.organizationId, code: { equals: where.code, mode: "insensitive" as const } }),
      archivedAt: null,
    },
    select: {
      id: true,
      organizationId: true,
      code: true,
      name: true,
      level: true,
      path: true,
      parent: { select: { id: true, code: true, name: true } },
      _count: { select: { children: { where: { archivedAt: null } } } },
    },
  });
  if (!unit) return null;
  const { _count, ...rest } = unit;
  return { ...rest, hasChildren: _count.children > 0 };
}

/** Congress dates (held, scheduled) of the current reports of these units, in one query. */
export async function congressDates(
  prisma: PrismaClient,
  campaignId: number | null,
  unitIds: readonly number[],
): Promise<Map<number, { held?: LocalDate; scheduled?: LocalDate }>> {
  const dates = new Map<number, { held?: LocalDate; scheduled?: LocalDate }>();
  if (campaignId === null) return dates;
  for (const report of await currentReports(prisma, campaignId, unitIds)) {
    if (report.milestone !== "held" && report.milestone !== "scheduled") continue;
    const entry = dates.get(report.unitId) ?? {};
    entry[report.milestone] = report.eventDate ?? report.reportedOn;
    dates.set(report.unitId, entry);
  }
  return dates;
}
