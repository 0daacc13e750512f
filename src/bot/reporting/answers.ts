// Reading what a person types in the /baocao flow: several numbers in one message ("5 5 2 1 3"), one
// number, or yes/no. Only the form is read here; whether the numbers fit together is the domain's
// checkElectionResults, the same rules as the one-line form.
import { maxNoteLength } from "../../domain/election-results.js";
import { parseShare } from "../../domain/report-line.js";
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
 * The numbers at the positions `shares` marks are percentages with up to two decimals ("61,25"); where
 * there are any, the comma is their decimal mark and only spaces (or semicolons) separate numbers.
 */
export function parseNumberList(
  text: string,
  size: number,
  required: number,
  shares: readonly boolean[] = [],
): NumberListResult {
  const noteAt = text.search(/\bghichu=/i);
  const note =
    noteAt >= 0
      ? text
          .slice(noteAt + "ghichu=".length)
          .trim()
          .replace(/^"(.*)"$/, "$1")
          .slice(0, maxNoteLength) || null
      : null;
  const separators = shares.includes(true) ? /[\s;]+/ : /[\s,;]+/;
  const tokens = (noteAt >= 0 ? text.slice(0, noteAt) : text).split(separators).filter(Boolean);
  const values: (number | null)[] = [];
  for (const [index, token] of tokens.entries()) {
    const share = shares[index] ? parseShare(token) : null;
    if (unknownMarks.has(token)) values.push(null);
    else if (share !== null) values.push(share);
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
