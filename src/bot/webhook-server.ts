// Webhook mode's receiving end (WEBHOOK_URL, WEBHOOK_SECRET, WEBHOOK_PORT): Telegram posts each update to
// the webhook, through the office's TLS proxy, to this plain HTTP server. A request is answered only once
// its update is stored in the inbox (src/bot/update-inbox.ts): 200 tells Telegram it may forget the
// update, so an update that could not be stored gets 500 and Telegram sends it again. Handling happens
// afterwards, from the inbox, never while Telegram waits. A request without the secret token that
// setWebhook registered gets 401 and nothing is stored: anyone can post to a public address.
import { timingSafeEqual } from "node:crypto";
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { Update } from "grammy/types";
import { z } from "zod";
import type { Logger } from "../logger.js";
import type { UpdateInbox } from "./update-inbox.js";

const secretTokenHeader = "x-telegram-bot-api-secret-token";

/** Telegram's updates are a few kilobytes; anything far larger is not one. */
const maxBodyBytes = 1024 * 1024;

/** What is checked of a posted body before it is stored: the rest is Telegram's Update as it sent it. */
const postedUpdate = z.looseObject({ update_id: z.number().int().nonnegative() });

export interface WebhookServer {
  port: number;
  /** Stops taking requests; the ones being stored finish first. */
  close(): Promise<void>;
}

export async function startWebhookServer(options: {
  port: number;
  host: string;
  /** The path of WEBHOOK_URL: the only one served. */
  path: string;
  secret: string;
  inbox: Pick<UpdateInbox, "receive">;
  logger: Logger;
}): Promise<WebhookServer> {
  const { logger } = options;
  const secret = Buffer.from(options.secret);
  // A public address draws strangers' requests: their refusals are logged once a minute at most, counted.
  let refused = 0;
  let refusedLoggedAt = 0;

  const server: Server = createServer((request, response) => {
    const send = (status: number, body: string, headers: Record<string, string> = {}) => {
      response.writeHead(status, { "content-type": "text/plain; charset=utf-8", ...headers });
      response.end(`${body}\n`);
    };
    if ((request.url ?? "/").split("?")[0] !== options.path) return send(404, "not found");
    if (request.method !== "POST") return send(405, "POST only", { allow: "POST" });
    if (!hasSecret(request, secret)) {
      // Drained, not read: the body of a stranger's request is of no interest.
      request.resume();
      refused++;
      if (Date.now() - refusedLoggedAt >= 60_000) {
        logger.warn(
          { refused, lastFrom: request.socket.remoteAddress },
          "webhook requests without the right secret token refused",
        );
        refused = 0;
        refusedLoggedAt = Date.now();
      }
      return send(401, "unauthorized");
    }
    void readBody(request).then(
      async (body) => {
        if (body === null) return send(413, "too large");
        const update = parseUpdate(body);
        if (!update) return send(400, "not a Telegram update");
        try {
          await options.inbox.receive([update]);
          send(200, "ok");
        } catch (error) {
          logger.error(
            { err: error, updateId: update.update_id },
            "could not store a webhook update; Telegram sends it again",
          );
          send(500, "not stored");
        }
      },
      () => send(400, "request broken off"),
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, options.host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  logger.info({ port, host: options.host, path: options.path }, "webhook listening");
  return {
    port,
    close: () =>
      new Promise<void>((resolve) => {
        // Idle keep-alive connections would hold close() open; requests in progress still finish.
        server.close(() => resolve());
        server.closeIdleConnections();
      }),
  };
}

function hasSecret(request: IncomingMessage, secret: Buffer): boolean {
  const given = request.headers[secretTokenHeader];
  if (typeof given !== "string") return false;
  const bytes = Buffer.from(given);
  // Compared in constant time: how long a refusal takes must not tell how much of a guess was right.
  return bytes.length === secret.length && timingSafeEqual(bytes, secret);
}

/** The body as text, or null past the size limit (the rest is read and thrown away, so the answer can be sent). */
function readBody(request: IncomingMessage): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size <= maxBodyBytes) chunks.push(chunk);
    });
    request.on("end", () => resolve(size > maxBodyBytes ? null : Buffer.concat(chunks).toString("utf8")));
    request.on("error", reject);
  });
}

function parseUpdate(body: string): Update | null {
  try {
    const parsed = postedUpdate.safeParse(JSON.parse(body));
    return parsed.success ? (parsed.data as Update) : null;
  } catch {
    return null;
  }
}
