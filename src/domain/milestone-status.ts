// A unit's checklist: for each milestone, done (with its date) or due by its deadline, or overdue.
import type { LocalDate } from "./local-date.js";
import { milestones, type Milestone } from "./levels.js";
import { daysBetween } from "./user-date.js";

export interface CurrentReport {
  milestone: Milestone;
  eventDate: LocalDate | null;
  reportedOn: LocalDate;
  late: boolean;
}

export type MilestoneState =
  | { milestone: Milestone; state: "done"; date: LocalDate; late: boolean }
  | { milestone: Milestone; state: "due"; dueDate: LocalDate | null; daysLeft: number | null }
  | { milestone: Milestone; state: "overdue"; dueDate: LocalDate; daysOverdue: number };

export function unitChecklist(
  reports: readonly CurrentReport[],
  deadlines: Partial<Record<Milestone, LocalDate>>,
  today: LocalDate,
): MilestoneState[] {
  return milestones.map((milestone) => {
    const report = reports.find((candidate) => candidate.milestone === milestone);
    if (report) return { milestone, state: "done", date: report.eventDate ?? report.reportedOn, late: report.late };
    const dueDate = deadlines[milestone] ?? null;
    if (dueDate && today > dueDate) return { milestone, state: "overdue", dueDate, daysOverdue: daysBetween(dueDate, today) };
    return { milestone, state: "due", dueDate, daysLeft: dueDate ? daysBetween(today, dueDate) : null };
  });
}

/** The first milestone not yet done, in campaign order. */
export function nextDue(checklist: readonly MilestoneState[]): MilestoneState | null {
  return checklist.find((item) => item.state !== "done") ?? null;
}

/** Late: the milestone was reached after its deadline (for `held` the congress date, else the day reported). */
export function isLate(milestone: Milestone, eventDate: LocalDate | null, reportedOn: LocalDate, dueDate: LocalDate | null): boolean {
  if (!dueDate) return false;
  const happened = milestone === "held" && eventDate ? eventDate : reportedOn;
  return happened > dueDate;
}
