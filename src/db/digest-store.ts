// Loads a subtree for the digest in three set-based queries (units, current reports, open difficulties),
// whatever the number of units.
import type { PrismaClient } from "@prisma/client";
import type { DigestUnit } from "../domain/digest.js";
import type { Milestone, UnitLevel } from "../domain/levels.js";
import { utcDateToLocalDate, type LocalDate } from "../domain/local-date.js";

export interface DigestData {
  top: { id: number; name: string; organizationId: number };
  units: DigestUnit[];
  deadlines: Partial<Record<UnitLevel, Partial<Record<Milestone, LocalDate>>>>;
}

export async function loadDigestData(prisma: PrismaClient, unitId: number): Promise<DigestData | null> {
  const top = await prisma.unit.findFirst({ where: { id: unitId, archivedAt: null }, select: { id: true, name: true, path: true, organizationId: true } });
  if (!top) return null;
  const campaign = await prisma.campaign.findFirst({ where: { organizationId: top.organizationId, active: true }, select: { id: true, deadlines: true } });
  const prefix = `${top.path}%`;
  const [units, reports, difficulties] = await Promise.all([
    prisma.$queryRaw<{ id: number; name: string; level: UnitLevel; parentId: number | null; pilotDate: Date | null; hasChildren: boolean }[]>`
      SELECT u.id, u.name, u.level::text AS level, u."parentId", u."pilotDate",
             EXISTS (SELECT 1 FROM units c WHERE c."parentId" = u.id AND c."archivedAt" IS NULL) AS "hasChildren"
      FROM units u WHERE u.path LIKE ${prefix} AND u."archivedAt" IS NULL
      ORDER BY u.position, u.id`,
    campaign
      ? prisma.$queryRaw<{ unitId: number; milestone: Milestone; eventDate: Date | null; createdAt: Date }[]>`
          SELECT DISTINCT ON (r."unitId", r.milestone) r."unitId", r.milestone::text AS milestone, r."eventDate", r."createdAt"
          FROM reports r JOIN units u ON u.id = r."unitId"
          WHERE r."campaignId" = ${campaign.id} AND u.path LIKE ${prefix}
          ORDER BY r."unitId", r.milestone, r.id DESC`
      : Promise.resolve([]),
    prisma.$queryRaw<{ unitId: number; count: number }[]>`
      SELECT d."unitId", count(*)::int AS count
      FROM difficulties d JOIN units u ON u.id = d."unitId"
      WHERE d."resolvedAt" IS NULL AND u.path LIKE ${prefix}
      GROUP BY d."unitId"`,
  ]);
  const milestonesOf = new Map<number, DigestUnit["milestones"]>();
  for (const report of reports) {
    const entry = milestonesOf.get(report.unitId) ?? {};
    entry[report.milestone] = { date: utcDateToLocalDate(report.eventDate ?? report.createdAt), recordedAt: report.createdAt };
    milestonesOf.set(report.unitId, entry);
  }
  const openOf = new Map(difficulties.map((row) => [row.unitId, row.count]));
  const deadlines: DigestData["deadlines"] = {};
  for (const deadline of campaign?.deadlines ?? []) (deadlines[deadline.level] ??= {})[deadline.milestone] = utcDateToLocalDate(deadline.dueDate);
  return {
    top: { id: top.id, name: top.name, organizationId: top.organizationId },
    units: units.map((unit) => ({
      id: unit.id,
      name: unit.name,
      level: unit.level,
      parentId: unit.parentId,
      hasChildren: unit.hasChildren,
      pilotDate: unit.pilotDate ? utcDateToLocalDate(unit.pilotDate) : null,
      milestones: milestonesOf.get(unit.id) ?? {},
      openDifficulties: openOf.get(unit.id) ?? 0,
    })),
    deadlines,
  };
}
