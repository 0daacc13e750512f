// The CSV writer neutralises what a spreadsheet would run as a formula (issue 12): every text cell that
// starts with =, +, -, @, a tab or a CR is written with a leading apostrophe; numbers are left as numbers.
import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { writeExportCsv } from "../../src/render/export-csv.js";
import type { ExportSheets, SheetTable } from "../../src/render/export-sheets.js";

const formulaStarts = ["=", "+", "-", "@", "\t", "\r"];
const payloads = ['HYPERLINK("http://evil.example","Bấm vào")', "SUM(A1:A2)", "cmd|' /C calc'!A0"];

describe("CSV formula neutralisation", () => {
  it("when any text column starts like a formula, then the cell is the same text behind an apostrophe; other cells and numbers are unchanged", () => {
    const columns: SheetTable["columns"] = [
      { key: "code", header: "Mã", kind: "text" },
      { key: "unit", header: "Đơn vị", kind: "text" },
      { key: "note", header: "Ghi chú", kind: "text" },
      { key: "count", header: "Số", kind: "integer" },
    ];
    const hostile = formulaStarts.flatMap((start) => payloads.map((payload) => `${start}${payload}`));
    const rows = hostile.map((text, index) => [text, text, text, -index]);
    rows.push(["GT-01", "Chi bộ tổ dân phố số 1", "Bầu thêm - theo chỉ đạo", 7]);
    const sheets: ExportSheets = { title: "", tables: [{ key: "units", name: "Đơn vị", columns, rows, boldRows: [] }] };

    const [file] = writeExportCsv(sheets, "vi");
    const records = parse(file!.content, { bom: true, relax_column_count: false }) as string[][];
    expect(records[0]).toEqual(["Mã", "Đơn vị", "Ghi chú", "Số"]);
    hostile.forEach((text, index) => {
      const record = records[1 + index]!;
      for (const cell of record.slice(0, 3)) expect(cell, JSON.stringify(text)).toBe(`'${text}`);
      // A negative count is a number, not a formula.
      expect(record[3]).toBe(String(-index));
    });
    expect(records.at(-1)).toEqual(["GT-01", "Chi bộ tổ dân phố số 1", "Bầu thêm - theo chỉ đạo", "7"]);
  });
});
