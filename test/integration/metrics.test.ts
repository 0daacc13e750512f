// The operator's port: /healthz, /readyz and Prometheus /metrics on METRICS_PORT, through the real app,
// the emulator and the test's database. The counters are checked against the database itself (every update
// received is a stored row, every one handled a marked row), not against numbers written in the test.
import type { User } from "grammy/types";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fixedClock } from "../../src/clock.js";
import { enqueue } from "../../src/db/outbox-store.js";
import { tooManyRequests } from "../../src/emulator/errors.js";
import { startBotHarness, type BotHarness } from "../support/bot-harness.js";
import { bindTelegramUser, importFixture } from "../support/roster.js";
import { createTestDatabase, type TestDatabase } from "../support/test-database.js";

const clock = fixedClock("2020-02-26T03:00:00Z");

/** The value of a metric line `name{labels} value`, or undefined when the series is absent. */
function metric(text: string, series: string): number | undefined {
  const line = text.split("\n").find((candidate) => candidate.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
}

describe("health and metrics", () => {
  let db: TestDatabase;
  let harness: BotHarness;
  let an: User;
  let base: string;
  const prisma = () => db.database.prisma;
  const get = async (path: string) => {
    const response = await fetch(`${base}${path}`);
    return { status: response.status, type: response.headers.get("content-type"), text: await response.text() };
  };

  beforeAll(async () => {
    db = await createTestDatabase();
    await importFixture(db.database, "reporting-org.yaml");
    an = await bindTelegramUser(db.database, "+84912345678");
    harness = await startBotHarness(db.database, { clock, env: { METRICS_PORT: "0" } });
    base = `http://127.0.0.1:${harness.app.metrics!.port}`;
  });
  afterAll(async () => {
    await harness?.stop();
    await db?.drop();
  });

  it("when the process runs, then /healthz answers ok and /readyz says the database, migrations and Telegram are fine", async () => {
    expect(await get("/healthz")).toMatchObject({ status: 200, text: "ok\n" });
    const before = await get("/readyz");
    expect(before.status).toBe(200);
    expect(JSON.parse(before.text)).toEqual({
      ready: true,
      database: "ok",
      migrations: "applied",
      telegram: "reachable",
      leader: false,
    });
    // The scheduler's first tick takes the lead; /readyz says so.
    await harness.app.scheduler.tick();
    expect(JSON.parse((await get("/readyz")).text)).toMatchObject({ ready: true, leader: true });
    expect((await get("/nothing")).status).toBe(404);
  });

  it("when a migration is missing, then /readyz answers 503 and says which check failed", async () => {
    const [last] = await prisma().$queryRaw<{ id: string; migration_name: string }[]>`
      SELECT id, migration_name FROM "_prisma_migrations" ORDER BY migration_name DESC LIMIT 1`;
    await prisma().$executeRaw`UPDATE "_prisma_migrations" SET rolled_back_at = now() WHERE id = ${last!.id}`;
    try {
      const response = await get("/readyz");
      expect(response.status).toBe(503);
      expect(JSON.parse(response.text)).toMatchObject({ ready: false, database: "ok", migrations: "pending" });
    } finally {
      await prisma().$executeRaw`UPDATE "_prisma_migrations" SET rolled_back_at = NULL WHERE id = ${last!.id}`;
    }
    expect((await get("/readyz")).status).toBe(200);
  });

  it("when people report and messages wait, then /metrics counts what the database holds", async () => {
    const card = await harness.say(an, "/baocao daihoi 25/02/2020 bch=5/5 nu=2");
    await harness.press(an, card, "✅ Xác nhận");
    await harness.app.inbox.drain();
    // One message due 20 minutes ago, held by another instance's claim so that nobody sends it meanwhile.
    await enqueue(prisma(), [
      {
        dedupeKey: "metrics:waiting",
        chatId: an.id,
        kind: "test",
        payload: { method: "sendMessage", params: { text: "chờ" } },
        notBefore: new Date(clock.now().getTime() - 20 * 60_000),
      },
    ]);
    await prisma().outboxMessage.update({
      where: { dedupeKey: "metrics:waiting" },
      data: { claimedUntil: new Date(clock.now().getTime() + 3600_000) },
    });

    const response = await get("/metrics");
    expect(response.status).toBe(200);
    expect(response.type).toContain("text/plain");
    const text = response.text;
    const stored = await prisma().telegramUpdate.count();
    const handledOk = await prisma().telegramUpdate.count({ where: { processedAt: { not: null }, lastError: null } });
    expect(stored).toBeGreaterThanOrEqual(2);
    expect(metric(text, "daihoi_updates_received_total")).toBe(stored);
    expect(metric(text, 'daihoi_updates_handled_total{outcome="ok"}')).toBe(handledOk);
    expect(metric(text, "daihoi_update_handling_seconds_count")).toBe(handledOk);
    expect(metric(text, "daihoi_inbox_backlog")).toBe(
      await prisma().telegramUpdate.count({ where: { processedAt: null } }),
    );
    const pending = await prisma().outboxMessage.count({ where: { status: "pending" } });
    expect(metric(text, 'daihoi_outbox_messages{status="pending"}')).toBe(pending);
    expect(metric(text, "daihoi_outbox_oldest_queued_seconds")).toBeGreaterThanOrEqual(20 * 60);
    // Each job of a tick, with what it planned: the reminders are the outbox's reminder rows (every one
    // planned by this app's ticks); pruning plans no message.
    await harness.app.scheduler.tick();
    const afterTick = (await get("/metrics")).text;
    expect(metric(afterTick, 'daihoi_scheduled_messages_planned_total{job="reminders"}')).toBe(
      await prisma().outboxMessage.count({ where: { kind: { in: ["reminder", "group-reminder"] } } }),
    );
    expect(metric(afterTick, 'daihoi_scheduled_messages_planned_total{job="update-retention"}')).toBe(0);
    expect(metric(text, "daihoi_process_resident_memory_bytes")).toBeGreaterThan(0);
  });

  it("when Telegram answers 429, then the outbox waits and the 429 is counted", async () => {
    const before = metric((await get("/metrics")).text, "daihoi_telegram_429_total") ?? 0;
    // One round of the sender by hand (its loop stopped): the answer is known when the round returns.
    await harness.app.sender.stop();
    harness.emulator.failNext("sendMessage", tooManyRequests(1));
    await enqueue(prisma(), [
      {
        dedupeKey: "metrics:flood",
        // Another chat than the waiting message's: a chat's messages go out in order.
        chatId: 700000555,
        kind: "test",
        payload: { method: "sendMessage", params: { text: "thử 429" } },
        notBefore: clock.now(),
      },
    ]);
    expect(await harness.app.sender.drainOnce()).toMatchObject({ retried: 1 });
    // The row waits retry_after (1 s on the app's clock) before it is sent again.
    const row = await prisma().outboxMessage.findUniqueOrThrow({ where: { dedupeKey: "metrics:flood" } });
    expect(row.status).toBe("pending");
    expect(row.notBefore.getTime()).toBeGreaterThanOrEqual(clock.now().getTime() + 1000);
    expect(metric((await get("/metrics")).text, "daihoi_telegram_429_total")).toBe(before + 1);
  });
});
