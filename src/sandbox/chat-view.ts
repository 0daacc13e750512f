// What the sandbox page shows of a chat: Telegram's messages turned into plain JSON with the text already
// rendered to escaped HTML from its entities, buttons, media and the reply keyboard in force.
import type { ConversationEntry, MessageEntity, RecordedMessage, ReplyKeyboardMarkup } from "../emulator/index.js";

export interface ViewButton {
  text: string;
  data?: string;
  url?: string;
}

export interface ViewKeyboardButton {
  text: string;
  requestContact: boolean;
}

export interface ViewMessage {
  id: number;
  fromBot: boolean;
  sender: string;
  /** Unix seconds (emulator clock = sandbox clock). */
  date: number;
  editDate?: number;
  deleted: boolean;
  html: string;
  photo?: { fileId: string; width: number; height: number };
  document?: { fileId: string; name: string; size: number; mimeType: string };
  contact?: { phone: string; name: string };
  buttons: ViewButton[][];
  /** A service message (someone added or removed), shown as a note instead of a bubble. */
  service?: { kind: "members-added" | "member-left"; names: string[] };
}

export interface ViewReplyKeyboard {
  rows: ViewKeyboardButton[][];
  placeholder?: string;
}

const escapeHtml = (text: string): string =>
  text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

const safeUrl = (url: string): string | null => (/^(https?:|tg:|mailto:)/i.test(url) ? url : null);

function openTag(entity: MessageEntity, text: string): [string, string] {
  const inner = text.slice(entity.offset, entity.offset + entity.length);
  switch (entity.type) {
    case "bold":
      return ["<b>", "</b>"];
    case "italic":
      return ["<i>", "</i>"];
    case "underline":
      return ["<u>", "</u>"];
    case "strikethrough":
      return ["<s>", "</s>"];
    case "spoiler":
      return ['<span class="spoiler">', "</span>"];
    case "code":
      return ["<code>", "</code>"];
    case "pre":
      return ["<pre>", "</pre>"];
    case "blockquote":
    case "expandable_blockquote":
      return ["<blockquote>", "</blockquote>"];
    case "text_link": {
      const url = safeUrl(entity.url);
      return url ? [`<a href="${escapeHtml(url)}" target="_blank" rel="noopener noreferrer">`, "</a>"] : ["", ""];
    }
    case "url": {
      const url = safeUrl(/^[a-z]+:/i.test(inner) ? inner : `https://${inner}`);
      return url ? [`<a href="${escapeHtml(url)}" target="_blank" rel="noopener noreferrer">`, "</a>"] : ["", ""];
    }
    case "bot_command":
      // Tapping a command in Telegram sends it; the page does the same.
      return [`<a href="#" class="command" data-command="${escapeHtml(inner)}">`, "</a>"];
    default:
      return ["", ""];
  }
}

/**
 * Telegram text + entities → HTML. Entities may nest; one that crosses another's end is closed and
 * reopened around it, so the output is always well formed. Offsets are UTF-16 units, as in JS strings.
 */
export function entitiesToHtml(text: string, entities: readonly MessageEntity[] = []): string {
  const valid = entities
    .filter((e) => e.length > 0 && e.offset >= 0 && e.offset + e.length <= text.length)
    .map((e, index) => ({ e, index, end: e.offset + e.length, tags: openTag(e, text) }))
    .sort((a, b) => a.e.offset - b.e.offset || b.e.length - a.e.length || a.index - b.index);
  const points = [...new Set([0, text.length, ...valid.flatMap((v) => [v.e.offset, v.end])])].sort((a, b) => a - b);
  const stack: typeof valid = [];
  let html = "";
  let next = 0;
  for (let i = 0; i < points.length; i++) {
    const at = points[i]!;
    // Close what ends here; anything opened after it is closed first and reopened.
    const ending = stack.filter((v) => v.end === at);
    if (ending.length > 0) {
      const popped = stack.splice(Math.min(...ending.map((v) => stack.indexOf(v))));
      for (const v of [...popped].reverse()) html += v.tags[1];
      for (const v of popped) {
        if (v.end === at) continue;
        html += v.tags[0];
        stack.push(v);
      }
    }
    while (next < valid.length && valid[next]!.e.offset === at) {
      const v = valid[next++]!;
      html += v.tags[0];
      stack.push(v);
    }
    const until = points[i + 1];
    if (until !== undefined) html += escapeHtml(text.slice(at, until));
  }
  // Line breaks stay "\n": the page shows text with white-space: pre-wrap, as Telegram does.
  return html;
}

/** Users are named family name first, as Vietnamese names are written (their given name is first_name). */
function senderName(message: RecordedMessage): string {
  const from = message.from;
  if (!from) return "";
  return (from.is_bot ? [from.first_name, from.last_name] : [from.last_name, from.first_name])
    .filter(Boolean)
    .join(" ");
}

function serviceOf(m: RecordedMessage): ViewMessage["service"] {
  if (m.new_chat_members)
    return {
      kind: "members-added",
      names: m.new_chat_members.map((u) => u.first_name + (u.last_name ? ` ${u.last_name}` : "")),
    };
  if (m.left_chat_member) return { kind: "member-left", names: [m.left_chat_member.first_name] };
  return undefined;
}

export function viewMessage(entry: ConversationEntry): ViewMessage {
  const m = entry.message;
  const text = m.text ?? m.caption ?? "";
  const entities = m.text !== undefined ? m.entities : m.caption_entities;
  const largest = m.photo?.at(-1);
  const service = serviceOf(m);
  return {
    ...(service && { service }),
    id: m.message_id,
    fromBot: entry.fromBot,
    sender: senderName(m),
    date: m.date,
    ...(m.edit_date !== undefined && { editDate: m.edit_date }),
    deleted: m.deleted === true,
    html: entitiesToHtml(text, entities ?? []),
    ...(largest && { photo: { fileId: largest.file_id, width: largest.width, height: largest.height } }),
    ...(m.document && {
      document: {
        fileId: m.document.file_id,
        name: m.document.file_name ?? "file",
        size: m.document.file_size ?? 0,
        mimeType: m.document.mime_type ?? "application/octet-stream",
      },
    }),
    ...(m.contact && {
      contact: {
        phone: m.contact.phone_number,
        name: [m.contact.first_name, m.contact.last_name].filter(Boolean).join(" "),
      },
    }),
    buttons: (m.reply_markup?.inline_keyboard ?? []).map((row) =>
      row.map((button) => ({
        text: button.text,
        ...("callback_data" in button && button.callback_data !== undefined && { data: button.callback_data }),
        ...("url" in button && button.url !== undefined && safeUrl(button.url) !== null && { url: button.url }),
      })),
    ),
  };
}

/**
 * The reply keyboard the user sees under the composer: the last one a bot sent, unless a later bot
 * message removed it, or it was one-time and the user has answered since (Telegram hides it then).
 */
export function currentReplyKeyboard(conversation: readonly ConversationEntry[]): ViewReplyKeyboard | null {
  for (let i = conversation.length - 1; i >= 0; i--) {
    const entry = conversation[i]!;
    const keyboard = entry.fromBot ? entry.message.keyboard : undefined;
    if (!keyboard) continue;
    if (!("keyboard" in keyboard)) return null;
    const answered = conversation.slice(i + 1).some((later) => !later.fromBot);
    if (keyboard.one_time_keyboard && answered) return null;
    return replyKeyboardView(keyboard);
  }
  return null;
}

function replyKeyboardView(keyboard: ReplyKeyboardMarkup): ViewReplyKeyboard {
  return {
    rows: keyboard.keyboard.map((row) =>
      row.map((button) =>
        typeof button === "string"
          ? { text: button, requestContact: false }
          : { text: button.text, requestContact: "request_contact" in button && button.request_contact === true },
      ),
    ),
    ...(keyboard.input_field_placeholder !== undefined && { placeholder: keyboard.input_field_placeholder }),
  };
}
