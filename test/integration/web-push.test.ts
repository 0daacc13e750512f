// Web-only operation with Web Push (issue 13): the product without Telegram. People sign in with links the
// office prints, allow notifications (a subscription made by the test with its own P-256 key, as a
// browser's), and the scheduler's reminders and digests reach a push endpoint served by the test: signed
// with the server's VAPID key, encrypted for that browser only (decrypted here), once per day, never in
// quiet hours, never for a unit that is done, each opening the page it is about. A push service's 410
// drops the browser.
import { createECDH, createPublicKey, randomBytes, verify, type ECDH } from "node:crypto";
import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import ece from "http_ece";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createWebOnlyApp, type WebOnlyApp } from "../../src/app.js";
import { fixedClock } from "../../src/clock.js";
import { createLogger } from "../../src/logger.js";
import { cli } from "../support/cli.js";
import { startMain, waitForOutput } from "../support/main-process.js";
import { importDemoDistrict, recordDemoProgress } from "../support/demo-district.js";
import { testConfig } from "../support/test-config.js";
import { createTestDatabase, databaseFingerprint, type TestDatabase } from "../support/test-database.js";

// 17:00 on Thursday 19/03/2020 in Hà Nội: browsers allowed then are reminded the next morning.
const clock = fixedClock("2020-03-19T10:00:00Z");
const localAt = (date: string, time: string) => new Date(`${date}T${time}:00+07:00`);

interface ReceivedPush {
  browser: string;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

/** A push service for the test's browsers: records what arrives, answers each browser as told. */
function startPushService(): Promise<{
  server: Server;
  origin: string;
  received: ReceivedPush[];
  answer: Map<string, number>;
}> {
  const received: ReceivedPush[] = [];
  const answer = new Map<string, number>();
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      const browser = (request.url ?? "").replace("/push/", "");
      received.push({ browser, headers: request.headers, body: Buffer.concat(chunks) });
      response.writeHead(answer.get(browser) ?? 201).end();
    });
  });
  return new Promise((resolve) =>
    server.listen(0, "127.0.0.1", () => {
      const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      resolve({
        server,
        origin,
        received,
        answer,
      });
    }),
  );
}

/** A browser's push keys: what PushSubscription.toJSON() would hold. */
function browserKeys(): { ecdh: ECDH; p256dh: string; auth: string } {
  const ecdh = createECDH("prime256v1");
  ecdh.generateKeys();
  return { ecdh, p256dh: ecdh.getPublicKey().toString("base64url"), auth: randomBytes(16).toString("base64url") };
}

describe("web-only operation with Web Push", () => {
  let db: TestDatabase;
  let app: WebOnlyApp;
  let push: Awaited<ReturnType<typeof startPushService>>;
  let base: string;
  const browsers = new Map<string, ReturnType<typeof browserKeys>>();

  function post(path: string, fields: Record<string, string>, cookie?: string) {
    return fetch(`${base}${path}`, {
      method: "POST",
      redirect: "manual",
      headers: { origin: base, "content-type": "application/x-www-form-urlencoded", ...(cookie && { cookie }) },
      body: new URLSearchParams(fields).toString(),
    });
  }

  /** Signs in with the link `web link --phone` prints (there is no bot), and returns the cookie and form token. */
  async function signIn(phone: string): Promise<{ cookie: string; csrf: string }> {
    const printed = await cli(
      db.database,
      ["web", "link", "--phone", phone],
      { WEB_PORT: String(app.web!.port) },
      clock,
    );
    expect(printed.code, printed.err.join("\n")).toBe(0);
    const token = /name="token" value="([^"]+)"/.exec(await (await fetch(printed.out[1]!)).text())?.[1] ?? "";
    const signedIn = await post("/dang-nhap", { token });
    expect(signedIn.status).toBe(303);
    const cookie = (signedIn.headers.get("set-cookie") ?? "").split(";")[0]!;
    const page = await (await fetch(`${base}/thong-bao`, { headers: { cookie } })).text();
    return { cookie, csrf: /data-csrf="([^"]+)"/.exec(page)?.[1] ?? "" };
  }

  /** Allows notifications as the page's script does, for a browser the test names. */
  async function allow(phone: string, browser: string): Promise<Response> {
    const { cookie, csrf } = await signIn(phone);
    const keys = browserKeys();
    browsers.set(browser, keys);
    return post(
      "/thong-bao/dang-ky",
      { _csrf: csrf, endpoint: `${push.origin}/push/${browser}`, p256dh: keys.p256dh, auth: keys.auth },
      cookie,
    );
  }

  /**
   * One scheduler tick at a local time, then the outbox's push rows delivered: each send awaits the push
   * service's answer, which comes after the test's server recorded the request.
   */
  async function tickAt(date: string, time: string): Promise<void> {
    clock.set(localAt(date, time));
    await app.scheduler.tick();
    while ((await app.pushSender.drainOnce()).claimed > 0) clock.advance(1000);
  }

  /** The notification as the browser reads it: the VAPID signature checked, the body decrypted with its key. */
  async function opened(received: ReceivedPush): Promise<{ title: string; body: string; url: string }> {
    expect(received.headers["content-encoding"]).toBe("aes128gcm");
    expect(Number(received.headers.ttl)).toBeGreaterThan(0);
    const authorization = /^vapid t=([^,]+), k=(.+)$/.exec(String(received.headers.authorization));
    expect(authorization).not.toBeNull();
    const [jwt, serverKey] = [authorization![1]!, authorization![2]!];
    const stored = await db.database.prisma.webPushKey.findUniqueOrThrow({ where: { id: 1 } });
    expect(serverKey).toBe(stored.publicKey);
    const [header, claims, signature] = jwt.split(".") as [string, string, string];
    const point = Buffer.from(serverKey, "base64url");
    const key = createPublicKey({
      key: {
        kty: "EC",
        crv: "P-256",
        x: point.subarray(1, 33).toString("base64url"),
        y: point.subarray(33).toString("base64url"),
      },
      format: "jwk",
    });
    expect(
      verify(
        "sha256",
        Buffer.from(`${header}.${claims}`),
        { key, dsaEncoding: "ieee-p1363" },
        Buffer.from(signature, "base64url"),
      ),
    ).toBe(true);
    expect(JSON.parse(Buffer.from(claims, "base64url").toString())).toMatchObject({ aud: push.origin });
    const keys = browsers.get(received.browser)!;
    const plain = ece.decrypt(received.body, {
      version: "aes128gcm",
      privateKey: keys.ecdh,
      authSecret: keys.auth,
    });
    return JSON.parse(plain.toString("utf8"));
  }

  beforeAll(async () => {
    db = await createTestDatabase();
    await importDemoDistrict(db.database);
    await recordDemoProgress(db.database, new Date("2020-03-10T03:00:00Z"));
    push = await startPushService();
    const config = testConfig({
      TELEGRAM_BOT_TOKEN: "",
      WEB_PORT: "0",
      WEB_HOST: "127.0.0.1",
      WEB_PUSH_ENDPOINTS: push.origin,
    });
    app = await createWebOnlyApp({
      config,
      logger: createLogger({ level: process.env.TEST_LOG_LEVEL ?? "silent" }),
      database: db.database,
      clock,
      scheduler: false,
    });
    await app.start();
    base = `http://127.0.0.1:${app.web!.port}`;
  });
  afterAll(async () => {
    await app?.stop();
    push?.server.close();
    await db?.drop();
  });

  it("when a secretary allows notifications, then the morning reminder reaches their browser once, signed and encrypted, and opens their report form", async () => {
    // Trần Mạnh Trung, secretary of P-GIATHUY-19 (nothing reported).
    expect((await allow("+84341933009", "trung")).status).toBe(204);
    const page = await (
      await fetch(`${base}/thong-bao`, { headers: { cookie: (await signIn("+84341933009")).cookie } })
    ).text();
    expect(page).toContain("Đã bật thông báo ở 1 trình duyệt.");

    await tickAt("2020-03-20", "08:30");
    expect(push.received.map((entry) => entry.browser)).toEqual(["trung"]);
    const notification = await opened(push.received[0]!);
    expect(notification.title).toBe("Nhắc việc đại hội");
    expect(notification.body).toContain("Kính gửi đồng chí Trần Mạnh Trung, Bí thư Chi bộ Tổ dân phố số 19");
    expect(notification.body).toContain("Bấm vào thông báo để báo cáo.");
    expect(notification.url).toBe("/don-vi/P-GIATHUY-19/bao-cao");
    const person = await db.database.prisma.person.findFirstOrThrow({ where: { phone: "+84341933009" } });
    expect(
      await db.database.prisma.outboxMessage.findUniqueOrThrow({
        where: { dedupeKey: `remind:push-${person.id}:2020-03-20` },
      }),
    ).toMatchObject({ channel: "webpush", status: "sent", kind: "reminder" });

    // A later tick the same day, a restart's catch-up: nothing more.
    await tickAt("2020-03-20", "09:30");
    expect(push.received).toHaveLength(1);
  });

  it("when the unit is done, in quiet hours and on the next working day, then only the unit that is not done is reminded", async () => {
    // The secretary reports the congress held through the web form.
    const { cookie, csrf } = await signIn("+84341933009");
    const card = await (
      await post(
        "/don-vi/P-GIATHUY-19/bao-cao",
        { moc: "held", date: "20/03/2020", committeePlanned: "5", committeeElected: "5", _csrf: csrf },
        cookie,
      )
    ).text();
    const key = /name="key" value="([^"]+)"/.exec(card)?.[1] ?? "";
    const confirmed = await post(
      "/don-vi/P-GIATHUY-19/bao-cao",
      {
        moc: "held",
        date: "20/03/2020",
        committeePlanned: "5",
        committeeElected: "5",
        key,
        _csrf: csrf,
        action: "confirm",
      },
      cookie,
    );
    expect(confirmed.status).toBe(200);
    // Nguyễn Văn Kiên, secretary of P-GIATHUY-20 (nothing reported), allows notifications at night.
    clock.set(localAt("2020-03-20", "22:10"));
    expect((await allow("0881 229 575", "kien")).status).toBe(204);
    await tickAt("2020-03-20", "22:30");
    expect(push.received).toHaveLength(1);

    await tickAt("2020-03-23", "08:30");
    expect(push.received.map((entry) => entry.browser)).toEqual(["trung", "kien"]);
    expect((await opened(push.received[1]!)).url).toBe("/don-vi/P-GIATHUY-20/bao-cao");
  });

  it("when a standing committee member allows notifications, then the 17:00 digest reaches them and opens the overview; a browser that unsubscribed is dropped", async () => {
    // Nguyễn Thanh An, standing committee (and office) of LB.
    expect((await allow("0825 014 551", "an")).status).toBe(204);
    const toAn = () => push.received.filter((entry) => entry.browser === "an");
    await tickAt("2020-03-23", "17:00");
    expect(toAn()).toHaveLength(1);
    const digest = await opened(toAn()[0]!);
    expect(digest.title).toContain("Đảng bộ quận Long Biên");
    expect(digest.body).toMatch(/\d+\/\d+ \(\d+,\d%\)/);
    expect(digest.url).toBe("/don-vi/LB");

    // The next day his push service answers 410 Gone: the browser is dropped and the digest fails visibly.
    push.answer.set("an", 410);
    await tickAt("2020-03-24", "17:00");
    expect(toAn()).toHaveLength(2);
    const person = await db.database.prisma.person.findFirstOrThrow({ where: { phone: "+84825014551" } });
    expect(await db.database.prisma.webPushSubscription.count({ where: { personId: person.id } })).toBe(0);
    expect(
      await db.database.prisma.outboxMessage.findUniqueOrThrow({
        where: {
          dedupeKey: `digest:push-${person.id}:2020-03-24:${(await db.database.prisma.unit.findFirstOrThrow({ where: { code: "LB" } })).id}`,
        },
      }),
    ).toMatchObject({ status: "failed", lastError: "web push: no browser" });
  });

  it("when a subscription is not a browser's push service or is malformed, then it is refused and nothing is stored", async () => {
    const { cookie, csrf } = await signIn("+84341933009");
    const keys = browserKeys();
    const before = await databaseFingerprint(db.database);
    for (const endpoint of ["http://10.0.0.1/push", "https://evil.example/push", "not a url"]) {
      const refused = await post(
        "/thong-bao/dang-ky",
        { _csrf: csrf, endpoint, p256dh: keys.p256dh, auth: keys.auth },
        cookie,
      );
      expect(refused.status, endpoint).toBe(400);
    }
    expect(
      (
        await post(
          "/thong-bao/dang-ky",
          { _csrf: csrf, endpoint: `${push.origin}/push/x`, p256dh: "short", auth: keys.auth },
          cookie,
        )
      ).status,
    ).toBe(400);
    expect(
      (
        await post(
          "/thong-bao/dang-ky",
          { endpoint: `${push.origin}/push/x`, p256dh: keys.p256dh, auth: keys.auth },
          cookie,
        )
      ).status,
    ).toBe(403);
    expect(await databaseFingerprint(db.database)).toEqual(before);
  });

  it("when notifications are turned off, then no browser of the person is left, and only this page runs a script", async () => {
    const { cookie, csrf } = await signIn("+84341933009");
    const page = await fetch(`${base}/thong-bao`, { headers: { cookie } });
    expect(page.headers.get("content-security-policy")).toContain("script-src 'self'");
    const stored = await db.database.prisma.webPushKey.findUniqueOrThrow({ where: { id: 1 } });
    expect(await page.text()).toContain(`data-key="${stored.publicKey}"`);
    const home = await fetch(`${base}/`, { headers: { cookie } });
    expect(home.headers.get("content-security-policy")).toContain("script-src 'none'");
    const worker = await fetch(`${base}/sw.js`);
    expect(worker.status).toBe(200);
    expect(worker.headers.get("content-type")).toContain("javascript");

    const off = await post("/thong-bao/tat", { _csrf: csrf }, cookie);
    expect(off.status).toBe(303);
    expect(await (await fetch(`${base}${off.headers.get("location")}`, { headers: { cookie } })).text()).toContain(
      "Đã tắt thông báo ở 1 trình duyệt.",
    );
    const person = await db.database.prisma.person.findFirstOrThrow({ where: { phone: "+84341933009" } });
    expect(await db.database.prisma.webPushSubscription.count({ where: { personId: person.id } })).toBe(0);
  });
});

describe("`npm start` with WEB_PORT and no token", () => {
  it("when started, then it runs the product for the web alone, not the sandbox, and stops cleanly", async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), "web-only-"));
    try {
      const main = startMain({ DATA_DIR: dataDir, WEB_PORT: "0", WEB_HOST: "127.0.0.1" });
      await waitForOutput(main, "web-only app started (no Telegram)");
      const port = /"port":(\d+)[^\n]*web app listening/.exec(main.output())?.[1];
      expect(port, main.output()).toBeDefined();
      const page = await fetch(`http://127.0.0.1:${port}/`);
      expect(page.status).toBe(401);
      expect(await page.text()).toContain("Cần đăng nhập");
      expect(main.output()).not.toMatch(/sandbox/i);
      main.child.kill("SIGTERM");
      expect(await main.exited).toBe(0);
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
