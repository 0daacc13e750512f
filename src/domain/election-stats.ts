// Election statistics of the congresses held in a subtree, per level, in the form the offices report
// them ("bầu đủ 39, thiếu 11; nữ 39,02%; trẻ 12,19%; tái cử 10, mới 5; 17 đại biểu dự đại hội cấp
// trên"). The sums are computed in SQL over the current `held` reports (src/db/progress-rollup.ts).
import { makeUpFields } from "./election-results.js";
import { unitLevels, type UnitLevel } from "./levels.js";
import type { NamedUnit } from "./unit-label.js";

export interface ElectionTotals {
  /** Congresses held (current `held` reports), and how many of them carry election results. */
  congresses: number;
  withResults: number;
  committeePlanned: number;
  committeeElected: number;
  /** Congresses that elected the full committee (elected ≥ planned), and those that elected fewer. */
  inFull: number;
  short: number;
  standingElected: number;
  /** Sums over the congresses that reported each count: a count not reported is unknown, not 0. */
  women: number;
  underThirtyFive: number;
  agedThirtyFiveToFifty: number;
  overFifty: number;
  reElected: number;
  postgraduate: number;
  graduate: number;
  theoryAdvanced: number;
  theoryIntermediate: number;
  /** The base of each share above: members elected in the congresses that reported that count. */
  womenBase: number;
  underThirtyFiveBase: number;
  agedThirtyFiveToFiftyBase: number;
  overFiftyBase: number;
  reElectedBase: number;
  postgraduateBase: number;
  graduateBase: number;
  theoryAdvancedBase: number;
  theoryIntermediateBase: number;
  /** Women in the standing committees, and those committees' members (congresses that reported both). */
  standingWomen: number;
  standingWomenBase: number;
  /** Secretary elected directly at the congress: yes, out of the congresses that answered. */
  secretaryDirect: number;
  secretaryDirectKnown: number;
  /** Committee elected in one round: yes, out of those that answered. */
  oneRound: number;
  oneRoundKnown: number;
  /** Delegates elected to the higher congress, out of the congresses that reported a number. */
  delegates: number;
  delegatesKnown: number;
  /** Delegates ex officio (đương nhiên), out of the congresses that reported a number. */
  delegatesExOfficio: number;
  delegatesExOfficioKnown: number;
  /** Summoned and present, over the congresses that reported both. */
  summoned: number;
  present: number;
  attendanceKnown: number;
  /** The lowest and the highest share of votes of anyone elected, in percent; null when none was reported. */
  lowestVoteShare: number | null;
  highestVoteShare: number | null;
  voteSharesKnown: number;
}

export interface ElectionLevelStats extends ElectionTotals {
  level: UnitLevel;
}

/** Named as lists name units (with its parent when its name is shared: every ward has a "Tổ dân phố số 2"). */
export interface ShortUnit extends NamedUnit {
  id: number;
  name: string;
  level: UnitLevel;
  elected: number;
  planned: number;
}

export interface ElectionStats {
  levels: ElectionLevelStats[];
  /** Units that elected fewer committee members than planned (at most `shortListLimit`, lowest share first). */
  shortUnits: ShortUnit[];
}

/** The totals that add up across congresses (all but the lowest and highest vote shares). */
export const electionFields = [
  "congresses",
  "withResults",
  "committeePlanned",
  "committeeElected",
  "inFull",
  "short",
  "standingElected",
  "women",
  "underThirtyFive",
  "reElected",
  ...makeUpFields,
  "womenBase",
  "underThirtyFiveBase",
  "agedThirtyFiveToFiftyBase",
  "overFiftyBase",
  "reElectedBase",
  "postgraduateBase",
  "graduateBase",
  "theoryAdvancedBase",
  "theoryIntermediateBase",
  "standingWomen",
  "standingWomenBase",
  "secretaryDirect",
  "secretaryDirectKnown",
  "oneRound",
  "oneRoundKnown",
  "delegates",
  "delegatesKnown",
  "delegatesExOfficio",
  "delegatesExOfficioKnown",
  "summoned",
  "present",
  "attendanceKnown",
  "voteSharesKnown",
] as const satisfies readonly (keyof ElectionTotals)[];

export function emptyElectionTotals(): ElectionTotals {
  const counts = Object.fromEntries(electionFields.map((field) => [field, 0])) as Record<
    (typeof electionFields)[number],
    number
  >;
  return { ...counts, lowestVoteShare: null, highestVoteShare: null };
}

/** The counts whose share is taken over the members of the congresses that reported them. */
export const optionalCounts = [
  "women",
  "underThirtyFive",
  "reElected",
  ...makeUpFields,
  // Women of the standing committee are a share of its members (standingWomenBase), not of the committee.
  "standingWomen",
] as const;
export type OptionalCount = (typeof optionalCounts)[number];

/** Members elected in the congresses that reported `count`: what its share is taken of. */
export function shareBase(totals: ElectionTotals, count: OptionalCount): number {
  return totals[`${count}Base`];
}

/** Members elected for the first time: elected − re-elected, over the congresses that reported re-elected. */
export function newMembers(totals: ElectionTotals): number {
  return shareBase(totals, "reElected") - totals.reElected;
}

/** Levels in tree order, top first, without levels where nothing was held. */
export function sortLevels(levels: readonly ElectionLevelStats[]): ElectionLevelStats[] {
  return [...levels]
    .filter((line) => line.congresses > 0)
    .sort((a, b) => unitLevels.indexOf(a.level) - unitLevels.indexOf(b.level));
}
