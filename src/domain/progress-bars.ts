// The rows of the progress chart: one per grassroots organisation, counting the units under it that hold
// a congress of their own at the lowest level (its cells; a grassroots cell without cells counts itself).
// Pure. The digest loads the units; the shared aggregation module can later produce the same rows.
import type { DigestUnit } from "./digest.js";
import type { UnitLevel } from "./levels.js";
import type { LocalDate } from "./local-date.js";
import { daysBetween } from "./user-date.js";

export interface ProgressBar {
  name: string;
  /** Units that held their congress. */
  held: number;
  /** Units not yet held that have a congress date. */
  scheduled: number;
  total: number;
}

export interface ChartDeadline {
  level: UnitLevel;
  date: LocalDate;
  /** Negative once the date has passed. */
  daysLeft: number;
}

/** Least done first, as the digest's list of laggards: share held, then bigger first, then name. */
export function compareByLag(a: ProgressBar, b: ProgressBar): number {
  return share(a) - share(b) || b.total - a.total || a.name.localeCompare(b.name, "vi");
}

const share = (bar: ProgressBar) => (bar.total === 0 ? 1 : bar.held / bar.total);

/**
 * The bars of a subtree. Below a district (or province) one bar per grassroots organisation; when the top
 * is itself a grassroots organisation or lower, one bar per unit directly under it. Sorted by lag.
 */
export function progressBars(topId: number, units: readonly DigestUnit[]): ProgressBar[] {
  const top = units.find((unit) => unit.id === topId);
  const childrenOf = new Map<number, DigestUnit[]>();
  for (const unit of units) {
    if (unit.parentId !== null && unit.id !== topId) childrenOf.set(unit.parentId, [...(childrenOf.get(unit.parentId) ?? []), unit]);
  }
  const aboveGrassroots = top?.level === "district" || top?.level === "province";
  const owners = aboveGrassroots ? units.filter((unit) => unit.level === "grassroots") : (childrenOf.get(topId) ?? []);
  return owners.map((owner) => barOf(owner, childrenOf)).sort(compareByLag);
}

function barOf(owner: DigestUnit, childrenOf: ReadonlyMap<number, DigestUnit[]>): ProgressBar {
  const counted: DigestUnit[] = [];
  const walk = (unit: DigestUnit) => {
    for (const child of childrenOf.get(unit.id) ?? []) {
      if (child.level === "cell") counted.push(child);
      else walk(child);
    }
  };
  walk(owner);
  if (counted.length === 0) counted.push(owner); // a grassroots cell (or a cell) holds its own congress
  const held = counted.filter((unit) => unit.milestones.held !== undefined).length;
  const scheduled = counted.filter((unit) => unit.milestones.held === undefined && unit.milestones.scheduled !== undefined).length;
  return { name: owner.name, held, scheduled, total: counted.length };
}

/**
 * The congress deadline the chart's reader should watch: the nearest one still ahead among the levels that
 * have units not yet held; once all of them have passed, the latest passed one (negative days left).
 */
export function chartDeadline(
  topId: number,
  units: readonly DigestUnit[],
  deadlines: Partial<Record<UnitLevel, { held?: LocalDate }>>,
  today: LocalDate,
): ChartDeadline | null {
  const levels = new Set(units.filter((unit) => unit.id !== topId && unit.milestones.held === undefined).map((unit) => unit.level));
  const candidates = [...levels]
    .map((level) => ({ level, date: deadlines[level]?.held }))
    .filter((entry): entry is { level: UnitLevel; date: LocalDate } => entry.date !== undefined)
    .map((entry) => ({ ...entry, daysLeft: daysBetween(today, entry.date) }));
  const ahead = candidates.filter((entry) => entry.daysLeft >= 0).sort((a, b) => a.date.localeCompare(b.date));
  if (ahead.length > 0) return ahead[0]!;
  return candidates.sort((a, b) => b.date.localeCompare(a.date))[0] ?? null;
}
