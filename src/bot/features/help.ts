// /trogiup (/help): the commands and how to write what they take.
import { Composer } from "grammy";
import type { BotContext } from "../context.js";

export const helpFeature = new Composer<BotContext>();

helpFeature.command(["trogiup", "help"], async (ctx) => {
  await ctx.reply(ctx.t("help-text"), { parse_mode: "HTML" });
});
