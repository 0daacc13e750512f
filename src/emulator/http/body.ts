// Request parameters from query string plus body (JSON, urlencoded or
// multipart), the ways the Bot API accepts them.
import type { IncomingMessage } from "node:http";
import { ApiError, badRequest } from "../errors.js";
import type { UploadedFile } from "../params.js";
import { MultipartError, boundaryOf, parseMultipart } from "./multipart.js";

/** Telegram's upload limit for bots is 50 MB; leave room for other fields. */
const MAX_BODY_BYTES = 52 * 1024 * 1024;

export interface RequestInput {
  fields: Record<string, unknown>;
  uploads: Map<string, UploadedFile>;
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buf = chunk as Buffer;
    size += buf.length;
    if (size > MAX_BODY_BYTES) throw new ApiError(413, "Request Entity Too Large");
    chunks.push(buf);
  }
  return Buffer.concat(chunks);
}

function parseBody(body: Buffer, contentType: string): RequestInput {
  const fields: Record<string, unknown> = {};
  const uploads = new Map<string, UploadedFile>();
  const type = contentType.split(";")[0]!.trim().toLowerCase();
  if (body.length === 0) return { fields, uploads };

  if (type === "application/json") {
    let parsed: unknown;
    try {
      parsed = JSON.parse(body.toString("utf8"));
    } catch {
      throw badRequest("can't parse JSON request body");
    }
    if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) {
      throw badRequest("request body must be a JSON object");
    }
    return { fields: parsed as Record<string, unknown>, uploads };
  }
  if (type === "application/x-www-form-urlencoded") {
    for (const [k, v] of new URLSearchParams(body.toString("utf8"))) fields[k] = v;
    return { fields, uploads };
  }
  if (type === "multipart/form-data") {
    const boundary = boundaryOf(contentType);
    if (!boundary) throw badRequest("multipart boundary is missing");
    try {
      for (const part of parseMultipart(body, boundary)) {
        if (part.filename === undefined) fields[part.name] = part.data.toString("utf8");
        else {
          uploads.set(part.name, {
            filename: part.filename,
            mimeType: part.contentType ?? "application/octet-stream",
            data: part.data,
          });
        }
      }
    } catch (error) {
      if (error instanceof MultipartError) throw badRequest(error.message);
      throw error;
    }
    return { fields, uploads };
  }
  // Other content types carry no parameters the Bot API would read.
  return { fields, uploads };
}

export async function readRequestInput(req: IncomingMessage, url: URL): Promise<RequestInput> {
  const body = await readBody(req);
  const input = parseBody(body, req.headers["content-type"] ?? "");
  // Body parameters win over query parameters with the same name.
  const query = Object.fromEntries(url.searchParams);
  return { fields: { ...query, ...input.fields }, uploads: input.uploads };
}
