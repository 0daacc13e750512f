// Delivery benchmarks: the outbox sender against the Bot API emulator over real HTTP (issue 4, "Done when").
//
// 1. Limits enforced: the emulator enforces Telegram's limits (30/s global, 1/s per chat, 20/min per
//    group) and the sender runs with its production limits and defaults. One message to each of N private
//    chats, so only the global limit binds. Goal: a sustained rate ≥ 95% of 30 msg/s, zero violations.
// 2. Limits off: the emulator enforces nothing and the sender runs with `limits: null`. Goal ≥ 1,000
//    msg/s. Baseline in the same run: direct api.sendMessage calls to the same emulator with the sender's
//    concurrency model (rounds of `batchSize` concurrent calls, one per chat), so the ratio shows what
//    the outbox (claim query + mark query per message) costs on top of HTTP and the emulator.
//    Diagnostics: the same sender against a stub Api that answers at once without HTTP (the database's
//    ceiling), and where the sender's time goes (claim query, HTTP call, mark query).
import { performance } from "node:perf_hooks";
import type { PrismaClient } from "@prisma/client";
import { Api } from "grammy";
import { enqueue, type NewOutboxMessage } from "../src/db/outbox-store.js";
import { startBotApiEmulator, TELEGRAM_RATE_LIMITS, type BotApiEmulator } from "../src/emulator/index.js";
import { createLogger } from "../src/logger.js";
import { createOutboxSender, type OutboxSenderOptions } from "../src/outbox/sender.js";
import { defaultTelegramLimits } from "../src/outbox/rate-limiter.js";
import { envInt } from "./env.js";
import type { BenchContext, BenchResult, BenchRow, BenchSuite } from "./run.js";

const token = "123456789:BENCH-token_for-the-emulator";
const logger = createLogger({ level: process.env.BENCH_LOG_LEVEL ?? "silent" });

const limitedMessages = envInt("BENCH_LIMITED_MESSAGES", 300);
const unlimitedMessages = envInt("BENCH_UNLIMITED_MESSAGES", 5000);
const unlimitedChats = envInt("BENCH_UNLIMITED_CHATS", 1000);
/** The sender's default batch size, used for the baseline's concurrency too. */
const batchSize = 100;

const chatIdOf = (i: number) => 900_000_001 + i;

/** Message n (1-based) of every chat, interleaved as a fan-out enqueues them. */
function messages(chats: number, perChat: number, prefix: string): NewOutboxMessage[] {
  const out: NewOutboxMessage[] = [];
  for (let n = 1; n <= perChat; n++) {
    for (let c = 0; c < chats; c++) {
      const chatId = chatIdOf(c);
      out.push({
        dedupeKey: `${prefix}:${chatId}:${n}`,
        chatId,
        kind: "bench",
        payload: {
          method: "sendMessage",
          params: { text: `Nhắc việc #${n} cho ${chatId}: báo cáo tiến độ đại hội chi bộ.` },
        },
      });
    }
  }
  return out;
}

async function startEmulator(chats: number, limited: boolean): Promise<BotApiEmulator> {
  const emulator = await startBotApiEmulator(limited ? { rateLimits: TELEGRAM_RATE_LIMITS } : {});
  for (let c = 0; c < chats; c++)
    emulator.registerChat({ id: chatIdOf(c), type: "private", first_name: `Bí thư ${c}` });
  return emulator;
}

async function resetOutbox(context: BenchContext): Promise<void> {
  await context.database.sql.exec(`TRUNCATE "outbox_messages" RESTART IDENTITY`);
}

async function enqueueAll(prisma: PrismaClient, all: NewOutboxMessage[]): Promise<void> {
  for (let i = 0; i < all.length; i += 1000) await enqueue(prisma, all.slice(i, i + 1000));
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls until `done()` or the time is up. */
async function until(
  done: () => boolean | Promise<boolean>,
  timeoutMs: number,
  what: string,
  everyMs = 5,
): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  while (!(await done())) {
    if (performance.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(everyMs);
  }
}

async function countByStatus(prisma: PrismaClient): Promise<{ pending: number; sent: number; failed: number }> {
  const groups = await prisma.outboxMessage.groupBy({ by: ["status"], _count: { _all: true } });
  const count = (status: string) => groups.find((g) => g.status === status)?._count._all ?? 0;
  return { pending: count("pending"), sent: count("sent"), failed: count("failed") };
}

// --- Timing of the sender's parts ---------------------------------------------------------------------

interface Timings {
  claim: number[];
  claimed: number[];
  http: number[];
  mark: number[];
}

const newTimings = (): Timings => ({ claim: [], claimed: [], http: [], mark: [] });

/**
 * The sender's PrismaClient with the claim query ($queryRawUnsafe) and the mark query
 * (outboxMessage.updateMany) timed; everything else passes through.
 */
function timedPrisma(prisma: PrismaClient, timings: Timings): PrismaClient {
  const outbox = new Proxy(prisma.outboxMessage, {
    get(target, property, receiver) {
      if (property !== "updateMany") return Reflect.get(target, property, receiver) as unknown;
      return async (...args: Parameters<typeof target.updateMany>) => {
        const start = performance.now();
        try {
          return await target.updateMany(...args);
        } finally {
          timings.mark.push(performance.now() - start);
        }
      };
    },
  });
  return new Proxy(prisma, {
    get(target, property) {
      if (property === "outboxMessage") return outbox;
      if (property === "$queryRawUnsafe") {
        return async (...args: Parameters<typeof target.$queryRawUnsafe>) => {
          const start = performance.now();
          try {
            const rows = await target.$queryRawUnsafe<unknown[]>(...args);
            timings.claimed.push(rows.length);
            return rows;
          } finally {
            timings.claim.push(performance.now() - start);
          }
        };
      }
      const value = Reflect.get(target, property, target) as unknown;
      return typeof value === "function" ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
}

/** Times every API call (the HTTP request and the emulator's work) and notes when each send was accepted. */
function timeApi(api: Api, timings: Timings, accepted?: number[]): Api {
  api.config.use(async (prev, method, payload, signal) => {
    const start = performance.now();
    try {
      const response = await prev(method, payload, signal);
      if (response.ok && accepted) accepted.push(performance.now());
      return response;
    } finally {
      timings.http.push(performance.now() - start);
    }
  });
  return api;
}

const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);
const mean = (values: number[]) => (values.length === 0 ? 0 : sum(values) / values.length);
const percentile = (values: number[], p: number) => {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
};
const ms = (value: number) => `${value.toFixed(value < 10 ? 2 : 0)} ms`;

function describeTimings(label: string, timings: Timings, elapsedMs: number): string {
  const rounds = timings.claimed.filter((n) => n > 0).length;
  const claimShare = (sum(timings.claim) / elapsedMs) * 100;
  return (
    `${label}: ${rounds} rounds with work (${timings.claim.length} claim queries), ` +
    `claim query mean ${ms(mean(timings.claim))} (p95 ${ms(percentile(timings.claim, 95))}, ${claimShare.toFixed(0)}% of the wall time, serial), ` +
    `HTTP call mean ${ms(mean(timings.http))} (p95 ${ms(percentile(timings.http, 95))}), ` +
    `mark query mean ${ms(mean(timings.mark))} (p95 ${ms(percentile(timings.mark, 95))}); ` +
    `HTTP and mark run ${batchSize} at a time, so their means include waiting for each other`
  );
}

// --- The sender run ----------------------------------------------------------------------------------

interface SenderRun {
  elapsedMs: number;
  accepted: number[];
  timings: Timings;
  startedAt: number;
}

/** Starts a sender over the outbox as it is, waits until Telegram accepted `total` and no row is pending. */
async function runSender(
  context: BenchContext,
  options: { api: Api; total: number; acceptedCount: () => number; timeoutMs: number } & Partial<OutboxSenderOptions>,
): Promise<SenderRun> {
  const { api, total, acceptedCount, timeoutMs, ...overrides } = options;
  const timings = newTimings();
  const accepted: number[] = [];
  const sender = createOutboxSender({
    prisma: timedPrisma(context.database.prisma, timings),
    api: timeApi(api, timings, accepted),
    logger,
    instanceId: "bench",
    ...overrides,
  });
  const startedAt = performance.now();
  sender.start();
  let endedAt: number;
  try {
    // Cheap in-memory check first, then the database (its count would compete with the sender).
    await until(() => acceptedCount() >= total, timeoutMs, `${total} accepted sends`);
    await until(
      async () => (await countByStatus(context.database.prisma)).pending === 0,
      timeoutMs,
      "the outbox to settle",
    );
    endedAt = performance.now();
  } finally {
    await sender.stop();
  }
  const counts = await countByStatus(context.database.prisma);
  if (counts.sent !== total || counts.failed !== 0) {
    throw new Error(`expected ${total} sent rows, got ${counts.sent} sent and ${counts.failed} failed`);
  }
  return { elapsedMs: endedAt - startedAt, accepted, timings, startedAt };
}

// --- 1. Limits enforced --------------------------------------------------------------------------------

async function limitsEnforced(context: BenchContext): Promise<BenchResult> {
  const total = limitedMessages;
  const perSecond = defaultTelegramLimits.globalPerSecond;
  await resetOutbox(context);
  const emulator = await startEmulator(total, true);
  try {
    await enqueueAll(context.database.prisma, messages(total, 1, "limited"));
    context.log(`limits enforced: ${total} messages to ${total} private chats`);
    const run = await runSender(context, {
      api: new Api(token, { apiRoot: emulator.apiRoot }),
      total,
      acceptedCount: () => emulator.stats.sent,
      timeoutMs: (total / perSecond) * 3000 + 30_000,
    });
    if (emulator.stats.sent !== total)
      throw new Error(`emulator accepted ${emulator.stats.sent} sends, expected ${total}`);
    // A sliding window lets the first `perSecond` sends go at once; after that the limit is the pace.
    // Sustained rate: the sends after that first burst over the time from the first to the last accepted send.
    const first = run.accepted[0]!;
    const last = run.accepted[run.accepted.length - 1]!;
    const sustained = (total - perSecond) / ((last - first) / 1000);
    const share = sustained / perSecond;
    const naive = total / (run.elapsedMs / 1000);
    const row: BenchRow = {
      benchmark: `limits enforced (${total} msgs → ${total} private chats)`,
      messages: total,
      seconds: run.elapsedMs / 1000,
      rate: sustained,
      goal: `≥ 95% of ${perSecond}/s (${(share * 100).toFixed(1)}%), 0 violations`,
      met: share >= 0.95 && emulator.stats.violations === 0,
      violations: emulator.stats.violations,
    };
    return {
      rows: [row],
      notes: [
        `Limits enforced: msg/s is the sustained rate, (${total} − ${perSecond} burst) / (last − first accepted send) = ` +
          `${sustained.toFixed(2)} msg/s = ${(share * 100).toFixed(1)}% of ${perSecond}/s. Plain messages / seconds ` +
          `(start → last row marked sent) is ${naive.toFixed(2)} msg/s, which the sliding window's initial burst of ${perSecond} inflates.`,
        describeTimings("Limits enforced, timings", run.timings, run.elapsedMs),
      ],
    };
  } finally {
    await emulator.close();
  }
}

// --- 2. Limits off --------------------------------------------------------------------------------------

/** Direct api.sendMessage calls in the sender's concurrency model: rounds of `batchSize`, one per chat. */
async function baseline(api: Api, all: NewOutboxMessage[]): Promise<number> {
  const start = performance.now();
  for (let i = 0; i < all.length; i += batchSize) {
    await Promise.all(
      all
        .slice(i, i + batchSize)
        .map((message) => api.sendMessage(Number(message.chatId), String(message.payload.params.text))),
    );
  }
  return performance.now() - start;
}

/** An Api that accepts every send at once, without HTTP: what is left is the sender and its database. */
function stubApi(counter: { sent: number }): Api {
  const api = new Api(token, { apiRoot: "http://127.0.0.1:9" });
  api.config.use(async (prev) => {
    counter.sent++;
    const response = { ok: true, result: { message_id: counter.sent, date: 0, chat: { id: 0, type: "private" } } };
    return response as unknown as Awaited<ReturnType<typeof prev>>;
  });
  return api;
}

async function limitsOff(context: BenchContext): Promise<BenchResult> {
  const total = unlimitedMessages;
  const chats = Math.min(unlimitedChats, total);
  const perChat = Math.ceil(total / chats);
  const all = messages(chats, perChat, "unlimited").slice(0, total);
  const goal = 1000;
  const emulator = await startEmulator(chats, false);
  try {
    // Warm-up (JIT, sockets, emulator chats), not measured.
    const api = new Api(token, { apiRoot: emulator.apiRoot });
    await baseline(api, messages(Math.min(chats, 500), 1, "warmup"));

    context.log(`limits off: baseline, ${total} direct sendMessage calls over ${chats} chats`);
    const sentBefore = emulator.stats.sent;
    const baselineMs = await baseline(api, all);
    if (emulator.stats.sent - sentBefore !== total) throw new Error("baseline: not every send was accepted");
    const baselineRate = total / (baselineMs / 1000);

    context.log(`limits off: sender, ${total} messages over ${chats} chats`);
    await resetOutbox(context);
    await enqueueAll(context.database.prisma, all);
    const before = emulator.stats.sent;
    const run = await runSender(context, {
      api: new Api(token, { apiRoot: emulator.apiRoot }),
      total,
      acceptedCount: () => emulator.stats.sent - before,
      timeoutMs: 300_000,
      limits: null,
    });
    if (emulator.stats.sent - before !== total)
      throw new Error(`emulator accepted ${emulator.stats.sent - before} sends, expected ${total}`);
    const senderRate = total / (run.elapsedMs / 1000);

    context.log(`limits off: sender against a stub Api (no HTTP), ${total} messages`);
    await resetOutbox(context);
    await enqueueAll(context.database.prisma, all);
    const counter = { sent: 0 };
    const stub = await runSender(context, {
      api: stubApi(counter),
      total,
      acceptedCount: () => counter.sent,
      timeoutMs: 300_000,
      limits: null,
    });
    const stubRate = total / (stub.elapsedMs / 1000);

    const label = `${total.toLocaleString("en-US")} msgs / ${chats.toLocaleString("en-US")} chats`;
    const rows: BenchRow[] = [
      {
        benchmark: `limits off: sender (${label})`,
        messages: total,
        seconds: run.elapsedMs / 1000,
        rate: senderRate,
        goal: `≥ ${goal.toLocaleString("en-US")}/s`,
        met: senderRate >= goal,
        ratio: senderRate / baselineRate,
        violations: emulator.stats.violations,
      },
      {
        benchmark: `limits off: baseline, direct api.sendMessage (rounds of ${batchSize} concurrent)`,
        messages: total,
        seconds: baselineMs / 1000,
        rate: baselineRate,
        goal: "",
      },
      {
        benchmark: "limits off: sender, stub Api without HTTP (database ceiling)",
        messages: total,
        seconds: stub.elapsedMs / 1000,
        rate: stubRate,
        goal: "",
      },
    ];
    return {
      rows,
      notes: [
        `Limits off: msg/s = messages / seconds from sender start to the last row marked sent. The baseline sends the same ` +
          `messages in the same order as rounds of ${batchSize} concurrent api.sendMessage calls (one per chat, as the sender's rounds), ` +
          `awaiting each round; ratio = sender / baseline.`,
        describeTimings("Limits off, sender timings", run.timings, run.elapsedMs),
        describeTimings("Limits off, stub Api timings", stub.timings, stub.elapsedMs),
      ],
    };
  } finally {
    await emulator.close();
  }
}

export const deliverySuite: BenchSuite = {
  name: "delivery",
  async run(context) {
    const results = [await limitsEnforced(context), await limitsOff(context)];
    return { rows: results.flatMap((r) => r.rows), notes: results.flatMap((r) => r.notes) };
  },
};
