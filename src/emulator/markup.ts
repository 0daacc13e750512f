// reply_markup validation with Telegram's error texts. Only inline keyboards
// are part of the Message object Telegram returns; the other kinds are kept
// separately (RecordedMessage.keyboard).
import type {
  ForceReply,
  InlineKeyboardButton,
  InlineKeyboardMarkup,
  ReplyKeyboardMarkup,
  ReplyKeyboardRemove,
} from "grammy/types";
import { badRequest } from "./errors.js";
import { utf8Length } from "./parse-mode/index.js";

export interface ParsedMarkup {
  inline?: InlineKeyboardMarkup;
  keyboard?: ReplyKeyboardMarkup | ReplyKeyboardRemove | ForceReply;
}

const INLINE_ACTIONS = [
  "url",
  "callback_data",
  "web_app",
  "login_url",
  "switch_inline_query",
  "switch_inline_query_current_chat",
  "switch_inline_query_chosen_chat",
  "copy_text",
  "callback_game",
  "pay",
];

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

const isRows = (v: unknown): v is unknown[][] => Array.isArray(v) && v.every(Array.isArray);

function checkInlineButton(button: unknown): void {
  if (!isObject(button) || typeof button.text !== "string") {
    throw badRequest('can\'t parse inline keyboard button: Field "text" must be of type String');
  }
  const actions = INLINE_ACTIONS.filter((k) => button[k] !== undefined);
  if (actions.length === 0) {
    throw badRequest("can't parse inline keyboard button: Text buttons are unallowed in the inline keyboard");
  }
  const data = button.callback_data;
  if (data !== undefined && (typeof data !== "string" || utf8Length(data) < 1 || utf8Length(data) > 64)) {
    throw badRequest("BUTTON_DATA_INVALID");
  }
  if (button.url !== undefined && (typeof button.url !== "string" || !URL.canParse(button.url))) {
    throw badRequest(`inline keyboard button URL '${String(button.url)}' is invalid: Wrong HTTP URL`);
  }
}

function checkKeyboardButton(button: unknown): void {
  if (typeof button === "string") return;
  if (!isObject(button) || typeof button.text !== "string") {
    throw badRequest('can\'t parse keyboard button: Field "text" must be of type String');
  }
}

/** Validates an inline keyboard; empty keyboards mean "no keyboard". */
export function parseInlineKeyboard(markup: unknown): InlineKeyboardMarkup | undefined {
  if (!isObject(markup) || !isRows(markup.inline_keyboard)) {
    throw badRequest('field "inline_keyboard" of the InlineKeyboardMarkup should be an Array of Arrays');
  }
  markup.inline_keyboard.flat().forEach(checkInlineButton);
  const rows = markup.inline_keyboard.filter((row) => row.length > 0) as InlineKeyboardButton[][];
  return rows.length > 0 ? { inline_keyboard: rows } : undefined;
}

export function parseReplyMarkup(markup: unknown): ParsedMarkup {
  if (markup === undefined) return {};
  if (!isObject(markup)) throw badRequest("can't parse reply keyboard markup JSON object");
  if ("inline_keyboard" in markup) return { inline: parseInlineKeyboard(markup) };
  if ("keyboard" in markup) {
    if (!isRows(markup.keyboard)) {
      throw badRequest('field "keyboard" of the ReplyKeyboardMarkup should be an Array of Arrays');
    }
    markup.keyboard.flat().forEach(checkKeyboardButton);
    return { keyboard: markup as unknown as ReplyKeyboardMarkup };
  }
  if (markup.remove_keyboard === true) return { keyboard: markup as unknown as ReplyKeyboardRemove };
  if (markup.force_reply === true) return { keyboard: markup as unknown as ForceReply };
  throw badRequest("can't parse reply keyboard markup JSON object");
}
