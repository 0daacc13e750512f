// What an export holds, as plain rows: one per unit of the subtree (status), one per held congress
// (election results) and one per open difficulty, and the statistics per level as the shared roll-up
// (src/db/progress-rollup.ts) counts them. The store fills them; the sheets are built from them.
import type { ListedUnit } from "./checklist.js";
import type { ElectionResults } from "./election-results.js";
import type { ElectionStats } from "./election-stats.js";
import type { UnitLevel } from "./levels.js";
import type { ResolvedLetterhead } from "./letterhead.js";
import type { LocalDate } from "./local-date.js";
import type { ProgressCounts } from "./progress-rollup.js";

/** A unit as the export shows it: judged by its checklist (its facts), named as lists name units. */
export interface ExportUnitRow extends ListedUnit {
  /** 0 for the top of the organisation. */
  depth: number;
  parentCode: string | null;
  openDifficulties: number;
  /** The first secretary on the roster, if any. */
  secretaryName: string | null;
}

export interface ExportElectionRow {
  unitId: number;
  code: string;
  name: string;
  level: UnitLevel;
  heldOn: LocalDate;
  /** Null when the held report carries no results (it is counted as held, but not in the sums). */
  results: ElectionResults | null;
}

export interface ExportDifficultyRow {
  id: number;
  unitCode: string;
  unitName: string;
  openedAt: Date;
  /** Null for a sensitive difficulty (complaint letter): its text never leaves the bot. */
  text: string | null;
}

export interface ExportData {
  /** `letterhead`: what the summary sheet's head carries. */
  organization: { code: string; name: string; letterhead: ResolvedLetterhead };
  /** The office's day the export judges the units on (its "overdue"). */
  today: LocalDate;
  /** The subtrees exported (one, or a working group's units), in the order asked. */
  scope: { code: string; name: string }[];
  campaign: { name: string } | null;
  exportedAt: Date;
  /** Tree order: every unit is followed by the units under it. */
  units: ExportUnitRow[];
  elections: ExportElectionRow[];
  difficulties: ExportDifficultyRow[];
  /**
   * From the shared aggregation module, over the exported subtrees with their tops included: the
   * progress counts per level (loadUnitsRollup) and the election statistics (loadElectionStats, every
   * unit elected short listed).
   */
  statistics: { levels: { level: UnitLevel; counts: ProgressCounts }[]; elections: ElectionStats };
}
