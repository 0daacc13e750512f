// Entry point: text + parse_mode (or explicit entities) -> what Telegram stores.
import type { MessageEntity } from "grammy/types";
import { badRequest } from "../errors.js";
import { type FormattedText, trimFormatted } from "./entities.js";
import { parseHtml } from "./html.js";
import { parseMarkdown, parseMarkdownV2 } from "./markdown.js";

export type { FormattedText } from "./entities.js";
export { utf8Length } from "./entities.js";

export function formatText(
  source: string,
  parseMode: string | undefined,
  entities: MessageEntity[] | undefined,
): FormattedText {
  let parsed: FormattedText;
  // Explicit entities win over parse_mode, as in the Bot API.
  if (entities !== undefined || !parseMode) {
    if (entities !== undefined && !Array.isArray(entities)) throw badRequest("can't parse entities JSON object");
    parsed = { text: source, entities: entities ?? [] };
  } else {
    switch (parseMode.toLowerCase()) {
      case "html":
        parsed = parseHtml(source);
        break;
      case "markdownv2":
        parsed = parseMarkdownV2(source);
        break;
      case "markdown":
        parsed = parseMarkdown(source);
        break;
      default:
        throw badRequest("unsupported parse_mode");
    }
  }
  return trimFormatted(parsed);
}
