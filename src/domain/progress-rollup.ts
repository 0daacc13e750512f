// Progress of a subtree, as counted by src/db/progress-rollup.ts: for each unit listed (an "entry", e.g.
// each child of the unit being looked at), how many units of each level under it (itself included) held
// their congress, have it scheduled, are overdue, have open difficulties. The digest, /tiendo and the
// exports all read these rows, so their numbers agree by construction. Pure: no database here.
import type { Milestone, UnitLevel } from "./levels.js";
import { unitLevels } from "./levels.js";
import type { LocalDate } from "./local-date.js";
import type { NamedUnit } from "./unit-label.js";
import { daysBetween } from "./user-date.js";

export interface ProgressCounts {
  total: number;
  held: number;
  /** A congress date is reported but the congress is not held yet. */
  scheduled: number;
  /** Neither held nor scheduled: total − held − scheduled. */
  notScheduled: number;
  /** Units with a milestone overdue as the checklist (src/domain/checklist.ts) judges it: neither done nor
   *  closed by a later milestone, deadline passed, reminders not paused. */
  overdue: number;
  /** Units not held whose reminders are paused (/hoan: congress officially postponed). */
  paused: number;
  /** Units with at least one open difficulty, and how many difficulties are open. */
  withDifficulties: number;
  openDifficulties: number;
  /** Draft political/self-review reports reached (milestone documents: done, or closed by a later milestone), personnel plan reached. */
  documents: number;
  personnel: number;
  /** Held congresses first recorded after the `since` instant given to the query (0 without one). */
  heldSince: number;
}

export const countFields = [
  "total",
  "held",
  "scheduled",
  "notScheduled",
  "overdue",
  "paused",
  "withDifficulties",
  "openDifficulties",
  "documents",
  "personnel",
  "heldSince",
] as const satisfies readonly (keyof ProgressCounts)[];

export function emptyCounts(): ProgressCounts {
  return {
    total: 0,
    held: 0,
    scheduled: 0,
    notScheduled: 0,
    overdue: 0,
    paused: 0,
    withDifficulties: 0,
    openDifficulties: 0,
    documents: 0,
    personnel: 0,
    heldSince: 0,
  };
}

export function addCounts(into: ProgressCounts, more: ProgressCounts): ProgressCounts {
  for (const field of countFields) into[field] += more[field];
  return into;
}

export function sumCounts(rows: readonly { counts: ProgressCounts }[]): ProgressCounts {
  return rows.reduce((sum, row) => addCounts(sum, row.counts), emptyCounts());
}

/** One group of units: those of one level (with or without units under them) in one entry's subtree. */
export interface RollupRow {
  entryId: number;
  level: UnitLevel;
  /** A grassroots organisation with units under it is a committee (đảng ủy cơ sở); one without is a cell. */
  hasChildren: boolean;
  counts: ProgressCounts;
}

/** The same counts grouped by grassroots organisation: its own row (level grassroots) and those of its cells. */
export interface GrassrootsRow {
  grassrootsId: number;
  level: UnitLevel;
  counts: ProgressCounts;
}

export interface RollupUnit extends NamedUnit {
  id: number;
  code: string;
  level: UnitLevel;
  path: string;
  parentId: number | null;
  hasChildren: boolean;
  pilotDate: LocalDate | null;
}

export type DeadlineTable = Partial<Record<UnitLevel, Partial<Record<Milestone, LocalDate>>>>;

/** A unit's subtree: the unit, its direct children (the entries) and the counts under each child. */
export interface SubtreeRollup {
  top: RollupUnit & { organizationId: number };
  campaign: { id: number; name: string } | null;
  deadlines: DeadlineTable;
  today: LocalDate;
  /** Direct children of the top unit, in the organisation file's order. */
  entries: RollupUnit[];
  rows: RollupRow[];
  /** Present when asked for: every grassroots organisation under the top (itself included), in file order. */
  grassroots?: { units: RollupUnit[]; rows: GrassrootsRow[] };
}

export interface LevelLine {
  level: UnitLevel;
  /** For grassroots only, when both kinds exist: "committees" (đảng bộ cơ sở) or "cells" (chi bộ cơ sở). */
  kind?: "committees" | "cells";
  counts: ProgressCounts;
}

/** Counts per level over all the rows (every unit below the top), top level first; empty levels left out. */
export function levelTotals(rows: readonly RollupRow[]): LevelLine[] {
  const lines: LevelLine[] = [];
  for (const level of unitLevels) {
    const ofLevel = rows.filter((row) => row.level === level);
    if (ofLevel.length === 0) continue;
    lines.push({ level, counts: sumCounts(ofLevel) });
    if (level === "grassroots") {
      const committees = ofLevel.filter((row) => row.hasChildren);
      const cells = ofLevel.filter((row) => !row.hasChildren);
      if (committees.length > 0 && cells.length > 0) {
        lines.push({ level, kind: "committees", counts: sumCounts(committees) });
        lines.push({ level, kind: "cells", counts: sumCounts(cells) });
      }
    }
  }
  return lines;
}

export function levelCounts(rows: readonly RollupRow[], level: UnitLevel): ProgressCounts {
  return sumCounts(rows.filter((row) => row.level === level));
}

/** An entry (a child of the unit looked at): its own state, and the counts per level of the units under it. */
export interface EntrySummary {
  unit: RollupUnit;
  own: { held: boolean; scheduled: boolean; overdue: boolean; paused: boolean; openDifficulties: number };
  /** Levels under the entry (the entry itself excluded), top first. */
  below: LevelLine[];
  /** The whole subtree, the entry itself included. */
  subtree: ProgressCounts;
}

export function summariseEntries(entries: readonly RollupUnit[], rows: readonly RollupRow[]): EntrySummary[] {
  const rowsOf = new Map<number, RollupRow[]>();
  for (const row of rows) rowsOf.set(row.entryId, [...(rowsOf.get(row.entryId) ?? []), row]);
  return entries.map((unit) => {
    const mine = rowsOf.get(unit.id) ?? [];
    // Levels only go down the tree, so the entry is the one unit of its own level in its subtree.
    const own = sumCounts(mine.filter((row) => row.level === unit.level));
    return {
      unit,
      own: {
        held: own.held > 0,
        scheduled: own.scheduled > 0,
        overdue: own.overdue > 0,
        paused: own.paused > 0,
        openDifficulties: own.openDifficulties,
      },
      below: levelTotals(mine.filter((row) => row.level !== unit.level)),
      subtree: sumCounts(mine),
    };
  });
}

/** One bar of the progress chart: a grassroots organisation and how its cells stand (itself, when it has none). */
export interface GrassrootsBar {
  id: number;
  code: string;
  name: string;
  held: number;
  scheduled: number;
  total: number;
  /** Cells counted ("cells"), or the organisation itself when it has no cells ("self"). */
  counts: "cells" | "self";
  openDifficulties: number;
}

export function grassrootsBars(grassroots: NonNullable<SubtreeRollup["grassroots"]>): GrassrootsBar[] {
  return grassroots.units.map((unit) => {
    const rows = grassroots.rows.filter((row) => row.grassrootsId === unit.id);
    const cells = sumCounts(rows.filter((row) => row.level === "cell"));
    const counted = cells.total > 0 ? cells : sumCounts(rows.filter((row) => row.level === "grassroots"));
    return {
      id: unit.id,
      code: unit.code,
      name: unit.name,
      held: counted.held,
      scheduled: counted.scheduled,
      total: counted.total,
      counts: cells.total > 0 ? "cells" : "self",
      openDifficulties: sumCounts(rows).openDifficulties,
    };
  });
}

/** Filters of the /tiendo list: a child is listed when it, or a unit under it, matches. */
export const progressFilters = ["all", "notHeld", "overdue", "difficulties"] as const;
export type ProgressFilter = (typeof progressFilters)[number];

export function matchesFilter(entry: EntrySummary, filter: ProgressFilter): boolean {
  switch (filter) {
    case "all":
      return true;
    case "notHeld":
      return entry.subtree.held < entry.subtree.total;
    case "overdue":
      return entry.subtree.overdue > 0;
    case "difficulties":
      return entry.subtree.withDifficulties > 0;
  }
}

/** The earliest deadline still ahead for holding the congress, among levels with units not yet held. */
export function nextHeldDeadline(
  levels: readonly LevelLine[],
  deadlines: DeadlineTable,
  today: LocalDate,
): { level: UnitLevel; date: LocalDate; daysLeft: number } | null {
  return (
    levels
      .filter((line) => line.kind === undefined && line.counts.held < line.counts.total)
      .map((line) => ({ level: line.level, date: deadlines[line.level]?.held }))
      .filter(
        (entry): entry is { level: UnitLevel; date: LocalDate } => entry.date !== undefined && entry.date >= today,
      )
      .sort((a, b) => a.date.localeCompare(b.date) || unitLevels.indexOf(b.level) - unitLevels.indexOf(a.level))
      .map((entry) => ({ ...entry, daysLeft: daysBetween(today, entry.date) }))[0] ?? null
  );
}
