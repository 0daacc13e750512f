// Group binding as users see it, over HTTP with a real database: /malienket (/linkcode) for admins,
// /lienketnhom (/linkgroup) in a group, /huylienket (/unlinkgroup), the bot's wait in a group it was added
// to and its leaving, migration to a supergroup, and that an unbound group gets no data.
import type { Chat, User } from "grammy/types";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { fixedClock } from "../../src/clock.js";
import { leaveUnlinkedGroups } from "../../src/usecases/group-leaves.js";
import { createGroupLinkCode } from "../../src/db/group-binding-store.js";
import { createInvite } from "../../src/db/invite-store.js";
import type { RecordedMessage } from "../../src/emulator/index.js";
import { createI18n, translatorFor } from "../../src/i18n.js";
import { startBotHarness, telegramUser, type BotHarness } from "../support/bot-harness.js";
import { bindTelegramUser, importFixture } from "../support/roster.js";
import { createTestDatabase, databaseFingerprint, type TestDatabase } from "../support/test-database.js";

const day = 24 * 3600 * 1000;
const minute = 60 * 1000;
// 10:00 on 26/02/2020 in Hà Nội.
const start = "2020-02-26T03:00:00Z";
const botUsername = "test_123456789_bot";

const addedUnboundVi = [
  "Kính chào các đồng chí! Trợ lý Đại hội chỉ làm việc trong nhóm đã được liên kết với một đơn vị.",
  "Đề nghị đồng chí quản trị gửi vào nhóm /lienketnhom MÃ trong vòng 10 phút (trước 10:10 ngày 26/02/2020); mã liên kết lấy bằng lệnh /malienket trong tin nhắn riêng với Trợ lý, hoặc do Văn phòng cấp ủy cấp.",
  "Nếu đến thời hạn trên nhóm chưa được liên kết, Trợ lý xin phép rời nhóm.",
].join("\n");
const linkedGtVi =
  "Đã liên kết nhóm với Đảng bộ phường Gia Thụy (GT); nhóm sẽ nhận báo cáo tiến độ hằng ngày lúc 17:00.";
const invalidVi =
  "Mã liên kết không đúng: có thể mã bị chép thiếu hoặc sai. Đề nghị chép lại đúng mã; nếu vẫn không được, đề nghị đồng chí quản trị cấp mã mới bằng lệnh /malienket.";
const notLinkedVi = "Nhóm này chưa được liên kết với đơn vị nào, nên Trợ lý không hiển thị dữ liệu ở đây.";
const leavingVi =
  "Nhóm này chưa được liên kết với đơn vị nào, nên Trợ lý xin phép rời nhóm. Khi cần, đề nghị đồng chí quản trị lấy mã bằng lệnh /malienket, thêm lại Trợ lý vào nhóm và gửi /lienketnhom MÃ trong vòng 10 phút.";
const statusPrivateVi = `Tình trạng đơn vị chỉ gửi trong tin nhắn riêng với Trợ lý. Đồng chí nhắn riêng cho @${botUsername} và gõ /trangthai.`;

let nextChatId = -4_000_001;
function newGroup(title = "Ban Thường vụ Đảng ủy phường Gia Thụy"): Chat.GroupChat {
  return { id: nextChatId--, type: "group", title };
}

describe("group binding", () => {
  let db: TestDatabase;
  let harness: BotHarness;
  let admin: User; // Nguyễn Văn An: secretary of GT-01 and admin of GT
  let secretary: User; // Trần Thị Bình: secretary of GT-02, no admin role
  const clock = fixedClock(start);

  beforeAll(async () => {
    db = await createTestDatabase();
    await importFixture(db.database, "small-org.yaml");
    admin = await bindTelegramUser(db.database, "+84912345678");
    secretary = await bindTelegramUser(db.database, "+84913222111");
    const an = await prisma().person.findFirstOrThrow({ where: { phone: "+84912345678" } });
    await prisma().roleAssignment.create({ data: { personId: an.id, unitId: await unitId("GT"), role: "admin" } });
    harness = await startBotHarness(db.database, { clock });
  });
  afterAll(async () => {
    await harness?.stop();
    await db?.drop();
  });
  beforeEach(() => clock.set(start));

  const prisma = () => db.database.prisma;
  const fingerprint = () => databaseFingerprint(db.database);

  async function unitId(code: string): Promise<number> {
    return (await prisma().unit.findFirstOrThrow({ where: { code } })).id;
  }

  async function linkCode(code: string, expiresAt = new Date(clock.now().getTime() + 7 * day)) {
    return createGroupLinkCode(prisma(), {
      organizationId: 1,
      unitId: await unitId(code),
      expiresAt,
      createdBy: "test",
    });
  }

  /** Adds the bot to the group and returns what it says there. */
  async function addBot(chat: Chat.GroupChat | Chat.SupergroupChat, by: User = admin): Promise<RecordedMessage> {
    const before = harness.sent(chat.id).length;
    harness.emulator.addBotToGroup(harness.token, { chat, by });
    return (await harness.emulator.waitForBotMessages(chat.id, before + 1))[before]!;
  }

  /** A group the bot was added to and that is bound to the unit. */
  async function boundGroup(code = "GT"): Promise<Chat.GroupChat> {
    const chat = newGroup();
    await addBot(chat);
    const { token } = await linkCode(code);
    await harness.say(admin, `/lienketnhom ${token}`, chat);
    return chat;
  }

  async function bindingOf(chatId: number) {
    return prisma().chatBinding.findUnique({
      where: { chatId: BigInt(chatId) },
      select: { organizationId: true, unitId: true, purpose: true, title: true },
    });
  }

  /**
   * Resolves once the database shows what `probe` looks for (checked every 50 ms: a write wakes nothing here).
   * The limit, the emulator's patience, only stops a test that would hang: a busy machine may take seconds.
   */
  async function until<T>(probe: () => Promise<T | null | undefined | false>, what: string): Promise<T> {
    const deadline = Date.now() + 120_000;
    while (Date.now() < deadline) {
      const value = await probe();
      if (value) return value;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new Error(`timed out waiting for ${what}`);
  }

  describe("linking with /lienketnhom", () => {
    it("when the bot is added to a group, then it says how to link it; a valid code sent there binds the group, uses the code and is audited", async () => {
      const chat = newGroup();
      expect((await addBot(chat)).text).toBe(addedUnboundVi);
      const { id, token } = await linkCode("GT");
      const reply = await harness.say(secretary, `/lienketnhom ${token}`, chat);
      expect(reply.text).toBe(linkedGtVi);
      expect(await bindingOf(chat.id)).toEqual({
        organizationId: 1,
        unitId: await unitId("GT"),
        purpose: "digest",
        title: chat.title,
      });
      expect((await prisma().invite.findUniqueOrThrow({ where: { id } })).usedAt).toEqual(clock.now());
      const audit = await prisma().auditLog.findMany({ where: { action: "group.bind" } });
      expect(audit.at(-1)).toMatchObject({
        actor: `telegram:${secretary.id}`,
        details: { chatId: String(chat.id), inviteId: id },
      });
      // The wait is over: nothing is left for the bot to leave.
      expect(await prisma().chatFlow.count({ where: { chatId: BigInt(chat.id) } })).toBe(0);

      // Bound, the group goes on to the other features (which keep personal data to private chats).
      expect((await harness.say(admin, "/trangthai", chat)).text).toBe(statusPrivateVi);
    });

    it("when /linkgroup (English) is addressed to the bot by name in a supergroup, then it binds too", async () => {
      const chat: Chat.SupergroupChat = { id: nextChatId--, type: "supergroup", title: "Đảng ủy Kho bạc" };
      await addBot(chat);
      const { token } = await linkCode("KB");
      const reply = await harness.say(
        telegramUser({ language_code: "en" }),
        `/linkgroup@${botUsername} ${token}`,
        chat,
      );
      expect(reply.text).toBe(
        "This group is now linked to Chi bộ Kho bạc Nhà nước Long Biên (KB); it will get the daily progress report at 17:00.",
      );
      expect((await bindingOf(chat.id))?.unitId).toBe(await unitId("KB"));
    });

    it("when a code already used elsewhere is sent, then the group is told to ask for a new one and nothing is written", async () => {
      const first = newGroup();
      await addBot(first);
      const { token } = await linkCode("GT-01");
      await harness.say(admin, `/lienketnhom ${token}`, first);
      const chat = newGroup();
      await addBot(chat);
      const before = await fingerprint();
      const reply = await harness.say(admin, `/lienketnhom ${token}`, chat);
      expect(reply.text).toBe(
        "Mã liên kết này đã được sử dụng. Đề nghị đồng chí quản trị cấp mã mới bằng lệnh /malienket.",
      );
      expect(await fingerprint()).toEqual(before);
    });

    it("when an expired code is sent, then the group is told when it expired and nothing is written", async () => {
      const chat = newGroup();
      await addBot(chat);
      const { token } = await linkCode("GT", new Date(clock.now().getTime() - 2 * day));
      const before = await fingerprint();
      const reply = await harness.say(admin, `/lienketnhom ${token}`, chat);
      expect(reply.text).toBe(
        "Mã liên kết này đã hết hạn lúc 10:00 ngày 24/02/2020. Đề nghị đồng chí quản trị cấp mã mới bằng lệnh /malienket.",
      );
      expect(await fingerprint()).toEqual(before);
    });

    it.each([
      ["an unknown code", "A".repeat(32)],
      ["a truncated code", "abc"],
      ["garbage", "💥 DROP TABLE; --"],
      ["a very long text", "x".repeat(3000)],
    ])("when %s is sent, then the code is said to be wrong and nothing is written", async (_what, code) => {
      const chat = newGroup();
      await addBot(chat);
      const before = await fingerprint();
      expect((await harness.say(admin, `/lienketnhom ${code}`, chat)).text).toBe(invalidVi);
      expect(await fingerprint()).toEqual(before);
    });

    it("when a person's invite token is sent as a link code, then it is refused and stays usable as an invite", async () => {
      const chat = newGroup();
      await addBot(chat);
      const { token } = await createInvite(prisma(), {
        organizationId: 1,
        unitId: await unitId("GT-01"),
        role: "deputy",
        expiresAt: new Date(clock.now().getTime() + day),
        createdBy: "test",
      });
      const before = await fingerprint();
      expect((await harness.say(admin, `/lienketnhom ${token}`, chat)).text).toBe(invalidVi);
      expect(await fingerprint()).toEqual(before);
    });

    it("when /lienketnhom has no code, then it says how to use it", async () => {
      const chat = newGroup();
      await addBot(chat);
      expect((await harness.say(admin, "/lienketnhom", chat)).text).toBe(
        "Cách dùng (trong nhóm cần liên kết): /lienketnhom MÃ, với mã liên kết do đồng chí quản trị lấy bằng lệnh /malienket.",
      );
    });

    it("when /lienketnhom is sent in a private chat, then it says to send it in the group and the code stays unused", async () => {
      const { id, token } = await linkCode("GT");
      const before = await fingerprint();
      const reply = await harness.say(admin, `/lienketnhom ${token}`);
      expect(reply.text).toBe(
        "Lệnh /lienketnhom phải gửi trong nhóm cần liên kết: thêm Trợ lý vào nhóm, rồi gửi /lienketnhom MÃ trong nhóm đó. Mã chưa bị sử dụng.",
      );
      expect(await fingerprint()).toEqual(before);
      expect((await prisma().invite.findUniqueOrThrow({ where: { id } })).usedAt).toBeNull();
    });

    it("when a bound group gets a code for another unit, then it says to which unit it is bound, and the code is not used", async () => {
      const chat = await boundGroup("GT");
      const { token } = await linkCode("KB");
      const before = await fingerprint();
      const reply = await harness.say(admin, `/lienketnhom ${token}`, chat);
      expect(reply.text).toBe(
        "Nhóm này đã được liên kết với Đảng bộ phường Gia Thụy (GT). Muốn liên kết với đơn vị khác, đồng chí quản trị của đơn vị gửi /huylienket trong nhóm trước, rồi gửi /lienketnhom với mã mới.",
      );
      expect(await fingerprint()).toEqual(before);
    });

    it("when the same /lienketnhom update is handled twice (a replay after a crash), then the second answer is the same confirmation", async () => {
      const chat = newGroup();
      await addBot(chat);
      const { token } = await linkCode("GT");
      const { update } = harness.emulator.sendMessage(harness.token, {
        from: admin,
        chat,
        text: `/lienketnhom ${token}`,
      });
      const [, first] = await harness.emulator.waitForBotMessages(chat.id, 2);
      expect(first!.text).toBe(linkedGtVi);
      const before = await fingerprint();
      await harness.app.bot.handleUpdate(update!);
      const [, , second] = await harness.emulator.waitForBotMessages(chat.id, 3);
      expect(second!.text).toBe(linkedGtVi);
      expect(await fingerprint()).toEqual(before);
    });
  });

  describe("link codes in the bot: /malienket", () => {
    it("when an admin asks for a code for a unit in their scope, then they get the code with what to do, and the code binds a group once", async () => {
      const reply = await harness.say(admin, "/malienket gt");
      const lines = reply.text!.split("\n");
      expect(lines.slice(0, 2)).toEqual([
        "Mã liên kết nhóm cho Đảng bộ phường Gia Thụy (GT): dùng một lần, hết hạn lúc 10:00 ngày 04/03/2020.",
        "Thêm Trợ lý vào nhóm của đơn vị, rồi trong vòng 10 phút gửi vào nhóm dòng sau:",
      ]);
      const command = /^\/lienketnhom ([A-Za-z0-9_-]{32})$/.exec(lines[2]!);
      expect(command, lines[2]).not.toBeNull();
      const invite = await prisma().invite.findFirstOrThrow({ orderBy: { id: "desc" } });
      expect(invite).toMatchObject({ kind: "group", role: null, unitId: await unitId("GT"), usedAt: null });
      expect(reply.text).not.toContain(invite.tokenHash);

      const chat = newGroup();
      await addBot(chat);
      expect((await harness.say(admin, lines[2]!, chat)).text).toBe(linkedGtVi);
    });

    it("when an admin asks for a unit below theirs (/linkcode), then it works; for a unit outside their scope or unknown, it is refused", async () => {
      expect((await harness.say(admin, "/linkcode GT-02")).text).toMatch(
        /^Mã liên kết nhóm cho Chi bộ tổ dân phố số 2 \(GT-02\)/,
      );
      const before = await fingerprint();
      expect((await harness.say(admin, "/malienket KB")).text).toBe(
        "Chi bộ Kho bạc Nhà nước Long Biên (KB) không thuộc phạm vi quản trị của đồng chí, nên đồng chí chưa cấp được mã liên kết cho nhóm của đơn vị này.",
      );
      expect((await harness.say(admin, "/malienket XX-99")).text).toBe(
        'Không có đơn vị mã "XX-99".\nCách dùng: /malienket MÃ_ĐƠN_VỊ, ví dụ /malienket GT',
      );
      expect((await harness.say(admin, "/malienket")).text).toBe(
        "Cách dùng: /malienket MÃ_ĐƠN_VỊ, ví dụ /malienket GT",
      );
      expect(await fingerprint()).toEqual(before);
    });

    it("when someone who is not an admin asks for a code, then it is refused and nothing is written", async () => {
      const before = await fingerprint();
      const notAdmin =
        "Lệnh /malienket chỉ dành cho cán bộ quản trị. Nếu nhóm của đơn vị cần nhận báo cáo tiến độ, đề nghị đồng chí liên hệ Văn phòng cấp ủy.";
      expect((await harness.say(secretary, "/malienket GT-02")).text).toBe(notAdmin);
      expect((await harness.say(telegramUser(), "/malienket GT")).text).toBe(notAdmin);
      expect(await fingerprint()).toEqual(before);
    });

    it("when /malienket is sent in a group, then it is refused there, so that no code shows in a group", async () => {
      const chat = await boundGroup();
      const before = await fingerprint();
      expect((await harness.say(admin, "/malienket GT", chat)).text).toBe(
        "Lệnh /malienket chỉ dùng trong tin nhắn riêng với Trợ lý, để mã liên kết không lộ trong nhóm.",
      );
      expect(await fingerprint()).toEqual(before);
    });
  });

  describe("a group that is not bound", () => {
    it("when a command is used while the bot waits for a code, then it gives no data: a command with data says the group is not linked and how to link it", async () => {
      const chat = newGroup();
      await addBot(chat);
      const privateBefore = harness.sent(admin.id).length;
      const notLinkedHow = `${notLinkedVi}\nĐể liên kết, đồng chí quản trị gửi /lienketnhom MÃ trước 10:10 ngày 26/02/2020; sau thời hạn đó Trợ lý sẽ rời nhóm.`;
      for (const command of ["/tiendo", "/progress GT", "/xuat", `/export@${botUsername}`, "/ngonngu en", "/lenhla"]) {
        expect((await harness.say(admin, command, chat)).text, command).toBe(notLinkedHow);
      }
      // Commands whose answer in any group is only "use a private chat" keep it.
      expect((await harness.say(admin, "/trangthai", chat)).text).toBe(statusPrivateVi);
      expect((await harness.say(admin, "/baocao daihoi 04/03/2020", chat)).text).toBe(
        "Báo cáo chỉ thực hiện trong tin nhắn riêng với Trợ lý, để thông tin của đơn vị không hiện trong nhóm.",
      );
      expect((await harness.say(admin, "/start", chat)).text).toBe(notLinkedVi);
      // Plain talk in the group is not answered; a command for another bot is not either.
      harness.emulator.sendMessage(harness.token, { from: admin, chat, text: "Chào các đồng chí" });
      harness.emulator.sendMessage(harness.token, { from: admin, chat, text: "/tiendo@other_bot" });
      expect((await harness.say(admin, "/tiendo", chat)).text).toBe(notLinkedHow);
      expect(harness.sent(chat.id)).toHaveLength(1 + 6 + 3 + 1);
      expect(harness.sent(admin.id)).toHaveLength(privateBefore);
      expect(await bindingOf(chat.id)).toBeNull();
    });

    it("when the bot is in a group it never announced itself in (e.g. from before this version), then it stays, silent on data", async () => {
      const chat = newGroup();
      harness.emulator.registerChat(chat);
      clock.advance(day);
      expect((await harness.say(admin, "/tiendo", chat)).text).toBe(notLinkedVi);
      expect(
        harness.emulator.requestLog.some((entry) => entry.method === "leaveChat" && entry.params.chat_id === chat.id),
      ).toBe(false);
    });

    it("when someone writes after the wait is over, then the bot says goodbye and leaves the group", async () => {
      const chat = newGroup();
      await addBot(chat);
      clock.advance(10 * minute + 1);
      const before = await fingerprint();
      expect((await harness.say(admin, "/trangthai", chat)).text).toBe(leavingVi);
      await harness.emulator.waitFor(() =>
        harness.emulator.requestLog.find((entry) => entry.method === "leaveChat" && entry.params.chat_id === chat.id),
      );
      // Telegram tells the bot it left; the wait is then forgotten.
      await until(
        async () => (await prisma().chatFlow.count({ where: { chatId: BigInt(chat.id) } })) === 0,
        "the wait to end",
      );
      expect(await fingerprint()).toEqual(before);
    });

    it("when the wait of a silent group is over, then the sweep queues a goodbye and the leaving in the outbox; a bound group is kept", async () => {
      const silent = newGroup();
      await addBot(silent);
      const bound = await boundGroup();
      const i18n = createI18n({ defaultLocale: "vi" });
      const sweep = () => leaveUnlinkedGroups({ prisma: prisma(), clock, translate: translatorFor(i18n, "vi") });
      expect(await sweep()).toEqual([]);
      clock.advance(11 * minute);
      // The sender's loop is stopped (and this test drains by hand): what reaches the emulator between the
      // sweep and the check below is then the sweep's own doing, not a send the loop happened to start.
      await harness.app.sender.stop();
      // Groups of earlier tests that were left waiting go too.
      const requestsBefore = harness.emulator.requestLog.length;
      const left = await sweep();
      expect(left).toContain(silent.id);
      expect(left).not.toContain(bound.id);
      // The scheduler itself calls no Bot API method: the outbox's sender does, goodbye first.
      expect(
        harness.emulator.requestLog.slice(requestsBefore).filter((entry) => entry.params.chat_id === silent.id),
      ).toEqual([]);
      const queued = await prisma().outboxMessage.findMany({
        where: { chatId: BigInt(silent.id) },
        orderBy: { id: "asc" },
        select: { kind: true, status: true },
      });
      expect(queued).toEqual([
        { kind: "group-goodbye", status: "pending" },
        { kind: "group-leave", status: "pending" },
      ]);
      // One message per second in a chat: the leaving follows the goodbye a second later.
      await harness.app.sender.drainOnce();
      clock.advance(2000);
      await harness.app.sender.drainOnce();
      await harness.emulator.waitFor(() =>
        harness.emulator.requestLog.find((entry) => entry.method === "leaveChat" && entry.params.chat_id === silent.id),
      );
      const calls = harness.emulator.requestLog
        .slice(requestsBefore)
        .filter((entry) => entry.params.chat_id === silent.id)
        .map((entry) => entry.method);
      expect(calls).toEqual(["sendMessage", "leaveChat"]);
      expect(harness.sent(silent.id).at(-1)?.text).toBe(leavingVi);
      expect(
        harness.emulator.requestLog
          .filter((entry) => entry.method === "leaveChat")
          .map((entry) => entry.params.chat_id),
      ).toContain(silent.id);
      expect(
        harness.emulator.requestLog.some((entry) => entry.method === "leaveChat" && entry.params.chat_id === bound.id),
      ).toBe(false);
      expect(await sweep()).toEqual([]);
      harness.app.sender.start();
    });

    it("when the bot is added again to a bound group, then it says to which unit the group is linked", async () => {
      const chat = await boundGroup("KB");
      harness.emulator.removeBotFromGroup(harness.token, { chat, by: admin });
      expect((await addBot(chat)).text).toBe(
        "Kính chào các đồng chí! Nhóm này đã được liên kết với Chi bộ Kho bạc Nhà nước Long Biên (KB); nhóm sẽ nhận báo cáo tiến độ hằng ngày lúc 17:00.",
      );
    });
  });

  describe("migration and unlinking", () => {
    it("when a bound group is upgraded to a supergroup, then the binding follows it to the new chat id", async () => {
      const chat = await boundGroup("GT");
      const supergroup: Chat.SupergroupChat = {
        id: nextChatId-- - 1_000_000_000_000,
        type: "supergroup",
        title: chat.title,
      };
      harness.emulator.migrateGroupToSupergroup(harness.token, { chat, supergroup, by: admin });
      await until(() => bindingOf(supergroup.id), "the binding to move");
      expect(await bindingOf(chat.id)).toBeNull();
      expect((await bindingOf(supergroup.id))?.unitId).toBe(await unitId("GT"));
      await until(
        async () => (await prisma().auditLog.count({ where: { action: "group.migrate" } })) > 0,
        "the audit row",
      );
      // The bot treats the new chat as bound.
      expect((await harness.say(admin, "/trangthai", supergroup)).text).toBe(statusPrivateVi);
      expect(await prisma().auditLog.count({ where: { action: "group.migrate" } })).toBe(1);
    });

    it("when someone who is not an admin of the unit sends /huylienket, then it is refused and nothing changes", async () => {
      const chat = await boundGroup("GT");
      const before = await fingerprint();
      for (const user of [secretary, telegramUser()]) {
        expect((await harness.say(user, "/huylienket", chat)).text).toBe(
          "Chỉ đồng chí quản trị phụ trách Đảng bộ phường Gia Thụy (GT) mới hủy được liên kết của nhóm này.",
        );
      }
      expect(await fingerprint()).toEqual(before);
    });

    it("when an admin of the unit sends /huylienket, then the group is unbound and audited, and may be linked to another unit", async () => {
      const chat = await boundGroup("GT-01");
      const reply = await harness.say(admin, "/huylienket", chat);
      expect(reply.text).toBe(
        "Đã hủy liên kết nhóm với Chi bộ tổ dân phố số 1 (GT-01); nhóm sẽ không nhận báo cáo tiến độ nữa. Muốn liên kết với đơn vị khác, gửi /lienketnhom MÃ trước 10:10 ngày 26/02/2020; sau thời hạn đó Trợ lý sẽ rời nhóm.",
      );
      expect(await bindingOf(chat.id)).toBeNull();
      expect((await prisma().auditLog.findMany({ where: { action: "group.unbind" } })).at(-1)).toMatchObject({
        actor: `telegram:${admin.id}`,
        details: { chatId: String(chat.id) },
      });
      expect((await harness.say(admin, "/tiendo", chat)).text).toMatch(new RegExp(`^${notLinkedVi}`));
      const { token } = await linkCode("GT-02");
      expect((await harness.say(admin, `/linkgroup ${token}`, chat)).text).toBe(
        "Đã liên kết nhóm với Chi bộ tổ dân phố số 2 (GT-02); nhóm sẽ nhận báo cáo tiến độ hằng ngày lúc 17:00.",
      );
    });

    it("when /huylienket is sent in a group that is not bound, or in a private chat, then nothing changes", async () => {
      const chat = newGroup();
      await addBot(chat);
      const before = await fingerprint();
      expect((await harness.say(admin, "/huylienket", chat)).text).toBe(notLinkedVi);
      expect((await harness.say(admin, "/huylienket")).text).toBe(
        "Lệnh /huylienket phải gửi trong nhóm cần hủy liên kết.",
      );
      expect(await fingerprint()).toEqual(before);
    });
  });
});
