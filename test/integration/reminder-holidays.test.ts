// A campaign whose org file sets holidays (here 09–11/03/2020) and Saturdays off: reminders due in the
// holidays are told on the next working day, one message a day, through the outbox, the sender and the emulator.
// Then Vietnam's public holidays (30/4 and 1/5/2020), days off by default without the file naming them,
// unless the file turns them off.
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { User } from "grammy/types";
import dayjs from "dayjs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fixedClock } from "../../src/clock.js";
import { startBotHarness, type BotHarness } from "../support/bot-harness.js";
import { cli } from "../support/cli.js";
import { bindTelegramUser } from "../support/roster.js";
import { createTestDatabase, type TestDatabase } from "../support/test-database.js";

const zone = "Asia/Ho_Chi_Minh";
const clock = fixedClock("2020-03-01T00:00:00Z");
const fixture = readFileSync(new URL("../fixtures/reporting-org.yaml", import.meta.url), "utf8");
const terms = `  terms: { cell: "2020-2022", grassroots: "2020-2025", district: "2020-2025" }\n`;

describe("reminders on holidays set in the org file", () => {
  let db: TestDatabase;
  let harness: BotHarness;
  let an: User; // secretary of the cell GT-07, reports nothing
  const received = new Map<string, number>(); // dd/mm → reminders an received that day

  beforeAll(async () => {
    db = await createTestDatabase();
    const file = path.join(mkdtempSync(path.join(tmpdir(), "daihoi-holidays-")), "org.yaml");
    if (!fixture.includes(terms)) throw new Error("fixture changed");
    writeFileSync(
      file,
      fixture.replace(
        terms,
        `${terms}  reminders: { daysOff: [sunday, saturday], holidays: ["2020-03-09..2020-03-11"] }\n`,
      ),
    );
    expect((await cli(db.database, ["org", "import", file])).code).toBe(0);
    an = await bindTelegramUser(db.database, "+84912345678");
    harness = await startBotHarness(db.database, { clock });
    harness.emulator.registerChat({ id: an.id, type: "private", first_name: an.first_name });

    // 05/03 to 17/03, at the times that matter: before the reminder time, at it, midday, in quiet hours.
    for (let day = dayjs.tz("2020-03-05", zone); day.isBefore(dayjs.tz("2020-03-18", zone)); day = day.add(1, "day")) {
      for (const time of ["07:00", "08:00", "12:00", "21:30"]) {
        clock.set(dayjs.tz(`${day.format("YYYY-MM-DD")} ${time}`, zone).toDate());
        const before = harness.sent(an.id).length;
        await harness.app.scheduler.tick();
        await deliverEverything();
        const got = harness.sent(an.id).length - before;
        if (got > 0) received.set(day.format("DD/MM"), (received.get(day.format("DD/MM")) ?? 0) + got);
      }
    }
  });
  /** Drains the outbox (the sender's own loop runs too), a second apart as Telegram allows per chat. */
  async function deliverEverything(): Promise<void> {
    while ((await db.database.prisma.outboxMessage.count({ where: { status: "pending" } })) > 0) {
      await harness.app.sender.drainOnce();
      clock.advance(1100);
    }
  }

  afterAll(async () => {
    await harness?.stop();
    await db?.drop();
  });

  it("when reminder days fall in the holidays or on a weekend, then they are told on the next working day, one message a day", () => {
    // Cell deadlines: plan 31/01, documents 29/02, personnel 10/03, scheduled 15/03, held 31/03; reminder
    // days 7, 3, 1, 0 days before, then every 3 days overdue. A message goes out on a working day when one
    // of them is newer than the last message.
    expect(Object.fromEntries(received)).toEqual({
      "05/03": 1, // the first: plan (04/03), documents (03/03), personnel (D-7 = 03/03)
      "06/03": 1, // documents +6
      // 07/03 Saturday, 08/03 Sunday, 09–11/03 holidays: nothing.
      "12/03": 1, // plan (10/03), documents (12/03), personnel (on the day, 10/03), scheduled (D-3, 12/03)
      "13/03": 1, // plan (13/03), personnel (+3)
      // 14/03 Saturday, 15/03 Sunday.
      "16/03": 1, // plan (16/03), documents (15/03), personnel (+6), scheduled (on the day, 15/03)
      // 17/03: nothing new (held D-7 is 24/03).
    });
  });

  it("when a reminder is written, then it is never on a holiday, a day off or in quiet hours, and once a day", async () => {
    const rows = await db.database.prisma.outboxMessage.findMany({
      where: { kind: "reminder", chatId: BigInt(an.id) },
      orderBy: { id: "asc" },
    });
    expect(rows.map((row) => row.dedupeKey)).toEqual(
      ["05", "06", "12", "13", "16"].map((day) => `remind:${an.id}:2020-03-${day}`),
    );
    expect(rows.every((row) => row.status === "sent")).toBe(true);
    for (const row of rows) {
      const local = dayjs(row.notBefore).tz(zone);
      expect(["09/03", "10/03", "11/03"]).not.toContain(local.format("DD/MM"));
      expect([0, 6]).not.toContain(local.day());
      expect(local.format("HH:mm") >= "08:00" && local.format("HH:mm") < "21:00").toBe(true);
    }
    const on12 = harness.sent(an.id).find((message) => message.message_id === rows[2]!.sentMessageId)!;
    expect(on12.text!.split("\n").filter((line) => line.startsWith("• "))).toEqual([
      "• Kế hoạch đại hội: hạn 31/01/2020, đã quá hạn 41 ngày.",
      "• Dự thảo báo cáo chính trị, kiểm điểm: hạn 29/02/2020, đã quá hạn 12 ngày.",
      "• Phương án nhân sự: hạn 10/03/2020, đã quá hạn 2 ngày.",
      "• Ấn định ngày đại hội: hạn 15/03/2020 (còn 3 ngày).",
    ]);
  });
});

describe("reminders on Vietnam's public holidays", () => {
  // Cells' `held` deadline 07/05/2020 alone, reminded 7 days before: on Thursday 30/04/2020, a public
  // holiday as is Friday 01/05; Saturday 02/05 and Sunday 03/05 are the office's weekend.
  const cellDeadlines =
    "    cell: { plan: 2020-01-31, documents: 2020-02-29, personnel: 2020-03-10, scheduled: 2020-03-15, held: 2020-03-31 }\n";
  const days = ["2020-04-29", "2020-04-30", "2020-05-01", "2020-05-02", "2020-05-03", "2020-05-04", "2020-05-05"];

  /** Imports the fixture with this reminders section, runs the scheduler through `days` and returns an's reminders. */
  async function remindersOfAn(reminders: string) {
    const db = await createTestDatabase();
    let harness: BotHarness | undefined;
    try {
      const file = path.join(mkdtempSync(path.join(tmpdir(), "daihoi-public-holidays-")), "org.yaml");
      if (!fixture.includes(terms) || !fixture.includes(cellDeadlines)) throw new Error("fixture changed");
      writeFileSync(
        file,
        fixture
          .replace(cellDeadlines, "    cell: { held: 2020-05-07 }\n")
          .replace(terms, `${terms}  reminders: ${reminders}\n`),
      );
      expect((await cli(db.database, ["org", "import", file])).code).toBe(0);
      const an = await bindTelegramUser(db.database, "+84912345678");
      const clock = fixedClock("2020-04-28T17:00:00Z");
      const running = await startBotHarness(db.database, { clock });
      harness = running;
      running.emulator.registerChat({ id: an.id, type: "private", first_name: an.first_name });
      for (const day of days) {
        for (const time of ["07:00", "08:00", "12:00", "21:30"]) {
          clock.set(dayjs.tz(`${day} ${time}`, zone).toDate());
          await running.app.scheduler.tick();
          while ((await db.database.prisma.outboxMessage.count({ where: { status: "pending" } })) > 0) {
            await running.app.sender.drainOnce();
            clock.advance(1100);
          }
        }
      }
      const rows = await db.database.prisma.outboxMessage.findMany({
        where: { kind: "reminder", chatId: BigInt(an.id) },
        orderBy: { id: "asc" },
      });
      return {
        rows: rows.map((row) => ({
          day: row.dedupeKey.split(":").at(-1),
          written: dayjs(row.notBefore).tz(zone).format("YYYY-MM-DD HH:mm"),
          status: row.status,
        })),
        texts: running.sent(an.id).map((message) => message.text?.split("\n")[1]),
      };
    } finally {
      await harness?.stop();
      await db.drop();
    }
  }

  it("when a reminder falls on 30/04, then none is written on the holidays and it goes out on Monday 04/05", async () => {
    const { rows, texts } = await remindersOfAn("{ daysBefore: [7], overdueEvery: 0, daysOff: [sunday, saturday] }");
    expect(rows).toEqual([{ day: "2020-05-04", written: "2020-05-04 08:00", status: "sent" }]);
    expect(texts).toEqual(["• Tổ chức đại hội: hạn 07/05/2020 (còn 3 ngày)."]);
  });

  it("when the org file turns the public holidays off, then the reminder goes out on 30/04 itself", async () => {
    const { rows } = await remindersOfAn(
      "{ daysBefore: [7], overdueEvery: 0, daysOff: [sunday, saturday], publicHolidays: false }",
    );
    expect(rows).toEqual([{ day: "2020-04-30", written: "2020-04-30 08:00", status: "sent" }]);
  });
});
