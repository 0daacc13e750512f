// Two weeks of March 2020 on the clock: the exact reminders each secretary and working-group leader
// gets, day by day, through the outbox and the sender over HTTP. None in quiet hours or on Sundays,
// none to a unit that already reported, none twice.
import type { User } from "grammy/types";
import dayjs from "dayjs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fixedClock } from "../../src/clock.js";
import { startBotHarness, type BotHarness } from "../support/bot-harness.js";
import { bindTelegramUser, importFixture, recordReport } from "../support/roster.js";
import { createTestDatabase, type TestDatabase } from "../support/test-database.js";

const clock = fixedClock("2020-02-29T17:00:00Z"); // 00:00 on 01/03/2020 in Hà Nội

describe("reminders over two weeks", () => {
  let db: TestDatabase;
  let harness: BotHarness;
  let an: User; // secretary of the cell GT-07, reports nothing
  let dung: User; // secretary of the committee NT, reported its plan
  let ha: User; // leader of the working group following GT
  const byDay = new Map<string, Map<number, number>>();

  beforeAll(async () => {
    db = await createTestDatabase();
    await importFixture(db.database, "reporting-org.yaml");
    an = await bindTelegramUser(db.database, "+84912345678");
    dung = await bindTelegramUser(db.database, "+84904333444");
    ha = await bindTelegramUser(db.database, "+84905555666");
    await recordReport(db.database, { unit: "NT", milestone: "plan", eventDate: "2020-02-10", recordedAt: new Date("2020-02-10T03:00:00Z") });
    harness = await startBotHarness(db.database, { clock });
    for (const user of [an, dung, ha]) harness.emulator.registerChat({ id: user.id, type: "private", first_name: user.first_name });

    // Every two hours for 15 days: the scheduler plans, the sender drains (a second apart, as Telegram allows).
    for (let hour = 0; hour < 15 * 24; hour += 2) {
      clock.set(dayjs("2020-02-29T17:00:00Z").add(hour, "hour").toDate());
      await harness.app.scheduler.tick();
      for (let round = 0; round < 5; round++) {
        const { claimed } = await harness.app.sender.drainOnce();
        clock.advance(1100);
        if (claimed === 0) break;
      }
      const day = dayjs(clock.now()).tz("Asia/Ho_Chi_Minh").format("DD/MM");
      for (const user of [an, dung, ha]) {
        const counts = byDay.get(day) ?? new Map<number, number>();
        counts.set(user.id, harness.sent(user.id).length);
        byDay.set(day, counts);
      }
    }
  }, 120_000);
  afterAll(async () => {
    await harness?.stop();
    await db?.drop();
  });

  /** Messages received on each day, from the running totals. */
  function perDay(user: User): Record<string, number> {
    const result: Record<string, number> = {};
    let previous = 0;
    for (const [day, counts] of byDay) {
      const total = counts.get(user.id) ?? 0;
      if (total > previous) result[day] = (result[day] ?? 0) + total - previous;
      previous = total;
    }
    return result;
  }

  it("when a cell reports nothing, then its secretary gets each milestone's reminders on its days, Sundays postponed", async () => {
    expect(perDay(an)).toEqual({
      "02/03": 2, // plan (overdue, day 01/03 was a Sunday) and documents (deadline 29/02, a Saturday... sent Monday)
      "03/03": 2, // documents +3, personnel D-7
      "04/03": 1, // plan
      "06/03": 1, // documents
      "07/03": 2, // plan, personnel D-3
      "09/03": 3, // documents, personnel D-1, scheduled D-7 (08/03 was a Sunday)
      "10/03": 2, // plan, personnel on the day
      "12/03": 2, // documents, scheduled D-3
      "13/03": 2, // plan, personnel +3
      "14/03": 1, // scheduled D-1
    });
    const first = harness.sent(an.id)[0]!;
    expect(first.text?.split("\n")[0]).toBe("Kính gửi đồng chí Nguyễn Văn An, Bí thư Chi bộ Tổ dân phố 7 (Đảng bộ phường Gia Thụy).");
    expect(harness.sent(an.id).map((message) => message.text!.split("\n")[1])).toContain(
      "Phương án nhân sự: hạn 10/03/2020 (hôm nay là hạn cuối). Đơn vị chưa báo cáo.",
    );
  });

  it("when a unit has reported a milestone, then its secretary gets no reminder for it", () => {
    expect(perDay(dung)).toEqual({});
  });

  it("when a working group's units lag, then its leader gets one list each working day", () => {
    const days = perDay(ha);
    expect(Object.keys(days)).toEqual(["02/03", "03/03", "04/03", "05/03", "06/03", "07/03", "09/03", "10/03", "11/03", "12/03", "13/03", "14/03"]);
    expect(Object.values(days).every((count) => count === 1)).toBe(true);
    expect(harness.sent(ha.id)[0]!.text?.split("\n")).toEqual([
      "Tổ công tác số 1 — việc cần đôn đốc hôm nay (02/03/2020):",
      "• Đảng bộ phường Gia Thụy: Kế hoạch đại hội quá hạn 16 ngày — Bí thư Lê Văn Cường, 0904 111 222",
      "• Chi bộ Tổ dân phố 7, Đảng bộ phường Gia Thụy: Kế hoạch đại hội quá hạn 31 ngày — Bí thư Nguyễn Văn An, 0912 345 678",
      "• Chi bộ Tổ dân phố 12, Đảng bộ phường Gia Thụy: Kế hoạch đại hội quá hạn 31 ngày — Bí thư Trần Thị Bình, 0913 222 111",
    ]);
  });

  it("when reminders are written, then it is always between 08:00 and 21:00 on a working day, and each once", async () => {
    const rows = await db.database.prisma.outboxMessage.findMany({ where: { kind: { in: ["reminder", "group-reminder"] } } });
    expect(rows).toHaveLength(18 + 12);
    for (const row of rows) {
      const local = dayjs(row.notBefore).tz("Asia/Ho_Chi_Minh");
      expect(local.hour()).toBeGreaterThanOrEqual(8);
      expect(local.hour()).toBeLessThan(21);
      expect(local.day()).not.toBe(0);
      expect(row.status).toBe("sent");
    }
  });
});
