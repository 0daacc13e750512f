// End-to-end throughput (issue 12, item 15): N secretaries at once each (1) share their contact and are
// matched with the roster, (2) send a one-line report (`/baocao kehoach 15/01/2020`) and get its
// confirmation card, (3) press "✅ Xác nhận". Measured twice against the same Bot API emulator, in the same
// run:
//
// - the product: createApp (src/app.ts) with its durable update inbox, on the suite's database (PGlite in
//   memory, or PostgreSQL with BENCH_DATABASE_URL), the organisation imported from a generated YAML file
//   with the CLI's `org import`;
// - a bare grammY bot, no database, answering with the same Bot API calls (a text to the contact; a card
//   with inline buttons to the command; answerCallbackQuery + editMessageText + a new message to the
//   press), its updates handled with the inbox's concurrency model (one chat in order, 16 chats at once).
//
// reports/s = N / (first contact sent → last "saved" message received). Each secretary runs its three
// steps one after another, waiting for each answer (events from the emulator, no sleeps); all N start at
// once. Afterwards the reports table must hold exactly N rows, one per unit.
//
// Then a profiling pass (a second database, the product again, the steps run as three phases: all N
// contacts, then all N reports, then all N presses) counts every SQL statement at the driver adapter,
// by step, by caller and by statement, and every transaction with how long it stayed open.
import { AsyncLocalStorage } from "node:async_hooks";
import * as inspector from "node:inspector/promises";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { cpus, loadavg, tmpdir } from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@prisma/client";
import { Bot, type Context } from "grammy";
import type { Message, Update, User } from "grammy/types";
import pg from "pg";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { createApp, type App } from "../src/app.js";
import { runCli } from "../src/cli/run-cli.js";
import { fixedClock } from "../src/clock.js";
import { createConfig } from "../src/config.js";
import type { Database } from "../src/db/client.js";
import { pgDriverSql, pgliteDriverSql, registerDriverSql, type DriverSql } from "../src/db/driver-sql.js";
import { applyMigrations, type SqlExecutor } from "../src/db/migrate.js";
import { startBotApiEmulator, type BotApiEmulator } from "../src/emulator/index.js";
import { createLogger } from "../src/logger.js";
import { createServerDatabase } from "../test/support/server-database.js";
import { envInt } from "./env.js";
import type { BenchContext, BenchResult, BenchRow, BenchSuite } from "./run.js";

export const productToken = "123456789:BENCH-throughput_product";
const bareToken = "987654321:BENCH-throughput_bare";
const logger = createLogger({ level: process.env.BENCH_LOG_LEVEL ?? "silent" });
const secretaries = envInt("BENCH_THROUGHPUT_SECRETARIES", 150);
/** The profiling pass counts statements; fewer secretaries give the same per-update counts sooner. */
const profiled = envInt("BENCH_THROUGHPUT_PROFILED", Math.min(secretaries, 30));
/** The inbox's default (src/bot/update-inbox.ts); the bare bot uses the same. */
const concurrentChats = 16;
// 10:00 on 20/01/2020 in Hà Nội: the plan reported as done on 15/01 is on time (due 31/01).
export const clockStart = "2020-01-20T03:00:00Z";
const reportLine = "/baocao kehoach 15/01/2020";
const confirmLabel = "✅ Xác nhận";
const goals = { postgres: 0.5, pglite: 0.25 } as const;
const stepTimeoutMs = 120_000;

export const productUserId = (i: number) => 810_000_001 + i;
const bareUserId = (i: number) => 820_000_001 + i;
const cellCode = (i: number) => `C-${String(i + 1).padStart(4, "0")}`;
const phoneOf = (i: number) => `091${String(i + 1).padStart(7, "0")}`; // stored as +8491…

// --- The organisation ------------------------------------------------------------------------------------

/** A district, grassroots committees of 30 cells, one secretary per cell with their own phone. */
function orgYaml(cells: number): string {
  const lines = [
    `organization: { code: BENCH, name: "Đảng bộ quận Thử nghiệm" }`,
    "campaign:",
    `  name: "Đại hội đảng bộ các cấp nhiệm kỳ 2020-2025"`,
    "  deadlines:",
    "    cell: { plan: 2020-01-31, documents: 2020-02-29, personnel: 2020-03-10, scheduled: 2020-03-15, held: 2020-03-31 }",
    "    grassroots: { plan: 2020-02-15, documents: 2020-03-31, personnel: 2020-04-30, scheduled: 2020-05-15, held: 2020-06-10 }",
    "    district: 2020-07-31",
    `  terms: { cell: "2020-2022", grassroots: "2020-2025", district: "2020-2025" }`,
    "units:",
    `  - { code: BENCH, name: "Đảng bộ quận Thử nghiệm", level: district }`,
  ];
  const committees = Math.ceil(cells / 30);
  for (let g = 0; g < committees; g++) {
    lines.push(`  - { code: G${g + 1}, name: "Đảng bộ phường số ${g + 1}", level: grassroots, parent: BENCH }`);
  }
  for (let i = 0; i < cells; i++) {
    lines.push(
      `  - { code: ${cellCode(i)}, name: "Chi bộ Tổ dân phố ${i + 1}", level: cell, parent: G${Math.floor(i / 30) + 1} }`,
    );
  }
  lines.push("people:");
  for (let i = 0; i < cells; i++) {
    lines.push(
      `  - { name: "Nguyễn Văn Bí Thư ${i + 1}", phone: "${phoneOf(i)}", roles: [{ role: secretary, unit: ${cellCode(i)} }] }`,
    );
  }
  return `${lines.join("\n")}\n`;
}

const benchConfig = (apiRoot: string, dataDir: string) =>
  createConfig({
    TELEGRAM_BOT_TOKEN: productToken,
    TELEGRAM_API_ROOT: apiRoot,
    LOG_LEVEL: "silent",
    DATA_DIR: dataDir,
  });

export async function importOrg(database: Database, cells: number, dataDir: string): Promise<void> {
  const file = path.join(dataDir, "org.yaml");
  writeFileSync(file, orgYaml(cells));
  const err: string[] = [];
  const code = await runCli(
    ["org", "import", file],
    { config: benchConfig("http://127.0.0.1:9", dataDir), database },
    {
      out: () => undefined,
      err: (line) => err.push(line),
    },
  );
  if (code !== 0) throw new Error(`org import failed (${code}): ${err.join("\n")}`);
}

/**
 * With BENCH_CPU_PROFILE=<file>, the product's run alone is recorded as a V8 CPU profile (open it in Chrome's
 * DevTools, or summarise it): the whole process's profile would mix in the imports, the bare bot and the
 * profiling pass.
 */
async function withCpuProfile<T>(file: string | undefined, run: () => Promise<T>): Promise<T> {
  if (!file) return run();
  const session = new inspector.Session();
  session.connect();
  await session.post("Profiler.enable");
  await session.post("Profiler.start");
  try {
    return await run();
  } finally {
    const { profile } = await session.post("Profiler.stop");
    writeFileSync(file, JSON.stringify(profile));
    session.disconnect();
  }
}

// --- Watching the emulator ---------------------------------------------------------------------------

/**
 * Counts the bots' messages per chat as they are recorded (one pass over new entries per change), so that
 * N secretaries can each wait for their next answer without scanning every chat on every change.
 */
function watchMessages(emulator: BotApiEmulator): {
  count(chatId: number): number;
  last(chatId: number): Message | undefined;
  stop(): void;
} {
  const counts = new Map<number, number>();
  const lastOf = new Map<number, Message>();
  let scanned = 0;
  const scan = () => {
    const log = emulator.world.botMessages();
    for (; scanned < log.length; scanned++) {
      const message = log[scanned]!.message;
      counts.set(message.chat.id, (counts.get(message.chat.id) ?? 0) + 1);
      lastOf.set(message.chat.id, message);
    }
  };
  // Registered before any waiter, so the counts are current when the waiters' predicates run.
  const stop = emulator.onChange(scan);
  return {
    count: (chatId) => {
      scan();
      return counts.get(chatId) ?? 0;
    },
    last: (chatId) => lastOf.get(chatId),
    stop,
  };
}

type Watcher = ReturnType<typeof watchMessages>;

const secretaryUser = (id: number, i: number): User => ({
  id,
  is_bot: false,
  first_name: `Bí Thư ${i + 1}`,
  language_code: "vi",
});

/** Waits until the chat holds `count` bot messages and returns the newest. */
async function answer(emulator: BotApiEmulator, watcher: Watcher, chatId: number, count: number): Promise<Message> {
  await emulator.waitFor(() => watcher.count(chatId) >= count, stepTimeoutMs);
  return watcher.last(chatId)!;
}

/** The card is the message with the confirmation button. */
function hasConfirm(message: Message | undefined): boolean {
  return !!message?.reply_markup?.inline_keyboard.some((row) => row.some((button) => button.text === confirmLabel));
}

export interface StepTimes {
  contact: number[];
  report: number[];
  confirm: number[];
}

/** One secretary's three steps; returns each step's latency (request → answer). */
async function secretary(
  emulator: BotApiEmulator,
  watcher: Watcher,
  token: string,
  user: User,
  phone: string,
  times: StepTimes,
): Promise<void> {
  const chatId = user.id;
  const base = watcher.count(chatId);
  let start = performance.now();
  emulator.sendContact(token, {
    from: user,
    contact: { phone_number: `+84${phone.slice(1)}`, first_name: user.first_name, user_id: user.id },
  });
  await answer(emulator, watcher, chatId, base + 1);
  times.contact.push(performance.now() - start);

  start = performance.now();
  emulator.sendMessage(token, { from: user, text: reportLine });
  const card = await answer(emulator, watcher, chatId, base + 2);
  if (!hasConfirm(card))
    throw new Error(`chat ${chatId}: expected the confirmation card, got ${JSON.stringify(card.text)}`);
  times.report.push(performance.now() - start);

  start = performance.now();
  emulator.pressButton(token, { from: user, message: card, text: confirmLabel });
  await answer(emulator, watcher, chatId, base + 3);
  times.confirm.push(performance.now() - start);
}

export interface RunOutcome {
  seconds: number;
  /** CPU time of this process (bots, emulator, Prisma, and PGlite when embedded) over the run. */
  cpuSeconds: number;
  times: StepTimes;
  apiCalls: Record<string, number>;
}

/** All secretaries at once, each through its three steps. */
export async function runSecretaries(
  emulator: BotApiEmulator,
  token: string,
  userIdOf: (i: number) => number,
  n: number,
): Promise<RunOutcome> {
  const watcher = watchMessages(emulator);
  const times: StepTimes = { contact: [], report: [], confirm: [] };
  const logStart = emulator.requestLog.length;
  try {
    const start = performance.now();
    const cpu = process.cpuUsage();
    await Promise.all(
      Array.from({ length: n }, (_, i) =>
        secretary(emulator, watcher, token, secretaryUser(userIdOf(i), i), phoneOf(i), times),
      ),
    );
    const used = process.cpuUsage(cpu);
    const seconds = (performance.now() - start) / 1000;
    return {
      seconds,
      cpuSeconds: (used.user + used.system) / 1e6,
      times,
      apiCalls: apiCallsSince(emulator, token, logStart),
    };
  } finally {
    watcher.stop();
  }
}

function apiCallsSince(emulator: BotApiEmulator, token: string, from: number): Record<string, number> {
  const calls: Record<string, number> = {};
  for (const entry of emulator.requestLog.slice(from)) {
    if (entry.token !== token || entry.method === "getUpdates") continue;
    calls[entry.method] = (calls[entry.method] ?? 0) + 1;
  }
  return calls;
}

// --- The bare bot ----------------------------------------------------------------------------------------

/**
 * The same exchange with grammY alone: no database, no roster, no flow state. Its Bot API calls per step
 * match the product's: sendMessage; sendMessage with an inline keyboard; answerCallbackQuery,
 * editMessageText and sendMessage.
 */
function createBareBot(apiRoot: string): Bot {
  const bot = new Bot(bareToken, { client: { apiRoot } });
  bot.on("message:contact", async (ctx) => {
    await ctx.reply(`Kính chào đồng chí ${ctx.from.first_name}! Đã xác nhận tài khoản. Đồng chí được giao: Bí thư.`, {
      reply_markup: { remove_keyboard: true },
    });
  });
  bot.command("baocao", async (ctx) => {
    await ctx.reply(`Xác nhận báo cáo — Chi bộ của ${ctx.from?.first_name}\nKế hoạch đại hội: ${ctx.match}`, {
      reply_markup: {
        inline_keyboard: [
          [
            { text: confirmLabel, callback_data: "ok" },
            { text: "✏️ Sửa", callback_data: "edit" },
            { text: "✖️ Hủy", callback_data: "cancel" },
          ],
        ],
      },
    });
  });
  bot.callbackQuery("ok", async (ctx) => {
    await ctx.answerCallbackQuery();
    const text = ctx.callbackQuery.message && "text" in ctx.callbackQuery.message ? ctx.callbackQuery.message.text : "";
    await ctx.editMessageText(`${text}\n\n✅ Đã lưu.`, {
      reply_markup: { inline_keyboard: [[{ text: "✏️ Sửa", callback_data: "edit" }]] },
    });
    await ctx.reply("Đã lưu báo cáo. Tình hình của đơn vị: ✅ Kế hoạch đại hội");
  });
  return bot;
}

/** Long polling with the inbox's concurrency model, in memory: one chat's updates in order, 16 chats at once. */
function pollInMemory(bot: Bot<Context>): { stop(): Promise<void> } {
  const controller = new AbortController();
  const queues = new Map<string, Update[]>();
  const waiting: string[] = [];
  const active = new Set<string>();
  let running = true;
  const keyOf = (update: Update) =>
    String(
      update.message?.chat.id ?? update.callback_query?.message?.chat.id ?? update.callback_query?.from.id ?? "other",
    );
  const startChats = () => {
    while (active.size < concurrentChats && waiting.length > 0) {
      const key = waiting.shift()!;
      active.add(key);
      void (async () => {
        for (let update = queues.get(key)?.shift(); update; update = queues.get(key)?.shift()) {
          await bot.handleUpdate(update).catch((error: unknown) => logger.error({ err: error }, "bare bot failed"));
        }
        queues.delete(key);
        active.delete(key);
        startChats();
      })();
    }
  };
  const loop = (async () => {
    let offset = 0;
    while (running) {
      try {
        const updates = await bot.api.getUpdates(
          { offset, timeout: 25 },
          controller.signal as unknown as Parameters<typeof bot.api.getUpdates>[1],
        );
        for (const update of updates) {
          offset = update.update_id + 1;
          const key = keyOf(update);
          const queue = queues.get(key);
          if (queue) queue.push(update);
          else {
            queues.set(key, [update]);
            if (!active.has(key)) waiting.push(key);
          }
        }
        startChats();
      } catch (error) {
        if (!running) return;
        throw error;
      }
    }
  })();
  return {
    async stop() {
      running = false;
      controller.abort();
      await loop.catch(() => undefined);
    },
  };
}

// --- Counting statements ---------------------------------------------------------------------------------

interface Statement {
  sql: string;
  ms: number;
  inTransaction: boolean;
  step: string;
  caller: string;
}

interface TransactionRecord {
  step: string;
  caller: string;
  statements: number;
  /** From asking for the transaction to having it (a pool connection; on PGlite, the database's lock). */
  waitMs: number;
  /** From having it to COMMIT: on PGlite no other statement runs meanwhile. */
  openMs: number;
}

class StatementLog {
  statements: Statement[] = [];
  transactions: TransactionRecord[] = [];
  /** The step each handled update belongs to (set around bot.handleUpdate). */
  readonly scope = new AsyncLocalStorage<string>();
  phase = "setup";
  record(statement: Omit<Statement, "step" | "caller">): void {
    this.statements.push({ ...statement, step: this.stepOf(statement.sql), caller: callerOf() });
  }
  stepOf(sql: string): string {
    const handler = this.scope.getStore();
    if (handler) return `${this.phase}: handler`;
    return `${this.phase}: ${/\btelegram_updates\b/.test(sql) ? "inbox" : "other"}`;
  }
}

/** The first frame of our code below the driver adapter and Prisma: which store function ran the statement. */
function callerOf(): string {
  const stack = new Error().stack?.split("\n").slice(2) ?? [];
  const frames = stack.filter((line) => /\/src\//.test(line) && !/node_modules/.test(line));
  const pick = frames.slice(0, 2).map((line) => {
    const match = /at (?:async )?([^\s(]+)?\s*\(?.*\/src\/([^:]+):(\d+)/.exec(line);
    return match ? `${match[1] ?? "?"} (${match[2]}:${match[3]})` : line.trim();
  });
  return pick.length > 0 ? pick.join(" ← ") : "(no frame in src/)";
}

/** Wraps a Prisma driver adapter factory so that every statement and transaction is recorded. */
function countingAdapter<T extends object>(factory: T, log: StatementLog): T {
  const wrap = <Q extends object>(target: Q, transaction: { statements: number } | null): Q =>
    new Proxy(target, {
      get(object, property) {
        const value = Reflect.get(object, property, object) as unknown;
        if (typeof value !== "function") return value;
        const fn = value as (...args: unknown[]) => Promise<unknown>;
        if (property === "queryRaw" || property === "executeRaw") {
          return async (query: { sql: string }) => {
            const start = performance.now();
            try {
              return await fn.call(object, query);
            } finally {
              // BEGIN/COMMIT are counted with the transaction (PGlite runs them itself, pg through here).
              if (!/^(BEGIN|COMMIT|ROLLBACK)\b/i.test(query.sql.trim())) {
                log.record({ sql: query.sql, ms: performance.now() - start, inTransaction: transaction !== null });
                if (transaction) transaction.statements++;
              }
            }
          };
        }
        if (property === "startTransaction") {
          return async (...args: unknown[]) => {
            const asked = performance.now();
            const step = log.stepOf("");
            const caller = callerOf();
            const record = { statements: 0 };
            const tx = (await fn.apply(object, args)) as object;
            const opened = performance.now();
            const close = () =>
              log.transactions.push({
                step,
                caller,
                statements: record.statements,
                waitMs: opened - asked,
                openMs: performance.now() - opened,
              });
            const wrapped = wrap(tx, record) as { commit?: () => Promise<unknown>; rollback?: () => Promise<unknown> };
            return new Proxy(wrapped, {
              get(object2, property2) {
                const inner = Reflect.get(object2, property2) as unknown;
                if (property2 === "commit" || property2 === "rollback") {
                  return async () => {
                    try {
                      return await (inner as () => Promise<unknown>).call(tx);
                    } finally {
                      close();
                    }
                  };
                }
                return inner;
              },
            });
          };
        }
        if (property === "connect") {
          return async (...args: unknown[]) => wrap((await fn.apply(object, args)) as object, null);
        }
        return fn.bind(object);
      },
    });
  return wrap(factory, null);
}

type PrismaAdapter = NonNullable<ConstructorParameters<typeof PrismaClient>[0]>["adapter"];

/** The same for the statements the stores run on the driver, past Prisma (src/db/driver-sql.ts). */
function countingDriver(driver: DriverSql, log: StatementLog): DriverSql {
  const timed = async <R>(query: { text: string }, run: () => Promise<R>): Promise<R> => {
    const start = performance.now();
    try {
      return await run();
    } finally {
      log.record({ sql: query.text, ms: performance.now() - start, inTransaction: false });
    }
  };
  return {
    rows: (query) => timed(query, () => driver.rows(query)),
    execute: (query) => timed(query, () => driver.execute(query)),
  };
}

/** A migrated database like the suite's, whose Prisma client counts statements at its driver adapter. */
async function openCountingDatabase(
  kind: "pglite" | "postgres",
  log: StatementLog,
): Promise<Database & { drop(): Promise<void> }> {
  if (kind === "postgres") {
    const created = await createServerDatabase(process.env.BENCH_DATABASE_URL!, "daihoi_bench");
    // The same pool settings as src/db/client.ts.
    const pool = new pg.Pool({ connectionString: created.url, max: 10, options: "-c jit=off -c TimeZone=UTC" });
    pool.on("error", () => undefined);
    const prisma = new PrismaClient({ adapter: countingAdapter(new PrismaPg(pool), log) as unknown as PrismaAdapter });
    registerDriverSql(prisma, countingDriver(pgDriverSql(pool, pg.types), log));
    return {
      prisma,
      kind,
      sql: created.database.sql,
      migrate: () => created.database.migrate(),
      acquireLeadership: (role) => created.database.acquireLeadership(role),
      close: async () => undefined,
      drop: async () => {
        await prisma.$disconnect();
        await pool.end();
        await created.drop();
      },
    };
  }
  const client = await PGlite.create();
  const sql: SqlExecutor = {
    exec: async (text) => {
      await client.exec(text);
    },
    query: async (text, params = []) =>
      (await client.query(text, params as unknown[])).rows as Record<string, unknown>[],
    withLock: (fn) => fn(sql),
  };
  await applyMigrations(sql);
  const prisma = new PrismaClient({
    adapter: countingAdapter(new PrismaPGlite(client), log) as unknown as PrismaAdapter,
  });
  registerDriverSql(prisma, countingDriver(pgliteDriverSql(client), log));
  return {
    prisma,
    kind,
    sql,
    migrate: () => applyMigrations(sql),
    acquireLeadership: async () => ({ held: () => true, release: async () => undefined }),
    close: async () => undefined,
    drop: async () => {
      await prisma.$disconnect();
      await client.close();
    },
  };
}

// --- The product -----------------------------------------------------------------------------------------

async function startProduct(
  database: Database,
  emulator: BotApiEmulator,
  dataDir: string,
  scope?: StatementLog,
): Promise<App> {
  const app = await createApp({
    config: benchConfig(emulator.apiRoot, dataDir),
    logger,
    database,
    clock: fixedClock(clockStart),
    // As in production: the scheduler's first tick (awaited by start) plans the bot-wide command menus, so
    // each binding plans the person's own menu too. On the fixed clock nothing else is due (no reminder
    // day, no digest time), so no scheduled message reaches the secretaries' chats.
    scheduler: true,
  });
  if (scope) {
    // Tags the statements run while an update is handled (the inbox's own are outside).
    const handle = app.bot.handleUpdate.bind(app.bot);
    app.bot.handleUpdate = (update, webhook) => scope.scope.run("handler", () => handle(update, webhook));
  }
  await app.start();
  return app;
}

export interface Verification {
  rows: number;
  units: number;
  lost: number;
  doubled: number;
}

export async function verifyReports(database: Database, n: number): Promise<Verification> {
  const prisma = database.prisma;
  const groups = await prisma.report.groupBy({ by: ["unitId"], _count: { _all: true } });
  const codes = new Map(
    (await prisma.unit.findMany({ where: { level: "cell" }, select: { id: true, code: true } })).map((unit) => [
      unit.id,
      unit.code,
    ]),
  );
  const expected = new Set(Array.from({ length: n }, (_, i) => cellCode(i)));
  let rows = 0;
  let doubled = 0;
  const seen = new Set<string>();
  for (const group of groups) {
    rows += group._count._all;
    const code = codes.get(group.unitId);
    if (!code || !expected.has(code)) throw new Error(`a report for an unexpected unit ${group.unitId}`);
    seen.add(code);
    doubled += group._count._all - 1;
  }
  return { rows, units: seen.size, lost: n - seen.size, doubled };
}

// --- Reporting -----------------------------------------------------------------------------------------

const mean = (values: number[]) => (values.length === 0 ? 0 : values.reduce((a, b) => a + b, 0) / values.length);
const percentile = (values: number[], p: number) => {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
};
const latency = (values: number[]) => `${mean(values).toFixed(0)} ms (p95 ${percentile(values, 95).toFixed(0)})`;
const describeTimes = (times: StepTimes) =>
  `contact → greeting ${latency(times.contact)}, report line → card ${latency(times.report)}, ✅ → saved ${latency(times.confirm)}`;
const describeCalls = (calls: Record<string, number>, n: number) =>
  Object.entries(calls)
    .sort()
    .map(([method, count]) => `${method} ${(count / n).toFixed(2)}`)
    .join(", ");

/** The statement's verb and table, e.g. `SELECT people`, for grouping. */
function statementKey(sql: string): string {
  const text = sql.replace(/\s+/g, " ").trim();
  const verb = /^(\w+)/.exec(text)?.[1]?.toUpperCase() ?? "?";
  const table =
    /(?:FROM|INTO|UPDATE)\s+(?:"public"\.)?"?(\w+)"?/i.exec(text)?.[1] ??
    (/^SELECT\s+\w+\(/i.test(text) ? "(function)" : "?");
  const joins = [...text.matchAll(/JOIN\s+(?:"public"\.)?"(\w+)"/gi)].map((m) => m[1]);
  const lateral = /LATERAL/i.test(text) ? " (nested relations)" : "";
  return `${verb} ${table}${joins.length > 0 ? ` ⋈ ${[...new Set(joins)].join(", ")}` : ""}${lateral}`;
}

function profileTables(
  log: StatementLog,
  n: number,
  phases: { name: string; seconds: number; cpuSeconds: number }[],
): { tables: string[]; notes: string[] } {
  const tables: string[] = [];
  const notes: string[] = [];
  // Per step: statements per update (handler / inbox / other), transactions per update, time.
  const summary = [
    "| step (profiling pass) | seconds | updates/s | CPU ms per update (share of one core) | statements per update: handler | inbox | other (sender, scheduler) | interactive transactions per update | statements in them | mean open time | statement time per update (incl. waiting) |",
    "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
  ];
  for (const phase of phases) {
    const of = (part: string) => log.statements.filter((s) => s.step === `${phase.name}: ${part}`);
    const all = log.statements.filter((s) => s.step.startsWith(`${phase.name}:`));
    const tx = log.transactions.filter((t) => t.step.startsWith(`${phase.name}:`));
    summary.push(
      `| ${phase.name} | ${phase.seconds.toFixed(2)} | ${(n / phase.seconds).toFixed(1)} | ${((phase.cpuSeconds / n) * 1000).toFixed(0)} (${((phase.cpuSeconds / phase.seconds) * 100).toFixed(0)}%) | ${(of("handler").length / n).toFixed(1)} | ${(of("inbox").length / n).toFixed(1)} | ${(of("other").length / n).toFixed(1)} | ` +
        `${(tx.length / n).toFixed(2)} | ${(tx.reduce((a, t) => a + t.statements, 0) / n).toFixed(1)} | ${mean(tx.map((t) => t.openMs)).toFixed(1)} ms | ` +
        `${(all.reduce((a, s) => a + s.ms, 0) / n).toFixed(1)} ms |`,
    );
  }
  tables.push(summary.join("\n"));

  // Per step: which statements, from where.
  for (const phase of phases) {
    const byKey = new Map<string, { count: number; ms: number; inTx: number; callers: Map<string, number> }>();
    for (const statement of log.statements.filter((s) => s.step.startsWith(`${phase.name}:`))) {
      const key = `${statement.step.split(": ")[1]} · ${statementKey(statement.sql)}`;
      const entry = byKey.get(key) ?? { count: 0, ms: 0, inTx: 0, callers: new Map() };
      entry.count++;
      entry.ms += statement.ms;
      if (statement.inTransaction) entry.inTx++;
      entry.callers.set(statement.caller, (entry.callers.get(statement.caller) ?? 0) + 1);
      byKey.set(key, entry);
    }
    const rows = [...byKey.entries()].sort((a, b) => b[1].count - a[1].count || b[1].ms - a[1].ms);
    tables.push(
      [
        "",
        `Statements per update, step "${phase.name}" (profiling pass, ${n} secretaries):`,
        "",
        "| who · statement | per update | of them in a transaction | mean ms | called from |",
        "|---|---:|---:|---:|---|",
        ...rows.map(
          ([key, entry]) =>
            `| ${key} | ${(entry.count / n).toFixed(2)} | ${(entry.inTx / n).toFixed(2)} | ${(entry.ms / entry.count).toFixed(2)} | ` +
            `${[...entry.callers.entries()]
              .sort((a, b) => b[1] - a[1])
              .slice(0, 3)
              .map(([caller, count]) => `${caller} ×${(count / n).toFixed(2)}`)
              .join("; ")} |`,
        ),
      ].join("\n"),
    );
    const tx = log.transactions.filter((t) => t.step.startsWith(`${phase.name}:`));
    const byCaller = new Map<string, { count: number; statements: number; openMs: number; waitMs: number }>();
    for (const t of tx) {
      const entry = byCaller.get(t.caller) ?? { count: 0, statements: 0, openMs: 0, waitMs: 0 };
      entry.count++;
      entry.statements += t.statements;
      entry.openMs += t.openMs;
      entry.waitMs += t.waitMs;
      byCaller.set(t.caller, entry);
    }
    for (const [caller, entry] of byCaller) {
      notes.push(
        `Transactions in "${phase.name}": ${(entry.count / n).toFixed(2)} per update from ${caller}, ` +
          `${(entry.statements / entry.count).toFixed(1)} statements each (+ BEGIN, COMMIT), waited for ${(entry.waitMs / entry.count).toFixed(1)} ms, ` +
          `then open ${(entry.openMs / entry.count).toFixed(1)} ms on average (${((entry.openMs / 1000 / phase.seconds) * 100).toFixed(0)}% of the step's wall time in all)`,
      );
    }
  }
  return { tables, notes };
}

// --- The suite -------------------------------------------------------------------------------------------

export const throughputSuite: BenchSuite = {
  name: "throughput",
  async run(context: BenchContext): Promise<BenchResult> {
    const dataDir = mkdtempSync(path.join(tmpdir(), "daihoi-throughput-"));
    const emulator = await startBotApiEmulator();
    const kind = context.databaseKind;
    try {
      await importOrg(context.database, secretaries, dataDir);

      // Warm-up of both bots (JIT, sockets, Prisma's first queries) on users outside the roster.
      const bare = createBareBot(emulator.apiRoot);
      await bare.init();
      const barePoller = pollInMemory(bare);
      const app = await startProduct(context.database, emulator, dataDir);
      let product: RunOutcome;
      let bareBefore: RunOutcome;
      let bareAfter: RunOutcome;
      let verification: Verification;
      try {
        context.log(`warm-up`);
        const warm = (token: string, base: number) =>
          Promise.all(
            Array.from({ length: 8 }, async (_, i) => {
              const user = secretaryUser(base + i, i);
              const watcher = watchMessages(emulator);
              try {
                emulator.sendMessage(token, { from: user, text: "/start" });
                await answer(emulator, watcher, user.id, 1);
              } finally {
                watcher.stop();
              }
            }),
          );
        await warm(productToken, 830_000_001);
        bare.command("start", (ctx) => ctx.reply("Xin chào"));
        await warm(bareToken, 840_000_001);

        // The bare bot runs before and after the product (other users each time) and counts with the mean of
        // both, so that a load on the machine that comes and goes weighs on both sides alike.
        context.log(`bare grammY bot: ${secretaries} secretaries × 3 steps`);
        bareBefore = await runSecretaries(emulator, bareToken, bareUserId, secretaries);
        context.log(`product (${kind}): ${secretaries} secretaries × 3 steps`);
        product = await withCpuProfile(process.env.BENCH_CPU_PROFILE, () =>
          runSecretaries(emulator, productToken, productUserId, secretaries),
        );
        context.log(`product: ${product.seconds.toFixed(1)} s; bare grammY bot again`);
        bareAfter = await runSecretaries(emulator, bareToken, (i) => bareUserId(secretaries + i), secretaries);
        verification = await verifyReports(context.database, secretaries);
      } finally {
        await app.stop();
        await barePoller.stop();
      }

      // The profiling pass: a second database whose statements are counted, the steps as three phases.
      context.log(`profiling pass: ${profiled} secretaries, statements counted`);
      const profilingStart = performance.now();
      const log = new StatementLog();
      const counted = await openCountingDatabase(kind, log);
      const phases: { name: string; seconds: number; cpuSeconds: number }[] = [];
      try {
        await importOrg(counted, profiled, dataDir);
        const profiledApp = await startProduct(counted, emulator, dataDir, log);
        const watcher = watchMessages(emulator);
        try {
          const users = Array.from({ length: profiled }, (_, i) => secretaryUser(850_000_001 + i, i));
          const phase = async (name: string, act: (user: User, i: number) => void, expected: number) => {
            log.phase = name;
            const start = performance.now();
            const cpu = process.cpuUsage();
            users.forEach(act);
            await Promise.all(users.map((user) => answer(emulator, watcher, user.id, expected)));
            const used = process.cpuUsage(cpu);
            phases.push({
              name,
              seconds: (performance.now() - start) / 1000,
              cpuSeconds: (used.user + used.system) / 1e6,
            });
          };
          await phase(
            "1 contact",
            (user, i) =>
              emulator.sendContact(productToken, {
                from: user,
                contact: { phone_number: `+84${phoneOf(i).slice(1)}`, first_name: user.first_name, user_id: user.id },
              }),
            1,
          );
          await phase(
            "2 report line",
            (user) => emulator.sendMessage(productToken, { from: user, text: reportLine }),
            2,
          );
          const cards = users.map((user) => watcher.last(user.id)!);
          if (!cards.every(hasConfirm)) throw new Error("profiling pass: not every secretary got a card");
          await phase(
            "3 confirm",
            (user, i) => emulator.pressButton(productToken, { from: user, message: cards[i]!, text: confirmLabel }),
            3,
          );
          log.phase = "after";
          const check = await verifyReports(counted, profiled);
          if (check.lost !== 0 || check.doubled !== 0)
            throw new Error(`profiling pass: ${check.lost} lost, ${check.doubled} doubled`);
        } finally {
          watcher.stop();
          await profiledApp.stop();
        }
      } finally {
        await counted.drop();
      }
      context.log(`profiling pass: ${((performance.now() - profilingStart) / 1000).toFixed(1)} s`);

      const productRate = secretaries / product.seconds;
      const bareSeconds = (bareBefore.seconds + bareAfter.seconds) / 2;
      const bareRate = secretaries / bareSeconds;
      const bareRun: RunOutcome = {
        seconds: bareSeconds,
        cpuSeconds: (bareBefore.cpuSeconds + bareAfter.cpuSeconds) / 2,
        times: {
          contact: [...bareBefore.times.contact, ...bareAfter.times.contact],
          report: [...bareBefore.times.report, ...bareAfter.times.report],
          confirm: [...bareBefore.times.confirm, ...bareAfter.times.confirm],
        },
        apiCalls: bareBefore.apiCalls,
      };
      const ratio = productRate / bareRate;
      const goal = goals[kind];
      const label = kind === "postgres" ? "PostgreSQL" : "PGlite";
      const rows: BenchRow[] = [
        {
          benchmark: `throughput: product on ${label} (${secretaries} secretaries: contact, /baocao line, ✅)`,
          messages: secretaries,
          seconds: product.seconds,
          rate: productRate,
          goal: `ratio ≥ ${goal}; ${verification.rows} reports, ${verification.lost} lost, ${verification.doubled} doubled`,
          met:
            ratio >= goal && verification.lost === 0 && verification.doubled === 0 && verification.rows === secretaries,
          ratio,
        },
        {
          benchmark: `throughput: bare grammY bot, no database (same emulator, same exchange; mean of ${bareBefore.seconds.toFixed(2)} s before and ${bareAfter.seconds.toFixed(2)} s after)`,
          messages: secretaries,
          seconds: bareRun.seconds,
          rate: bareRate,
          goal: "",
        },
      ];
      const profile = profileTables(log, profiled, phases);
      return {
        rows,
        tables: profile.tables,
        notes: [
          `Throughput: msg/s here is reports/s = secretaries / (first contact sent → last "saved" message), each secretary doing ` +
            `contact → greeting, "${reportLine}" → card, ${confirmLabel} → saved, one after another, all at once; ratio = product / bare = ${ratio.toFixed(3)}. ` +
            `The bare bot handles updates as the inbox does (one chat in order, ${concurrentChats} chats at once) without storing them.`,
          `Throughput, product step latency: ${describeTimes(product.times)}; bare: ${describeTimes(bareRun.times)}.`,
          `Throughput, CPU of this process (bots, emulator, Prisma${kind === "pglite" ? ", PGlite" : ""}): product ${((product.cpuSeconds / secretaries) * 1000).toFixed(0)} ms per secretary ` +
            `(${((product.cpuSeconds / product.seconds) * 100).toFixed(0)}% of one core over the run), bare ${((bareRun.cpuSeconds / secretaries) * 1000).toFixed(1)} ms ` +
            `(${((bareRun.cpuSeconds / bareRun.seconds) * 100).toFixed(0)}%); load average at the end ${loadavg()
              .map((l) => l.toFixed(1))
              .join(", ")} on ${cpus().length} cores.`,
          `Throughput, Bot API calls per secretary (getUpdates left out): product ${describeCalls(product.apiCalls, secretaries)}; bare ${describeCalls(bareRun.apiCalls, secretaries)}.`,
          `Throughput, reports table: ${verification.rows} rows for ${verification.units} units (expected ${secretaries}, each once): ${verification.lost} lost, ${verification.doubled} doubled.`,
          ...profile.notes,
        ],
      };
    } finally {
      await emulator.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  },
};
