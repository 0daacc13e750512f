// The questions of a "congress held" report. The guided flow asks the committee's numbers in one message,
// then the yes/no questions, then the delegates' numbers in one message; the edit menu (✏️ Sửa) asks one
// field at a time and goes back to the card.
import {
  emptyResults,
  requiredResultFields,
  yesNoFields,
  type CommitteeKind,
  type ElectionField,
  type ElectionResults,
  type NumberField,
  type YesNoField,
} from "../../domain/election-results.js";

/** A question answered with several numbers in one message. */
export type NumberGroup = "numbers" | "attendance";
export type Question = NumberGroup | ElectionField;

/** What the edit menu offers: the date and each result. */
export type EditField = "date" | ElectionField;

const guidedOrder: readonly Question[] = ["numbers", "secretaryDirect", "oneRound", "attendance"];

export function isNumberGroup(question: Question): question is NumberGroup {
  return question === "numbers" || question === "attendance";
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

/**
 * The numbers of a group, in the order they are typed. A ban chấp hành's standing committee comes last,
 * so the first five numbers mean the same for a cell and for a committee ("15 15 4 2 10" fits both).
 */
export function groupFields(group: NumberGroup, kind: CommitteeKind): NumberField[] {
  if (group === "attendance") return ["delegates", "summoned", "present"];
  const fields: NumberField[] = ["committeePlanned", "committeeElected", "women", "underThirtyFive", "reElected"];
  return kind === "executive" ? [...fields, "standingElected"] : fields;
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

/** Example answers, by the kind of committee (a cell's chi ủy is small, a đảng bộ's committee larger). */
const examples: Record<CommitteeKind, Record<NumberField, number>> = {
  cell: {
    committeePlanned: 5,
    committeeElected: 5,
    women: 2,
    underThirtyFive: 1,
    reElected: 3,
    standingElected: 0,
    delegates: 3,
    summoned: 30,
    present: 28,
  },
  executive: {
    committeePlanned: 15,
    committeeElected: 15,
    women: 4,
    underThirtyFive: 2,
    reElected: 10,
    standingElected: 5,
    delegates: 17,
    summoned: 120,
    present: 118,
  },
};

export function exampleOf(fields: readonly NumberField[], kind: CommitteeKind): string {
  return fields.map((field) => examples[kind][field]).join(" ");
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

/** The edit menu's entries for a draft, in the card's order; present delegates only once summoned is known. */
export function editableFields(results: ElectionResults | null, kind: CommitteeKind): EditField[] {
  if (!results) return ["date"];
  const fields: EditField[] = ["date", "committeePlanned", "committeeElected"];
  if (kind === "executive" || results.standingElected !== null) fields.push("standingElected");
  fields.push("women", "underThirtyFive", "reElected", "secretaryDirect", "oneRound", "delegates", "summoned");
  if (results.summoned !== null) fields.push("present");
  return fields;
}
