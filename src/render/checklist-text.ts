// A unit's checklist as lines (/trangthai, /tiendo, the answer after a report, the greeting after
// onboarding): one line per milestone in the state src/domain/checklist.ts gives it.
import type { ChecklistItem } from "../domain/checklist.js";
import { formatLocalDate } from "../domain/local-date.js";
import type { Translate } from "../i18n.js";

export function renderChecklistTitle(
  t: Translate,
  unit: { name: string; parentName: string | null; term: string | null },
): string {
  return t("checklist-title", { unit: unit.name, parent: unit.parentName ?? "none", term: unit.term ?? "none" });
}

/** `nameOf`: a template campaign's milestone label (the congress's come from the locale files). */
export function renderChecklistLine(
  t: Translate,
  item: ChecklistItem<string>,
  nameOf: (milestone: string) => string = (milestone) => t("milestone-name", { milestone }),
): string {
  const milestone = nameOf(item.milestone);
  switch (item.state) {
    case "done": {
      const late = item.doneLate ? "done" : item.reportedLate ? "reported" : "no";
      const due = item.dueDate ? formatLocalDate(item.dueDate) : "";
      return t("check-done", {
        milestone,
        date: formatLocalDate(item.eventOn ?? item.happenedOn),
        late,
        due,
        reported: formatLocalDate(item.reportedOn),
      });
    }
    case "closed":
      return t("check-closed", { milestone, by: item.by });
    case "paused":
      return t("check-paused", { milestone, date: item.dueDate ? formatLocalDate(item.dueDate) : "none" });
    case "overdue":
      return t("check-overdue", { milestone, days: item.daysOverdue, date: formatLocalDate(item.dueDate) });
    case "dueSoon":
    case "notYetDue":
      return item.dueDate
        ? t("check-due", { milestone, date: formatLocalDate(item.dueDate), days: item.daysLeft ?? 0 })
        : t("check-no-deadline", { milestone });
  }
}

export function renderNextDue(t: Translate, next: ChecklistItem | null): string {
  if (!next) return t("next-due-none");
  return t("next-due", {
    milestone: t("milestone-name", { milestone: next.milestone }),
    date: next.dueDate ? formatLocalDate(next.dueDate) : "none",
  });
}
