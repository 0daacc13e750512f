// Command menus by role. Telegram shows each chat the most specific list set for it: the bot-wide lists
// (every private chat: what a stranger may do; every group: the group commands) and, for each person on
// Telegram, a list of their own (scope chat) with what their roles let them do, in their language
// (src/domain/command-menu.ts decides which commands; src/render/command-text.ts words them).
//
// Menus are decoration: they go through the outbox like messages (setMyCommands rows, src/outbox/sender.ts)
// so that a Bot API that refuses them, or is down, never stops or slows the bot. A menu is planned only
// when it differs from the one last planned for its target (keys in src/db/command-menu-store.ts).
//
// Cost: every minute the leader reads one small signature of the inputs (counts and latest ids of roles,
// working groups, bound people, units). Only when it changed, at the first run (start, or a new leader)
// and once an hour does it compare every menu: one query for everyone bound, one for the menus last
// planned, and the rows that differ.
import type { PrismaClient } from "@prisma/client";
import type { BotCommandScope } from "grammy/types";
import { menuCommands, type CommandPlace } from "../render/command-text.js";
import {
  latestMenus,
  latestMenusInChats,
  loadBoundPeople,
  menuDedupeKey,
  menuKind,
  type PlannedMenu,
} from "../db/command-menu-store.js";
import { enqueue, type NewOutboxMessage } from "../db/outbox-store.js";
import { findPeopleByTelegramId, type PersonProfile } from "../db/people-store.js";
import {
  groupCommands,
  menuHash,
  privateCatalogue,
  privateCommands,
  strangerCommands,
  type CommandId,
  type MenuCommand,
} from "../domain/command-menu.js";
import { localeFromLanguageCode, supportedLocales, type Locale, type Translate } from "../i18n.js";

export interface CommandMenuDeps {
  prisma: PrismaClient;
  defaultLocale: Locale;
  translateFor: (locale: Locale) => Translate;
  /** The office runs the web app (WEB_PORT): /web is offered to everyone on the roster. */
  web?: boolean;
}

/** One list Telegram keeps: where it applies, in which language, and its commands. */
interface MenuTarget {
  /** The key's target: a chat id, or a bot-wide scope with its language. */
  target: string;
  /** The outbox queue it waits in: the person's chat, 0 for the bot-wide menus. */
  chatId: number;
  scope: BotCommandScope;
  /** Set for a bot-wide list in a language other than the default one (which applies to every other language). */
  languageCode?: Locale;
  locale: Locale;
  commands: MenuCommand[];
}

const botWideChat = 0;

const botWideMenus: readonly {
  scope: "all_private_chats" | "all_group_chats" | "default";
  ids: readonly CommandId[];
  place: CommandPlace;
}[] = [
  { scope: "all_private_chats", ids: strangerCommands, place: "private" },
  { scope: "all_group_chats", ids: groupCommands, place: "group" },
  // Telegram shows this list nowhere once the two above are set (they cover every chat); it is the bot's
  // catalogue for whoever asks getMyCommands without a scope, such as the sandbox page.
  { scope: "default", ids: privateCatalogue, place: "private" },
];

function botWideTargets(deps: CommandMenuDeps): MenuTarget[] {
  const offered = (ids: readonly CommandId[]) => ids.filter((id) => id !== "web" || deps.web === true);
  return botWideMenus.flatMap(({ scope, ids, place }) =>
    supportedLocales.map((locale) => {
      const languageCode = locale === deps.defaultLocale ? undefined : locale;
      return {
        target: languageCode ? `${scope}.${languageCode}` : scope,
        chatId: botWideChat,
        scope: { type: scope },
        ...(languageCode && { languageCode }),
        locale,
        commands: menuCommands(offered(ids), place, locale, deps.translateFor(locale)),
      };
    }),
  );
}

/** A Telegram user's own menu: from every roster entry bound to them, in the language of the first (none: a stranger's). */
function chatTarget(deps: CommandMenuDeps, telegramUserId: number, people: readonly PersonProfile[]): MenuTarget {
  const locale = localeFromLanguageCode(people[0]?.locale ?? undefined) ?? deps.defaultLocale;
  return {
    target: String(telegramUserId),
    chatId: telegramUserId,
    scope: { type: "chat", chat_id: telegramUserId },
    locale,
    commands: menuCommands(
      privateCommands(people, { web: deps.web === true }),
      "private",
      locale,
      deps.translateFor(locale),
    ),
  };
}

/** The row that sets the target's menu from `now` (the app's clock), unless the menu last planned for it is the same. */
function planned(target: MenuTarget, last: PlannedMenu | undefined, now: Date): NewOutboxMessage | null {
  const hash = menuHash(target.locale, target.commands);
  if (last?.hash === hash) return null;
  return {
    dedupeKey: menuDedupeKey(target.target, hash, last?.id ?? null),
    chatId: target.chatId,
    kind: menuKind,
    payload: {
      method: "setMyCommands",
      params: {
        commands: target.commands,
        scope: target.scope,
        ...(target.languageCode && { language_code: target.languageCode }),
      },
    },
    notBefore: now,
  };
}

const isChatTarget = (target: string) => /^-?\d+$/.test(target);

/** Compares every menu with the one last planned and plans those that differ; returns how many. */
export async function planAllMenus(deps: CommandMenuDeps, now: Date): Promise<number> {
  const people = await loadBoundPeople(deps.prisma);
  const latest = await latestMenus(deps.prisma);
  const targets = [
    ...botWideTargets(deps),
    ...[...people].map(([userId, profiles]) => chatTarget(deps, userId, profiles)),
  ];
  // Someone unbound (or removed from the roster) keeps the menu of their chat until it is replaced: with a
  // stranger's, so that it offers nothing they can no longer do.
  for (const target of latest.keys()) {
    if (isChatTarget(target) && !people.has(Number(target))) targets.push(chatTarget(deps, Number(target), []));
  }
  const rows = targets.flatMap((target) => planned(target, latest.get(target.target), now) ?? []);
  return enqueue(deps.prisma, rows);
}

/**
 * Plans one Telegram user's menu now (right after they are bound, so it changes at once rather than at
 * the job's next run). Only where the menu job runs, i.e. its bot-wide menus are planned: elsewhere (an
 * app whose scheduler is driven by hand) nothing would keep the menu up to date afterwards. `people`:
 * the user's roster entries when the caller has just read them (findPeopleByTelegramId).
 */
export async function planPersonMenu(
  deps: CommandMenuDeps,
  telegramUserId: number,
  now: Date,
  people?: readonly PersonProfile[],
): Promise<number> {
  const latest = await latestMenusInChats(deps.prisma, [botWideChat, telegramUserId]);
  if (![...latest.keys()].some((target) => !isChatTarget(target))) return 0;
  people ??= await findPeopleByTelegramId(deps.prisma, telegramUserId);
  const target = chatTarget(deps, telegramUserId, people);
  const row = planned(target, latest.get(target.target), now);
  return row ? enqueue(deps.prisma, [row]) : 0;
}
