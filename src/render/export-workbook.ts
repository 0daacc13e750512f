// Lays the export's tables out as an .xlsx workbook (exceljs): a sheet per table, the title in the
// first row, headers frozen in the second, dates as real Excel dates shown dd/mm/yyyy, numbers as
// numbers, shares as percentages, columns as wide as their content.
import ExcelJS from "exceljs";
import type { CellValue, ColumnKind, ExportSheets, SheetKey, SheetTable } from "./export-sheets.js";

const numberFormats: Partial<Record<ColumnKind, string>> = {
  integer: "0",
  share: "0.0%",
  date: "dd/mm/yyyy",
  dateTime: "dd/mm/yyyy hh:mm",
};

/** Columns that stay in view when scrolling right: the unit's code and name. */
const frozenColumns: Record<SheetKey, number> = {
  units: 2,
  elections: 2,
  statistics: 1,
  difficulties: 2,
  "campaign-figures": 1,
  "campaign-units": 2,
};

const minWidth = 6;
const maxWidth = 50;

/** Excel keeps dates as day numbers with no time zone: a local date becomes that day at 00:00 UTC. */
function excelValue(kind: ColumnKind, value: CellValue): ExcelJS.CellValue {
  if (value === null) return null;
  if (kind === "date") return new Date(`${value}T00:00:00Z`);
  if (kind === "dateTime") return new Date(`${value}:00Z`);
  return value;
}

/** Characters the cell shows, to size its column. */
function shownLength(kind: ColumnKind, value: CellValue): number {
  if (value === null) return 0;
  if (kind === "date") return 10;
  if (kind === "dateTime") return 16;
  if (kind === "share") return 6;
  return String(value).length;
}

function columnWidth(table: SheetTable, index: number): number {
  const column = table.columns[index]!;
  // Headers wrap, so their longest word counts rather than the whole header.
  const headerWord = Math.max(...column.header.split(/\s+/).map((word) => word.length));
  const content = Math.max(0, ...table.rows.map((row) => shownLength(column.kind, row[index] ?? null)));
  return Math.min(maxWidth, Math.max(minWidth, headerWord, content) + 2);
}

function addSheet(workbook: ExcelJS.Workbook, title: string, table: SheetTable): void {
  const sheet = workbook.addWorksheet(table.name, {
    views: [{ state: "frozen", xSplit: frozenColumns[table.key], ySplit: 2, activeCell: "A3" }],
  });
  const width = table.columns.length;
  const titleRow = sheet.addRow([title]);
  titleRow.font = { bold: true, size: 12 };
  if (width > 1) sheet.mergeCells(1, 1, 1, width);

  const headerRow = sheet.addRow(table.columns.map((column) => column.header));
  headerRow.font = { bold: true };
  headerRow.alignment = { vertical: "middle", wrapText: true };
  headerRow.eachCell((cell) => {
    cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFE7ECF3" } };
    cell.border = { bottom: { style: "thin" } };
  });

  table.rows.forEach((values, rowIndex) => {
    const row = sheet.addRow(values.map((value, index) => excelValue(table.columns[index]!.kind, value)));
    if (table.boldRows.includes(rowIndex)) row.font = { bold: true };
  });
  table.columns.forEach((column, index) => {
    const sheetColumn = sheet.getColumn(index + 1);
    sheetColumn.width = columnWidth(table, index);
    const format = numberFormats[column.kind];
    // Per cell, so the title and header rows keep their own (text) format.
    if (format) for (let row = 3; row <= table.rows.length + 2; row++) sheet.getCell(row, index + 1).numFmt = format;
  });
  if (table.rows.length > 0) sheet.autoFilter = { from: { row: 2, column: 1 }, to: { row: 2, column: width } };
}

export async function writeExportWorkbook(sheets: ExportSheets, exportedAt: Date): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "Trợ lý Đại hội";
  workbook.created = exportedAt;
  workbook.modified = exportedAt;
  for (const table of sheets.tables) addSheet(workbook, sheets.title, table);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
