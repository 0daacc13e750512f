// The outbox sender against the Bot API emulator over HTTP, on a real database: dedupe, order per chat,
// 429 retry_after, blocked users, lost answers, 5xx, flood limits, and (PostgreSQL) two senders at once.
import { Api } from "grammy";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { openDatabase } from "../../src/db/client.js";
import { claimDue, enqueue, markSent, type NewOutboxMessage } from "../../src/db/outbox-store.js";
import { startBotApiEmulator, type BotApiEmulator, type RateLimits } from "../../src/emulator/index.js";
import { createLogger } from "../../src/logger.js";
import { createOutboxSender, type OutboxSender, type OutboxSenderOptions } from "../../src/outbox/sender.js";
import { cli } from "../support/cli.js";
import { testBotToken } from "../support/test-config.js";
import { createTestDatabase, resetDatabase, testDatabaseKind, type TestDatabase } from "../support/test-database.js";

const alice = 810_000_001;
const bob = 810_000_002;
const carol = 810_000_003;
const group = -1_001_000_000_042;

function text(chatId: number, n: number): string {
  return `msg ${chatId} #${n}`;
}

function messagesFor(chatId: number, count: number, kind = "test", from = 1): NewOutboxMessage[] {
  return Array.from({ length: count }, (_, i) => ({
    dedupeKey: `test:${chatId}:${from + i}`,
    chatId,
    kind,
    payload: { method: "sendMessage" as const, params: { text: text(chatId, from + i) } },
  }));
}

/** Messages 1..n of each chat interleaved, as a fan-out would enqueue them. */
function interleaved(chats: readonly number[], perChat: number): NewOutboxMessage[] {
  const out: NewOutboxMessage[] = [];
  for (let n = 1; n <= perChat; n++) for (const chatId of chats) out.push(...messagesFor(chatId, 1, "test", n));
  return out;
}

describe("outbox sender", () => {
  let db: TestDatabase;
  let emulator: BotApiEmulator;
  const senders: OutboxSender[] = [];

  async function startEmulator(rateLimits?: RateLimits): Promise<void> {
    emulator = await startBotApiEmulator(rateLimits ? { rateLimits } : {});
    for (const id of [alice, bob, carol]) emulator.registerChat({ id, type: "private", first_name: `User ${id}` });
    emulator.registerChat({ id: group, type: "supergroup", title: "Ban Thường vụ" });
  }

  function sender(overrides: Partial<OutboxSenderOptions> = {}): OutboxSender {
    const created = createOutboxSender({
      prisma: db.database.prisma,
      api: new Api(testBotToken, { apiRoot: emulator.apiRoot }),
      logger: createLogger({ level: process.env.TEST_LOG_LEVEL ?? "silent" }),
      limits: null,
      idleMs: 20,
      backoff: { baseMs: 50, maxMs: 400 },
      ...overrides,
    });
    senders.push(created);
    return created;
  }

  /**
   * Runs the senders until no row is pending, then stops them. The limit only stops a test that would hang
   * (a busy machine may take many seconds).
   */
  async function runUntilSettled(running: OutboxSender[], timeoutMs = 120_000): Promise<void> {
    for (const s of running) s.start();
    const deadline = Date.now() + timeoutMs;
    try {
      while ((await db.database.prisma.outboxMessage.count({ where: { status: "pending" } })) > 0) {
        if (Date.now() > deadline) throw new Error("outbox did not settle in time");
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    } finally {
      await Promise.all(running.map((s) => s.stop()));
    }
  }

  const texts = (chatId: number) => emulator.messages(chatId).map((m) => m.text);
  const expected = (chatId: number, count: number) => Array.from({ length: count }, (_, i) => text(chatId, i + 1));

  async function expectSentIdsMatchEmulator(): Promise<void> {
    const rows = await db.database.prisma.outboxMessage.findMany({ where: { status: "sent" } });
    for (const row of rows) {
      const params = (row.payload as { params: { text: string } }).params;
      const delivered = emulator.messages(Number(row.chatId)).filter((m) => m.text === params.text);
      // The last delivery is the one Telegram's answer reached us for.
      expect(row.sentMessageId).toBe(delivered.at(-1)!.message_id);
      expect(row.sentAt).not.toBeNull();
    }
  }

  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(async () => {
    await db.drop();
  });
  beforeEach(async () => {
    await resetDatabase(db.database);
  });
  afterEach(async () => {
    await Promise.all(senders.splice(0).map((s) => s.stop()));
    await emulator?.close();
  });

  it("when the same dedupe key is enqueued twice, then there is one row and one message", async () => {
    await startEmulator();
    const message = messagesFor(alice, 1)[0]!;
    expect(await enqueue(db.database.prisma, [message])).toBe(1);
    expect(
      await enqueue(db.database.prisma, [
        message,
        { ...message, payload: { method: "sendMessage", params: { text: "other" } } },
      ]),
    ).toBe(0);
    expect(await db.database.prisma.outboxMessage.count()).toBe(1);
    await runUntilSettled([sender()]);
    expect(texts(alice)).toEqual([text(alice, 1)]);
    // Enqueued again after it was sent: still nothing new.
    expect(await enqueue(db.database.prisma, [message])).toBe(0);
    await runUntilSettled([sender()]);
    expect(emulator.stats.sent).toBe(1);
    await expectSentIdsMatchEmulator();
  });

  it("when a claim's lease expires (the sender was killed), then the row is claimed again and the old claim cannot mark it", async () => {
    const prisma = db.database.prisma;
    const now = new Date(Date.now() + 1000);
    await enqueue(prisma, [
      ...messagesFor(alice, 2),
      { ...messagesFor(bob, 1)[0]!, notBefore: new Date(now.getTime() + 60_000) },
    ]);
    const [claimed, ...others] = await claimDue(prisma, { limit: 10, now, leaseMs: 30_000 });
    // Only the first row of alice's chat; bob's is not due yet.
    expect(others).toEqual([]);
    expect(claimed).toMatchObject({
      chatId: alice,
      kind: "test",
      attempts: 0,
      payload: { method: "sendMessage", params: { text: text(alice, 1) } },
    });
    expect(await claimDue(prisma, { limit: 10, now: new Date(now.getTime() + 29_000), leaseMs: 30_000 })).toEqual([]);
    const [again] = await claimDue(prisma, { limit: 10, now: new Date(now.getTime() + 30_000), leaseMs: 30_000 });
    expect(again!.id).toBe(claimed!.id);
    expect(await markSent(prisma, claimed!, 1, now)).toBe(false);
    expect(await markSent(prisma, again!, 7, now)).toBe(true);
    const next = await claimDue(prisma, {
      limit: 10,
      now: new Date(now.getTime() + 61_000),
      leaseMs: 30_000,
      excludeChatIds: [bob],
    });
    expect(next.map((m) => m.payload.params.text)).toEqual([text(alice, 2)]);
  });

  it("when several chats get several messages, then each chat receives them in order, with Telegram's message ids", async () => {
    await startEmulator();
    await enqueue(db.database.prisma, interleaved([alice, bob, group], 10));
    await runUntilSettled([sender()]);
    for (const chatId of [alice, bob, group]) expect(texts(chatId)).toEqual(expected(chatId, 10));
    expect(await db.database.prisma.outboxMessage.count({ where: { status: "sent" } })).toBe(30);
    await expectSentIdsMatchEmulator();
  });

  it("when Telegram answers 429 with retry_after, then everything arrives afterwards, in order, not earlier than retry_after", async () => {
    await startEmulator();
    emulator.failNext(
      "sendMessage",
      { error_code: 429, description: "Too Many Requests: retry after 1", retry_after: 1 },
      3,
    );
    await enqueue(db.database.prisma, interleaved([alice, bob, group], 4));
    const startedAt = Date.now();
    await runUntilSettled([sender()]);
    for (const chatId of [alice, bob, group]) expect(texts(chatId)).toEqual(expected(chatId, 4));
    const rows = await db.database.prisma.outboxMessage.findMany();
    expect(rows.every((row) => row.status === "sent")).toBe(true);
    // The three first messages (one per chat) were refused, so their chats were held for a second.
    for (const row of rows) expect(row.sentAt!.getTime()).toBeGreaterThanOrEqual(startedAt + 1000);
    expect(emulator.requestLog.filter((entry) => entry.status === 429)).toHaveLength(3);
    await expectSentIdsMatchEmulator();
  });

  it("when a user blocked the bot, then their messages fail for good and `outbox status` lists them without texts", async () => {
    await startEmulator();
    emulator.blockBot(carol);
    await enqueue(db.database.prisma, [...messagesFor(carol, 2, "reminder"), ...messagesFor(alice, 2)]);
    await runUntilSettled([sender()]);
    expect(texts(alice)).toEqual(expected(alice, 2));
    const failed = await db.database.prisma.outboxMessage.findMany({
      where: { status: "failed" },
      orderBy: { id: "asc" },
    });
    expect(failed.map((row) => Number(row.chatId))).toEqual([carol, carol]);
    expect(failed[0]!.lastError).toMatch(/403.*blocked/);
    expect(failed[0]!.attempts).toBe(1);

    const result = await cli(db.database, ["outbox", "status", "--lang", "en"]);
    expect(result.code, result.err.join("\n")).toBe(0);
    const output = result.out.join("\n");
    expect(output).toContain("0 pending");
    expect(output).toContain("2 sent");
    expect(output).toContain("2 failed");
    expect(
      result.out.filter(
        (line) => line.includes(`chat ${carol}`) && line.includes("reminder") && line.includes("blocked"),
      ),
    ).toHaveLength(2);
    expect(output).not.toContain("msg ");
    const vi = await cli(db.database, ["outbox", "status"]);
    expect(vi.out.join("\n")).toContain("không gửi được");
  });

  it("when a chat does not exist, then its message fails as chat not found", async () => {
    await startEmulator();
    await enqueue(db.database.prisma, messagesFor(999_999_999, 1));
    await runUntilSettled([sender()]);
    const row = await db.database.prisma.outboxMessage.findFirstOrThrow();
    expect(row.status).toBe("failed");
    expect(row.lastError).toMatch(/400.*chat not found/);
  });

  it("when Telegram's answer is lost in flight, then the message is retried and only that one arrives twice", async () => {
    await startEmulator();
    emulator.dropResponseNext("sendMessage");
    await enqueue(db.database.prisma, messagesFor(alice, 3));
    await runUntilSettled([sender()]);
    // The first message was accepted, its answer lost, and sent again: the one duplicate of this test.
    expect(texts(alice)).toEqual([text(alice, 1), text(alice, 1), text(alice, 2), text(alice, 3)]);
    const first = await db.database.prisma.outboxMessage.findFirstOrThrow({ where: { dedupeKey: `test:${alice}:1` } });
    expect(first).toMatchObject({ status: "sent", attempts: 2 });
    expect(first.lastError).toBeNull();
    await expectSentIdsMatchEmulator();
  });

  it("when Telegram answers 5xx, then the message is retried with backoff, and failed after the last attempt", async () => {
    await startEmulator();
    emulator.failNext("sendMessage", { error_code: 502, description: "Bad Gateway" }, 2);
    await enqueue(db.database.prisma, messagesFor(alice, 1));
    await runUntilSettled([sender({ maxAttempts: 3 })]);
    expect(texts(alice)).toEqual([text(alice, 1)]);
    expect(await db.database.prisma.outboxMessage.findFirstOrThrow()).toMatchObject({ status: "sent", attempts: 3 });

    await resetDatabase(db.database);
    emulator.failNext("sendMessage", { error_code: 500, description: "Internal Server Error" }, 3);
    await enqueue(db.database.prisma, messagesFor(bob, 1));
    await runUntilSettled([sender({ maxAttempts: 3 })]);
    expect(texts(bob)).toEqual([]);
    const row = await db.database.prisma.outboxMessage.findFirstOrThrow();
    expect(row).toMatchObject({ status: "failed", attempts: 3 });
    expect(row.lastError).toMatch(/500/);
  });

  it("when the emulator enforces flood limits, then a burst of 60 messages to 3 chats causes no violation", async () => {
    const limits = {
      global: { limit: 20, windowMs: 1000 },
      perChat: { limit: 1, windowMs: 100 },
      perGroup: { limit: 5, windowMs: 1000 },
    };
    await startEmulator(limits);
    await enqueue(db.database.prisma, interleaved([alice, bob, group], 20));
    const startedAt = Date.now();
    await runUntilSettled([sender({ limits })]);
    const elapsed = Date.now() - startedAt;
    expect(emulator.stats.violationLog).toEqual([]);
    for (const chatId of [alice, bob, group]) expect(texts(chatId)).toEqual(expected(chatId, 20));
    // The group's 20 messages at 5/s need at least three full windows.
    expect(elapsed).toBeGreaterThanOrEqual(3000);
    await expectSentIdsMatchEmulator();
  });

  it.skipIf(testDatabaseKind !== "postgres")(
    "when two senders drain the same outbox on PostgreSQL, then each message is delivered exactly once, in order",
    async () => {
      await startEmulator();
      const other = await openDatabase({ kind: "postgres", url: db.url! });
      try {
        const chats = [alice, bob, carol, group];
        await enqueue(db.database.prisma, interleaved(chats, 25));
        const first = sender({ batchSize: 3, instanceId: "one" });
        const second = sender({ batchSize: 3, instanceId: "two", prisma: other.prisma });
        // Rounds of both run at the same time, each claiming from the same rows.
        const sentBy = [0, 0];
        const deadline = Date.now() + 15_000;
        while ((await db.database.prisma.outboxMessage.count({ where: { status: "pending" } })) > 0) {
          expect(Date.now()).toBeLessThan(deadline);
          const [a, b] = await Promise.all([first.drainOnce(), second.drainOnce()]);
          sentBy[0]! += a.sent;
          sentBy[1]! += b.sent;
        }
        expect(sentBy[0]! + sentBy[1]!).toBe(100);
        expect(sentBy[0]).toBeGreaterThan(0);
        expect(sentBy[1]).toBeGreaterThan(0);
        for (const chatId of chats) expect(texts(chatId)).toEqual(expected(chatId, 25));
        expect(emulator.stats.sent).toBe(100);
        expect(await db.database.prisma.outboxMessage.count({ where: { status: "sent" } })).toBe(100);
        await expectSentIdsMatchEmulator();
      } finally {
        await other.close();
      }
    },
    20_000,
  );
});
