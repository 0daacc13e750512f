// The summary an office sends upward, the main table of every progress report: one row per grassroots
// organisation (its cells held out of its cells, its own congress, its draft documents and personnel plan),
// each judged by its checklist on the export's day, as every other screen judges it. The total rows per
// level are the roll-up's (the same numbers as `status`, /tiendo and the digest), never a sum across levels.
import { congressPlan } from "./campaign-plan.js";
import { unitChecklist } from "./checklist.js";
import type { ExportData, ExportUnitRow } from "./export-rows.js";
import type { UnitLevel } from "./levels.js";
import type { LocalDate } from "./local-date.js";

export type GrassrootsCongressState = "held" | "scheduled" | "not-scheduled";

export interface GrassrootsSummaryRow {
  unit: ExportUnitRow;
  /** Its cells (directly under it or under its partial committees); null for a grassroots cell, which has none. */
  cells: { held: number; total: number } | null;
  state: GrassrootsCongressState;
  /** The day it was held, or the day set for it. */
  congressDate: LocalDate | null;
  /** Chosen for a pilot congress on this day. */
  pilotDate: LocalDate | null;
  /** A pilot congress whose planned day has passed with no congress reported. */
  pilotPassed: boolean;
  /** Reached: reported, or closed by a later milestone (a congress set presumes its documents). */
  documents: boolean;
  personnel: boolean;
  openDifficulties: number;
}

export interface LevelSummary {
  level: UnitLevel;
  total: number;
  held: number;
  documents: number;
  personnel: number;
}

export interface ExportSummary {
  rows: GrassrootsSummaryRow[];
  /** One per level of the exported units, top level first; the exported tops' own levels included. */
  levels: LevelSummary[];
}

export function exportSummary(data: ExportData): ExportSummary {
  const cellsOf = new Map<number, ExportUnitRow[]>();
  for (const unit of data.units) {
    if (unit.level !== "cell" || unit.grassrootsId === null) continue;
    const list = cellsOf.get(unit.grassrootsId);
    if (list) list.push(unit);
    else cellsOf.set(unit.grassrootsId, [unit]);
  }
  const reached = (unit: ExportUnitRow) => {
    const items = unitChecklist(congressPlan, unit.facts, data.today);
    return new Set(
      items.filter((item) => item.state === "done" || item.state === "closed").map((item) => item.milestone),
    );
  };
  const rows = data.units
    .filter((unit) => unit.level === "grassroots")
    .map((unit): GrassrootsSummaryRow => {
      const cells = cellsOf.get(unit.id) ?? [];
      const held = unit.facts.reached.held;
      const scheduled = unit.facts.reached.scheduled;
      const done = reached(unit);
      const pilotDate = unit.facts.pilotDate;
      return {
        unit,
        cells:
          cells.length === 0
            ? null
            : { held: cells.filter((cell) => cell.facts.reached.held).length, total: cells.length },
        state: held ? "held" : scheduled ? "scheduled" : "not-scheduled",
        congressDate: held ? held.happenedOn : (scheduled?.eventOn ?? null),
        pilotDate,
        pilotPassed: pilotDate !== null && !held && pilotDate < data.today,
        documents: done.has("documents"),
        personnel: done.has("personnel"),
        openDifficulties: unit.openDifficulties,
      };
    });
  // The exported tops are what the summary reports on, not a level of it (a district's own congress).
  const ids = new Set(data.units.map((unit) => unit.id));
  const tops = data.units.filter((unit) => unit.parentId === null || !ids.has(unit.parentId));
  const levels = data.statistics.levels
    .filter(({ level, counts }) => counts.total > tops.filter((top) => top.level === level).length)
    .map(({ level, counts }) => ({
      level,
      total: counts.total,
      held: counts.held,
      documents: counts.documents,
      personnel: counts.personnel,
    }));
  return { rows, levels };
}
