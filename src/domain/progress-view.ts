// What one /tiendo screen shows: which unit (or the list of the viewer's units), which filter, which
// page, and the callback data of its buttons. The data is parsed strictly here and checked again by
// the bot against the database and the viewer's rights: a forged or old button changes nothing.
import { matchesFilter, progressFilters, type EntrySummary, type ProgressFilter } from "./progress-rollup.js";

export type ProgressScreen =
  | { kind: "unit"; unitId: number; filter: ProgressFilter; page: number }
  /** The list of the viewer's units when they follow several (a working group's units). */
  | { kind: "home"; filter: ProgressFilter; page: number };

export const pageSize = 8;
/** Pages beyond this are refused: no unit has that many children (a province has ~700 districts' worth). */
const maxPage = 9999;

const filterCodes: Record<ProgressFilter, string> = { all: "a", notHeld: "n", overdue: "o", difficulties: "d" };
const filterOf = new Map(progressFilters.map((filter) => [filterCodes[filter], filter]));

/** Every callback of /tiendo starts with this. */
export const progressCallbackPrefix = "td:";
/** The chart of a unit's subtree: `td:c:<unitId>`. */
export const chartCallbackPrefix = "td:c:";

export function screenCallback(screen: ProgressScreen): string {
  const tail = `${filterCodes[screen.filter]}:${screen.page}`;
  return screen.kind === "unit" ? `td:u:${screen.unitId}:${tail}` : `td:h:${tail}`;
}

export function chartCallback(unitId: number): string {
  return `${chartCallbackPrefix}${unitId}`;
}

/** The unit a chart button names, or null for anything that is not exactly `td:c:<unitId>`. */
export function parseChartCallback(data: string): number | null {
  const match = /^td:c:([1-9]\d{0,9})$/.exec(data);
  const unitId = match ? Number(match[1]) : null;
  return unitId !== null && unitId <= 2_147_483_647 ? unitId : null;
}

/** A no-op button (the page number): answered, nothing changes. */
export const noopCallback = "td:x";

/** The screen a button names, or null for anything that is not exactly one of ours. */
export function parseScreenCallback(data: string): ProgressScreen | null {
  let match = /^td:u:([1-9]\d{0,9}):([a-z]):(0|[1-9]\d{0,3})$/.exec(data);
  if (match) {
    const filter = filterOf.get(match[2]!);
    const unitId = Number(match[1]);
    const page = Number(match[3]);
    if (!filter || unitId > 2_147_483_647 || page > maxPage) return null;
    return { kind: "unit", unitId, filter, page };
  }
  match = /^td:h:([a-z]):(0|[1-9]\d{0,3})$/.exec(data);
  if (match) {
    const filter = filterOf.get(match[1]!);
    const page = Number(match[2]);
    if (!filter || page > maxPage) return null;
    return { kind: "home", filter, page };
  }
  return null;
}

export interface ProgressPage {
  /** The entries shown, with their number in the filtered list (1-based). */
  items: { index: number; entry: EntrySummary }[];
  /** How many entries match the filter, and the page count (at least 1). */
  matching: number;
  pages: number;
}

/** The page of entries matching the filter; null when the page does not exist (an old button). */
export function pageOf(entries: readonly EntrySummary[], filter: ProgressFilter, page: number): ProgressPage | null {
  const matching = entries.filter((entry) => matchesFilter(entry, filter));
  const pages = Math.max(1, Math.ceil(matching.length / pageSize));
  if (page < 0 || page >= pages) return null;
  return {
    items: matching
      .slice(page * pageSize, (page + 1) * pageSize)
      .map((entry, offset) => ({ index: page * pageSize + offset + 1, entry })),
    matching: matching.length,
    pages,
  };
}
