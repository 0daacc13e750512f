// A campaign's export as the same typed tables the congress's export lays out (xlsx and csv writers are
// shared): its figures in the office's words with their numbers, and every unit asked with where it
// stands, the day of each milestone and every value reported, under the template's own labels.
import { overdueItems } from "../domain/checklist.js";
import type { CampaignValues } from "../domain/campaign-report.js";
import { localDateTime } from "../domain/invite-token.js";
import { formatLocalDate } from "../domain/local-date.js";
import type { ComputedFigure } from "../domain/template-progress.js";
import type { Locale, Translate } from "../i18n.js";
import type { CampaignExportOutcome } from "../usecases/campaigns.js";
import { renderFigure } from "./campaign-figures-text.js";
import { roundLabel } from "./campaign-section-text.js";
import type { CellValue, ColumnKind, ExportSheets, SheetColumn } from "./export-sheets.js";
import { renderUnitLabel } from "./unit-label.js";

type Exported = Extract<CampaignExportOutcome, { status: "exported" }>;

/** A figure's part and whole, for the columns beside its sentence. */
function figureNumbers(figure: ComputedFigure): [number, number] {
  switch (figure.kind) {
    case "reached":
      return [figure.done, figure.total];
    case "ratio":
      return [figure.numerator, figure.denominator];
    case "choice":
    case "share":
      return [figure.count, figure.total];
  }
}

export function buildCampaignSheets(
  t: Translate,
  locale: Locale,
  exported: Exported,
  options: { timeZone: string },
): ExportSheets {
  const { campaign } = exported;
  const template = campaign.template;
  const column = (key: string, header: string, kind: ColumnKind): SheetColumn => ({ key, header, kind });
  const figureRows: CellValue[][] = exported.sections.flatMap(({ root, progress }) =>
    progress.figures.map((figure) => {
      const [part, whole] = figureNumbers(figure);
      return [
        `${root.name} (${root.code})`,
        renderFigure(figure, locale),
        part,
        whole,
        whole === 0 ? null : part / whole,
      ];
    }),
  );
  const figures = {
    key: "campaign-figures" as const,
    name: t("campaign-export-sheet", { sheet: "figures" }),
    columns: [
      column("scope", t("campaign-export-column", { column: "scope" }), "text"),
      column("figure", t("campaign-export-column", { column: "figure" }), "text"),
      column("count", t("campaign-export-column", { column: "count" }), "integer"),
      column("total", t("campaign-export-column", { column: "total" }), "integer"),
      column("share", t("campaign-export-column", { column: "share" }), "share"),
    ],
    rows: figureRows,
    boldRows: [],
  };

  // Per milestone: its day, then each of its fields (a choice shown by its label, yes/no in words).
  const milestoneColumns = template.milestones.flatMap((milestone) => [
    column(`${milestone.key}`, milestone.label[locale], "date"),
    ...milestone.fields.map((field) =>
      column(`${milestone.key}.${field.key}`, field.label[locale], field.type === "count" ? "integer" : "text"),
    ),
  ]);
  const valueCell = (values: CampaignValues | undefined, key: string): CellValue => {
    const milestone = template.milestones.find((candidate) => candidate.key === key.split(".")[0]);
    const field = milestone?.fields.find((candidate) => candidate.key === key.split(".")[1]);
    const value = values?.[field?.key ?? ""];
    if (value === null || value === undefined || !field) return null;
    if (field.type === "count") return Number(value);
    if (field.type === "yesno") return t(value ? "export-yes" : "export-no");
    if (field.type === "choice")
      return field.choices.find((choice) => choice.key === value)?.label[locale] ?? String(value);
    return String(value);
  };
  const label = (key: string) => template.milestones.find((milestone) => milestone.key === key)?.label[locale] ?? key;
  const seen = new Set<number>();
  const unitRows: CellValue[][] = [];
  for (const { progress } of exported.sections)
    for (const state of progress.units) {
      if (seen.has(state.unit.id)) continue;
      seen.add(state.unit.id);
      const overdue = overdueItems(state.checklist);
      unitRows.push([
        state.unit.code,
        renderUnitLabel(t, state.unit),
        t("export-level", { level: state.unit.level }),
        state.unit.parentName,
        t("campaign-export-standing", { standing: state.standing }),
        overdue.map((item) => label(item.milestone)).join(", ") || null,
        overdue.length === 0 ? null : Math.max(...overdue.map((item) => item.daysOverdue)),
        ...milestoneColumns.map((entry) => {
          if (!entry.key.includes(".")) {
            const reached = state.facts.reached[entry.key];
            return reached ? (reached.eventOn ?? reached.happenedOn) : null;
          }
          return valueCell(state.values[entry.key.split(".")[0]!], entry.key);
        }),
      ]);
    }
  const units = {
    key: "campaign-units" as const,
    name: t("campaign-export-sheet", { sheet: "units" }),
    columns: [
      column("code", t("export-column", { column: "code" }), "text"),
      column("unit", t("export-column", { column: "unit" }), "text"),
      column("level", t("export-column", { column: "level" }), "text"),
      column("parent", t("export-column", { column: "parent" }), "text"),
      column("standing", t("campaign-export-column", { column: "standing" }), "text"),
      column("overdue", t("export-column", { column: "overdue" }), "text"),
      column("overdue-days", t("export-column", { column: "overdue-days" }), "integer"),
      ...milestoneColumns,
    ],
    rows: unitRows,
    boldRows: [],
  };
  const now = localDateTime(exported.exportedAt, options.timeZone);
  const round = roundLabel(exported.sections[0]?.progress.round ?? "");
  const title = t("export-title", {
    organization: exported.organization.name,
    scope: exported.sections.map(({ root }) => `${root.name} (${root.code})`).join("; "),
    time: now.time,
    date: formatLocalDate(now.date),
    campaign: round ? `${campaign.name} — ${round}` : campaign.name,
  });
  return { title, tables: [figures, units] };
}
