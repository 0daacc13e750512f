// The loop both senders run (Telegram's in sender.ts, Web Push's in web-push-sender.ts): rounds that never
// overlap, one after another while rows were claimed, else a sleep that notify() cuts short.
import type { Logger } from "../logger.js";
import type { ChannelSender, DrainResult } from "./sender.js";

const emptyRound: DrainResult = { claimed: 0, sent: 0, retried: 0, failed: 0 };

export function senderLoop(options: {
  /** One round: claim what may be sent now, send it, record the outcomes. */
  drain: () => Promise<DrainResult>;
  /** How long to sleep when a round claimed nothing (the Telegram sender: until its limiter frees a chat). */
  idleFor: () => number;
  /** A round that failed (the database) waits at least this long. */
  failedRoundMs: number;
  logger: Logger;
  /** For the log line of a failed round. */
  name: string;
}): ChannelSender {
  let running = false;
  let loop: Promise<void> | null = null;
  let wake: (() => void) | null = null;
  let round: Promise<DrainResult> = Promise.resolve(emptyRound);

  function drainOnce(): Promise<DrainResult> {
    // Rounds of one sender never overlap.
    const next = round.then(options.drain, options.drain);
    round = next.catch(() => emptyRound);
    return next;
  }

  function sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        wake = null;
        resolve();
      }
      wake = done;
    });
  }

  async function run(): Promise<void> {
    while (running) {
      let claimed = 0;
      let failedRound = false;
      try {
        claimed = (await drainOnce()).claimed;
      } catch (error) {
        failedRound = true;
        options.logger.error({ err: error }, `${options.name}: drain failed`);
      }
      if (!running) break;
      if (claimed > 0) continue; // more may be due at once
      await sleep(failedRound ? Math.max(options.idleFor(), options.failedRoundMs) : options.idleFor());
    }
  }

  return {
    drainOnce,
    start() {
      if (running) return;
      running = true;
      loop = run();
    },
    async stop() {
      running = false;
      wake?.();
      await loop;
      loop = null;
    },
    notify() {
      wake?.();
    },
  };
}
