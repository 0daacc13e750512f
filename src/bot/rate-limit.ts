// A per-user flood guard: past the limit the bot says so once, then ignores the user until the window
// passes. Kept in memory (a restart only resets the counts) and timed by the monotonic clock: a flood
// is about real seconds, not the business date.
import type { MiddlewareFn } from "grammy";
import type { BotContext } from "./context.js";

export interface RateLimitOptions {
  limit: number;
  windowMs: number;
}

export const defaultRateLimit: RateLimitOptions = { limit: 30, windowMs: 10_000 };

export function rateLimit(options: RateLimitOptions): MiddlewareFn<BotContext> {
  const hits = new Map<number, { times: number[]; warned: boolean }>();
  return async (ctx, next) => {
    const userId = ctx.from?.id;
    if (userId === undefined) return next();
    const now = performance.now();
    const entry = hits.get(userId) ?? { times: [], warned: false };
    entry.times = entry.times.filter((time) => now - time < options.windowMs);
    entry.times.push(now);
    hits.set(userId, entry);
    if (entry.times.length <= options.limit) {
      entry.warned = false;
      return next();
    }
    if (!entry.warned) {
      entry.warned = true;
      ctx.log.warn({ userId }, "rate limited");
      if (ctx.chat?.type === "private") await ctx.reply(ctx.t("rate-limited"));
    }
    if (ctx.callbackQuery) await ctx.answerCallbackQuery().catch(() => undefined);
  };
}
