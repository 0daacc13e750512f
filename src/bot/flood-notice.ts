// The one answer a person gets when the flood gate stops them (src/bot/rate-limit.ts): "slow down", in
// their language, in their private chat. It is sent straight away and not through the outbox: it is worth
// nothing later, and a lost one needs no retry.
import type { Api } from "grammy";
import type { Update } from "grammy/types";
import type { PrismaClient } from "@prisma/client";
import { findPersonByTelegramId } from "../db/people-store.js";
import { preferredLocale, type Locale, type Translate } from "../i18n.js";
import type { Logger } from "../logger.js";

export function createFloodNotice(deps: {
  api: Api;
  prisma: PrismaClient;
  logger: Logger;
  defaultLocale: Locale;
  translateFor: (locale: Locale) => Translate;
}): (update: Update) => Promise<void> {
  return async (update) => {
    const from = (update.message ?? update.edited_message ?? update.callback_query)?.from;
    const chat = update.message?.chat ?? update.edited_message?.chat ?? update.callback_query?.message?.chat;
    if (!from) return;
    deps.logger.warn({ userId: from.id }, "rate limited");
    // Only a private chat is told: in a group the notice would be noise for everyone else.
    if (chat?.type !== "private") return;
    const person = await findPersonByTelegramId(deps.prisma, from.id);
    const t = deps.translateFor(preferredLocale(person?.locale, from.language_code, deps.defaultLocale));
    await deps.api.sendMessage(chat.id, t("rate-limited"));
  };
}
