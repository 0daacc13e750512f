// The tests' own reading of the rules of issue #11, written from the issue and not from src/: what a
// milestone reported makes moot, when a milestone's reminder days fall, on which days a secretary is
// reminded and of what, and how a reminder names its milestones. The campaign tests hold the product
// to it.
import dayjs from "dayjs";
import type { Milestone } from "../../src/domain/levels.js";

export const milestoneOrder: Milestone[] = ["plan", "documents", "personnel", "scheduled", "held"];

/** What a milestone reported makes moot: a congress held needs no plan any more; a date set presumes documents and personnel. */
export const closes: Record<Milestone, Milestone[]> = {
  plan: [],
  documents: ["plan"],
  personnel: ["plan"],
  scheduled: ["plan", "documents", "personnel"],
  held: ["plan", "documents", "personnel", "scheduled"],
};

/** The names reminders and cards give the milestones. */
export const milestoneNames: Record<string, Milestone> = {
  "Kế hoạch đại hội": "plan",
  "Dự thảo báo cáo chính trị, kiểm điểm": "documents",
  "Phương án nhân sự": "personnel",
  "Ấn định ngày đại hội": "scheduled",
  "Tổ chức đại hội": "held",
};

export const addDays = (day: string, days: number) => dayjs.utc(day).add(days, "day").format("YYYY-MM-DD");

/**
 * Reached on `day`: reported before it (reports of the day come after the morning's reminders), or made
 * moot by a later milestone reported before it. `reportedOn` gives the day each milestone was reported.
 */
export function reachedOn(
  reportedOn: (milestone: Milestone) => string | undefined,
  milestone: Milestone,
  day: string,
): boolean {
  const before = (m: Milestone) => reportedOn(m) !== undefined && reportedOn(m)! < day;
  return before(milestone) || milestoneOrder.some((later) => closes[later].includes(milestone) && before(later));
}

export interface ReminderPolicy {
  daysBefore: number[];
  overdueEvery: number;
}

const latest = new Map<string, string | undefined>();

/** The latest reminder day of a deadline not after `day`: `daysBefore` it, then every `overdueEvery` days after. */
export function reminderDayOn(
  deadline: string,
  day: string,
  policy: ReminderPolicy = { daysBefore: [7, 3, 1, 0], overdueEvery: 3 },
): string | undefined {
  const key = `${deadline}|${day}|${policy.daysBefore.join(",")}|${policy.overdueEvery}`;
  if (!latest.has(key)) {
    const days = [
      ...policy.daysBefore.map((before) => addDays(deadline, -before)),
      ...Array.from({ length: 120 }, (_, k) => addDays(deadline, (k + 1) * policy.overdueEvery)),
    ];
    latest.set(
      key,
      days
        .filter((reminder) => reminder <= day)
        .sort()
        .at(-1),
    );
  }
  return latest.get(key);
}

export interface DueItem<U> {
  unit: U;
  milestone: Milestone;
  /** The reminder day in force. */
  trigger: string;
}

/**
 * The days a secretary is reminded, and of what: on a working day, everything open with a reminday day in
 * force, when one of those days is newer than the last message (any, before the first).
 */
export function reminderDaysOf<U>(
  workingDays: readonly string[],
  dueOn: (day: string) => DueItem<U>[],
): Map<string, DueItem<U>[]> {
  const days = new Map<string, DueItem<U>[]>();
  let last: string | null = null;
  for (const day of workingDays) {
    const items = dueOn(day);
    if (items.some((item) => last === null || item.trigger > last)) {
      days.set(day, items);
      last = day;
    }
  }
  return days;
}

/**
 * The milestones a reminder names, as "<unit code>:<milestone>": the greeting names a lone unit; a
 * secretary of several units gets a heading per unit ("<name> (<parent>):").
 */
export function toldInReminder(text: string, units: readonly { code: string; name: string }[]): string[] {
  let current = units.length === 1 ? units[0] : undefined;
  const told: string[] = [];
  for (const line of text.split("\n")) {
    const heading = units.find((unit) => line.startsWith(`${unit.name} (`) || line === `${unit.name}:`);
    if (heading && !line.startsWith("• ")) current = heading;
    const item = /^• (.+): hạn /.exec(line);
    if (item) told.push(`${current?.code}:${milestoneNames[item[1]!]}`);
  }
  return told.sort();
}
