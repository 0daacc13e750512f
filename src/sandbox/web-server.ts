// The sandbox page's server: static files from ./public and a JSON API under /api (personas, chats,
// sending as a persona, pressing buttons, sharing a phone, files, the sandbox clock) plus server-sent
// events that tell the page when something changed. No login: it listens on 127.0.0.1 unless configured,
// and answers only its own page (see checkSameOrigin): any web site the visitor opens could otherwise
// act as any persona through their browser.
import { readFile } from "node:fs/promises";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { isIP, type AddressInfo } from "node:net";
import { networkInterfaces } from "node:os";
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

/** Methods that change something: they must carry JSON, which a cross-site form or a no-CORS fetch cannot send. */
const writeMethods = new Set(["POST", "PUT", "PATCH", "DELETE"]);
const readMethods = new Set(["GET", "HEAD"]);

/**
 * The Host names (lower case, without the port) this server answers to. A browser tricked by DNS
 * rebinding sends the attacker's name (evil.example) as Host, so only names that cannot be rebound are
 * accepted: the loopback names, the address it listens on, and, when it listens on every interface
 * (SANDBOX_HOST=0.0.0.0 to show the sandbox to other machines), the machine's own addresses.
 */
export function ownHostNames(listenHost: string): Set<string> {
  const names = new Set(["127.0.0.1", "localhost", "[::1]"]);
  const bracket = (address: string) => (isIP(address) === 6 ? `[${address}]` : address);
  names.add(bracket(listenHost.toLowerCase()));
  if (listenHost === "0.0.0.0" || listenHost === "::") {
    for (const addresses of Object.values(networkInterfaces())) {
      for (const { address } of addresses ?? []) names.add(bracket(address.toLowerCase().replace(/%.*$/, "")));
    }
  }
  return names;
}

export type OriginProblem = {
  status: 403 | 415 | 405;
  error: "bad-host" | "bad-origin" | "cross-site" | "json-required" | "method-not-allowed";
};

/**
 * Same-origin rule, checked before anything else is read or done (CSRF and DNS rebinding):
 * - Host must be one of ownHostNames with the port the server listens on;
 * - Origin, when the browser sends one, must be exactly http://<that Host> ("null", another port, https
 *   or another name are other origins);
 * - for the API, Sec-Fetch-Site, when sent, must say same-origin or none (typed in the address bar): it
 *   also covers GETs, which browsers send without Origin (an <img> or a link from another page). The
 *   page itself may be reached by a link from elsewhere: it is static;
 * - a method that changes something must carry application/json: an HTML form can only send urlencoded,
 *   multipart or text/plain, and a cross-site fetch with JSON needs a CORS preflight this server never grants.
 */
export function checkSameOrigin(
  headers: IncomingMessage["headers"],
  request: { method: string; path: string },
  own: { hostNames: ReadonlySet<string>; port: number },
): OriginProblem | null {
  const host = (headers.host ?? "").toLowerCase();
  const parsed = /^([a-z0-9.-]+|\[[0-9a-f:.]+\])(?::(\d{1,5}))?$/.exec(host);
  if (!parsed) return { status: 403, error: "bad-host" };
  const [, name, port] = parsed as unknown as [string, string, string | undefined];
  if (!own.hostNames.has(name) || Number(port ?? 80) !== own.port) return { status: 403, error: "bad-host" };
  const origin = headers.origin;
  // Browsers leave the default port out of Origin.
  if (
    origin !== undefined &&
    origin.toLowerCase() !== (own.port === 80 ? `http://${name}` : `http://${name}:${own.port}`)
  ) {
    return { status: 403, error: "bad-origin" };
  }
  const site = headers["sec-fetch-site"];
  if (request.path.startsWith("/api/") && site !== undefined && site !== "same-origin" && site !== "none")
    return { status: 403, error: "cross-site" };
  if (writeMethods.has(request.method)) {
    const type = (headers["content-type"] ?? "").split(";")[0]!.trim().toLowerCase();
    if (type !== "application/json") return { status: 415, error: "json-required" };
  } else if (!readMethods.has(request.method)) return { status: 405, error: "method-not-allowed" };
  return null;
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
  const own = { hostNames: ownHostNames(options.host), port: options.port };
  const server: Server = createServer((req, res) => {
    // Refused before the body is read or any route is looked at: a forged request does nothing.
    const problem = checkSameOrigin(
      req.headers,
      { method: req.method ?? "GET", path: new URL(req.url ?? "/", "http://sandbox").pathname },
      own,
    );
    if (problem) {
      res.setHeader("connection", "close");
      return sendJson(res, problem.status, { error: problem.error });
    }
    handle(req, res).catch((error: unknown) => {
      if (res.headersSent) return void res.destroy();
      if (error instanceof ApiProblem)
        return sendJson(res, error.status, { error: error.code, ...(error.detail && { detail: error.detail }) });
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
      // No framing by other sites (clickjacking the persona buttons), no type sniffing.
      res.writeHead(200, {
        "content-type": asset.type,
        "cache-control": "no-cache",
        "x-content-type-options": "nosniff",
        "x-frame-options": "DENY",
        "content-security-policy": "frame-ancestors 'none'",
      });
      return void res.end(body);
    }
    if (path === "/favicon.ico") return void res.writeHead(204).end();
    if (!path.startsWith("/api/")) return sendJson(res, 404, { error: "not-found" });
    if (method === "GET" && path === "/api/events") return openEvents(res);
    if (method === "GET" && path === "/api/state") return sendJson(res, 200, api.state());
    if (method === "GET" && path === "/api/strings")
      return sendJson(res, 200, api.strings(url.searchParams.get("lang")));

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
    if (method === "GET" && path === "/api/personas")
      return sendJson(res, 200, await api.personas(url.searchParams.get("q") ?? ""));
    if (method === "GET" && path === "/api/commands")
      return sendJson(res, 200, api.commands(url.searchParams.get("lang")));
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
      if (method === "POST" && action === "contact")
        return sendJson(res, 200, await api.shareContact(key, await readJson(req)));
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
  own.port = port; // PORT=0: the port chosen by the system, known only now (no request came before)
  const host =
    options.host === "0.0.0.0" || options.host === "::"
      ? "localhost"
      : options.host.includes(":")
        ? `[${options.host}]`
        : options.host;
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
