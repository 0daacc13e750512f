// Long polling that cannot lose an update, and handling in which no chat waits on another.
//
// Each batch from getUpdates is written to the database before the next getUpdates call acknowledges it
// (Telegram forgets updates below the offset we send), and the offset comes from the database. Stored
// updates are handled by chat: one chat's updates strictly in order (a conversation's answers must meet
// their questions), different chats side by side, at most `concurrentChats` at once. A chat whose reply
// is slow (a lost response, a 429) holds only itself. Polling never waits for handling: it stores the
// next batch while earlier ones are handled, and what is not yet handled waits in the database, not in
// memory (at most `bufferedUpdates` are read ahead). After a crash, the updates not yet marked are handled
// again on start (handlers key their writes by update id, so a replay stores nothing twice).
import { GrammyError, HttpError, type Bot } from "grammy";
import type { Update } from "grammy/types";
import type { PrismaClient } from "@prisma/client";
import {
  markAttempts,
  markHandled,
  nextUpdateOffset,
  pendingUpdates,
  storeUpdates,
  type HandledMark,
  type StoredUpdate,
} from "../db/update-store.js";
import type { Logger } from "../logger.js";
import { noMetrics, type MetricsRecorder } from "../metrics/app-metrics.js";
import { systemProblem } from "../system-errors.js";
import type { BotContext } from "./context.js";
import { groupCommit } from "./group-commit.js";
import { defaultRateLimit, FloodGate, type RateLimitOptions } from "./rate-limit.js";
import { pause } from "./telegram-connection.js";

export const allowedUpdates = ["message", "edited_message", "callback_query", "my_chat_member"] as const;

/** An update that failed this many times (e.g. it crashed the process) is set aside, not retried forever. */
const maxAttempts = 3;

export interface UpdateInbox {
  /** Resolves when polling has stopped (after stop(), or on a fatal error such as a revoked token). */
  run(): Promise<void>;
  /** Stops polling, lets the updates being handled finish; the rest wait in the database for the next start. */
  stop(): Promise<void>;
  /** Handles every stored update not yet handled, and resolves when none is left; returns how many it handled. */
  drain(): Promise<number>;
  /** When Telegram last answered (a poll, or the start before polling; epoch ms), or null before polling. */
  lastPolledAt(): number | null;
}

/** The chat whose order an update belongs to; updates of one chat are handled one after another. */
export function chatKeyOf(update: Update): string {
  const chatId =
    // A group upgraded to a supergroup sends one message from each id; both are one chat's history, so
    // the new id's message waits for the old one's (the binding moves from old to new in that order).
    update.message?.migrate_from_chat_id ??
    update.message?.chat.id ??
    update.edited_message?.chat.id ??
    update.callback_query?.message?.chat.id ??
    update.my_chat_member?.chat.id ??
    // A button on a message the bot can no longer see still comes from one person.
    update.callback_query?.from.id;
  return chatId === undefined ? "other" : String(chatId);
}

export function createUpdateInbox(options: {
  bot: Bot<BotContext>;
  prisma: PrismaClient;
  logger: Logger;
  pollTimeoutSeconds?: number;
  /** How many chats are handled at once (default 16). */
  concurrentChats?: number;
  /** How many stored updates are read ahead into memory at most (default 500). */
  bufferedUpdates?: number;
  /** The per-person flood limit, applied before an update is stored (default: 30 in 10 s). */
  rateLimit?: RateLimitOptions;
  /** Tells a person once that they are over the limit (src/bot/flood-notice.ts). */
  tellLimited?: (update: Update) => Promise<void>;
  /** Where the embedded database keeps its files (absent on PostgreSQL): a full disk there is named in the log. */
  dataDir?: string | null;
  metrics?: MetricsRecorder;
}): UpdateInbox {
  const { bot, prisma, logger } = options;
  const metrics = options.metrics ?? noMetrics;
  // When Telegram last answered a poll: /readyz says Telegram is unreachable once it has not for a while.
  let lastPolledAt: number | null = null;
  const concurrentChats = options.concurrentChats ?? 16;
  const bufferedUpdates = options.bufferedUpdates ?? 500;
  const floodGate = new FloodGate(options.rateLimit ?? defaultRateLimit);
  const controller = new AbortController();
  let running = false;
  let stopping = false;
  let finished: Promise<void> = Promise.resolve();

  // Updates read from the database and not yet handled, by chat, in update order.
  const queues = new Map<string, StoredUpdate[]>();
  // Chats waiting for a free slot, in the order their first update arrived.
  const waiting: string[] = [];
  const active = new Set<string>();
  let buffered = 0;
  // Updates up to this id are in memory or handled; the next read starts after it.
  let readUpTo = 0;
  // Whether the table may hold unhandled rows not yet read: set when the poller stores a batch, cleared when
  // a read comes back short. Handling then reads ahead only when there is something to read, instead of
  // one empty query per handled update.
  let moreStored = true;
  let handledCount = 0;
  // Woken whenever a chat starts or finishes; each waiter checks its own condition again.
  let changeWaiters: (() => void)[] = [];
  // The chats being handled count and mark their updates together: two statements per round trip of the
  // database instead of two per update. Each update still waits for its own attempt to be counted before
  // it is handled, and for its mark before its chat goes on.
  const countAttempt = groupCommit<number>((updateIds) => markAttempts(prisma, updateIds));
  const markDone = groupCommit<HandledMark>((marks) => markHandled(prisma, marks));

  // One read at a time: two reads would both queue the same updates.
  let reading: Promise<number> = Promise.resolve(0);
  function readMore(): Promise<number> {
    reading = reading.catch(() => 0).then(readOnce);
    return reading;
  }

  async function readOnce(): Promise<number> {
    let queued = 0;
    // With nothing in memory, every unhandled row is read again from the oldest: one whose handling could
    // not be recorded (the database failed) is retried, and counts towards being set aside.
    if (active.size === 0 && buffered === 0) readUpTo = 0;
    while (!stopping && buffered < bufferedUpdates) {
      const limit = Math.min(100, bufferedUpdates - buffered);
      const batch = await pendingUpdates(prisma, limit, readUpTo);
      if (batch.length < limit) moreStored = false;
      if (batch.length === 0) break;
      for (const stored of batch) {
        readUpTo = stored.updateId;
        const key = chatKeyOf(stored.payload);
        const queue = queues.get(key);
        if (queue) queue.push(stored);
        else {
          queues.set(key, [stored]);
          if (!active.has(key)) waiting.push(key);
        }
        buffered++;
        queued++;
      }
      startChats();
      // A short read was the last of the table.
      if (batch.length < limit) break;
    }
    return queued;
  }

  function startChats(): void {
    while (!stopping && active.size < concurrentChats && waiting.length > 0) {
      const key = waiting.shift()!;
      active.add(key);
      void handleChat(key);
    }
    const waiters = changeWaiters;
    changeWaiters = [];
    for (const wake of waiters) wake();
  }

  async function until(condition: () => boolean): Promise<void> {
    while (!condition()) await new Promise<void>((resolve) => changeWaiters.push(resolve));
  }

  async function handleChat(key: string): Promise<void> {
    for (;;) {
      const queue = queues.get(key);
      const stored = queue?.shift();
      if (!stored || stopping) break;
      await handleOne(stored);
      buffered--;
      handledCount++;
      // Reading ahead again once half the buffer is free keeps a backlog flowing without holding it all.
      if (moreStored && buffered <= bufferedUpdates / 2) void readMore();
    }
    if (queues.get(key)?.length === 0) queues.delete(key);
    active.delete(key);
    startChats();
  }

  async function handleOne(stored: StoredUpdate): Promise<void> {
    try {
      if (stored.attempts >= maxAttempts) {
        logger.error({ updateId: stored.updateId }, "update set aside after repeated failures");
        await markDone({
          updateId: stored.updateId,
          error: "set aside after repeated failures",
          payload: stored.payload,
        });
        return;
      }
      await countAttempt(stored.updateId);
      const started = performance.now();
      try {
        await bot.handleUpdate(stored.payload);
        await markDone({ updateId: stored.updateId, payload: stored.payload });
        metrics.updateHandled("ok", (performance.now() - started) / 1000);
      } catch (error) {
        // The bot's error boundary answers errors of features; what reaches here failed outside it.
        logger.error({ err: error, updateId: stored.updateId }, "update handling failed");
        await markDone({
          updateId: stored.updateId,
          error: (error as Error).message?.slice(0, 500),
          payload: stored.payload,
        });
        metrics.updateHandled("failed", (performance.now() - started) / 1000);
      }
    } catch (error) {
      // The database failed around the handling: the update stays unmarked and is handled again on the
      // next start (or set aside once it has failed too often).
      logger.error({ err: error, updateId: stored.updateId }, "could not record an update's handling");
    }
  }

  async function drain(): Promise<number> {
    const before = handledCount;
    for (;;) {
      await readMore();
      // Stopping leaves queued updates unhandled: then only the running ones are waited for.
      await until(() => active.size === 0 && (buffered === 0 || stopping));
      // Anything stored meanwhile (by the poller, or a test) is read on the next turn.
      if ((await pendingUpdates(prisma, 1, readUpTo)).length === 0 || stopping) return handledCount - before;
    }
  }

  async function poll(): Promise<void> {
    // Polling starts once Telegram has answered (getMe, deleteWebhook): it was reachable a moment ago.
    lastPolledAt = Date.now();
    let offset = await nextUpdateOffset(prisma);
    let backoffMs = 500;
    void readMore();
    while (running) {
      try {
        const updates = await bot.api.getUpdates(
          { offset, timeout: options.pollTimeoutSeconds ?? 25, allowed_updates: [...allowedUpdates] },
          // grammY's Node typings name an older AbortSignal type; the runtime object is the same.
          controller.signal as unknown as Parameters<typeof bot.api.getUpdates>[1],
        );
        lastPolledAt = Date.now();
        if (updates.length > 0) {
          // A flooder's updates past the limit are not stored: they cost one count each, nothing more.
          const { admitted, limited, dropped } = floodGate.sort(updates);
          await storeUpdates(prisma, admitted);
          metrics.updatesReceived(admitted.length);
          offset = updates[updates.length - 1]!.update_id + 1;
          moreStored = true;
          void readMore();
          if (dropped > 0)
            logger.debug({ dropped, droppedTotal: floodGate.droppedTotal }, "updates over the flood limit dropped");
          for (const update of limited) {
            void options
              .tellLimited?.(update)
              .catch((error: unknown) => logger.warn({ err: error }, "could not tell a person to slow down"));
          }
        }
        backoffMs = 500;
      } catch (error) {
        if (!running) return;
        if (error instanceof GrammyError && (error.error_code === 401 || error.error_code === 404)) {
          logger.fatal({ err: error }, "Telegram rejected the bot token; polling stopped");
          running = false;
          throw error;
        }
        const problem = systemProblem(error, options.dataDir ?? null);
        if (problem?.kind === "disk-full") {
          // Nothing is lost: updates not stored are not confirmed to Telegram, which keeps them for a day. A
          // restart is asked for: after a write failed for space, the embedded database may go on refusing to
          // create the file it was creating ("File exists") until it is opened again.
          logger.error(
            { err: error, problem, retryInMs: backoffMs },
            `the disk is full${problem.path ? ` (${problem.path})` : ""}: new messages cannot be stored; Telegram keeps them for a day: free some space, then restart the bot`,
          );
        } else {
          const reason =
            error instanceof GrammyError
              ? `telegram ${error.error_code}`
              : error instanceof HttpError
                ? "network"
                : "internal";
          logger.warn({ err: error, reason, retryInMs: backoffMs }, "polling failed; retrying");
        }
        await pause(backoffMs, controller.signal);
        backoffMs = Math.min(backoffMs * 2, 30_000);
      }
    }
  }

  return {
    lastPolledAt: () => lastPolledAt,
    run() {
      running = true;
      finished = poll();
      return finished;
    },
    async stop() {
      running = false;
      controller.abort();
      await finished.catch(() => undefined);
      stopping = true;
      await reading.catch(() => undefined);
      // The chats being handled finish their current update; queued ones stay unmarked in the database.
      await until(() => active.size === 0);
    },
    drain,
  };
}
