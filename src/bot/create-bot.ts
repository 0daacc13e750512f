// Builds the bot: dependencies on the context, the sender's roster entry, i18n, features, error boundary.
import { Bot, GrammyError, HttpError, type BotError } from "grammy";
import type { UserFromGetMe } from "grammy/types";
import { findPersonByTelegramId } from "../db/people-store.js";
import type { I18n } from "@grammyjs/i18n";
import { createI18n, preferredLocale, translatorFor, type Locale } from "../i18n.js";
import { diskFullInLog, systemProblem } from "../system-errors.js";
import type { BotContext, BotDeps } from "./context.js";
import { features } from "./features/index.js";
import { unhandledFeature } from "./features/unhandled.js";
import { replyRetry, type ReplyRetryOptions } from "./reply-retry.js";
import { callbackAnswersMayBeLate } from "./callback-answers.js";

export function createBotI18n(defaultLocale: Locale): I18n<BotContext> {
  return createI18n<BotContext>({
    defaultLocale,
    localeNegotiator: (ctx) => preferredLocale(ctx.person?.locale, ctx.from?.language_code, defaultLocale),
  });
}

export function createBot(
  botDeps: Omit<BotDeps, "translate">,
  i18n: I18n<BotContext>,
  options: { botInfo?: UserFromGetMe; replyRetry?: ReplyRetryOptions } = {},
): Bot<BotContext> {
  const deps: BotDeps = { ...botDeps, translate: (locale) => translatorFor(i18n, locale) };
  const { config } = deps;
  if (!config.botToken) throw new Error("createBot needs a bot token");
  const bot = new Bot<BotContext>(config.botToken, {
    client: { apiRoot: config.apiRoot },
    ...(options.botInfo && { botInfo: options.botInfo }),
  });
  // Answers to people are retried within a few seconds (src/bot/reply-retry.ts); scheduled messages go
  // through the outbox, which retries for as long as it takes.
  bot.api.config.use(replyRetry(options.replyRetry));
  bot.api.config.use(callbackAnswersMayBeLate);

  bot.use(async (ctx, next) => {
    ctx.deps = deps;
    ctx.log = deps.logger.child({ updateId: ctx.update.update_id });
    ctx.person = ctx.from && !ctx.from.is_bot ? await findPersonByTelegramId(deps.prisma, ctx.from.id) : null;
    await next();
  });
  bot.use(i18n);
  // The flood limit is not here: it runs at the inbox's door, before anything is stored or looked up.
  // The boundary wraps every feature: updates are handled through handleUpdate (see update-inbox.ts),
  // which does not call bot.catch.
  const protectedFeatures = bot.errorBoundary(answerPolitely);
  protectedFeatures.use(...features);
  protectedFeatures.use(unhandledFeature);

  async function answerPolitely({ ctx, error }: BotError<BotContext>): Promise<void> {
    const kind = error instanceof GrammyError ? "telegram" : error instanceof HttpError ? "network" : "handler";
    const { config } = ctx.deps;
    const problem = systemProblem(error, config.databaseUrl ? null : config.dataDir);
    if (problem?.kind === "disk-full") {
      // The person learns that nothing was saved (so they do not believe a report went in); the operator, why.
      ctx.log.error({ err: error, problem }, `${diskFullInLog(problem)}: a request could not be saved`);
      if (ctx.chat)
        await ctx
          .reply(ctx.t("error-disk-full"))
          .catch((replyError) => ctx.log.warn({ err: replyError }, "could not send the error answer"));
      return;
    }
    ctx.log.error({ err: error, kind }, "update failed");
    // A callback answered too late (e.g. an update replayed after a restart) needs no apology to the user.
    const lateCallbackAnswer = error instanceof GrammyError && error.method === "answerCallbackQuery";
    if (ctx.chat && kind !== "network" && !lateCallbackAnswer) {
      await ctx
        .reply(ctx.t("error-generic"))
        .catch((replyError) => ctx.log.warn({ err: replyError }, "could not send the error answer"));
    }
  }
  return bot;
}
