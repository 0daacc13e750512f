// Reads back what the bot sent: downloads a document from the emulator (getFile, then the file path)
// and opens an .xlsx with the same library that wrote it.
import ExcelJS from "exceljs";
import { expect } from "vitest";
import type { RecordedMessage } from "../../src/emulator/index.js";
import type { BotHarness } from "./bot-harness.js";

export async function downloadDocument(harness: BotHarness, message: RecordedMessage): Promise<Buffer> {
  const fileId = message.document?.file_id;
  expect(fileId, "the message carries a document").toBeDefined();
  const answer = (await (
    await fetch(`${harness.emulator.apiRoot}/bot${harness.token}/getFile?file_id=${fileId}`)
  ).json()) as {
    ok: boolean;
    result: { file_path: string };
  };
  expect(answer.ok).toBe(true);
  const response = await fetch(`${harness.emulator.apiRoot}/file/bot${harness.token}/${answer.result.file_path}`);
  expect(response.status).toBe(200);
  return Buffer.from(await response.arrayBuffer());
}

export async function readWorkbook(bytes: Buffer | Uint8Array): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  return workbook;
}

/** The values of a sheet's row (1-based columns, as Excel numbers them), with empty cells as null. */
export function rowValues(sheet: ExcelJS.Worksheet, row: number): ExcelJS.CellValue[] {
  const values: ExcelJS.CellValue[] = [];
  for (let column = 1; column <= sheet.columnCount; column++) values.push(sheet.getCell(row, column).value ?? null);
  return values;
}

/** The data rows of a sheet (from row 3, under the title and header rows), keyed by header. */
export function sheetRecords(sheet: ExcelJS.Worksheet): Record<string, ExcelJS.CellValue>[] {
  const headers = rowValues(sheet, 2).map(String);
  const records: Record<string, ExcelJS.CellValue>[] = [];
  for (let row = 3; row <= sheet.rowCount; row++) {
    const values = rowValues(sheet, row);
    records.push(Object.fromEntries(headers.map((header, index) => [header, values[index] ?? null])));
  }
  return records;
}
