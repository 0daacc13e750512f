// A template campaign's section, as `status`, the digest and /tiendo print it: its name (and month, for a
// monthly campaign), how many units are done and overdue by the checklist (the same "overdue" as their
// reminders), then the template's figures in the office's words.
import { formatCount, formatPercent, type Locale, type Translate } from "../i18n.js";
import type { CampaignProgress } from "../usecases/campaigns.js";
import { renderFigure } from "./campaign-figures-text.js";

/** "2026-12" → "12/2026". */
export function roundLabel(round: string): string {
  const [year, month] = round.split("-");
  return round === "" ? "" : `${month}/${year}`;
}

export function renderCampaignSection(t: Translate, locale: Locale, progress: CampaignProgress): string[] {
  const round = roundLabel(progress.round);
  const lines = [t("campaign-section-title", { name: progress.campaign.name, round: round || "none" })];
  if (!progress.roundOpen) {
    lines.push(t("campaign-section-not-open", { month: roundLabel(progress.campaign.opensOn?.slice(0, 7) ?? "") }));
    return lines;
  }
  const { counts } = progress;
  if (counts.total === 0) {
    lines.push(t("campaign-section-no-units"));
    return lines;
  }
  lines.push(
    t("campaign-section-counts", {
      done: formatCount(counts.done, locale),
      total: formatCount(counts.total, locale),
      share: formatPercent(counts.done, counts.total, locale),
      overdue: formatCount(counts.overdue, locale),
    }),
  );
  for (const figure of progress.figures) lines.push(`• ${renderFigure(figure, locale)}`);
  return lines;
}
