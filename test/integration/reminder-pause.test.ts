// /hoan (/postpone) and /tieptuc (/resume): pausing reminders for a unit whose congress is officially
// postponed. What users see, what the database holds, and what the scheduler then sends: no reminder to
// the unit's secretary, the unit with its reason in the working group's daily list and in /trangthai.
// Only working-group leaders, standing-committee members and admins may pause; a secretary is told who can.
import type { User } from "grammy/types";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fixedClock } from "../../src/clock.js";
import { startBotHarness, telegramUser, type BotHarness } from "../support/bot-harness.js";
import { bindTelegramUser, importFixture } from "../support/roster.js";
import { createTestDatabase, databaseFingerprint, type TestDatabase } from "../support/test-database.js";

const clock = fixedClock("2020-03-02T00:30:00Z"); // 07:30 on Monday 02/03/2020 in Hà Nội
const reason = "Hoãn theo Công văn số 15-CV/ĐU ngày 28/02/2020, chờ kiện toàn cấp ủy";
const example = "Ví dụ: /hoan GT-07 Hoãn theo Công văn số 15-CV/ĐU, chờ kiện toàn cấp ủy";
const gt07 = "Chi bộ Tổ dân phố 7 (Đảng bộ phường Gia Thụy)";
const onlyLeadersMayPause =
  "Chỉ Tổ trưởng Tổ công tác, Ủy viên Ban Thường vụ hoặc cán bộ quản trị mới tạm dừng nhắc việc cho đơn vị.";
const askGroupOfGt07 = `Đề nghị đồng chí báo Tổ công tác phụ trách ${gt07} (mã GT-07): Tổ công tác số 1 — Tổ trưởng Hoàng Thu Hà, 0905 555 666.`;
const notInScope = [
  `${gt07} (mã GT-07) không thuộc phạm vi đồng chí theo dõi, nên đồng chí không tạm dừng hay nhắc lại việc cho đơn vị này được.`,
  "Việc này do Tổ trưởng Tổ công tác theo dõi đơn vị, Ủy viên Ban Thường vụ hoặc cán bộ quản trị của đơn vị hay cấp trên thực hiện.",
];

describe("pausing reminders for a postponed unit", () => {
  let db: TestDatabase;
  let harness: BotHarness;
  // An: secretary of GT-07; Bình: secretary of GT-12 (a sibling); Hà: leader of the working group
  // following GT (and on the standing committee); Minh: on the standing committee, leader of the group
  // following NT; Lan: admin of the district; Dũng: secretary of NT made its admin here, so an admin whose
  // unit does not hold GT-07; Nga: secretary of KB (no working group follows it), reading English.
  let an: User, binh: User, ha: User, minh: User, lan: User, dung: User, nga: User;

  const prisma = () => db.database.prisma;
  const pauses = () =>
    prisma().reminderPause.findMany({ orderBy: { id: "asc" }, include: { pausedBy: true, resumedBy: true } });

  /** Plans what is due now and delivers all of it (a second apart per chat, as Telegram allows). */
  async function tickAndDeliver(): Promise<void> {
    await harness.app.scheduler.tick();
    while ((await prisma().outboxMessage.count({ where: { status: "pending" } })) > 0) {
      await harness.app.sender.drainOnce();
      clock.advance(1100);
    }
  }

  beforeAll(async () => {
    db = await createTestDatabase();
    await importFixture(db.database, "reporting-org.yaml");
    an = await bindTelegramUser(db.database, "+84912345678");
    binh = await bindTelegramUser(db.database, "+84913222111");
    ha = await bindTelegramUser(db.database, "+84905555666");
    minh = await bindTelegramUser(db.database, "+84907999000");
    lan = await bindTelegramUser(db.database, "+84906777888");
    dung = await bindTelegramUser(db.database, "+84904333444");
    nga = await bindTelegramUser(db.database, "+84908123456");
    const dungPerson = await prisma().person.findFirstOrThrow({ where: { phone: "+84904333444" } });
    const nt = await prisma().unit.findFirstOrThrow({ where: { code: "NT" } });
    await prisma().roleAssignment.create({ data: { personId: dungPerson.id, unitId: nt.id, role: "admin" } });
    await prisma().person.updateMany({ where: { phone: "+84908123456" }, data: { locale: "en" } });
    harness = await startBotHarness(db.database, { clock });
    for (const user of [an, binh, ha, minh, lan, dung, nga])
      harness.emulator.registerChat({ id: user.id, type: "private", first_name: user.first_name });
  });
  afterAll(async () => {
    await harness?.stop();
    await db?.drop();
  });

  it.each([
    {
      name: "no code and no reason",
      who: "ha",
      text: "/hoan",
      answer: ["Đồng chí ghi mã đơn vị và lý do hoãn ngay sau lệnh.", example],
    },
    {
      name: "no reason",
      who: "ha",
      text: "/hoan GT-07",
      answer: ["Cần ghi lý do hoãn sau mã GT-07: Tổ công tác theo dõi đơn vị sẽ đọc lý do này.", example],
    },
    {
      name: "an unknown code",
      who: "ha",
      text: "/hoan GT-99 Hoãn",
      answer: ['Không có đơn vị mã "GT-99". Mã đơn vị có trong /trangthai hoặc hỏi Văn phòng cấp ủy.', example],
    },
    {
      name: "a code that cannot be one",
      who: "ha",
      text: "/hoan GT/07 Hoãn",
      answer: ['Không có đơn vị mã "GT/07". Mã đơn vị có trong /trangthai hoặc hỏi Văn phòng cấp ủy.', example],
    },
    {
      name: "an oversized reason",
      who: "ha",
      text: `/hoan GT-07 ${"Hoãn đại hội ".repeat(30)}`,
      answer: [
        "Lý do dài 389 ký tự, vượt giới hạn 300 ký tự. Đồng chí ghi ngắn gọn (số công văn, lý do chính) rồi gửi lại.",
        example,
      ],
    },
    {
      name: "the unit's own secretary",
      who: "an",
      text: `/hoan GT-07 ${reason}`,
      answer: [onlyLeadersMayPause, askGroupOfGt07],
    },
    {
      name: "a sibling cell's secretary",
      who: "binh",
      text: `/hoan gt-07 ${reason}`,
      answer: [onlyLeadersMayPause, askGroupOfGt07],
    },
    {
      name: "a secretary asking to resume",
      who: "an",
      text: "/tieptuc GT-07",
      answer: [
        "Chỉ Tổ trưởng Tổ công tác, Ủy viên Ban Thường vụ hoặc cán bộ quản trị mới cho đơn vị nhắc việc lại.",
        askGroupOfGt07,
      ],
    },
    {
      name: "a secretary without a unit code",
      who: "an",
      text: "/hoan",
      answer: [onlyLeadersMayPause, "Đề nghị đồng chí báo Tổ công tác phụ trách đơn vị, hoặc Văn phòng cấp ủy."],
    },
    {
      name: "a secretary, in English, of a unit no working group follows",
      who: "nga",
      text: "/postpone KB Postponed",
      answer: [
        "Only a working group's leader, a standing committee member or an administrator can pause a unit's reminders.",
        "Please tell the party committee office about Chi bộ Kho bạc Nhà nước Long Biên (code KB): no working group follows this unit yet.",
      ],
    },
    { name: "an admin of another unit", who: "dung", text: `/hoan GT-07 ${reason}`, answer: notInScope },
    { name: "an admin of another unit resuming", who: "dung", text: "/tieptuc GT-07", answer: notInScope },
    {
      name: "a resume without a code",
      who: "lan",
      text: "/tieptuc",
      answer: ["Đồng chí ghi mã đơn vị cần nhắc việc lại ngay sau lệnh.", "Ví dụ: /tieptuc GT-07"],
    },
    {
      name: "a resume of a unit not paused",
      who: "lan",
      text: "/resume gt-07",
      answer: [`${gt07} (mã GT-07) không tạm dừng nhắc việc, không cần /tieptuc.`],
    },
    {
      name: "a stranger",
      who: "stranger",
      text: `/hoan GT-07 ${reason}`,
      answer: ["Đồng chí chưa được giao đơn vị nào để báo cáo. Liên hệ Văn phòng cấp ủy để nhận mã mời."],
    },
  ])(
    "when /hoan or /tieptuc comes with $name, then the answer says what is wrong and nothing changes",
    async ({ who, text, answer }) => {
      const users: Record<string, User> = { an, ha, binh, minh, lan, dung, nga, stranger: telegramUser() };
      const before = await databaseFingerprint(db.database);
      const reply = await harness.say(users[who]!, text);
      expect(reply.text?.split("\n")).toEqual(answer);
      expect(await databaseFingerprint(db.database)).toEqual(before);
    },
  );

  it("when /hoan is sent in a group, then the bot asks for a private chat and pauses nothing", async () => {
    const group = { id: -100777, type: "group" as const, title: "Chi bộ 7" };
    const reply = await harness.say(ha, `/hoan GT-07 ${reason}`, group);
    expect(reply.text).toBe(
      `Tạm dừng nhắc việc chỉ thực hiện trong tin nhắn riêng với Trợ lý. Đồng chí nhắn riêng cho @${harness.app.bot.botInfo.username} và gõ /hoan kèm mã đơn vị và lý do.`,
    );
    expect(await pauses()).toEqual([]);
  });

  it("when the working group's leader pauses a unit, then it is stored with who, when and why, and a second pause is refused", async () => {
    const reply = await harness.say(ha, `/hoan gt-07   ${reason}`);
    expect(reply.text?.split("\n")).toEqual([
      `Đã tạm dừng nhắc việc cho ${gt07} (mã GT-07) từ ngày 02/03/2020.`,
      `Lý do: ${reason}`,
      'Bí thư đơn vị không nhận nhắc việc nữa; Tổ công tác thấy đơn vị trong mục "Đã hoãn" kèm lý do.',
      "Khi đơn vị tổ chức lại, đồng chí gõ /tieptuc GT-07.",
    ]);
    const [pause] = await pauses();
    expect(pause).toMatchObject({ reason, pausedAt: clock.now(), resumedAt: null, pausedBy: { name: "Hoàng Thu Hà" } });
    const audit = await prisma().auditLog.findFirstOrThrow({ where: { action: "reminders.pause" } });
    expect(audit).toMatchObject({
      actor: `telegram:${ha.id}`,
      entity: "unit",
      entityId: "GT-07",
      details: { pauseId: pause!.id, reason },
    });

    // A standing-committee member who does not lead the unit's working group may act on it too.
    const before = await databaseFingerprint(db.database);
    const again = await harness.say(minh, "/postpone GT-07 Một lý do khác");
    expect(again.text?.split("\n")).toEqual([
      `${gt07} (mã GT-07) đã tạm dừng nhắc việc từ ngày 02/03/2020 (đồng chí Hoàng Thu Hà).`,
      `Lý do: ${reason}`,
      "Để nhắc việc lại, gõ /tieptuc GT-07.",
    ]);
    expect(await databaseFingerprint(db.database)).toEqual(before);
  });

  it("when a unit is paused, then its secretary gets no reminder and the group's list shows it under 'Đã hoãn' with the reason", async () => {
    clock.set("2020-03-02T02:00:00Z"); // 09:00
    const anBefore = harness.sent(an.id).length;
    const binhBefore = harness.sent(binh.id).length;
    const haBefore = harness.sent(ha.id).length;
    await tickAndDeliver();
    expect(harness.sent(an.id).length - anBefore).toBe(0);
    expect(harness.sent(binh.id).length - binhBefore).toBe(1); // plan and documents in one message, as any lagging cell
    const lists = harness.sent(ha.id).slice(haBefore);
    expect(lists).toHaveLength(1);
    expect(lists[0]!.text?.split("\n")).toEqual([
      "Tổ công tác số 1 — việc cần đôn đốc hôm nay (02/03/2020)",
      "1 tổ chức cơ sở đảng: 0 đã đại hội, 0 đúng tiến độ, 1 chậm",
      "2 chi bộ: 0 đã đại hội, 0 đúng tiến độ, 1 chậm, 1 đã hoãn",
      "",
      "Đảng bộ phường Gia Thụy (0/2 chi bộ đã đại hội):",
      "• Chi bộ Tổ dân phố 12: Kế hoạch đại hội quá hạn 31 ngày; Dự thảo báo cáo chính trị, kiểm điểm quá hạn 2 ngày — Bí thư Trần Thị Bình, 0913 222 111",
      "• Đảng bộ phường Gia Thụy: Kế hoạch đại hội quá hạn 16 ngày — Bí thư Lê Văn Cường, 0904 111 222",
      "",
      "Đã hoãn (1 đơn vị, tạm dừng nhắc bí thư):",
      `• Chi bộ Tổ dân phố 7: hoãn từ 02/03/2020 — lý do: ${reason}`,
    ]);
  });

  it("when a paused unit's secretary or working-group leader asks /trangthai, then the pause and its reason show", async () => {
    const card = await harness.say(an, "/trangthai");
    expect(card.text?.split("\n").at(-1)).toBe(`⏸ Tạm dừng nhắc việc từ 02/03/2020: ${reason}`);
    // The leader's /trangthai is the morning list.
    const summary = await harness.say(ha, "/trangthai");
    expect(summary.text?.split("\n").slice(-2)).toEqual([
      "Đã hoãn (1 đơn vị, tạm dừng nhắc bí thư):",
      `• Chi bộ Tổ dân phố 7: hoãn từ 02/03/2020 — lý do: ${reason}`,
    ]);
  });

  it("when an admin resumes the unit, then the pause is closed in the history and the secretary is reminded again the next time", async () => {
    clock.set("2020-03-03T00:30:00Z"); // 07:30 on 03/03
    const reply = await harness.say(lan, "/tieptuc GT-07");
    expect(reply.text?.split("\n")).toEqual([
      `Đã nhắc việc lại cho ${gt07} (mã GT-07); đơn vị tạm dừng từ ngày 02/03/2020, lý do: ${reason}`,
      "Bí thư đơn vị sẽ nhận nhắc việc từ lần nhắc tới.",
    ]);
    const [pause] = await pauses();
    expect(pause).toMatchObject({
      resumedAt: clock.now(),
      resumedBy: { name: "Vũ Thị Lan" },
      pausedBy: { name: "Hoàng Thu Hà" },
    });
    expect(await prisma().auditLog.count({ where: { action: "reminders.resume", entityId: "GT-07" } })).toBe(1);

    clock.set("2020-03-03T02:00:00Z"); // 09:00
    const before = harness.sent(an.id).length;
    await tickAndDeliver();
    // Everything due comes in one message: the plan (overdue), the documents (overdue) and the personnel plan (D-7).
    const [reminder, ...more] = harness.sent(an.id).slice(before);
    expect(more).toEqual([]);
    expect(reminder!.text!.split("\n").filter((line) => line.startsWith("• "))).toEqual([
      "• Kế hoạch đại hội: hạn 31/01/2020, đã quá hạn 32 ngày.",
      "• Dự thảo báo cáo chính trị, kiểm điểm: hạn 29/02/2020, đã quá hạn 3 ngày.",
      "• Phương án nhân sự: hạn 10/03/2020 (còn 7 ngày).",
    ]);
    const keys = await prisma().outboxMessage.findMany({
      where: { chatId: BigInt(an.id), kind: "reminder" },
      select: { dedupeKey: true },
    });
    expect(keys.map((row) => row.dedupeKey)).toEqual([`remind:${an.id}:2020-03-03`]);
    const list = harness.sent(ha.id).at(-1)!;
    expect(list.text).not.toContain("Đã hoãn");
  });
});
