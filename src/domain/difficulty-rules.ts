// Difficulties (khó khăn, vướng mắc): what a text must be, which ones are sensitive (complaint letters),
// who may resolve one, and who may read one's text. Pure rules: the bot, digests and exports share them.
import type { Role } from "./levels.js";
import { reportRight, type ReporterProfile, type UnitRef } from "./report-permissions.js";
import { stripDiacritics } from "./user-date.js";

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

// Complaint letters: "đơn thư", "khiếu nại", "tố cáo", also typed without diacritics. Matching the
// unaccented form over-flags a few harmless texts ("tô cao"); that errs on the side of not quoting.
const sensitiveTerms = [/\bdon\s+thu\b/, /\bkhieu\s+nai\b/, /\bto\s+cao\b/];

export function isSensitiveDifficulty(text: string): boolean {
  const plain = stripDiacritics(text.normalize("NFC").toLowerCase());
  return sensitiveTerms.some((term) => term.test(plain));
}

export interface DifficultyView {
  text: string;
  sensitive: boolean;
  openedById: number | null;
}

/**
 * Who reads a difficulty: a group chat (digests), or a person in private with their relation to the
 * difficulty's unit. A sensitive text (it may concern the unit's own officers) is quoted only to the
 * person who raised it and to working-group leaders following the unit; everyone else gets a count.
 */
export type DifficultyAudience = { kind: "group" } | { kind: "person"; personId: number; followsAsWorkingGroup: boolean };

/** The text to show, or null when only the difficulty's existence may be shown. */
export function quotableText(difficulty: DifficultyView, audience: DifficultyAudience): string | null {
  if (!difficulty.sensitive) return difficulty.text;
  if (audience.kind === "group") return null;
  if (audience.followsAsWorkingGroup || difficulty.openedById === audience.personId) return difficulty.text;
  return null;
}

/** For group digests: how many are open, how many of them are sensitive, and the texts that may be quoted. */
export function digestDifficulties<T extends DifficultyView>(open: readonly T[]): { count: number; sensitive: number; quotable: T[] } {
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
 * The district office's admin role reports on behalf but does not close a unit's difficulties.
 */
export function canResolveDifficulty(person: ReporterProfile, unit: UnitRef): boolean {
  return reportRight(person, unit) === "own" || followsAsWorkingGroup(person, unit);
}

/**
 * Units a person may raise a difficulty for: the units they hold a reporting role on (secretary,
 * deputy, reporter) and the units their working groups follow, each once, in that order. Cells reached
 * only through a subtree are left out so that the choice stays a short list of buttons, and the admin
 * role (the district office) is left out: difficulties are raised by units and their working groups.
 */
export function difficultyUnitChoices<U extends UnitRef>(person: { roles: { role: Role; unit: U }[]; ledGroupUnits: U[] }): U[] {
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
