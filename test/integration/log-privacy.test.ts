// What the logs and the stored updates keep of a whole session, at debug level, through the real app and the
// emulator: onboarding by a shared contact and by an invite link, a one-line report and its confirmation, a
// forged button holding a phone number, link codes made in the bot and sent in groups. No phone number (in
// any form), invite token or link code may be written to a log line; none may stay in a handled update.
import { Writable } from "node:stream";
import type { Chat, User } from "grammy/types";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fixedClock } from "../../src/clock.js";
import type { RecordedMessage } from "../../src/emulator/index.js";
import { createLogger } from "../../src/logger.js";
import { startBotHarness, telegramUser, type BotHarness } from "../support/bot-harness.js";
import { bindTelegramUser, importFixture } from "../support/roster.js";
import { createTestDatabase, type TestDatabase } from "../support/test-database.js";
import { testBotToken } from "../support/test-config.js";

const clock = fixedClock("2020-02-26T03:00:00Z"); // 10:00 on 26/02/2020 in Hà Nội
const botUsername = "test_123456789_bot";

/** The roster of test/fixtures/reporting-org.yaml, and a number on no roster. */
const phones = [
  "0912345678",
  "0913222111",
  "0904111222",
  "0904333444",
  "0905555666",
  "0906777888",
  "0907999000",
  "0908123456",
  "0987654321",
];

/** A phone's 9 significant digits, in order, whatever is written before, between or around them. */
function anyFormOf(phone: string): RegExp {
  return new RegExp(phone.slice(1).split("").join("\\D{0,3}"));
}

describe("privacy of logs and stored updates", () => {
  let db: TestDatabase;
  let harness: BotHarness;
  const lines: string[] = [];
  const credentials: string[] = [];

  beforeAll(async () => {
    db = await createTestDatabase();
    await importFixture(db.database, "reporting-org.yaml");
    const destination = new Writable({
      write(chunk, _encoding, callback) {
        lines.push(String(chunk));
        callback();
      },
    });
    harness = await startBotHarness(db.database, {
      clock,
      logger: createLogger({ level: "debug", secrets: [testBotToken], destination }),
    });
  });
  afterAll(async () => {
    await harness?.stop();
    await db?.drop();
  });

  /** Acts, then waits until the bot has handled every update (and so written its log lines). */
  async function settle<T>(action: Promise<T> | T): Promise<T> {
    const result = await action;
    await harness.app.inbox.drain();
    return result;
  }

  async function press(
    user: User,
    message: Pick<RecordedMessage, "message_id" | "chat">,
    button: { text?: string; data?: string; force?: boolean },
  ) {
    const update = harness.emulator.pressButton(harness.token, { from: user, message, ...button });
    const id = update.callback_query!.id;
    const answer = await harness.emulator.waitFor(() =>
      harness.emulator.callbackAnswers(harness.token).find((a) => a.callback_query_id === id),
    );
    await harness.app.inbox.drain();
    return answer;
  }

  it("when a whole session runs at debug level, then no log line holds a phone number, a token or a code, and no handled update keeps one", async () => {
    // Onboarding by a shared contact: Phạm Văn Dũng, secretary of NT, 0904333444.
    const dung = telegramUser({ first_name: "Dũng" });
    await settle(harness.say(dung, "/start"));
    const before = harness.sent(dung.id).length;
    harness.emulator.sendContact(harness.token, {
      from: dung,
      contact: { first_name: "Dũng", phone_number: "+84 904 333 444", user_id: dung.id },
    });
    const greeting = (await harness.emulator.waitForBotMessages(dung.id, before + 1))[before]!;
    await harness.app.inbox.drain();
    expect(greeting.text).toContain("Dũng");
    expect(await db.database.prisma.person.findFirstOrThrow({ where: { phone: "+84904333444" } })).toMatchObject({
      telegramUserId: BigInt(dung.id),
    });

    // A one-line report and its confirmation.
    const card = await settle(harness.say(dung, "/baocao kehoach"));
    expect(card.text).toContain("Kế hoạch đại hội: ban hành ngày 26/02/2020");
    await settle(harness.press(dung, card, "✅ Xác nhận"));
    expect(await db.database.prisma.report.count()).toBe(1);

    // A forged button whose data holds a phone number (in two forms), and a phone typed in a message.
    expect(await press(dung, card, { data: "td:u:0904333444:a:0", force: true })).toMatchObject({ show_alert: true });
    await press(dung, card, { data: "td:u:+84913222111:a:0", force: true });
    await settle(harness.say(dung, "/baocao 0912.345.678"));
    await settle(harness.say(dung, "/start 84987654321"));

    // An administrator makes a link code in the bot; it is sent in a group, with the English alias too.
    const lan = await bindTelegramUser(db.database, "+84906777888");
    // The answer that carries a new code fails: the error is logged, its request (with the code) is not.
    harness.emulator.failNext(
      "sendMessage",
      { error_code: 400, description: "Bad Request: chat 0906 777 888 not found" },
      1,
      { chatId: lan.id },
    );
    await settle(harness.say(lan, "/malienket NT"));
    const codeReply = await settle(harness.say(lan, "/malienket GT"));
    const code = /\/lienketnhom (\S+)$/.exec(codeReply.text ?? "")![1]!;
    credentials.push(code);
    await settle(harness.say(lan, `/lienketnhom ${code}`)); // in private: refused, the code stays usable
    const group: Chat.GroupChat = { id: -5_000_001, type: "group", title: "Ban Thường vụ Đảng ủy phường Gia Thụy" };
    harness.emulator.addBotToGroup(harness.token, { chat: group, by: lan });
    await harness.emulator.waitForBotMessages(group.id, 1);
    await harness.app.inbox.drain();
    const wrongCode = "Xy7_wrongCodeTypedByHand0123";
    credentials.push(wrongCode);
    expect((await settle(harness.say(lan, `/lienketnhom ${wrongCode}`, group))).text).toContain(
      "Mã liên kết không đúng",
    );
    expect((await settle(harness.say(lan, `/lienketnhom ${code}`, group))).text).toContain(
      "Đã liên kết nhóm với Đảng bộ phường Gia Thụy (GT)",
    );
    const otherCode = /\/lienketnhom (\S+)$/.exec((await settle(harness.say(lan, "/linkcode NT"))).text ?? "")![1]!;
    credentials.push(otherCode);
    const otherGroup: Chat.GroupChat = { id: -5_000_002, type: "group", title: "Đảng ủy phường Ngọc Thụy" };
    harness.emulator.addBotToGroup(harness.token, { chat: otherGroup, by: lan });
    await harness.emulator.waitForBotMessages(otherGroup.id, 1);
    await settle(harness.say(lan, `/linkgroup@${botUsername} ${otherCode}`, otherGroup));
    expect(await db.database.prisma.chatBinding.count()).toBe(2);

    // An invite link made in the bot, opened by a stranger (twice: the second time it is used).
    const inviteReply = await settle(harness.say(lan, "/moi NT-01 reporter"));
    const token = /start=([A-Za-z0-9_-]+)/.exec(inviteReply.text ?? "")![1]!;
    credentials.push(token);
    const stranger = telegramUser({ first_name: "Hải" });
    await settle(harness.say(stranger, `/start ${token}`));
    await settle(harness.say(stranger, `/start ${token}`));
    expect(await db.database.prisma.person.count({ where: { telegramUserId: BigInt(stranger.id) } })).toBe(1);

    // The logs: the session was logged, as JSON, and holds none of it.
    const entries = lines.map((line) => JSON.parse(line) as Record<string, unknown>);
    const messages = entries.map((entry) => entry.msg);
    expect(messages).toEqual(
      expect.arrayContaining([
        "phone shared",
        "progress button refused",
        "group link",
        "group link code created",
        "invite created",
        "invite start",
      ]),
    );
    expect(entries.filter((entry) => entry.msg === "progress button refused").map((entry) => entry.data)).toEqual([
      "td:u:[phone ***444]:a:0",
      "td:u:[phone ***111]:a:0",
    ]);
    expect(entries.find((entry) => entry.msg === "update failed")).toMatchObject({
      err: {
        type: "GrammyError",
        method: "sendMessage",
        errorCode: 400,
        description: "Bad Request: chat [phone ***888] not found",
      },
    });
    const text = lines.join("");
    expect(text).not.toMatch(/(lienketnhom|linkgroup|start)(@\w+)?(\s|\\n|=)+[A-Za-z0-9_-]{20,}/);
    for (const phone of phones) expect(text, phone).not.toMatch(anyFormOf(phone));
    for (const credential of credentials) expect(text).not.toContain(credential);
    expect(text).not.toContain(testBotToken);

    // The stored updates, all handled, keep no code, token or shared phone number.
    const stored = await db.database.prisma.telegramUpdate.findMany({ select: { processedAt: true, payload: true } });
    expect(stored.length).toBeGreaterThan(10);
    expect(stored.every((row) => row.processedAt !== null)).toBe(true);
    const payloads = JSON.stringify(stored.map((row) => row.payload));
    for (const credential of credentials) expect(payloads).not.toContain(credential);
    expect(payloads).not.toMatch(/"phone_number":"(?!\[redacted\]")/);
    expect(payloads).toContain(`"text":"/linkgroup@${botUsername} [redacted]"`);
    expect(payloads).toContain('"text":"/lienketnhom [redacted]"');
    expect(payloads).toContain('"text":"/start [redacted]"');
    expect(payloads).toContain('"phone_number":"[redacted]"');

    // No table holds a code or a token in clear: invites of both kinds keep only the SHA-256 hash.
    const tables = await db.database.sql.query(
      "SELECT table_name AS name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'",
    );
    expect(tables.length).toBeGreaterThan(10);
    for (const { name } of tables as { name: string }[]) {
      const dump = (await db.database.sql.query(`SELECT t::text AS row FROM "${name}" t`))
        .map((row) => (row as { row: string }).row)
        .join("\n");
      for (const credential of credentials) expect(dump, name).not.toContain(credential);
    }
    expect(await db.database.prisma.invite.count({ where: { kind: "group" } })).toBe(3);
  });
});
