// A reminder's button (reportStartCallback) starts the report it asks for: one press, then the date. The
// button grants nothing: each press is authorised again for whoever presses it, in a private chat only.
// Real bot, emulator over HTTP, real database; the reminder is sent from the test through the bot's API.
import type { User } from "grammy/types";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { reportStartCallback } from "../../src/bot/reporting/flow-state.js";
import { fixedClock } from "../../src/clock.js";
import { bindGroup, createGroupLinkCode } from "../../src/db/group-binding-store.js";
import type { Milestone } from "../../src/domain/levels.js";
import type { RecordedMessage } from "../../src/emulator/index.js";
import { startBotHarness, telegramUser, type BotHarness } from "../support/bot-harness.js";
import { bindTelegramUser, importFixture } from "../support/roster.js";
import { createTestDatabase, databaseFingerprint, type TestDatabase } from "../support/test-database.js";

const clock = fixedClock("2020-02-26T03:00:00Z"); // 10:00 on 26/02/2020 in Hà Nội
const stale = "Nút này đã cũ. Đồng chí dùng tin nhắn mới nhất, hoặc gõ /baocao để bắt đầu lại.";

describe("starting a report from a reminder's button", () => {
  let db: TestDatabase;
  let harness: BotHarness;
  let an: User;
  let binh: User;
  let gt07: number;

  beforeAll(async () => {
    db = await createTestDatabase();
    await importFixture(db.database, "reporting-org.yaml");
    an = await bindTelegramUser(db.database, "+84912345678");
    binh = await bindTelegramUser(db.database, "+84913222111");
    gt07 = (await db.database.prisma.unit.findFirstOrThrow({ where: { code: "GT-07" } })).id;
    harness = await startBotHarness(db.database, { clock });
    for (const user of [an, binh])
      harness.emulator.registerChat({ id: user.id, type: "private", first_name: user.first_name });
  });
  beforeEach(async () => {
    await db.database.prisma.report.deleteMany();
    await db.database.prisma.chatFlow.deleteMany();
  });
  afterAll(async () => {
    await harness?.stop();
    await db?.drop();
  });

  const ownMessages = (user: User) => harness.emulator.conversation(user.id).filter((entry) => !entry.fromBot).length;
  const presses = (user: User) =>
    harness.emulator.callbackAnswers(harness.token).filter((answer) => answer.from.id === user.id).length;

  /** A reminder as the outbox will send it: a text with a button carrying the start callback. */
  async function remind(chatId: number, data: string): Promise<RecordedMessage> {
    const sent = await harness.app.bot.api.sendMessage(chatId, "Kính gửi đồng chí: đơn vị chưa báo cáo.", {
      reply_markup: { inline_keyboard: [[{ text: "📝 Báo cáo ngay", callback_data: data }]] },
    });
    return harness.sent(chatId).find((message) => message.message_id === sent.message_id)!;
  }

  /** Presses the reminder's button when the press must be refused: the alert, and nothing written or started. */
  async function refusedPress(user: User, message: RecordedMessage): Promise<{ text?: string; show_alert?: boolean }> {
    const before = await databaseFingerprint(db.database);
    const flows = await db.database.prisma.chatFlow.findMany();
    const messages = harness.sent(message.chat.id).length;
    const answered = harness.emulator.callbackAnswers(harness.token).length;
    harness.emulator.pressButton(harness.token, { from: user, message, text: "📝 Báo cáo ngay" });
    const answer = await harness.emulator.waitFor(() => harness.emulator.callbackAnswers(harness.token)[answered]);
    await harness.app.inbox.drain();
    expect(await databaseFingerprint(db.database)).toEqual(before);
    expect(await db.database.prisma.chatFlow.findMany()).toEqual(flows);
    expect(harness.sent(message.chat.id)).toHaveLength(messages);
    return {
      ...(answer.text !== undefined && { text: answer.text }),
      ...(answer.show_alert !== undefined && { show_alert: answer.show_alert }),
    };
  }

  it("when the secretary presses the button of a reminder about the congress, then the date question comes at once and the report takes 9 interactions", async () => {
    const reminder = await remind(an.id, reportStartCallback(gt07, "held"));
    const start = { messages: ownMessages(an), presses: presses(an) };
    const askDate = await harness.press(an, reminder, "📝 Báo cáo ngay");
    expect(askDate.text).toBe(
      [
        "Chi bộ Tổ dân phố 7 — Tổ chức đại hội",
        'Đại hội đã tổ chức ngày nào? Gõ ngày/tháng/năm (ví dụ 26/02/2020), "hôm nay", "hôm qua", hoặc chọn trên lịch.',
      ].join("\n"),
    );
    const numbers = await harness.press(an, askDate, "Hôm qua (25/02)");
    expect(numbers.text?.split("\n")[0]).toBe(
      "Nhập các số, cách nhau bằng dấu cách: số chi ủy viên theo đề án, số trúng cử, số nữ, số dưới 35 tuổi, số tái cử. Ví dụ: 5 5 2 1 3",
    );
    await harness.say(an, "5 5 2 1 3");
    const direct = await harness.say(an, "2 2 0 4 0 3");
    const oneRound = await harness.press(an, direct, "Có");
    await harness.press(an, oneRound, "Có");
    await harness.say(an, "75,5 100");
    const card = await harness.say(an, "3 0 30 28");
    expect(card.text?.split("\n").slice(0, 3)).toEqual([
      "Xác nhận báo cáo — Chi bộ Tổ dân phố 7 (Đảng bộ phường Gia Thụy)",
      "Đã tổ chức đại hội: 25/02/2020",
      "Chi ủy: bầu 5/5 (đủ), nữ 2 (40,0%), dưới 35 tuổi 1 (20,0%), tái cử 3, tham gia lần đầu 2",
    ]);
    await harness.press(an, card, "✅ Xác nhận");
    const reports = await db.database.prisma.report.findMany();
    expect(
      reports.map((report) => [report.unitId, report.milestone, report.eventDate?.toISOString().slice(0, 10)]),
    ).toEqual([[gt07, "held", "2020-02-25"]]);
    // The reminder's press, the date, the numbers, two yes/no, the delegates, ✅: docs/reporting.md.
    expect(ownMessages(an) - start.messages + presses(an) - start.presses).toBe(9);
  });

  it("when a date already reported is reminded again, then the press starts a correction of it", async () => {
    const first = await harness.say(an, "/baocao lich 04/03/2020");
    await harness.press(an, first, "✅ Xác nhận");
    const reminder = await remind(an.id, reportStartCallback(gt07, "scheduled"));
    const askDate = await harness.press(an, reminder, "📝 Báo cáo ngay");
    expect(askDate.text).toBe(
      [
        "Chi bộ Tổ dân phố 7 — Ấn định ngày đại hội",
        'Đại hội được ấn định vào ngày nào? Gõ ngày/tháng/năm (ví dụ 26/02/2020), "hôm nay", "mai", hoặc chọn trên lịch.',
      ].join("\n"),
    );
    const card = await harness.press(an, askDate, "Mai (27/02)");
    expect(card.text?.split("\n").slice(1)).toEqual([
      "Ngày đại hội đã ấn định: 27/02/2020",
      "",
      "Sửa báo cáo trước (cũ → mới):",
      "• Ngày: 04/03/2020 → 27/02/2020",
    ]);
    await harness.press(an, card, "✅ Xác nhận");
    const [old, corrected] = await db.database.prisma.report.findMany({ orderBy: { id: "asc" } });
    expect(corrected!.supersedesId).toBe(old!.id);
  });

  it("when a secretary of another cell presses a button for this cell, then an alert refuses it and nothing changes", async () => {
    const reminder = await remind(binh.id, reportStartCallback(gt07, "held"));
    expect(await refusedPress(binh, reminder)).toEqual({
      text: "Đồng chí không có quyền báo cáo cho Chi bộ Tổ dân phố 7. Mỗi đồng chí chỉ báo cáo cho đơn vị mình được giao.",
      show_alert: true,
    });
  });

  it("when someone the bot does not know presses it, then an alert says they have no unit and nothing changes", async () => {
    const stranger = telegramUser({ first_name: "Khách" });
    harness.emulator.registerChat({ id: stranger.id, type: "private", first_name: stranger.first_name });
    const reminder = await remind(stranger.id, reportStartCallback(gt07, "held"));
    expect(await refusedPress(stranger, reminder)).toEqual({
      text: "Đồng chí chưa được giao đơn vị nào để báo cáo. Liên hệ Văn phòng cấp ủy để nhận mã mời.",
      show_alert: true,
    });
  });

  it.each([
    ["a unit that does not exist", "rs:999999:held"],
    ["a unit given by code", "rs:GT-07:held"],
    ["an unknown milestone", `rs:{unit}:congress`],
    ["a missing milestone", "rs:{unit}"],
  ])("when the button carries %s, then it is refused as stale and nothing changes", async (_, template) => {
    const reminder = await remind(an.id, template.replace("{unit}", String(gt07)));
    expect(await refusedPress(an, reminder)).toEqual({ text: stale, show_alert: true });
  });

  it("when the button is pressed in the unit's linked group, then it points to the private chat and nothing changes", async () => {
    const group = { id: -100_555, type: "supergroup" as const, title: "Chi bộ Tổ dân phố 7" };
    harness.emulator.registerChat(group);
    const unit = await db.database.prisma.unit.findUniqueOrThrow({ where: { id: gt07 } });
    const code = await createGroupLinkCode(db.database.prisma, {
      organizationId: unit.organizationId,
      unitId: gt07,
      expiresAt: new Date("2020-03-01T00:00:00Z"),
      createdBy: "test",
    });
    await bindGroup(db.database.prisma, {
      token: code.token,
      chatId: group.id,
      title: group.title,
      actor: "test",
      now: clock.now(),
    });
    const reminder = await remind(group.id, reportStartCallback(gt07, "held"));
    expect(await refusedPress(an, reminder)).toEqual({
      text: "Báo cáo chỉ thực hiện trong tin nhắn riêng với Trợ lý, để thông tin của đơn vị không hiện trong nhóm.",
      show_alert: true,
    });
  });

  it("when the secretary's right was removed after the reminder, then the press is refused", async () => {
    const reminder = await remind(an.id, reportStartCallback(gt07, "plan"));
    const person = await db.database.prisma.person.findFirstOrThrow({ where: { phone: "+84912345678" } });
    const roles = await db.database.prisma.roleAssignment.findMany({ where: { personId: person.id } });
    await db.database.prisma.roleAssignment.deleteMany({ where: { personId: person.id } });
    try {
      expect((await refusedPress(an, reminder)).text).toBe(
        "Đồng chí không có quyền báo cáo cho Chi bộ Tổ dân phố 7. Mỗi đồng chí chỉ báo cáo cho đơn vị mình được giao.",
      );
    } finally {
      await db.database.prisma.roleAssignment.createMany({ data: roles.map(({ id: _, ...role }) => role) });
    }
  });

  it.each(["plan", "documents", "personnel", "scheduled", "held"] as Milestone[])(
    "when the button is for %s, then the date question of that milestone comes",
    async (milestone) => {
      const askDate = await harness.press(
        an,
        await remind(an.id, reportStartCallback(gt07, milestone)),
        "📝 Báo cáo ngay",
      );
      const flow = await db.database.prisma.chatFlow.findFirstOrThrow({ where: { userId: BigInt(an.id) } });
      expect(flow.state).toMatchObject({ stage: "date", unitId: gt07, milestone, draft: null });
      expect(askDate.reply_markup!.inline_keyboard.at(-1)!.map((button) => button.text)).toEqual(["✖️ Hủy"]);
    },
  );
});
