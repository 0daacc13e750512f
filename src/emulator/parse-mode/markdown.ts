// parse_mode=MarkdownV2 and legacy Markdown. The point is Telegram's
// strictness: in MarkdownV2 every reserved character outside an entity must
// be escaped, which is the classic production failure ("Character '.' is
// reserved...").
import type { MessageEntity } from "grammy/types";
import { type FormattedText, byteOffset, linkEntity, makeEntity, parseError, sortEntities } from "./entities.js";

const RESERVED = "_*[]()~`>#+-=|{}.!";

const ENTITY_NAMES: Record<string, string> = {
  bold: "Bold",
  italic: "Italic",
  underline: "Underline",
  strikethrough: "Strikethrough",
  spoiler: "Spoiler",
  text_link: "TextUrl",
  custom_emoji: "CustomEmoji",
  blockquote: "BlockQuote",
};

interface Open {
  type: string;
  offset: number;
  /** Index in the source, for error messages. */
  at: number;
}

/** Reads a code/pre/url body up to `end`, honouring "\" escapes. */
function readEscaped(src: string, from: number, end: string): { body: string; next: number } | null {
  let body = "";
  for (let i = from; i < src.length; ) {
    if (src[i] === "\\" && i + 1 < src.length) {
      body += src[i + 1];
      i += 2;
    } else if (src.startsWith(end, i)) {
      return { body, next: i + end.length };
    } else body += src[i++];
  }
  return null;
}

/** "```lang\ncode```": a first line without spaces is the language. */
function splitPre(body: string): { code: string; language?: string } {
  const nl = body.indexOf("\n");
  const first = nl === -1 ? "" : body.slice(0, nl);
  if (nl !== -1 && /^[\w+#.-]+$/.test(first)) return { code: body.slice(nl + 1), language: first };
  return { code: body.startsWith("\n") ? body.slice(1) : body };
}

export function parseMarkdownV2(src: string): FormattedText {
  let text = "";
  const stack: Open[] = [];
  const entities: MessageEntity[] = [];
  let quote: Open | undefined;
  const endQuote = () => {
    if (quote) entities.push(makeEntity("blockquote", quote.offset, text.length - quote.offset));
    quote = undefined;
  };
  const toggle = (type: string, at: number) => {
    const idx = stack.findLastIndex((o) => o.type === type);
    if (idx === -1) {
      stack.push({ type, offset: text.length, at });
      return;
    }
    const [open] = stack.splice(idx, 1);
    entities.push(makeEntity(type, open!.offset, text.length - open!.offset));
  };

  let i = 0;
  while (i < src.length) {
    const c = src[i]!;
    const lineStart = i === 0 || src[i - 1] === "\n";
    if (c === "\\") {
      text += src[i + 1] ?? "\\";
      i += 2;
      continue;
    }
    if (c === "\n") {
      if (quote && src[i + 1] !== ">") endQuote();
      text += c;
      i++;
      continue;
    }
    if (c === ">" && lineStart) {
      quote ??= { type: "blockquote", offset: text.length, at: i };
      i++;
      continue;
    }
    if (c === "`") {
      const pre = src.startsWith("```", i);
      const read = readEscaped(src, i + (pre ? 3 : 1), pre ? "```" : "`");
      if (!read) {
        throw parseError(`Can't find end of ${pre ? "Pre" : "Code"} entity at byte offset ${byteOffset(src, i)}`);
      }
      if (pre) {
        const { code, language } = splitPre(read.body);
        entities.push(makeEntity("pre", text.length, code.length, language ? { language } : {}));
        text += code;
      } else {
        entities.push(makeEntity("code", text.length, read.body.length));
        text += read.body;
      }
      i = read.next;
      continue;
    }
    if (c === "*" || c === "~") {
      toggle(c === "*" ? "bold" : "strikethrough", i);
      i++;
      continue;
    }
    if (c === "_") {
      const underline = src[i + 1] === "_";
      toggle(underline ? "underline" : "italic", i);
      i += underline ? 2 : 1;
      continue;
    }
    if (c === "|" && src[i + 1] === "|") {
      toggle("spoiler", i);
      i += 2;
      continue;
    }
    if (c === "[" || (c === "!" && src[i + 1] === "[")) {
      stack.push({ type: c === "[" ? "text_link" : "custom_emoji", offset: text.length, at: i });
      i += c === "[" ? 1 : 2;
      continue;
    }
    if (c === "]") {
      const open = stack[stack.length - 1];
      if (open && (open.type === "text_link" || open.type === "custom_emoji") && src[i + 1] === "(") {
        const read = readEscaped(src, i + 2, ")");
        if (!read) throw parseError(`Can't find end of a URL at byte offset ${byteOffset(src, i + 1)}`);
        stack.pop();
        const length = text.length - open.offset;
        entities.push(
          open.type === "custom_emoji"
            ? makeEntity("custom_emoji", open.offset, length, {
                custom_emoji_id: /id=(\d+)/.exec(read.body)?.[1] ?? "",
              })
            : linkEntity(open.offset, length, read.body),
        );
        i = read.next;
        continue;
      }
    }
    if (RESERVED.includes(c)) {
      throw parseError(`Character '${c}' is reserved and must be escaped with the preceding '\\'`);
    }
    text += c;
    i++;
  }
  endQuote();
  const unclosed = stack.pop();
  if (unclosed) {
    const name = ENTITY_NAMES[unclosed.type] ?? unclosed.type;
    throw parseError(`Can't find end of ${name} entity at byte offset ${byteOffset(src, unclosed.at)}`);
  }
  return { text, entities: sortEntities(entities) };
}

/** Legacy Markdown: *bold* _italic_ `code` ```pre``` [text](url), no nesting. */
export function parseMarkdown(src: string): FormattedText {
  let text = "";
  const entities: MessageEntity[] = [];
  const fail = (at: number) =>
    parseError(`Can't find end of the entity starting at byte offset ${byteOffset(src, at)}`);
  let i = 0;
  while (i < src.length) {
    const c = src[i]!;
    if (c === "\\" && "_*`[".includes(src[i + 1] ?? "")) {
      text += src[i + 1];
      i += 2;
    } else if (c === "*" || c === "_") {
      const end = src.indexOf(c, i + 1);
      if (end === -1) throw fail(i);
      const body = src.slice(i + 1, end);
      entities.push(makeEntity(c === "*" ? "bold" : "italic", text.length, body.length));
      text += body;
      i = end + 1;
    } else if (c === "`") {
      const pre = src.startsWith("```", i);
      const end = src.indexOf(pre ? "```" : "`", i + (pre ? 3 : 1));
      if (end === -1) throw fail(i);
      const body = src.slice(i + (pre ? 3 : 1), end);
      const { code, language } = pre ? splitPre(body) : { code: body, language: undefined };
      entities.push(makeEntity(pre ? "pre" : "code", text.length, code.length, language ? { language } : {}));
      text += code;
      i = end + (pre ? 3 : 1);
    } else if (c === "[") {
      const close = src.indexOf("](", i + 1);
      const end = close === -1 ? -1 : src.indexOf(")", close + 2);
      if (end === -1) throw fail(i);
      const label = src.slice(i + 1, close);
      entities.push(linkEntity(text.length, label.length, src.slice(close + 2, end)));
      text += label;
      i = end + 1;
    } else {
      text += c;
      i++;
    }
  }
  return { text, entities: sortEntities(entities) };
}
