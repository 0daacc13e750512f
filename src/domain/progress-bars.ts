// The rows of the progress chart, from the shared roll-up (progress-rollup.ts), so the chart, the digest
// and /tiendo count the same units. Below a district (or province): one bar per grassroots committee,
// counting its cells, and the grassroots cells (chi bộ cơ sở, no cells of their own) together in one bar;
// below a grassroots organisation or lower: one bar per unit directly under it.
import type { UnitLevel } from "./levels.js";
import type { LocalDate } from "./local-date.js";
import { grassrootsBars, levelTotals, sumCounts, type DeadlineTable, type SubtreeRollup } from "./progress-rollup.js";
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

export function progressBars(
  rollup: Pick<SubtreeRollup, "top" | "entries" | "rows" | "grassroots">,
  /** The name of the one bar that gathers the grassroots cells, given how many there are. */
  grassrootsCellsName: (count: number) => string,
): ProgressBar[] {
  const aboveGrassroots = rollup.top.level === "district" || rollup.top.level === "province";
  if (aboveGrassroots && rollup.grassroots) {
    const all = grassrootsBars(rollup.grassroots).filter((bar) => bar.id !== rollup.top.id);
    const committees = all.filter((bar) => bar.counts === "cells");
    const cells = all.filter((bar) => bar.counts === "self");
    // Twenty one-unit bars of 0% or 100% would bury the committees; together they read as one figure.
    const gathered =
      committees.length > 0 && cells.length > 1
        ? [
            {
              name: grassrootsCellsName(cells.length),
              held: sum(cells, "held"),
              scheduled: sum(cells, "scheduled"),
              total: cells.length,
            },
          ]
        : cells;
    return [...committees, ...gathered]
      .map(({ name, held, scheduled, total }) => ({ name, held, scheduled, total }))
      .sort(compareByLag);
  }
  return rollup.entries
    .map((entry) => {
      const rows = rollup.rows.filter((row) => row.entryId === entry.id);
      const cells = sumCounts(rows.filter((row) => row.level === "cell"));
      // A partial committee counts its cells; a cell (or a unit with no cell under it) counts itself.
      const counted = cells.total > 0 ? cells : sumCounts(rows.filter((row) => row.level === entry.level));
      return { name: entry.name, held: counted.held, scheduled: counted.scheduled, total: counted.total };
    })
    .sort(compareByLag);
}

function sum(bars: readonly ProgressBar[], field: "held" | "scheduled"): number {
  return bars.reduce((total, bar) => total + bar[field], 0);
}

/**
 * The congress deadline the chart's reader should watch: the nearest one still ahead among the levels that
 * have units not yet held; once all of them have passed, the latest passed one (negative days left).
 */
export function chartDeadline(
  rollup: Pick<SubtreeRollup, "rows">,
  deadlines: DeadlineTable,
  today: LocalDate,
): ChartDeadline | null {
  const candidates = levelTotals(rollup.rows)
    .filter((line) => line.kind === undefined && line.counts.held < line.counts.total)
    .map((line) => ({ level: line.level, date: deadlines[line.level]?.held }))
    .filter((entry): entry is { level: UnitLevel; date: LocalDate } => entry.date !== undefined)
    .map((entry) => ({ ...entry, daysLeft: daysBetween(today, entry.date) }));
  const ahead = candidates.filter((entry) => entry.daysLeft >= 0).sort((a, b) => a.date.localeCompare(b.date));
  if (ahead.length > 0) return ahead[0]!;
  return candidates.sort((a, b) => b.date.localeCompare(a.date))[0] ?? null;
}
