// A unit's checklist as lines (/trangthai, the answer after a report, the greeting after onboarding).
import type { Translate } from "../i18n.js";
import { formatLocalDate } from "../domain/local-date.js";
import type { MilestoneState } from "../domain/milestone-status.js";

export function renderChecklistTitle(t: Translate, unit: { name: string; parentName: string | null; term: string | null }): string {
  return t("checklist-title", { unit: unit.name, parent: unit.parentName ?? "none", term: unit.term ?? "none" });
}

export function renderChecklistLine(t: Translate, item: MilestoneState): string {
  const milestone = t("milestone-name", { milestone: item.milestone });
  switch (item.state) {
    case "done":
      return t("checklist-done", { milestone, date: formatLocalDate(item.date), late: item.late ? "yes" : "no" });
    case "overdue":
      return t("checklist-overdue", { milestone, days: item.daysOverdue, date: formatLocalDate(item.dueDate) });
    case "due":
      return item.dueDate
        ? t("checklist-due", { milestone, date: formatLocalDate(item.dueDate), days: item.daysLeft ?? 0 })
        : t("checklist-due-no-deadline", { milestone });
  }
}

export function renderNextDue(t: Translate, next: MilestoneState | null): string {
  if (!next) return t("next-due-none");
  const date = next.state === "done" || !next.dueDate ? "none" : formatLocalDate(next.dueDate);
  return t("next-due", { milestone: t("milestone-name", { milestone: next.milestone }), date });
}
