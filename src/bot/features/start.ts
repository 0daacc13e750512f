// /start: with an invite token (from a t.me deep link) binds the sender; without one greets the person by
// name with their assignments, or tells a stranger how to get access and offers to share their phone.
import { Composer, Keyboard } from "grammy";
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
  await ctx.reply([ctx.t("start-welcome", { name: ctx.from.first_name }), "", ctx.t("start-unknown")].join("\n"), {
    reply_markup: sharePhone,
  });
});

// In a group nothing personal is shown (and an invite token is not taken); until a group is linked to a
// unit it gets no data at all.
startFeature.chatType(["group", "supergroup"]).command("start", async (ctx) => {
  await ctx.reply(ctx.t("group-not-linked"));
});
