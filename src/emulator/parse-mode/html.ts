// parse_mode=HTML the way Telegram reads it: a fixed set of tags, only
// &lt; &gt; &amp; &quot; and numeric entities, and hard errors for anything
// else (e.g. <br>, a stray "<", unclosed tags) - the errors bots hit in prod.
import type { MessageEntity } from "grammy/types";
import { type FormattedText, byteOffset, linkEntity, makeEntity, parseError, sortEntities } from "./entities.js";

const TAG_TYPES: Record<string, string> = {
  b: "bold",
  strong: "bold",
  i: "italic",
  em: "italic",
  u: "underline",
  ins: "underline",
  s: "strikethrough",
  strike: "strikethrough",
  del: "strikethrough",
  span: "spoiler",
  "tg-spoiler": "spoiler",
  code: "code",
  pre: "pre",
  a: "text_link",
  blockquote: "blockquote",
  "tg-emoji": "custom_emoji",
};

interface OpenTag {
  tag: string;
  offset: number;
  attrs: Record<string, string>;
}

const NAMED: Record<string, string> = { lt: "<", gt: ">", amp: "&", quot: '"' };

/** Decodes one HTML entity at src[i] ("&..."); null if it is a literal "&". */
function decodeEntity(src: string, i: number): { value: string; end: number } | null {
  const m = /^&(#\d{1,7}|#x[0-9a-fA-F]{1,6}|[a-zA-Z]+);/.exec(src.slice(i, i + 12));
  if (!m) return null;
  const name = m[1]!;
  let value: string | undefined;
  if (name.startsWith("#x")) value = String.fromCodePoint(parseInt(name.slice(2), 16));
  else if (name.startsWith("#")) value = String.fromCodePoint(Number(name.slice(1)));
  else value = NAMED[name];
  return value === undefined ? null : { value, end: i + m[0].length };
}

function decodeText(s: string): string {
  let out = "";
  for (let i = 0; i < s.length; ) {
    const ent = s[i] === "&" ? decodeEntity(s, i) : null;
    if (ent) {
      out += ent.value;
      i = ent.end;
    } else out += s[i++];
  }
  return out;
}

function parseAttributes(src: string): Record<string, string> {
  const attrs: Record<string, string> = {};
  const re = /([a-zA-Z_:][-a-zA-Z0-9_:.]*)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g;
  for (const m of src.matchAll(re)) {
    attrs[m[1]!.toLowerCase()] = decodeText(m[2] ?? m[3] ?? m[4] ?? "");
  }
  return attrs;
}

function closeTag(open: OpenTag, end: number, stack: OpenTag[]): MessageEntity | null {
  const length = end - open.offset;
  const { tag, attrs } = open;
  switch (tag) {
    case "a":
      return attrs.href ? linkEntity(open.offset, length, attrs.href) : null;
    case "pre":
      return makeEntity("pre", open.offset, length, attrs.language ? { language: attrs.language } : {});
    case "code": {
      // <pre><code class="language-x"> gives the pre entity its language.
      const parent = stack[stack.length - 1];
      const lang = /^language-(.+)$/.exec(attrs.class ?? "")?.[1];
      if (parent?.tag === "pre") {
        if (lang) parent.attrs.language = lang;
        return null;
      }
      return makeEntity("code", open.offset, length);
    }
    case "blockquote":
      return makeEntity("expandable" in attrs ? "expandable_blockquote" : "blockquote", open.offset, length);
    case "tg-emoji":
      return makeEntity("custom_emoji", open.offset, length, { custom_emoji_id: attrs["emoji-id"] ?? "" });
    default:
      return makeEntity(TAG_TYPES[tag]!, open.offset, length);
  }
}

export function parseHtml(src: string): FormattedText {
  let text = "";
  const stack: OpenTag[] = [];
  const entities: MessageEntity[] = [];
  let i = 0;
  while (i < src.length) {
    const c = src[i]!;
    if (c === "&") {
      const ent = decodeEntity(src, i);
      text += ent ? ent.value : "&";
      i = ent ? ent.end : i + 1;
      continue;
    }
    if (c !== "<") {
      text += c;
      i++;
      continue;
    }
    const close = src.indexOf(">", i);
    if (close === -1) throw parseError(`Unsupported start tag "" at byte offset ${byteOffset(src, i)}`);
    if (src[i + 1] === "/") {
      const name = src
        .slice(i + 2, close)
        .trim()
        .toLowerCase();
      const open = stack.pop();
      if (!open) throw parseError(`Unexpected end tag at byte offset ${byteOffset(src, i)}`);
      if (open.tag !== name) {
        throw parseError(
          `Unmatched end tag at byte offset ${byteOffset(src, i)}, expected "</${open.tag}>", found "</${name}>"`,
        );
      }
      const entity = closeTag(open, text.length, stack);
      if (entity) entities.push(entity);
    } else {
      const m = /^<([a-zA-Z][a-zA-Z0-9-]*)/.exec(src.slice(i, close));
      const name = m?.[1]?.toLowerCase() ?? "";
      if (!(name in TAG_TYPES)) {
        throw parseError(`Unsupported start tag "${name}" at byte offset ${byteOffset(src, i)}`);
      }
      const attrs = parseAttributes(src.slice(i + 1 + name.length, close));
      if (name === "span" && attrs.class !== "tg-spoiler") {
        throw parseError(`Tag "span" must have class "tg-spoiler" at byte offset ${byteOffset(src, i)}`);
      }
      stack.push({ tag: name, offset: text.length, attrs });
    }
    i = close + 1;
  }
  const unclosed = stack.pop();
  if (unclosed) throw parseError(`Can't find end tag corresponding to start tag "${unclosed.tag}"`);
  return { text, entities: sortEntities(entities) };
}
