// One checklist per unit: every milestone of the campaign plan in exactly one state, judged on the office's
// day. Reminders, the working-group list, /trangthai, /tiendo, the digest, the chart and the export all
// read a unit through here (the roll-up's counts through SQL generated from the same plan, see
// src/db/unit-progress.ts), so "overdue" means one thing everywhere:
//   done       reported, with the day it happened and the day it was reported
//   closed     not reported, but a later milestone that presumes it is done (a held congress closes its plan)
//   paused     not reached, and the unit's reminders are paused (its congress is officially postponed)
//   overdue    not reached, not paused, and its deadline has passed
//   dueSoon    not reached, deadline today or within the next `dueSoonDays` days
//   notYetDue  not reached, deadline further away (or none)
// Late is two facts, never one word: done late (it happened after the deadline) and reported late (the
// report came after the deadline). A plan issued on time and reported later is on-time work reported late.
import { closedBy, type CampaignPlan } from "./campaign-plan.js";
import type { Milestone, UnitLevel } from "./levels.js";
import type { LocalDate } from "./local-date.js";
import type { NamedUnit } from "./unit-label.js";
import { daysBetween } from "./user-date.js";

/** A deadline this many days away or nearer is "due soon" (the working-group list's horizon too). */
export const dueSoonDays = 7;

export interface ReachedMilestone {
  /** The day it happened (the congress held, the plan issued), as reported. */
  happenedOn: LocalDate;
  /** The office's day the report was recorded. */
  reportedOn: LocalDate;
  /** The day of the later event it names, for a milestone that names one (the congress date fixed). */
  eventOn?: LocalDate;
}

/**
 * A report as the checklist reads it: it happened on the date it names (the day it was reported when it
 * names none), except a milestone whose date is that of a later event (the congress date fixed), which is
 * reached the day it is reported.
 */
export function reachedFromReport<M extends string>(
  plan: CampaignPlan<M>,
  report: { milestone: M; eventDate: LocalDate | null; reportedOn: LocalDate },
): ReachedMilestone {
  const laterEvent = plan.milestones.find((item) => item.key === report.milestone)?.namesLaterEvent === true;
  if (laterEvent)
    return {
      happenedOn: report.reportedOn,
      reportedOn: report.reportedOn,
      ...(report.eventDate && { eventOn: report.eventDate }),
    };
  return { happenedOn: report.eventDate ?? report.reportedOn, reportedOn: report.reportedOn };
}

/** What is known of a unit in a campaign: the deadlines of its level, what it reported, its pause. */
export interface UnitFacts<M extends string = Milestone> {
  deadlines: Partial<Record<M, LocalDate>>;
  /** The current report of each milestone reported. */
  reached: Partial<Record<M, ReachedMilestone>>;
  /** Reminders paused (/hoan): the unit's congress is officially postponed. */
  paused: boolean;
  /** The planned day of the unit's pilot congress (đại hội điểm), if it holds one. */
  pilotDate: LocalDate | null;
}

/** A unit as lists read it: where it sits, how it is named, and its facts (in the congress, or another campaign). */
export interface ListedUnit<M extends string = Milestone> extends NamedUnit {
  id: number;
  code: string;
  level: UnitLevel;
  parentId: number | null;
  /** Its grassroots organisation (itself, its parent or grandparent); null above that level. */
  grassrootsId: number | null;
  /** The organisation file's order. */
  position: number;
  facts: UnitFacts<M>;
}

export type ChecklistItem<M extends string = Milestone> =
  | ({ milestone: M; state: "done"; dueDate: LocalDate | null } & ReachedMilestone & Lateness)
  | { milestone: M; state: "closed"; dueDate: LocalDate | null; by: M }
  | { milestone: M; state: "paused"; dueDate: LocalDate | null }
  | { milestone: M; state: "overdue"; dueDate: LocalDate; daysOverdue: number }
  | { milestone: M; state: "dueSoon"; dueDate: LocalDate; daysLeft: number }
  | { milestone: M; state: "notYetDue"; dueDate: LocalDate | null; daysLeft: number | null };

export type ChecklistState = ChecklistItem["state"];

export interface Lateness {
  /** It happened after the deadline. */
  doneLate: boolean;
  /** It was reported after the deadline. */
  reportedLate: boolean;
}

export function lateness(reached: ReachedMilestone, dueDate: LocalDate | null): Lateness {
  return {
    doneLate: dueDate !== null && reached.happenedOn > dueDate,
    reportedLate: dueDate !== null && reached.reportedOn > dueDate,
  };
}

export function unitChecklist<M extends string>(
  plan: CampaignPlan<M>,
  facts: UnitFacts<M>,
  today: LocalDate,
): ChecklistItem<M>[] {
  const done = new Set(plan.milestones.map((item) => item.key).filter((key) => facts.reached[key] !== undefined));
  return plan.milestones.map(({ key: milestone }): ChecklistItem<M> => {
    const dueDate = facts.deadlines[milestone] ?? null;
    const reached = facts.reached[milestone];
    if (reached) return { milestone, state: "done", dueDate, ...reached, ...lateness(reached, dueDate) };
    const by = closedBy(plan, milestone, done);
    if (by) return { milestone, state: "closed", dueDate, by };
    if (facts.paused) return { milestone, state: "paused", dueDate };
    if (dueDate === null) return { milestone, state: "notYetDue", dueDate, daysLeft: null };
    const daysLeft = daysBetween(today, dueDate);
    if (daysLeft < 0) return { milestone, state: "overdue", dueDate, daysOverdue: -daysLeft };
    if (daysLeft <= dueSoonDays) return { milestone, state: "dueSoon", dueDate, daysLeft };
    return { milestone, state: "notYetDue", dueDate, daysLeft };
  });
}

/** Reached: done, or closed by a later milestone. */
export function isReached(item: ChecklistItem<string>): boolean {
  return item.state === "done" || item.state === "closed";
}

export type OverdueItem<M extends string = Milestone> = Extract<ChecklistItem<M>, { state: "overdue" }>;

/** The overdue milestones, in the plan's order. */
export function overdueItems<M extends string>(items: readonly ChecklistItem<M>[]): OverdueItem<M>[] {
  return items.filter((item): item is OverdueItem<M> => item.state === "overdue");
}

/** The first milestone not reached, in the plan's order; null when all are. */
export function nextOpen<M extends string>(items: readonly ChecklistItem<M>[]): ChecklistItem<M> | null {
  return items.find((item) => !isReached(item)) ?? null;
}

/**
 * Where a unit stands as a whole: done (the final milestone is reached: reported, or closed by a report
 * that makes it moot, such as a monthly meeting reported as not held, with its reason), paused, overdue
 * (a milestone is), or on track. The same four words count units in the working-group list, /tiendo and
 * the digest.
 */
export type Standing = "done" | "paused" | "overdue" | "onTrack";

export function standingOf<M extends string>(plan: CampaignPlan<M>, items: readonly ChecklistItem<M>[]): Standing {
  if (items.some((item) => item.milestone === plan.final && isReached(item))) return "done";
  if (items.some((item) => item.state === "paused")) return "paused";
  if (items.some((item) => item.state === "overdue")) return "overdue";
  return "onTrack";
}

/** Why a working group should chase a unit today, most urgent kind first. */
export type AttentionReason<M extends string = Milestone> =
  | { kind: "finalOverdue"; dueDate: LocalDate; days: number }
  /** `dateOverdueDays`: how long the date itself is overdue, when it is. */
  | { kind: "finalSoonUndated"; dueDate: LocalDate; daysLeft: number; dateOverdueDays: number | null }
  | { kind: "pilotPassed"; pilotDate: LocalDate; days: number }
  | { kind: "milestoneOverdue"; milestone: M; dueDate: LocalDate; days: number };

export const attentionOrder: readonly AttentionReason["kind"][] = [
  "finalOverdue",
  "finalSoonUndated",
  "pilotPassed",
  "milestoneOverdue",
];

/**
 * What to chase a unit for, most urgent first: its congress overdue; its congress due within
 * `dueSoonDays` with no date set; its pilot congress's planned day passed with no report; any other
 * overdue milestone (longest overdue first). Empty for a unit that is done, paused or on track without
 * any of these.
 */
export function unitAttention<M extends string>(
  plan: CampaignPlan<M>,
  facts: UnitFacts<M>,
  items: readonly ChecklistItem<M>[],
  today: LocalDate,
): AttentionReason<M>[] {
  const final = items.find((item) => item.milestone === plan.final);
  if (!final || isReached(final) || final.state === "paused") return [];
  const reasons: AttentionReason<M>[] = [];
  if (final.state === "overdue")
    reasons.push({ kind: "finalOverdue", dueDate: final.dueDate, days: final.daysOverdue });
  const dateItem = plan.dateSetBy === null ? undefined : items.find((item) => item.milestone === plan.dateSetBy);
  if (final.state === "dueSoon" && dateItem && !isReached(dateItem)) {
    const dateOverdueDays = dateItem.state === "overdue" ? dateItem.daysOverdue : null;
    reasons.push({ kind: "finalSoonUndated", dueDate: final.dueDate, daysLeft: final.daysLeft, dateOverdueDays });
  }
  if (facts.pilotDate !== null && facts.pilotDate < today)
    reasons.push({ kind: "pilotPassed", pilotDate: facts.pilotDate, days: daysBetween(facts.pilotDate, today) });
  // "No date set" already says the date milestone is missing (and how long it is overdue): not repeated.
  const soonUndated = reasons.some((reason) => reason.kind === "finalSoonUndated");
  const others = overdueItems(items)
    .filter((item) => item.milestone !== plan.final && !(soonUndated && item.milestone === plan.dateSetBy))
    .sort((a, b) => b.daysOverdue - a.daysOverdue);
  for (const item of others)
    reasons.push({
      kind: "milestoneOverdue",
      milestone: item.milestone,
      dueDate: item.dueDate,
      days: item.daysOverdue,
    });
  return reasons;
}

/** Orders two units' reasons: the more urgent first (kind, then days overdue or left). Negative when `a` is. */
export function compareAttention<M extends string>(
  a: readonly AttentionReason<M>[],
  b: readonly AttentionReason<M>[],
): number {
  const [first, second] = [a[0], b[0]];
  if (!first || !second) return (first ? 0 : 1) - (second ? 0 : 1);
  const byKind = attentionOrder.indexOf(first.kind) - attentionOrder.indexOf(second.kind);
  if (byKind !== 0) return byKind;
  // Overdue longer, or due sooner, is more urgent.
  return first.kind === "finalSoonUndated" && second.kind === "finalSoonUndated"
    ? first.daysLeft - second.daysLeft
    : urgencyDays(second) - urgencyDays(first);
}

function urgencyDays(reason: AttentionReason<string>): number {
  return reason.kind === "finalSoonUndated" ? -reason.daysLeft : reason.days;
}
