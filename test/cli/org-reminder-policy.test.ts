// A campaign's reminder policy in the org file: imported, shown in a dry run, stored, exported, and
// imported back to the same state.
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { cli } from "../support/cli.js";
import { createTestDatabase, databaseFingerprint, resetDatabase, type TestDatabase } from "../support/test-database.js";

const small = readFileSync(new URL("../fixtures/small-org.yaml", import.meta.url), "utf8");
const deadlinesLine = "  deadlines: { cell: 2020-03-31, grassroots: 2020-06-10, district: 2020-07-31 }\n";
const dir = mkdtempSync(path.join(tmpdir(), "daihoi-policy-"));

function withReminders(reminders: string | null, name: string): string {
  if (!small.includes(deadlinesLine)) throw new Error("fixture changed");
  const file = path.join(dir, name);
  writeFileSync(
    file,
    reminders === null ? small : small.replace(deadlinesLine, `${deadlinesLine}  reminders: ${reminders}\n`),
  );
  return file;
}

const tet = `{ daysBefore: [5, 1, 0], overdueEvery: 2, time: "7:30", daysOff: [sunday, saturday], holidays: ["2020-04-30..2020-05-01", "02/09/2020", "2020-01-23..2020-01-29"] }`;

describe("reminder policy in the org file", () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  beforeEach(async () => resetDatabase(db.database));
  afterAll(async () => db.drop());

  const storedPolicy = async () =>
    (await db.database.prisma.campaign.findFirstOrThrow({ where: { active: true } })).reminderPolicy;

  it("when a file sets a policy, then the import says so and the campaign stores it, sorted, with the defaults for nothing left out", async () => {
    const result = await cli(db.database, ["org", "import", withReminders(tet, "tet.yaml"), "--lang", "en"]);
    expect(result.code).toBe(0);
    expect(result.out.slice(-2)).toEqual([
      "• create a new campaign",
      "• reminders: 5, 1, 0 day(s) before the deadline; every 2 day(s) overdue; at 07:30; days off: sunday, saturday; public holidays: days off; holidays: 2020-01-23..2020-01-29, 2020-04-30..2020-05-01, 2020-09-02",
    ]);
    expect(await storedPolicy()).toEqual({
      daysBefore: [5, 1, 0],
      overdueEvery: 2,
      time: "07:30",
      daysOff: [0, 6],
      publicHolidays: true,
      holidays: [
        { from: "2020-01-23", to: "2020-01-29" },
        { from: "2020-04-30", to: "2020-05-01" },
        { from: "2020-09-02", to: "2020-09-02" },
      ],
    });
  });

  it("when only some keys are given, then the others take the defaults", async () => {
    await cli(db.database, ["org", "import", withReminders(`{ holidays: [2020-04-30] }`, "partial.yaml")]);
    expect(await storedPolicy()).toEqual({
      daysBefore: [7, 3, 1, 0],
      overdueEvery: 3,
      time: "08:00",
      daysOff: [0],
      publicHolidays: true,
      holidays: [{ from: "2020-04-30", to: "2020-04-30" }],
    });
  });

  it("when the policy changes, then a dry run shows the new policy alone and writes nothing, and the import then applies it", async () => {
    await cli(db.database, ["org", "import", withReminders(null, "plain.yaml")]);
    expect(await storedPolicy()).toBeNull();
    const before = await databaseFingerprint(db.database);
    const changed = withReminders(`{ overdueEvery: 0, daysBefore: [], daysOff: [] }`, "changed.yaml");
    const dryRun = await cli(db.database, ["org", "import", changed, "--dry-run", "--lang", "en"]);
    expect(dryRun.out).toEqual([
      'Note: workingGroups[0].leader: +84912000001 is not in people; created a person named "Tổ trưởng Tổ công tác số 1"',
      "Dry run (--dry-run): nothing written. A real import would:",
      "• reminders: none before the deadline; none once overdue; at 08:00; days off: none; public holidays: days off; holidays: none",
    ]);
    expect(await databaseFingerprint(db.database)).toEqual(before);
    expect((await cli(db.database, ["org", "import", changed])).code).toBe(0);
    expect(await storedPolicy()).toEqual({
      daysBefore: [],
      overdueEvery: 0,
      time: "08:00",
      daysOff: [],
      publicHolidays: true,
      holidays: [],
    });

    const back = await cli(db.database, ["org", "import", withReminders(null, "plain-again.yaml"), "--lang", "en"]);
    expect(back.out.slice(1)).toEqual([
      "Imported Đảng bộ quận Long Biên:",
      "• reminders: back to the defaults (7, 3, 1, 0 days before; every 3 days overdue; at 08:00; Sundays and Vietnam's public holidays off)",
    ]);
    expect(await storedPolicy()).toBeNull();
    const audit = await db.database.prisma.auditLog.findMany({
      where: { action: "org.import" },
      orderBy: { id: "asc" },
    });
    expect(audit.map((row) => (row.details as { reminders?: unknown }).reminders)).toEqual([
      undefined,
      { daysBefore: [], overdueEvery: 0, time: "08:00", daysOff: [], publicHolidays: true, holidays: [] },
      "defaults",
    ]);
  });

  it("when an organisation with a policy is exported, then the file says the whole policy and imports back to the same state", async () => {
    await cli(db.database, ["org", "import", withReminders(tet, "tet-export.yaml")]);
    const exportFile = path.join(dir, "export.yaml");
    await cli(db.database, ["org", "export", "--out", exportFile]);
    const exported = readFileSync(exportFile, "utf8");
    const campaign = exported.slice(exported.indexOf("campaign:"), exported.indexOf("units:"));
    expect(campaign.split("\n").filter((line) => line.startsWith("  reminders") || line.startsWith("    "))).toEqual(
      expect.arrayContaining([
        "  reminders:",
        "    daysBefore: [ 5, 1, 0 ]",
        "    overdueEvery: 2",
        "    time: 07:30",
        "    daysOff: [ sunday, saturday ]",
        "    publicHolidays: true",
        "    holidays: [ 2020-01-23..2020-01-29, 2020-04-30..2020-05-01, 2020-09-02 ]",
      ]),
    );
    expect((await cli(db.database, ["org", "import", exportFile, "--lang", "en"])).out).toEqual([
      "No changes: the database already matches the file.",
    ]);

    const other = await createTestDatabase();
    try {
      expect((await cli(other.database, ["org", "import", exportFile])).code).toBe(0);
      expect(
        (await other.database.prisma.campaign.findFirstOrThrow({ where: { active: true } })).reminderPolicy,
      ).toEqual(await storedPolicy());
      expect((await cli(other.database, ["org", "export"])).out.join("\n")).toBe(exported.trimEnd());
    } finally {
      await other.drop();
    }
  });

  it("when a file turns the public holidays off, then the campaign stores it, the export writes it, and the file imports back to the same state", async () => {
    const file = withReminders(
      `{ daysOff: [sunday, saturday], publicHolidays: false, holidays: ["2020-01-23..2020-01-29"] }`,
      "no-public.yaml",
    );
    expect((await cli(db.database, ["org", "import", file])).code).toBe(0);
    expect(await storedPolicy()).toEqual({
      daysBefore: [7, 3, 1, 0],
      overdueEvery: 3,
      time: "08:00",
      daysOff: [0, 6],
      publicHolidays: false,
      holidays: [{ from: "2020-01-23", to: "2020-01-29" }],
    });
    expect((await cli(db.database, ["org", "import", file, "--lang", "en"])).out.at(-1)).toBe(
      "No changes: the database already matches the file.",
    );

    const exportFile = path.join(dir, "no-public-export.yaml");
    await cli(db.database, ["org", "export", "--out", exportFile]);
    const exported = readFileSync(exportFile, "utf8");
    expect(exported).toContain("\n    publicHolidays: false\n");
    expect((await cli(db.database, ["org", "import", exportFile, "--lang", "en"])).out).toEqual([
      "No changes: the database already matches the file.",
    ]);

    // Turned on again, the change is one to import; the stored policy says so.
    const on = withReminders(
      `{ daysOff: [sunday, saturday], publicHolidays: true, holidays: ["2020-01-23..2020-01-29"] }`,
      "public-on.yaml",
    );
    expect((await cli(db.database, ["org", "import", on, "--dry-run", "--lang", "en"])).out.at(-1)).toBe(
      "• reminders: 7, 3, 1, 0 day(s) before the deadline; every 3 day(s) overdue; at 08:00; days off: sunday, saturday; public holidays: days off; holidays: 2020-01-23..2020-01-29",
    );
    const off = await cli(db.database, [
      "org",
      "import",
      withReminders(`{ publicHolidays: false }`, "public-off.yaml"),
      "--dry-run",
    ]);
    expect(off.out.at(-1)).toBe(
      "• nhắc việc: trước hạn 7, 3, 1, 0 ngày; quá hạn thì nhắc lại sau mỗi 3 ngày; lúc 08:00; ngày nghỉ: sunday; ngày lễ, Tết theo luật: vẫn nhắc; ngày lễ: không có",
    );
    expect((await cli(db.database, ["org", "import", on])).code).toBe(0);
    expect(await storedPolicy()).toMatchObject({ publicHolidays: true });

    const other = await createTestDatabase();
    try {
      expect((await cli(other.database, ["org", "import", exportFile])).code).toBe(0);
      expect(
        (await other.database.prisma.campaign.findFirstOrThrow({ where: { active: true } })).reminderPolicy,
      ).toMatchObject({ publicHolidays: false });
      expect((await cli(other.database, ["org", "export"])).out.join("\n")).toBe(exported.trimEnd());
    } finally {
      await other.drop();
    }
  });

  it("when a campaign's policy was stored before the public holidays, then it reads as keeping them, and the same file changes nothing", async () => {
    const file = withReminders(`{ holidays: [2020-04-30] }`, "old-stored.yaml");
    await cli(db.database, ["org", "import", file]);
    // The JSON as an earlier version wrote it: no publicHolidays key.
    await db.database.prisma.campaign.updateMany({
      where: { active: true },
      data: {
        reminderPolicy: {
          daysBefore: [7, 3, 1, 0],
          overdueEvery: 3,
          time: "08:00",
          daysOff: [0],
          holidays: [{ from: "2020-04-30", to: "2020-04-30" }],
        },
      },
    });
    expect((await cli(db.database, ["org", "import", file, "--lang", "en"])).out.at(-1)).toBe(
      "No changes: the database already matches the file.",
    );
    const exported = (await cli(db.database, ["org", "export"])).out;
    expect(exported).toContain("    publicHolidays: true");
  });

  it("when publicHolidays is neither true nor false, then the file is rejected at its place", async () => {
    const result = await cli(db.database, [
      "org",
      "import",
      withReminders(`{ publicHolidays: no }`, "bad-public.yaml"),
      "--lang",
      "en",
    ]);
    expect(result.code).toBe(1);
    expect(result.out.join("\n") + result.err.join("\n")).toContain(
      'campaign.reminders.publicHolidays: "no" is not allowed; use one of: true, false',
    );
  });
});
