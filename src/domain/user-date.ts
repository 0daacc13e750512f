// Dates as people type them on a phone: 04/03/2020, 4/3, 4-3-2020, "hôm nay", "mai", "hôm qua".
import { isRealDate, type LocalDate } from "./local-date.js";

export type UserDateResult = { ok: true; date: LocalDate } | { ok: false; problem: "format" | "not-a-date" };

export function stripDiacritics(text: string): string {
  return text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/đ/g, "d")
    .replace(/Đ/g, "D");
}

export function addDays(date: LocalDate, days: number): LocalDate {
  const value = new Date(`${date}T00:00:00Z`);
  value.setUTCDate(value.getUTCDate() + days);
  return value.toISOString().slice(0, 10);
}

export function daysBetween(from: LocalDate, to: LocalDate): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

const relative: Record<string, number> = {
  "hom nay": 0,
  homnay: 0,
  today: 0,
  mai: 1,
  "ngay mai": 1,
  ngaymai: 1,
  tomorrow: 1,
  "hom qua": -1,
  homqua: -1,
  yesterday: -1,
};

export function parseUserDate(input: string, today: LocalDate): UserDateResult {
  const text = stripDiacritics(input.trim().toLowerCase()).replace(/\s+/g, " ");
  if (text in relative) return { ok: true, date: addDays(today, relative[text]!) };
  const match = /^(\d{1,2})[/.-](\d{1,2})(?:[/.-](\d{2}|\d{4}))?$/.exec(text) ?? /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return { ok: false, problem: "format" };
  let day: number, month: number, year: number;
  if (match[1]!.length === 4) [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  else {
    [day, month] = [Number(match[1]), Number(match[2])];
    const given = match[3];
    year = given === undefined ? Number(today.slice(0, 4)) : given.length === 2 ? 2000 + Number(given) : Number(given);
  }
  if (!isRealDate(year, month, day)) return { ok: false, problem: "not-a-date" };
  return { ok: true, date: `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}` };
}
