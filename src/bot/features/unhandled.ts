// Installed last: anything no feature answered. In groups the bot stays silent unless addressed with a command.
import { Composer } from "grammy";
import type { BotContext } from "../context.js";

export const unhandledFeature = new Composer<BotContext>();

unhandledFeature.on("message:text", async (ctx) => {
  const command = /^\/([A-Za-z0-9_]+)(@\S+)?/.exec(ctx.message.text);
  if (command) {
    await ctx.reply(ctx.t("unknown-command", { command: command[1]!.slice(0, 32) }));
  } else if (ctx.chat.type === "private") {
    await ctx.reply(ctx.t("unknown-text"));
  }
});

unhandledFeature.on("callback_query", async (ctx) => {
  await ctx.answerCallbackQuery();
});
