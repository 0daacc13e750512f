// Lays the export's tables out as an .xlsx workbook (exceljs). First, when there is one, the summary an
// office sends upward with its official head and signature blocks (src/render/export-summary-sheet.ts);
// then a sheet per table, the title in the first row, headers frozen in the second. Dates are real Excel
// dates shown dd/mm/yyyy, numbers are numbers, shares percentages, columns as wide as their content. Every
// sheet prints as party documents are printed: Times New Roman, A4 landscape, fitted to the page's width,
// its header rows repeated on each page.
import ExcelJS from "exceljs";
import type { CellValue, ColumnKind, ExportSheets, SheetKey, SheetTable } from "./export-sheets.js";
import type { SummarySheet } from "./export-summary-sheet.js";

/** The typeface of party documents (Hướng dẫn 36-HD/VPTW on their form). */
export const documentFont = "Times New Roman";

const numberFormats: Partial<Record<ColumnKind, string>> = {
  integer: "0",
  share: "0.0%",
  percent: "0.00%",
  date: "dd/mm/yyyy",
  dateTime: "dd/mm/yyyy hh:mm",
};

/** Columns that stay in view when scrolling right: the unit's code and name. */
const frozenColumns: Record<SheetKey, number> = {
  summary: 2,
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
  // A spreadsheet keeps a percentage as its fraction, shown through the cell's format.
  if (kind === "percent") return Number(value) / 100;
  return value;
}

/** Characters the cell shows, to size its column. */
function shownLength(kind: ColumnKind, value: CellValue): number {
  if (value === null) return 0;
  if (kind === "date") return 10;
  if (kind === "dateTime") return 16;
  if (kind === "share") return 6;
  if (kind === "percent") return 7;
  return String(value).length;
}

function columnWidth(table: SheetTable, index: number): number {
  const column = table.columns[index]!;
  // Headers wrap, so their longest word counts rather than the whole header.
  const headerWord = Math.max(...column.header.split(/\s+/).map((word) => word.length));
  const content = Math.max(0, ...table.rows.map((row) => shownLength(column.kind, row[index] ?? null)));
  return Math.min(maxWidth, Math.max(minWidth, headerWord, content) + 2);
}

/** A4 landscape, as wide as the page and as many pages long as it takes, `titleRows` on every page. */
function printSetup(titleRows: string): Partial<ExcelJS.PageSetup> {
  return {
    paperSize: 9,
    orientation: "landscape",
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    printTitlesRow: titleRows,
    horizontalCentered: true,
    margins: { left: 0.5, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
  };
}

/** Every cell written in the document's typeface, keeping its size, weight and slant. */
function useDocumentFont(sheet: ExcelJS.Worksheet): void {
  sheet.eachRow({ includeEmpty: true }, (row) =>
    row.eachCell({ includeEmpty: true }, (cell) => {
      cell.font = { size: 12, ...cell.font, name: documentFont };
    }),
  );
}

const thin: Partial<ExcelJS.Borders> = {
  top: { style: "thin" },
  left: { style: "thin" },
  bottom: { style: "thin" },
  right: { style: "thin" },
};

function addSummarySheet(workbook: ExcelJS.Workbook, summary: SummarySheet): void {
  const { table } = summary;
  const width = table.columns.length;
  const sheet = workbook.addWorksheet(table.name, { pageSetup: printSetup("") });
  const leftEnd = 3;
  const rightStart = 5;
  const merged = (row: number, from: number, to: number, value: string, font: Partial<ExcelJS.Font>) => {
    sheet.mergeCells(row, from, row, to);
    const cell = sheet.getCell(row, from);
    cell.value = value;
    cell.font = font;
    cell.alignment = { horizontal: "center", vertical: "middle", wrapText: true };
  };
  // The head: the issuer on the left (its committee bold), the Party's name and the date on the right.
  summary.issuer.forEach((line, index) => {
    const last = index === summary.issuer.length - 2;
    merged(index + 1, 1, leftEnd, line, { bold: last, size: 12 });
  });
  merged(1, rightStart, width, summary.party, { bold: true, underline: true, size: 13 });
  merged(2, rightStart, width, summary.dated, { italic: true, size: 12 });
  let row = Math.max(summary.issuer.length, 2) + 2;
  summary.title.forEach((line, index) => {
    merged(
      row,
      1,
      width,
      line,
      index === 0 ? { bold: true, size: 14 } : { bold: index === 1, italic: index > 1, size: 12 },
    );
    row++;
  });
  row++;
  const headerRowNumber = row;
  const headerRow = sheet.getRow(headerRowNumber);
  table.columns.forEach((column, index) => {
    const cell = headerRow.getCell(index + 1);
    cell.value = column.header;
    cell.font = { bold: true };
    cell.alignment = { horizontal: "center", vertical: "middle", wrapText: true };
    cell.border = thin;
  });
  headerRow.height = 48;
  table.rows.forEach((values, rowIndex) => {
    const line = sheet.getRow(headerRowNumber + 1 + rowIndex);
    values.forEach((value, index) => {
      const column = table.columns[index]!;
      const cell = line.getCell(index + 1);
      cell.value = excelValue(column.kind, value);
      cell.border = thin;
      const format = numberFormats[column.kind];
      if (format) cell.numFmt = format;
      cell.alignment = {
        vertical: "middle",
        wrapText: column.kind === "text",
        ...(column.kind !== "text" && { horizontal: "center" }),
      };
      if (table.boldRows.includes(rowIndex)) cell.font = { bold: true };
    });
  });
  // The signature blocks, under the table.
  const footer = headerRowNumber + table.rows.length + 2;
  merged(footer, 1, leftEnd, summary.prepared[0], { bold: true });
  merged(footer + 1, 1, leftEnd, summary.prepared[1], { italic: true });
  merged(footer, rightStart, width, summary.signed[0], { bold: true });
  merged(footer + 1, rightStart, width, summary.signed[1], { italic: true });

  const widths: Record<string, number> = { stt: 6, grassroots: 40, remarks: 30 };
  table.columns.forEach((column, index) => {
    sheet.getColumn(index + 1).width = widths[column.key] ?? 13;
  });
  sheet.views = [{ state: "frozen", ySplit: headerRowNumber, xSplit: 0, activeCell: `A${headerRowNumber + 1}` }];
  sheet.pageSetup.printTitlesRow = `${headerRowNumber}:${headerRowNumber}`;
  useDocumentFont(sheet);
}

function addSheet(workbook: ExcelJS.Workbook, title: string, table: SheetTable): void {
  const sheet = workbook.addWorksheet(table.name, {
    views: [{ state: "frozen", xSplit: frozenColumns[table.key], ySplit: 2, activeCell: "A3" }],
    pageSetup: printSetup("1:2"),
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
  useDocumentFont(sheet);
}

export async function writeExportWorkbook(sheets: ExportSheets, exportedAt: Date): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "Trợ lý Đại hội";
  workbook.created = exportedAt;
  workbook.modified = exportedAt;
  if (sheets.summary) addSummarySheet(workbook, sheets.summary);
  for (const table of sheets.tables) addSheet(workbook, sheets.title, table);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
