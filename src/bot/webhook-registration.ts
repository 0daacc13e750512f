// Webhook mode's side at Telegram: setWebhook on start (every instance sets the same webhook, so it does
// not matter which starts first), and a look at getWebhookInfo every minute. That look is how /readyz knows
// Telegram answers (in webhook mode nothing else asks it regularly), how a delivery problem Telegram met
// (our proxy down, a certificate refused) reaches the log, and how a webhook removed or replaced by someone
// else (a bot started with long polling on the same token deletes it) is set again.
import type { Api } from "grammy";
import type { Config } from "../config.js";
import type { Logger } from "../logger.js";
import { untilTelegramAnswers, type ReachOptions } from "./telegram-connection.js";
import { allowedUpdates } from "./update-inbox.js";

type Webhook = NonNullable<Config["webhook"]>;

/** What setWebhook is given, at start and when the webhook is set again. */
function webhookParameters(webhook: Webhook) {
  return {
    secret_token: webhook.secret,
    allowed_updates: [...allowedUpdates],
    max_connections: webhook.maxConnections,
    // Updates waiting at Telegram are kept: dropping them would lose reports.
    drop_pending_updates: false,
  };
}

export function setWebhook(api: Api, webhook: Webhook, reach: ReachOptions): Promise<true> {
  return untilTelegramAnswers(
    "setWebhook",
    (signal) => api.setWebhook(webhook.url, webhookParameters(webhook), signal),
    reach,
  );
}

export interface WebhookWatch {
  /** When Telegram last answered (epoch ms). */
  lastAnsweredAt(): number | null;
  stop(): void;
}

export function watchWebhook(options: {
  api: Api;
  webhook: Webhook;
  logger: Logger;
  /** Default one minute. */
  intervalMs?: number;
}): WebhookWatch {
  const { api, webhook, logger } = options;
  let lastAnsweredAt: number | null = Date.now();
  let lastErrorSeen = Math.floor(Date.now() / 1000);
  let looking = false;
  const look = async () => {
    if (looking) return;
    looking = true;
    try {
      const info = await api.getWebhookInfo();
      lastAnsweredAt = Date.now();
      if (info.url !== webhook.url) {
        logger.error(
          { expected: webhook.url, found: info.url || null },
          "the webhook at Telegram is not this bot's (another process changed or deleted it); setting it again",
        );
        await api.setWebhook(webhook.url, webhookParameters(webhook));
      }
      if (info.last_error_date !== undefined && info.last_error_date > lastErrorSeen) {
        lastErrorSeen = info.last_error_date;
        logger.warn(
          { error: info.last_error_message, pending: info.pending_update_count },
          `Telegram could not deliver to the webhook: ${info.last_error_message ?? "no reason given"}`,
        );
      }
    } catch (error) {
      logger.warn({ err: error }, "could not ask Telegram about the webhook");
    } finally {
      looking = false;
    }
  };
  const timer = setInterval(() => void look(), options.intervalMs ?? 60_000);
  timer.unref();
  return { lastAnsweredAt: () => lastAnsweredAt, stop: () => clearInterval(timer) };
}
