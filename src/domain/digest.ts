// The daily progress digest for a standing committee: its counts come from the subtree roll-up
// (src/domain/progress-rollup.ts, computed by src/db/progress-rollup.ts), the same numbers /tiendo and
// the exports show; its named lists (upcoming, overdue, pilots, difficulties) from one query of the same
// module. Pure: the store loads, this decides what is said and in which order, the renderer writes it.
import type { ElectionStats } from "./election-stats.js";
import type { UnitLevel } from "./levels.js";
import type { LocalDate } from "./local-date.js";
import { grassrootsBars, levelCounts, levelTotals, nextHeldDeadline, type DeadlineTable, type SubtreeRollup } from "./progress-rollup.js";

export interface DigestLists {
  upcoming: readonly { name: string; date: LocalDate; pilot: boolean }[];
  overdue: readonly { name: string; days: number }[];
  pilotsHeld: readonly { name: string; date: LocalDate }[];
  openDifficulties: readonly { name: string; count: number }[];
}

export interface DigestInput {
  top: { id: number; name: string };
  /** The top unit's roll-up, grouped by grassroots organisation too. */
  rollup: Pick<SubtreeRollup, "rows" | "grassroots">;
  lists: DigestLists;
  deadlines: DeadlineTable;
  today: LocalDate;
  /** Election statistics of the subtree, for the final section once congresses are held. */
  elections?: ElectionStats;
}

export interface Count {
  done: number;
  total: number;
}

export interface Digest {
  cells: Count & { sinceLast: number };
  grassroots: Count & { pilotsHeld: { name: string; date: LocalDate }[] };
  documents: Count;
  personnel: Count;
  /** Grassroots committees by share of their cells that held their congress, lowest first. */
  laggards: { name: string; done: number; total: number; hasDifficulty: boolean }[];
  upcoming: { name: string; date: LocalDate; pilot: boolean }[];
  overdue: { name: string; days: number }[];
  nextDeadline: { level: UnitLevel; date: LocalDate; daysLeft: number } | null;
  openDifficulties: { name: string; count: number }[];
  elections: ElectionStats | null;
}

const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name, "vi");

export function buildDigest(input: DigestInput): Digest {
  const cells = levelCounts(input.rollup.rows, "cell");
  const grassroots = levelCounts(input.rollup.rows, "grassroots");
  const laggards = grassrootsBars(input.rollup.grassroots ?? { units: [], rows: [] })
    .filter((bar) => bar.counts === "cells" && bar.held < bar.total)
    .map((bar) => ({ name: bar.name, done: bar.held, total: bar.total, hasDifficulty: bar.openDifficulties > 0 }))
    .sort((a, b) => a.done / a.total - b.done / b.total || b.total - a.total || byName(a, b));
  const elections = input.elections && input.elections.levels.some((level) => level.congresses > 0) ? input.elections : null;
  return {
    cells: { done: cells.held, total: cells.total, sinceLast: cells.heldSince },
    grassroots: { done: grassroots.held, total: grassroots.total, pilotsHeld: [...input.lists.pilotsHeld] },
    documents: { done: grassroots.documents, total: grassroots.total },
    personnel: { done: grassroots.personnel, total: grassroots.total },
    laggards,
    upcoming: [...input.lists.upcoming].sort((a, b) => a.date.localeCompare(b.date) || byName(a, b)),
    overdue: [...input.lists.overdue].sort((a, b) => b.days - a.days || byName(a, b)),
    nextDeadline: nextHeldDeadline(levelTotals(input.rollup.rows), input.deadlines, input.today),
    openDifficulties: [...input.lists.openDifficulties],
    elections,
  };
}
