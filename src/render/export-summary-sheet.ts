// The workbook's first sheet, the summary an office sends upward (src/domain/export-summary.ts): the
// party document's head (superior organisation and issuing committee on the left, the Party's name and
// the place and date on the right), the title and "figures as of", the table (STT, one row per grassroots
// organisation, a total row per level), and the signature blocks. The xlsx writer lays it out; the CSV
// keeps its table only.
import { exportSummary, type GrassrootsSummaryRow, type LevelSummary } from "../domain/export-summary.js";
import type { ExportData } from "../domain/export-rows.js";
import { formatLocalDate } from "../domain/local-date.js";
import { localDateTime } from "../domain/invite-token.js";
import { formatPercent, type Locale, type Translate } from "../i18n.js";
import type { CellValue, ColumnKind, SheetTable } from "./export-sheets.js";
import { renderUnitLabel } from "./unit-label.js";

export interface SummarySheet {
  /** Left block, top to bottom: the superior organisation (may be absent), the issuing committee, "*". */
  issuer: string[];
  /** Right block: the Party's name, then the place and date. */
  party: string;
  dated: string;
  /** Centred under the head: the title, the campaign, "figures as of", the scope when not the whole. */
  title: string[];
  table: SheetTable;
  /** Signature blocks: who prepared it (left), the standing committee (right); each a heading and a note. */
  prepared: [string, string];
  signed: [string, string];
}

const columns: readonly (readonly [string, ColumnKind])[] = [
  ["stt", "integer"],
  ["grassroots", "text"],
  ["cells-held", "integer"],
  ["cells-total", "integer"],
  ["cells-share", "share"],
  ["congress", "text"],
  ["congress-date", "date"],
  ["documents", "text"],
  ["personnel", "text"],
  ["remarks", "text"],
];

/**
 * The head every document of the export carries (the summary sheet, the Word report): the issuer's lines
 * (the superior organisation when known, then the issuing committee), the Party's name, and the place and
 * day the document is made ("Long Biên, ngày 02 tháng 12 năm 2026").
 */
export function documentHead(
  data: Pick<ExportData, "organization" | "exportedAt">,
  t: Translate,
  timeZone: string,
): { issuer: string[]; party: string; dated: string } {
  const { letterhead } = data.organization;
  const made = localDateTime(data.exportedAt, timeZone).date;
  return {
    issuer: [...(letterhead.superior ? [letterhead.superior.toUpperCase()] : []), letterhead.committee.toUpperCase()],
    party: t("export-summary-party"),
    dated: t("export-summary-dated", {
      place: letterhead.place,
      day: made.slice(8, 10),
      month: made.slice(5, 7),
      year: made.slice(0, 4),
      date: formatLocalDate(made),
    }),
  };
}

export function buildSummarySheet(data: ExportData, t: Translate, locale: Locale, timeZone: string): SummarySheet {
  const summary = exportSummary(data);
  const ratio = (part: number, whole: number) =>
    t("export-summary-ratio", { part, whole, percent: formatPercent(part, whole, locale) });
  const rowOf = (row: GrassrootsSummaryRow, index: number): CellValue[] => {
    const remarks = [
      ...(row.pilotDate
        ? [
            t(
              row.state === "held"
                ? "export-summary-pilot-held"
                : row.pilotPassed
                  ? "export-summary-pilot-passed"
                  : "export-summary-pilot",
              { date: formatLocalDate(row.pilotDate) },
            ),
          ]
        : []),
      ...(row.openDifficulties > 0 ? [t("export-summary-difficulties", { count: row.openDifficulties })] : []),
    ];
    return [
      index + 1,
      renderUnitLabel(t, row.unit),
      row.cells?.held ?? null,
      row.cells?.total ?? null,
      row.cells && row.cells.total > 0 ? row.cells.held / row.cells.total : null,
      t("export-summary-state", { state: row.state }),
      row.congressDate,
      t(row.documents ? "export-summary-done" : "export-summary-not-done"),
      t(row.personnel ? "export-summary-done" : "export-summary-not-done"),
      remarks.join("; ") || null,
    ];
  };
  // A total row per level, in that level's own columns: cells in the cell columns, the grassroots and
  // partial committees' congresses as "held/total (share)"; never one row over several levels.
  const totalOf = (line: LevelSummary): CellValue[] => {
    const label = t("export-summary-total", { level: line.level });
    const drafts = ratio(line.documents, line.total);
    const personnel = ratio(line.personnel, line.total);
    if (line.level === "cell")
      return [
        null,
        label,
        line.held,
        line.total,
        line.total > 0 ? line.held / line.total : null,
        null,
        null,
        drafts,
        personnel,
        null,
      ];
    return [null, label, null, null, null, ratio(line.held, line.total), null, drafts, personnel, null];
  };
  const rows = [...summary.rows.map(rowOf), ...summary.levels.map(totalOf)];
  const table: SheetTable = {
    key: "summary",
    name: t("export-sheet", { sheet: "summary" }),
    columns: columns.map(([key, kind]) => ({ key, kind, header: t("export-summary-column", { column: key }) })),
    rows,
    boldRows: summary.levels.map((_, index) => summary.rows.length + index),
  };

  const head = documentHead(data, t, timeZone);
  const scope = data.scope.length === 1 && data.scope[0]!.code === data.organization.code ? null : data.scope;
  return {
    issuer: [...head.issuer, "*"],
    party: head.party,
    dated: head.dated,
    title: [
      t("export-summary-title"),
      ...(data.campaign ? [data.campaign.name] : []),
      t("export-summary-as-of", { date: formatLocalDate(data.today) }),
      ...(scope ? [t("export-summary-scope", { scope: scope.map((unit) => unit.name).join("; ") })] : []),
    ],
    table,
    prepared: [t("export-summary-prepared"), t("export-summary-signature-note")],
    signed: [t("export-summary-signed"), t("export-summary-signature-note")],
  };
}
