// What a campaign asks of every unit: its milestones in order, which later milestone makes which earlier
// ones moot once it is done (a congress held needs no more reminders about its plan), which milestone
// completes the campaign for a unit, and which one fixes that milestone's date. Every screen, list,
// reminder and count judges a unit by this plan through src/domain/checklist.ts; the database's roll-up
// generates its SQL from the same plan (src/db/unit-progress.ts), so none of them can disagree.
//
// The congress plan is written here, typed by its milestones, for the code that reads its columns; every
// template's plan (campaign-template.ts, templatePlan) is a value of the same type with string keys, and
// test/unit/campaign-templates.test.ts checks that the built-in congress template gives this very plan.
import type { Milestone } from "./levels.js";

export interface MilestoneDefinition<M extends string = Milestone> {
  key: M;
  /** Earlier milestones this one closes once it is done: they no longer count as due or overdue. */
  closes: readonly M[];
  /**
   * Its report names the day of a later event (the congress date fixed), not the day it was reached: it
   * is reached the day it is reported.
   */
  namesLaterEvent?: boolean;
}

export interface CampaignPlan<M extends string = Milestone> {
  /** In the order a unit reaches them. */
  milestones: readonly MilestoneDefinition<M>[];
  /** The milestone that completes the campaign for a unit (the congress held). */
  final: M;
  /** The milestone that sets the final one's date (the congress date fixed), if the campaign has one. */
  dateSetBy: M | null;
}

/**
 * The congress: a plan, then the draft documents and the approved personnel plan (each presumes the
 * plan), then the congress date (which presumes all three), then the congress itself (which closes all).
 */
export const congressPlan: CampaignPlan = {
  milestones: [
    { key: "plan", closes: [] },
    { key: "documents", closes: ["plan"] },
    { key: "personnel", closes: ["plan"] },
    { key: "scheduled", closes: ["plan", "documents", "personnel"], namesLaterEvent: true },
    { key: "held", closes: ["plan", "documents", "personnel", "scheduled"] },
  ],
  final: "held",
  dateSetBy: "scheduled",
};

/** The done milestone that closes `milestone`, the latest in the plan's order; null when none does. */
export function closedBy<M extends string>(plan: CampaignPlan<M>, milestone: M, done: ReadonlySet<M>): M | null {
  for (let index = plan.milestones.length - 1; index >= 0; index--) {
    const candidate = plan.milestones[index]!;
    if (done.has(candidate.key) && candidate.closes.includes(milestone)) return candidate.key;
  }
  return null;
}

/** Milestones still open (neither done nor closed) once `done` are, in the plan's order. */
export function openMilestones<M extends string>(plan: CampaignPlan<M>, done: ReadonlySet<M>): M[] {
  return plan.milestones.map((item) => item.key).filter((key) => !done.has(key) && closedBy(plan, key, done) === null);
}

/** The milestones that close `milestone` once they are done, in the plan's order. */
export function closersOf<M extends string>(plan: CampaignPlan<M>, milestone: M): M[] {
  return plan.milestones.filter((item) => item.closes.includes(milestone)).map((item) => item.key);
}
