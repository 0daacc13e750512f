// The living demo: examples/long-bien-2020-02-26.yaml loaded with `progress import` after the demo
// district, then read back "as of" days. The article of 26/02/2020 is the oracle for that day (253/587
// cells, 43,1%; 44/49 draft reports; the pilot congress of TAND held); for other days the test counts the
// file's own entries. A file with problems writes nothing and says what is wrong where.
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { fixedClock } from "../../src/clock.js";
import { loadElectionStats, loadSubtreeRollup } from "../../src/db/progress-rollup.js";
import { loadActiveCampaigns, loadUnitRecords } from "../../src/db/unit-records.js";
import { cli } from "../support/cli.js";
import { demoDistrictFile } from "../support/demo-district.js";
import { createTestDatabase, databaseFingerprint, type TestDatabase } from "../support/test-database.js";

const progressFile = path.resolve("examples/long-bien-2020-02-26.yaml");
const entries = (
  parse(readFileSync(progressFile, "utf8")) as { reports: { unit: string; on: string; report: string }[] }
).reports;
const levelOf = new Map(
  (parse(readFileSync(demoDistrictFile, "utf8")) as { units: { code: string; level: string }[] }).units.map((unit) => [
    unit.code,
    unit.level,
  ]),
);
/** Today for the office: 02/12/2026, long after the campaign. */
const clock = fixedClock("2026-12-02T03:00:00Z");
/** Counts as the office's messages write them (1.224). */
const count = (value: number) => value.toLocaleString("vi-VN");
const dir = mkdtempSync(path.join(tmpdir(), "daihoi-progress-"));

describe("progress import and figures as of a day", () => {
  let db: TestDatabase;
  const run = (args: string[]) => cli(db.database, args, {}, clock);

  beforeAll(async () => {
    db = await createTestDatabase();
    expect((await run(["org", "import", demoDistrictFile])).code).toBe(0);
  });
  afterAll(async () => {
    await db.drop();
  });

  it("when the file has problems, then nothing is written and each problem is named with its place", async () => {
    const bad = path.join(dir, "bad.yaml");
    writeFileSync(
      bad,
      [
        "organization: LB",
        "reports:",
        '  - { unit: P-BODE-01, on: 2020-02-14, report: "daihoi 14/02/2020 bch=3/3" }',
        '  - { unit: NOPE, on: 2020-02-14, report: "kehoach" }',
        '  - { unit: P-BODE-02, on: 2020-02-14, report: "daihoi 20/02/2020 bch=3/3" }',
        '  - { unit: P-BODE-03, on: 2030-01-01, report: "kehoach" }',
        "difficulties:",
        '  - { unit: P-BODE-04, on: 2020-02-14, text: "" }',
      ].join("\n"),
    );
    const before = await databaseFingerprint(db.database);
    const result = await run(["progress", "import", bad]);
    expect(result.code).toBe(1);
    expect(result.err[0]).toContain("có 1 lỗi");
    expect(result.err[1]).toMatch(/^difficulties\[0\]\.text: /);

    writeFileSync(bad, readFileSync(bad, "utf8").replace(/difficulties:\n.*/s, ""));
    const second = await run(["progress", "import", bad]);
    expect(second.code).toBe(1);
    expect(second.err).toEqual([
      `Tệp ${bad} có 3 lỗi; chưa ghi gì vào cơ sở dữ liệu:`,
      'reports[1].unit: không có đơn vị mã "NOPE"',
      'reports[2].report: Ngày đại hội 20/02/2020 còn ở phía trước. Chỉ báo cáo "đã tổ chức" khi đại hội đã diễn ra; nếu mới ấn định ngày, chọn "Ấn định ngày đại hội".',
      "reports[3].on: ngày 01/01/2030 chưa đến (hôm nay là 02/12/2026); ghi ngày báo cáo đã đến văn phòng",
    ]);
    expect(await databaseFingerprint(db.database)).toEqual(before);
  });

  it("when the file is another organisation's, then nothing is written and it says which to choose", async () => {
    const other = path.join(dir, "other.yaml");
    writeFileSync(other, 'organization: HT\nreports:\n  - { unit: P-BODE-01, on: 2020-02-14, report: "kehoach" }\n');
    const before = await databaseFingerprint(db.database);
    expect(await run(["progress", "import", other])).toEqual({
      code: 1,
      out: [],
      err: [
        `Tệp ${other} có 1 lỗi; chưa ghi gì vào cơ sở dữ liệu:`,
        'organization: tệp của tổ chức "HT" nhưng đang nạp vào tổ chức "LB"; chọn đúng tổ chức bằng --org HT',
      ],
    });
    expect(await databaseFingerprint(db.database)).toEqual(before);
  });

  it("when the demo's progress is loaded, then status as of 26/02/2020 gives the article's figures", async () => {
    const loaded = await run(["progress", "import", progressFile]);
    expect(loaded.err).toEqual([]);
    expect(loaded.out).toEqual([`Đã nạp ${count(entries.length)} báo cáo và 2 khó khăn.`]);

    const status = await run(["status", "--as-of", "26/02/2020"]);
    expect(status.code, status.err.join("\n")).toBe(0);
    expect(status.out).toContain("Số liệu tính đến ngày 26/02/2020.");
    const line = (label: string) => status.out.find((text) => text.startsWith(`${label}: `));
    expect(line("Chi bộ trực thuộc")).toMatch(/^Chi bộ trực thuộc: 253\/587 đã tổ chức đại hội \(43,1%\);/);
    expect(line("Tổ chức cơ sở đảng")).toMatch(
      /^Tổ chức cơ sở đảng: 1\/49 đã tổ chức đại hội \(2,0%\); dự thảo văn kiện 44\/49;/,
    );

    // Loaded twice, nothing is stored twice.
    const again = await run(["progress", "import", progressFile]);
    expect(again.out).toEqual([
      `Đã nạp 0 báo cáo và 0 khó khăn; ${count(entries.length + 2)} mục đã có từ trước, không ghi lại.`,
    ]);
    expect((await run(["status", "--as-of", "26/02/2020"])).out).toEqual(status.out);
  });

  it("when asked as of an earlier day, then only the reports that had reached the office count", async () => {
    const asOf = "2020-02-18";
    const heldBy = new Set(entries.filter((e) => e.on <= asOf && e.report.startsWith("daihoi")).map((e) => e.unit));
    const cellsHeld = [...heldBy].filter((code) => levelOf.get(code) === "cell").length;
    const status = await run(["status", "--as-of", "18/02/2020", "--lang", "en"]);
    expect(status.out).toContain("Figures as of 18/02/2020.");
    expect(status.out.find((text) => text.startsWith("Cells: "))).toMatch(
      new RegExp(`^Cells: ${cellsHeld}/587 held their congress`),
    );
    // Today's figures are everything recorded: the same as "as of" today, and the fold the database keeps.
    const now = await run(["status"]);
    expect(now.out.find((text) => text.startsWith("Chi bộ trực thuộc: "))).toMatch(/^Chi bộ trực thuộc: 253\/587/);
    expect(now.out.some((text) => text.startsWith("Số liệu tính đến"))).toBe(false);
  });

  it("when the fold is redone from the reports before a moment after them all, then every unit and every count is what the database keeps", async () => {
    const { prisma } = db.database;
    const campaign = (await loadActiveCampaigns(prisma)).values().next().value!;
    const scope = { organizationId: campaign.organizationId };
    const future = new Date("2100-01-01T00:00:00Z");
    const kept = await loadUnitRecords(prisma, { campaign, scope, timeZone: "Asia/Ho_Chi_Minh" });
    const folded = await loadUnitRecords(prisma, {
      campaign,
      scope,
      timeZone: "Asia/Ho_Chi_Minh",
      recordedBefore: future,
    });
    expect(folded).toEqual(kept);
    const top = await prisma.unit.findFirstOrThrow({ where: { code: "LB" } });
    const options = { today: "2020-02-26", byGrassroots: true };
    // The roll-up's rows come in no particular order: compared as sets.
    const ordered = (rollup: Awaited<ReturnType<typeof loadSubtreeRollup>>) => ({
      ...rollup!,
      rows: [...rollup!.rows].sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b))),
      grassroots: {
        ...rollup!.grassroots!,
        rows: [...rollup!.grassroots!.rows].sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b))),
      },
    });
    expect(ordered(await loadSubtreeRollup(prisma, top.id, { ...options, recordedBefore: future }))).toEqual(
      ordered(await loadSubtreeRollup(prisma, top.id, options)),
    );
    expect(await loadElectionStats(prisma, [top.id], { recordedBefore: future })).toEqual(
      await loadElectionStats(prisma, [top.id]),
    );
  });

  it("when --as-of is not a day that can be counted, then it says why with an example", async () => {
    expect(await run(["status", "--as-of", "31/02/2020"])).toEqual({
      code: 2,
      out: [],
      err: [
        'Lỗi: --as-of "31/02/2020" không phải ngày hợp lệ; viết ngày, tháng, năm đầy đủ (ví dụ: --as-of 26/02/2020)',
      ],
    });
    expect((await run(["export", "--out", path.join(dir, "x.xlsx"), "--as-of", "03/12/2026"])).err).toEqual([
      "Lỗi: --as-of 03/12/2026 là ngày chưa đến (hôm nay là 02/12/2026); số liệu chỉ tính được đến hết hôm nay",
    ]);
  });
});
