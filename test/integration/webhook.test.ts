// Webhook mode (WEBHOOK_URL, WEBHOOK_SECRET, WEBHOOK_PORT): the bot registers its webhook at start, the
// emulator posts updates to it over HTTP as Telegram does, and a request without the secret is refused.
import type { WebhookInfo } from "grammy/types";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startBotApiEmulator, type BotApiEmulator } from "../../src/emulator/index.js";
import { allowedUpdates } from "../../src/bot/update-inbox.js";
import { startBotHarness, telegramUser, type BotHarness } from "../support/bot-harness.js";
import { freePort } from "../support/free-port.js";
import { createTestDatabase, type TestDatabase } from "../support/test-database.js";

const secret = "test-webhook-secret-0123456789abcdef";

describe("webhook mode", () => {
  let db: TestDatabase;
  let emulator: BotApiEmulator;
  let harness: BotHarness;
  let hook: string;

  beforeAll(async () => {
    db = await createTestDatabase();
    emulator = await startBotApiEmulator();
    const port = await freePort();
    hook = `http://127.0.0.1:${port}/telegram/hook`;
    harness = await startBotHarness(db.database, {
      emulator,
      env: {
        WEBHOOK_URL: hook,
        WEBHOOK_SECRET: secret,
        WEBHOOK_PORT: String(port),
        WEBHOOK_MAX_CONNECTIONS: "20",
        METRICS_PORT: "0",
      },
      // Asked every 100 ms here (a minute in production), so the test sees the watch act.
      webhookCheckIntervalMs: 100,
    });
  });
  afterAll(async () => {
    await harness?.stop();
    await emulator?.close();
    await db?.drop();
  });

  const storedCount = () => db.database.prisma.telegramUpdate.count();
  const post = (body: string, headers: Record<string, string>, path = "/telegram/hook") =>
    fetch(`http://127.0.0.1:${harness.app.webhook!.port}${path}`, {
      method: "POST",
      headers: { "content-type": "application/json", ...headers },
      body,
    });

  it("when started with WEBHOOK_URL, then the webhook is set with the secret, the updates the bot handles and the connection limit, and getUpdates is not used", async () => {
    const { response } = await emulator.call(harness.token, "getWebhookInfo");
    const info = (response as { result: WebhookInfo }).result;
    expect(info).toMatchObject({ url: hook, max_connections: 20, allowed_updates: [...allowedUpdates] });
    expect(emulator.world.requests).not.toContain("getUpdates");
    expect(emulator.world.requests).not.toContain("deleteWebhook");
  });

  it("when the webhook is set, then /readyz says Telegram answers; when another process deletes the webhook, then the bot sets it again", async () => {
    const readiness = await (await fetch(`http://127.0.0.1:${harness.app.metrics!.port}/readyz`)).json();
    expect(readiness).toMatchObject({ ready: true, telegram: "reachable" });
    // As a process started with long polling on the same token would.
    await emulator.call(harness.token, "deleteWebhook");
    const info = () =>
      emulator
        .call(harness.token, "getWebhookInfo")
        .then(({ response }) => (response as { result: WebhookInfo }).result);
    expect((await info()).url).toBe("");
    const setAgain = emulator.world.requests.length;
    await emulator.waitFor(() => emulator.world.requests.slice(setAgain).includes("setWebhook"));
    expect(await info()).toMatchObject({ url: hook, allowed_updates: [...allowedUpdates] });
    const user = telegramUser();
    expect((await harness.say(user, "/trogiup")).text?.startsWith("Trợ lý Đại hội — hướng dẫn")).toBe(true);
  });

  it("when a person writes, then Telegram's post is stored, answered 200, handled from the inbox and the person answered", async () => {
    const user = telegramUser();
    const reply = await harness.say(user, "/trogiup");
    expect(reply.text?.startsWith("Trợ lý Đại hội — hướng dẫn")).toBe(true);
    await harness.app.inbox.drain();
    const rows = await db.database.prisma.telegramUpdate.findMany({ where: { chatKey: String(user.id) } });
    expect(rows).toHaveLength(1);
    expect(rows[0]!.processedAt).not.toBeNull();
    const delivered = emulator.webhookAttempts(harness.token).filter((a) => a.updateId === Number(rows[0]!.updateId));
    expect(delivered.map((attempt) => attempt.outcome)).toEqual([200]);
  });

  it("when a request lacks the secret token or carries a wrong one, then it gets 401 and nothing is stored", async () => {
    const before = await storedCount();
    const update = JSON.stringify({
      update_id: 999_001,
      message: { message_id: 1, date: 1, chat: { id: 5, type: "private" }, text: "/start" },
    });
    expect((await post(update, {})).status).toBe(401);
    expect((await post(update, { "x-telegram-bot-api-secret-token": `${secret}x` })).status).toBe(401);
    expect((await post(update, { "x-telegram-bot-api-secret-token": "short" })).status).toBe(401);
    expect(await storedCount()).toBe(before);
  });

  it("when the secret is right but the body is not an update, or the path or method is wrong, then it is refused and nothing is stored", async () => {
    const before = await storedCount();
    const withSecret = { "x-telegram-bot-api-secret-token": secret };
    expect((await post("{not json", withSecret)).status).toBe(400);
    expect((await post(JSON.stringify({ message: {} }), withSecret)).status).toBe(400);
    expect((await post(JSON.stringify({ update_id: 999_002 }), withSecret, "/other")).status).toBe(404);
    const get = await fetch(`http://127.0.0.1:${harness.app.webhook!.port}/telegram/hook`);
    expect(get.status).toBe(405);
    expect(await storedCount()).toBe(before);
  });

  it("when one person's reply is stuck at Telegram, then every post is still answered at once and another person is answered meanwhile", async () => {
    const slow = telegramUser({ first_name: "Chậm" });
    const quick = telegramUser({ first_name: "Nhanh" });
    const held = emulator.holdResponseNext("sendMessage", { chatId: slow.id });
    emulator.sendMessage(harness.token, { from: slow, text: "/trogiup" });
    await held.caught;
    const quickReply = await harness.say(quick, "/trogiup");
    expect(quickReply.text?.startsWith("Trợ lý Đại hội — hướng dẫn")).toBe(true);
    // Both posts were answered 200 while the slow person's handling still waits for Telegram.
    const rows = await db.database.prisma.telegramUpdate.findMany({
      where: { chatKey: { in: [String(slow.id), String(quick.id)] } },
    });
    expect(rows).toHaveLength(2);
    const outcomes = emulator
      .webhookAttempts(harness.token)
      .filter((attempt) => rows.some((row) => Number(row.updateId) === attempt.updateId))
      .map((attempt) => attempt.outcome);
    expect(outcomes).toEqual([200, 200]);
    held.release();
    await emulator.waitForBotMessages(slow.id, 1);
  });
});
