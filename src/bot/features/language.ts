// /ngonngu (/lang): in private chat a person picks the language the bot writes to them in (Vietnamese or
// English, with buttons or `/ngonngu en`); in a bound group an admin of the bound unit (or above it)
// picks the language of the group's daily digest. Presses are authorised again; forged data is refused.
import { Composer, InlineKeyboard } from "grammy";
import { localeFromLanguageCode, type Locale } from "../../i18n.js";
import { chooseGroupLanguage, choosePersonLanguage, groupLanguageAccess } from "../../usecases/language.js";
import type { BotContext } from "../context.js";

export const languageFeature = new Composer<BotContext>();

const commands = ["ngonngu", "lang"];
const actorOf = (ctx: BotContext) => `telegram:${ctx.from!.id}`;

/** Button labels are each language's own name, the same whatever the current language. */
function languageButtons(scope: "me" | "group"): InlineKeyboard {
  return new InlineKeyboard().text("🇻🇳 Tiếng Việt", `lang:${scope}:vi`).text("🇬🇧 English", `lang:${scope}:en`);
}

/** `vi`, `en`, `tiengviet`, `english`… as typed after the command; undefined for nothing, null for anything else. */
function typedLocale(text: string): Locale | null | undefined {
  const word = text.trim().toLowerCase().replace(/\s+/g, "");
  if (word === "") return undefined;
  if (["vi", "tiengviet", "tiếngviệt", "vietnamese"].includes(word)) return "vi";
  if (["en", "english", "tienganh", "tiếnganh"].includes(word)) return "en";
  return localeFromLanguageCode(word) ?? null;
}

languageFeature.chatType("private").command(commands, async (ctx) => {
  if (!ctx.person) return void (await ctx.reply(ctx.t("language-unknown-person")));
  const locale = typedLocale(ctx.match);
  if (locale === null)
    return void (await ctx.reply(
      [ctx.t("language-unknown", { value: ctx.match.trim().slice(0, 32) }), ctx.t("language-example")].join("\n"),
    ));
  if (locale === undefined)
    return void (await ctx.reply(ctx.t("language-choose"), { reply_markup: languageButtons("me") }));
  await choosePersonLanguage(ctx.deps, { telegramUserId: ctx.from.id, locale, actor: actorOf(ctx) });
  ctx.i18n.useLocale(locale);
  await ctx.reply(ctx.t("language-set-person"));
});

languageFeature.chatType(["group", "supergroup"]).command(commands, async (ctx) => {
  // The group gate (group-binding.ts) lets only bound groups get here.
  const access = await groupLanguageAccess(ctx.deps, { chatId: ctx.chat.id, telegramUserId: ctx.from?.id ?? null });
  if (access.status === "not-linked") return;
  const { binding } = access;
  if (access.status === "not-allowed") {
    return void (await ctx.reply(
      ctx.t("language-group-not-admin", { unit: binding.unit.name, code: binding.unit.code }),
    ));
  }
  const locale = typedLocale(ctx.match);
  if (locale === null)
    return void (await ctx.reply(
      [ctx.t("language-unknown", { value: ctx.match.trim().slice(0, 32) }), ctx.t("language-example")].join("\n"),
    ));
  if (locale === undefined)
    return void (await ctx.reply(ctx.t("language-group-choose", { unit: binding.unit.name }), {
      reply_markup: languageButtons("group"),
    }));
  await chooseGroupLanguage(ctx.deps, {
    chatId: ctx.chat.id,
    telegramUserId: ctx.from!.id,
    locale,
    actor: actorOf(ctx),
  });
  ctx.i18n.useLocale(locale);
  await ctx.reply(ctx.t("language-set-group", { time: ctx.deps.config.digestTime }));
});

languageFeature.callbackQuery(/^lang:me:(vi|en)$/, async (ctx) => {
  if (ctx.chat?.type !== "private" || !ctx.person) return refuse(ctx, "language-button-stale");
  const locale = ctx.match[1] as Locale;
  await choosePersonLanguage(ctx.deps, { telegramUserId: ctx.from.id, locale, actor: actorOf(ctx) });
  ctx.i18n.useLocale(locale);
  await ctx.answerCallbackQuery();
  await ctx.editMessageText(ctx.t("language-set-person"));
});

languageFeature.callbackQuery(/^lang:group:(vi|en)$/, async (ctx) => {
  const chat = ctx.chat;
  if (!chat || (chat.type !== "group" && chat.type !== "supergroup")) return refuse(ctx, "language-button-stale");
  const locale = ctx.match[1] as Locale;
  const outcome = await chooseGroupLanguage(ctx.deps, {
    chatId: chat.id,
    telegramUserId: ctx.from.id,
    locale,
    actor: actorOf(ctx),
  });
  if (outcome.status === "not-linked") return refuse(ctx, "language-button-stale");
  if (outcome.status === "not-allowed") return refuse(ctx, "language-group-press-not-admin");
  await ctx.answerCallbackQuery();
  // Confirmed in the language chosen: that is the language the group will read.
  ctx.i18n.useLocale(locale);
  await ctx.editMessageText(ctx.t("language-set-group", { time: ctx.deps.config.digestTime }));
});

languageFeature.callbackQuery(/^lang:/, (ctx) => refuse(ctx, "language-button-stale"));

async function refuse(ctx: BotContext, key: string): Promise<void> {
  await ctx.answerCallbackQuery({ text: ctx.t(key), show_alert: true });
}
