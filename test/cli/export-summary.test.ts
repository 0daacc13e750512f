// The summary sheet an office sends upward, read back from `export --as-of 26/02/2020` of the living demo
// (examples/long-bien.yaml with examples/long-bien-2020-02-26.yaml): the official head, STT, one row per
// grassroots organisation with its cells held counted here from the two files, a total row per level
// only, the signature blocks, and the page set up for printing (every sheet: Times New Roman, A4
// landscape, fitted to the width, header rows repeated).
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { fixedClock } from "../../src/clock.js";
import { cli } from "../support/cli.js";
import { demoDistrictFile } from "../support/demo-district.js";
import { demoProgressEntries, demoProgressFile } from "../support/demo-progress.js";
import { createTestDatabase, type TestDatabase } from "../support/test-database.js";
import { readWorkbook } from "../support/workbook.js";

interface Unit {
  code: string;
  name: string;
  level: string;
  parent?: string;
  pilot?: string;
}
const units = (parse(readFileSync(demoDistrictFile, "utf8")) as { units: Unit[] }).units;
const byCode = new Map(units.map((unit) => [unit.code, unit]));
const grassrootsOf = (unit: Unit): Unit =>
  unit.level === "grassroots" ? unit : grassrootsOf(byCode.get(unit.parent!)!);
const asOf = "2020-02-26";
const heldBy = new Set(
  demoProgressEntries()
    .filter((entry) => entry.on <= asOf && entry.report.startsWith("daihoi"))
    .map((entry) => entry.unit),
);
/** Office time 10:00 on 02/12/2026. */
const clock = fixedClock("2026-12-02T03:00:00Z");

function rowOf(sheet: ExcelJS.Worksheet, row: number): ExcelJS.CellValue[] {
  return Array.from({ length: 10 }, (_, index) => sheet.getCell(row, index + 1).value ?? null);
}

describe("the export's summary sheet", () => {
  let db: TestDatabase;
  const dir = mkdtempSync(path.join(tmpdir(), "daihoi-summary-"));
  let workbook: ExcelJS.Workbook;

  beforeAll(async () => {
    db = await createTestDatabase();
    for (const args of [
      ["org", "import", demoDistrictFile],
      ["progress", "import", demoProgressFile],
      ["export", "--as-of", "26/02/2020", "--out", path.join(dir, "lb.xlsx")],
    ]) {
      const result = await cli(db.database, args, {}, clock);
      expect(result.code, result.err.join("\n")).toBe(0);
    }
    workbook = await readWorkbook(readFileSync(path.join(dir, "lb.xlsx")));
  });
  afterAll(async () => {
    await db.drop();
  });

  it("when the district is exported as of 26/02/2020, then the first sheet carries the official head and title", () => {
    const sheet = workbook.worksheets[0]!;
    expect(sheet.name).toBe("Tổng hợp");
    expect([1, 2, 3].map((row) => sheet.getCell(row, 1).value)).toEqual([
      "ĐẢNG BỘ THÀNH PHỐ HÀ NỘI",
      "QUẬN ỦY LONG BIÊN",
      "*",
    ]);
    expect(sheet.getCell(2, 1).font?.bold).toBe(true);
    expect(sheet.getCell(1, 5).value).toBe("ĐẢNG CỘNG SẢN VIỆT NAM");
    expect(sheet.getCell(1, 5).font).toMatchObject({ bold: true, underline: true });
    // Dated the day it is made; its figures are as of the day asked.
    expect(sheet.getCell(2, 5).value).toBe("Long Biên, ngày 02 tháng 12 năm 2026");
    expect([5, 6, 7].map((row) => sheet.getCell(row, 1).value)).toEqual([
      "BIỂU TỔNG HỢP TIẾN ĐỘ TỔ CHỨC ĐẠI HỘI",
      "Đại hội đảng bộ các cấp nhiệm kỳ 2020-2025",
      "Số liệu tính đến ngày 26/02/2020",
    ]);
  });

  it("when the table is read, then it numbers one row per grassroots organisation with its cells held as the files say", () => {
    const sheet = workbook.worksheets[0]!;
    const header = 9;
    expect(rowOf(sheet, header)).toEqual([
      "STT",
      "Tổ chức cơ sở đảng",
      "Chi bộ đã đại hội",
      "Tổng số chi bộ",
      "Tỷ lệ chi bộ đã đại hội",
      "Đại hội cơ sở",
      "Ngày đại hội (đã tổ chức hoặc dự kiến)",
      "Dự thảo văn kiện",
      "Phương án nhân sự",
      "Ghi chú",
    ]);
    const organisations = units.filter((unit) => unit.level === "grassroots");
    organisations.forEach((organisation, index) => {
      const row = rowOf(sheet, header + 1 + index);
      const cells = units.filter((unit) => unit.level === "cell" && grassrootsOf(unit) === organisation);
      const held = cells.filter((cell) => heldBy.has(cell.code)).length;
      expect(row[0], organisation.code).toBe(index + 1);
      expect(row[1]).toBe(organisation.name);
      expect(row.slice(2, 4), organisation.code).toEqual(cells.length === 0 ? [null, null] : [held, cells.length]);
      expect(row[5], organisation.code).toBe(heldBy.has(organisation.code) ? "Đã đại hội" : row[5]);
    });
    const rowByCode = (code: string) =>
      rowOf(sheet, header + 1 + organisations.findIndex((unit) => unit.code === code));
    expect(rowByCode("TAND").slice(5, 7)).toEqual(["Đã đại hội", new Date("2020-02-20T00:00:00Z")]);
    expect(rowByCode("KBNN").slice(5, 7)).toEqual(["Đã có lịch", new Date("2020-03-04T00:00:00Z")]);
    expect(rowByCode("KBNN")[9]).toBe("Đại hội điểm, dự kiến 04/03/2020");
    expect(rowByCode("CAU12").slice(7, 10)).toEqual(["Chưa xong", "Chưa xong", "1 khó khăn đang mở"]);
    expect(sheet.getCell(header + 1, 5).numFmt).toBe("0.0%");

    // One total row per level, each in its own columns; none over several levels.
    const totals = header + 1 + organisations.length;
    expect([0, 1, 2].map((offset) => rowOf(sheet, totals + offset))).toEqual([
      [
        null,
        "Cộng tổ chức cơ sở đảng",
        null,
        null,
        null,
        "1/49 (2,0%)",
        null,
        "44/49 (89,8%)",
        expect.any(String),
        null,
      ],
      [
        null,
        "Cộng đảng bộ bộ phận",
        null,
        null,
        null,
        "0/3 (0,0%)",
        null,
        expect.any(String),
        expect.any(String),
        null,
      ],
      [null, "Cộng chi bộ trực thuộc", 253, 587, 253 / 587, null, null, expect.any(String), expect.any(String), null],
    ]);
    expect(sheet.getCell(totals, 2).font?.bold).toBe(true);
    const values = Array.from({ length: sheet.rowCount }, (_, row) => sheet.getCell(row + 1, 2).value);
    expect(values).not.toContain("Tổng cộng");

    // The signature blocks under the table.
    expect(rowOf(sheet, totals + 4)[0]).toBe("NGƯỜI LẬP BIỂU");
    expect(rowOf(sheet, totals + 4)[4]).toBe("T/M BAN THƯỜNG VỤ");
    expect(rowOf(sheet, totals + 5)[4]).toBe("(Ký, ghi rõ họ tên)");
  });

  it("when printed, then every sheet is Times New Roman on A4 landscape, fitted to the width, its header repeated", () => {
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual([
      "Tổng hợp",
      "Tiến độ đơn vị",
      "Kết quả bầu cử",
      "Thống kê theo cấp",
      "Khó khăn đang mở",
    ]);
    for (const sheet of workbook.worksheets) {
      expect(sheet.pageSetup, sheet.name).toMatchObject({
        paperSize: 9,
        orientation: "landscape",
        fitToPage: true,
        fitToWidth: 1,
        fitToHeight: 0,
      });
      expect(sheet.pageSetup.printTitlesRow, sheet.name).toBe(sheet.name === "Tổng hợp" ? "9:9" : "1:2");
      const fonts = new Set<string | undefined>();
      sheet.eachRow((row) => row.eachCell((cell) => void fonts.add(cell.font?.name)));
      expect([...fonts], sheet.name).toEqual(["Times New Roman"]);
    }
  });

  it("when the summary is written as CSV, then it is the plain table without head or signatures", async () => {
    const out = path.join(dir, "lb.csv");
    const result = await cli(
      db.database,
      ["export", "--format", "csv", "--as-of", "26/02/2020", "--out", out],
      {},
      clock,
    );
    expect(result.code, result.err.join("\n")).toBe(0);
    const lines = readFileSync(path.join(dir, "lb-summary.csv"), "utf8").slice(1).split("\r\n").filter(Boolean);
    expect(lines[0]).toBe(
      "STT,Tổ chức cơ sở đảng,Chi bộ đã đại hội,Tổng số chi bộ,Tỷ lệ chi bộ đã đại hội,Đại hội cơ sở,Ngày đại hội (đã tổ chức hoặc dự kiến),Dự thảo văn kiện,Phương án nhân sự,Ghi chú",
    );
    expect(lines).toHaveLength(1 + 49 + 3);
    expect(lines.at(-1)).toMatch(/^,Cộng chi bộ trực thuộc,253,587,"43,1%",/);
  });
});
