// Vietnam's public holidays as the reminder policy sees them. The expected dates were checked apart from
// the library: Tết Nguyên Đán 2020 = 25/01/2020 and 2026 = 17/02/2026, Giỗ Tổ (10/3 âm lịch) 2020 =
// 02/04/2020 and 2026 = 26/04/2026 (the government's holiday notices, and Hồ Ngọc Đức's lunar calendar
// algorithm); Tết is the five days of Bộ luật Lao động 2019, Điều 112 as the library counts them: giao
// thừa (the last day of the lunar year) to mùng 4.
import { describe, expect, it } from "vitest";
import { isVietnamPublicHoliday, vietnamPublicHolidays } from "../../src/domain/public-holidays.js";
import { defaultReminderPolicy, isWorkingDay, type ReminderPolicy } from "../../src/domain/reminder-policy.js";
import { policyFromFile } from "../../src/domain/reminder-settings.js";

// No weekday off, so that each day's answer is the holidays' alone.
const everyWeekday: ReminderPolicy = { ...defaultReminderPolicy, daysOff: [] };

describe("Vietnam's public holidays", () => {
  it("when the year is 2020, then 1/1, Tết (24–28/01), Giỗ Tổ (02/04), 30/4, 1/5 and 2/9 are public holidays, and nothing else", () => {
    expect(vietnamPublicHolidays(2020)).toEqual([
      { date: "2020-01-01", name: "Tết Dương lịch" },
      { date: "2020-01-24", name: "Giao thừa Tết Nguyên Đán" }, // 30 tháng Chạp Kỷ Hợi, a Friday
      { date: "2020-01-25", name: "Tết Nguyên Đán" }, // mùng 1 Canh Tý
      { date: "2020-01-26", name: "Tết Nguyên Đán" },
      { date: "2020-01-27", name: "Tết Nguyên Đán" },
      { date: "2020-01-28", name: "Tết Nguyên Đán" }, // mùng 4
      { date: "2020-04-02", name: "Giỗ tổ Hùng Vương" },
      { date: "2020-04-30", name: "Ngày Giải phóng miền Nam" },
      { date: "2020-05-01", name: "Quốc tế Lao động" },
      { date: "2020-09-02", name: "Quốc khánh" },
    ]);
  });

  it("when the year is 2026, then Tết is 16–20/02 around mùng 1 on 17/02 and Giỗ Tổ is Sunday 26/04", () => {
    expect(vietnamPublicHolidays(2026).map((holiday) => holiday.date)).toEqual([
      "2026-01-01",
      "2026-02-16",
      "2026-02-17",
      "2026-02-18",
      "2026-02-19",
      "2026-02-20",
      "2026-04-26",
      "2026-04-30",
      "2026-05-01",
      "2026-09-02",
    ]);
    expect(vietnamPublicHolidays(2026).find((holiday) => holiday.date === "2026-02-17")?.name).toBe("Tết Nguyên Đán");
    expect(vietnamPublicHolidays(2026).find((holiday) => holiday.date === "2026-04-26")?.name).toBe(
      "Giỗ tổ Hùng Vương",
    );
  });

  it("when a day is only an observance (Party founding day 3/2, 8/3, Trung thu), then it is not a public holiday", () => {
    for (const date of ["2020-02-03", "2020-03-08", "2020-10-01", "2026-02-03", "2026-03-08", "2026-09-25"])
      expect(isVietnamPublicHoliday(date)).toBe(false);
    // March 2020, the month test/integration/campaign-month.test.ts runs through, has none at all.
    expect(vietnamPublicHolidays(2020).filter((holiday) => holiday.date.startsWith("2020-03"))).toEqual([]);
  });

  it("when a year is asked again, then the same list is given without computing it again", () => {
    expect(vietnamPublicHolidays(2026)).toBe(vietnamPublicHolidays(2026));
  });

  it("when a date is a public holiday, then it is not a working day, and the day after is", () => {
    for (const year of [2020, 2026]) {
      const dates = vietnamPublicHolidays(year).map((holiday) => holiday.date);
      for (const date of dates) expect(isWorkingDay(date, everyWeekday), date).toBe(false);
    }
    // The day after each holiday (or after the last day of Tết).
    for (const date of [
      "2020-01-02",
      "2020-01-29",
      "2020-04-03",
      "2020-05-02",
      "2020-09-03",
      "2026-01-02",
      "2026-02-21",
      "2026-04-27",
      "2026-05-02",
      "2026-09-03",
    ]) {
      expect(isWorkingDay(date, everyWeekday), date).toBe(true);
    }
    // The default policy: Sundays off as well; Thursday 30/04/2020 and Friday 01/05/2020 are holidays.
    expect(isWorkingDay("2020-04-29", defaultReminderPolicy)).toBe(true);
    expect(isWorkingDay("2020-04-30", defaultReminderPolicy)).toBe(false);
    expect(isWorkingDay("2020-05-01", defaultReminderPolicy)).toBe(false);
    expect(isWorkingDay("2020-05-02", defaultReminderPolicy)).toBe(true); // a Saturday
    expect(isWorkingDay("2020-05-03", defaultReminderPolicy)).toBe(false); // a Sunday
  });

  it("when the org file lists holidays, then they add to the public holidays", () => {
    // The official Tết break of 2020 (23–29/01) and the substitute day for Giỗ Tổ 2026, a Sunday.
    const policy = policyFromFile({ holidays: ["2020-01-23..2020-01-29", "2026-04-27"] });
    expect(policy.publicHolidays).toBe(true);
    for (const date of ["2020-01-23", "2020-01-24", "2020-01-29", "2020-04-30", "2026-04-27", "2026-04-30"])
      expect(isWorkingDay(date, policy), date).toBe(false);
    for (const date of ["2020-01-22", "2020-01-30", "2026-04-28"]) expect(isWorkingDay(date, policy), date).toBe(true);
  });

  it("when the org file turns public holidays off, then only its own holidays and days off remain", () => {
    const policy = policyFromFile({ publicHolidays: "false", holidays: ["2020-01-23..2020-01-29"] });
    expect(policy.publicHolidays).toBe(false);
    for (const date of ["2020-01-01", "2020-04-02", "2020-04-30", "2020-05-01", "2020-09-02", "2026-02-17"])
      expect(isWorkingDay(date, policy), date).toBe(true);
    expect(isWorkingDay("2020-01-25", policy)).toBe(false); // mùng 1, still inside the file's own Tết range
    expect(isWorkingDay("2020-05-03", policy)).toBe(false); // a Sunday
  });
});
