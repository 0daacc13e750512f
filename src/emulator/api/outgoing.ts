// The path every bot message takes: find the chat and check the bot may
// write there, validate reply target and markup, apply flood control, then
// record the message. Shared by sendMessage, sendPhoto and sendDocument.
import type { Chat, Message, ReplyParameters } from "grammy/types";
import type { BotState } from "../bot-state.js";
import type { ChatState, StoredMessage } from "../chat-state.js";
import { badRequest, forbidden, tooManyRequests } from "../errors.js";
import { type ParsedMarkup, parseReplyMarkup } from "../markup.js";
import { formatText } from "../parse-mode/index.js";
import type { Params } from "../params.js";
import type { RecordedMessage } from "../types.js";
import type { World } from "../world.js";
import type { CallContext } from "./context.js";

type ReplyMessage = NonNullable<Message["reply_to_message"]>;

const GROUP_KIND: Record<Chat["type"], string> = {
  private: "private",
  group: "group",
  supergroup: "supergroup",
  channel: "channel",
};

/** chat_id -> chat, with Telegram's errors for unknown / forbidden chats. */
export function targetChat(world: World, bot: BotState, params: Params, name = "chat_id"): ChatState {
  const ref = params.string(name);
  if (ref === undefined || ref === "") throw badRequest("chat_id is empty");
  const state = world.findChat(ref);
  const status = state && world.membership(bot, state.chat);
  if (!state || status === undefined) throw badRequest("chat not found");
  if (status === "member") return state;
  if (state.chat.type === "private") throw forbidden("bot was blocked by the user");
  const kind = GROUP_KIND[state.chat.type];
  throw forbidden(
    status === "left" ? `bot is not a member of the ${kind} chat` : `bot was kicked from the ${kind} chat`,
  );
}

/** Telegram's Message object without the emulator's bookkeeping fields. */
export function apiMessage(message: RecordedMessage): Message {
  const { editHistory: _h, deleted: _d, keyboard: _k, ...plain } = message;
  return plain;
}

function replyTarget(chat: ChatState, params: Params): ReplyMessage | undefined {
  const reply = params.json<ReplyParameters>("reply_parameters", "can't parse reply parameters JSON object");
  const messageId = reply?.message_id ?? params.int("reply_to_message_id");
  if (messageId === undefined) return undefined;
  const target = chat.get(Number(messageId));
  if (target && !target.message.deleted) {
    const { reply_to_message: _nested, ...flat } = apiMessage(target.message);
    return flat as ReplyMessage;
  }
  const allowWithout = reply?.allow_sending_without_reply ?? params.bool("allow_sending_without_reply");
  if (allowWithout) return undefined;
  throw badRequest("message to be replied not found");
}

export function readMarkup(params: Params): ParsedMarkup {
  return parseReplyMarkup(params.json("reply_markup", "can't parse reply keyboard markup JSON object"));
}

/** Text + parse_mode/entities, validated like Telegram validates texts. */
export function readText(params: Params, field: "text" | "caption") {
  const source = params.string(field) ?? "";
  const entitiesField = field === "text" ? "entities" : "caption_entities";
  const formatted = formatText(
    source,
    params.string("parse_mode"),
    params.json(entitiesField, `can't parse ${entitiesField} JSON object`),
  );
  if (field === "text") {
    if (formatted.text.length === 0) throw badRequest("message text is empty");
    if (formatted.text.length > 4096) throw badRequest("message is too long");
  } else if (formatted.text.length > 1024) {
    throw badRequest("message caption is too long");
  }
  return formatted;
}

/** Flood control; throws 429 and counts the violation. */
function applyRateLimit(ctx: CallContext, chat: Chat): void {
  const { world, bot, method } = ctx;
  const hit = bot.limiter?.check(chat, world.now());
  if (!hit) return;
  world.stats.violations++;
  world.stats.violationLog.push({
    token: bot.token,
    method,
    chatId: chat.id,
    kind: hit.kind,
    retryAfter: hit.retryAfter,
    at: world.now(),
  });
  throw tooManyRequests(hit.retryAfter);
}

/**
 * Records a bot message in `chat`. `content` holds the type-specific fields
 * (text/entities, photo/caption, ...). Must be called after all validation.
 */
export function sendBotMessage(ctx: CallContext, chat: ChatState, content: Partial<Message>): Message {
  const { world, bot, params } = ctx;
  const markup = readMarkup(params);
  const replyTo = replyTarget(chat, params);
  applyRateLimit(ctx, chat.chat);

  const message: RecordedMessage = {
    message_id: chat.nextMessageId(),
    from: bot.user,
    date: world.unixTime(),
    chat: chat.chat,
    ...(replyTo ? { reply_to_message: replyTo } : {}),
    ...content,
    ...(params.bool("protect_content") ? { has_protected_content: true } : {}),
    ...(markup.inline ? { reply_markup: markup.inline } : {}),
    ...(markup.keyboard ? { keyboard: markup.keyboard } : {}),
  } as RecordedMessage;

  if (markup.keyboard) chat.keyboard = "keyboard" in markup.keyboard ? markup.keyboard : undefined;
  const stored: StoredMessage = { message, botToken: bot.token };
  chat.add(stored);
  world.recordBotMessage(stored);
  bot.limiter?.record(chat.chat, world.now());
  world.stats.sent++;
  world.changed();
  return apiMessage(message);
}
