// Election results of a congress (kết quả bầu cử), validated as a whole, with the valid range of each
// number so a person can be told exactly what is wrong. Both ways of reporting (the guided flow and the
// one-line form) check their answers here, so they accept and refuse the same results with the same words.

export interface ElectionResults {
  committeePlanned: number; // số cấp ủy viên theo đề án
  committeeElected: number; // số trúng cử
  standingElected: number | null; // ủy viên Ban Thường vụ (đảng bộ); null for a cell
  // The three counts below are optional: null is "not reported", never 0.
  women: number | null;
  underThirtyFive: number | null;
  reElected: number | null; // tái cử; new members = elected − re-elected
  secretaryDirect: boolean | null; // bí thư bầu trực tiếp tại đại hội
  oneRound: boolean | null; // bầu một lần đủ
  delegates: number | null; // đại biểu đi dự đại hội cấp trên
  summoned: number | null; // đại biểu được triệu tập
  present: number | null; // đại biểu có mặt
  note: string | null;
}

export type ElectionField = Exclude<keyof ElectionResults, "note">;

/** Only the committee's planned and elected numbers are required; any other figure may stay unknown. */
export const requiredResultFields: readonly ElectionField[] = ["committeePlanned", "committeeElected"];

/** A note longer than this is cut (however it was typed: the guided flow, the one-line form, the web form). */
export const maxNoteLength = 500;

/**
 * The committee a congress elects: a unit with no units under it (a chi bộ) elects a chi ủy, whose
 * members are chi ủy viên; a unit with units under it (a đảng bộ) elects a ban chấp hành, and from it a
 * standing committee. Questions and cards name the one the unit has.
 */
export type CommitteeKind = "cell" | "executive";

export function committeeKindOf(unit: { hasChildren: boolean }): CommitteeKind {
  return unit.hasChildren ? "executive" : "cell";
}

export const numberBounds = {
  committeePlanned: [1, 99],
  committeeElected: [1, 99],
  standingElected: [0, 25],
  women: [0, 99],
  underThirtyFive: [0, 99],
  reElected: [0, 99],
  delegates: [0, 999],
  summoned: [1, 5000],
  present: [0, 5000],
} as const satisfies Partial<Record<ElectionField, readonly [number, number]>>;

export type NumberField = keyof typeof numberBounds;
export type YesNoField = "secretaryDirect" | "oneRound";

export const numberFields = Object.keys(numberBounds) as NumberField[];
export const yesNoFields: readonly YesNoField[] = ["secretaryDirect", "oneRound"];

export interface ElectionProblem {
  field: ElectionField | "note";
  code: "range" | "more-than" | "over-planned" | "required" | "sum";
  args: Record<string, number | string>;
}

/** Results with only the two required numbers; everything else not reported yet. */
export function emptyResults(committeePlanned: number, committeeElected: number): ElectionResults {
  return {
    committeePlanned,
    committeeElected,
    standingElected: null,
    women: null,
    underThirtyFive: null,
    reElected: null,
    secretaryDirect: null,
    oneRound: null,
    delegates: null,
    summoned: null,
    present: null,
    note: null,
  };
}

/** The whole set of results, after each number is within its own bounds. */
export function checkElectionResults(results: ElectionResults): ElectionProblem[] {
  const problems: ElectionProblem[] = [];
  for (const [field, [min, max]] of Object.entries(numberBounds) as [NumberField, readonly [number, number]][]) {
    const value = results[field];
    if (value !== null && (value < min || value > max || !Number.isInteger(value))) {
      problems.push({ field, code: "range", args: { value, min, max } });
    }
  }
  if (problems.length > 0) return problems;
  const elected = results.committeeElected;
  if (elected > results.committeePlanned && !results.note) {
    problems.push({
      field: "committeeElected",
      code: "over-planned",
      args: { value: elected, limit: results.committeePlanned },
    });
  }
  for (const field of ["women", "underThirtyFive", "reElected", "standingElected"] as const) {
    const value = results[field];
    if (value !== null && value > elected)
      problems.push({ field, code: "more-than", args: { value, limit: elected, limitField: "committeeElected" } });
  }
  if (results.present !== null && results.summoned !== null && results.present > results.summoned) {
    problems.push({
      field: "present",
      code: "more-than",
      args: { value: results.present, limit: results.summoned, limitField: "summoned" },
    });
  }
  return problems;
}

export function electedInFull(results: ElectionResults): boolean {
  return results.committeeElected >= results.committeePlanned;
}

/** Members elected for the first time, when the number re-elected is known. */
export function newMembersOf(results: ElectionResults): number | null {
  return results.reElected === null ? null : results.committeeElected - results.reElected;
}
