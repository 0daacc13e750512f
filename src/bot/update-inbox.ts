// Long polling that cannot lose an update. Each batch from getUpdates is written to the database before
// the next getUpdates call acknowledges it (Telegram forgets updates below the offset we send), and the
// offset comes from the database. Updates are then handled in order and marked; after a crash, the ones
// not yet marked are handled again on start (handlers key their writes by update id, so a replay stores
// nothing twice).
import { GrammyError, HttpError, type Bot } from "grammy";
import type { PrismaClient } from "@prisma/client";
import {
  markAttempt,
  markHandled,
  nextUpdateOffset,
  pendingUpdates,
  purgeHandledUpdates,
  storeUpdates,
} from "../db/update-store.js";
import type { Logger } from "../logger.js";
import type { BotContext } from "./context.js";

export const allowedUpdates = ["message", "edited_message", "callback_query", "my_chat_member"] as const;

/** An update that failed this many times (e.g. it crashed the process) is set aside, not retried forever. */
const maxAttempts = 3;

export interface UpdateInbox {
  /** Resolves when polling has stopped (after stop(), or on a fatal error such as a revoked token). */
  run(): Promise<void>;
  stop(): Promise<void>;
  /** Handles stored updates not yet handled; used on start and after each batch. */
  drain(): Promise<number>;
}

export function createUpdateInbox(options: {
  bot: Bot<BotContext>;
  prisma: PrismaClient;
  logger: Logger;
  pollTimeoutSeconds?: number;
}): UpdateInbox {
  const { bot, prisma, logger } = options;
  const controller = new AbortController();
  let running = false;
  let finished: Promise<void> = Promise.resolve();

  // One drain at a time: two concurrent drains would both pick the same pending update.
  let draining: Promise<number> = Promise.resolve(0);
  function drain(): Promise<number> {
    draining = draining.catch(() => 0).then(drainOnce);
    return draining;
  }

  async function drainOnce(): Promise<number> {
    let handled = 0;
    for (;;) {
      const batch = await pendingUpdates(prisma, 100);
      if (batch.length === 0) return handled;
      for (const stored of batch) {
        if (stored.attempts >= maxAttempts) {
          logger.error({ updateId: stored.updateId }, "update set aside after repeated failures");
          await markHandled(prisma, stored.updateId, "set aside after repeated failures");
          continue;
        }
        await markAttempt(prisma, stored.updateId);
        try {
          await bot.handleUpdate(stored.payload);
          await markHandled(prisma, stored.updateId, undefined, stored.payload);
        } catch (error) {
          // The bot's error boundary answers errors of features; what reaches here failed outside it.
          logger.error({ err: error, updateId: stored.updateId }, "update handling failed");
          await markHandled(prisma, stored.updateId, (error as Error).message?.slice(0, 500), stored.payload);
        }
        handled++;
      }
    }
  }

  async function poll(): Promise<void> {
    let offset = await nextUpdateOffset(prisma);
    let backoffMs = 500;
    await drain();
    await purgeHandledUpdates(prisma, new Date(Date.now() - 7 * 24 * 3600 * 1000));
    while (running) {
      try {
        const updates = await bot.api.getUpdates(
          { offset, timeout: options.pollTimeoutSeconds ?? 25, allowed_updates: [...allowedUpdates] },
          // grammY's Node typings name an older AbortSignal type; the runtime object is the same.
          controller.signal as unknown as Parameters<typeof bot.api.getUpdates>[1],
        );
        if (updates.length > 0) {
          await storeUpdates(prisma, updates);
          offset = updates[updates.length - 1]!.update_id + 1;
        }
        await drain();
        backoffMs = 500;
      } catch (error) {
        if (!running) return;
        if (error instanceof GrammyError && (error.error_code === 401 || error.error_code === 404)) {
          logger.fatal({ err: error }, "Telegram rejected the bot token; polling stopped");
          running = false;
          throw error;
        }
        const reason = error instanceof GrammyError ? `telegram ${error.error_code}` : error instanceof HttpError ? "network" : "internal";
        logger.warn({ err: error, reason, retryInMs: backoffMs }, "polling failed; retrying");
        await sleep(backoffMs, controller.signal);
        backoffMs = Math.min(backoffMs * 2, 30_000);
      }
    }
  }

  return {
    run() {
      running = true;
      finished = poll();
      return finished;
    },
    async stop() {
      running = false;
      controller.abort();
      await finished.catch(() => undefined);
    },
    drain,
  };
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener("abort", () => {
      clearTimeout(timer);
      resolve();
    }, { once: true });
  });
}
