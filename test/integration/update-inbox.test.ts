// The durable update inbox: stored-but-unhandled updates survive a crash, poison updates are set aside.
import type { Update } from "grammy/types";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { storeUpdates } from "../../src/db/update-store.js";
import { startBotApiEmulator } from "../../src/emulator/index.js";
import { testBotToken } from "../support/test-config.js";
import { startBotHarness, telegramUser, type BotHarness } from "../support/bot-harness.js";
import { createTestDatabase, type TestDatabase } from "../support/test-database.js";

function startUpdate(updateId: number, user: ReturnType<typeof telegramUser>): Update {
  return {
    update_id: updateId,
    message: {
      message_id: 1,
      date: 1_600_000_000,
      chat: { id: user.id, type: "private", first_name: user.first_name },
      from: user,
      text: "/start",
      entities: [{ type: "bot_command", offset: 0, length: 6 }],
    },
  };
}

describe("update inbox", () => {
  let db: TestDatabase;
  let harness: BotHarness;
  const survivor = telegramUser({ first_name: "Cường" });
  const poison = telegramUser({ first_name: "Dũng" });

  beforeAll(async () => {
    db = await createTestDatabase();
    // As left by a crash: one update stored but never handled, one that crashed the process three times.
    await storeUpdates(db.database.prisma, [startUpdate(500, survivor), startUpdate(501, poison)]);
    await db.database.prisma.telegramUpdate.update({ where: { updateId: 501n }, data: { attempts: 3 } });
    const emulator = await startBotApiEmulator();
    emulator.configureBot(testBotToken, { nextUpdateId: 502 });
    emulator.registerChat({ id: survivor.id, type: "private", first_name: survivor.first_name });
    harness = await startBotHarness(db.database, { emulator });
  });
  afterAll(async () => {
    await harness?.stop();
    await harness?.emulator.close();
    await db?.drop();
  });

  it("when an update was stored but not handled before a crash, then it is handled on start", async () => {
    const [reply] = await harness.emulator.waitForBotMessages(survivor.id, 1);
    expect(reply!.text?.split("\n")[0]).toBe("Kính chào đồng chí Cường!");
    await harness.app.inbox.drain(); // waits for the drain in progress to mark it
    const row = await db.database.prisma.telegramUpdate.findUniqueOrThrow({ where: { updateId: 500n } });
    expect(row.processedAt).not.toBeNull();
    expect(row.lastError).toBeNull();
  });

  it("when an update failed three times, then it is set aside instead of crashing the bot forever", async () => {
    await harness.app.inbox.drain();
    const row = await db.database.prisma.telegramUpdate.findUniqueOrThrow({ where: { updateId: 501n } });
    expect(row.processedAt).not.toBeNull();
    expect(row.lastError).toBe("set aside after repeated failures");
    expect(harness.sent(poison.id)).toEqual([]);
  });

  it("when an invite link or a phone number was handled, then the stored update no longer holds it", async () => {
    const user = telegramUser({ first_name: "Giang" });
    harness.emulator.sendMessage(harness.token, { from: user, text: "/start AbCdEf0123456789AbCdEf0123456789" });
    await harness.emulator.waitForBotMessages(user.id, 1);
    harness.emulator.sendContact(harness.token, {
      from: user,
      contact: { phone_number: "+84912345678", first_name: "Giang", user_id: user.id },
    });
    await harness.emulator.waitForBotMessages(user.id, 2);
    await harness.app.inbox.drain();
    const rows = await db.database.prisma.telegramUpdate.findMany({
      where: { updateId: { gte: 502n } },
      orderBy: { updateId: "asc" },
    });
    const text = JSON.stringify(rows.map((row) => row.payload));
    expect(text).toContain("/start [redacted]");
    expect(text).not.toContain("AbCdEf0123456789");
    expect(text).not.toContain("912345678");
    await db.database.prisma.telegramUpdate.deleteMany({ where: { updateId: { gte: 502n } } });
  });

  it("when new updates arrive, then polling continues after the stored offset and Telegram's queue is confirmed", async () => {
    const user = telegramUser();
    const reply = await harness.say(user, "/trogiup");
    expect(reply.text?.startsWith("Trợ lý Đại hội — hướng dẫn")).toBe(true);
    const stored = await db.database.prisma.telegramUpdate.findMany({
      orderBy: { updateId: "asc" },
      select: { updateId: true },
    });
    expect(stored.map((row) => row.updateId)).toEqual([500n, 501n, 504n]);
    await harness.emulator.waitFor(() => harness.emulator.pendingUpdates(harness.token).length === 0);
  });
});
