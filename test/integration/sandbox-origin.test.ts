// The sandbox page has no login and acts as anyone: its API must answer only its own page. A web site the
// visitor has open could otherwise POST to http://127.0.0.1:3000 (CSRF), or rebind its own name to
// 127.0.0.1 and read the API as same-origin (DNS rebinding). These are real HTTP requests against the
// running sandbox (real app, emulator, own PGlite database), with the headers a browser would send.
import { request } from "node:http";
import { mkdtempSync } from "node:fs";
import { networkInterfaces, tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createConfig } from "../../src/config.js";
import { createLogger } from "../../src/logger.js";
import { demoFiles } from "../../src/sandbox/run-sandbox.js";
import type { ChatView } from "../../src/sandbox/sandbox-api.js";
import { startSandbox, type RunningSandbox } from "../../src/sandbox/start-sandbox.js";
import { checkSameOrigin, ownHostNames } from "../../src/sandbox/web-server.js";
import type { Persona } from "../../src/sandbox/personas.js";

interface Answer {
  status: number;
  json: Record<string, unknown>;
}

describe("the sandbox API answers only its own origin", () => {
  let sandbox: RunningSandbox;
  let port: number;
  const rt = () => sandbox.api.current!;

  /** One raw HTTP request, every header as given (fetch would not let a test set Host). */
  function raw(method: string, route: string, headers: Record<string, string>, body?: string): Promise<Answer> {
    return new Promise((resolve, reject) => {
      // setHost: false, so that a request without Host really has none.
      const req = request(
        {
          host: "127.0.0.1",
          port,
          method,
          path: route,
          setHost: false,
          headers: { ...headers, ...(body !== undefined && { "content-length": String(Buffer.byteLength(body)) }) },
        },
        (res) => {
          let text = "";
          res.setEncoding("utf8");
          res.on("data", (chunk: string) => (text += chunk));
          res.on("end", () => {
            try {
              resolve({
                status: res.statusCode!,
                json: (text === "" ? null : JSON.parse(text)) as Record<string, unknown>,
              });
            } catch (error) {
              reject(new Error(`not JSON (${res.statusCode}): ${text}`, { cause: error }));
            }
          });
        },
      );
      req.on("error", reject);
      req.end(body);
    });
  }
  const own = () => ({ host: `127.0.0.1:${port}`, origin: `http://127.0.0.1:${port}` });
  const json = { "content-type": "application/json" };
  const featured = async () => (await raw("GET", "/api/personas", { host: own().host })).json.featured as Persona[];
  const chat = async (key: string) =>
    (await raw("GET", `/api/personas/${key}/chat`, { host: own().host })).json as unknown as ChatView;

  beforeAll(async () => {
    const config = createConfig({
      SANDBOX: "1",
      PORT: "0",
      SANDBOX_DATA_DIR: mkdtempSync(path.join(tmpdir(), "daihoi-sandbox-origin-")),
      LOG_LEVEL: "silent",
    });
    sandbox = await startSandbox({
      config,
      logger: createLogger({ level: process.env.TEST_LOG_LEVEL ?? "silent" }),
      demo: demoFiles,
    });
    await sandbox.ready;
    port = Number(new URL(sandbox.url).port);
  });
  afterAll(async () => sandbox?.stop());

  it("when another site posts (evil Origin, evil Host, a form, no content type, Origin null, another port), then each is refused with a short JSON error and nothing reaches the bot", async () => {
    const secretary = (await featured()).find(
      (p) => p.kind === "person" && p.bound && p.roles.some((r) => r.role === "secretary" && r.level === "cell"),
    )!;
    const unbound = (await featured()).find((p) => p.kind === "person" && !p.bound)!;
    const send = `/api/personas/${secretary.key}/send`;
    const text = JSON.stringify({ text: "/start" });
    const messagesBefore = (await chat(secretary.key)).messages.length;
    const clockBefore = (await raw("GET", "/api/clock", { host: own().host })).json.now;

    // CSRF from a page the visitor has open: the browser sends the real Host and the attacker's Origin.
    expect(await raw("POST", send, { ...json, host: own().host, origin: "http://evil.example" }, text)).toEqual({
      status: 403,
      json: { error: "bad-origin" },
    });
    expect(await raw("POST", send, { ...json, host: own().host, origin: "null" }, text)).toEqual({
      status: 403,
      json: { error: "bad-origin" },
    });
    expect(
      await raw("POST", send, { ...json, host: own().host, origin: `http://127.0.0.1:${port + 1}` }, text),
    ).toEqual({ status: 403, json: { error: "bad-origin" } });
    expect(await raw("POST", send, { ...json, host: own().host, origin: `https://127.0.0.1:${port}` }, text)).toEqual({
      status: 403,
      json: { error: "bad-origin" },
    });
    // DNS rebinding: evil.example now resolves to 127.0.0.1, so the browser thinks it is same-origin.
    const rebound = { host: `evil.example:${port}`, origin: `http://evil.example:${port}` };
    expect(await raw("POST", send, { ...json, ...rebound }, text)).toEqual({
      status: 403,
      json: { error: "bad-host" },
    });
    expect(await raw("POST", send, { ...json, host: "evil.example" }, text)).toEqual({
      status: 403,
      json: { error: "bad-host" },
    });
    expect(await raw("POST", send, { ...json, host: `127.0.0.1:${port + 1}` }, text)).toEqual({
      status: 403,
      json: { error: "bad-host" },
    });
    // No Host at all: Node's HTTP/1.1 server answers 400 itself (requireHostHeader), before our handler.
    expect((await raw("POST", send, { ...json }, text)).status).toBe(400);
    // What an HTML form (or a no-CORS fetch) can send: never application/json.
    for (const type of [
      "application/x-www-form-urlencoded",
      "multipart/form-data; boundary=x",
      "text/plain",
      "text/plain; charset=utf-8",
    ]) {
      expect(await raw("POST", send, { ...own(), "content-type": type }, text), type).toEqual({
        status: 415,
        json: { error: "json-required" },
      });
    }
    expect(await raw("POST", send, { host: own().host }, text)).toEqual({
      status: 415,
      json: { error: "json-required" },
    });
    expect(
      await raw(
        "POST",
        `/api/personas/${unbound.key}/contact`,
        { host: own().host, origin: "http://evil.example" },
        "{}",
      ),
    ).toEqual({ status: 403, json: { error: "bad-origin" } });
    expect(await raw("POST", "/api/clock/advance", { host: own().host }, JSON.stringify({ hours: 24 }))).toEqual({
      status: 415,
      json: { error: "json-required" },
    });
    expect(
      await raw("POST", "/api/clock/next-digest", { ...json, host: own().host, "sec-fetch-site": "cross-site" }, "{}"),
    ).toEqual({ status: 403, json: { error: "cross-site" } });
    expect(await raw("DELETE", send, { host: own().host })).toEqual({ status: 415, json: { error: "json-required" } });
    expect(await raw("OPTIONS", send, { ...own(), "access-control-request-method": "POST" })).toEqual({
      status: 405,
      json: { error: "method-not-allowed" },
    });

    // Nothing was done: no message was written in the chat (the emulator records a user's message as it
    // is sent), the clock did not move, nobody was bound.
    expect((await chat(secretary.key)).messages.length).toBe(messagesBefore);
    expect(rt().emulator.conversation(unbound.chatId)).toEqual([]);
    // The sandbox clock is real time plus an offset: it runs on by itself, but the refused moves (24 h, the
    // next digest hours away) did not happen.
    const clockAfter = (await raw("GET", "/api/clock", { host: own().host })).json.now as string;
    expect(Date.parse(clockAfter) - Date.parse(clockBefore as string)).toBeLessThan(3600_000);
    expect((await featured()).find((p) => p.key === unbound.key)!.bound).toBe(false);
    expect(
      await rt().app.database.prisma.person.count({ where: { id: unbound.personId!, telegramUserId: { not: null } } }),
    ).toBe(0);
  });

  it("when another site reads the API (rebound Host, cross-site fetch), then it is refused; a link to the page itself still opens it", async () => {
    expect(await raw("GET", "/api/personas", { host: `evil.example:${port}` })).toEqual({
      status: 403,
      json: { error: "bad-host" },
    });
    expect(await raw("GET", "/api/state", { host: own().host, origin: "http://evil.example" })).toEqual({
      status: 403,
      json: { error: "bad-origin" },
    });
    expect(await raw("GET", "/api/personas", { host: own().host, "sec-fetch-site": "cross-site" })).toEqual({
      status: 403,
      json: { error: "cross-site" },
    });
    expect(await raw("GET", "/api/personas", { host: own().host, "sec-fetch-site": "same-site" })).toEqual({
      status: 403,
      json: { error: "cross-site" },
    });
    expect(await raw("GET", "/", { host: `evil.example:${port}` })).toEqual({
      status: 403,
      json: { error: "bad-host" },
    });
    // A link from another site to the page (a top-level navigation) is fine: the page is static.
    const page = await fetch(`${sandbox.url}/`, { headers: { "sec-fetch-site": "cross-site" } });
    expect(page.status).toBe(200);
    expect(page.headers.get("x-frame-options")).toBe("DENY");
    expect(await page.text()).toContain('data-testid="sandbox-banner"');
  });

  it("when the page itself writes (127.0.0.1 or localhost, Origin its own or absent, JSON), then the persona speaks and the bot answers", async () => {
    const secretary = (await featured()).find(
      (p) => p.kind === "person" && p.bound && p.roles.some((r) => r.role === "secretary" && r.level === "cell"),
    )!;
    const before = (await chat(secretary.key)).messages.filter((m) => m.fromBot).length;
    const written = (await chat(secretary.key)).messages.filter((m) => !m.fromBot).length;
    const clockBefore = (await raw("GET", "/api/clock", { host: own().host })).json.now as string;
    const byLocalhost = {
      host: `localhost:${port}`,
      origin: `http://localhost:${port}`,
      "sec-fetch-site": "same-origin",
      "content-type": "application/json; charset=utf-8",
    };
    expect(
      await raw("POST", `/api/personas/${secretary.key}/send`, byLocalhost, JSON.stringify({ text: "/start" })),
    ).toEqual({ status: 200, json: { ok: true } });
    await rt().emulator.waitForBotMessages(secretary.chatId, before + 1);
    expect((await chat(secretary.key)).messages.filter((m) => !m.fromBot).length).toBe(written + 1);
    // fetch as the page does it (Node's fetch sends no Origin on a same-origin-like call; Host is 127.0.0.1:port).
    const clock = await fetch(`${sandbox.url}/api/clock/advance`, {
      method: "POST",
      headers: json,
      body: JSON.stringify({ hours: 1 }),
    });
    expect(clock.status).toBe(200);
    expect(((await clock.json()) as { now: string }).now > clockBefore).toBe(true);
  });
});

describe("the same-origin rule", () => {
  const own = { hostNames: ownHostNames("127.0.0.1"), port: 3000 };
  const post = { method: "POST", path: "/api/clock/tick" };

  it("when the server listens on port 80, then Host and Origin without the port are its own", () => {
    const on80 = { ...own, port: 80 };
    expect(
      checkSameOrigin(
        { host: "localhost", origin: "http://localhost", "content-type": "application/json" },
        post,
        on80,
      ),
    ).toBeNull();
    expect(checkSameOrigin({ host: "localhost:80", "content-type": "application/json" }, post, on80)).toBeNull();
    expect(
      checkSameOrigin(
        { host: "localhost", origin: "http://localhost:8080", "content-type": "application/json" },
        post,
        on80,
      ),
    ).toEqual({ status: 403, error: "bad-origin" });
  });

  it("when it listens on every interface, then the machine's own addresses are its names, never a domain name", () => {
    const everywhere = ownHostNames("0.0.0.0");
    const addresses = Object.values(networkInterfaces()).flatMap((list) =>
      (list ?? []).filter((a) => a.family === "IPv4").map((a) => a.address),
    );
    expect([...everywhere]).toEqual(expect.arrayContaining(["127.0.0.1", "localhost", ...addresses]));
    expect(everywhere.has("evil.example")).toBe(false);
    expect(ownHostNames("::1").has("[::1]")).toBe(true);
  });

  it("when the Host is malformed or carries a user part, then it is refused", () => {
    for (const host of ["127.0.0.1:3000@evil.example", "127.0.0.1:3000/x", "127.0.0.1 :3000", "127.0.0.1:03000x", ""]) {
      expect(checkSameOrigin({ host, "content-type": "application/json" }, post, own), host).toEqual({
        status: 403,
        error: "bad-host",
      });
    }
    expect(
      checkSameOrigin(
        { host: "LOCALHOST:3000", origin: "http://localhost:3000", "content-type": "Application/JSON" },
        post,
        own,
      ),
    ).toBeNull();
  });
});
