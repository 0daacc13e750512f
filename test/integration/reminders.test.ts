// Reminders as people receive them, through the outbox and the sender over HTTP: two weeks of March 2020
// on the clock (at most one message a day per person, everything due in it, only on days a reminder day
// is new, none on Sundays or in quiet hours, none for what is reported); then one person at a time: a
// reminder that waits while its reader is filling in a report, a newcomer's backlog at the next window,
// and a reminder's button that starts the report it asks for.
import type { User } from "grammy/types";
import dayjs from "dayjs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fixedClock } from "../../src/clock.js";
import { bindByPhone } from "../../src/db/binding-store.js";
import type { RecordedMessage } from "../../src/emulator/index.js";
import { startBotHarness, type BotHarness } from "../support/bot-harness.js";
import { bindTelegramUser, importFixture, recordReport } from "../support/roster.js";
import { createTestDatabase, type TestDatabase } from "../support/test-database.js";

const zone = "Asia/Ho_Chi_Minh";
const at = (local: string) => dayjs.tz(local, "YYYY-MM-DD HH:mm", zone).toDate();

describe("reminders over two weeks", () => {
  const clock = fixedClock("2020-02-29T17:00:00Z"); // 00:00 on 01/03/2020 in Hà Nội
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
    await recordReport(db.database, {
      unit: "NT",
      milestone: "plan",
      eventDate: "2020-02-10",
      recordedAt: new Date("2020-02-10T03:00:00Z"),
    });
    harness = await startBotHarness(db.database, { clock });
    for (const user of [an, dung, ha])
      harness.emulator.registerChat({ id: user.id, type: "private", first_name: user.first_name });

    // Every two hours for 15 days: the scheduler plans, the sender drains (a second apart, as Telegram allows).
    for (let hour = 0; hour < 15 * 24; hour += 2) {
      clock.set(dayjs("2020-02-29T17:00:00Z").add(hour, "hour").toDate());
      await harness.app.scheduler.tick();
      for (let round = 0; round < 5; round++) {
        const { claimed } = await harness.app.sender.drainOnce();
        clock.advance(1100);
        if (claimed === 0) break;
      }
      const day = dayjs(clock.now()).tz(zone).format("DD/MM");
      for (const user of [an, dung, ha]) {
        const counts = byDay.get(day) ?? new Map<number, number>();
        counts.set(user.id, harness.sent(user.id).length);
        byDay.set(day, counts);
      }
    }
  });
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

  it("when a cell reports nothing, then its secretary gets one message on each day a reminder day is new, Sundays postponed", () => {
    // Cells: plan 31/01, documents 29/02, personnel 10/03, the date 15/03. Reminder days: 7, 3, 1 days
    // before and on the deadline, then every 3 days. 01/03 and 08/03 are Sundays.
    expect(perDay(an)).toEqual({
      "02/03": 1, // plan (overdue, last reminder day 01/03) and documents (its deadline day, a Saturday before)
      "03/03": 1, // documents +3, personnel D-7
      "04/03": 1, // plan +33
      "06/03": 1, // documents +6
      "07/03": 1, // plan +36, personnel D-3
      "09/03": 1, // documents +9, personnel D-1, the date D-7 (08/03, a Sunday)
      "10/03": 1, // plan +39, personnel on the day
      "12/03": 1, // documents +12, the date D-3
      "13/03": 1, // plan +42, personnel +3
      "14/03": 1, // the date D-1
    });
    const tenth = harness.sent(an.id)[6]!;
    expect(tenth.text).toBe(
      [
        "Kính gửi đồng chí Nguyễn Văn An, Bí thư Chi bộ Tổ dân phố 7 (phường Gia Thụy).",
        "• Kế hoạch đại hội: hạn 31/01/2020, đã quá hạn 39 ngày.",
        "• Dự thảo báo cáo chính trị, kiểm điểm: hạn 29/02/2020, đã quá hạn 10 ngày.",
        "• Phương án nhân sự: hạn 10/03/2020, hôm nay là hạn cuối.",
        "• Ấn định ngày đại hội: hạn 15/03/2020 (còn 5 ngày).",
        "Đơn vị chưa báo cáo các nội dung trên. Bấm nút bên dưới để báo cáo ngay, hoặc /khokhan để báo khó khăn với Tổ công tác.",
      ].join("\n"),
    );
    // A button per milestone starts its report (tested below).
    expect(tenth.reply_markup?.inline_keyboard.map((row) => row.map((button) => button.text))).toEqual([
      ["📝 Kế hoạch đại hội"],
      ["📝 Dự thảo báo cáo chính trị, kiểm điểm"],
      ["📝 Phương án nhân sự"],
      ["📝 Ấn định ngày đại hội"],
    ]);
  });

  it("when a unit has reported a milestone, then its secretary gets no reminder for it", () => {
    expect(perDay(dung)).toEqual({});
  });

  it("when a working group's units lag, then its leader gets one list each working day, the most urgent first", () => {
    const days = perDay(ha);
    expect(Object.keys(days)).toEqual([
      "02/03",
      "03/03",
      "04/03",
      "05/03",
      "06/03",
      "07/03",
      "09/03",
      "10/03",
      "11/03",
      "12/03",
      "13/03",
      "14/03",
    ]);
    expect(Object.values(days).every((count) => count === 1)).toBe(true);
    expect(harness.sent(ha.id)[0]!.text?.split("\n")).toEqual([
      "Tổ công tác số 1 — việc cần đôn đốc hôm nay (02/03/2020)",
      "1 tổ chức cơ sở đảng: 0 đã đại hội, 0 đúng tiến độ, 1 chậm",
      "2 chi bộ: 0 đã đại hội, 0 đúng tiến độ, 2 chậm",
      "",
      "Đảng bộ phường Gia Thụy (0/2 chi bộ đã đại hội):",
      "• Chi bộ Tổ dân phố 7: Kế hoạch đại hội quá hạn 31 ngày; Dự thảo báo cáo chính trị, kiểm điểm quá hạn 2 ngày — Bí thư Nguyễn Văn An, 0912 345 678",
      "• Chi bộ Tổ dân phố 12: Kế hoạch đại hội quá hạn 31 ngày; Dự thảo báo cáo chính trị, kiểm điểm quá hạn 2 ngày — Bí thư Trần Thị Bình, 0913 222 111",
      "• Đảng bộ phường Gia Thụy: Kế hoạch đại hội quá hạn 16 ngày — Bí thư Lê Văn Cường, 0904 111 222",
    ]);
    // From 12/03 the ward's pilot congress (planned 11/03) is past with no report: it comes before overdue plans.
    const twelfth = harness.sent(ha.id)[9]!.text!.split("\n");
    expect(twelfth[0]).toBe("Tổ công tác số 1 — việc cần đôn đốc hôm nay (12/03/2020)");
    expect(twelfth[5]).toBe(
      "• Đảng bộ phường Gia Thụy: đại hội điểm dự kiến 11/03, chưa báo cáo; Kế hoạch đại hội quá hạn 26 ngày — Bí thư Lê Văn Cường, 0904 111 222",
    );
  });

  it("when reminders are written, then it is always between 08:00 and 21:00 on a working day, at most one a day per person", async () => {
    const rows = await db.database.prisma.outboxMessage.findMany({
      where: { kind: { in: ["reminder", "group-reminder"] } },
    });
    expect(rows).toHaveLength(10 + 12);
    const perPersonDay = new Set<string>();
    for (const row of rows) {
      const local = dayjs(row.notBefore).tz(zone);
      expect(local.hour()).toBeGreaterThanOrEqual(8);
      expect(local.hour()).toBeLessThan(21);
      expect(local.day()).not.toBe(0);
      expect(row.status).toBe("sent");
      const key = `${row.chatId}:${local.format("YYYY-MM-DD")}`;
      expect(perPersonDay.has(key), key).toBe(false);
      perPersonDay.add(key);
    }
  });
});

describe("reminders to one person", () => {
  const clock = fixedClock(at("2020-03-09 07:00"));
  let db: TestDatabase;
  let harness: BotHarness;
  let an: User;

  beforeAll(async () => {
    db = await createTestDatabase();
    await importFixture(db.database, "reporting-org.yaml");
    an = await bindTelegramUser(db.database, "+84912345678");
    harness = await startBotHarness(db.database, { clock });
    harness.emulator.registerChat({ id: an.id, type: "private", first_name: an.first_name });
  });
  afterAll(async () => {
    await harness?.stop();
    await db?.drop();
  });

  /** One scheduler tick at a local time, and the sender drained. */
  async function tickAt(local: string): Promise<void> {
    clock.set(at(local));
    await harness.app.scheduler.tick();
    while ((await harness.app.sender.drainOnce()).claimed > 0) clock.advance(1100);
  }
  const reminders = () => harness.sent(an.id).filter((message) => message.text?.startsWith("Kính gửi"));

  it("when the secretary is filling in a report at the reminder time, then the reminder waits for the report and leaves out what was reported", async () => {
    // 07:59: /baocao, then the plan, with its date still to give.
    clock.set(at("2020-03-09 07:59"));
    const milestones = await harness.say(an, "/baocao");
    const askDate = await harness.press(an, milestones, "Kế hoạch đại hội");
    expect(askDate.text).toContain("Kế hoạch đại hội được ban hành ngày nào?");
    await tickAt("2020-03-09 08:00");
    await tickAt("2020-03-09 08:05");
    expect(reminders()).toEqual([]);
    // 08:10: the report is confirmed; the next tick sends the day's reminder, without the plan.
    clock.set(at("2020-03-09 08:10"));
    const card = await harness.say(an, "20/01/2020");
    await harness.press(an, card, "✅ Xác nhận");
    // The press is handled to its end (the flow is closed after the answer is sent).
    await harness.app.inbox.drain();
    await tickAt("2020-03-09 08:11");
    const [reminder, ...rest] = reminders();
    expect(rest).toEqual([]);
    expect(reminder!.text).not.toContain("Kế hoạch đại hội");
    expect(reminder!.text).toContain("• Dự thảo báo cáo chính trị, kiểm điểm: hạn 29/02/2020, đã quá hạn 9 ngày.");
  });

  it("when a person joins after the reminder time, then nothing comes that day and their backlog comes as one message the next working morning", async () => {
    const binh = { id: 700_900_001, is_bot: false as const, first_name: "Bình", language_code: "vi" };
    harness.emulator.registerChat({ id: binh.id, type: "private", first_name: binh.first_name });
    const outcome = await bindByPhone(
      db.database.prisma,
      "+84913222111",
      { id: binh.id, locale: "vi" },
      at("2020-03-09 10:00"),
    );
    expect(outcome.status).toBe("bound");
    await tickAt("2020-03-09 10:01");
    await tickAt("2020-03-09 16:00");
    expect(harness.sent(binh.id)).toEqual([]);
    await tickAt("2020-03-10 08:00");
    const [backlog, ...more] = harness.sent(binh.id);
    expect(more).toEqual([]);
    expect(backlog!.text!.split("\n").filter((line) => line.startsWith("• "))).toEqual([
      "• Kế hoạch đại hội: hạn 31/01/2020, đã quá hạn 39 ngày.",
      "• Dự thảo báo cáo chính trị, kiểm điểm: hạn 29/02/2020, đã quá hạn 10 ngày.",
      "• Phương án nhân sự: hạn 10/03/2020, hôm nay là hạn cuối.",
      "• Ấn định ngày đại hội: hạn 15/03/2020 (còn 5 ngày).",
    ]);
  });

  it("when the secretary presses a reminder's button, then the report of that milestone starts at its date", async () => {
    await tickAt("2020-03-10 08:00");
    const reminder: RecordedMessage = reminders().at(-1)!;
    const askDate = await harness.press(an, reminder, "📝 Phương án nhân sự");
    expect(askDate.text).toContain("Phương án nhân sự");
    expect(askDate.text).toContain("ngày nào");
  });
});
