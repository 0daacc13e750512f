// /tiendo KEY: a campaign's section for each subtree the viewer sees (the same section as status and the
// digest), then the units overdue in it, longest overdue first, each with what is overdue: the list a
// working-group leader or the office acts on. Long lists stop at a limit and say how many more there are.
import type { Locale, Translate } from "../i18n.js";
import type { CampaignScreen } from "../usecases/campaigns.js";
import { renderCampaignSection } from "./campaign-section-text.js";
import { renderUnitLabel } from "./unit-label.js";

/** Overdue units listed per subtree; the rest are counted. */
export const laggingListLimit = 15;

export function renderCampaignScreen(
  t: Translate,
  locale: Locale,
  screen: Extract<CampaignScreen, { status: "shown" }>,
): string {
  const label = (key: string) =>
    screen.campaign.template.milestones.find((milestone) => milestone.key === key)?.label[locale] ?? key;
  const parts = screen.sections.map(({ root, progress, lagging }) => {
    const lines = [
      t("campaign-screen-scope", { unit: root.name, code: root.code }),
      ...renderCampaignSection(t, locale, progress),
    ];
    if (lagging.length === 0) return lines.join("\n");
    lines.push(t("campaign-screen-overdue-title", { count: lagging.length }));
    for (const [index, entry] of lagging.slice(0, laggingListLimit).entries())
      lines.push(
        t("campaign-screen-overdue-line", {
          index: index + 1,
          unit: renderUnitLabel(t, entry.unit),
          items: entry.overdue
            .map((item) => t("campaign-screen-overdue-item", { milestone: label(item.milestone), days: item.days }))
            .join("; "),
        }),
      );
    if (lagging.length > laggingListLimit)
      lines.push(t("campaign-screen-more", { count: lagging.length - laggingListLimit }));
    return lines.join("\n");
  });
  return parts.join("\n\n");
}
