// Election results of a congress (kết quả bầu cử), validated as a whole, with the valid range of each
// number so a person can be told exactly what is wrong. Both ways of reporting (the guided flow and the
// one-line form) check their answers here, so they accept and refuse the same results with the same words.

export interface ElectionResults {
  committeePlanned: number; // số cấp ủy viên theo đề án
  committeeElected: number; // số trúng cử
  standingElected: number | null; // ủy viên Ban Thường vụ (đảng bộ); null for a cell
  // Every figure below is optional: null is "not reported", never 0. The counts are of the committee
  // members elected (the articles' "trong đó: nữ 4 đ/c (26,67%), dưới 35: 2 đ/c …").
  women: number | null;
  underThirtyFive: number | null;
  agedThirtyFiveToFifty: number | null; // từ 35 đến 50 tuổi
  overFifty: number | null; // trên 50 tuổi
  reElected: number | null; // tái cử; new members = elected − re-elected
  postgraduate: number | null; // trình độ chuyên môn trên đại học
  graduate: number | null; // cao đẳng, đại học
  theoryAdvanced: number | null; // lý luận chính trị cao cấp, cử nhân
  theoryIntermediate: number | null; // lý luận chính trị trung cấp
  standingWomen: number | null; // nữ trong Ban Thường vụ
  secretaryDirect: boolean | null; // bí thư bầu trực tiếp tại đại hội
  oneRound: boolean | null; // bầu một lần đủ
  /** The lowest and highest share of votes among those elected, in percent (61,25 is 61.25). */
  lowestVoteShare: number | null;
  highestVoteShare: number | null;
  delegates: number | null; // đại biểu được bầu đi dự đại hội cấp trên (chính thức)
  delegatesExOfficio: number | null; // đại biểu đương nhiên
  summoned: number | null; // đảng viên / đại biểu được triệu tập
  present: number | null; // có mặt
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
  standingWomen: [0, 25],
  women: [0, 99],
  underThirtyFive: [0, 99],
  agedThirtyFiveToFifty: [0, 99],
  overFifty: [0, 99],
  reElected: [0, 99],
  postgraduate: [0, 99],
  graduate: [0, 99],
  theoryAdvanced: [0, 99],
  theoryIntermediate: [0, 99],
  // Elected means more than half of the valid votes: the lowest share a member elected can have is 50,01%.
  lowestVoteShare: [50.01, 100],
  highestVoteShare: [50.01, 100],
  delegates: [0, 999],
  delegatesExOfficio: [0, 99],
  summoned: [1, 5000],
  present: [0, 5000],
} as const satisfies Partial<Record<ElectionField, readonly [number, number]>>;

export type NumberField = keyof typeof numberBounds;
export type YesNoField = "secretaryDirect" | "oneRound";

export const numberFields = Object.keys(numberBounds) as NumberField[];
export const yesNoFields: readonly YesNoField[] = ["secretaryDirect", "oneRound"];

/** Percentages, written with up to two decimals as the articles write them (61,25%); every other number is whole. */
export const shareFields: readonly NumberField[] = ["lowestVoteShare", "highestVoteShare"];
export const shareDecimals = 2;

export function isShareField(field: string): boolean {
  return (shareFields as readonly string[]).includes(field);
}

/**
 * The numbers in the groups they are asked in (the bot's guided flow asks a group per message, the web
 * form shows them in this order): the committee's, the make-up of the members elected, the shares of
 * votes, the delegates. A ban chấp hành's standing committee (its size, then its women) comes last in the
 * first group, so its first five numbers mean the same for a cell and for a committee ("15 15 4 2 10").
 */
export type NumberGroup = "numbers" | "composition" | "votes" | "attendance";

/** The make-up of the members elected beyond the committee's line, in the order the articles give it. */
export const makeUpFields = [
  "agedThirtyFiveToFifty",
  "overFifty",
  "postgraduate",
  "graduate",
  "theoryAdvanced",
  "theoryIntermediate",
] as const satisfies readonly NumberField[];
export const numberGroups: readonly NumberGroup[] = ["numbers", "composition", "votes", "attendance"];

export function groupFields(group: NumberGroup, kind: CommitteeKind): NumberField[] {
  if (group === "attendance") return ["delegates", "delegatesExOfficio", "summoned", "present"];
  if (group === "votes") return ["lowestVoteShare", "highestVoteShare"];
  if (group === "composition") return [...makeUpFields];
  const fields: NumberField[] = ["committeePlanned", "committeeElected", "women", "underThirtyFive", "reElected"];
  return kind === "executive" ? [...fields, "standingElected", "standingWomen"] : fields;
}

/** The figures that split the members elected into groups that do not overlap (ages: they add up to all). */
export const memberGroups = {
  age: ["underThirtyFive", "agedThirtyFiveToFifty", "overFifty"],
  education: ["postgraduate", "graduate"],
  theory: ["theoryAdvanced", "theoryIntermediate"],
} as const satisfies Record<string, readonly NumberField[]>;

/** Counts of the members elected: none can be more than the members elected. */
const countsOfElected = [
  "women",
  "standingWomen",
  "underThirtyFive",
  "agedThirtyFiveToFifty",
  "overFifty",
  "reElected",
  "postgraduate",
  "graduate",
  "theoryAdvanced",
  "theoryIntermediate",
  "standingElected",
] as const satisfies readonly NumberField[];

export interface ElectionProblem {
  field: ElectionField | "note";
  /** sum: the group's counts add up to more than the members elected, or (ages, all given) not to all of them. */
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
    agedThirtyFiveToFifty: null,
    overFifty: null,
    reElected: null,
    postgraduate: null,
    graduate: null,
    theoryAdvanced: null,
    theoryIntermediate: null,
    standingWomen: null,
    secretaryDirect: null,
    oneRound: null,
    lowestVoteShare: null,
    highestVoteShare: null,
    delegates: null,
    delegatesExOfficio: null,
    summoned: null,
    present: null,
    note: null,
  };
}

/** The results of a saved report's payload; a field an older report does not hold is unknown, never 0. */
export function resultsFromPayload(payload: Record<string, unknown>): ElectionResults | null {
  const stored = payload.results;
  if (typeof stored !== "object" || stored === null) return null;
  const results = stored as Partial<Record<keyof ElectionResults, unknown>>;
  if (typeof results.committeePlanned !== "number" || typeof results.committeeElected !== "number") return null;
  const read = emptyResults(results.committeePlanned, results.committeeElected);
  for (const field of numberFields) {
    const value = results[field];
    if (typeof value === "number") read[field] = value;
  }
  for (const field of yesNoFields) {
    const value = results[field];
    if (typeof value === "boolean") read[field] = value;
  }
  if (typeof results.note === "string") read.note = results.note;
  return read;
}

/** Whether a typed value has the form its field takes: whole, or a share with up to two decimals. */
function hasFieldForm(field: NumberField, value: number): boolean {
  if (!isShareField(field)) return Number.isInteger(value);
  const hundredths = value * 10 ** shareDecimals;
  return Math.abs(hundredths - Math.round(hundredths)) < 1e-6;
}

/** The whole set of results, after each number is within its own bounds. */
export function checkElectionResults(results: ElectionResults): ElectionProblem[] {
  const problems: ElectionProblem[] = [];
  for (const [field, [min, max]] of Object.entries(numberBounds) as [NumberField, readonly [number, number]][]) {
    const value = results[field];
    if (value !== null && (value < min || value > max || !hasFieldForm(field, value))) {
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
  for (const field of countsOfElected) {
    const value = results[field];
    if (value !== null && value > elected)
      problems.push({ field, code: "more-than", args: { value, limit: elected, limitField: "committeeElected" } });
  }
  const notMore = (field: NumberField, limitField: NumberField) => {
    const [value, limit] = [results[field], results[limitField]];
    if (value !== null && limit !== null && value > limit)
      problems.push({ field, code: "more-than", args: { value, limit, limitField } });
  };
  notMore("standingWomen", "standingElected");
  notMore("standingWomen", "women");
  notMore("lowestVoteShare", "highestVoteShare");
  notMore("present", "summoned");
  if (problems.length > 0) return problems;
  // A group's counts together: never more than the members elected; the three age bands, when all are
  // given, are every member elected (the articles' 2 + 9 + 4 = 15).
  for (const [group, fields] of Object.entries(memberGroups)) {
    const given = fields.filter((field) => results[field] !== null);
    if (given.length < 2) continue;
    const total = given.reduce((sum, field) => sum + results[field]!, 0);
    const whole = group === "age" && given.length === fields.length;
    if (total > elected || (whole && total !== elected))
      problems.push({
        field: given[0]!,
        code: "sum",
        args: {
          parts: given.map((field) => results[field]!).join(" + "),
          group,
          value: total,
          limit: elected,
          exact: whole ? "yes" : "no",
        },
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
