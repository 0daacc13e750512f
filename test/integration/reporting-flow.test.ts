// /baocao as a secretary uses it: the guided flow with buttons, the one-line form, corrections, late
// reports, replays, expiry and a restart in the middle of a flow. Real bot, emulator over HTTP, real DB.
import type { User } from "grammy/types";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { fixedClock } from "../../src/clock.js";
import { defaultRateLimit } from "../../src/bot/rate-limit.js";
import { storeUpdates } from "../../src/db/update-store.js";
import { startBotHarness, type BotHarness } from "../support/bot-harness.js";
import { bindTelegramUser, importFixture } from "../support/roster.js";
import { createTestDatabase, databaseFingerprint, type TestDatabase } from "../support/test-database.js";

const clock = fixedClock("2020-02-26T03:00:00Z"); // 10:00 on 26/02/2020 in Hà Nội

describe("reporting", () => {
  let db: TestDatabase;
  let harness: BotHarness;
  let an: User;

  beforeAll(async () => {
    db = await createTestDatabase();
    await importFixture(db.database, "reporting-org.yaml");
    an = await bindTelegramUser(db.database, "+84912345678");
    harness = await startBotHarness(db.database, { clock });
  });
  beforeEach(async () => {
    clock.set("2020-02-26T03:00:00Z");
    await db.database.prisma.report.deleteMany();
    await db.database.prisma.chatFlow.deleteMany();
    await db.database.prisma.auditLog.deleteMany({ where: { action: { startsWith: "report." } } });
  });
  afterAll(async () => {
    await harness?.stop();
    await db?.drop();
  });

  const reports = () =>
    db.database.prisma.report.findMany({ orderBy: { id: "asc" }, include: { unit: { select: { code: true } } } });

  it("when a cell secretary reports a congress held through the buttons, then the card shows the results and confirming saves one event", async () => {
    const milestones = await harness.say(an, "/baocao");
    expect(milestones.text).toBe("Chi bộ Tổ dân phố 7: đồng chí báo cáo nội dung nào?");
    expect(milestones.reply_markup?.inline_keyboard.map((row) => row.map((button) => button.text))).toEqual([
      ["Kế hoạch đại hội"],
      ["Dự thảo báo cáo chính trị, kiểm điểm"],
      ["Phương án nhân sự"],
      ["Ấn định ngày đại hội"],
      ["Tổ chức đại hội"],
      ["✖️ Hủy"],
    ]);
    const askDate = await harness.press(an, milestones, "Tổ chức đại hội");
    expect(askDate.text).toBe(
      'Đại hội đã tổ chức ngày nào? Gõ ngày/tháng/năm (ví dụ 26/02/2020), "hôm nay", "mai", hoặc chọn trên lịch.',
    );
    expect(askDate.reply_markup?.inline_keyboard[0]!.map((button) => button.text)).toEqual(["‹", "Tháng 2/2020", "›"]);
    const planned = await harness.press(an, askDate, "25");
    expect(planned.text).toBe("Số ủy viên Ban chấp hành theo đề án được duyệt? (từ 1 đến 99)");
    expect((await harness.say(an, "5")).text).toBe("Số ủy viên Ban chấp hành trúng cử? (từ 1 đến 5)");
    expect((await harness.say(an, "5")).text).toBe("Trong số ủy viên trúng cử, bao nhiêu đồng chí nữ? (từ 0 đến 5)");
    expect((await harness.say(an, "6")).text).toBe('"6" không phải số hợp lệ. Nhập một số từ 0 đến 5, ví dụ 5.');
    expect((await harness.say(an, "2")).text).toBe("Bao nhiêu đồng chí dưới 35 tuổi? (từ 0 đến 5)");
    expect((await harness.say(an, "1")).text).toBe("Bao nhiêu đồng chí tái cử? (từ 0 đến 5)");
    const direct = await harness.say(an, "3");
    expect(direct.text).toBe("Bí thư có được bầu trực tiếp tại đại hội không?");
    const oneRound = await harness.press(an, direct, "Có");
    expect(oneRound.text).toBe("Ban chấp hành có được bầu đủ ngay trong một lần bỏ phiếu không?");
    const delegates = await harness.press(an, oneRound, "Có");
    expect(delegates.text).toBe("Số đại biểu được bầu đi dự đại hội cấp trên? (từ 0 đến 999)");
    const summoned = await harness.press(an, delegates, "Bỏ qua");
    const card = await harness.press(an, summoned, "Bỏ qua");
    expect(card.text).toBe(
      [
        "Xác nhận báo cáo — Chi bộ Tổ dân phố 7 (Đảng bộ phường Gia Thụy)",
        "Đã tổ chức đại hội: 25/02/2020",
        "Ban chấp hành: bầu 5/5 (đủ), nữ 2 (40%), dưới 35 tuổi 1 (20%), tái cử 3, tham gia lần đầu 2",
        "Bí thư bầu trực tiếp tại đại hội: có",
        "Bầu đủ trong một lần: có",
      ].join("\n"),
    );
    expect(card.reply_markup?.inline_keyboard[0]!.map((button) => button.text)).toEqual(["✅ Xác nhận", "✏️ Sửa", "✖️ Hủy"]);
    expect(await reports()).toHaveLength(0);

    const saved = await harness.press(an, card, "✅ Xác nhận");
    expect(saved.text).toBe(
      [
        "Đã lưu báo cáo. Tình hình của đơn vị:",
        "Chi bộ Tổ dân phố 7 (Đảng bộ phường Gia Thụy) — nhiệm kỳ 2020-2022",
        "⚠️ Kế hoạch đại hội — quá hạn 26 ngày (hạn 31/01/2020)",
        "⏳ Dự thảo báo cáo chính trị, kiểm điểm — hạn 29/02/2020 (còn 3 ngày)",
        "⏳ Phương án nhân sự — hạn 10/03/2020 (còn 13 ngày)",
        "⏳ Ấn định ngày đại hội — hạn 15/03/2020 (còn 18 ngày)",
        "✅ Tổ chức đại hội — 25/02/2020",
      ].join("\n"),
    );
    const edited = harness.sent(an.id).find((message) => message.message_id === card.message_id)!;
    expect(edited.text).toBe(`${card.text}\n\n✅ Đã lưu.`);
    expect(edited.reply_markup?.inline_keyboard[0]!.map((button) => button.text)).toEqual(["✏️ Sửa"]);
    const stored = await reports();
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({
      milestone: "held",
      late: false,
      onBehalf: false,
      source: "telegram",
      unit: { code: "GT-07" },
      payload: {
        results: {
          committeePlanned: 5,
          committeeElected: 5,
          women: 2,
          underThirtyFive: 1,
          reElected: 3,
          secretaryDirect: true,
          oneRound: true,
          standingElected: null,
          delegates: null,
          summoned: null,
          present: null,
          note: null,
        },
      },
    });
    expect(stored[0]!.eventDate?.toISOString().slice(0, 10)).toBe("2020-02-25");
    expect(stored[0]!.telegramUpdateId).not.toBeNull();
  });

  it("when each other milestone is reported through buttons and typed dates, then each is saved with its date", async () => {
    const cases: [string, (prompt: Awaited<ReturnType<BotHarness["say"]>>) => Promise<Awaited<ReturnType<BotHarness["say"]>>>, string][] = [
      ["Kế hoạch đại hội", (prompt) => harness.press(an, prompt, "Hôm nay (26/02)"), "2020-02-26"],
      ["Dự thảo báo cáo chính trị, kiểm điểm", () => harness.say(an, "hôm qua"), "2020-02-25"],
      ["Phương án nhân sự", () => harness.say(an, "20/2"), "2020-02-20"],
      ["Ấn định ngày đại hội", () => harness.say(an, "04/03/2020"), "2020-03-04"],
    ];
    for (const [label, answerDate, date] of cases) {
      const milestones = await harness.say(an, "/baocao");
      const prompt = await harness.press(an, milestones, label);
      const card = await answerDate(prompt);
      expect(card.text?.split("\n")[0]).toBe("Xác nhận báo cáo — Chi bộ Tổ dân phố 7 (Đảng bộ phường Gia Thụy)");
      await harness.press(an, card, "✅ Xác nhận");
      expect((await reports()).at(-1)!.eventDate?.toISOString().slice(0, 10)).toBe(date);
    }
    expect((await reports()).map((report) => report.milestone)).toEqual(["plan", "documents", "personnel", "scheduled"]);
    const milestones = await harness.say(an, "/baocao");
    expect(milestones.reply_markup?.inline_keyboard.slice(0, 5).map((row) => row[0]!.text)).toEqual([
      "✅ Kế hoạch đại hội",
      "✅ Dự thảo báo cáo chính trị, kiểm điểm",
      "✅ Phương án nhân sự",
      "✅ Ấn định ngày đại hội",
      "Tổ chức đại hội",
    ]);
  });

  it("when each milestone is reported in one line, then the same cards appear and confirming saves them", async () => {
    const lines: [string, string][] = [
      ["/baocao kehoach", "Kế hoạch đại hội: ban hành ngày 26/02/2020"],
      ["/baocao vankien 20/02/2020", "Dự thảo báo cáo chính trị, kiểm điểm: hoàn thành ngày 20/02/2020"],
      ["/baocao nhansu hôm qua", "Phương án nhân sự: được cấp trên phê duyệt ngày 25/02/2020"],
      ["/baocao lich 15/03/2020", "Ngày đại hội đã ấn định: 15/03/2020"],
      ["/report held 25/02/2020 bch=5/5 nu=2 tre=1 taicu=3 bttructiep=co", "Đã tổ chức đại hội: 25/02/2020"],
    ];
    for (const [line, expected] of lines) {
      const card = await harness.say(an, line);
      expect(card.text?.split("\n")[1]).toBe(expected);
      await harness.press(an, card, "✅ Xác nhận");
    }
    expect((await reports()).map((report) => report.milestone)).toEqual(["plan", "documents", "personnel", "scheduled", "held"]);
  });

  it("when a held report is corrected, then the card shows old → new and a new event supersedes the old one", async () => {
    const first = await harness.say(an, "/baocao daihoi 25/02/2020 bch=5/5 nu=2 tre=1 taicu=3");
    await harness.press(an, first, "✅ Xác nhận");
    const card = await harness.say(an, "/baocao daihoi 25/02/2020 bch=5/5 nu=3 tre=1 taicu=3");
    expect(card.text?.split("\n").slice(-2)).toEqual(["Sửa báo cáo trước (cũ → mới):", "• Số nữ: 2 → 3"]);
    await harness.press(an, card, "✅ Xác nhận");
    const [old, corrected] = await reports();
    expect(corrected!.supersedesId).toBe(old!.id);
    expect((corrected!.payload as { results: { women: number } }).results.women).toBe(3);
    const audit = await db.database.prisma.auditLog.findMany({ where: { action: { startsWith: "report." } }, orderBy: { id: "asc" } });
    expect(audit.map((entry) => entry.action)).toEqual(["report.create", "report.correct"]);
    expect(audit[1]!.details).toMatchObject({ before: { reportId: old!.id }, after: { eventDate: "2020-02-25" } });

    // "Sửa" on the saved card starts the correction of the same milestone.
    const savedCard = harness.sent(an.id).find((message) => message.message_id === card.message_id)!;
    const askDate = await harness.press(an, savedCard, "✏️ Sửa");
    expect(askDate.text?.startsWith("Đại hội đã tổ chức ngày nào?")).toBe(true);
  });

  it("when a milestone is reported after its deadline, then it is accepted and marked late", async () => {
    clock.set("2020-03-20T03:00:00Z");
    const card = await harness.say(an, "/baocao lich 25/03/2020");
    expect(card.text?.split("\n").at(-1)).toBe("Báo cáo sau hạn 15/03/2020: vẫn được ghi nhận, đánh dấu muộn.");
    const saved = await harness.press(an, card, "✅ Xác nhận");
    expect(saved.text).toContain("✅ Ấn định ngày đại hội — 25/03/2020 (báo cáo muộn)");
    expect((await reports())[0]!.late).toBe(true);
  });

  it("when the confirmation is delivered twice, then one event is stored", async () => {
    const card = await harness.say(an, "/baocao kehoach");
    const before = harness.sent(an.id).length;
    const update = harness.emulator.pressButton(harness.token, { from: an, message: card, text: "✅ Xác nhận" });
    await harness.emulator.waitForBotMessages(an.id, before + 1);
    await harness.app.inbox.drain();
    await storeUpdates(db.database.prisma, [{ ...update, update_id: update.update_id }]);
    await db.database.prisma.telegramUpdate.update({ where: { updateId: BigInt(update.update_id) }, data: { processedAt: null } });
    await harness.app.inbox.drain();
    expect(await reports()).toHaveLength(1);
  });

  it("when a flow is left for more than 30 minutes, then resuming it says it expired and saves nothing", async () => {
    const milestones = await harness.say(an, "/baocao");
    const askDate = await harness.press(an, milestones, "Kế hoạch đại hội");
    clock.advance(31 * 60_000);
    const expired = await harness.say(an, "hôm nay");
    expect(expired.text).toBe("Phiên báo cáo đã hết hạn (quá 30 phút không thao tác), chưa có gì được ghi. Gõ /baocao để bắt đầu lại.");
    const answered = harness.emulator.callbackAnswers(harness.token).length;
    harness.emulator.pressButton(harness.token, { from: an, message: askDate, text: "Hôm nay (26/02)" });
    const answer = await harness.emulator.waitFor(() => harness.emulator.callbackAnswers(harness.token)[answered]);
    expect(answer.text).toBe("Nút này đã cũ. Đồng chí dùng tin nhắn mới nhất, hoặc gõ /baocao để bắt đầu lại.");
    expect(await reports()).toHaveLength(0);
  });

  it("when cancelled, then nothing is saved", async () => {
    const card = await harness.say(an, "/baocao kehoach");
    const cancelled = await harness.press(an, card, "✖️ Hủy");
    expect(cancelled.text).toBe("Đã hủy báo cáo; không có gì được ghi.");
    expect(await reports()).toHaveLength(0);
  });

  it("when the bot restarts in the middle of a flow, then the flow continues where it was", async () => {
    const milestones = await harness.say(an, "/baocao");
    const askDate = await harness.press(an, milestones, "Phương án nhân sự");
    await harness.app.stop();
    const restarted = await startBotHarness(db.database, { clock, emulator: harness.emulator });
    try {
      const card = await restarted.press(an, askDate, "Hôm nay (26/02)");
      await restarted.press(an, card, "✅ Xác nhận");
      expect((await reports()).map((report) => report.milestone)).toEqual(["personnel"]);
    } finally {
      await restarted.stop();
      harness = await startBotHarness(db.database, { clock, emulator: harness.emulator });
    }
  });

  it("when /baocao is used in a group, then it points to the private chat and shows nothing of the unit", async () => {
    const group = { id: -100777, type: "supergroup" as const, title: "BTV" };
    harness.emulator.registerChat(group);
    const before = await databaseFingerprint(db.database);
    const reply = await harness.say(an, "/baocao daihoi 25/02/2020 bch=5/5 nu=2 tre=1 taicu=3", group);
    expect(reply.text).toBe("Báo cáo chỉ thực hiện trong tin nhắn riêng với Trợ lý, để thông tin của đơn vị không hiện trong nhóm.");
    expect(await databaseFingerprint(db.database)).toEqual(before);
  });

  it("when someone floods the bot, then it says so once and ignores the rest for a while", async () => {
    const flooder = await bindTelegramUser(db.database, "+84913222111");
    await harness.app.stop();
    const guarded = await startBotHarness(db.database, { clock, emulator: harness.emulator, rateLimit: defaultRateLimit });
    try {
      for (let index = 0; index < 40; index++) harness.emulator.sendMessage(harness.token, { from: flooder, text: "/trogiup" });
      await harness.emulator.waitFor(() => harness.emulator.pendingUpdates(harness.token).length === 0);
      await guarded.app.inbox.drain();
    } finally {
      await guarded.stop();
      harness = await startBotHarness(db.database, { clock, emulator: harness.emulator });
    }
    const texts = harness.sent(flooder.id).map((message) => message.text);
    expect(texts.filter((text) => text?.startsWith("Trợ lý Đại hội — hướng dẫn"))).toHaveLength(defaultRateLimit.limit);
    expect(texts.filter((text) => text === "Đồng chí gửi quá nhiều tin nhắn trong thời gian ngắn. Vui lòng đợi một phút rồi thử lại.")).toHaveLength(1);
  });
});
