// /web: a one-time link that signs the person in to the web app (src/web), for a computer at a meeting or
// a phone without Telegram later. Private chat only: the link is the person's own.
import { Composer } from "grammy";
import { localDateTime } from "../../domain/invite-token.js";
import { formatLocalDate } from "../../domain/local-date.js";
import { issueOwnSignInLink } from "../../usecases/web-sign-in.js";
import type { BotContext } from "../context.js";

export const webLinkFeature = new Composer<BotContext>();

webLinkFeature.chatType(["group", "supergroup"]).command("web", async (ctx) => {
  await ctx.reply(ctx.t("web-link-private-only", { bot: ctx.me.username }));
});

webLinkFeature.chatType("private").command("web", async (ctx) => {
  const person = ctx.person;
  if (!person) return void (await ctx.reply(ctx.t("start-unknown")));
  const address = ctx.deps.webAddress?.() ?? null;
  if (!address) return void (await ctx.reply(ctx.t("web-link-off")));
  const link = await issueOwnSignInLink(ctx.deps, { person, actor: `telegram:${ctx.from.id}` });
  ctx.log.info({ personId: person.id }, "web sign-in link sent");
  const expiry = localDateTime(link.expiresAt, ctx.deps.config.timezone);
  await ctx.reply(
    ctx.t("web-link", {
      link: `${address}/dang-nhap/${link.token}`,
      time: expiry.time,
      date: formatLocalDate(expiry.date),
    }),
    { link_preview_options: { is_disabled: true } },
  );
});
