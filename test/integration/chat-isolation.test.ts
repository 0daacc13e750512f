// One person's slow reply never stalls anyone else (issue 12): updates of one chat are handled in order,
// different chats side by side, and an answer to a person is retried for a few seconds at most. Each test
// makes Telegram misbehave for A's chat only (through the emulator's chat-scoped faults) and checks that
// B is answered meanwhile, by events (B's reply arriving while A's call is still held), not by timing.
import type { User } from "grammy/types";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { defaultRateLimit } from "../../src/bot/rate-limit.js";
import { startBotHarness, telegramUser, type BotHarness } from "../support/bot-harness.js";
import { createTestDatabase, type TestDatabase } from "../support/test-database.js";

const helpHeading = "Trợ lý Đại hội — hướng dẫn";

describe("one slow chat never stalls another", () => {
  let db: TestDatabase;
  let harness: BotHarness;
  const botMessages = (user: User) => harness.sent(user.id).filter((message) => message.from?.is_bot);

  beforeAll(async () => {
    db = await createTestDatabase();
    // The production flood limit: these tests send few messages, except the flooder's.
    harness = await startBotHarness(db.database, { rateLimit: defaultRateLimit });
  });
  afterAll(async () => {
    await harness?.stop();
    await db?.drop();
  });

  it("when Telegram holds the answer to A's /trogiup, then B's /trogiup is answered meanwhile, and A's chat goes on once it is released", async () => {
    const [a, b] = [telegramUser({ first_name: "An" }), telegramUser({ first_name: "Bình" })];
    const held = harness.emulator.holdResponseNext("sendMessage", { chatId: a.id });
    harness.emulator.sendMessage(harness.token, { from: a, text: "/trogiup" });
    await held.caught;

    // A's handler is stuck in its sendMessage; B's update is handled anyway.
    const answer = await harness.say(b, "/trogiup");
    expect(answer.text?.startsWith(helpHeading)).toBe(true);

    // A's next message waits behind the held one (one chat, in order), then both are answered.
    harness.emulator.sendMessage(harness.token, { from: a, text: "/ngonngu" });
    held.release();
    const [help, language] = await harness.emulator.waitForBotMessages(a.id, 2);
    expect(help!.text?.startsWith(helpHeading)).toBe(true);
    expect(language!.text).not.toBe(help!.text);
    await harness.app.inbox.drain();
  });

  it("when the responses to A's replies are lost, then A gets the reply at most twice and B is answered", async () => {
    const [a, b] = [telegramUser({ first_name: "Chi" }), telegramUser({ first_name: "Dung" })];
    // Both the reply and its one resend run at Telegram, and neither answer comes back.
    harness.emulator.dropResponseNext("sendMessage", 2, { chatId: a.id });
    harness.emulator.sendMessage(harness.token, { from: a, text: "/trogiup" });
    const answer = await harness.say(b, "/trogiup");
    expect(answer.text?.startsWith(helpHeading)).toBe(true);
    await harness.app.inbox.drain();
    expect(botMessages(a).map((message) => message.text?.split("\n")[0])).toEqual([helpHeading, helpHeading]);
  });

  it("when Telegram asks A's chat to wait 10 s, then A's reply is given up at once (never an hour of retries) and B is answered", async () => {
    const [a, b] = [telegramUser({ first_name: "Giang" }), telegramUser({ first_name: "Hà" })];
    const tooManyRequests = { error_code: 429, description: "Too Many Requests: retry after 10", retry_after: 10 };
    // The reply, then the error boundary's apology: both refused, neither retried past the budget.
    harness.emulator.failNext("sendMessage", tooManyRequests, 2, { chatId: a.id });
    harness.emulator.sendMessage(harness.token, { from: a, text: "/trogiup" });
    const answer = await harness.say(b, "/trogiup");
    expect(answer.text?.startsWith(helpHeading)).toBe(true);
    // The drain ends when A's update is handled: under the old one-hour retries this never came in time.
    await harness.app.inbox.drain();
    expect(botMessages(a)).toEqual([]);
    const handled = await db.database.prisma.telegramUpdate.findMany({ where: { processedAt: null } });
    expect(handled).toEqual([]);
  });

  it("when Telegram asks A's chat to wait 1 s, then the reply is sent after the wait", async () => {
    const a = telegramUser({ first_name: "Khánh" });
    harness.emulator.failNext(
      "sendMessage",
      { error_code: 429, description: "Too Many Requests: retry after 1", retry_after: 1 },
      1,
      { chatId: a.id },
    );
    const answer = await harness.say(a, "/trogiup");
    expect(answer.text?.startsWith(helpHeading)).toBe(true);
    await harness.app.inbox.drain();
    expect(botMessages(a)).toHaveLength(1);
  });

  it("when A floods the bot with 300 commands, then only the limit is stored and answered, A is told once to slow down, and B is answered", async () => {
    const [a, b] = [telegramUser({ first_name: "Lâm" }), telegramUser({ first_name: "Minh" })];
    const storedBefore = await db.database.prisma.telegramUpdate.count();
    for (let index = 0; index < 300; index++)
      harness.emulator.sendMessage(harness.token, { from: a, text: "/trogiup" });
    const answer = await harness.say(b, "/trogiup");
    expect(answer.text?.startsWith(helpHeading)).toBe(true);
    await harness.emulator.waitFor(() => harness.emulator.pendingUpdates(harness.token).length === 0);
    await harness.app.inbox.drain();
    // The limit's replies and the one notice (sent beside the queue, so awaited by count).
    const toA = await harness.emulator.waitForBotMessages(a.id, defaultRateLimit.limit + 1);
    expect(toA.filter((message) => message.text?.startsWith(helpHeading))).toHaveLength(defaultRateLimit.limit);
    expect(
      toA.filter(
        (message) =>
          message.text === "Đồng chí gửi quá nhiều tin nhắn trong thời gian ngắn. Vui lòng đợi một phút rồi thử lại.",
      ),
    ).toHaveLength(1);
    // Past the limit nothing reached the database: A's admitted updates and B's one.
    expect((await db.database.prisma.telegramUpdate.count()) - storedBefore).toBe(defaultRateLimit.limit + 1);
  });
});
