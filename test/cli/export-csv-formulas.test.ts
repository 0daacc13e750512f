// CSV formula injection (issue 12), end to end: what people can type (a unit's and a secretary's name in
// the organisation file, a difficulty through /khokhan, a note through ghichu=) comes out of the CSV
// export as text a spreadsheet will not run. Every cell of every file is checked, whatever its column.
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fixedClock } from "../../src/clock.js";
import { startBotHarness, type BotHarness } from "../support/bot-harness.js";
import { cli } from "../support/cli.js";
import { bindTelegramUser } from "../support/roster.js";
import { createTestDatabase, type TestDatabase } from "../support/test-database.js";

const hyperlink = '=HYPERLINK("http://evil.example","Bấm vào")';
const orgFile = `
organization: { code: LB, name: "Đảng bộ quận Long Biên" }
campaign:
  name: "Đại hội đảng bộ các cấp nhiệm kỳ 2020-2025"
  deadlines: { cell: 2020-03-31, grassroots: 2020-06-10, district: 2020-07-31 }
units:
  - { code: LB, name: "Đảng bộ quận Long Biên", level: district }
  - { code: GT, name: "+Đảng bộ phường Gia Thụy", level: grassroots, parent: LB }
  - { code: GT-01, name: ${JSON.stringify(hyperlink)}, level: cell, parent: GT }
  - { code: GT-02, name: "-2+3", level: cell, parent: GT }
  - { code: GT-03, name: "@SUM(1)", level: cell, parent: GT }
people:
  - { name: "=1+1", phone: "0912345678", roles: [{ role: secretary, unit: GT-01 }] }
`;

describe("CSV export of hostile text", () => {
  let db: TestDatabase;
  let harness: BotHarness;
  const dir = mkdtempSync(path.join(tmpdir(), "daihoi-csv-formulas-"));

  beforeAll(async () => {
    db = await createTestDatabase();
    writeFileSync(path.join(dir, "org.yaml"), orgFile);
    expect((await cli(db.database, ["org", "import", path.join(dir, "org.yaml")])).code).toBe(0);
    harness = await startBotHarness(db.database, { clock: fixedClock("2020-02-26T03:00:00Z") });
  });
  afterAll(async () => {
    await harness?.stop();
    await db?.drop();
  });

  it("when names, a difficulty and a note start like formulas, then every CSV cell that does is written behind an apostrophe and keeps its text", async () => {
    const secretary = await bindTelegramUser(db.database, "+84912345678");
    await harness.say(secretary, `/khokhan ${hyperlink}`);
    await harness.say(secretary, "/khokhan +SUM(A1:A2)");
    const card = await harness.say(secretary, "/baocao daihoi 25/02/2020 bch=5/5 nu=2 tre=1 taicu=3 ghichu==SUM(1)");
    await harness.press(secretary, card, "✅ Xác nhận");
    await harness.app.inbox.drain();

    const out = path.join(dir, "tien-do.csv");
    const result = await cli(db.database, ["export", "--format", "csv", "--out", out]);
    expect(result.code, result.err.join("\n")).toBe(0);
    const cells = ["units", "elections", "statistics", "difficulties"].flatMap((sheet) =>
      (parse(readFileSync(path.join(dir, `tien-do-${sheet}.csv`), "utf8"), { bom: true }) as string[][]).flat(),
    );
    // Nothing starts like a formula, except behind the apostrophe.
    expect(cells.filter((cell) => /^[=+\-@\t\r]/.test(cell))).toEqual([]);
    // Each hostile text is there, whole.
    for (const text of [hyperlink, "+Đảng bộ phường Gia Thụy", "-2+3", "@SUM(1)", "=1+1", "+SUM(A1:A2)", "=SUM(1)"]) {
      expect(
        cells.some((cell) => cell.startsWith("'") && cell.slice(1).includes(text)),
        text,
      ).toBe(true);
    }
  });
});
