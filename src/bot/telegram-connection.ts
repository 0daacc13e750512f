// Reaching Telegram at start-up. Telegram may be unreachable for long stretches (it is blocked on
// Vietnam's main networks; the office's server may sit behind one of them), so the bot never hangs in
// silence and never gives up: each attempt is cut after a few seconds, each failure is one log line that
// says where it tried and when it tries again, and it keeps trying with a growing wait. A refused token
// is different: trying again cannot help, so it is said once and start-up stops.
import { GrammyError, HttpError, type Api } from "grammy";
import type { Logger } from "../logger.js";

/** Telegram refused the bot token (401 Unauthorized, or 404 for a malformed one). */
export class TokenRefusedError extends Error {
  constructor(
    readonly apiRoot: string,
    cause: GrammyError,
  ) {
    super(
      `the bot token was refused by Telegram at ${apiRoot} (${cause.error_code} ${cause.description}); check TELEGRAM_BOT_TOKEN`,
    );
    this.name = "TokenRefusedError";
  }
}

/** Start-up was stopped (SIGTERM, SIGINT) while it was still trying to reach Telegram. */
export class StartStoppedError extends Error {
  constructor() {
    super("stopped while reaching Telegram");
    this.name = "StartStoppedError";
  }
}

export interface ReachOptions {
  apiRoot: string;
  logger: Logger;
  /** Aborted when the process is asked to stop. */
  stop: AbortSignal;
  /** How long one attempt may take (default 5 s). */
  attemptTimeoutMs?: number;
  /** The first wait between attempts (default 1 s); it doubles up to `maxDelayMs` (default 60 s). */
  firstDelayMs?: number;
  maxDelayMs?: number;
}

/** The abort signal grammY's API methods take (typed by its own AbortController shim). */
export type ApiSignal = NonNullable<Parameters<Api["getMe"]>[0]>;

/** Runs `call` until Telegram answers it, logging each failed attempt. */
export async function untilTelegramAnswers<T>(
  what: string,
  call: (signal: ApiSignal) => Promise<T>,
  options: ReachOptions,
): Promise<T> {
  const attemptTimeoutMs = options.attemptTimeoutMs ?? 5_000;
  const maxDelayMs = options.maxDelayMs ?? 60_000;
  let delayMs = options.firstDelayMs ?? 1_000;
  for (;;) {
    if (options.stop.aborted) throw new StartStoppedError();
    const attempt = new AbortController();
    const timer = setTimeout(() => attempt.abort(), attemptTimeoutMs);
    const onStop = () => attempt.abort();
    options.stop.addEventListener("abort", onStop, { once: true });
    try {
      // The platform's AbortSignal is what grammY uses at run time; only its type comes from a shim.
      return await call(attempt.signal as unknown as ApiSignal);
    } catch (error) {
      if (options.stop.aborted) throw new StartStoppedError();
      if (error instanceof GrammyError && (error.error_code === 401 || error.error_code === 404))
        throw new TokenRefusedError(options.apiRoot, error);
      const reason = attempt.signal.aborted
        ? `no answer within ${attemptTimeoutMs / 1000} s`
        : error instanceof GrammyError
          ? `Telegram answered ${error.error_code} ${error.description}`
          : error instanceof HttpError
            ? "network error"
            : error instanceof Error
              ? error.message
              : String(error);
      options.logger.warn(
        { err: error, what, apiRoot: options.apiRoot, retryInMs: delayMs },
        `cannot reach Telegram at ${options.apiRoot} (${what}: ${reason}); retrying in ${formatSeconds(delayMs)}`,
      );
    } finally {
      clearTimeout(timer);
      options.stop.removeEventListener("abort", onStop);
    }
    await pause(delayMs, options.stop);
    delayMs = Math.min(delayMs * 2, maxDelayMs);
  }
}

function formatSeconds(ms: number): string {
  return `${Math.round(ms / 100) / 10} s`;
}

/** Waits `ms`, or less if `stop` is aborted meanwhile. */
export function pause(ms: number, stop: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    stop.addEventListener(
      "abort",
      () => {
        clearTimeout(timer);
        resolve();
      },
      { once: true },
    );
  });
}
