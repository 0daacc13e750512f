// Command menus by role, as Telegram (the emulator) holds them: the bot-wide lists for strangers and
// groups, each person's own list in their language, set through the outbox when the scheduler's menu job
// runs and at once when someone is bound; and a Bot API that refuses setMyCommands stops nothing.
import type { User } from "grammy/types";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fixedClock, type Clock } from "../../src/clock.js";
import { startBotApiEmulator } from "../../src/emulator/index.js";
import { startBotHarness, telegramUser, type BotHarness } from "../support/bot-harness.js";
import { bindTelegramUser, importFixture } from "../support/roster.js";
import { createTestDatabase, type TestDatabase } from "../support/test-database.js";

// 23:30 on Sunday 01/03/2020 in Hà Nội: no reminder (quiet hours, Sunday) or digest is due, so the only
// rows the scheduler writes are menus.
const quietSunday = "2020-03-01T16:30:00Z";

const names = (list: { command: string }[]) => list.map((entry) => entry.command);

/** Sends everything pending; the clock moves a second per round, as Telegram's per-chat limit wants. */
async function deliverAll(
  harness: BotHarness,
  db: TestDatabase,
  clock: Clock & { advance(ms: number): void },
): Promise<void> {
  for (
    let round = 0;
    round < 60 && (await db.database.prisma.outboxMessage.count({ where: { status: "pending" } })) > 0;
    round++
  ) {
    clock.advance(1100);
    await harness.app.sender.drainOnce();
  }
}

describe("command menus by role", () => {
  const clock = fixedClock(quietSunday);
  let db: TestDatabase;
  let harness: BotHarness;
  // An: secretary of the cell GT-07; Lan: admin of the district, reading English; Hà: standing committee
  // and leader of the working group following GT; Cường: secretary (and reporter) of the grassroots GT.
  let an: User, lan: User, ha: User, cuong: User;
  const prisma = () => db.database.prisma;
  const ownMenu = (user: User) =>
    harness.emulator.commands(harness.token, { scope: { type: "chat", chat_id: user.id } });
  const menuRows = () => prisma().outboxMessage.findMany({ where: { kind: "menu" }, orderBy: { id: "asc" } });

  beforeAll(async () => {
    db = await createTestDatabase();
    await importFixture(db.database, "reporting-org.yaml");
    an = await bindTelegramUser(db.database, "+84912345678");
    lan = await bindTelegramUser(db.database, "+84906777888");
    ha = await bindTelegramUser(db.database, "+84905555666");
    cuong = await bindTelegramUser(db.database, "+84904111222");
    await prisma().person.updateMany({ where: { phone: "+84906777888" }, data: { locale: "en" } });
    harness = await startBotHarness(db.database, { clock, scheduler: true });
    for (const user of [an, lan, ha, cuong])
      harness.emulator.registerChat({ id: user.id, type: "private", first_name: user.first_name });
    await deliverAll(harness, db, clock);
  });
  afterAll(async () => {
    await harness?.stop();
    await db?.drop();
  });

  it("when the bot starts, then private chats get a stranger's menu and groups the group commands, in Vietnamese and in English", () => {
    const privateVi = harness.emulator.commands(harness.token, { scope: { type: "all_private_chats" } });
    expect(privateVi).toEqual([
      { command: "start", description: "Bắt đầu, nhận diện đồng chí" },
      { command: "ngonngu", description: "Chọn ngôn ngữ (tiếng Việt, tiếng Anh)" },
      { command: "trogiup", description: "Hướng dẫn sử dụng và các lệnh" },
    ]);
    expect(
      harness.emulator.commands(harness.token, { scope: { type: "all_private_chats" }, language_code: "en" }),
    ).toEqual([
      { command: "start", description: "Start and identify yourself" },
      { command: "lang", description: "Choose the language (Vietnamese, English)" },
      { command: "help", description: "How to use the assistant, and its commands" },
    ]);
    expect(harness.emulator.commands(harness.token, { scope: { type: "all_group_chats" } })).toEqual([
      { command: "tiendo", description: "Tiến độ đại hội của đơn vị liên kết với nhóm" },
      { command: "lienketnhom", description: "Liên kết nhóm với đơn vị bằng mã liên kết" },
      { command: "huylienket", description: "Hủy liên kết nhóm với đơn vị (quản trị)" },
      { command: "ngonngu", description: "Chọn ngôn ngữ bản tin hằng ngày của nhóm (quản trị)" },
      { command: "trogiup", description: "Hướng dẫn sử dụng và các lệnh" },
    ]);
    expect(
      names(harness.emulator.commands(harness.token, { scope: { type: "all_group_chats" }, language_code: "en" })),
    ).toEqual(["progress", "linkgroup", "unlinkgroup", "lang", "help"]);
    // What Telegram shows: someone it does not know sees the stranger's menu in their language; a group the group's.
    const stranger = telegramUser();
    expect(harness.emulator.commandsShown(harness.token, { chatId: stranger.id, language_code: "vi" })).toEqual(
      privateVi,
    );
    expect(names(harness.emulator.commandsShown(harness.token, { chatId: stranger.id, language_code: "fr" }))).toEqual(
      names(privateVi),
    );
    expect(
      names(harness.emulator.commandsShown(harness.token, { chatId: stranger.id, language_code: "en-GB" })),
    ).toEqual(["start", "lang", "help"]);
    expect(names(harness.emulator.commandsShown(harness.token, { chatId: -100123, userId: stranger.id }))).toEqual([
      "tiendo",
      "lienketnhom",
      "huylienket",
      "ngonngu",
      "trogiup",
    ]);
  });

  it("when people on the roster are on Telegram, then each has a menu of their own with what their roles allow, in their language", async () => {
    expect(names(ownMenu(an))).toEqual(["start", "baocao", "trangthai", "khokhan", "tiendo", "ngonngu", "trogiup"]);
    expect(names(ownMenu(cuong))).toEqual([
      "start",
      "baocao",
      "trangthai",
      "khokhan",
      "tiendo",
      "xuat",
      "ngonngu",
      "trogiup",
    ]);
    expect(names(ownMenu(ha))).toEqual([
      "start",
      "baocao",
      "trangthai",
      "khokhan",
      "tiendo",
      "xuat",
      "hoan",
      "tieptuc",
      "ngonngu",
      "trogiup",
    ]);
    expect(ownMenu(lan)).toEqual([
      { command: "start", description: "Start and identify yourself" },
      { command: "report", description: "Report your unit's congress progress" },
      { command: "progress", description: "Congress progress by unit, level by level" },
      { command: "export", description: "Export congress progress to an Excel file" },
      { command: "postpone", description: "Pause reminders for a unit whose congress is postponed" },
      { command: "resume", description: "Remind a paused unit again" },
      { command: "invite", description: "Make an invite link for a unit (administrators)" },
      { command: "linkcode", description: "Get a link code for a unit's group chat" },
      { command: "lang", description: "Choose the language (Vietnamese, English)" },
      { command: "help", description: "How to use the assistant, and its commands" },
    ]);
    // Their own list wins over the bot-wide one, whatever their Telegram language.
    expect(harness.emulator.commandsShown(harness.token, { chatId: an.id, language_code: "en" })).toEqual(ownMenu(an));
    // One row per list: three bot-wide scopes in two languages, four people; all accepted.
    const rows = await menuRows();
    expect(rows.map((row) => row.status)).toEqual(Array(10).fill("sent"));
    expect(rows.find((row) => Number(row.chatId) === an.id)?.dedupeKey).toMatch(
      new RegExp(`^menu:${an.id}:[0-9a-f]{16}:0$`),
    );
  });

  it("when an admin and a working-group leader ask for help, then theirs show /moi, /malienket and /hoan, which a cell secretary's does not", async () => {
    const admin = (await harness.say(lan, "/help")).text!.split("\n");
    expect(admin).toEqual(
      expect.arrayContaining([
        "/invite CODE [ROLE] — make an invite link for a role at a unit, e.g. /invite GT-01 secretary (Vietnamese: /moi)",
        "/linkcode UNIT_CODE — get a link code so that the unit's group chat receives the daily progress digest (Vietnamese: /malienket)",
        "/postpone UNIT_CODE REASON — pause reminders for a unit officially allowed to postpone its congress; the working group sees the reason (Vietnamese: /hoan)",
      ]),
    );
    expect(admin.some((line) => line.startsWith("/problem"))).toBe(false);
    const leader = (await harness.say(ha, "/trogiup")).text!.split("\n");
    expect(leader).toContain(
      "/hoan MÃ_ĐƠN_VỊ LÝ_DO — tạm dừng nhắc việc cho đơn vị được phép hoãn đại hội; Tổ công tác thấy lý do (tiếng Anh: /postpone)",
    );
    expect(leader.some((line) => line.startsWith("/moi"))).toBe(false);
    const secretary = (await harness.say(an, "/trogiup")).text!;
    for (const command of ["/moi", "/malienket", "/hoan", "/tieptuc", "/xuat"])
      expect(secretary, command).not.toContain(command);
  });

  it("when someone on the roster shares their phone, then their own menu is set at once, without waiting for the menu job", async () => {
    const binh = telegramUser({ first_name: "Bình" });
    const before = harness.sent(binh.id).length;
    harness.emulator.sendContact(harness.token, {
      from: binh,
      contact: { first_name: "Bình", phone_number: "+84913222111", user_id: binh.id },
    });
    const [greeting] = (await harness.emulator.waitForBotMessages(binh.id, before + 1)).slice(before);
    expect(greeting!.text?.split("\n")[0]).toBe("Kính chào đồng chí Trần Thị Bình!");
    const menu = await harness.emulator.waitFor(() => {
      const list = ownMenu(binh);
      return list.length > 0 && list;
    });
    expect(names(menu)).toEqual(["start", "baocao", "trangthai", "khokhan", "tiendo", "ngonngu", "trogiup"]);
  });

  it("when a person changes language, then their menu follows at the next tick, and follows back when they change it back", async () => {
    expect((await harness.say(an, "/ngonngu en")).text).toBe("From now on the assistant writes to you in English.");
    await harness.app.scheduler.tick();
    await deliverAll(harness, db, clock);
    expect(names(ownMenu(an))).toEqual(["start", "report", "status", "problem", "progress", "lang", "help"]);

    await harness.say(an, "/ngonngu vi");
    await harness.app.scheduler.tick();
    await deliverAll(harness, db, clock);
    expect(names(ownMenu(an))).toEqual(["start", "baocao", "trangthai", "khokhan", "tiendo", "ngonngu", "trogiup"]);
    // The Vietnamese menu was planned twice: the second time after the English one, hence a key of its own.
    const keys = (await menuRows())
      .filter((row) => Number(row.chatId) === an.id)
      .map((row) => row.dedupeKey.split(":"));
    expect(keys).toHaveLength(3);
    expect(keys[2]![2]).toBe(keys[0]![2]);
    expect(keys[2]![3]).not.toBe(keys[0]![3]);
  });

  it("when a role is taken away, then the person's menu loses its commands at the next tick", async () => {
    await prisma().roleAssignment.deleteMany({ where: { person: { phone: "+84906777888" }, role: "admin" } });
    await harness.app.scheduler.tick();
    await deliverAll(harness, db, clock);
    expect(names(ownMenu(lan))).toEqual(["start", "lang", "help"]);
  });

  it("when nothing changed, then ticks plan no menu, neither every minute nor at the hourly comparison", async () => {
    const before = (await menuRows()).length;
    await harness.app.scheduler.tick();
    clock.advance(61 * 60_000);
    await harness.app.scheduler.tick();
    expect((await menuRows()).length).toBe(before);
  });
});

describe("a Bot API that refuses setMyCommands", () => {
  const clock = fixedClock(quietSunday);
  let db: TestDatabase;
  let harness: BotHarness;

  beforeAll(async () => {
    db = await createTestDatabase();
    await importFixture(db.database, "reporting-org.yaml");
    await bindTelegramUser(db.database, "+84912345678");
    const emulator = await startBotApiEmulator();
    emulator.failNext("setMyCommands", { error_code: 400, description: "Bad Request: method is not available" }, 7);
    harness = await startBotHarness(db.database, { clock, scheduler: true, emulator });
  });
  afterAll(async () => {
    await harness?.stop();
    await harness?.emulator.close();
    await db?.drop();
  });

  it("when every menu is refused, then the bot has started and answers, the menus are given up once and not planned again", async () => {
    const stranger = telegramUser({ first_name: "Hùng" });
    expect((await harness.say(stranger, "/start")).text?.split("\n")[0]).toBe("Kính chào đồng chí Hùng!");
    await deliverAll(harness, db, clock);
    const rows = await db.database.prisma.outboxMessage.findMany({ where: { kind: "menu" } });
    expect(rows).toHaveLength(7);
    expect(rows.every((row) => row.status === "failed" && row.attempts === 1)).toBe(true);
    expect(harness.emulator.commands(harness.token, { scope: { type: "all_private_chats" } })).toEqual([]);
    expect((await harness.say(stranger, "/trogiup")).text?.split("\n")[0]).toBe("Trợ lý Đại hội — hướng dẫn");
    await harness.app.scheduler.tick();
    expect(await db.database.prisma.outboxMessage.count({ where: { kind: "menu" } })).toBe(7);
  });

  it("when Telegram fails with a server error, then a menu is tried three times and given up, and the person's next message is not held back", async () => {
    harness.emulator.failNext("setMyCommands", { error_code: 502, description: "Bad Gateway" }, 3);
    const an = await db.database.prisma.person.findFirstOrThrow({ where: { phone: "+84912345678" } });
    await db.database.prisma.person.update({ where: { id: an.id }, data: { locale: "en" } });
    await harness.app.scheduler.tick();
    const chatId = Number(an.telegramUserId);
    harness.emulator.registerChat({ id: chatId, type: "private", first_name: "An" });
    await db.database.prisma.outboxMessage.create({
      data: {
        dedupeKey: "test:after-menu",
        chatId: an.telegramUserId!,
        kind: "test",
        payload: { method: "sendMessage", params: { text: "Sau menu" } },
        notBefore: clock.now(),
      },
    });
    await deliverAll(harness, db, clock);
    const menu = await db.database.prisma.outboxMessage.findFirstOrThrow({
      where: { kind: "menu", chatId: an.telegramUserId! },
      orderBy: { id: "desc" },
    });
    expect(menu).toMatchObject({ status: "failed", attempts: 3, lastError: "502: Bad Gateway" });
    expect(harness.sent(chatId).map((message) => message.text)).toEqual(["Sau menu"]);
  });
});
