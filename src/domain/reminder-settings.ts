// The `reminders` section of a campaign in the org file, read into a ReminderPolicy (defaults for what
// it leaves out), written back, and kept in the campaign's JSON column.
import { z } from "zod";
import { parseLocalDate } from "./local-date.js";
import {
  defaultReminderPolicy,
  formatHolidayRange,
  weekdayNames,
  type HolidayRange,
  type ReminderPolicy,
  type WeekdayName,
} from "./reminder-policy.js";
import { daysBetween } from "./user-date.js";

/** The longest holiday range accepted: longer is more likely a typo (2026 for 2027) than a holiday. */
export const maxHolidayDays = 31;

/** "8:00" or "08:00" → "08:00"; null when it is not a time of day. */
export function parseReminderTime(input: string): string | null {
  const match = /^(\d{1,2}):(\d{2})$/.exec(input.trim());
  if (!match) return null;
  const [hour, minute] = [Number(match[1]), Number(match[2])];
  if (hour > 23 || minute > 59) return null;
  return `${String(hour).padStart(2, "0")}:${match[2]}`;
}

export type HolidayParse = { ok: true; range: HolidayRange } | { ok: false; problem: "format" | "order" | "too-long" };

/** A date ("2026-04-30", "30/04/2026") or an inclusive range of two dates joined by "..". */
export function parseHoliday(input: string): HolidayParse {
  const parts = input.split("..").map((part) => part.trim());
  if (parts.length > 2) return { ok: false, problem: "format" };
  const [from, to] = [parseLocalDate(parts[0]!), parseLocalDate(parts[1] ?? parts[0]!)];
  if (!from || !to) return { ok: false, problem: "format" };
  if (to < from) return { ok: false, problem: "order" };
  if (daysBetween(from, to) + 1 > maxHolidayDays) return { ok: false, problem: "too-long" };
  return { ok: true, range: { from, to } };
}

/** What the org file says, already checked by orgFileSchema (strings, as the failsafe YAML schema gives them). */
export interface ReminderSettingsInFile {
  daysBefore?: string[] | undefined;
  overdueEvery?: string | undefined;
  time?: string | undefined;
  daysOff?: WeekdayName[] | undefined;
  /** "false" turns Vietnam's public holidays off (YAML's failsafe schema gives the word, not a boolean). */
  publicHolidays?: "true" | "false" | undefined;
  holidays?: string[] | undefined;
}

export function policyFromFile(settings: ReminderSettingsInFile): ReminderPolicy {
  return {
    daysBefore: settings.daysBefore
      ? [...new Set(settings.daysBefore.map(Number))].sort((a, b) => b - a)
      : defaultReminderPolicy.daysBefore,
    overdueEvery:
      settings.overdueEvery !== undefined ? Number(settings.overdueEvery) : defaultReminderPolicy.overdueEvery,
    time: settings.time !== undefined ? parseReminderTime(settings.time)! : defaultReminderPolicy.time,
    daysOff: settings.daysOff
      ? settings.daysOff.map((name) => weekdayNames.indexOf(name)).sort()
      : defaultReminderPolicy.daysOff,
    publicHolidays:
      settings.publicHolidays !== undefined ? settings.publicHolidays === "true" : defaultReminderPolicy.publicHolidays,
    holidays: settings.holidays
      ? settings.holidays
          .map((text) => (parseHoliday(text) as { ok: true; range: HolidayRange }).range)
          .sort((a, b) => a.from.localeCompare(b.from))
      : defaultReminderPolicy.holidays,
  };
}

/** The whole policy, every key written, so an exported file says exactly what is in force. */
export function policyToFile(policy: ReminderPolicy): Required<{ [K in keyof ReminderSettingsInFile]: unknown }> {
  return {
    daysBefore: policy.daysBefore,
    overdueEvery: policy.overdueEvery,
    time: policy.time,
    daysOff: policy.daysOff.map((day) => weekdayNames[day]!),
    publicHolidays: policy.publicHolidays,
    holidays: policy.holidays.map(formatHolidayRange),
  };
}

const storedPolicySchema = z
  .object({
    daysBefore: z.array(z.number().int().min(0)),
    overdueEvery: z.number().int().min(0),
    time: z.string().regex(/^\d{2}:\d{2}$/),
    daysOff: z.array(z.number().int().min(0).max(6)),
    // Stored before public holidays were days off: such a campaign kept the defaults, which now include them.
    publicHolidays: z.boolean().default(true),
    holidays: z.array(z.object({ from: z.string(), to: z.string() }).strict()),
  })
  .strict();

/** The campaign's stored policy; null when there is none (or it is unreadable, which only a hand edit could cause). */
export function policyFromStored(value: unknown): ReminderPolicy | null {
  if (value === null || value === undefined) return null;
  const parsed = storedPolicySchema.safeParse(value);
  return parsed.success ? parsed.data : null;
}

/** Equal policies (for the org diff); lists are kept sorted, so they compare in order. */
export function samePolicy(a: ReminderPolicy | null, b: ReminderPolicy | null): boolean {
  if (a === null || b === null) return a === b;
  const canonical = (policy: ReminderPolicy) =>
    JSON.stringify([
      policy.daysBefore,
      policy.overdueEvery,
      policy.time,
      policy.daysOff,
      policy.publicHolidays,
      policy.holidays.map(formatHolidayRange),
    ]);
  return canonical(a) === canonical(b);
}
