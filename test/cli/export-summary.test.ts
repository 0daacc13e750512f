// The summary sheet an office sends upward, read back from `export --as-of 26/02/2020` of the living demo
// (examples/long-bien.yaml with examples/long-bien-2020-02-26.yaml): the official head, STT, one row per
// grassroots organisation with its cells held counted here from the two files, a total row per level
// only, the signature blocks, and the page set up for printing (every sheet: Times New Roman, A4
// landscape, fitted to the width, header rows repeated).
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
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
import { docxParagraphs } from "../support/docx.js";

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
  /** `export --as-of 26/02/2020` with these arguments, which must succeed. */
  async function exportAsOf(args: string[]): Promise<void> {
    const result = await cli(db.database, ["export", "--as-of", "26/02/2020", ...args], {}, clock);
    expect(result.code, result.err.join("\n")).toBe(0);
  }

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

  it("when the narrative report is written as docx, then its sentences carry the figures counted here from the files", async () => {
    const out = path.join(dir, "lb.docx");
    await exportAsOf(["--format", "docx", "--out", out]);
    const paragraphs = docxParagraphs(readFileSync(out));
    const cells = units.filter((unit) => unit.level === "cell");
    const cellsHeld = cells.filter((cell) => heldBy.has(cell.code)).length;
    const committees = new Set(cells.map((cell) => grassrootsOf(cell).code)).size;
    const organisations = units.filter((unit) => unit.level === "grassroots");
    // A grassroots organisation's drafts are done once reported, or once a later milestone (its date, its
    // congress, its personnel plan) was reported: every report word but the plan's.
    const drafted = new Set(
      demoProgressEntries()
        .filter((entry) => entry.on <= asOf && !entry.report.startsWith("kehoach"))
        .map((entry) => entry.unit)
        .filter((code) => byCode.get(code)?.level === "grassroots"),
    );
    const share = (part: number, whole: number) => `${((part / whole) * 100).toFixed(1).replace(".", ",")}%`;
    expect(paragraphs.slice(0, 7)).toEqual([
      "ĐẢNG BỘ THÀNH PHỐ HÀ NỘI",
      "QUẬN ỦY LONG BIÊN",
      "*",
      "ĐẢNG CỘNG SẢN VIỆT NAM",
      "Long Biên, ngày 02 tháng 12 năm 2026",
      "BÁO CÁO",
      "Tiến độ tổ chức Đại hội đảng bộ các cấp nhiệm kỳ 2020-2025",
    ]);
    expect(paragraphs).toContain("(Số liệu tính đến ngày 26/02/2020)");
    expect(
      paragraphs.find((text) => text.startsWith("Đến ngày 26/02/2020, đã có ") && text.includes("chi bộ trực thuộc")),
    ).toMatch(
      new RegExp(
        `^Đến ngày 26/02/2020, đã có ${cellsHeld}/${cells.length} chi bộ trực thuộc ${committees} đảng ủy cơ sở tổ chức xong đại hội, đạt ${share(cellsHeld, cells.length)};`,
      ),
    );
    // The article's own figures, the same way.
    expect([cellsHeld, cells.length, committees, share(cellsHeld, cells.length)]).toEqual([253, 587, 20, "43,1%"]);
    const documents = paragraphs.find((text) => text.includes("đã xây dựng xong dự thảo báo cáo chính trị"))!;
    expect(documents.startsWith(`${drafted.size}/${organisations.length} tổ chức cơ sở đảng`)).toBe(true);
    expect(drafted.size).toBe(44);
    for (const organisation of organisations.filter((unit) => !drafted.has(unit.code)))
      expect(documents).toContain(organisation.name);
    expect(paragraphs).toContain(
      "Đại hội điểm Đảng bộ Tòa án nhân dân quận đã tổ chức thành công vào ngày 20/02/2020.",
    );
    expect(paragraphs).toContain("Đại hội điểm Chi bộ Kho bạc Nhà nước Long Biên dự kiến tổ chức ngày 04/03/2020.");
    expect(paragraphs.some((text) => text.startsWith("Đảng bộ Công ty CP Cầu 12: "))).toBe(true);
    expect(paragraphs.at(-2)).toBe("T/M BAN THƯỜNG VỤ");

    const campaign = await cli(db.database, ["export", "--format", "docx", "--campaign", "x", "--out", out], {}, clock);
    expect(campaign.err).toEqual([
      'Lỗi: báo cáo Word (docx) chỉ có cho đợt đại hội; đợt "x" xuất được dạng xlsx hoặc csv (ví dụ: export --campaign x --out x.xlsx)',
    ]);
  });

  it("when docs/ shows the summary sheet and the report, then they are what this export produces", async () => {
    const sheet = workbook.worksheets[0]!;
    const shown = (value: ExcelJS.CellValue) =>
      value === null || value === undefined
        ? ""
        : value instanceof Date
          ? value.toISOString().slice(0, 10).split("-").reverse().join("/")
          : typeof value === "number" && !Number.isInteger(value)
            ? `${(value * 100).toFixed(1).replace(".", ",")}%`
            : String(value);
    const header = 9;
    // The share column (the fifth) as a percentage, 100% included.
    const table = Array.from({ length: sheet.rowCount - header + 1 }, (_, index) =>
      rowOf(sheet, header + index).map((value, column) =>
        column === 4 && index > 0 && typeof value === "number"
          ? `${(value * 100).toFixed(1).replace(".", ",")}%`
          : shown(value),
      ),
    );
    const blank = table.findIndex((row) => row.every((cell) => cell === ""));
    const footer = rowOf(sheet, header + blank + 1).map(shown);
    const out = path.join(dir, "docs.docx");
    await exportAsOf(["--format", "docx", "--out", out]);
    const produced = [
      "# The export of the living demo as of 26/02/2020",
      "",
      "Produced by `test/cli/export-summary.test.ts` from `examples/long-bien.yaml` and",
      "`examples/long-bien-2020-02-26.yaml` (`npm run cli -- export --as-of 26/02/2020`, on 02/12/2026);",
      "`UPDATE_DOCS=1` rewrites it. Format and rules: [export.md](../export.md).",
      "",
      "## The workbook's first sheet, “Tổng hợp”",
      "",
      `Head, left: ${[1, 2, 3].map((row) => shown(sheet.getCell(row, 1).value).replace("*", "\\*")).join(" / ")}`,
      `Head, right: **${shown(sheet.getCell(1, 5).value)}** / *${shown(sheet.getCell(2, 5).value)}*`,
      "",
      ...[5, 6, 7].map((row) => `> ${shown(sheet.getCell(row, 1).value)}`),
      "",
      `| ${table[0]!.join(" | ")} |`,
      `|${table[0]!.map(() => "---").join("|")}|`,
      ...table.slice(1, blank).map((row) => `| ${row.join(" | ")} |`),
      "",
      `Signatures, left: **${footer[0]}**; right: **${footer[4]}** ${rowOf(sheet, header + blank + 2).map(shown)[4]}`,
      "",
      "## The report (`export --format docx`, sent by /xuat beside the workbook)",
      "",
      ...docxParagraphs(readFileSync(out)).flatMap((text) => [text, ""]),
    ].join("\n");
    const docsFile = new URL("../../docs/examples/long-bien-2020-02-26-export.md", import.meta.url);
    if (process.env.UPDATE_DOCS === "1") writeFileSync(docsFile, produced);
    expect(readFileSync(docsFile, "utf8")).toBe(produced);
  });

  it("when the summary is written as CSV, then it is the plain table without head or signatures", async () => {
    const out = path.join(dir, "lb.csv");
    await exportAsOf(["--format", "csv", "--out", out]);
    const lines = readFileSync(path.join(dir, "lb-summary.csv"), "utf8").slice(1).split("\r\n").filter(Boolean);
    expect(lines[0]).toBe(
      "STT,Tổ chức cơ sở đảng,Chi bộ đã đại hội,Tổng số chi bộ,Tỷ lệ chi bộ đã đại hội,Đại hội cơ sở,Ngày đại hội (đã tổ chức hoặc dự kiến),Dự thảo văn kiện,Phương án nhân sự,Ghi chú",
    );
    expect(lines).toHaveLength(1 + 49 + 3);
    expect(lines.at(-1)).toMatch(/^,Cộng chi bộ trực thuộc,253,587,"43,1%",/);
  });
});
