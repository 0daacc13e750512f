// The election-result questions of a "congress held" report, asked one at a time, each with its range.
import { numberBounds, type ElectionResults } from "../../domain/election-results.js";

export type QuestionField =
  | "committeePlanned"
  | "committeeElected"
  | "standingElected"
  | "women"
  | "underThirtyFive"
  | "reElected"
  | "secretaryDirect"
  | "oneRound"
  | "delegates"
  | "summoned"
  | "present";

const order: QuestionField[] = [
  "committeePlanned",
  "committeeElected",
  "standingElected",
  "women",
  "underThirtyFive",
  "reElected",
  "secretaryDirect",
  "oneRound",
  "delegates",
  "summoned",
  "present",
];

export const yesNoFields: QuestionField[] = ["secretaryDirect", "oneRound"];
export const optionalFields: QuestionField[] = ["standingElected", "delegates", "summoned", "present"];

/** The next question after `current` (or the first), skipping what does not apply. */
export function nextQuestion(current: QuestionField | null, results: Partial<ElectionResults>, unitHasCommittee: boolean): QuestionField | null {
  for (const field of order.slice(current ? order.indexOf(current) + 1 : 0)) {
    if (field === "standingElected" && !unitHasCommittee) continue;
    if (field === "present" && (results.summoned === null || results.summoned === undefined)) continue;
    return field;
  }
  return null;
}

/** The valid range of a numeric answer, given the answers so far. */
export function questionRange(field: QuestionField, results: Partial<ElectionResults>): [number, number] {
  const elected = results.committeeElected ?? numberBounds.committeeElected[1];
  switch (field) {
    case "committeeElected":
      return [1, results.committeePlanned ?? numberBounds.committeeElected[1]];
    case "standingElected":
      return [0, Math.min(numberBounds.standingElected[1], elected)];
    case "women":
    case "underThirtyFive":
    case "reElected":
      return [0, elected];
    case "present":
      return [0, results.summoned ?? numberBounds.present[1]];
    case "committeePlanned":
    case "delegates":
    case "summoned":
      return [...numberBounds[field]];
    default:
      return [0, 1];
  }
}

export function completeResults(results: Partial<ElectionResults>): ElectionResults {
  return {
    committeePlanned: results.committeePlanned ?? 0,
    committeeElected: results.committeeElected ?? 0,
    standingElected: results.standingElected ?? null,
    women: results.women ?? 0,
    underThirtyFive: results.underThirtyFive ?? 0,
    reElected: results.reElected ?? 0,
    secretaryDirect: results.secretaryDirect ?? null,
    oneRound: results.oneRound ?? null,
    delegates: results.delegates ?? null,
    summoned: results.summoned ?? null,
    present: results.present ?? null,
    note: results.note ?? null,
  };
}
