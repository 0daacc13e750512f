// Totals of a subtree for `status`: how many units of each kind held their congress.
import type { UnitLevel } from "./levels.js";

export interface UnitCountRow {
  level: UnitLevel;
  /** A grassroots organisation with units under it is a grassroots committee (đảng bộ cơ sở). */
  hasChildren: boolean;
  total: number;
  held: number;
}

export type TotalsKind =
  | "province"
  | "district"
  | "grassroots"
  | "committees"
  | "grassroots-cells"
  | "partial"
  | "cell";

export interface ProgressTotals {
  lines: { kind: TotalsKind; total: number; held: number }[];
  units: number;
  held: number;
}

const order: UnitLevel[] = ["province", "district", "grassroots", "partial", "cell"];

/** `rows` cover the units below the top unit; levels with no unit are left out. */
export function summarizeTotals(rows: readonly UnitCountRow[]): ProgressTotals {
  const lines: ProgressTotals["lines"] = [];
  for (const level of order) {
    const ofLevel = rows.filter((row) => row.level === level);
    if (ofLevel.length === 0) continue;
    lines.push({ kind: level, total: sum(ofLevel, "total"), held: sum(ofLevel, "held") });
    if (level === "grassroots") {
      const committees = ofLevel.filter((row) => row.hasChildren);
      const cells = ofLevel.filter((row) => !row.hasChildren);
      if (committees.length > 0 && cells.length > 0) {
        lines.push({ kind: "committees", total: sum(committees, "total"), held: sum(committees, "held") });
        lines.push({ kind: "grassroots-cells", total: sum(cells, "total"), held: sum(cells, "held") });
      }
    }
  }
  return { lines, units: sum(rows, "total"), held: sum(rows, "held") };
}

function sum(rows: readonly UnitCountRow[], field: "total" | "held"): number {
  return rows.reduce((total, row) => total + row[field], 0);
}
