// The rows of the progress chart, from the shared roll-up (progress-rollup.ts), so the chart, the digest
// and /tiendo count the same units. Never a bar per cell: a bar of one cell is 0/1 or 1/1 and says nothing.
// Below a district (or province), two phases. While the cells hold their congresses: one bar per grassroots
// committee counting its cells, and the grassroots cells (chi bộ cơ sở, no cells of their own) together in
// one bar. Once the cells' deadline is near or past (or every cell has held it): one bar per grassroots
// organisation showing its own congress (held, date set, no date). Below a grassroots organisation or lower:
// a bar per partial committee counting its cells, and the cells directly under it together in one bar.
import type { UnitLevel } from "./levels.js";
import type { LocalDate } from "./local-date.js";
import {
  grassrootsBars,
  levelCounts,
  levelTotals,
  sumCounts,
  type DeadlineTable,
  type SubtreeRollup,
} from "./progress-rollup.js";
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

/**
 * Least done first, as the digest's list of laggards: share held, then share with a date set, then bigger
 * first, then name in natural order ("số 2" before "số 19").
 */
export function compareByLag(a: ProgressBar, b: ProgressBar): number {
  return (
    share(a) - share(b) ||
    scheduledShare(a) - scheduledShare(b) ||
    b.total - a.total ||
    a.name.localeCompare(b.name, "vi", { numeric: true })
  );
}

const share = (bar: ProgressBar) => (bar.total === 0 ? 1 : bar.held / bar.total);
const scheduledShare = (bar: ProgressBar) => (bar.total === 0 ? 1 : bar.scheduled / bar.total);

/** Which congresses the chart follows below a district or province. */
export type ChartPhase = "cells" | "grassroots";

/** Days before the cells' "held" deadline from which the chart follows the grassroots organisations. */
export const grassrootsPhaseDays = 7;

/**
 * The cells' congresses while their deadline is more than a week away; the grassroots organisations' own
 * once it is near or past, once every cell has held it, or when there are no cells. Below a grassroots
 * organisation there is one phase ("cells").
 */
export function chartPhase(
  rollup: Pick<SubtreeRollup, "top" | "rows">,
  deadlines: DeadlineTable,
  today: LocalDate,
): ChartPhase {
  if (rollup.top.level !== "district" && rollup.top.level !== "province") return "cells";
  const cells = levelCounts(rollup.rows, "cell");
  if (cells.total === 0 || cells.held === cells.total) return "grassroots";
  const due = deadlines.cell?.held;
  return due !== undefined && daysBetween(today, due) <= grassrootsPhaseDays ? "grassroots" : "cells";
}

export interface BarNames {
  /** The one bar of a district's grassroots cells (chi bộ cơ sở), given how many there are. */
  grassrootsCells: (count: number) => string;
  /** The one bar of the cells directly under a grassroots organisation or partial committee. */
  directCells: (count: number) => string;
}

export function progressBars(
  rollup: Pick<SubtreeRollup, "top" | "entries" | "rows" | "grassroots">,
  names: BarNames,
  phase: ChartPhase = "cells",
): ProgressBar[] {
  const aboveGrassroots = rollup.top.level === "district" || rollup.top.level === "province";
  if (aboveGrassroots && rollup.grassroots && phase === "grassroots") {
    // Each organisation's own congress: a bar of one, coloured by its state.
    const { units, rows } = rollup.grassroots;
    return units
      .filter((unit) => unit.id !== rollup.top.id)
      .map((unit) => {
        const own = sumCounts(rows.filter((row) => row.grassrootsId === unit.id && row.level === "grassroots"));
        return { name: unit.name, held: own.held, scheduled: own.scheduled, total: own.total };
      })
      .sort(compareByLag);
  }
  if (aboveGrassroots && rollup.grassroots) {
    const all = grassrootsBars(rollup.grassroots).filter((bar) => bar.id !== rollup.top.id);
    const committees = all.filter((bar) => bar.counts === "cells");
    const cells = all.filter((bar) => bar.counts === "self");
    // Twenty one-unit bars of 0% or 100% would bury the committees; together they read as one figure.
    const gathered =
      committees.length > 0 && cells.length > 1
        ? [
            {
              name: names.grassrootsCells(cells.length),
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
  const bars = rollup.entries
    .filter((entry) => entry.level !== "cell")
    .map((entry) => {
      const rows = rollup.rows.filter((row) => row.entryId === entry.id);
      const cells = sumCounts(rows.filter((row) => row.level === "cell"));
      // A partial committee counts its cells; a unit with no cell under it counts itself.
      const counted = cells.total > 0 ? cells : sumCounts(rows.filter((row) => row.level === entry.level));
      return { name: entry.name, held: counted.held, scheduled: counted.scheduled, total: counted.total };
    });
  const directCells = new Set(rollup.entries.filter((entry) => entry.level === "cell").map((entry) => entry.id));
  if (directCells.size > 0) {
    const counted = sumCounts(rollup.rows.filter((row) => directCells.has(row.entryId) && row.level === "cell"));
    bars.push({
      name: names.directCells(directCells.size),
      held: counted.held,
      scheduled: counted.scheduled,
      total: counted.total,
    });
  }
  return bars.sort(compareByLag);
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
  /** The level the chart follows (its grassroots phase): that level's deadline while it has units to hold it. */
  level?: UnitLevel,
): ChartDeadline | null {
  const candidates = levelTotals(rollup.rows)
    .filter((line) => line.kind === undefined && line.counts.held < line.counts.total)
    .filter((line) => level === undefined || line.level === level)
    .map((line) => ({ level: line.level, date: deadlines[line.level]?.held }))
    .filter((entry): entry is { level: UnitLevel; date: LocalDate } => entry.date !== undefined)
    .map((entry) => ({ ...entry, daysLeft: daysBetween(today, entry.date) }));
  const ahead = candidates.filter((entry) => entry.daysLeft >= 0).sort((a, b) => a.date.localeCompare(b.date));
  if (ahead.length > 0) return ahead[0]!;
  return candidates.sort((a, b) => b.date.localeCompare(a.date))[0] ?? null;
}
