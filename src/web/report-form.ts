// Reading the web's report form: the fields as typed (kept to show the form again), and the draft they make
// or what keeps them from making one. Only the form is read here; whether the draft may be recorded is
// decided by the same use case and domain rules as the bot's (draftProblems, recordReport).
import {
  emptyResults,
  groupFields,
  isShareField,
  maxNoteLength,
  numberGroups,
  requiredResultFields,
  type CommitteeKind,
  yesNoFields,
  type ElectionResults,
  type NumberField,
  type YesNoField,
} from "../domain/election-results.js";
import { milestones, type Milestone } from "../domain/levels.js";
import { parseShare } from "../domain/report-line.js";
import { formatLocalDate, type LocalDate } from "../domain/local-date.js";
import type { ReportDraft } from "../domain/report-draft.js";
import { parseUserDate } from "../domain/user-date.js";

/** The form's fields as typed: strings, so a refused form comes back as the person left it. */
export interface ReportFormValues {
  milestone: Milestone;
  date: string;
  numbers: Record<NumberField, string>;
  /** "yes", "no" or "" (not reported). */
  answers: Record<YesNoField, string>;
  note: string;
}

export type FormProblem =
  | { field: "date"; code: "format" | "not-a-date"; value: string }
  | { field: NumberField; code: "not-a-number" | "not-a-share"; value: string }
  | { field: NumberField; code: "required" };

export type ReadForm =
  | { ok: true; values: ReportFormValues; draft: ReportDraft }
  | { ok: false; values: ReportFormValues; problems: FormProblem[] };

const maxFieldLength = 40;

export function parseMilestone(value: unknown): Milestone | null {
  return milestones.find((milestone) => milestone === value) ?? null;
}

/** The fields of a posted form; anything missing or not text is empty. */
export function formValues(body: Record<string, unknown>, milestone: Milestone): ReportFormValues {
  const text = (name: string, max = maxFieldLength) => {
    const value = body[name];
    return typeof value === "string" ? value.trim().slice(0, max) : "";
  };
  return {
    milestone,
    date: text("date"),
    numbers: Object.fromEntries(allNumberFields.map((field) => [field, text(field)])) as Record<NumberField, string>,
    answers: Object.fromEntries(
      yesNoFields.map((field) => {
        const answer = text(field);
        return [field, answer === "yes" || answer === "no" ? answer : ""];
      }),
    ) as Record<YesNoField, string>,
    note: text("note", maxNoteLength),
  };
}

/** The form filled in with what is known: the current report of the milestone, when it is corrected. */
export function valuesOf(
  milestone: Milestone,
  current: { date: LocalDate | null; results: ElectionResults | null } | null,
): ReportFormValues {
  const results = current?.results ?? null;
  // A share is shown as it is typed here: 61,25 (the form reads a comma or a point).
  const show = (value: number | null | undefined) =>
    value === null || value === undefined ? "" : String(value).replace(".", ",");
  const answer = (value: boolean | null | undefined) => (value === true ? "yes" : value === false ? "no" : "");
  return {
    milestone,
    date: current?.date ? formatLocalDate(current.date) : "",
    numbers: Object.fromEntries(allNumberFields.map((field) => [field, show(results?.[field])])) as Record<
      NumberField,
      string
    >,
    answers: Object.fromEntries(yesNoFields.map((field) => [field, answer(results?.[field])])) as Record<
      YesNoField,
      string
    >,
    note: results?.note ?? "",
  };
}

/**
 * The draft the fields make for the unit. Results are read only for a congress held; of them only the
 * committee's planned and elected numbers are required, any other is "not reported" when left empty.
 */
export function readReportForm(
  values: ReportFormValues,
  unit: { id: number; committee: CommitteeKind },
  today: LocalDate,
): ReadForm {
  const problems: FormProblem[] = [];
  const date = parseUserDate(values.date, today);
  if (!date.ok) problems.push({ field: "date", code: date.problem, value: values.date });
  let results: ElectionResults | null = null;
  if (values.milestone === "held") {
    const numbers: Partial<Record<NumberField, number | null>> = {};
    for (const field of formNumberFields(unit.committee)) {
      const typed = values.numbers[field];
      if (typed === "") {
        if (requiredResultFields.includes(field)) problems.push({ field, code: "required" });
        numbers[field] = null;
      } else if (isShareField(field)) {
        const share = parseShare(typed);
        if (share === null) problems.push({ field, code: "not-a-share", value: typed });
        else numbers[field] = share;
      } else if (/^\d{1,5}$/.test(typed)) numbers[field] = Number(typed);
      else problems.push({ field, code: "not-a-number", value: typed });
    }
    if (problems.length === 0) {
      results = {
        ...emptyResults(numbers.committeePlanned!, numbers.committeeElected!),
        // Only the unit's own fields were read (formNumberFields): a cell's standing committee stays null.
        ...numbers,
        secretaryDirect: yesNo(values.answers.secretaryDirect),
        oneRound: yesNo(values.answers.oneRound),
        note: values.note || null,
      } as ElectionResults;
    }
  }
  if (problems.length > 0 || !date.ok) return { ok: false, values, problems };
  return { ok: true, values, draft: { unitId: unit.id, milestone: values.milestone, date: date.date, results } };
}

function yesNo(answer: string): boolean | null {
  return answer === "yes" ? true : answer === "no" ? false : null;
}

/** The numbers the form asks, in the bot's groups and order: a cell elects no standing committee. */
export function formNumberFields(committee: CommitteeKind): NumberField[] {
  return numberGroups.flatMap((group) => groupFields(group, committee));
}

/** Every number a form may carry (a committee's), read whatever the unit so a refused form comes back whole. */
const allNumberFields = formNumberFields("executive");
