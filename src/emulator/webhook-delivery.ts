// Pushes a bot's queued updates to its webhook, as Telegram does: a POST per
// update, one chat at a time in update_id order (the next update of a chat
// only after the previous one got a 2xx), chats in parallel up to
// max_connections, failures retried with a doubling backoff. It needs nothing
// but the global fetch, so it runs wherever the core runs.
import type { Update } from "grammy/types";
import type { WebhookAttempt } from "./types.js";

export interface WebhookSettings {
  url: string;
  /** Sent as X-Telegram-Bot-Api-Secret-Token when set. */
  secretToken?: string;
  maxConnections: number;
  /** Reported by getWebhookInfo; the emulator does not filter by it. */
  allowedUpdates?: string[];
}

export interface WebhookTiming {
  /** Delay before the first retry of a chat's failed update; doubles per failure. */
  retryMs: number;
  maxRetryMs: number;
  /** A request without a complete answer within this time counts as failed. */
  timeoutMs: number;
}

/** What a delivery works on: the bot's queue, and where it reports each attempt. */
export interface DeliveryHost {
  readonly timing: WebhookTiming;
  /** The bot's queue, oldest first. */
  queued(): readonly Update[];
  /** The update reached the bot: it leaves the queue. */
  delivered(updateId: number): void;
  /** `error` is Telegram's last_error_message for failed attempts. */
  attempted(attempt: Omit<WebhookAttempt, "token">, error?: string): void;
}

/** Whether a setWebhook call changes nothing (Telegram then answers "Webhook is already set" and goes on as before). */
export function sameWebhook(a: WebhookSettings, b: WebhookSettings): boolean {
  return (
    a.url === b.url &&
    a.secretToken === b.secretToken &&
    a.maxConnections === b.maxConnections &&
    JSON.stringify(a.allowedUpdates) === JSON.stringify(b.allowedUpdates)
  );
}

/**
 * Updates that must reach the bot in order share a key: those of one chat.
 * Updates without a chat are independent of everything else.
 */
export function orderingKeyOf(update: Update): string {
  const query = update.callback_query;
  const chatId =
    update.message?.chat.id ??
    update.edited_message?.chat.id ??
    (query ? (query.message?.chat.id ?? query.from.id) : undefined) ??
    update.my_chat_member?.chat.id;
  return chatId === undefined ? `update ${update.update_id}` : `chat ${chatId}`;
}

/** Telegram's wording for a request that got no HTTP answer. */
export function describeNetworkError(error: unknown): string {
  const cause = error instanceof Error && error.cause !== undefined ? error.cause : error;
  const code = typeof cause === "object" && cause !== null && "code" in cause ? String(cause.code) : undefined;
  switch (code) {
    case "ECONNREFUSED":
      return "Connection refused";
    case "ECONNRESET":
    case "EPIPE":
    case "UND_ERR_SOCKET":
      return "Connection reset by peer";
    case "ENOTFOUND":
    case "EAI_AGAIN":
      return "Failed to resolve host: Name or service not known";
    case "ETIMEDOUT":
    case "UND_ERR_CONNECT_TIMEOUT":
      return "Connection timed out";
  }
  return cause instanceof Error ? cause.message : String(cause);
}

/** One webhook setting's delivery; a new setWebhook gets a new one. */
export class WebhookDelivery {
  /** Ordering keys with a request in flight or a retry pending: nothing else of them may go. */
  private readonly busy = new Set<string>();
  /** Requests in flight, each with its timeout. */
  private readonly requests = new Map<AbortController, ReturnType<typeof setTimeout>>();
  private readonly retryTimers = new Set<ReturnType<typeof setTimeout>>();
  /** Failures in a row per ordering key, for the backoff. */
  private readonly failures = new Map<string, number>();
  private stopped = false;

  constructor(
    readonly settings: WebhookSettings,
    private readonly host: DeliveryHost,
  ) {}

  /** Sends the oldest update of every idle chat, while connections are free. Call whenever the queue grows. */
  pump(): void {
    if (this.stopped) return;
    const considered = new Set<string>();
    for (const update of this.host.queued()) {
      if (this.requests.size >= this.settings.maxConnections) return;
      const key = orderingKeyOf(update);
      // Only the oldest queued update of a chat may go; later ones wait for it.
      if (considered.has(key)) continue;
      considered.add(key);
      if (this.busy.has(key)) continue;
      this.busy.add(key);
      void this.post(update, key);
    }
  }

  /** Aborts requests in flight and cancels retries; their updates stay queued. */
  stop(): void {
    this.stopped = true;
    for (const [request, timeout] of this.requests) {
      clearTimeout(timeout);
      request.abort();
    }
    for (const timer of this.retryTimers) clearTimeout(timer);
    this.requests.clear();
    this.retryTimers.clear();
  }

  private async post(update: Update, key: string): Promise<void> {
    const { url, secretToken } = this.settings;
    const request = new AbortController();
    let timedOut = false;
    const timeout = setTimeout(() => {
      timedOut = true;
      request.abort();
    }, this.host.timing.timeoutMs);
    this.requests.set(request, timeout);

    let outcome: WebhookAttempt["outcome"];
    let error: string | undefined;
    try {
      const response = await fetch(url, {
        method: "POST",
        headers: {
          "content-type": "application/json",
          ...(secretToken !== undefined && { "x-telegram-bot-api-secret-token": secretToken }),
        },
        body: JSON.stringify(update),
        signal: request.signal,
      });
      // Reading the whole answer frees the connection for the next update.
      await response.arrayBuffer();
      outcome = response.status;
      if (!response.ok) error = `Wrong response from the webhook: ${response.status} ${response.statusText}`.trim();
    } catch (failure) {
      outcome = timedOut ? "timeout" : "network error";
      error = timedOut ? "Read timeout expired" : describeNetworkError(failure);
    } finally {
      clearTimeout(timeout);
      this.requests.delete(request);
    }

    const succeeded = error === undefined;
    if (this.stopped) {
      // The webhook was replaced or deleted meanwhile. An answered update still reached the bot, so it must
      // not be handed out again; anything else is left for whoever takes over the queue.
      if (succeeded) {
        this.host.delivered(update.update_id);
        this.host.attempted({ url, updateId: update.update_id, outcome });
      }
      return;
    }
    if (succeeded) {
      this.failures.delete(key);
      this.busy.delete(key);
      this.host.delivered(update.update_id);
      this.host.attempted({ url, updateId: update.update_id, outcome });
    } else {
      this.scheduleRetry(key);
      this.host.attempted({ url, updateId: update.update_id, outcome }, error);
    }
    // A connection is free again, and on success the chat's next update may go.
    this.pump();
  }

  /** The chat stays busy until the retry, so its later updates cannot overtake the failed one. */
  private scheduleRetry(key: string): void {
    const failures = (this.failures.get(key) ?? 0) + 1;
    this.failures.set(key, failures);
    const { retryMs, maxRetryMs } = this.host.timing;
    const delay = Math.min(maxRetryMs, retryMs * 2 ** (failures - 1));
    const timer = setTimeout(() => {
      this.retryTimers.delete(timer);
      this.busy.delete(key);
      this.pump();
    }, delay);
    this.retryTimers.add(timer);
  }
}
