// What /trangthai shows, read in a few set-based queries: a person's units with their current reports,
// and the progress of the units their working groups follow.
import type { PrismaClient } from "@prisma/client";
import type { ProgressUnit } from "../domain/group-progress.js";
import type { Milestone, UnitLevel } from "../domain/levels.js";
import { utcDateToLocalDate, type LocalDate } from "../domain/local-date.js";
import { openDifficultiesIn, type StoredDifficulty } from "./difficulty-store.js";
import { currentReports, loadUnitContext, type StoredReport, type UnitContext } from "./report-store.js";

export interface UnitCardData {
  unit: UnitContext;
  reports: StoredReport[];
  openDifficulties: StoredDifficulty[];
}

/** Each unit (archived ones left out) with its campaign, current reports and open difficulties, in the order given. */
export async function loadUnitCards(prisma: PrismaClient, unitIds: readonly number[]): Promise<UnitCardData[]> {
  const contexts = (await Promise.all(unitIds.map((id) => loadUnitContext(prisma, { id })))).filter((unit) => unit !== null);
  const byCampaign = new Map<number, number[]>();
  for (const unit of contexts) {
    if (unit.campaign) byCampaign.set(unit.campaign.id, [...(byCampaign.get(unit.campaign.id) ?? []), unit.id]);
  }
  const reports = (await Promise.all([...byCampaign].map(([campaignId, ids]) => currentReports(prisma, campaignId, ids)))).flat();
  const difficulties = await openDifficultiesIn(prisma, { unitIds: contexts.map((unit) => unit.id), subtreePaths: [] });
  return contexts.map((unit) => ({
    unit,
    reports: reports.filter((report) => report.unitId === unit.id),
    openDifficulties: difficulties.filter((difficulty) => difficulty.unit.id === unit.id),
  }));
}

export interface GroupProgressData {
  units: ProgressUnit[];
  cells: ProgressUnit[];
  reports: StoredReport[];
  deadlines: Partial<Record<UnitLevel, Partial<Record<Milestone, LocalDate>>>>;
  openDifficulties: StoredDifficulty[];
}

const progressFields = { id: true, name: true, level: true, path: true } as const;

/**
 * The followed units a working group's summary lists (a followed district stands for its grassroots
 * organisations), in the organisation file's order, with their cells, reports, deadlines and open
 * difficulties.
 */
export async function loadGroupProgress(
  prisma: PrismaClient,
  organizationId: number,
  followed: readonly { id: number; level: UnitLevel; path: string }[],
): Promise<GroupProgressData> {
  const direct = followed.filter((unit) => unit.level !== "district" && unit.level !== "province");
  const wide = followed.filter((unit) => unit.level === "district" || unit.level === "province");
  const units = await prisma.unit.findMany({
    where: {
      organizationId,
      archivedAt: null,
      OR: [
        { id: { in: direct.map((unit) => unit.id) } },
        ...wide.map((unit) => ({ level: "grassroots" as const, path: { startsWith: unit.path } })),
      ],
    },
    orderBy: [{ position: "asc" }, { id: "asc" }],
    select: progressFields,
  });
  if (units.length === 0) return { units: [], cells: [], reports: [], deadlines: {}, openDifficulties: [] };
  const subtrees = units.map((unit) => ({ path: { startsWith: unit.path } }));
  const [cells, campaign, openDifficulties] = await Promise.all([
    prisma.unit.findMany({
      where: { organizationId, archivedAt: null, level: "cell", OR: subtrees },
      orderBy: [{ position: "asc" }, { id: "asc" }],
      select: progressFields,
    }),
    prisma.campaign.findFirst({ where: { organizationId, active: true }, select: { id: true, deadlines: true } }),
    openDifficultiesIn(prisma, { unitIds: [], subtreePaths: units.map((unit) => unit.path) }),
  ]);
  const deadlines: GroupProgressData["deadlines"] = {};
  for (const deadline of campaign?.deadlines ?? []) {
    deadlines[deadline.level] = { ...deadlines[deadline.level], [deadline.milestone]: utcDateToLocalDate(deadline.dueDate) };
  }
  const ids = [...new Set([...units, ...cells].map((unit) => unit.id))];
  const reports = campaign ? await currentReports(prisma, campaign.id, ids) : [];
  return { units, cells, reports, deadlines, openDifficulties };
}
