// The progress chart of one unit's subtree with its texts in the reader's language: what the digest
// attaches and what /tiendo can send. The bars come from the shared roll-up the digest already loaded.
import { formatLocalDate, type LocalDate } from "../domain/local-date.js";
import { chartDeadline, chartPhase, progressBars } from "../domain/progress-bars.js";
import type { SubtreeRollup } from "../domain/progress-rollup.js";
import { formatPercent, type Locale, type Translate } from "../i18n.js";
import { renderProgressChart } from "./progress-chart.js";

export interface UnitProgressChart {
  png: Buffer;
  caption: string;
}

/** null when the subtree has nothing to draw (no units below the top). */
export async function renderUnitProgressChart(
  t: Translate,
  locale: Locale,
  rollup: Pick<SubtreeRollup, "top" | "entries" | "rows" | "grassroots" | "deadlines">,
  today: LocalDate,
): Promise<UnitProgressChart | null> {
  const phase = chartPhase(rollup, rollup.deadlines, today);
  const bars = progressBars(
    rollup,
    {
      grassrootsCells: (count) => t("chart-grassroots-cells", { count }),
      directCells: (count) => t("chart-direct-cells", { count }),
    },
    phase,
  );
  if (bars.length === 0) return null;
  const topLevel = rollup.top.level;
  const deadline =
    phase === "grassroots"
      ? (chartDeadline(rollup, rollup.deadlines, today, "grassroots") ?? chartDeadline(rollup, rollup.deadlines, today))
      : chartDeadline(rollup, rollup.deadlines, today);
  const data = { top: rollup.top };
  const grassrootsScope = topLevel === "district" || topLevel === "province";
  const count = grassrootsScope
    ? (rollup.grassroots?.units.filter((unit) => unit.id !== rollup.top.id).length ?? bars.length)
    : bars.length;
  const date = formatLocalDate(today);
  const png = await renderProgressChart({
    title: t("chart-title", { unit: data.top.name }),
    subtitle: t("chart-subtitle", {
      date,
      scope: !grassrootsScope ? "children" : phase === "grassroots" ? "grassroots-own" : "grassroots",
      count,
    }),
    bars,
    deadline,
    labels: {
      held: t("chart-legend-held"),
      scheduled: t("chart-legend-scheduled"),
      notScheduled: t("chart-legend-not-scheduled"),
      ...(deadline && {
        deadline: t("chart-deadline", {
          level: deadline.level,
          date: formatLocalDate(deadline.date),
          state: deadline.daysLeft < 0 ? "passed" : deadline.daysLeft === 0 ? "today" : "ahead",
          days: Math.abs(deadline.daysLeft),
        }),
      }),
      // In the grassroots phase each bar is one organisation: its state says more than "1/1 • 100%".
      count: (bar) =>
        grassrootsScope && phase === "grassroots"
          ? t("chart-state", { state: bar.held > 0 ? "held" : bar.scheduled > 0 ? "scheduled" : "not-scheduled" })
          : t("chart-count", { held: bar.held, total: bar.total, share: formatPercent(bar.held, bar.total, locale) }),
      more: (hidden) => t("chart-more", { count: hidden }),
      empty: t("chart-empty"),
    },
  });
  return { png, caption: t("chart-caption", { unit: data.top.name, date }) };
}
