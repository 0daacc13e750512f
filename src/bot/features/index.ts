// Every feature of the bot, in the order they get a chance to answer. The `unhandled` feature is
// installed after these by create-bot.ts.
import type { Composer } from "grammy";
import type { BotContext } from "../context.js";
import { helpFeature } from "./help.js";
import { startFeature } from "./start.js";

export const features: Composer<BotContext>[] = [
  startFeature,
  helpFeature,
];
