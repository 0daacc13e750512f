// Difficulties (khó khăn, vướng mắc): what a text must be, which ones are sensitive (complaint letters),
// who may resolve one, and who may read one's text. Pure rules: the bot, digests and exports share them.
import type { Role } from "./levels.js";
import { reportRight, type ScopePerson as ReporterProfile, type UnitRef } from "./scope.js";

/** Counted in characters as people see them (code points after NFC), not in UTF-16 units. */
export const difficultyMaxLength = 1000;

export type DifficultyTextCheck =
  | { ok: true; text: string }
  | { ok: false; problem: "empty" }
  | { ok: false; problem: "too-long"; length: number; max: number };

/**
 * Normalises a difficulty as typed (NFC, so a decomposed "ệ" counts once; outer whitespace trimmed;
 * runs of blank lines collapsed) and checks its length.
 */
export function checkDifficultyText(input: string | undefined): DifficultyTextCheck {
  const text = (input ?? "")
    .normalize("NFC")
    .replace(/\r\n?/g, "\n")
    .replace(/[ \t]+\n/g, "\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
  if (text === "") return { ok: false, problem: "empty" };
  const length = [...text].length;
  if (length > difficultyMaxLength) return { ok: false, problem: "too-long", length, max: difficultyMaxLength };
  return { ok: true, text };
}

// Complaint letters (đơn thư), complaints (khiếu nại) and denunciations (tố cáo) are sensitive: they may
// name the unit's own officers. People type them every way a phone allows, so a term is found in any
// case, NFC or NFD, with the tone mark on any vowel of its syllable ("khiêú", "caó", "naị"), with its
// syllables joined ("khieunai", "tốcáo") or separated by spaces, hyphens, underscores, dots or invisible
// characters, and without diacritics ("khieu nai", "to-cao", "don thu").
//
// Without diacritics some of them are also ordinary words, so each syllable lists the spellings that
// count (tone position aside), and the fully unaccented form has its own rule:
// - "tố cáo": each syllable must carry its acute ("tố"/"tó", "cáo"), or both be unaccented. "tô"/"Tô"
//   (bowl, to paint, a surname: "đồng chí Tô cáo ốm", "tô cao nền"), "tổ", "tốc" are other words, and
//   "yếu tố cao tuổi" (the factor of old age) is innocent, so "tô cao" and "tố cao" do not count.
//   Unaccented "to cao" counts in a text typed without diacritics (the writer's "tố cáo" is the likely
//   meaning, and a false alarm only hides a text from a group), and joined ("tocao", "to-cao", "to_cao")
//   anywhere; separated by spaces or dots in a text written with diacritics, it is the ordinary words
//   "to" (big) and "cao" (tall, high): "hội trường to cao". After "yếu" or "nhân" ("yeu to cao" = the
//   factor "high") it never counts. ("nâng cao", "báo cáo", "tốc độ" never contain the syllables.)
// - "đơn thư": "thư" must keep its horn, or the whole term be unaccented; "hóa đơn thu tiền" (a receipt)
//   is innocent, and so is unaccented "hoa don thu".
// - "khiếu nại": no ordinary word looks like it, so any partly accented spelling counts.
interface SensitiveTerm {
  /** The syllables without diacritics, as they are matched. */
  plain: readonly string[];
  /** Per syllable, the spellings that count: letters with their vowel marks, "/", the tone (Telex letter). */
  accepted: readonly (readonly string[])[];
  /** Words after which the unaccented form is innocent. */
  notAfter: readonly string[];
  /** Unaccented and separated, it is ordinary words in a text written with diacritics. */
  plainIsProse: boolean;
}

const sensitiveTermList: readonly SensitiveTerm[] = [
  {
    plain: ["don", "thu"],
    accepted: [["đơn/", "dơn/", "đon/", "don/"], ["thư/"]],
    notAfter: ["hoa"],
    plainIsProse: false,
  },
  {
    plain: ["khieu", "nai"],
    accepted: [
      ["khiêu/s", "khieu/s", "khiêu/", "khieu/"],
      ["nai/j", "nai/"],
    ],
    notAfter: [],
    plainIsProse: false,
  },
  { plain: ["to", "cao"], accepted: [["tô/s", "to/s"], ["cao/s"]], notAfter: ["yeu", "nhan"], plainIsProse: true },
];

const toneNames: Record<string, string> = { "\u0301": "s", "\u0300": "f", "\u0309": "r", "\u0303": "x", "\u0323": "j" };
/** Between a term's syllables: whitespace, invisible characters, hyphens and dashes, underscores, dots. */
const separator = "[\\s\\u00ad\\u200b-\\u200d\\u2060\\ufeff._\\-\\u2010-\\u2015\\u2212\\u00b7]*";
const termPatterns = sensitiveTermList.map(
  (term) =>
    new RegExp(
      `(?<![\\p{L}\\p{N}])${term.plain.map((syllable) => `(${syllable})`).join(`(${separator})`)}(?![\\p{L}\\p{N}])`,
      "gdu",
    ),
);

/**
 * The text as matched: lower case without marks ("đ" as "d"), and for each of its characters the
 * marks it carried (NFD combining marks, "đ" for the stroke). Characters other than letters keep their
 * place, so match positions in the plain text point at their marks.
 */
function decompose(text: string): { plain: string; marks: string[] } {
  let plain = "";
  const marks: string[] = [];
  for (const char of text.normalize("NFC").toLowerCase().normalize("NFD")) {
    if (/\p{M}/u.test(char)) {
      if (marks.length > 0) marks[marks.length - 1] += char;
      continue;
    }
    plain += char === "đ" ? "d" : char;
    marks.push(char === "đ" ? "đ" : "");
    // Astral characters are two UTF-16 units in `plain`: keep one marks entry per unit.
    if (char.length === 2) marks.push("");
  }
  return { plain, marks };
}

/** A syllable's spelling as the term lists it: letters with vowel marks (NFC), "/", its tone if any. */
function spelling(plain: string, marks: readonly string[], start: number): string {
  let letters = "";
  let tone = "";
  for (let i = 0; i < plain.length; i++) {
    const own = marks[start + i] ?? "";
    const vowelMarks = [...own].filter((mark) => mark !== "đ" && !(mark in toneNames)).join("");
    for (const mark of own) if (mark in toneNames) tone += toneNames[mark];
    letters += own.includes("đ") ? "đ" : (plain[i]! + vowelMarks).normalize("NFC");
  }
  return `${letters}/${tone}`;
}

export function isSensitiveDifficulty(text: string): boolean {
  const { plain, marks } = decompose(text);
  // Vietnamese marks only: an emoji's variation selector is a combining mark too.
  const hasDiacritics = marks.some((mark) => /[\u0300-\u036fđ]/u.test(mark));
  return sensitiveTermList.some((term, index) => {
    for (const match of plain.matchAll(termPatterns[index]!)) {
      // Groups alternate syllable, separator, syllable …
      const syllables = term.plain.map((_, i) => ({ text: match[1 + 2 * i]!, start: match.indices![1 + 2 * i]![0] }));
      const spellings = syllables.map(({ text: syllable, start }) => spelling(syllable, marks, start));
      if (spellings.every((found, i) => term.accepted[i]!.includes(found))) return true;
      if (!spellings.every((found) => /^[a-z]+\/$/.test(found))) continue;
      const before = /([\p{L}\p{N}]+)[^\p{L}\p{N}]*$/u.exec(plain.slice(0, match.index))?.[1];
      if (before && term.notAfter.includes(before)) continue;
      const joined = term.plain.slice(1).every((_, i) => !/[\s.\u00b7]/.test(match[2 + 2 * i]!));
      if (term.plainIsProse && hasDiacritics && !joined) continue;
      return true;
    }
    return false;
  });
}

export interface DifficultyView {
  text: string;
  sensitive: boolean;
  openedById: number | null;
}

/**
 * Who reads a difficulty: a group chat (digests), or a person in private. A sensitive text (a complaint
 * or denunciation; it may concern the unit's officers or its working group) is quoted only to the person
 * who raised it and to those the scope rule lets read complaints about the unit (the standing committee
 * and admins over it); everyone else, working-group leaders included, sees that one exists.
 */
export type DifficultyAudience = { kind: "group" } | { kind: "person"; personId: number; readsComplaints: boolean };

/** The text to show, or null when only the difficulty's existence may be shown. */
export function quotableText(difficulty: DifficultyView, audience: DifficultyAudience): string | null {
  if (!difficulty.sensitive) return difficulty.text;
  if (audience.kind === "group") return null;
  if (audience.readsComplaints || difficulty.openedById === audience.personId) return difficulty.text;
  return null;
}

/** For group digests: how many are open, how many of them are sensitive, and the texts that may be quoted. */
export function digestDifficulties<T extends DifficultyView>(
  open: readonly T[],
): { count: number; sensitive: number; quotable: T[] } {
  return {
    count: open.length,
    sensitive: open.filter((difficulty) => difficulty.sensitive).length,
    quotable: open.filter((difficulty) => quotableText(difficulty, { kind: "group" }) !== null),
  };
}

/** True when a working group this person leads follows the unit (or a unit above it). */
export function followsAsWorkingGroup(person: ReporterProfile, unit: UnitRef): boolean {
  return person.ledGroupUnits.some((followed) => unit.path.startsWith(followed.path));
}

/**
 * Who may mark a difficulty resolved (and sees the unit's open ones): the unit's own officers
 * (secretary, deputy, reporter, as for reporting) and the leader of a working group following it.
 * The party committee office's admin role reports on behalf but does not close a unit's difficulties.
 */
export function canResolveDifficulty(person: ReporterProfile, unit: UnitRef): boolean {
  return reportRight(person, unit) === "own" || followsAsWorkingGroup(person, unit);
}

/**
 * Units a person may raise a difficulty for: the units they hold a reporting role on (secretary,
 * deputy, reporter) and the units their working groups follow, each once, in that order. Cells reached
 * only through a subtree are left out so that the choice stays a short list of buttons, and the admin
 * role (the party committee office) is left out: difficulties are raised by units and their working groups.
 */
export function difficultyUnitChoices<U extends UnitRef>(person: {
  roles: { role: Role; unit: U }[];
  ledGroupUnits: U[];
}): U[] {
  const seen = new Set<number>();
  const choices: U[] = [];
  const add = (unit: U) => {
    if (seen.has(unit.id)) return;
    seen.add(unit.id);
    choices.push(unit);
  };
  for (const { role, unit } of person.roles) {
    if (role === "secretary" || role === "deputy" || role === "reporter") add(unit);
  }
  person.ledGroupUnits.forEach(add);
  return choices;
}
