// Shared helpers for turning formatted text into Telegram's (text, entities).
import type { MessageEntity } from "grammy/types";
import { badRequest } from "../errors.js";

export interface FormattedText {
  text: string;
  entities: MessageEntity[];
}

const encoder = new TextEncoder();

/** Telegram reports parse errors at UTF-8 byte offsets of the source text. */
export function byteOffset(src: string, index: number): number {
  return encoder.encode(src.slice(0, index)).length;
}

export const utf8Length = (s: string) => encoder.encode(s).length;

export const parseError = (reason: string) => badRequest(`can't parse entities: ${reason}`);

/** Builds an entity from a type name plus its extra fields (url, language…). */
export function makeEntity(
  type: string,
  offset: number,
  length: number,
  extra: Record<string, unknown> = {},
): MessageEntity {
  return { type, offset, length, ...extra } as MessageEntity;
}

/** Telegram's order: by offset, the enclosing (longer) entity first. */
export function sortEntities(entities: MessageEntity[]): MessageEntity[] {
  return entities.filter((e) => e.length > 0).sort((a, b) => a.offset - b.offset || b.length - a.length);
}

/**
 * Telegram strips leading and trailing whitespace from texts and captions;
 * entity offsets are shifted and clipped accordingly.
 */
export function trimFormatted({ text, entities }: FormattedText): FormattedText {
  const start = text.length - text.trimStart().length;
  const trimmed = text.trim();
  const end = start + trimmed.length;
  const adjusted = entities.flatMap((e) => {
    const from = Math.max(e.offset, start);
    const to = Math.min(e.offset + e.length, end);
    return to > from ? [{ ...e, offset: from - start, length: to - from }] : [];
  });
  return { text: trimmed, entities: adjusted };
}

/** URL of a link entity: tg://user?id= links become text mentions. */
export function linkEntity(offset: number, length: number, url: string): MessageEntity {
  const mention = /^tg:\/\/user\?id=(\d+)$/.exec(url);
  if (mention) {
    return makeEntity("text_mention", offset, length, {
      user: { id: Number(mention[1]), is_bot: false, first_name: "" },
    });
  }
  return makeEntity("text_link", offset, length, { url });
}
