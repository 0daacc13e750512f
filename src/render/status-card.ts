// /trangthai: a unit's card (checklist and open difficulties).
import { congressPlan } from "../domain/campaign-plan.js";
import { unitChecklist } from "../domain/checklist.js";
import { quotableText, type DifficultyAudience } from "../domain/difficulty-rules.js";
import { formatLocalDate, type LocalDate } from "../domain/local-date.js";
import type { Translate } from "../i18n.js";
import type { UnitCardData } from "../db/status-store.js";
import { renderChecklistLine, renderChecklistTitle } from "./checklist-text.js";
import { localDateOf, renderDifficultyText, shortenText } from "./difficulty-text.js";

/** Longest difficulty text quoted on a card; the whole text is in the /khokhan list. */
const cardTextMax = 200;

export function renderUnitCard(
  t: Translate,
  card: UnitCardData,
  options: { today: LocalDate; timeZone: string; audience: DifficultyAudience },
): string {
  const { unit, campaign } = card;
  const term = unit.term ?? campaign?.terms[unit.level] ?? null;
  const lines = [renderChecklistTitle(t, { name: unit.name, parentName: unit.parentName, term })];
  if (campaign) {
    for (const item of unitChecklist(congressPlan, unit.facts, options.today)) lines.push(renderChecklistLine(t, item));
  } else lines.push(t("checklist-no-campaign"));
  if (card.openDifficulties.length === 0) lines.push(t("status-card-difficulties-none"));
  else {
    lines.push(t("status-card-difficulties", { count: card.openDifficulties.length }));
    for (const difficulty of card.openDifficulties) {
      const date = formatLocalDate(localDateOf(difficulty.openedAt, options.timeZone));
      const text = quotableText(difficulty, options.audience);
      lines.push(
        text === null
          ? t("status-card-difficulty-hidden", { date })
          : t("status-card-difficulty", {
              text: renderDifficultyText(t, { ...difficulty, text: shortenText(text, cardTextMax) }, options.audience),
              date,
            }),
      );
    }
  }
  return lines.join("\n");
}
