// The export's tables as CSV, one file per table (the summary's table first, without its head and
// signature blocks): UTF-8 with a byte-order mark (so Excel reads the
// Vietnamese letters), comma-separated, CRLF line ends, one header row and no title row. Dates are
// written dd/mm/yyyy, shares as percentages in the reader's language (43,1%). A text cell a spreadsheet
// would run as a formula (starting with =, +, -, @, a tab or a CR: a difficulty, a note, a name can be
// typed by anyone) gets a leading apostrophe, so it opens as the text it is; numbers stay numbers.
import { stringify } from "csv-stringify/sync";
import { formatLocalDate } from "../domain/local-date.js";
import { formatPercent, formatPercentValue, type Locale } from "../i18n.js";
import type { CellValue, ColumnKind, ExportSheets, SheetKey } from "./export-sheets.js";

function csvValue(kind: ColumnKind, value: CellValue, locale: Locale): string | number {
  if (value === null) return "";
  if (kind === "integer") return Number(value);
  if (kind === "date") return formatLocalDate(String(value));
  if (kind === "dateTime") {
    const [date, time] = String(value).split("T");
    return `${formatLocalDate(date!)} ${time}`;
  }
  if (kind === "share") return formatPercent(Number(value), 1, locale);
  if (kind === "percent") return formatPercentValue(Number(value), locale);
  return String(value);
}

export function writeExportCsv(sheets: ExportSheets, locale: Locale): { key: SheetKey; content: string }[] {
  const tables = sheets.summary ? [sheets.summary.table, ...sheets.tables] : sheets.tables;
  return tables.map((table) => ({
    key: table.key,
    content: stringify(
      [
        table.columns.map((column) => column.header),
        ...table.rows.map((row) => row.map((value, index) => csvValue(table.columns[index]!.kind, value, locale))),
      ],
      { bom: true, record_delimiter: "windows", escape_formulas: true },
    ),
  }));
}
