// Reading a unit's `unit_progress` row (kept by the database from the reports; see prisma/schema.prisma)
// the way the checklist (src/domain/checklist.ts) judges it. The SQL here restates no rule: which
// milestones a done set leaves open comes from the campaign plan as a table (openMilestonesByDone), and
// the roll-up only compares the earliest open deadline with the day.
import { Prisma } from "@prisma/client";
import { milestoneBit, openMilestonesByDone, type CampaignPlan } from "../domain/campaign-plan.js";
import type { Milestone } from "../domain/levels.js";

/** The column of `unit_progress` holding the current report of each milestone. */
export const currentReportColumn: Record<Milestone, string> = {
  plan: "planReportId",
  documents: "documentsReportId",
  personnel: "personnelReportId",
  scheduled: "scheduledReportId",
  held: "heldReportId",
};

/** The done-mask (bit i: the plan's i-th milestone reported) of the `unit_progress` row `alias`; 0 without a row. */
export function doneMaskSql(plan: CampaignPlan, alias: string): Prisma.Sql {
  const bits = plan.milestones.map(
    ({ key }) => `CASE WHEN ${alias}."${currentReportColumn[key]}" IS NOT NULL THEN ${milestoneBit(plan, key)} ELSE 0 END`,
  );
  return Prisma.raw(`(${bits.join(" + ")})`);
}

/** `SELECT done, open` for every done-mask: join it on the done-mask to know what is still open. */
export function closureTableSql(plan: CampaignPlan): Prisma.Sql {
  const rows = openMilestonesByDone(plan);
  return Prisma.sql`SELECT * FROM unnest(${rows.map((row) => row.done)}::int[], ${rows.map((row) => row.open)}::int[]) AS closure(done, open)`;
}

/**
 * The deadlines of each (campaign, level), one column per milestone of the plan (named after it), from
 * `campaign_deadlines` rows whose campaign is in the relation `campaigns` (a CTE or table with `id`).
 */
export function deadlinePivotSql(plan: CampaignPlan, campaigns: string): Prisma.Sql {
  const columns = plan.milestones.map(({ key }) => `max(d."dueDate") FILTER (WHERE d.milestone = '${key}') AS "${key}"`);
  return Prisma.raw(
    `SELECT d."campaignId", d.level, ${columns.join(", ")} FROM campaign_deadlines d WHERE d."campaignId" IN (SELECT id FROM ${campaigns}) GROUP BY d."campaignId", d.level`,
  );
}

/**
 * The earliest deadline among the milestones still open: `open` is the closure table's open mask, `deadline`
 * the alias of a deadline pivot row. Null when nothing open has a deadline.
 */
export function earliestOpenDeadlineSql(plan: CampaignPlan, open: string, deadline: string): Prisma.Sql {
  const terms = plan.milestones.map(({ key }) => `CASE WHEN ${open} & ${milestoneBit(plan, key)} <> 0 THEN ${deadline}."${key}" END`);
  return Prisma.raw(`LEAST(${terms.join(", ")})`);
}

/** Whether milestone `key` is reached (done or closed) given the closure table's open mask. */
export function reachedSql(plan: CampaignPlan, open: string, key: Milestone): Prisma.Sql {
  return Prisma.raw(`(${open} & ${milestoneBit(plan, key)} = 0)`);
}
