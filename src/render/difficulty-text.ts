// Texts about difficulties: a unit's name as people tell units apart, one difficulty as its reader may
// see it, and dates as the office reads them.
import { localDateOf } from "../clock.js";
import { quotableText, type DifficultyAudience, type DifficultyView } from "../domain/difficulty-rules.js";
import { formatLocalDate } from "../domain/local-date.js";
import type { UnitLevel } from "../domain/levels.js";
import type { Translate } from "../i18n.js";

/** Cells and partial committees share names across the district ("Chi bộ Tổ dân phố số 1"): add the parent. */
export function renderUnitName(
  t: Translate,
  unit: { name: string; level: UnitLevel; parentName: string | null },
): string {
  const withParent = (unit.level === "cell" || unit.level === "partial") && unit.parentName !== null;
  return t("difficulty-unit", { unit: unit.name, parent: withParent ? unit.parentName! : "none" });
}

export { localDateOf };

export interface ListedDifficulty extends DifficultyView {
  unit: { name: string; level: UnitLevel; parentName: string | null };
  openedAt: Date;
}

/** One difficulty in the /khokhan list: its unit and day, then its text (or that it is confidential). */
export function renderDifficultyItem(
  t: Translate,
  difficulty: ListedDifficulty,
  audience: DifficultyAudience,
  timeZone: string,
): string {
  return t("difficulty-item", {
    unit: renderUnitName(t, difficulty.unit),
    date: formatLocalDate(localDateOf(difficulty.openedAt, timeZone)),
    text: renderDifficultyText(t, difficulty, audience),
  });
}

export function renderDifficultyText(t: Translate, difficulty: DifficultyView, audience: DifficultyAudience): string {
  const text = quotableText(difficulty, audience);
  if (text === null) return t("difficulty-item-hidden");
  return difficulty.sensitive ? t("difficulty-item-sensitive", { text }) : text;
}

/** A text shortened for a one-line mention (a prompt, a card): whitespace folded, cut at `max` characters. */
export function shortenText(text: string, max: number): string {
  const folded = text.replace(/\s+/g, " ").trim();
  const characters = [...folded];
  return characters.length <= max
    ? folded
    : `${characters
        .slice(0, max - 1)
        .join("")
        .trimEnd()}…`;
}
