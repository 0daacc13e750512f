// When secretaries are reminded of a milestone: by default 7, 3 and 1 days before its deadline and on
// the day, then every 3 days while it is overdue; only on working days (not on days off, Vietnam's public
// holidays or the campaign's own holidays such as the official Tết break), at the reminder time, outside
// quiet hours. A campaign's org file may set each of these.
import type { LocalDate } from "./local-date.js";
import { isVietnamPublicHoliday } from "./public-holidays.js";
import { addDays, daysBetween } from "./user-date.js";

/** A holiday: one date (from = to) or an inclusive range, e.g. Tết 14/02–22/02. */
export interface HolidayRange {
  from: LocalDate;
  to: LocalDate;
}

export interface ReminderPolicy {
  daysBefore: number[];
  overdueEvery: number;
  /** Local time reminders go out (HH:mm). */
  time: string;
  /** Weekdays without reminders (0 = Sunday). */
  daysOff: number[];
  /** Vietnam's public holidays (1/1, Tết, Giỗ Tổ, 30/4, 1/5, 2/9; src/domain/public-holidays.ts) are days off. */
  publicHolidays: boolean;
  /** More dates without reminders, added to the public holidays (e.g. the official Tết break, substitute days). */
  holidays: HolidayRange[];
}

export const defaultReminderPolicy: ReminderPolicy = {
  daysBefore: [7, 3, 1, 0],
  overdueEvery: 3,
  time: "08:00",
  daysOff: [0],
  publicHolidays: true,
  holidays: [],
};

/** Weekday names as the org file writes them, indexed like Date.getUTCDay(). */
export const weekdayNames = ["sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"] as const;
export type WeekdayName = (typeof weekdayNames)[number];

/**
 * The reminder day in force for a deadline: the latest trigger day not after today, or null before the
 * first. A reminder whose day fell on a day off is thus sent on the next working day, once (its key is
 * the trigger day), and a later trigger replaces it.
 */
export function currentTrigger(deadline: LocalDate, today: LocalDate, policy: ReminderPolicy): LocalDate | null {
  // overdueEvery 0: no reminders once the deadline has passed.
  if (today > deadline && policy.overdueEvery > 0) {
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

/** One of the campaign's own holidays (the org file's `holidays`), or a public holiday while the policy keeps them. */
export function isHoliday(date: LocalDate, policy: Pick<ReminderPolicy, "holidays" | "publicHolidays">): boolean {
  return (
    policy.holidays.some((range) => date >= range.from && date <= range.to) ||
    (policy.publicHolidays && isVietnamPublicHoliday(date))
  );
}

export function isWorkingDay(date: LocalDate, policy: ReminderPolicy): boolean {
  const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
  return !policy.daysOff.includes(weekday) && !isHoliday(date, policy);
}

/** True inside the quiet range [start, end), which may wrap midnight (21:00-07:00). */
export function isQuietTime(time: string, quiet: { start: string; end: string }): boolean {
  return quiet.start <= quiet.end ? time >= quiet.start && time < quiet.end : time >= quiet.start || time < quiet.end;
}

export function remindersMayGoOut(
  date: LocalDate,
  time: string,
  policy: ReminderPolicy,
  quiet: { start: string; end: string },
): boolean {
  return isWorkingDay(date, policy) && time >= policy.time && !isQuietTime(time, quiet);
}

/** "2026-02-14..2026-02-22", or the date alone for a one-day holiday: how the org file writes it. */
export function formatHolidayRange(range: HolidayRange): string {
  return range.from === range.to ? range.from : `${range.from}..${range.to}`;
}
