// Drains the outbox into Telegram within its flood limits.
//
// Each round claims due rows (the earliest pending row of each chat that the rate limiter lets through
// now, at most as many as the global limit allows), sends them in parallel (they are all different chats)
// and records the outcome: `sent` with Telegram's message_id only after Telegram accepted the message;
// 429 → the row waits retry_after and the chat is held (attempts not counted); network errors and 5xx →
// retried with exponential backoff, `failed` after `maxAttempts`; 400/403 → `failed` at once (blocked,
// kicked, chat not found: the admin sees them in `outbox status`).
//
// The Api given here must not have the auto-retry transformer: this sender decides about retries, and
// must never sit inside a request for minutes while holding a lease. Use createOutboxApi().
import { access } from "node:fs/promises";
import path from "node:path";
import type { PrismaClient } from "@prisma/client";
import { Api, GrammyError, HttpError, InputFile } from "grammy";
import { systemClock, type Clock } from "../clock.js";
import type { Config } from "../config.js";
import type { Leadership } from "../db/client.js";
import { leadershipKeeper } from "../db/leadership-keeper.js";
import {
  claimDue,
  loadAttachment,
  markFailed,
  markRetry,
  markSentMany,
  recentSends,
  type ClaimedMessage,
  type OutboxMethod,
} from "../db/outbox-store.js";
import type { Logger } from "../logger.js";
import type { MetricsRecorder } from "../metrics/app-metrics.js";
import { senderLoop } from "./sender-loop.js";
import {
  defaultTelegramLimits,
  rulesFromLimits,
  SendRateLimiter,
  type RateRules,
  type TelegramLimits,
} from "./rate-limiter.js";

export interface OutboxSenderOptions {
  prisma: PrismaClient;
  /** Counts the Bot API's 429s (src/metrics). */
  metrics?: MetricsRecorder;
  /** An Api WITHOUT auto-retry (see createOutboxApi). */
  api: Api;
  clock?: Clock;
  logger: Logger;
  /** Telegram's shorthand, or exact windows; `null` turns limiting off (benchmarks). Default: 30/s, 1/s per chat, 20/min per group. */
  limits?: TelegramLimits | RateRules | null;
  /** Rows claimed per round at most (default 100). */
  batchSize?: number;
  /** How long a claim holds a row (default 60 s; longer than the Api's request timeout). */
  leaseMs?: number;
  /** The loop's sleep when there is nothing to do (default 250 ms). */
  idleMs?: number;
  /** Tries for network/5xx errors before a row is failed (default 8). */
  maxAttempts?: number;
  /** Backoff after the n-th failed try: baseMs·2^(n-1), at most maxMs (default 1 s … 5 min). */
  backoff?: { baseMs: number; maxMs: number };
  /** Where `{ path }` files of photos and documents live (DATA_DIR). */
  dataDir?: string;
  /** Names this instance in logs. */
  instanceId?: string;
  /**
   * Several instances on one database: Telegram's limits count the bot, whichever process sends, so only
   * the instance holding the outbox's lock sends (Database.acquireLeadership("outbox")); the others ask
   * for it every `pacingRetryMs` and take over when its holder stops or dies. Absent: this sender sends.
   */
  pacing?: () => Promise<Leadership | null>;
  /** How often an instance without the outbox's lock asks for it (default 5 s). */
  pacingRetryMs?: number;
}

export interface DrainResult {
  claimed: number;
  sent: number;
  retried: number;
  failed: number;
}

/** A loop that delivers one channel's outbox rows (Telegram here, Web Push in web-push-sender.ts). */
export interface ChannelSender {
  /** One round: claim what may be sent now, send it, record the outcomes. */
  drainOnce(): Promise<DrainResult>;
  /** Starts the background loop (wakes every idleMs, or at once on notify()). */
  start(): void;
  /** Stops the loop after the current round (in-flight sends are finished and recorded). */
  stop(): Promise<void>;
  /** Something was enqueued: wake the loop now. */
  notify(): void;
}

export interface OutboxSender extends ChannelSender {
  readonly limiter: SendRateLimiter;
  /** Whether this instance sends now (always, without `pacing`). */
  isPacing(): boolean;
}

/** The outcome a failed send leads to. Pure, so the policy is testable without Telegram. */
export type SendErrorOutcome =
  | { kind: "flood"; retryAfterMs: number; error: string }
  | { kind: "permanent"; error: string }
  | { kind: "transient"; error: string };

export function classifySendError(error: unknown): SendErrorOutcome {
  if (error instanceof GrammyError) {
    const text = `${error.error_code}: ${error.description}`;
    if (error.error_code === 429)
      return { kind: "flood", retryAfterMs: Math.max(1, error.parameters.retry_after ?? 1) * 1000, error: text };
    // 403: blocked by the user, kicked from the group; 400: chat not found, or a message Telegram will never
    // accept (too long, bad markup): trying again cannot help.
    if (error.error_code === 400 || error.error_code === 403) return { kind: "permanent", error: text };
    return { kind: "transient", error: text };
  }
  if (error instanceof HttpError) return { kind: "transient", error: `network: ${error.message}` };
  if (error instanceof PermanentPayloadError) return { kind: "permanent", error: error.message };
  return { kind: "transient", error: error instanceof Error ? error.message : String(error) };
}

export function backoffMs(failedTries: number, backoff: { baseMs: number; maxMs: number }): number {
  return Math.min(backoff.maxMs, backoff.baseMs * 2 ** Math.max(0, failedTries - 1));
}

class PermanentPayloadError extends Error {}

const methods = new Set<OutboxMethod>(["sendMessage", "sendPhoto", "sendDocument", "setMyCommands", "leaveChat"]);
const fileField: Partial<Record<OutboxMethod, string>> = { sendPhoto: "photo", sendDocument: "document" };
/**
 * A command menu is decoration and waits in its chat's queue ahead of that chat's messages: a network
 * failure is tried again only briefly (1 s, 2 s) before the menu is given up, so it never holds a reminder
 * back for long. The menu job plans it again when the menu next changes.
 */
const menuMaxAttempts = 3;

/** A separate Api for the outbox: no auto-retry, a request timeout well under the claim lease. */
export function createOutboxApi(
  config: Pick<Config, "botToken" | "apiRoot">,
  options: { timeoutSeconds?: number } = {},
): Api {
  if (!config.botToken) throw new Error("TELEGRAM_BOT_TOKEN is not set");
  return new Api(config.botToken, { apiRoot: config.apiRoot, timeoutSeconds: options.timeoutSeconds ?? 30 });
}

/** What main needs: a sender over the app's database, with the production limits. */
export function createAppOutboxSender(options: {
  config: Config;
  prisma: PrismaClient;
  logger: Logger;
  clock?: Clock;
  instanceId?: string;
  metrics?: MetricsRecorder;
  pacing?: () => Promise<Leadership | null>;
}): OutboxSender {
  return createOutboxSender({
    prisma: options.prisma,
    ...(options.pacing && { pacing: options.pacing }),
    ...(options.metrics && { metrics: options.metrics }),
    api: createOutboxApi(options.config),
    logger: options.logger,
    dataDir: options.config.dataDir,
    ...(options.clock && { clock: options.clock }),
    ...(options.instanceId && { instanceId: options.instanceId }),
  });
}

export function createOutboxSender(options: OutboxSenderOptions): OutboxSender {
  const { prisma, api, logger } = options;
  const clock = options.clock ?? systemClock;
  const rules: RateRules =
    options.limits === null
      ? {}
      : options.limits === undefined
        ? rulesFromLimits(defaultTelegramLimits)
        : toRules(options.limits);
  const limiter = new SendRateLimiter(rules);
  const batchSize = options.batchSize ?? 100;
  const leaseMs = options.leaseMs ?? 60_000;
  const idleMs = options.idleMs ?? 250;
  const maxAttempts = options.maxAttempts ?? 8;
  const backoff = options.backoff ?? { baseMs: 1000, maxMs: 5 * 60_000 };
  const instanceId = options.instanceId ?? `pid-${process.pid}`;
  const now = () => clock.now().getTime();

  /** Telegram's message id, or null for a call that sends no message (setMyCommands). */
  async function call(message: ClaimedMessage): Promise<number | null> {
    const { method, params } = message.payload;
    if (!methods.has(method)) throw new PermanentPayloadError(`unknown method ${String(method)}`);
    if (method === "setMyCommands") {
      await api.raw.setMyCommands(params as unknown as Parameters<Api["raw"]["setMyCommands"]>[0]);
      return null;
    }
    if (method === "leaveChat") {
      await api.raw.leaveChat({ chat_id: message.chatId });
      return null;
    }
    const request: Record<string, unknown> = { ...params, chat_id: message.chatId };
    const field = fileField[method];
    if (field) request[field] = await toInputFile(request[field], options.dataDir, prisma);
    const send = (api.raw as unknown as Record<string, (p: unknown) => Promise<{ message_id: number }>>)[method]!;
    const result = await send(request);
    return result.message_id;
  }

  /** Sends one message; returns what Telegram accepted (its message id, if any), or null when the failure was recorded. */
  async function deliver(message: ClaimedMessage, result: DrainResult): Promise<{ messageId: number | null } | null> {
    const reservation = limiter.reserve(message.chatId, now());
    try {
      const messageId = await call(message);
      reservation.settle(now());
      return { messageId };
    } catch (error) {
      reservation.settle(now());
      await recordFailure(message, error, result);
      return null;
    }
  }

  async function recordFailure(message: ClaimedMessage, error: unknown, result: DrainResult): Promise<void> {
    const outcome = classifySendError(error);
    const fields = {
      outboxId: message.id,
      chatId: message.chatId,
      kind: message.kind,
      attempt: message.attempts + 1,
      instanceId,
    };
    if (outcome.kind === "flood") {
      options.metrics?.floodWait();
      const until = now() + outcome.retryAfterMs;
      limiter.hold(message.chatId, until);
      await markRetry(prisma, message, new Date(until), outcome.error, { countAttempt: false });
      result.retried++;
      logger.info({ ...fields, retryAfterMs: outcome.retryAfterMs }, "outbox: flood wait");
      return;
    }
    const attemptsAllowed =
      message.payload.method === "setMyCommands" ? Math.min(maxAttempts, menuMaxAttempts) : maxAttempts;
    if (outcome.kind === "permanent" || message.attempts + 1 >= attemptsAllowed) {
      await markFailed(prisma, message, outcome.error, clock.now());
      result.failed++;
      logger.warn({ ...fields, error: outcome.error }, "outbox: message failed permanently");
      return;
    }
    const delay = backoffMs(message.attempts + 1, backoff);
    await markRetry(prisma, message, new Date(now() + delay), outcome.error);
    result.retried++;
    logger.info({ ...fields, retryInMs: delay, error: outcome.error }, "outbox: will retry");
  }

  // Telegram counts what the bot sent, whichever process sent it: the first round first counts the sends
  // recorded within the limits' windows (a process killed mid-fan-out a moment ago sent up to its limit).
  let pastCounted = false;
  async function countPastSends(): Promise<void> {
    if (pastCounted || limiter.longestWindowMs === 0) return;
    const at = now();
    for (const send of await recentSends(prisma, new Date(at - limiter.longestWindowMs), new Date(at)))
      limiter.recordPast(send.chatId, send.at.getTime());
    pastCounted = true;
  }

  // Pacing (several instances): this instance sends while it holds the outbox's lock.
  const pacing = options.pacing
    ? leadershipKeeper({
        acquire: options.pacing,
        retryMs: options.pacingRetryMs ?? 5_000,
        onLost: () =>
          logger.warn({ instanceId }, "outbox: the lock to send was lost with its database connection; asking again"),
        onGained: () => {
          // What the previous holder sent a moment ago still counts against Telegram's limits.
          pastCounted = false;
          logger.info({ instanceId }, "outbox: this instance sends the outbox's Telegram messages now");
        },
      })
    : null;

  async function drain(): Promise<DrainResult> {
    const result: DrainResult = { claimed: 0, sent: 0, retried: 0, failed: 0 };
    if (pacing && !(await pacing.hold())) return result;
    await countPastSends();
    const at = now();
    const limit = Math.min(batchSize, limiter.globalAvailable(at));
    if (limit <= 0) return result;
    const claimed = await claimDue(prisma, {
      limit,
      now: new Date(at),
      leaseMs,
      instanceId,
      excludeChatIds: limiter.heldChats(at),
    });
    result.claimed = claimed.length;
    // One row per chat, so these are independent; the limiter counts each as it starts.
    const accepted: { message: ClaimedMessage; messageId: number | null }[] = [];
    await Promise.all(
      claimed.map(async (message) => {
        try {
          const delivered = await deliver(message, result);
          if (delivered !== null) accepted.push({ message, messageId: delivered.messageId });
        } catch (error) {
          // The database failed while recording; the claim expires and the row is tried again.
          logger.error({ err: error, outboxId: message.id, instanceId }, "outbox: could not record a send");
        }
      }),
    );
    // Marked sent only now, after Telegram accepted each: a crash before this line re-sends the round.
    const marked = await markSentMany(prisma, accepted, clock.now());
    result.sent += marked.size;
    for (const { message } of accepted) {
      if (!marked.has(message.id))
        logger.warn({ outboxId: message.id, instanceId }, "outbox: sent, but the claim had expired");
    }
    return result;
  }

  const loop = senderLoop({
    drain,
    // Asleep until the limiter frees a chat, or idleMs; at least 5 ms.
    idleFor: () => {
      const free = limiter.nextFreeInMs(now());
      return Math.max(5, Math.min(idleMs, free ?? idleMs));
    },
    failedRoundMs: Math.max(idleMs, 1000),
    logger: logger.child({ instanceId }),
    name: "outbox",
  });
  return {
    ...loop,
    async stop() {
      await loop.stop();
      // Another instance takes over at once instead of at its next ask; a round run by hand after the stop
      // (tests, `outbox` commands) asks again at once.
      await pacing?.release();
    },
    limiter,
    isPacing: () => pacing?.holds() ?? true,
  };
}

function toRules(limits: TelegramLimits | RateRules): RateRules {
  return "globalPerSecond" in limits ? rulesFromLimits(limits) : limits;
}

async function toInputFile(value: unknown, dataDir: string | undefined, prisma: PrismaClient): Promise<unknown> {
  if (typeof value === "string") return value; // file_id or URL
  if (value && typeof value === "object") {
    const file = value as { base64?: unknown; path?: unknown; attachment?: unknown; filename?: unknown };
    const filename = typeof file.filename === "string" ? file.filename : undefined;
    if (typeof file.base64 === "string") return new InputFile(Buffer.from(file.base64, "base64"), filename);
    if (typeof file.attachment === "string") {
      const data = await loadAttachment(prisma, file.attachment);
      if (!data) throw new PermanentPayloadError(`attachment not found: ${file.attachment}`);
      return new InputFile(data, filename);
    }
    if (typeof file.path === "string") {
      if (!dataDir) throw new PermanentPayloadError("file path given but no data directory configured");
      const root = path.resolve(dataDir);
      const full = path.resolve(root, file.path);
      if (!full.startsWith(root + path.sep)) throw new PermanentPayloadError("file path outside the data directory");
      try {
        await access(full);
      } catch {
        throw new PermanentPayloadError(`file not found: ${file.path}`);
      }
      return new InputFile(full, filename);
    }
  }
  throw new PermanentPayloadError("missing or invalid file");
}
