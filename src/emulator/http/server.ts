// node:http front end: /bot<token>/<method> for API calls and
// /file/bot<token>/<path> for downloads.
import { type IncomingMessage, type Server, type ServerResponse, createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { callMethod } from "../api/index.js";
import { ApiError, type ApiResponse, notFound } from "../errors.js";
import { chatIdOfParams } from "../faults.js";
import { Params } from "../params.js";
import { World } from "../world.js";
import { readRequestInput } from "./body.js";

export interface HttpFrontEnd {
  server: Server;
  apiRoot: string;
  close(): Promise<void>;
}

const API_PATH = /^\/bot([^/]+)\/([^/]+)\/?$/;
const FILE_PATH = /^\/file\/bot([^/]+)\/(.+)$/;

function sendJson(res: ServerResponse, response: ApiResponse): void {
  const body = JSON.stringify(response);
  res.writeHead(response.ok ? 200 : response.error_code, {
    "content-type": "application/json",
    "content-length": Buffer.byteLength(body),
  });
  res.end(body);
}

function sendFile(world: World, res: ServerResponse, token: string, path: string): void {
  const file = World.isToken(token) ? world.files.getByPath(token, path) : undefined;
  if (!file) {
    sendJson(res, notFound().toResponse());
    return;
  }
  res.writeHead(200, { "content-type": file.mimeType, "content-length": file.data.length });
  res.end(file.data);
}

async function handle(world: World, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const url = new URL(req.url ?? "/", "http://emulator");
  let path = url.pathname;
  try {
    path = decodeURIComponent(path);
  } catch {
    // Malformed escapes: match the raw path, which then 404s.
  }

  const fileMatch = FILE_PATH.exec(path);
  if (fileMatch && (req.method === "GET" || req.method === "HEAD")) {
    return sendFile(world, res, fileMatch[1]!, fileMatch[2]!);
  }
  const apiMatch = API_PATH.exec(path);
  if (!apiMatch) return sendJson(res, notFound().toResponse());

  // When the client goes away (e.g. grammY aborts its long poll on stop()),
  // the method stops waiting.
  const abort = new AbortController();
  res.on("close", () => {
    if (!res.writableFinished) abort.abort();
  });

  let input: Awaited<ReturnType<typeof readRequestInput>>;
  try {
    input = await readRequestInput(req, url);
  } catch (error) {
    if (error instanceof ApiError) return sendJson(res, error.toResponse());
    throw error;
  }
  const [, token, methodName] = apiMatch;
  const { method, response } = await callMethod(
    world,
    token!,
    methodName!,
    new Params(input.fields, input.uploads),
    abort.signal,
  );
  // Holds and drops apply to calls that ran (an injected failure did not).
  const chatId = chatIdOfParams(input.fields);
  const held = response.ok ? world.faults.takeHold(method, chatId) : undefined;
  if (held) await held;
  if (response.ok && world.faults.takeDrop(method, chatId)) {
    // The method ran, but the answer is "lost in flight".
    req.socket.destroy();
    return;
  }
  if (!res.destroyed) sendJson(res, response);
}

export async function startHttp(world: World, port: number, host: string): Promise<HttpFrontEnd> {
  const inFlight = new Set<Promise<void>>();
  const server = createServer((req, res) => {
    const task = handle(world, req, res)
      .catch((error: unknown) => {
        if (res.headersSent) return void res.destroy();
        const description = `Internal Server Error: ${error instanceof Error ? error.message : String(error)}`;
        sendJson(res, { ok: false, error_code: 500, description });
      })
      .finally(() => inFlight.delete(task));
    inFlight.add(task);
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => {
      server.off("error", reject);
      resolve();
    });
  });
  const { port: actualPort } = server.address() as AddressInfo;
  const hostInUrl = host.includes(":") ? `[${host}]` : host;

  return {
    server,
    apiRoot: `http://${hostInUrl}:${actualPort}`,
    async close() {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      // world.close() already released long polls; let their answers go out
      // (briefly), then drop keep-alive sockets so close() never hangs.
      await Promise.race([Promise.allSettled([...inFlight]), new Promise((r) => setTimeout(r, 500))]);
      server.closeAllConnections();
      await closed;
    },
  };
}
