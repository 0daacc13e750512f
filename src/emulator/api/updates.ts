// Getting updates: getUpdates with Telegram's confirmation and long-polling
// semantics, or a webhook the emulator pushes them to (webhook-delivery.ts).
import type { Update, WebhookInfo } from "grammy/types";
import { badRequest, webhookActive } from "../errors.js";
import type { WebhookSettings } from "../webhook-delivery.js";
import type { CallContext } from "./context.js";

const SECRET_TOKEN = /^[A-Za-z0-9_-]{1,256}$/;

export async function getUpdates(ctx: CallContext): Promise<Update[]> {
  const { bot, params, signal } = ctx;
  if (bot.webhook) throw webhookActive();
  const offset = params.int("offset");
  const limit = Math.min(100, Math.max(1, params.int("limit") ?? 100));
  const timeout = Math.max(0, params.int("timeout") ?? 0);
  // allowed_updates is accepted and ignored: the emulator only produces
  // update kinds bots usually ask for.
  bot.supersedePoll();
  if (offset !== undefined) bot.confirm(offset);
  await bot.waitForUpdates(timeout * 1000, signal);
  return bot.pending().slice(0, limit);
}

/** The emulator also takes http:// URLs and any port, so a test can run the bot's server locally. */
function webhookUrl(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw badRequest("bad webhook: invalid webhook URL specified");
  }
  if (parsed.protocol !== "https:" && parsed.protocol !== "http:") {
    throw badRequest("bad webhook: HTTPS url must be provided for webhook");
  }
  return url;
}

function allowedUpdates(ctx: CallContext): string[] | undefined {
  const invalid = "can't parse allowed updates JSON object";
  const value = ctx.params.json<unknown>("allowed_updates", invalid);
  if (value === undefined) return undefined;
  if (!Array.isArray(value) || !value.every((kind) => typeof kind === "string")) throw badRequest(invalid);
  return value;
}

export function setWebhook(ctx: CallContext): true {
  const { bot, params } = ctx;
  const url = params.string("url") ?? "";
  // An empty url is Telegram's way to delete the webhook.
  if (url === "") return deleteWebhook(ctx);
  const secretToken = params.string("secret_token") || undefined;
  if (secretToken !== undefined && !SECRET_TOKEN.test(secretToken)) {
    throw badRequest("secret token contains unallowed characters");
  }
  const settings: WebhookSettings = {
    url: webhookUrl(url),
    // Telegram clamps out-of-range values instead of refusing them.
    maxConnections: Math.min(100, Math.max(1, params.int("max_connections") ?? 40)),
    ...(secretToken !== undefined && { secretToken }),
  };
  const kinds = allowedUpdates(ctx);
  if (kinds) settings.allowedUpdates = kinds;
  if (params.bool("drop_pending_updates")) bot.dropPending();
  bot.setWebhook(settings);
  ctx.world.changed();
  return true;
}

export function deleteWebhook(ctx: CallContext): true {
  ctx.bot.setWebhook(undefined);
  if (ctx.params.bool("drop_pending_updates")) ctx.bot.dropPending();
  ctx.world.changed();
  return true;
}

export function getWebhookInfo(ctx: CallContext): WebhookInfo {
  const { bot } = ctx;
  const info: WebhookInfo = { url: "", has_custom_certificate: false, pending_update_count: bot.pending().length };
  const webhook = bot.webhook;
  if (!webhook) return info;
  const error = bot.lastWebhookError;
  return {
    ...info,
    url: webhook.url,
    ...(error && { last_error_date: error.date, last_error_message: error.message }),
    max_connections: webhook.maxConnections,
    ...(webhook.allowedUpdates && { allowed_updates: webhook.allowedUpdates as WebhookInfo["allowed_updates"] }),
  };
}
