// /start: with an invite token (from a t.me deep link) binds the sender; without one greets the person by
// name with their assignments, or tells someone the bot does not know yet how to be recognised: press the
// share-phone button if they are on the office's list, else ask the office for an invite link.
import { Composer, Keyboard } from "grammy";
import { findGroupBinding } from "../../db/group-binding-store.js";
import type { BotContext } from "../context.js";
import { greetingText } from "../onboarding-greeting.js";
import { redeemInviteStart } from "./onboarding.js";

export const startFeature = new Composer<BotContext>();

startFeature.chatType("private").command("start", async (ctx) => {
  const payload = ctx.match.trim();
  if (payload) {
    await redeemInviteStart(ctx, payload);
    return;
  }
  const greeting = await greetingText(ctx);
  if (greeting) {
    await ctx.reply(greeting);
    return;
  }
  const sharePhone = new Keyboard()
    .requestContact(ctx.t("onboarding-share-phone-button"))
    .resized()
    .oneTime()
    .placeholder(ctx.t("onboarding-share-phone-placeholder"));
  await ctx.reply([ctx.t("start-welcome", { name: ctx.from.first_name }), "", ctx.t("start-stranger")].join("\n"), {
    reply_markup: sharePhone,
  });
});

// In a group nothing personal is shown (and an invite token is not taken): a linked group is told which
// unit it follows (a unit's name is not personal), any other that it gets no data.
startFeature.chatType(["group", "supergroup"]).command("start", async (ctx) => {
  const binding = await findGroupBinding(ctx.deps.prisma, ctx.chat.id);
  await ctx.reply(
    binding
      ? ctx.t("group-added-bound", {
          unit: binding.unit.name,
          code: binding.unit.code,
          time: ctx.deps.config.digestTime,
        })
      : ctx.t("group-not-linked"),
  );
});
