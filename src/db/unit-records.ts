// Units one by one, each with what the checklist (src/domain/checklist.ts) judges it by: its level's
// deadlines, the current report of each milestone (the day it happened and the office's day it was
// reported), its open pause and its pilot congress; and what a list needs to name it (its parent, its
// grassroots organisation, whether its name is shared). Every per-unit screen and list reads units here:
// the working-group list, reminders, /trangthai, /tiendo's checklist, the digest's named lists, the
// export. One query on the units and their `unit_progress` rows (which keep each current report's dates,
// so no report is read), rows handed over as one JSON value.
import { Prisma, type PrismaClient } from "@prisma/client";
import { congressPlan, type CampaignPlan } from "../domain/campaign-plan.js";
import { reachedFromReport, type UnitFacts } from "../domain/checklist.js";
import type { Milestone, UnitLevel } from "../domain/levels.js";
import type { LocalDate } from "../domain/local-date.js";
import type { DeadlineTable } from "../domain/progress-rollup.js";
import { driverSql } from "./driver-sql.js";
import {
  currentReportColumn,
  deadlinePivotSql,
  earliestOpenDeadlineSql,
  finalReportedSql,
  openPauseSql,
  progressAsOfSql,
} from "./unit-progress.js";

export interface UnitRecord {
  id: number;
  organizationId: number;
  code: string;
  name: string;
  level: UnitLevel;
  path: string;
  position: number;
  /** 0 for the top of the organisation. */
  depth: number;
  parentId: number | null;
  parentCode: string | null;
  parentName: string | null;
  /** The unit's grassroots organisation: itself, its parent, or (a cell under a partial committee) its grandparent. */
  grassrootsId: number | null;
  hasChildren: boolean;
  /** Another unit of the organisation bears the same name, so lists name its parent too. */
  nameShared: boolean;
  /** The unit's own term, when the org file gives one ("2020-2022"). */
  term: string | null;
  facts: UnitFacts;
}

/** The campaign units are judged in: its id and deadlines per level. */
export interface CampaignRef {
  id: number;
  deadlines: DeadlineTable;
}

export type UnitScope =
  | { unitIds: readonly number[] }
  /** Every unit under these paths; `withoutIds` leaves some out (the top of a digest). */
  | { paths: readonly string[]; withoutIds?: readonly number[] }
  | { organizationId: number };

export interface UnitRecordQuery {
  campaign: CampaignRef | null;
  scope: UnitScope;
  /** The office's time zone: the day a report was recorded is read in it. */
  timeZone: string;
  /**
   * Only units a list must name on this day: a milestone overdue (the checklist's sense, reminders not
   * paused), or a pilot congress whose planned day has passed without a congress reported. The database
   * narrows with SQL generated from the same plan the checklist uses; the caller still judges each unit itself.
   */
  overdueOrPilotPassedOn?: LocalDate;
  plan?: CampaignPlan;
  /** Judge each unit by the reports recorded before this instant, and the pauses open then ("as of" a day). */
  recordedBefore?: Date | null;
}

/** A row as the query hands it over: the record's own columns, and what its facts are made of. */
type Row = Omit<UnitRecord, "facts"> & {
  pilotDate: LocalDate | null;
  paused: boolean;
  /** Per milestone reported: [the day it names or null, the office's day it was reported]. */
  reached: Partial<Record<Milestone, [LocalDate | null, LocalDate]>>;
};

export async function loadUnitRecords(prisma: PrismaClient, query: UnitRecordQuery): Promise<UnitRecord[]> {
  const plan = query.plan ?? congressPlan;
  const campaignId = query.campaign?.id ?? -1;
  const scope = query.scope;
  let where: Prisma.Sql;
  if ("unitIds" in scope) {
    if (scope.unitIds.length === 0) return [];
    where = Prisma.sql`u.id = ANY(${[...scope.unitIds]}::int[])`;
  } else if ("paths" in scope) {
    if (scope.paths.length === 0) return [];
    const under = Prisma.join(
      scope.paths.map((path) => Prisma.sql`u.path LIKE ${`${path}%`}`),
      " OR ",
      "(",
      ")",
    );
    where = scope.withoutIds?.length ? Prisma.sql`${under} AND u.id <> ALL(${[...scope.withoutIds]}::int[])` : under;
  } else where = Prisma.sql`u."organizationId" = ${scope.organizationId}`;

  // Timestamps are stored in UTC: the office's day of one is read in its time zone.
  const localDay = (column: string) =>
    Prisma.sql`to_char((${Prisma.raw(column)} AT TIME ZONE 'UTC') AT TIME ZONE ${query.timeZone}, 'YYYY-MM-DD')`;
  // The filter reads only the unit, its progress row and its level's deadlines, so what a record needs
  // besides (its parent, whether its name is shared, whether it has children) is looked up only for the
  // units the filter keeps.
  const day = query.overdueOrPilotPassedOn;
  const attention = day
    ? Prisma.sql`AND NOT ${openPauseSql(Prisma.sql`u.id`, query.recordedBefore)}
        AND (${earliestOpenDeadlineSql(plan, "p", "dl")} < ${day}::date
             OR (u."pilotDate" < ${day}::date AND NOT ${finalReportedSql(plan, "p")}))`
    : Prisma.empty;
  const [result] = await driverSql(prisma).rows<{ rows: Row[] | null }>(Prisma.sql`
    WITH campaign AS (SELECT id FROM campaigns WHERE id = ${campaignId}),
    deadline AS (${deadlinePivotSql(plan, "campaign")}),
    x AS (
      SELECT u.id, u."organizationId", u.code, u.name, u.level::text AS level, u.path, u.position, u.depth, u."parentId",
             pu.code AS "parentCode", pu.name AS "parentName",
             CASE WHEN u.level = 'grassroots' THEN u.id
                  WHEN pu.level = 'grassroots' THEN pu.id
                  WHEN u.level IN ('partial', 'cell') THEN pu."parentId" END AS "grassrootsId",
             EXISTS (SELECT 1 FROM units c WHERE c."parentId" = u.id AND c."archivedAt" IS NULL) AS "hasChildren",
             EXISTS (SELECT 1 FROM units o WHERE o."organizationId" = u."organizationId" AND o.name = u.name
                                              AND o.id <> u.id AND o."archivedAt" IS NULL) AS "nameShared",
             to_char(u."pilotDate", 'YYYY-MM-DD') AS "pilotDate", u.term,
             ${openPauseSql(Prisma.sql`u.id`, query.recordedBefore)} AS paused,
             json_strip_nulls(json_build_object(${Prisma.join(
               plan.milestones.map(
                 ({ key }) =>
                   Prisma.sql`${key}::text, CASE WHEN ${Prisma.raw(`p."${currentReportColumn[key]}"`)} IS NOT NULL THEN json_build_array(
                     to_char(${Prisma.raw(`p."${key}EventDate"`)}, 'YYYY-MM-DD'), ${localDay(`p."${key}RecordedAt"`)}) END`,
               ),
             )})) AS reached
      FROM units u
      LEFT JOIN units pu ON pu.id = u."parentId"
      ${
        query.recordedBefore
          ? Prisma.sql`LEFT JOIN LATERAL (${progressAsOfSql(plan, Prisma.sql`u.id`, Prisma.sql`${campaignId}::int`, query.recordedBefore)}) p ON true`
          : Prisma.sql`LEFT JOIN unit_progress p ON p."unitId" = u.id AND p."campaignId" = ${campaignId}`
      }
      LEFT JOIN deadline dl ON dl.level = u.level
      WHERE u."archivedAt" IS NULL AND ${where} ${attention}
    )
    SELECT json_agg(x ORDER BY x.position, x.id) AS rows FROM x`);
  return (result?.rows ?? []).map(({ pilotDate, paused, reached, ...record }) => ({
    ...record,
    facts: {
      deadlines: query.campaign?.deadlines[record.level] ?? {},
      reached: Object.fromEntries(
        Object.entries(reached).map(([milestone, [eventDate, reportedOn]]) => [
          milestone,
          reachedFromReport(plan, { milestone: milestone as Milestone, eventDate, reportedOn }),
        ]),
      ),
      paused,
      pilotDate,
    },
  }));
}

/** An organisation's active campaign (the oldest, if several are active, as the roll-up takes it). */
export interface ActiveCampaign extends CampaignRef {
  organizationId: number;
  name: string;
  /** The org file's `reminders` section as stored (see policyFromStored). */
  reminderPolicy: unknown;
  /** The term each level elects for ("2020-2022" for cells). */
  terms: Partial<Record<UnitLevel, string>>;
}

/**
 * By organisation; every organisation with one when `organizationIds` is absent. One statement (the
 * deadlines and terms as JSON): it is on the hot path of the bot (the greeting, /trangthai).
 */
export async function loadActiveCampaigns(
  prisma: PrismaClient,
  organizationIds?: readonly number[],
): Promise<Map<number, ActiveCampaign>> {
  const only = organizationIds
    ? Prisma.sql`AND c."organizationId" = ANY(${[...new Set(organizationIds)]}::int[])`
    : Prisma.empty;
  type Row = {
    id: number;
    organizationId: number;
    name: string;
    reminderPolicy: unknown;
    deadlines: [UnitLevel, Milestone, LocalDate][];
    terms: Partial<Record<UnitLevel, string>>;
  };
  const campaigns = await driverSql(prisma).rows<Row>(Prisma.sql`
    SELECT c.id, c."organizationId", c.name, c."reminderPolicy",
           COALESCE((SELECT json_agg(json_build_array(d.level::text, d.milestone::text, to_char(d."dueDate", 'YYYY-MM-DD')) ORDER BY d.id)
                     FROM campaign_deadlines d WHERE d."campaignId" = c.id), '[]'::json) AS deadlines,
           COALESCE((SELECT json_object_agg(t.level::text, t.term ORDER BY t.id) FROM campaign_terms t WHERE t."campaignId" = c.id), '{}'::json) AS terms
    FROM campaigns c
    WHERE c.active AND c.template = 'congress' ${only}
    ORDER BY c.id`);
  const found = new Map<number, ActiveCampaign>();
  for (const campaign of campaigns) {
    if (found.has(campaign.organizationId)) continue;
    const deadlines: DeadlineTable = {};
    for (const [level, milestone, dueDate] of campaign.deadlines) {
      deadlines[level] ??= {};
      deadlines[level]![milestone] = dueDate;
    }
    found.set(campaign.organizationId, { ...campaign, deadlines });
  }
  return found;
}

/** Units by id (archived ones left out), in the order given, each judged in its organisation's active campaign. */
export async function loadUnitsById(
  prisma: PrismaClient,
  unitIds: readonly number[],
  timeZone: string,
): Promise<{ record: UnitRecord; campaign: ActiveCampaign | null }[]> {
  if (unitIds.length === 0) return [];
  const units = await driverSql(prisma).rows<{ id: number; organizationId: number }>(
    Prisma.sql`SELECT id, "organizationId" FROM units WHERE id = ANY(${[...unitIds]}::int[]) AND "archivedAt" IS NULL`,
  );
  const campaigns = await loadActiveCampaigns(
    prisma,
    units.map((unit) => unit.organizationId),
  );
  const byOrganisation = new Map<number, number[]>();
  for (const unit of units)
    byOrganisation.set(unit.organizationId, [...(byOrganisation.get(unit.organizationId) ?? []), unit.id]);
  const records = (
    await Promise.all(
      [...byOrganisation].map(([organizationId, ids]) =>
        loadUnitRecords(prisma, { campaign: campaigns.get(organizationId) ?? null, scope: { unitIds: ids }, timeZone }),
      ),
    )
  ).flat();
  const byId = new Map(records.map((record) => [record.id, record]));
  return unitIds.flatMap((id) => {
    const record = byId.get(id);
    return record ? [{ record, campaign: campaigns.get(record.organizationId) ?? null }] : [];
  });
}

/** The organisation's active campaign (the oldest, if several are active), or null. */
export async function findActiveCampaignId(prisma: PrismaClient, organizationId: number): Promise<number | null> {
  const campaign = await prisma.campaign.findFirst({
    where: { organizationId, active: true, template: "congress" },
    orderBy: { id: "asc" },
    select: { id: true },
  });
  return campaign?.id ?? null;
}
