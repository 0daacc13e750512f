// The one context type of the bot: grammY's, plus i18n, the dependencies and the user's roster entry.
import type { I18nFlavor } from "@grammyjs/i18n";
import type { PrismaClient } from "@prisma/client";
import type { Context } from "grammy";
import type { Clock } from "../clock.js";
import type { Config } from "../config.js";
import type { Locale, Translate } from "../i18n.js";
import type { PersonProfile } from "../db/people-store.js";
import type { Logger } from "../logger.js";

export interface BotDeps {
  config: Config;
  prisma: PrismaClient;
  logger: Logger;
  clock: Clock;
  /** Texts in any language: for messages to someone other than the sender (a notice to a working-group leader). */
  translate: (locale: Locale) => Translate;
  /** The web app's address for sign-in links (WEB_PUBLIC_URL, or the local server's), null without the web app. */
  webAddress?: () => string | null;
}

interface BotExtras {
  deps: BotDeps;
  log: Logger;
  /** The roster entry of the sender, null for someone the bot does not know. */
  person: PersonProfile | null;
}

export type BotContext = Context & I18nFlavor & BotExtras;
