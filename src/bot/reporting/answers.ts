// Reading what a person types in the /baocao flow: several numbers in one message ("5 5 2 1 3"), one
// number, or yes/no. Only the form is read here; whether the numbers fit together is the domain's
// checkElectionResults, the same rules as the one-line form.
import { maxNoteLength } from "../../domain/election-results.js";
import { stripDiacritics } from "../../domain/user-date.js";

export type NumberListProblem =
  | { code: "not-a-number"; value: string }
  | { code: "too-few" }
  | { code: "too-many"; given: number };

export type NumberListResult =
  | { ok: true; values: (number | null)[]; note: string | null }
  | { ok: false; problem: NumberListProblem };

/** A number the person does not know yet is typed as "-" (or "?") to keep the later ones in place. */
const unknownMarks = new Set(["-", "?", "—", "–"]);

/**
 * Up to `size` numbers, of which the first `required` must be given, separated by spaces (or commas),
 * optionally followed by "ghichu=…" as in the one-line form. Numbers not typed are unknown (null).
 */
export function parseNumberList(text: string, size: number, required: number): NumberListResult {
  const noteAt = text.search(/\bghichu=/i);
  const note =
    noteAt >= 0
      ? text
          .slice(noteAt + "ghichu=".length)
          .trim()
          .replace(/^"(.*)"$/, "$1")
          .slice(0, maxNoteLength) || null
      : null;
  const tokens = (noteAt >= 0 ? text.slice(0, noteAt) : text).split(/[\s,;]+/).filter(Boolean);
  const values: (number | null)[] = [];
  for (const token of tokens) {
    if (unknownMarks.has(token)) values.push(null);
    else if (/^\d{1,5}$/.test(token)) values.push(Number(token));
    else return { ok: false, problem: { code: "not-a-number", value: token } };
  }
  if (values.length > size) return { ok: false, problem: { code: "too-many", given: values.length } };
  if (values.length < required || values.slice(0, required).some((value) => value === null))
    return { ok: false, problem: { code: "too-few" } };
  while (values.length < size) values.push(null);
  return { ok: true, values, note };
}

/** "có"/"không" (with or without accents) or yes/no; undefined when it is neither. */
export function parseYesNo(text: string): boolean | undefined {
  const answer = stripDiacritics(text.trim().toLowerCase());
  if (["co", "yes", "y"].includes(answer)) return true;
  if (["khong", "no", "n"].includes(answer)) return false;
  return undefined;
}
