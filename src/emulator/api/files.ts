// sendPhoto / sendDocument / getFile. Uploaded bytes are kept so tests can
// download them again through /file/bot<token>/<file_path>.
import type { File, Message, MessageEntity } from "grammy/types";
import { badRequest } from "../errors.js";
import type { FileKind, StoredFile } from "../file-store.js";
import { imageSize } from "../image-size.js";
import type { CallContext } from "./context.js";
import { readText, sendBotMessage, targetChat } from "./outgoing.js";

const MIME_BY_EXT: Record<string, string> = {
  pdf: "application/pdf",
  txt: "text/plain",
  csv: "text/csv",
  json: "application/json",
  zip: "application/zip",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  png: "image/png",
  jpg: "image/jpeg",
  jpeg: "image/jpeg",
  gif: "image/gif",
  webp: "image/webp",
};

function guessMime(filename: string | undefined, sent: string): string {
  const ext = /\.([A-Za-z0-9]+)$/.exec(filename ?? "")?.[1]?.toLowerCase();
  // grammY labels every upload application/octet-stream, so the name decides.
  return (ext && MIME_BY_EXT[ext]) ?? sent;
}

/** Resolves the file parameter: a new upload, a URL, or a known file_id. */
function readFile(ctx: CallContext, field: FileKind): StoredFile {
  const { world, bot, params } = ctx;
  const input = params.file(field);
  if (input === undefined) throw badRequest(`there is no ${field} in the request`);
  if (typeof input !== "string") {
    if (field === "photo" && !imageSize(input.data)) throw badRequest("IMAGE_PROCESS_FAILED");
    return world.files.add(bot.token, field, {
      data: input.data,
      filename: input.filename,
      mimeType: guessMime(input.filename, input.mimeType),
    });
  }
  const known = world.files.get(bot.token, input);
  if (known) return known;
  if (/^https?:\/\//i.test(input)) {
    // The emulator never fetches URLs: the file exists, but has no bytes.
    const filename = new URL(input).pathname.split("/").pop() || undefined;
    return world.files.add(bot.token, field, {
      data: new Uint8Array(),
      filename,
      mimeType: guessMime(filename, "application/octet-stream"),
      sourceUrl: input,
    });
  }
  throw badRequest("wrong file identifier/HTTP URL specified");
}

function captionFields(ctx: CallContext): { caption?: string; caption_entities?: MessageEntity[] } {
  if (!ctx.params.has("caption")) return {};
  const { text, entities } = readText(ctx.params, "caption");
  return {
    ...(text ? { caption: text } : {}),
    ...(entities.length > 0 ? { caption_entities: entities } : {}),
  };
}

export function sendPhoto(ctx: CallContext): Message {
  const chat = targetChat(ctx.world, ctx.bot, ctx.params);
  const caption = captionFields(ctx);
  const file = readFile(ctx, "photo");
  const size = imageSize(file.data) ?? { width: 0, height: 0 };
  const photo = [{ file_id: file.file_id, file_unique_id: file.file_unique_id, file_size: file.data.length, ...size }];
  return sendBotMessage(ctx, chat, { photo, ...caption });
}

export function sendDocument(ctx: CallContext): Message {
  const chat = targetChat(ctx.world, ctx.bot, ctx.params);
  const caption = captionFields(ctx);
  const file = readFile(ctx, "document");
  const document = {
    file_id: file.file_id,
    file_unique_id: file.file_unique_id,
    file_size: file.data.length,
    mime_type: file.mimeType,
    ...(file.filename ? { file_name: file.filename } : {}),
  };
  return sendBotMessage(ctx, chat, { document, ...caption });
}

export function getFile(ctx: CallContext): File {
  const fileId = ctx.params.string("file_id");
  if (!fileId) throw badRequest("file_id is empty");
  const file = ctx.world.files.get(ctx.bot.token, fileId);
  if (!file) throw badRequest("invalid file_id");
  return {
    file_id: file.file_id,
    file_unique_id: file.file_unique_id,
    file_size: file.data.length,
    file_path: file.file_path,
  };
}
