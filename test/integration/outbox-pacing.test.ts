// Several instances on one PostgreSQL database, each with its outbox sender: Telegram's limits count the bot,
// not the process, so one instance sends at a time (the outbox's lock) and the others take over when it
// stops. The Bot API emulator enforces Telegram's limits here (30 messages a second for the bot, one a
// second per chat) and counts every send it had to refuse. The instances are connections of this process,
// each with its own pool, as separate processes would be.
import { Api } from "grammy";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase, type Database } from "../../src/db/client.js";
import { enqueue, type NewOutboxMessage } from "../../src/db/outbox-store.js";
import { startBotApiEmulator, type BotApiEmulator } from "../../src/emulator/index.js";
import { createLogger } from "../../src/logger.js";
import { createOutboxSender, type OutboxSender } from "../../src/outbox/sender.js";
import { testBotToken } from "../support/test-config.js";
import { createTestDatabase, testDatabaseKind, type TestDatabase } from "../support/test-database.js";

const firstChat = 820_000_001;

describe.skipIf(testDatabaseKind !== "postgres")("the outbox's senders on several instances", () => {
  let db: TestDatabase;
  let emulator: BotApiEmulator;
  const databases: Database[] = [];
  const instances: { sender: OutboxSender; sends: number }[] = [];

  beforeAll(async () => {
    db = await createTestDatabase();
    emulator = await startBotApiEmulator({ rateLimits: true });
    for (let n = 0; n < 3; n++) {
      const database = await openDatabase({ kind: "postgres", url: db.url! });
      databases.push(database);
      const api = new Api(testBotToken, { apiRoot: emulator.apiRoot });
      const instance = { sender: null as unknown as OutboxSender, sends: 0 };
      // Counts the messages this instance sent (the emulator sees one bot).
      api.config.use((prev, method, payload, signal) => {
        if (method === "sendMessage") instance.sends++;
        return prev(method, payload, signal);
      });
      instance.sender = createOutboxSender({
        prisma: database.prisma,
        api,
        logger: createLogger({ level: process.env.TEST_LOG_LEVEL ?? "silent" }),
        // Telegram's limits (the default), as in production.
        idleMs: 20,
        instanceId: `instance-${n + 1}`,
        pacing: () => database.acquireLeadership("outbox"),
        pacingRetryMs: 50,
      });
      instances.push(instance);
    }
  });
  afterAll(async () => {
    for (const { sender } of instances) await sender.stop();
    for (const database of databases) await database.close();
    await emulator?.close();
    await db?.drop();
  });

  /** One message to each of `count` private chats from `from` on, as a fan-out enqueues them. */
  async function fanOut(from: number, count: number): Promise<number[]> {
    const chats = Array.from({ length: count }, (_, i) => firstChat + from + i);
    for (const id of chats) emulator.registerChat({ id, type: "private", first_name: `Đảng viên ${id}` });
    const messages: NewOutboxMessage[] = chats.map((chatId) => ({
      dedupeKey: `pacing:${chatId}`,
      chatId,
      kind: "reminder",
      payload: { method: "sendMessage" as const, params: { text: `Nhắc việc ${chatId}` } },
    }));
    await enqueue(db.database.prisma, messages);
    for (const { sender } of instances) sender.notify();
    return chats;
  }

  const delivered = (chats: readonly number[]) => chats.filter((id) => emulator.messages(id).length > 0).length;

  it("when three instances run their senders, then one of them sends, within Telegram's limits for the bot", async () => {
    for (const { sender } of instances) sender.start();
    const chats = await fanOut(0, 90);
    await emulator.waitFor(() => delivered(chats) === chats.length);
    expect(chats.map((id) => emulator.messages(id).length)).toEqual(chats.map(() => 1));
    expect(emulator.stats.violations).toBe(0);
    expect(instances.filter(({ sender }) => sender.isPacing())).toHaveLength(1);
    expect(instances.map(({ sends }) => sends).sort((a, b) => b - a)).toEqual([90, 0, 0]);
  });

  it("when the sending instance stops mid-fan-out, then another takes over, counting what was just sent", async () => {
    const before = instances.map(({ sends }) => sends);
    const chats = await fanOut(1000, 120);
    // Stopped once it has sent a second's worth: the next instance starts with the limit's window still full.
    await emulator.waitFor(() => delivered(chats) >= 30);
    const pacing = instances.find(({ sender }) => sender.isPacing())!;
    await pacing.sender.stop();
    await emulator.waitFor(() => delivered(chats) === chats.length);
    expect(chats.map((id) => emulator.messages(id).length)).toEqual(chats.map(() => 1));
    expect(emulator.stats.violations).toBe(0);
    const others = instances.filter((instance) => instance !== pacing);
    expect(others.filter(({ sender }) => sender.isPacing())).toHaveLength(1);
    // Each message was sent by the stopped instance or by the one that took over, none by the third.
    const sentNow = instances.map(({ sends }, i) => sends - before[i]!);
    expect(sentNow.reduce((sum, n) => sum + n, 0)).toBe(120);
    expect(sentNow.filter((n) => n > 0)).toHaveLength(2);
  });
});
