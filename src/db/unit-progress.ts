// Reading a unit's `unit_progress` row (kept by the database from the reports; see prisma/schema.prisma)
// the way the checklist (src/domain/checklist.ts) judges it. The SQL here restates no rule: which
// milestones stay open is generated from the campaign plan (a milestone is open while neither it nor any
// milestone that closes it is reported, closersOf), and the roll-up only compares the earliest open
// deadline with the day. test/integration/checklist-sql.test.ts runs these expressions for every set of
// reported milestones against the checklist.
//
// The expressions read the row's columns directly rather than joining a table of done sets: that join
// made the national roll-up a fifth slower (bench/progress.ts).
import { Prisma } from "@prisma/client";
import { closersOf, type CampaignPlan } from "../domain/campaign-plan.js";
import type { Milestone } from "../domain/levels.js";

/** The column of `unit_progress` holding the current report of each milestone. */
export const currentReportColumn: Record<Milestone, string> = {
  plan: "planReportId",
  documents: "documentsReportId",
  personnel: "personnelReportId",
  scheduled: "scheduledReportId",
  held: "heldReportId",
};

/** Whether milestone `key` is reported in the `unit_progress` row `alias` (false without a row). */
function reportedSql(alias: string, key: Milestone): string {
  return `${alias}."${currentReportColumn[key]}" IS NOT NULL`;
}

/** Whether milestone `key` is still open (neither reported nor closed by a later one) in the row `alias`. */
function openSqlText(plan: CampaignPlan, alias: string, key: Milestone): string {
  return `NOT (${[key, ...closersOf(plan, key)].map((milestone) => reportedSql(alias, milestone)).join(" OR ")})`;
}

/** Whether milestone `key` is reached (done or closed) in the `unit_progress` row `alias`. */
export function reachedSql(plan: CampaignPlan, alias: string, key: Milestone): Prisma.Sql {
  return Prisma.raw(`(NOT ${openSqlText(plan, alias, key)})`);
}

/** Whether the plan's final milestone (the congress held) is reported in the row `alias`. */
export function finalReportedSql(plan: CampaignPlan, alias: string): Prisma.Sql {
  return Prisma.raw(`(${reportedSql(alias, plan.final)})`);
}

/**
 * The deadlines of each (campaign, level), one column per milestone of the plan (named after it), from
 * `campaign_deadlines` rows whose campaign is in the relation `campaigns` (a CTE or table with `id`).
 */
export function deadlinePivotSql(plan: CampaignPlan, campaigns: string): Prisma.Sql {
  const columns = plan.milestones.map(
    ({ key }) => `max(d."dueDate") FILTER (WHERE d.milestone = '${key}') AS "${key}"`,
  );
  return Prisma.raw(
    `SELECT d."campaignId", d.level, ${columns.join(", ")} FROM campaign_deadlines d WHERE d."campaignId" IN (SELECT id FROM ${campaigns}) GROUP BY d."campaignId", d.level`,
  );
}

/**
 * The earliest deadline among the milestones still open in the `unit_progress` row `progress`, `deadline`
 * the alias of a deadline pivot row. Null when nothing open has a deadline.
 */
export function earliestOpenDeadlineSql(plan: CampaignPlan, progress: string, deadline: string): Prisma.Sql {
  const terms = plan.milestones.map(
    ({ key }) => `CASE WHEN ${openSqlText(plan, progress, key)} THEN ${deadline}."${key}" END`,
  );
  return Prisma.raw(`LEAST(${terms.join(", ")})`);
}

/**
 * A unit's `unit_progress` row as it stood before `recordedBefore`: the same fold the database keeps
 * (prisma/migrations/…_unit_progress_dates), over the reports recorded before that instant only. The
 * figures "as of" a past day (`status --as-of`, `export --as-of`) read it in place of the table, so they
 * are computed from the reports known then by the same queries that count today. Always one row (all
 * nulls when nothing was reported), to be joined `LEFT JOIN LATERAL (<this>) alias ON true`.
 */
export function progressAsOfSql(
  plan: CampaignPlan,
  unitId: Prisma.Sql,
  campaignId: Prisma.Sql,
  recordedBefore: Date,
): Prisma.Sql {
  const current = (expression: string, key: Milestone) =>
    `(array_agg(${expression} ORDER BY r.id DESC) FILTER (WHERE r.milestone = '${key}'))[1]`;
  const columns = plan.milestones.flatMap(({ key }) => [
    `max(r.id) FILTER (WHERE r.milestone = '${key}') AS "${currentReportColumn[key]}"`,
    `${current(`r."eventDate"`, key)} AS "${key}EventDate"`,
    `${current(`r."createdAt"`, key)} AS "${key}RecordedAt"`,
  ]);
  return Prisma.sql`
    SELECT ${Prisma.raw(columns.join(",\n           "))},
           ${Prisma.raw(current(`coalesce(r."eventDate", r."createdAt"::date)`, "scheduled"))} AS "scheduledOn",
           ${Prisma.raw(current(`coalesce(r."eventDate", r."createdAt"::date)`, "held"))} AS "heldOn",
           min(r."createdAt") FILTER (WHERE r.milestone = 'held') AS "heldFirstAt",
           ${Prisma.raw(current(`r.payload -> 'results'`, "held"))} AS "heldResults"
    FROM reports r
    WHERE r."unitId" = ${unitId} AND r."campaignId" = ${campaignId} AND r."createdAt" < ${recordedBefore}`;
}

/**
 * Whether the row `alias` (a difficulty, a reminder pause) is open: now (not closed), or when `before` is
 * given, opened before that instant and not closed by then.
 */
export function openAtSql(
  alias: string,
  columns: { opened: string; closed: string },
  before: Date | null | undefined,
): Prisma.Sql {
  const opened = Prisma.raw(`${alias}."${columns.opened}"`);
  const closed = Prisma.raw(`${alias}."${columns.closed}"`);
  if (!before) return Prisma.sql`${closed} IS NULL`;
  return Prisma.sql`${opened} < ${before} AND (${closed} IS NULL OR ${closed} >= ${before})`;
}

export const difficultyOpening = { opened: "openedAt", closed: "resolvedAt" };
export const pauseOpening = { opened: "pausedAt", closed: "resumedAt" };

/** Whether the unit `unitId` has a reminder pause open (now, or at `before`). */
export function openPauseSql(unitId: Prisma.Sql, before: Date | null | undefined): Prisma.Sql {
  return Prisma.sql`EXISTS (SELECT 1 FROM reminder_pauses rp WHERE rp."unitId" = ${unitId} AND ${openAtSql("rp", pauseOpening, before)})`;
}
