// getMe, bot commands and callback-query answers.
import type { BotCommand, BotCommandScope, UserFromGetMe } from "grammy/types";
import { badRequest } from "../errors.js";
import type { CallContext } from "./context.js";
import type { Params } from "../params.js";

export function getMe(ctx: CallContext): UserFromGetMe {
  return ctx.bot.me;
}

const SCOPES = new Set([
  "default",
  "all_private_chats",
  "all_group_chats",
  "all_chat_administrators",
  "chat",
  "chat_administrators",
  "chat_member",
]);

/**
 * Commands are stored per (scope, language_code). The scope is normalised to
 * a fixed key order, and numeric chat ids to numbers, so equal scopes match
 * however the client serialised them.
 */
export function commandsKey(scope: BotCommandScope | undefined, languageCode: string | undefined): string {
  const s = (scope ?? { type: "default" }) as { type: string; chat_id?: number | string; user_id?: number };
  if (!SCOPES.has(s.type)) throw badRequest("wrong parameter scope type");
  const num = (v: unknown) => (typeof v === "string" && /^-?\d+$/.test(v) ? Number(v) : v);
  return JSON.stringify([s.type, num(s.chat_id) ?? null, num(s.user_id) ?? null, languageCode ?? ""]);
}

/**
 * The scopes Telegram consults, most specific first, for the menu a user sees in a chat (Bot API,
 * "Determining list of commands"); each is tried with the user's language, then without one.
 */
export function menuScopes(
  chat: { id: number; type: string },
  userId: number | undefined,
  isAdmin: boolean,
): BotCommandScope[] {
  if (chat.type === "private")
    return [{ type: "chat", chat_id: chat.id }, { type: "all_private_chats" }, { type: "default" }];
  return [
    ...(userId !== undefined ? [{ type: "chat_member" as const, chat_id: chat.id, user_id: userId }] : []),
    ...(isAdmin ? [{ type: "chat_administrators" as const, chat_id: chat.id }] : []),
    { type: "chat", chat_id: chat.id },
    ...(isAdmin ? [{ type: "all_chat_administrators" as const }] : []),
    { type: "all_group_chats" },
    { type: "default" },
  ];
}

function keyFromParams(params: Params): string {
  const scope = params.json<BotCommandScope>("scope", "can't parse scope JSON object");
  return commandsKey(scope, params.string("language_code"));
}

export function setMyCommands(ctx: CallContext): true {
  const commands = ctx.params.json<BotCommand[]>("commands", "can't parse commands JSON object");
  if (!Array.isArray(commands)) throw badRequest('parameter "commands" is required');
  if (commands.length > 100) throw badRequest("too many commands specified");
  for (const c of commands) {
    if (typeof c?.command !== "string" || !/^[a-z0-9_]{1,32}$/.test(c.command)) {
      throw badRequest("BOT_COMMAND_INVALID");
    }
    if (typeof c.description !== "string" || c.description.length < 1 || c.description.length > 256) {
      throw badRequest("BOT_COMMAND_DESCRIPTION_INVALID");
    }
  }
  const key = keyFromParams(ctx.params);
  if (commands.length === 0) ctx.bot.commands.delete(key);
  else
    ctx.bot.commands.set(
      key,
      commands.map((c) => ({ command: c.command, description: c.description })),
    );
  ctx.world.changed();
  return true;
}

export function getMyCommands(ctx: CallContext): BotCommand[] {
  return ctx.bot.commands.get(keyFromParams(ctx.params)) ?? [];
}

export function deleteMyCommands(ctx: CallContext): true {
  ctx.bot.commands.delete(keyFromParams(ctx.params));
  ctx.world.changed();
  return true;
}

export function answerCallbackQuery(ctx: CallContext): true {
  const { bot, params } = ctx;
  const id = params.string("callback_query_id");
  const entry = id === undefined ? undefined : bot.callbackQueries.get(id);
  if (!entry || entry.answered) {
    throw badRequest("query is too old and response timeout expired or query ID is invalid");
  }
  entry.answered = true;
  const text = params.string("text");
  const showAlert = params.bool("show_alert");
  const url = params.string("url");
  const cacheTime = params.int("cache_time");
  bot.callbackAnswers.push({
    callback_query_id: entry.query.id,
    from: entry.query.from,
    ...(entry.query.data !== undefined ? { data: entry.query.data } : {}),
    ...(text !== undefined ? { text } : {}),
    ...(showAlert !== undefined ? { show_alert: showAlert } : {}),
    ...(url !== undefined ? { url } : {}),
    ...(cacheTime !== undefined ? { cache_time: cacheTime } : {}),
  });
  ctx.world.changed();
  return true;
}
