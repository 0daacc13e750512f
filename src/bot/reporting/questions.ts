// The questions of a "congress held" report. The guided flow asks the committee's numbers in one message,
// then the make-up of the members elected (ages, education, political theory) in one message, the yes/no
// questions, the shares of votes, and the delegates' numbers in one message; every group after the first
// may be skipped. The edit menu (✏️ Sửa) asks one field at a time and goes back to the card.
import {
  emptyResults,
  groupFields,
  isShareField,
  numberGroups,
  type NumberGroup,
  requiredResultFields,
  yesNoFields,
  type CommitteeKind,
  type ElectionField,
  type ElectionResults,
  type NumberField,
  type YesNoField,
} from "../../domain/election-results.js";
import type { Locale } from "../../i18n.js";

/** A question is a group of numbers answered in one message, or one field. */
export type Question = NumberGroup | ElectionField;

/** What the edit menu offers: the date and each result. */
export type EditField = "date" | ElectionField;

const guidedOrder: readonly Question[] = [
  "numbers",
  "composition",
  "secretaryDirect",
  "oneRound",
  "votes",
  "attendance",
];

export function isNumberGroup(question: Question): question is NumberGroup {
  return (numberGroups as readonly Question[]).includes(question);
}

/** The groups the guided flow lets a person skip: all but the committee's numbers. */
export function isSkippable(question: Question): boolean {
  return isNumberGroup(question) && question !== "numbers";
}

export function isYesNo(question: Question): question is YesNoField {
  return (yesNoFields as readonly string[]).includes(question);
}

export function isOptional(field: ElectionField): boolean {
  return !requiredResultFields.includes(field);
}

/** The first question of the guided flow, and the one after `current` (null: the card comes next). */
export function firstGuided(): Question {
  return guidedOrder[0]!;
}

export function nextGuided(current: Question): Question | null {
  const index = guidedOrder.indexOf(current);
  return index >= 0 ? (guidedOrder[index + 1] ?? null) : null;
}

/** How many numbers at the start of a group must be given. */
export function requiredCount(group: NumberGroup): number {
  return group === "numbers" ? requiredResultFields.length : 0;
}

/** The fields one typed answer fills, and how many of them are required. */
export function answerShape(
  question: Exclude<Question, YesNoField>,
  kind: CommitteeKind,
): { fields: NumberField[]; required: number } {
  if (isNumberGroup(question)) return { fields: groupFields(question, kind), required: requiredCount(question) };
  return { fields: [question], required: isOptional(question) ? 0 : 1 };
}

/**
 * Example answers, by the kind of committee (a cell's chi ủy is small, a đảng bộ's committee larger); the
 * executive's are the Ngọc Lâm congress of 2020 as its article reports it. Each example passes the checks.
 */
const examples: Record<CommitteeKind, Record<NumberField, number>> = {
  cell: {
    committeePlanned: 5,
    committeeElected: 5,
    women: 2,
    underThirtyFive: 1,
    agedThirtyFiveToFifty: 2,
    overFifty: 2,
    reElected: 3,
    postgraduate: 0,
    graduate: 4,
    theoryAdvanced: 0,
    theoryIntermediate: 3,
    standingElected: 0,
    standingWomen: 0,
    lowestVoteShare: 75.5,
    highestVoteShare: 100,
    delegates: 3,
    delegatesExOfficio: 0,
    summoned: 30,
    present: 28,
  },
  executive: {
    committeePlanned: 15,
    committeeElected: 15,
    women: 4,
    underThirtyFive: 2,
    agedThirtyFiveToFifty: 9,
    overFifty: 4,
    reElected: 10,
    postgraduate: 3,
    graduate: 11,
    theoryAdvanced: 6,
    theoryIntermediate: 8,
    standingElected: 5,
    standingWomen: 2,
    lowestVoteShare: 61.25,
    highestVoteShare: 98.5,
    delegates: 16,
    delegatesExOfficio: 1,
    summoned: 161,
    present: 158,
  },
};

/** An answer to type: shares with the reader's decimal mark (61,25 in Vietnamese). */
export function exampleOf(fields: readonly NumberField[], kind: CommitteeKind, locale: Locale = "vi"): string {
  return fields
    .map((field) => {
      const value = String(examples[kind][field]);
      return isShareField(field) && locale === "vi" ? value.replace(".", ",") : value;
    })
    .join(" ");
}

/**
 * The results after a typed answer: the answered fields take the typed values (null: unknown). Present
 * delegates are counted against those summoned, so forgetting the number summoned forgets them too.
 */
export function withNumbers(
  results: ElectionResults | null,
  fields: readonly NumberField[],
  values: readonly (number | null)[],
  note: string | null,
): ElectionResults {
  const next: ElectionResults = { ...(results ?? emptyResults(0, 0)) };
  for (const [index, field] of fields.entries()) setField(next, field, values[index] ?? null);
  if (note !== null) next.note = note;
  return next;
}

export function withAnswer(
  results: ElectionResults,
  field: ElectionField,
  value: number | boolean | null,
): ElectionResults {
  const next: ElectionResults = { ...results };
  setField(next, field, value);
  return next;
}

function setField(results: ElectionResults, field: ElectionField, value: number | boolean | null): void {
  if (field === "committeePlanned" || field === "committeeElected") {
    if (typeof value === "number") results[field] = value;
  } else if (field === "secretaryDirect" || field === "oneRound") {
    results[field] = typeof value === "boolean" ? value : null;
  } else {
    results[field] = typeof value === "number" ? value : null;
  }
  if (field === "summoned" && value === null) results.present = null;
}

/**
 * The edit menu's entries for a draft, in the guided flow's order: the committee's numbers (a standing
 * committee for a committee, or where one was reported), the make-up, the yes/no answers, the shares of
 * votes, the delegates; present only once summoned is known.
 */
export function editableFields(results: ElectionResults | null, kind: CommitteeKind): EditField[] {
  if (!results) return ["date"];
  const standing = kind === "executive" || results.standingElected !== null || results.standingWomen !== null;
  const fields: EditField[] = [
    "date",
    ...groupFields("numbers", standing ? "executive" : "cell"),
    ...groupFields("composition", kind),
    ...yesNoFields,
    ...groupFields("votes", kind),
    ...groupFields("attendance", kind),
  ];
  return results.summoned === null ? fields.filter((field) => field !== "present") : fields;
}
