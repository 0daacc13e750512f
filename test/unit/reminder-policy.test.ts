// The reminder policy's rules and the org file's `reminders` section, without a database.
import { describe, expect, it } from "vitest";
import {
  currentTrigger,
  defaultReminderPolicy,
  isWorkingDay,
  remindersMayGoOut,
  type ReminderPolicy,
} from "../../src/domain/reminder-policy.js";
import {
  parseHoliday,
  parseReminderTime,
  policyFromFile,
  policyFromStored,
  policyToFile,
  samePolicy,
} from "../../src/domain/reminder-settings.js";
import { parsePauseCommand, parseResumeCommand } from "../../src/domain/reminder-pause-rules.js";

const tet: ReminderPolicy = {
  ...defaultReminderPolicy,
  holidays: [
    { from: "2026-02-14", to: "2026-02-22" },
    { from: "2026-04-30", to: "2026-04-30" },
  ],
};
const quiet = { start: "21:00", end: "07:00" };

describe("reminder policy", () => {
  it("when a date is inside a holiday range or on a day off, then it is not a working day", () => {
    expect(isWorkingDay("2026-02-13", tet)).toBe(true); // Friday before Tết
    expect(isWorkingDay("2026-02-14", tet)).toBe(false);
    expect(isWorkingDay("2026-02-22", tet)).toBe(false); // last day of the range, a Sunday too
    expect(isWorkingDay("2026-02-23", tet)).toBe(true);
    expect(isWorkingDay("2026-04-30", tet)).toBe(false);
    expect(isWorkingDay("2026-03-01", tet)).toBe(false); // a Sunday
    expect(isWorkingDay("2026-05-01", tet)).toBe(false); // a public holiday, though the list leaves it out
    expect(isWorkingDay("2026-05-01", { ...tet, publicHolidays: false })).toBe(true);
  });

  it("when it is the reminder time on a working day outside quiet hours, then reminders may go out", () => {
    expect(remindersMayGoOut("2026-02-23", "07:59", tet, quiet)).toBe(false);
    expect(remindersMayGoOut("2026-02-23", "08:00", tet, quiet)).toBe(true);
    expect(remindersMayGoOut("2026-02-23", "21:00", tet, quiet)).toBe(false);
    expect(remindersMayGoOut("2026-02-16", "10:00", tet, quiet)).toBe(false);
  });

  it("when overdue reminders are turned off, then the last trigger in force is the deadline's own", () => {
    const policy = { ...defaultReminderPolicy, overdueEvery: 0 };
    expect(currentTrigger("2026-03-10", "2026-03-20", policy)).toBe("2026-03-10");
    expect(currentTrigger("2026-03-10", "2026-03-20", defaultReminderPolicy)).toBe("2026-03-19");
    expect(currentTrigger("2026-03-10", "2026-03-02", defaultReminderPolicy)).toBeNull();
  });
});

describe("the org file's reminders section", () => {
  it("when holidays are written as dates or ranges, then they are read, and bad ones named", () => {
    expect(parseHoliday("2026-02-14..2026-02-22")).toEqual({
      ok: true,
      range: { from: "2026-02-14", to: "2026-02-22" },
    });
    expect(parseHoliday("30/04/2026")).toEqual({ ok: true, range: { from: "2026-04-30", to: "2026-04-30" } });
    expect(parseHoliday("2026-02-22..2026-02-14")).toEqual({ ok: false, problem: "order" });
    expect(parseHoliday("2026-01-01..2026-02-01")).toEqual({ ok: false, problem: "too-long" });
    expect(parseHoliday("2026-01-01..2026-01-31")).toMatchObject({ ok: true });
    expect(parseHoliday("Tết")).toEqual({ ok: false, problem: "format" });
    expect(parseHoliday("2026-01-01..2026-01-02..2026-01-03")).toEqual({ ok: false, problem: "format" });
  });

  it("when a time is written with one digit for the hour, then it is read as HH:mm", () => {
    expect(parseReminderTime("7:30")).toBe("07:30");
    expect(parseReminderTime("24:00")).toBeNull();
    expect(parseReminderTime("8h")).toBeNull();
  });

  it("when a section is read and written back, then it gives the same policy", () => {
    const policy = policyFromFile({
      daysBefore: ["1", "7"],
      daysOff: ["saturday", "sunday"],
      holidays: ["2026-04-30", "2026-02-14..2026-02-22"],
    });
    expect(policy).toEqual({
      daysBefore: [7, 1],
      overdueEvery: 3,
      time: "08:00",
      daysOff: [0, 6],
      publicHolidays: true,
      holidays: [
        { from: "2026-02-14", to: "2026-02-22" },
        { from: "2026-04-30", to: "2026-04-30" },
      ],
    });
    type Written = {
      daysBefore: number[];
      overdueEvery: number;
      time: string;
      daysOff: ("sunday" | "saturday")[];
      publicHolidays: boolean;
      holidays: string[];
    };
    const file = policyToFile(policy) as Written;
    expect(file).toEqual({
      daysBefore: [7, 1],
      overdueEvery: 3,
      time: "08:00",
      daysOff: ["sunday", "saturday"],
      publicHolidays: true,
      holidays: ["2026-02-14..2026-02-22", "2026-04-30"],
    });
    // As YAML's failsafe schema reads the file back: every scalar a string.
    const read = (written: Written) =>
      policyFromFile({
        ...written,
        daysBefore: written.daysBefore.map(String),
        overdueEvery: String(written.overdueEvery),
        publicHolidays: written.publicHolidays ? "true" : "false",
      });
    expect(samePolicy(read(file), policy)).toBe(true);
    expect(samePolicy(policy, null)).toBe(false);

    const withoutPublic = policyFromFile({ publicHolidays: "false" });
    expect(withoutPublic).toEqual({ ...defaultReminderPolicy, publicHolidays: false });
    expect(samePolicy(withoutPublic, defaultReminderPolicy)).toBe(false);
    expect((policyToFile(withoutPublic) as Written).publicHolidays).toBe(false);
    expect(samePolicy(read(policyToFile(withoutPublic) as Written), withoutPublic)).toBe(true);
  });

  it("when a stored policy predates the public holidays, then it reads with them on", () => {
    const old = {
      daysBefore: [7, 3, 1, 0],
      overdueEvery: 3,
      time: "08:00",
      daysOff: [0],
      holidays: [{ from: "2020-01-23", to: "2020-01-29" }],
    };
    expect(policyFromStored(old)).toEqual({ ...old, publicHolidays: true });
    expect(policyFromStored({ ...old, publicHolidays: false })).toEqual({ ...old, publicHolidays: false });
    expect(policyFromStored({ ...old, publicHolidays: "no" })).toBeNull();
    expect(policyFromStored(null)).toBeNull();
  });
});

describe("/hoan and /tieptuc arguments", () => {
  it("when the command is parsed, then the code, the reason and each problem are told apart", () => {
    expect(parsePauseCommand("  GT-07   Hoãn   theo\ncông văn ")).toEqual({
      ok: true,
      code: "GT-07",
      reason: "Hoãn theo công văn",
    });
    expect(parsePauseCommand("")).toEqual({ ok: false, problem: "usage" });
    expect(parsePauseCommand("GT-07")).toEqual({ ok: false, problem: "no-reason", code: "GT-07" });
    expect(parsePauseCommand("GT/07 lý do")).toEqual({ ok: false, problem: "bad-code", code: "GT/07" });
    expect(parsePauseCommand(`GT-07 ${"ệ".repeat(300)}`)).toMatchObject({ ok: true });
    expect(parsePauseCommand(`GT-07 ${"e\u0302\u0323".repeat(301)}`)).toEqual({
      ok: false,
      problem: "too-long",
      code: "GT-07",
      length: 301,
      max: 300,
    });
    expect(parseResumeCommand("GT-07")).toEqual({ ok: true, code: "GT-07" });
    expect(parseResumeCommand("GT-07 nữa")).toEqual({ ok: false, problem: "usage" });
  });
});
