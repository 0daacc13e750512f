// The `status` text: a unit's name, its campaign, and its subtree's totals.
import { formatPercent, type Locale, type Translate } from "../i18n.js";
import type { ProgressTotals } from "../domain/progress-totals.js";

export function renderStatusText(
  t: Translate,
  locale: Locale,
  input: { unit: { code: string; name: string }; campaign: string | null; totals: ProgressTotals },
): string {
  const lines = [t("status-title", { name: input.unit.name, code: input.unit.code })];
  lines.push(input.campaign ? t("status-campaign", { campaign: input.campaign }) : t("status-no-campaign"));
  for (const line of input.totals.lines) {
    const text = t("status-line", {
      label: t("status-label", { kind: line.kind }),
      held: line.held,
      total: line.total,
      percent: formatPercent(line.held, line.total, locale),
    });
    lines.push(line.kind === "committees" || line.kind === "grassroots-cells" ? `  ${text}` : text);
  }
  lines.push(t("status-total", { units: input.totals.units, held: input.totals.held }));
  return lines.join("\n");
}
