// When secretaries are reminded of a milestone: 7, 3 and 1 days before its deadline and on the day, then
// every 3 days while it is overdue; only on working days, at the reminder time, outside quiet hours.
import type { LocalDate } from "./local-date.js";
import { addDays, daysBetween } from "./user-date.js";

export interface ReminderPolicy {
  daysBefore: number[];
  overdueEvery: number;
  /** Local time reminders go out (HH:mm). */
  time: string;
  /** Weekdays without reminders (0 = Sunday). */
  daysOff: number[];
  /** Dates without reminders (e.g. Tết). */
  holidays: LocalDate[];
}

export const defaultReminderPolicy: ReminderPolicy = { daysBefore: [7, 3, 1, 0], overdueEvery: 3, time: "08:00", daysOff: [0], holidays: [] };

/**
 * The reminder day in force for a deadline: the latest trigger day not after today, or null before the
 * first. A reminder whose day fell on a day off is thus sent on the next working day, once (its key is
 * the trigger day), and a later trigger replaces it.
 */
export function currentTrigger(deadline: LocalDate, today: LocalDate, policy: ReminderPolicy): LocalDate | null {
  if (today > deadline) {
    const overdue = daysBetween(deadline, today);
    const steps = Math.floor(overdue / policy.overdueEvery);
    if (steps >= 1) return addDays(deadline, steps * policy.overdueEvery);
  }
  const before = policy.daysBefore
    .map((days) => addDays(deadline, -days))
    .filter((day) => day <= today)
    .sort();
  return before.at(-1) ?? null;
}

export function isWorkingDay(date: LocalDate, policy: ReminderPolicy): boolean {
  const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
  return !policy.daysOff.includes(weekday) && !policy.holidays.includes(date);
}

/** True inside the quiet range [start, end), which may wrap midnight (21:00-07:00). */
export function isQuietTime(time: string, quiet: { start: string; end: string }): boolean {
  return quiet.start <= quiet.end ? time >= quiet.start && time < quiet.end : time >= quiet.start || time < quiet.end;
}

export function remindersMayGoOut(date: LocalDate, time: string, policy: ReminderPolicy, quiet: { start: string; end: string }): boolean {
  return isWorkingDay(date, policy) && time >= policy.time && !isQuietTime(time, quiet);
}
