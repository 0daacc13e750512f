// `npm run cli -- export` on the demo district (examples/long-bien.yaml) with congresses held at random
// (a fixed seed): the workbook and the CSV files are read back and compared with counts made here.
import { existsSync, mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { fixedClock } from "../../src/clock.js";
import { emptyResults, type ElectionResults } from "../../src/domain/election-results.js";
import type { UnitLevel } from "../../src/domain/levels.js";
import { cli, type CliResult } from "../support/cli.js";
import { recordReport } from "../support/roster.js";
import { createTestDatabase, databaseFingerprint, type TestDatabase } from "../support/test-database.js";
import { readWorkbook, rowValues, sheetRecords } from "../support/workbook.js";

/** mulberry32: the same "random" district every run. */
function seeded(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Congress {
  code: string;
  level: UnitLevel;
  results: ElectionResults;
}

describe("export command line", () => {
  let db: TestDatabase;
  const dir = mkdtempSync(path.join(tmpdir(), "daihoi-export-"));
  const congresses: Congress[] = [];
  const unitsPerLevel = new Map<UnitLevel, number>();

  /** Runs the CLI with the office's clock at 10:00 on 20/03/2020 in Hà Nội. */
  async function exportAt(args: string[]): Promise<CliResult> {
    return cli(db.database, ["export", ...args], {}, fixedClock("2020-03-20T03:00:00Z"));
  }

  beforeAll(async () => {
    db = await createTestDatabase();
    expect((await cli(db.database, ["org", "import", "examples/long-bien.yaml"])).code).toBe(0);
    const units = await db.database.prisma.unit.findMany({
      orderBy: { id: "asc" },
      select: { code: true, level: true },
    });
    for (const unit of units) unitsPerLevel.set(unit.level, (unitsPerLevel.get(unit.level) ?? 0) + 1);
    const random = seeded(20200320);
    const between = (min: number, max: number) => min + Math.floor(random() * (max - min + 1));
    for (const unit of units) {
      const chance = unit.level === "cell" ? 0.3 : unit.level === "grassroots" ? 0.25 : 0;
      if (random() >= chance) continue;
      const planned = unit.level === "cell" ? between(3, 7) : between(9, 15);
      const elected = random() < 0.2 ? planned - between(1, 2) : planned;
      const results: ElectionResults = {
        ...emptyResults(planned, elected),
        committeePlanned: planned,
        committeeElected: elected,
        standingElected: unit.level === "cell" ? null : between(3, 5),
        women: between(0, elected),
        underThirtyFive: between(0, Math.min(2, elected)),
        reElected: between(0, elected),
        secretaryDirect: random() < 0.3 ? null : random() < 0.5,
        oneRound: random() < 0.8,
        delegates: unit.level === "cell" ? null : between(5, 20),
        summoned: null,
        present: null,
        note: null,
      };
      congresses.push({ code: unit.code, level: unit.level, results });
      await recordReport(db.database, {
        unit: unit.code,
        milestone: "held",
        eventDate: "2020-03-10",
        recordedAt: new Date("2020-03-10T10:00:00Z"),
        payload: { results },
      });
    }
    expect(congresses.length).toBeGreaterThan(150);
  });

  afterAll(async () => {
    await db?.drop();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it("when the whole district is exported to xlsx, then every unit has a row and the statistics equal a count made here", async () => {
    const file = path.join(dir, "long-bien.xlsx");
    const result = await exportAt(["--format", "xlsx", "--out", file]);
    expect(result).toEqual({
      code: 0,
      out: [`Đã ghi ${file}.`, `640 đơn vị, ${congresses.length} đại hội đã tổ chức, 0 khó khăn đang mở.`],
      err: [],
    });
    const workbook = await readWorkbook(readFileSync(file));
    const units = workbook.getWorksheet("Tiến độ đơn vị")!;
    expect(units.getCell("A1").value).toBe(
      "Đảng bộ quận Long Biên — số liệu lúc 10:00 ngày 20/03/2020 — Đại hội đảng bộ các cấp nhiệm kỳ 2020-2025",
    );
    expect(units.rowCount).toBe(2 + 640);
    const giathuy = sheetRecords(units).find((record) => record.Mã === "P-GIATHUY")!;
    expect(giathuy).toMatchObject({
      "Đơn vị": "Đảng bộ phường Gia Thụy",
      Cấp: "Tổ chức cơ sở đảng",
      "Mã cấp trên": "LB",
      "Đại hội điểm (ngày)": new Date("2020-03-11T00:00:00Z"),
    });
    expect(sheetRecords(workbook.getWorksheet("Kết quả bầu cử")!)).toHaveLength(congresses.length);

    // One row per level, never a total over levels (units of different levels added together mean nothing).
    const levelNames: Record<string, UnitLevel> = {
      "Đảng bộ quận, huyện": "district",
      "Tổ chức cơ sở đảng": "grassroots",
      "Đảng bộ bộ phận": "partial",
      "Chi bộ": "cell",
    };
    const statistics = sheetRecords(workbook.getWorksheet("Thống kê theo cấp")!);
    expect(statistics.map((record) => record.Cấp)).toEqual(Object.keys(levelNames));
    for (const record of statistics) {
      const level = levelNames[String(record.Cấp)]!;
      const rows = congresses.filter((congress) => congress.level === level);
      const sum = (pick: (results: ElectionResults) => number) =>
        rows.reduce((total, row) => total + pick(row.results), 0);
      const elected = sum((r) => r.committeeElected);
      const units = unitsPerLevel.get(level)!;
      expect(record, String(record.Cấp)).toMatchObject({
        "Số đơn vị": units,
        "Đã đại hội": rows.length,
        "BCH theo đề án": sum((r) => r.committeePlanned),
        "BCH trúng cử": elected,
        "Số đơn vị bầu thiếu": rows.filter((row) => row.results.committeeElected < row.results.committeePlanned).length,
        Nữ: sum((r) => r.women ?? 0),
        "Dưới 35 tuổi": sum((r) => r.underThirtyFive ?? 0),
        "Tái cử": sum((r) => r.reElected ?? 0),
        "Tham gia lần đầu": elected - sum((r) => r.reElected ?? 0),
        "Số bí thư bầu trực tiếp": rows.filter((row) => row.results.secretaryDirect === true).length,
        "Đại biểu được bầu dự đại hội cấp trên": sum((r) => r.delegates ?? 0),
      });
      if (elected > 0) expect(record["Tỷ lệ nữ"]).toBeCloseTo(sum((r) => r.women ?? 0) / elected, 12);
    }
  });

  it("when one unit is exported to csv, then each sheet is its own UTF-8 file with a BOM, one header row and its subtree only", async () => {
    const out = path.join(dir, "gia-thuy.csv");
    const result = await exportAt(["--format", "csv", "--unit", "p-giathuy", "--out", out]);
    const files = ["summary", "units", "elections", "statistics", "difficulties"].map((sheet) =>
      path.join(dir, `gia-thuy-${sheet}.csv`),
    );
    const inSubtree = congresses.filter((congress) => congress.code.startsWith("P-GIATHUY"));
    expect(result).toEqual({
      code: 0,
      out: [
        ...files.map((file) => `Đã ghi ${file}.`),
        `39 đơn vị, ${inSubtree.length} đại hội đã tổ chức, 0 khó khăn đang mở.`,
      ],
      err: [],
    });
    expect(existsSync(out)).toBe(false);
    const [summary, units, elections, statistics, difficulties] = files.map((file) => readFileSync(file));
    for (const bytes of [summary!, units!, elections!, statistics!, difficulties!])
      expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = (bytes: Buffer) =>
      bytes
        .toString("utf8")
        .slice(1)
        .split("\r\n")
        .filter((line) => line !== "");
    expect(lines(units!)[0]).toBe(
      "Mã,Đơn vị,Cấp,Mã cấp trên,Đơn vị cấp trên,Đại hội điểm (ngày),Kế hoạch,Dự thảo văn kiện,Phương án nhân sự,Ngày đại hội (ấn định),Ngày đã đại hội,Hạn đại hội,Mốc hoàn thành sau hạn,Mốc báo cáo sau hạn (việc đúng hạn),Mốc quá hạn,Số ngày quá hạn,Đã hoãn (tạm dừng nhắc),Khó khăn đang mở,Bí thư",
    );
    expect(lines(units!)).toHaveLength(1 + 39);
    const secretary = await db.database.prisma.roleAssignment.findFirstOrThrow({
      where: { role: "secretary", unit: { code: "P-GIATHUY" } },
      orderBy: { id: "asc" },
      include: { person: true },
    });
    const heldOn = congresses.some((congress) => congress.code === "P-GIATHUY") ? "10/03/2020" : "";
    // A congress held closes the plan: it is overdue (by 34 days) only while the congress is not held.
    const overdue = heldOn ? ",," : "kế hoạch,34,";
    expect(lines(units!)[1]).toBe(
      `P-GIATHUY,Đảng bộ phường Gia Thụy,Tổ chức cơ sở đảng,LB,Đảng bộ quận Long Biên,11/03/2020,,,,,${heldOn},10/06/2020,,,${overdue},0,${secretary.person.name}`,
    );
    // A list of several milestones holds commas, so it is quoted: every cell without its congress held has
    // four milestones overdue on 20/03/2020 (plan, documents, personnel, date); a held one has none.
    const cellRows = lines(units!).filter((line) => line.startsWith("P-GIATHUY-"));
    const heldCells = new Set(
      inSubtree.filter((congress) => congress.level === "cell").map((congress) => congress.code),
    );
    for (const row of cellRows) {
      const code = row.split(",")[0]!;
      if (heldCells.has(code)) expect(row, code).not.toContain("kế hoạch");
      else expect(row, code).toContain(',"kế hoạch, văn kiện, nhân sự, ấn định ngày",');
    }
    expect(cellRows.length).toBeGreaterThan(heldCells.size);
    expect(lines(elections!)).toHaveLength(1 + inSubtree.length);
    expect(lines(difficulties!)).toEqual(["Mã,Đơn vị,Ngày nêu,Nội dung"]);
    // Shares are written as Vietnamese percentages.
    const cells = inSubtree.filter((congress) => congress.level === "cell");
    const cellLine = lines(statistics!).find((line) => line.startsWith("Chi bộ,"))!;
    const share = new Intl.NumberFormat("vi-VN", { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(
      (cells.length / 38) * 100,
    );
    // A decimal comma makes the field quoted.
    const quoted = share.includes(",") ? `"${share}%"` : `${share}%`;
    expect(cellLine.startsWith(`Chi bộ,38,${cells.length},${quoted},${cells.length},`), cellLine).toBe(true);
  });

  it("when asked in English, then the headers and the messages are English", async () => {
    const file = path.join(dir, "tand.xlsx");
    const result = await exportAt(["--format", "xlsx", "--unit", "TAND", "--out", file, "--lang", "en"]);
    expect(result.code).toBe(0);
    expect(result.out[0]).toBe(`Wrote ${file}.`);
    const workbook = await readWorkbook(readFileSync(file));
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual([
      "Summary",
      "Unit status",
      "Election results",
      "Statistics by level",
      "Open difficulties",
    ]);
    const units = workbook.getWorksheet("Unit status")!;
    expect(rowValues(units, 3).slice(0, 6)).toEqual([
      "TAND",
      "Đảng bộ Tòa án nhân dân quận",
      "Grassroots organisation",
      "LB",
      "Đảng bộ quận Long Biên",
      new Date("2020-02-20T00:00:00Z"),
    ]);
  });

  it("when the arguments are wrong or the file cannot be written, then it exits non-zero with a one-line reason, writes nothing and changes nothing", async () => {
    const before = await databaseFingerprint(db.database);
    const filesBefore = readdirSync(dir).sort();
    const cases: [string[], number, string][] = [
      [
        ["--format", "pdf", "--out", path.join(dir, "x.pdf")],
        2,
        'Lỗi: định dạng "pdf" không hợp lệ; chỉ nhận: xlsx, csv, docx (ví dụ: export --format xlsx --out tien-do.xlsx)',
      ],
      [["--format", "xlsx"], 2, "Lỗi: thiếu --out"],
      [["--format", "xlsx", "--out"], 2, "Lỗi: thiếu --out"],
      [
        ["--format", "xlsx", "--out", path.join(dir, "x.csv")],
        2,
        `Lỗi: tệp ra "${path.join(dir, "x.csv")}" phải có đuôi .xlsx (ví dụ: --out tien-do.xlsx)`,
      ],
      [
        ["--format", "csv", "--out", path.join(dir, "x.xlsx")],
        2,
        `Lỗi: tệp ra "${path.join(dir, "x.xlsx")}" phải có đuôi .csv (ví dụ: --out tien-do.csv)`,
      ],
      [["--unit", "NOPE", "--out", path.join(dir, "x.xlsx")], 2, 'Lỗi: không có đơn vị mã "NOPE"'],
      [["--org", "HN", "--out", path.join(dir, "x.xlsx")], 2, 'Lỗi: không có tổ chức mã "HN"'],
      [
        ["--out", path.join(dir, "no-such-folder", "x.xlsx")],
        1,
        `Lỗi: không ghi được ${path.join(dir, "no-such-folder", "x.xlsx")}: ENOENT`,
      ],
      [["--out", path.join(dir, "x.xlsx"), "--sheet", "units"], 2, 'Lỗi: không có tùy chọn "--sheet"'],
    ];
    for (const [args, code, message] of cases) {
      expect(await exportAt(args), args.join(" ")).toEqual({ code, out: [], err: [message] });
    }
    expect(await cli(db.database, ["export", "now", "--out", path.join(dir, "x.xlsx")])).toEqual({
      code: 2,
      out: [],
      err: ['Lỗi: không có lệnh "export now"'],
    });
    expect(readdirSync(dir).sort()).toEqual(filesBefore);
    expect(await databaseFingerprint(db.database)).toEqual(before);
  });

  it("when the usage is printed, then it lists the export command", async () => {
    const usage = await cli(db.database, ["--help"]);
    expect(
      usage.out.some(
        (line) =>
          line.trim() === "export [--format xlsx|csv|docx] --out TỆP [--unit MÃ] [--org MÃ] [--as-of dd/mm/yyyy]",
      ),
    ).toBe(true);
  });
});
