// The one source of "now" and "today": injectable, so tests can move time, and always read in
// APP_TIMEZONE, so "today" is the office's day, not the server's.
import dayjs from "dayjs";
import timezone from "dayjs/plugin/timezone.js";
import utc from "dayjs/plugin/utc.js";
import type { LocalDate } from "./domain/local-date.js";
import { isQuietTime } from "./domain/reminder-policy.js";
import { addDays } from "./domain/user-date.js";

dayjs.extend(utc);
dayjs.extend(timezone);

export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** A clock tests can set and move. */
export function fixedClock(start: Date | string): Clock & { set(to: Date | string): void; advance(ms: number): void } {
  let current = new Date(start);
  return {
    now: () => new Date(current),
    set: (to) => (current = new Date(to)),
    advance: (ms) => (current = new Date(current.getTime() + ms)),
  };
}

export function localToday(clock: Clock, timeZone: string): LocalDate {
  return localDateOf(clock.now(), timeZone);
}

/**
 * The calendar day of an instant in the office's time zone. Read several times per update: one formatter
 * per zone, kept (dayjs's tz() builds its own and formats twice; it was 6% of the bot's CPU under load).
 */
export function localDateOf(instant: Date, timeZone: string): LocalDate {
  let format = dayFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat("en-US", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" });
    dayFormats.set(timeZone, format);
  }
  const parts = format.formatToParts(instant);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)!.value;
  return `${part("year")}-${part("month")}-${part("day")}`;
}

const dayFormats = new Map<string, Intl.DateTimeFormat>();

/**
 * The local day whose daily window [time, time + hours) holds `now` (time is HH:mm in timeZone), with the
 * window's start; null outside it. The scheduled jobs decide with it what is due on which day.
 */
export function dailyWindow(
  now: Date,
  timeZone: string,
  time: string,
  hours: number,
): { date: LocalDate; at: Date } | null {
  const local = dayjs(now).tz(timeZone);
  const date = local.format("YYYY-MM-DD");
  const at = dayjs.tz(`${date} ${time}`, "YYYY-MM-DD HH:mm", timeZone);
  if (local.isBefore(at) || !local.isBefore(at.add(hours, "hour"))) return null;
  return { date, at: at.toDate() };
}

/**
 * `now`, or when it falls inside the quiet hours [start, end) (which may wrap midnight, 21:00-07:00) in
 * `timeZone`, the instant they end: messages that may wait are not sent at night.
 */
export function afterQuietHours(now: Date, timeZone: string, quiet: { start: string; end: string }): Date {
  const local = dayjs(now).tz(timeZone);
  if (!isQuietTime(local.format("HH:mm"), quiet)) return now;
  let end = dayjs.tz(`${local.format("YYYY-MM-DD")} ${quiet.end}`, "YYYY-MM-DD HH:mm", timeZone);
  if (!end.isAfter(local)) end = end.add(1, "day");
  return end.toDate();
}

/**
 * The first instant of the office's day after `day`: what was recorded before it was known "as of"
 * `day` (`status --as-of`, `export --as-of`).
 */
export function endOfLocalDay(day: LocalDate, timeZone: string): Date {
  return atLocalTime(addDays(day, 1), "00:00", timeZone);
}

/**
 * The office's day figures are computed for at `now`, and what counts: today and everything recorded; or,
 * asked "as of" an earlier day, that day and what was recorded by its end. A day not before today is today.
 * Given the moment the caller stamps its figures with, so the two never fall on different days.
 */
export function figuresDay(
  now: Date,
  timeZone: string,
  asOf?: LocalDate,
): { today: LocalDate; recordedBefore: Date | null } {
  const today = localDateOf(now, timeZone);
  if (asOf === undefined || asOf >= today) return { today, recordedBefore: null };
  return { today: asOf, recordedBefore: endOfLocalDay(asOf, timeZone) };
}

/** The instant of `time` (HH:mm) on the office's day `day`. */
export function atLocalTime(day: LocalDate, time: string, timeZone: string): Date {
  return dayjs.tz(`${day} ${time}`, "YYYY-MM-DD HH:mm", timeZone).toDate();
}
