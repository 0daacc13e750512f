// Election statistics per level, in the form the district's reports use: committee members elected
// against the plan, units elected in full or short, women, under-35, re-elected and new members,
// secretaries elected directly, delegates. Pure, over per-unit election rows, so the same numbers can
// come from any loader (the export today; a shared aggregation module later).
import { electedInFull, type ElectionResults } from "./election-results.js";
import { unitLevels, type UnitLevel } from "./levels.js";

export interface ElectionSummaryInput {
  /** One row per unit whose congress is held; results null when the report carries none. */
  elections: readonly { code: string; level: UnitLevel; results: ElectionResults | null }[];
  /** How many units of each level are in the subtree (held or not). */
  unitsPerLevel: Partial<Record<UnitLevel, number>>;
}

export interface ElectionSummary {
  /** Null for the row that adds up every level. */
  level: UnitLevel | null;
  units: number;
  held: number;
  /** Held congresses whose results are known: the sums below are over these. */
  withResults: number;
  committeePlanned: number;
  committeeElected: number;
  electedInFull: number;
  electedShort: number;
  /** Codes of the units elected short, in the order given. */
  shortUnits: string[];
  standingElected: number;
  women: number;
  underThirtyFive: number;
  reElected: number;
  newMembers: number;
  /** Secretaries elected directly at the congress, out of `secretaryAnswered` that said yes or no. */
  secretaryDirect: number;
  secretaryAnswered: number;
  delegates: number;
}

function emptySummary(level: UnitLevel | null, units: number): ElectionSummary {
  return {
    level,
    units,
    held: 0,
    withResults: 0,
    committeePlanned: 0,
    committeeElected: 0,
    electedInFull: 0,
    electedShort: 0,
    shortUnits: [],
    standingElected: 0,
    women: 0,
    underThirtyFive: 0,
    reElected: 0,
    newMembers: 0,
    secretaryDirect: 0,
    secretaryAnswered: 0,
    delegates: 0,
  };
}

function add(summary: ElectionSummary, row: ElectionSummaryInput["elections"][number]): void {
  summary.held += 1;
  const results = row.results;
  if (!results) return;
  summary.withResults += 1;
  summary.committeePlanned += results.committeePlanned;
  summary.committeeElected += results.committeeElected;
  if (electedInFull(results)) summary.electedInFull += 1;
  else {
    summary.electedShort += 1;
    summary.shortUnits.push(row.code);
  }
  summary.standingElected += results.standingElected ?? 0;
  summary.women += results.women;
  summary.underThirtyFive += results.underThirtyFive;
  summary.reElected += results.reElected;
  summary.newMembers += Math.max(0, results.committeeElected - results.reElected);
  if (results.secretaryDirect !== null) {
    summary.secretaryAnswered += 1;
    if (results.secretaryDirect) summary.secretaryDirect += 1;
  }
  summary.delegates += results.delegates ?? 0;
}

/** One summary per level present in the subtree (top level first), then one for all levels together. */
export function summariseElectionsByLevel(input: ElectionSummaryInput): ElectionSummary[] {
  const levels = unitLevels.filter((level) => (input.unitsPerLevel[level] ?? 0) > 0 || input.elections.some((row) => row.level === level));
  const byLevel = new Map(levels.map((level) => [level, emptySummary(level, input.unitsPerLevel[level] ?? 0)]));
  const total = emptySummary(null, levels.reduce((sum, level) => sum + (input.unitsPerLevel[level] ?? 0), 0));
  for (const row of input.elections) {
    add(byLevel.get(row.level)!, row);
    add(total, row);
  }
  return [...byLevel.values(), total];
}
