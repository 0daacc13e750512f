// What a secretary is reminded of, and when. One message a day at most, combining everything due for
// them: every milestone of their units that is neither reached nor paused and has a reminder day in force
// (by default 7, 3, 1 days before its deadline and on the day, then every 3 days overdue; see
// reminder-policy.ts). A message goes out on a day when one of those reminder days is newer than the
// person's last reminder: so a reminder day that fell on a holiday is told on the next working day, a
// newcomer's backlog arrives as one message, and nothing reached, closed by a later milestone (a held
// congress closes its plan) or paused is ever mentioned.
import type { CampaignPlan } from "./campaign-plan.js";
import type { CampaignTemplate } from "./campaign-template.js";
import { unitChecklist, type ChecklistItem, type ListedUnit, type UnitFacts } from "./checklist.js";
import type { LocalDate } from "./local-date.js";
import { currentTrigger, type ReminderPolicy } from "./reminder-policy.js";

export type OpenItem = Extract<ChecklistItem<string>, { state: "overdue" | "dueSoon" | "notYetDue" }>;

/** A campaign of another template than the congress, as a reminder names it. */
export interface RemindedCampaign {
  id: number;
  /** The campaign's key in the organisation file (its web page: /don-vi/<unit>/dot/<key>). */
  key: string;
  name: string;
  template: CampaignTemplate;
}

export interface ReminderItem<U extends { id: number } = ListedUnit> {
  unit: U;
  item: OpenItem & { dueDate: LocalDate };
  /** The reminder day in force for this milestone (the latest one not after today). */
  trigger: LocalDate;
  /** The campaign of another template it belongs to; null: the congress. */
  campaign: RemindedCampaign | null;
}

/**
 * The milestones to remind a secretary of today, for each of their units (in the order given), in the
 * plan's order: the congress's (`campaign` null), or another campaign's (its plan, its units' facts in
 * the current round).
 */
export function reminderItems<U extends { id: number; facts: UnitFacts<string> }>(
  plan: CampaignPlan<string>,
  units: readonly U[],
  today: LocalDate,
  policyOf: (unit: U) => ReminderPolicy,
  campaign: RemindedCampaign | null = null,
): ReminderItem<U>[] {
  const items: ReminderItem<U>[] = [];
  for (const unit of units) {
    for (const item of unitChecklist(plan, unit.facts, today)) {
      if (item.state !== "overdue" && item.state !== "dueSoon" && item.state !== "notYetDue") continue;
      if (item.dueDate === null) continue;
      const trigger = currentTrigger(item.dueDate, today, policyOf(unit));
      if (trigger) items.push({ unit, item: item as ReminderItem["item"], trigger, campaign });
    }
  }
  return items;
}

/** Whether today's message is due: a reminder day newer than the last message (any, for someone never reminded). */
export function reminderIsDue(items: readonly ReminderItem<{ id: number }>[], lastReminded: LocalDate | null): boolean {
  return items.some((entry) => lastReminded === null || entry.trigger > lastReminded);
}
