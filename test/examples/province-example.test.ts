// Today's shape: examples/province-ha-tinh.yaml, a province whose ward and commune committees hold the
// cells (no district), imported as an office would, with its 2030 congress campaign and the 2026 review.
// Its status counts each level below the province, and its export is headed by the province's committee.
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { fixedClock } from "../../src/clock.js";
import { cli } from "../support/cli.js";
import { createTestDatabase, type TestDatabase } from "../support/test-database.js";
import { readWorkbook } from "../support/workbook.js";

const file = path.resolve("examples/province-ha-tinh.yaml");
const units = (parse(readFileSync(file, "utf8")) as { units: { code: string; level: string; parent?: string }[] })
  .units;
const count = (level: string) => units.filter((unit) => unit.level === level).length;
/** 10:00 on 02/12/2026: the review is open, the congresses four years ahead. */
const clock = fixedClock("2026-12-02T03:00:00Z");

describe("a province-rooted organisation", () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase();
    const imported = await cli(db.database, ["org", "import", file], {}, clock);
    expect(imported.code, imported.err.join("\n")).toBe(0);
  });
  afterAll(async () => {
    await db.drop();
  });

  it("when its status is asked, then each level below the province is counted and no district appears", async () => {
    const status = await cli(db.database, ["status"], {}, clock);
    expect(status.out.slice(0, 2)).toEqual(["Đảng bộ tỉnh Hà Tĩnh (HT)", "Đại hội đảng bộ các cấp nhiệm kỳ 2030-2035"]);
    expect(units.some((unit) => unit.level === "district")).toBe(false);
    expect(status.out.some((line) => line.includes("quận, huyện"))).toBe(false);
    expect(status.out).toContain(
      `Tổ chức cơ sở đảng: 0/${count("grassroots")} đã tổ chức đại hội (0,0%); dự thảo văn kiện 0/${count("grassroots")}; phương án nhân sự 0/${count("grassroots")}`,
    );
    expect(status.out.find((line) => line.startsWith("Chi bộ trực thuộc:"))).toMatch(
      new RegExp(`^Chi bộ trực thuộc: 0/${count("cell")} `),
    );
    // The year's work between congresses runs on the same shape.
    expect(status.out).toContain("📋 Kiểm điểm, đánh giá, xếp loại chất lượng tổ chức đảng và đảng viên năm 2026");
  });

  it("when exported, then the summary is headed by the province's committee and lists its ward and commune committees", async () => {
    const out = path.join(mkdtempSync(path.join(tmpdir(), "daihoi-province-")), "ht.xlsx");
    const exported = await cli(db.database, ["export", "--out", out], {}, clock);
    expect(exported.code, exported.err.join("\n")).toBe(0);
    const summary = (await readWorkbook(readFileSync(out))).worksheets[0]!;
    expect([summary.getCell(1, 1).value, summary.getCell(2, 1).value]).toEqual(["TỈNH ỦY HÀ TĨNH", "*"]);
    expect(summary.getCell(2, 5).value).toBe("Hà Tĩnh, ngày 02 tháng 12 năm 2026");
    const names = Array.from({ length: summary.rowCount }, (_, row) => summary.getCell(row + 1, 2).value);
    expect(names).toContain("Đảng bộ phường Bắc Sơn");
    expect(names).toContain("Đảng bộ xã Đông Hòa");
    expect(names.filter((name) => typeof name === "string" && name.startsWith("Cộng "))).toEqual([
      "Cộng tổ chức cơ sở đảng",
      "Cộng đảng bộ bộ phận",
      "Cộng chi bộ trực thuộc",
    ]);
  });
});
