// Retries for the bot's answers to people (replies, edits, callback answers): a budget of a few seconds,
// never an hour. A person is waiting for the answer, and while it is retried their chat waits too; a
// message that cannot go within the budget is given up and logged (the person can ask again), where
// grammY's auto-retry would back off for up to an hour. Scheduled messages (reminders, digests, notices)
// do not come through here: the outbox retries them for as long as it takes (src/outbox/sender.ts).
//
// A lost response (the request reached Telegram, its answer did not) cannot be told from a request that
// never arrived, so a network error is resent once at most: the person may get the message twice, never
// more.
import { HttpError, type Transformer } from "grammy";

export interface ReplyRetryOptions {
  /** The longest the retries may wait in all, in milliseconds (default 5,000). */
  budgetMs?: number;
  /** Wait before resending after a network error or a 5xx, in milliseconds (default 300). */
  resendDelayMs?: number;
}

export function replyRetry(options: ReplyRetryOptions = {}): Transformer {
  const budgetMs = options.budgetMs ?? 5_000;
  const resendDelayMs = options.resendDelayMs ?? 300;
  return async (prev, method, payload, signal) => {
    let waited = 0;
    let resent = false;
    // Whether one more wait of `ms` fits the budget; if so it is counted.
    const fits = (ms: number) => {
      if (signal?.aborted || waited + ms > budgetMs) return false;
      waited += ms;
      return true;
    };
    for (;;) {
      let result: Awaited<ReturnType<typeof prev>>;
      try {
        result = await prev(method, payload, signal);
      } catch (error) {
        if (error instanceof HttpError && !resent && fits(resendDelayMs)) {
          resent = true;
          await pause(resendDelayMs, signal);
          continue;
        }
        throw error;
      }
      if (result.ok) return result;
      const retryAfter = result.parameters?.retry_after;
      if (typeof retryAfter === "number" && fits(retryAfter * 1000)) {
        await pause(retryAfter * 1000, signal);
        continue;
      }
      if (result.error_code >= 500 && !resent && fits(resendDelayMs)) {
        resent = true;
        await pause(resendDelayMs, signal);
        continue;
      }
      return result;
    }
  };
}

/** grammY's Node typings name an older AbortSignal type; what matters here is the same on both. */
type Abortable = {
  readonly aborted: boolean;
  addEventListener(type: "abort", listener: () => void, options?: { once?: boolean }): void;
};

function pause(ms: number, signal: Abortable | undefined): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener(
      "abort",
      () => {
        clearTimeout(timer);
        resolve();
      },
      { once: true },
    );
  });
}
