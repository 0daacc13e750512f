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
//
// Updates come from long polling (run()) or from the webhook (src/bot/webhook-server.ts calls receive()).
// On the embedded database one process owns the inbox and reads every stored update. On PostgreSQL several
// instances may share it (`sharing`): an instance first holds a chat (src/db/update-store.ts, holdChatsAndRead)
// and handles only the chats it holds, lets go of each when its updates are done, renews its holds while it
// works, and takes over the chats of an instance that died (at once when the database has dropped that
// instance's liveness lock, else once its holds run out).
import { GrammyError, HttpError, type Bot } from "grammy";
import type { Update } from "grammy/types";
import type { PrismaClient } from "@prisma/client";
import {
  holdChatsAndRead,
  markAttempts,
  markHandled,
  nextUpdateOffset,
  pendingUpdates,
  releaseAllChats,
  releaseChat,
  renewHolds,
  storeUpdates,
  type HandledMark,
  type StoredUpdate,
} from "../db/update-store.js";
import type { Logger } from "../logger.js";
import { noMetrics, type MetricsRecorder } from "../metrics/app-metrics.js";
import { diskFullInLog, systemProblem } from "../system-errors.js";
import type { BotContext } from "./context.js";
import { groupCommit } from "./group-commit.js";
import { defaultRateLimit, FloodGate, type RateLimitOptions } from "./rate-limit.js";
import { pause } from "./telegram-connection.js";

export const allowedUpdates = ["message", "edited_message", "callback_query", "my_chat_member"] as const;

/** An update that failed this many times (e.g. it crashed the process) is set aside, not retried forever. */
const maxAttempts = 3;

/** How instances on one PostgreSQL database share the inbox (see the file's head). */
export interface InboxSharing {
  /** This process, as telegram_chat_holds names its holder. */
  instanceId: string;
  /** How long a hold lasts unless renewed; renewed every third of it. */
  leaseSeconds: number;
}

export interface UpdateInbox {
  /** Resolves when polling has stopped (after stop(), or on a fatal error such as a revoked token). */
  run(): Promise<void>;
  /** Handles stored updates without polling (webhook mode: the webhook server calls receive()). */
  startHandling(): void;
  /**
   * Stores updates Telegram delivered (past the per-person flood limit) and has them handled; resolves once
   * they are stored, so the webhook answers Telegram only then. Rejects when they could not be stored.
   */
  receive(updates: readonly Update[]): Promise<void>;
  /** Stops polling, lets the updates being handled finish; the rest wait in the database for the next start. */
  stop(): Promise<void>;
  /** Handles every stored update not yet handled, and resolves when none is left; returns how many it handled. */
  drain(): Promise<number>;
  /** When Telegram last answered (a poll, or the start before polling; epoch ms), or null before polling. */
  lastPolledAt(): number | null;
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
  /** PostgreSQL: share the stored updates with other instances by holding chats; null: this process owns them. */
  sharing?: InboxSharing | null;
}): UpdateInbox {
  const { bot, prisma, logger } = options;
  const metrics = options.metrics ?? noMetrics;
  // When Telegram last answered a poll: /readyz says Telegram is unreachable once it has not for a while.
  let lastPolledAt: number | null = null;
  const concurrentChats = options.concurrentChats ?? 16;
  const bufferedUpdates = options.bufferedUpdates ?? 500;
  const floodGate = new FloodGate(options.rateLimit ?? defaultRateLimit);
  const controller = new AbortController();
  const sharing = options.sharing ?? null;
  let running = false;
  let handling = false;
  let stopping = false;
  // Shared: the chats this instance holds (each has a queue in memory, active or waiting).
  const held = new Set<string>();
  let holdTimer: NodeJS.Timeout | null = null;
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

  function enqueue(stored: StoredUpdate): void {
    const queue = queues.get(stored.chatKey);
    if (queue) queue.push(stored);
    else {
      queues.set(stored.chatKey, [stored]);
      if (!active.has(stored.chatKey)) waiting.push(stored.chatKey);
    }
    buffered++;
  }

  async function readOnce(): Promise<number> {
    return sharing ? holdAndRead(sharing) : readOwned();
  }

  // Shared: hold as many more chats as there are free slots, and queue their updates.
  async function holdAndRead(holder: InboxSharing): Promise<number> {
    const freeSlots = concurrentChats - held.size;
    if (stopping || freeSlots <= 0) return 0;
    const batch = await holdChatsAndRead(prisma, holder, freeSlots);
    let queued = 0;
    const newlyHeld = new Set<string>();
    for (const stored of batch) {
      // The query skips this instance's own holds; a chat already in memory is still never queued twice.
      if (held.has(stored.chatKey) && !newlyHeld.has(stored.chatKey)) continue;
      newlyHeld.add(stored.chatKey);
      held.add(stored.chatKey);
      enqueue(stored);
      queued++;
    }
    if (batch.length === 0) moreStored = false;
    startChats();
    return queued;
  }

  // Owned: every unhandled row after what is in memory.
  async function readOwned(): Promise<number> {
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
        enqueue(stored);
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
      if (!sharing || stopping || queues.has(key)) break;
      await finishChat(sharing, key);
      // Held again while it was being let go (an update of it was stored meanwhile): the chat is still
      // active here, so its new queue is this loop's to handle.
      if (!queues.has(key)) break;
    }
    active.delete(key);
    startChats();
  }

  // Shared: the chat's queue ran empty. Let go of it; if another instance stored an update for it meanwhile
  // (it could not hold the chat while this one did), hold it again to handle that.
  async function finishChat(holder: InboxSharing, key: string): Promise<void> {
    held.delete(key);
    try {
      const pending = await releaseChat(prisma, holder.instanceId, key);
      // A slot is free: another chat waiting in the database can be held now.
      if (pending || moreStored) {
        moreStored = true;
        void readMore();
      }
    } catch (error) {
      // The hold runs out by itself; the chat is then held again by whichever instance reads first.
      logger.warn({ err: error, chat: key }, "could not let go of a chat");
    }
  }

  // Shared: renew the holds, drop what was taken over (its queued updates are another instance's now), and
  // look for work: chats whose holder died, updates stored by other instances.
  async function tendHolds(holder: InboxSharing): Promise<void> {
    if (held.size > 0) {
      const stillHeld = await renewHolds(prisma, holder);
      for (const key of [...held]) {
        if (stillHeld.has(key)) continue;
        logger.warn({ chat: key }, "a chat was taken over by another instance");
        held.delete(key);
        const dropped = queues.get(key)?.length ?? 0;
        buffered -= dropped;
        queues.get(key)?.splice(0);
      }
    }
    moreStored = true;
    await readMore();
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
      const problem = systemProblem(error, options.dataDir ?? null);
      if (problem?.kind === "disk-full")
        logger.error(
          { err: error, problem, updateId: stored.updateId },
          `${diskFullInLog(problem)}: a stored message cannot be handled; it waits in the database: free some space, then restart the bot`,
        );
      else logger.error({ err: error, updateId: stored.updateId }, "could not record an update's handling");
    }
  }

  async function drain(): Promise<number> {
    const before = handledCount;
    for (;;) {
      await readMore();
      // Stopping leaves queued updates unhandled: then only the running ones are waited for.
      await until(() => active.size === 0 && (buffered === 0 || stopping));
      if (stopping) return handledCount - before;
      // Anything stored meanwhile (by the poller, or a test) is read on the next turn.
      if (
        sharing
          ? (await readMore()) === 0 && active.size === 0 && buffered === 0
          : (await pendingUpdates(prisma, 1, readUpTo)).length === 0
      )
        return handledCount - before;
    }
  }

  async function poll(): Promise<void> {
    // Polling starts once Telegram has answered (getMe, deleteWebhook): it was reachable a moment ago.
    lastPolledAt = Date.now();
    let offset = await nextUpdateOffset(prisma);
    let backoffMs = 500;
    startHandling();
    while (running) {
      try {
        const updates = await bot.api.getUpdates(
          { offset, timeout: options.pollTimeoutSeconds ?? 25, allowed_updates: [...allowedUpdates] },
          // grammY's Node typings name an older AbortSignal type; the runtime object is the same.
          controller.signal as unknown as Parameters<typeof bot.api.getUpdates>[1],
        );
        lastPolledAt = Date.now();
        if (updates.length > 0) {
          await receive(updates);
          offset = updates[updates.length - 1]!.update_id + 1;
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
            `${diskFullInLog(problem)}: new messages cannot be stored; Telegram keeps them for a day: free some space, then restart the bot`,
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

  async function receive(updates: readonly Update[]): Promise<void> {
    // A flooder's updates past the limit are not stored: they cost one count each, nothing more.
    const { admitted, limited, dropped } = floodGate.sort(updates);
    await storeUpdates(prisma, admitted);
    metrics.updatesReceived(admitted.length);
    moreStored = true;
    if (handling) void readMore();
    if (dropped > 0)
      logger.debug({ dropped, droppedTotal: floodGate.droppedTotal }, "updates over the flood limit dropped");
    for (const update of limited) {
      void options
        .tellLimited?.(update)
        .catch((error: unknown) => logger.warn({ err: error }, "could not tell a person to slow down"));
    }
  }

  function startHandling(): void {
    if (handling) return;
    handling = true;
    void readMore();
    if (sharing) {
      const holder = sharing;
      // A third of the hold: two renewals can fail (a slow database) before another instance takes over.
      holdTimer = setInterval(
        () =>
          void tendHolds(holder).catch((error: unknown) => logger.warn({ err: error }, "could not renew held chats")),
        Math.max(250, (holder.leaseSeconds * 1000) / 3),
      );
      holdTimer.unref();
    }
  }

  return {
    lastPolledAt: () => lastPolledAt,
    run() {
      running = true;
      finished = poll();
      return finished;
    },
    startHandling,
    receive,
    async stop() {
      running = false;
      controller.abort();
      await finished.catch(() => undefined);
      stopping = true;
      if (holdTimer) clearInterval(holdTimer);
      await reading.catch(() => undefined);
      // The chats being handled finish their current update; queued ones stay unmarked in the database.
      await until(() => active.size === 0);
      if (sharing) {
        // Other instances take this one's chats at once instead of when the holds run out.
        await releaseAllChats(prisma, sharing.instanceId).catch((error: unknown) =>
          logger.warn({ err: error }, "could not let go of held chats; they are taken over when the holds run out"),
        );
        held.clear();
      }
    },
    drain,
  };
}
