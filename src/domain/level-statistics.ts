// The export's "statistics by level": per level, how many units there are and how many held their
// congress (the roll-up's counts, as /tiendo and the digest show them), beside the election statistics
// of those congresses (the same SQL sums /tiendo and the digest show). Only joins the two; nothing is
// counted here, and nothing is added across levels (a district, its wards and their cells together are
// no figure an office reports).
import { emptyElectionTotals, type ElectionStats, type ElectionTotals, type ShortUnit } from "./election-stats.js";
import { unitLevels, type UnitLevel } from "./levels.js";
import type { ProgressCounts } from "./progress-rollup.js";

export interface LevelStatistics extends ElectionTotals {
  level: UnitLevel;
  units: number;
  held: number;
  /** Units of the level that elected fewer committee members than planned (lowest share first). */
  shortUnits: ShortUnit[];
}

/**
 * One row per level that has units or congresses (top level first). `progress` holds
 * the roll-up's counts per level, `elections` the election statistics, over the same units.
 */
export function statisticsByLevel(
  progress: readonly { level: UnitLevel; counts: ProgressCounts }[],
  elections: ElectionStats,
): LevelStatistics[] {
  const rows: LevelStatistics[] = [];
  for (const level of unitLevels) {
    const counts = progress.filter((line) => line.level === level).map((line) => line.counts);
    const election = elections.levels.find((line) => line.level === level);
    if (counts.length === 0 && !election) continue;
    const { level: _, ...totals } = election ?? { level, ...emptyElectionTotals() };
    rows.push({
      level,
      units: counts.reduce((sum, line) => sum + line.total, 0),
      held: counts.reduce((sum, line) => sum + line.held, 0),
      ...totals,
      shortUnits: elections.shortUnits.filter((unit) => unit.level === level),
    });
  }
  return rows;
}
