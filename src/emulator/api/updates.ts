// getUpdates with Telegram's confirmation and long-polling semantics.
import type { Update, WebhookInfo } from "grammy/types";
import type { CallContext } from "./context.js";

export async function getUpdates(ctx: CallContext): Promise<Update[]> {
  const { bot, params, signal } = ctx;
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

export function deleteWebhook(ctx: CallContext): true {
  if (ctx.params.bool("drop_pending_updates")) ctx.bot.dropPending();
  return true;
}

export function getWebhookInfo(ctx: CallContext): WebhookInfo {
  return { url: "", has_custom_certificate: false, pending_update_count: ctx.bot.pending().length };
}
