// The sandbox page's server: static files from ./public and a JSON API under /api (personas, chats,
// sending as a persona, pressing buttons, sharing a phone, files, the sandbox clock) plus server-sent
// events that tell the page when something changed. No login: it listens on 127.0.0.1 unless configured.
import { readFile } from "node:fs/promises";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { fileURLToPath } from "node:url";
import type { SandboxApi } from "./sandbox-api.js";
import { ApiProblem } from "./sandbox-api.js";

const publicDir = fileURLToPath(new URL("./public/", import.meta.url));
const STATIC: Record<string, { file: string; type: string }> = {
  "/": { file: "index.html", type: "text/html; charset=utf-8" },
  "/sandbox.js": { file: "sandbox.js", type: "text/javascript; charset=utf-8" },
  "/sandbox.css": { file: "sandbox.css", type: "text/css; charset=utf-8" },
};
const maxBodyBytes = 64 * 1024;

export interface WebServer {
  url: string;
  close(): Promise<void>;
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { "content-type": "application/json; charset=utf-8", "cache-control": "no-store" });
  res.end(text);
}

async function readJson(req: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > maxBodyBytes) throw new ApiProblem(413, "body-too-large");
    chunks.push(chunk as Buffer);
  }
  if (size === 0) return {};
  try {
    const value = JSON.parse(Buffer.concat(chunks).toString("utf8")) as unknown;
    if (typeof value !== "object" || value === null || Array.isArray(value)) throw new Error("not an object");
    return value as Record<string, unknown>;
  } catch {
    throw new ApiProblem(400, "bad-json");
  }
}

export async function startWebServer(api: SandboxApi, options: { host: string; port: number }): Promise<WebServer> {
  const streams = new Set<ServerResponse>();
  const server: Server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (res.headersSent) return void res.destroy();
      if (error instanceof ApiProblem) return sendJson(res, error.status, { error: error.code, ...(error.detail && { detail: error.detail }) });
      sendJson(res, 500, { error: "internal", detail: error instanceof Error ? error.message : String(error) });
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? "/", "http://sandbox");
    const path = url.pathname;
    const method = req.method ?? "GET";
    const asset = STATIC[path];
    if (asset && method === "GET") {
      const body = await readFile(publicDir + asset.file);
      res.writeHead(200, { "content-type": asset.type, "cache-control": "no-cache" });
      return void res.end(body);
    }
    if (path === "/favicon.ico") return void res.writeHead(204).end();
    if (!path.startsWith("/api/")) return sendJson(res, 404, { error: "not-found" });
    if (method === "GET" && path === "/api/events") return openEvents(res);
    if (method === "GET" && path === "/api/state") return sendJson(res, 200, api.state());
    if (method === "GET" && path === "/api/strings") return sendJson(res, 200, api.strings(url.searchParams.get("lang")));

    const file = /^\/api\/files\/([A-Za-z0-9_-]{1,200})$/.exec(path);
    if (method === "GET" && file) {
      const found = api.file(file[1]!);
      const name = found.filename ?? "file";
      res.writeHead(200, {
        "content-type": found.mimeType,
        "content-length": found.data.length,
        "content-disposition": `${url.searchParams.has("download") ? "attachment" : "inline"}; filename*=UTF-8''${encodeURIComponent(name)}`,
        "x-content-type-options": "nosniff",
      });
      return void res.end(found.data);
    }
    if (method === "GET" && path === "/api/personas") return sendJson(res, 200, await api.personas(url.searchParams.get("q") ?? ""));
    if (method === "GET" && path === "/api/commands") return sendJson(res, 200, api.commands(url.searchParams.get("lang")));
    if (method === "GET" && path === "/api/clock") return sendJson(res, 200, api.clock());
    if (method === "POST" && path.startsWith("/api/clock/")) {
      const action = path.slice("/api/clock/".length);
      return sendJson(res, 200, await api.moveClock(action, await readJson(req)));
    }
    const persona = /^\/api\/personas\/((?:person|group)-[0-9-]{1,24})\/(chat|send|press|contact)$/.exec(path);
    if (persona) {
      const [, key, action] = persona as unknown as [string, string, string];
      if (method === "GET" && action === "chat") return sendJson(res, 200, await api.chat(key));
      if (method === "POST" && action === "send") return sendJson(res, 200, await api.send(key, await readJson(req)));
      if (method === "POST" && action === "press") return sendJson(res, 200, await api.press(key, await readJson(req)));
      if (method === "POST" && action === "contact") return sendJson(res, 200, await api.shareContact(key, await readJson(req)));
    }
    return sendJson(res, 404, { error: "not-found" });
  }

  function openEvents(res: ServerResponse): void {
    res.writeHead(200, { "content-type": "text/event-stream", "cache-control": "no-store", connection: "keep-alive" });
    res.write(`retry: 1000\n\n`);
    streams.add(res);
    res.on("close", () => streams.delete(res));
  }

  // One "change" event per burst: the page then re-reads what it shows.
  let pending: NodeJS.Timeout | null = null;
  let sequence = 0;
  const unsubscribe = api.onChange(() => {
    pending ??= setTimeout(() => {
      pending = null;
      sequence++;
      for (const res of streams) res.write(`event: change\ndata: ${sequence}\n\n`);
    }, 80);
  });
  const keepAlive = setInterval(() => {
    for (const res of streams) res.write(`: keep-alive\n\n`);
  }, 20_000);

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, options.host, () => {
      server.off("error", reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  const host = options.host === "0.0.0.0" || options.host === "::" ? "localhost" : options.host.includes(":") ? `[${options.host}]` : options.host;
  return {
    url: `http://${host}:${port}`,
    async close() {
      unsubscribe();
      clearInterval(keepAlive);
      if (pending) clearTimeout(pending);
      for (const res of streams) res.end();
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await closed;
    },
  };
}
