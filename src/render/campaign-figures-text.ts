// A template campaign's figures in the office's words: the template's own sentence for each figure
// ("đã có 412/538 chi bộ tổ chức kiểm điểm (76,6%)"), its numbers written as the office writes them. A
// share of nothing (no unit has reported it yet) is a dash, never a made-up 0%.
import { fillText } from "../domain/campaign-template.js";
import type { ComputedFigure } from "../domain/template-progress.js";
import { formatCount, formatPercent, type Locale } from "../i18n.js";

export function renderFigure(figure: ComputedFigure, locale: Locale): string {
  const count = (value: number) => formatCount(value, locale);
  const share = (part: number, total: number) =>
    total === 0 ? "—" : formatPercent(part, total, locale, figure.decimals);
  switch (figure.kind) {
    case "reached":
      return fillText(figure.text, locale, {
        done: count(figure.done),
        total: count(figure.total),
        share: share(figure.done, figure.total),
      });
    case "choice":
      return fillText(figure.text, locale, {
        choice: figure.choice[locale],
        count: count(figure.count),
        total: count(figure.total),
        share: share(figure.count, figure.total),
      });
    case "ratio":
      return fillText(figure.text, locale, {
        numerator: count(figure.numerator),
        denominator: count(figure.denominator),
        share: share(figure.numerator, figure.denominator),
      });
    case "share":
      return fillText(figure.text, locale, {
        label: figure.label[locale],
        count: count(figure.count),
        total: count(figure.total),
        share: share(figure.count, figure.total),
      });
  }
}
