// Text messages and everything that changes a message after it was sent.
import type { InlineKeyboardMarkup, Message, MessageEntity } from "grammy/types";
import type { StoredMessage } from "../chat-state.js";
import { badRequest } from "../errors.js";
import { parseInlineKeyboard } from "../markup.js";
import type { MessageVersion } from "../types.js";
import type { CallContext } from "./context.js";
import { apiMessage, readText, sendBotMessage, targetChat } from "./outgoing.js";

const withEntities = (field: "entities" | "caption_entities", entities: MessageEntity[]) =>
  entities.length > 0 ? { [field]: entities } : {};

export function sendMessage(ctx: CallContext): Message {
  const chat = targetChat(ctx.world, ctx.bot, ctx.params);
  const { text, entities } = readText(ctx.params, "text");
  return sendBotMessage(ctx, chat, { text, ...withEntities("entities", entities) });
}

/** The bot's own, not deleted message addressed by chat_id + message_id. */
function editableMessage(ctx: CallContext): StoredMessage {
  const { world, bot, params } = ctx;
  if (params.has("inline_message_id")) throw badRequest("MESSAGE_ID_INVALID");
  const chat = targetChat(world, bot, params);
  const messageId = params.int("message_id");
  if (messageId === undefined) throw badRequest("message identifier is not specified");
  const stored = chat.get(messageId);
  if (!stored || stored.message.deleted) throw badRequest("message to edit not found");
  if (stored.botToken !== bot.token) throw badRequest("message can't be edited");
  return stored;
}

function readInlineMarkup(ctx: CallContext): InlineKeyboardMarkup | undefined {
  const raw = ctx.params.json("reply_markup", "can't parse reply keyboard markup JSON object");
  return raw === undefined ? undefined : parseInlineKeyboard(raw);
}

const NOT_MODIFIED =
  "message is not modified: specified new message content and reply markup are exactly the same " +
  "as a current content and reply markup of the message";

/** Applies an edit in place, keeping the previous version in editHistory. */
function applyEdit(ctx: CallContext, stored: StoredMessage, next: Partial<Message>): Message {
  const current = stored.message;
  const keys = ["text", "entities", "caption", "caption_entities", "reply_markup"] as const;
  const snapshot = (m: Partial<Message>) => JSON.stringify(keys.map((k) => m[k] ?? null));
  if (snapshot(current) === snapshot({ ...current, ...next })) throw badRequest(NOT_MODIFIED);

  const previous: MessageVersion = { date: current.date };
  if (current.edit_date !== undefined) previous.edit_date = current.edit_date;
  for (const k of keys) if (current[k] !== undefined) Object.assign(previous, { [k]: current[k] });
  current.editHistory = [...(current.editHistory ?? []), previous];

  for (const k of keys) {
    if (k in next) {
      if (next[k] === undefined) delete current[k];
      else Object.assign(current, { [k]: next[k] });
    }
  }
  current.edit_date = ctx.world.unixTime();
  ctx.world.changed();
  return apiMessage(current);
}

// Omitting reply_markup in an edit removes the inline keyboard, as on Telegram.
export function editMessageText(ctx: CallContext): Message {
  const stored = editableMessage(ctx);
  if (stored.message.text === undefined) throw badRequest("there is no text in the message to edit");
  const { text, entities } = readText(ctx.params, "text");
  return applyEdit(ctx, stored, {
    text,
    entities: entities.length > 0 ? entities : undefined,
    reply_markup: readInlineMarkup(ctx),
  });
}

export function editMessageCaption(ctx: CallContext): Message {
  const stored = editableMessage(ctx);
  if (stored.message.text !== undefined) throw badRequest("there is no caption in the message to edit");
  const { text, entities } = readText(ctx.params, "caption");
  return applyEdit(ctx, stored, {
    caption: text === "" ? undefined : text,
    caption_entities: entities.length > 0 ? entities : undefined,
    reply_markup: readInlineMarkup(ctx),
  });
}

export function editMessageReplyMarkup(ctx: CallContext): Message {
  const stored = editableMessage(ctx);
  return applyEdit(ctx, stored, { reply_markup: readInlineMarkup(ctx) });
}

export function deleteMessage(ctx: CallContext): true {
  const chat = targetChat(ctx.world, ctx.bot, ctx.params);
  const messageId = ctx.params.int("message_id");
  if (messageId === undefined) throw badRequest("message identifier is not specified");
  const stored = chat.get(messageId);
  if (!stored || stored.message.deleted) throw badRequest("message to delete not found");
  stored.message.deleted = true;
  ctx.world.changed();
  return true;
}

const CHAT_ACTIONS = new Set([
  "typing",
  "upload_photo",
  "record_video",
  "upload_video",
  "record_voice",
  "upload_voice",
  "upload_document",
  "choose_sticker",
  "find_location",
  "record_video_note",
  "upload_video_note",
]);

export function sendChatAction(ctx: CallContext): true {
  targetChat(ctx.world, ctx.bot, ctx.params);
  const action = ctx.params.string("action");
  if (!action) throw badRequest("action is empty");
  if (!CHAT_ACTIONS.has(action)) throw badRequest("wrong parameter action in request");
  return true;
}
