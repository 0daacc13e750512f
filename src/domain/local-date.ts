// Calendar dates without a time of day ("2020-03-31"), as offices write deadlines.

export type LocalDate = string; // YYYY-MM-DD, always a real calendar date

/** Accepts YYYY-MM-DD or dd/mm/yyyy (also d/m/yyyy); returns null for anything else or a date that does not exist. */
export function parseLocalDate(input: string): LocalDate | null {
  const text = input.trim();
  let match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  let year: number, month: number, day: number;
  if (match) {
    [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  } else {
    match = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(text);
    if (!match) return null;
    [day, month, year] = [Number(match[1]), Number(match[2]), Number(match[3])];
  }
  if (!isRealDate(year, month, day)) return null;
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

export function isRealDate(year: number, month: number, day: number): boolean {
  if (year < 1900 || year > 2200 || month < 1 || month > 12 || day < 1) return false;
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** dd/mm/yyyy, the form Vietnamese offices use. */
export function formatLocalDate(date: LocalDate): string {
  const [year, month, day] = date.split("-");
  return `${day}/${month}/${year}`;
}

export function localDateToUtcDate(date: LocalDate): Date {
  return new Date(`${date}T00:00:00.000Z`);
}

export function utcDateToLocalDate(date: Date): LocalDate {
  return date.toISOString().slice(0, 10);
}

/** The same day `years` later (or earlier); 29/02 becomes 28/02 in a year without it. */
export function addYears(date: LocalDate, years: number): LocalDate {
  const [year, month, day] = date.split("-").map(Number) as [number, number, number];
  const target = year + years;
  const lastDay = new Date(Date.UTC(target, month, 0)).getUTCDate();
  return `${String(target).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(Math.min(day, lastDay)).padStart(2, "0")}`;
}
