// /trangthai: a unit's card (checklist and open difficulties) and a working group's compact summary.
import { quotableText, type DifficultyAudience } from "../domain/difficulty-rules.js";
import type { UnitProgress } from "../domain/group-progress.js";
import { formatLocalDate, type LocalDate } from "../domain/local-date.js";
import { unitChecklist } from "../domain/milestone-status.js";
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
  const { unit } = card;
  const lines = [renderChecklistTitle(t, { name: unit.name, parentName: unit.parentName, term: unit.term ?? unit.campaign?.term ?? null })];
  if (unit.campaign) {
    for (const item of unitChecklist(card.reports, unit.campaign.deadlines, options.today)) lines.push(renderChecklistLine(t, item));
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
          : t("status-card-difficulty", { text: renderDifficultyText(t, { ...difficulty, text: shortenText(text, cardTextMax) }, options.audience), date }),
      );
    }
  }
  return lines.join("\n");
}

/** At most this many lines for a group: the title, unit lines, and "…and N more" when cut. */
export const groupSummaryMaxLines = 30;

export function renderGroupSummary(t: Translate, input: { groups: string[]; progress: UnitProgress[]; today: LocalDate }): string {
  const { progress } = input;
  const lines = [t("status-card-group-title", { groups: input.groups.join(", "), count: progress.length, date: formatLocalDate(input.today) })];
  if (progress.length === 0) return [...lines, t("status-card-group-none")].join("\n");
  const room = groupSummaryMaxLines - 1;
  const shown = progress.length <= room ? progress : progress.slice(0, room - 1);
  for (const item of shown) lines.push(renderGroupLine(t, item));
  if (shown.length < progress.length) lines.push(t("status-card-group-more", { count: progress.length - shown.length }));
  return lines.join("\n");
}

function renderGroupLine(t: Translate, item: UnitProgress): string {
  const milestone = (name: string) => t("milestone-name", { milestone: name });
  const held = item.checklist.find((entry) => entry.milestone === "held" && entry.state === "done");
  const parts: string[] = [];
  if (held && held.state === "done") parts.push(t("status-card-group-held", { date: formatLocalDate(held.date) }));
  else if (item.overdue.length > 0) {
    const [first] = item.overdue;
    parts.push(t("status-card-group-overdue", { milestone: milestone(first!.milestone), days: first!.daysOverdue, more: item.overdue.length - 1 }));
  } else if (item.next && item.next.state === "due") {
    parts.push(
      t("status-card-group-next", { milestone: milestone(item.next.milestone), date: item.next.dueDate ? formatLocalDate(item.next.dueDate) : "none" }),
    );
  }
  if (item.cells) parts.push(t("status-card-group-cells", { held: item.cells.held, total: item.cells.total, overdue: item.cells.overdue }));
  if (item.openDifficulties > 0) parts.push(t("status-card-group-difficulties", { count: item.openDifficulties }));
  const state = held ? "held" : item.overdue.length > 0 || (item.cells?.overdue ?? 0) > 0 ? "overdue" : "due";
  return t("status-card-group-line", { state, unit: item.unit.name, parts: parts.join("; ") });
}
