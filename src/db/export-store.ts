// Loads everything an export shows for one or more subtrees in a fixed number of set-based queries
// (organisation and campaign, units, current reports, open difficulties, secretaries), whatever the
// number of units: each subtree is one indexed prefix match on units.path. The statistics per level come
// from the aggregation module the digest and /tiendo use (src/db/progress-rollup.ts), so the three agree.
import { Prisma, type PrismaClient } from "@prisma/client";
import { driverSql } from "./driver-sql.js";
import type { ExportData, ExportDifficultyRow, ExportElectionRow, ExportUnitRow } from "../domain/export-rows.js";
import { resultsFromPayload } from "../domain/election-results.js";
import { resolveLetterhead } from "../domain/letterhead.js";
import type { LocalDate } from "../domain/local-date.js";
import { levelTotals } from "../domain/progress-rollup.js";
import { loadElectionStats, loadUnitsRollup } from "./progress-rollup.js";
import { difficultyOpening, openAtSql } from "./unit-progress.js";
import { loadActiveCampaigns, loadUnitRecords, type UnitRecord } from "./unit-records.js";

export interface ExportRequest {
  organizationId: number;
  /** The tops of the subtrees to export (none inside another). */
  roots: readonly { id: number; code: string; name: string; path: string }[];
  exportedAt: Date;
  /** The office's date at `exportedAt`: what "overdue" is judged against. */
  today: LocalDate;
  /** The office's time zone: the day a report was recorded is read in it. */
  timeZone: string;
  /**
   * Only what was known before this instant counts (reports recorded, difficulties and pauses open then):
   * the export "as of" a past day. Absent: everything recorded.
   */
  recordedBefore?: Date | null;
}

/** Every unit elected short is named in the statistics sheet (the roll-up lists 20 by default). */
const allShortUnits = 2_147_483_647;

export async function loadExportData(prisma: PrismaClient, request: ExportRequest): Promise<ExportData> {
  const organization = await prisma.organization.findUniqueOrThrow({
    where: { id: request.organizationId },
    select: { code: true, name: true, superior: true, committee: true, place: true },
  });
  const campaign = (await loadActiveCampaigns(prisma, [request.organizationId])).get(request.organizationId) ?? null;
  const inSubtrees = (alias: string) =>
    request.roots.length === 0
      ? Prisma.sql`false`
      : Prisma.join(
          request.roots.map((root) => Prisma.sql`${Prisma.raw(alias)}.path LIKE ${`${root.path}%`}`),
          " OR ",
          "(",
          ")",
        );
  const organizationId = request.organizationId;
  const before = request.recordedBefore ?? null;
  const recordedInTime = before ? Prisma.sql`AND r."createdAt" < ${before}` : Prisma.empty;
  const difficultyOpen = openAtSql("d", difficultyOpening, before);

  const rootIds = request.roots.map((root) => root.id);
  const [units, heldPayloads, difficulties, secretaries, progress, electionStats] = await Promise.all([
    loadUnitRecords(prisma, {
      campaign,
      scope: { paths: request.roots.map((root) => root.path) },
      timeZone: request.timeZone,
      recordedBefore: before,
    }),
    campaign
      ? driverSql(prisma).rows<{ unitId: number; payload: unknown }>(Prisma.sql`
          SELECT DISTINCT ON (r."unitId") r."unitId", r.payload
          FROM reports r JOIN units u ON u.id = r."unitId"
          WHERE r."campaignId" = ${campaign.id} AND r.milestone = 'held' AND u."organizationId" = ${organizationId} AND ${inSubtrees("u")} ${recordedInTime}
          ORDER BY r."unitId", r.id DESC`)
      : Promise.resolve([] as { unitId: number; payload: unknown }[]),
    driverSql(prisma).rows<{
      id: number;
      unitId: number;
      unitCode: string;
      unitName: string;
      openedAt: Date;
      text: string;
      sensitive: boolean;
    }>(Prisma.sql`
      SELECT d.id, d."unitId", u.code AS "unitCode", u.name AS "unitName", d."openedAt", d.text, d.sensitive
      FROM difficulties d JOIN units u ON u.id = d."unitId"
      WHERE ${difficultyOpen} AND u."organizationId" = ${organizationId} AND u."archivedAt" IS NULL AND ${inSubtrees("u")}
      ORDER BY d."openedAt", d.id`),
    driverSql(prisma).rows<{ unitId: number; name: string }>(Prisma.sql`
      SELECT DISTINCT ON (ra."unitId") ra."unitId", pe.name
      FROM role_assignments ra JOIN units u ON u.id = ra."unitId" JOIN people pe ON pe.id = ra."personId"
      WHERE ra.role = 'secretary' AND u."organizationId" = ${organizationId} AND ${inSubtrees("u")}
      ORDER BY ra."unitId", ra.id`),
    loadUnitsRollup(prisma, rootIds, { today: request.today, recordedBefore: before }),
    loadElectionStats(prisma, rootIds, { shortLimit: allShortUnits, recordedBefore: before }),
  ]);

  const heldPayloadOf = new Map(
    heldPayloads.map((row) => [row.unitId, (row.payload ?? {}) as Record<string, unknown>]),
  );
  const openCount = new Map<number, number>();
  for (const difficulty of difficulties) openCount.set(difficulty.unitId, (openCount.get(difficulty.unitId) ?? 0) + 1);
  const secretaryOf = new Map(secretaries.map((row) => [row.unitId, row.name]));

  const unitRows: ExportUnitRow[] = inTreeOrder(units, request.roots).map((unit) => ({
    ...unit,
    openDifficulties: openCount.get(unit.id) ?? 0,
    secretaryName: secretaryOf.get(unit.id) ?? null,
  }));
  const elections: ExportElectionRow[] = unitRows.flatMap((unit) => {
    const held = unit.facts.reached.held;
    if (!held) return [];
    return [
      {
        unitId: unit.id,
        code: unit.code,
        name: unit.name,
        level: unit.level,
        heldOn: held.happenedOn,
        results: resultsFromPayload(heldPayloadOf.get(unit.id) ?? {}),
      },
    ];
  });
  const difficultyRows: ExportDifficultyRow[] = difficulties.map((difficulty) => ({
    id: difficulty.id,
    unitCode: difficulty.unitCode,
    unitName: difficulty.unitName,
    openedAt: difficulty.openedAt,
    text: difficulty.sensitive ? null : difficulty.text,
  }));
  return {
    organization: { code: organization.code, name: organization.name, letterhead: resolveLetterhead(organization) },
    scope: request.roots.map((root) => ({ code: root.code, name: root.name })),
    campaign: campaign ? { name: campaign.name } : null,
    exportedAt: request.exportedAt,
    today: request.today,
    units: unitRows,
    elections,
    difficulties: difficultyRows,
    statistics: {
      levels: levelTotals(progress.rows).filter((line) => line.kind === undefined),
      elections: electionStats,
    },
  };
}

/** Each root, then depth first the units under it, siblings in the organisation file's order. */
function inTreeOrder(units: readonly UnitRecord[], roots: ExportRequest["roots"]): UnitRecord[] {
  const children = new Map<number, UnitRecord[]>();
  const byId = new Map(units.map((unit) => [unit.id, unit]));
  for (const unit of units) {
    if (unit.parentId === null || !byId.has(unit.parentId)) continue;
    const siblings = children.get(unit.parentId);
    if (siblings) siblings.push(unit);
    else children.set(unit.parentId, [unit]);
  }
  for (const list of children.values()) list.sort((a, b) => a.position - b.position || a.id - b.id);
  const ordered: UnitRecord[] = [];
  const stack = roots.flatMap((root) => byId.get(root.id) ?? []).reverse();
  while (stack.length > 0) {
    const unit = stack.pop()!;
    ordered.push(unit);
    stack.push(...(children.get(unit.id) ?? []).slice().reverse());
  }
  return ordered;
}
