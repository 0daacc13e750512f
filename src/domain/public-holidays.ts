// Vietnam's public holidays (ngày nghỉ lễ, tết của Bộ luật Lao động 2019, Điều 112): the days reminders
// treat as days off unless a campaign turns them off. The lunar ones (Tết Nguyên Đán, Giỗ Tổ Hùng Vương
// on 10/3 âm lịch) move every year, so they come from date-holidays, a maintained library that computes
// the Vietnamese lunar calendar (UTC+7 new moons; it agrees with Hồ Ngọc Đức's algorithm on every Tết and
// every Giỗ Tổ from 1970 to 2049) rather than from a table someone must remember to extend.
//
// What the library calls a public holiday in Vietnam: 1/1; Tết as five days from giao thừa (the last day
// of the lunar year) to mùng 4; Giỗ Tổ; 30/4; 1/5; 2/9. Its "observance" days (3/2, 8/3, Trung thu …) are
// not days off and are left out. Not computable, so left to the org file's own `holidays`: the second day
// of Quốc khánh (1/9 or 3/9, chosen by the government each year since 2021), substitute days when a
// holiday falls on a weekend, and the longer Tết break the government announces each year.
import Holidays, { type HolidaysTypes } from "date-holidays";
import type { LocalDate } from "./local-date.js";
import { addDays } from "./user-date.js";

export interface PublicHoliday {
  date: LocalDate;
  /** The Vietnamese name the library gives (e.g. "Tết Nguyên Đán", "Giỗ tổ Hùng Vương"). */
  name: string;
}

const dayMs = 24 * 60 * 60 * 1000;

// Built on first use: the library computes every rule of the year at once (tens of milliseconds), so a
// process that never asks about a holiday pays nothing but the import.
let calendar: Holidays | null = null;
const byYear = new Map<number, readonly PublicHoliday[]>();
const datesByYear = new Map<number, ReadonlySet<LocalDate>>();

/** The public holidays of a year, one entry per day off, in date order; memoised per year. */
export function vietnamPublicHolidays(year: number): readonly PublicHoliday[] {
  const known = byYear.get(year);
  if (known) return known;
  calendar ??= new Holidays("VN", { languages: ["vi"], types: ["public"] });
  const entries = calendar.getHolidays(year).filter((holiday) => holiday.type === "public");
  // Single days first: the Tết range overlaps mùng 1, whose own name should win over the range's.
  const single = entries.filter((holiday) => daysOf(holiday) === 1);
  const names = new Map<LocalDate, string>(single.map((holiday) => [startDate(holiday), holiday.name]));
  for (const range of entries.filter((holiday) => daysOf(holiday) > 1)) {
    const first = startDate(range);
    const days = Array.from({ length: daysOf(range) }, (_, index) => addDays(first, index));
    // The range is named after its first day (giao thừa); the days after it are the feast it leads into.
    const feast = days.map((day) => names.get(day)).find((name) => name !== undefined) ?? range.name;
    days.forEach((day, index) => {
      if (!names.has(day)) names.set(day, index === 0 ? range.name : feast);
    });
  }
  const holidays = [...names]
    .filter(([date]) => date.startsWith(`${String(year).padStart(4, "0")}-`))
    .map(([date, name]) => ({ date, name }))
    .sort((a, b) => a.date.localeCompare(b.date));
  byYear.set(year, holidays);
  datesByYear.set(year, new Set(holidays.map((holiday) => holiday.date)));
  return holidays;
}

export function isVietnamPublicHoliday(date: LocalDate): boolean {
  const year = Number(date.slice(0, 4));
  if (!datesByYear.has(year)) vietnamPublicHolidays(year);
  return datesByYear.get(year)!.has(date);
}

/** The local calendar date the holiday starts on: the library writes it as "YYYY-MM-DD hh:mm:ss" in Vietnam's time. */
function startDate(holiday: HolidaysTypes.Holiday): LocalDate {
  return holiday.date.slice(0, 10);
}

/** Whole days from start to end (Vietnam has no daylight saving time, so days are 24 hours). */
function daysOf(holiday: HolidaysTypes.Holiday): number {
  return Math.round((holiday.end.getTime() - holiday.start.getTime()) / dayMs);
}
