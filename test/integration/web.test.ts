// The web app (issue 13): sign-in by a one-time link the bot sends on /web (or the command line prints),
// sessions, CSRF, and the one scope rule, over real HTTP against the app's own server, on the demo
// district. The overview reads the digest's model: its figures are checked against the command line's
// `status` and the digest's text.
import type { User } from "grammy/types";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fixedClock } from "../../src/clock.js";
import { createI18n, translatorFor } from "../../src/i18n.js";
import { digestMessages } from "../../src/usecases/daily-digest.js";
import { startBotHarness, type BotHarness } from "../support/bot-harness.js";
import { cli } from "../support/cli.js";
import { importDemoDistrict, recordDemoProgress } from "../support/demo-district.js";
import { bindTelegramUser } from "../support/roster.js";
import { docxParagraphs } from "../support/docx.js";
import { readWorkbook, sheetRecords } from "../support/workbook.js";
import { testConfig } from "../support/test-config.js";
import { createTestDatabase, databaseFingerprint, type TestDatabase } from "../support/test-database.js";

// 10:00 on 20/03/2020 in Hà Nội.
const clock = fixedClock("2020-03-20T03:00:00Z");
const webEnv = { WEB_PORT: "0", WEB_HOST: "127.0.0.1" };

describe("web app", () => {
  let db: TestDatabase;
  let harness: BotHarness;
  let base: string;
  let standing: User;
  let secretary: User;

  /** The link the bot sends on /web. */
  async function linkFromBot(user: User): Promise<string> {
    const reply = (await harness.say(user, "/web")).text ?? "";
    const link = /http:\/\/127\.0\.0\.1:\d+\/dang-nhap\/[A-Za-z0-9_-]{43}/.exec(reply)?.[0];
    expect(link, reply).toBeDefined();
    return link!;
  }

  /** Signs in with a link as a browser would: opens it, then presses the button (a POST from the same site). */
  async function signIn(link: string): Promise<Response> {
    const page = await fetch(link);
    expect(page.status).toBe(200);
    const token = /name="token" value="([^"]+)"/.exec(await page.text())?.[1];
    return post("/dang-nhap", { token: token ?? "" });
  }

  function post(path: string, fields: Record<string, string>, headers: Record<string, string> = {}) {
    return fetch(`${base}${path}`, {
      method: "POST",
      redirect: "manual",
      headers: { origin: base, "content-type": "application/x-www-form-urlencoded", ...headers },
      body: new URLSearchParams(fields).toString(),
    });
  }

  function cookieOf(response: Response): string {
    const cookie = response.headers.get("set-cookie") ?? "";
    expect(cookie).toMatch(/^dh_session=[A-Za-z0-9_-]{43};/);
    return cookie.split(";")[0]!;
  }

  const get = (path: string, cookie?: string) =>
    fetch(`${base}${path}`, { redirect: "manual", ...(cookie && { headers: { cookie } }) });

  beforeAll(async () => {
    db = await createTestDatabase();
    await importDemoDistrict(db.database);
    await recordDemoProgress(db.database, new Date("2020-03-10T03:00:00Z"));
    standing = await bindTelegramUser(db.database, "+84862409218"); // Trần Minh Hằng, standing committee of LB
    secretary = await bindTelegramUser(db.database, "+84846131004"); // Đoàn Văn Tiến, secretary of P-GIATHUY-01
    harness = await startBotHarness(db.database, { clock, env: webEnv });
    base = `http://127.0.0.1:${harness.app.web!.port}`;
  });
  afterAll(async () => {
    await harness?.stop();
    await db?.drop();
  });

  it("when no one is signed in, then no page answers but the sign-in pages", async () => {
    for (const path of [
      "/",
      "/don-vi/LB",
      "/don-vi/P-GIATHUY-01",
      "/don-vi/LB/bieu-do.png",
      "/don-vi/LB/xuat.xlsx",
      "/don-vi/LB/bao-cao.docx",
      "/don-vi/P-GIATHUY-01/bao-cao",
      "/lien-ket-dang-nhap",
      "/thong-bao",
    ]) {
      const response = await get(path);
      expect(response.status, path).toBe(401);
      expect(await response.text(), path).toContain("Cần đăng nhập");
    }
    // Nor does any form: the report form, sign-in links, notifications.
    for (const path of [
      "/don-vi/P-GIATHUY-01/bao-cao",
      "/lien-ket-dang-nhap",
      "/thong-bao/dang-ky",
      "/thong-bao/tat",
    ]) {
      expect((await post(path, { moc: "held" })).status, path).toBe(401);
    }
    // A made-up session id is no session.
    expect((await get("/", `dh_session=${"a".repeat(43)}`)).status).toBe(401);
  });

  it("when the standing committee's member signs in with the link the bot sent, then the overview shows the digest's figures", async () => {
    const link = await linkFromBot(standing);
    // Opening the link (a preview does the same) does not use it up.
    expect((await fetch(link)).status).toBe(200);
    const signedIn = await signIn(link);
    expect(signedIn.status).toBe(303);
    expect(signedIn.headers.get("location")).toBe("/");
    const setCookie = signedIn.headers.get("set-cookie") ?? "";
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=Strict/i);
    const cookie = cookieOf(signedIn);

    const page = await get("/", cookie);
    expect(page.status).toBe(200);
    expect(page.headers.get("content-security-policy")).toContain("script-src 'none'");
    const html = await page.text();
    expect(html).toContain("Đảng bộ quận Long Biên (LB)");
    expect(html).toContain("Trần Minh Hằng");

    // The level table says what `status` says.
    const status = await cli(db.database, ["status"], {}, clock);
    const lines = status.out.flatMap((line) => {
      const match = /^\s*([^:]+): (\d+)\/(\d+) đã tổ chức đại hội/.exec(line);
      return match ? [{ label: match[1]!.trim(), held: match[2], total: match[3] }] : [];
    });
    expect(lines.length).toBeGreaterThanOrEqual(4);
    for (const { label, held, total } of lines) {
      expect(html, label).toMatch(new RegExp(`${label}</th>\\s*<td class="num">${held}/${total}</td>`));
    }
    // And the digest's text is the digest's, read at the same moment.
    const t = translatorFor(createI18n({ defaultLocale: "vi" }), "vi");
    const lb = await db.database.prisma.unit.findFirstOrThrow({ where: { code: "LB" } });
    const digest = (
      await digestMessages({ prisma: db.database.prisma, config: testConfig(), translate: t }, lb.id, {
        date: "2020-03-20",
        at: clock.now(),
      })
    ).join("\n");
    const shown = /<p class="digest">([\s\S]*?)<\/p>/.exec(html)?.[1] ?? "";
    const unescapeHtml = (text: string) =>
      text
        .replaceAll("&quot;", '"')
        .replaceAll("&#39;", "'")
        .replaceAll("&lt;", "<")
        .replaceAll("&gt;", ">")
        .replaceAll("&amp;", "&");
    expect(unescapeHtml(shown).split("\n").slice(2)).toEqual(digest.split("\n").slice(2));

    // The drill-down: a filter and a search without diacritics.
    const laggards = await (await get("/don-vi/LB?loc=notHeld&q=gia%20thuy&sx=name", cookie)).text();
    expect(laggards).toContain("Đảng bộ phường Gia Thụy");
    expect(laggards).not.toContain(">Đảng bộ phường Bồ Đề<");
    // The export: the same workbook as /xuat, linked from the overview.
    expect(html).toContain('href="/don-vi/LB/xuat.xlsx"');
    const download = await get("/don-vi/LB/xuat.xlsx", cookie);
    expect(download.status).toBe(200);
    expect(download.headers.get("content-disposition")).toMatch(
      /^attachment; filename="tien-do-dai-hoi-LB-20200320\.xlsx"/,
    );
    const workbook = await readWorkbook(Buffer.from(await download.arrayBuffer()));
    const statistics = sheetRecords(workbook.getWorksheet("Thống kê theo cấp")!);
    const cells = statistics.find((record) => record.Cấp === "Chi bộ");
    const cellLine = lines.find((line) => line.label === "Chi bộ trực thuộc")!;
    expect([String(cells?.["Đã đại hội"]), String(cells?.["Số đơn vị"])]).toEqual([cellLine.held, cellLine.total]);
    // Beside it, the Word report of the same figures.
    expect(html).toContain('href="/don-vi/LB/bao-cao.docx"');
    const report = await get("/don-vi/LB/bao-cao.docx", cookie);
    expect(report.status).toBe(200);
    expect(report.headers.get("content-disposition")).toMatch(
      /^attachment; filename="bao-cao-tien-do-dai-hoi-LB-20200320\.docx"/,
    );
    const paragraphs = docxParagraphs(Buffer.from(await report.arrayBuffer()));
    expect(
      paragraphs.some((text) =>
        text.startsWith(`Đến ngày 20/03/2020, đã có ${cellLine.held}/${cellLine.total} chi bộ`),
      ),
    ).toBe(true);
    // A congress officially postponed (/hoan in the bot) shows under the "paused" filter, and only it.
    expect((await harness.say(standing, "/hoan P-GIATHUY-05 Hoãn theo chỉ đạo của Quận ủy")).text).toMatch(
      /^Đã tạm dừng/,
    );
    const paused = await (await get("/don-vi/LB?loc=paused", cookie)).text();
    expect(paused).toContain("1/49 đơn vị");
    expect(paused).toContain(">Đảng bộ phường Gia Thụy<");
    expect(
      (await (await get("/don-vi/P-GIATHUY?loc=paused", cookie)).text()).match(
        /<tr>\s*<th scope="row"><a href="\/don-vi\/[^"]+"/g,
      ),
    ).toHaveLength(1);
    const chart = await get("/don-vi/LB/bieu-do.png", cookie);
    expect(chart.status).toBe(200);
    expect(chart.headers.get("content-type")).toBe("image/png");

    // The link worked once.
    const again = await signIn(link);
    expect(again.status).toBe(410);
    expect(await again.text()).toContain("đã được dùng");
  });

  it("when the web app is on, then /trogiup offers /web to people on the roster", async () => {
    const help = (await harness.say(secretary, "/trogiup")).text ?? "";
    expect(help).toContain("/web — gửi đường link đăng nhập trang web của Trợ lý");
  });

  it("when a link is older than 15 minutes, then it signs no one in and says when it expired", async () => {
    const link = await linkFromBot(standing);
    clock.advance(16 * 60_000);
    try {
      const late = await signIn(link);
      expect(late.status).toBe(410);
      expect(await late.text()).toContain("Đường link đã hết hạn lúc 10:15 ngày 20/03/2020");
      expect(late.headers.get("set-cookie")).toBeNull();
    } finally {
      clock.set("2020-03-20T03:00:00Z");
    }
  });

  it("when a session is left unused for more than 7 days, then it has ended", async () => {
    const cookie = cookieOf(await signIn(await linkFromBot(standing)));
    try {
      clock.advance(6 * 24 * 3600_000);
      expect((await get("/", cookie)).status).toBe(200); // used on day 6: a week from now again
      clock.advance(6 * 24 * 3600_000);
      expect((await get("/", cookie)).status).toBe(200);
      clock.advance(7 * 24 * 3600_000 + 60_000);
      expect((await get("/", cookie)).status).toBe(401);
    } finally {
      clock.set("2020-03-20T03:00:00Z");
    }
  });

  it("when a form comes without the session's token or from another site, then it is refused and nothing changes", async () => {
    const cookie = cookieOf(await signIn(await linkFromBot(standing)));
    const before = await databaseFingerprint(db.database);
    expect((await post("/dang-xuat", {}, { cookie })).status).toBe(403);
    expect((await post("/dang-xuat", { _csrf: "x".repeat(43) }, { cookie })).status).toBe(403);
    const page = await (await get("/", cookie)).text();
    const csrf = /name="_csrf" value="([^"]+)"/.exec(page)?.[1] ?? "";
    expect(csrf).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect((await post("/dang-xuat", { _csrf: csrf }, { cookie, origin: "https://evil.example" })).status).toBe(403);
    // A sign-in posted from another site is refused before the token is looked at.
    expect((await post("/dang-nhap", { token: "y".repeat(43) }, { origin: "https://evil.example" })).status).toBe(403);
    expect(await databaseFingerprint(db.database)).toEqual(before);
    expect((await get("/", cookie)).status).toBe(200);

    const out = await post("/dang-xuat", { _csrf: csrf }, { cookie });
    expect(out.status).toBe(303);
    expect(out.headers.get("location")).toBe("/da-dang-xuat");
    expect((await get("/", cookie)).status).toBe(401);
  });

  it("when a cell's secretary signs in, then they see their unit and nothing outside it", async () => {
    const cookie = cookieOf(await signIn(await linkFromBot(secretary)));
    const home = await get("/", cookie);
    expect(home.status).toBe(200);
    const html = await home.text();
    expect(html).toContain("Chi bộ Tổ dân phố số 1 (P-GIATHUY-01)");
    expect(html).toContain("Các mốc đại hội");
    for (const path of [
      "/don-vi/LB",
      "/don-vi/P-GIATHUY",
      "/don-vi/P-BODE-05",
      "/don-vi/LB/bieu-do.png",
      "/don-vi/NOPE",
      // A cell's secretary exports nothing, not even their own unit (as /xuat).
      "/don-vi/LB/xuat.xlsx",
      "/don-vi/LB/bao-cao.docx",
      "/don-vi/P-GIATHUY-01/xuat.xlsx",
    ]) {
      expect((await get(path, cookie)).status, path).toBe(404);
    }
    expect((await get("/don-vi/p-giathuy-01", cookie)).status).toBe(200);
  });

  it("when the office prints a link with `web link --phone`, then it signs that person in once", async () => {
    const port = String(harness.app.web!.port);
    const printed = await cli(db.database, ["web", "link", "--phone", "0862 409 218"], { WEB_PORT: port }, clock);
    expect(printed.code, printed.err.join("\n")).toBe(0);
    expect(printed.out[0]).toBe(
      "Đường link đăng nhập của đồng chí Trần Minh Hằng (dùng một lần, hết hạn lúc 10:00 ngày 21/03/2020); gửi riêng cho đồng chí ấy:",
    );
    expect((await signIn(printed.out[1]!)).status).toBe(303);
    expect(await cli(db.database, ["web", "link", "--phone", "0900000000"], { WEB_PORT: port }, clock)).toEqual({
      code: 1,
      out: [],
      err: ["Lỗi: không có ai trong danh sách có số điện thoại 0900000000"],
    });
    expect((await cli(db.database, ["web", "link", "--phone", "0862409218"], {}, clock)).code).toBe(1);
  });

  it("when an admin makes a sign-in link on the page for someone without Telegram, then it signs that person in once; others cannot make one", async () => {
    const admin = await bindTelegramUser(db.database, "+84825014551"); // Nguyễn Thanh An, admin of LB
    const cookie = cookieOf(await signIn(await linkFromBot(admin)));
    const home = await (await get("/", cookie)).text();
    expect(home).toContain('href="/lien-ket-dang-nhap"');
    const page = await (await get("/lien-ket-dang-nhap", cookie)).text();
    const csrf = /name="_csrf" value="([^"]+)"/.exec(page)?.[1] ?? "";

    const before = await databaseFingerprint(db.database);
    const badPhone = await post("/lien-ket-dang-nhap", { _csrf: csrf, phone: "12345" }, { cookie });
    expect(badPhone.status).toBe(400);
    expect(await badPhone.text()).toContain(
      "&quot;12345&quot; không phải số điện thoại Việt Nam. Nhập như 0912 345 678",
    );
    const unknown = await post("/lien-ket-dang-nhap", { _csrf: csrf, phone: "0900 000 000" }, { cookie });
    expect(unknown.status).toBe(400);
    expect(await unknown.text()).toContain(
      "Không có ai có số điện thoại 0900 000 000 trong các đơn vị đồng chí quản lý.",
    );
    expect(await databaseFingerprint(db.database)).toEqual(before);

    // Nghiêm Kim Hạnh, secretary of P-GIATHUY-02, has no Telegram account on the roster.
    const made = await post("/lien-ket-dang-nhap", { _csrf: csrf, phone: "0858 224 530" }, { cookie });
    expect(made.status).toBe(200);
    const madeHtml = await made.text();
    expect(madeHtml).toContain(
      "Đường link đăng nhập của đồng chí Nghiêm Kim Hạnh (dùng một lần, hết hạn lúc 10:00 ngày 21/03/2020)",
    );
    const link = /value="(http:\/\/127\.0\.0\.1:\d+\/dang-nhap\/[A-Za-z0-9_-]{43})"/.exec(madeHtml)?.[1];
    expect(link).toBeDefined();
    const signedIn = await signIn(link!);
    expect(signedIn.status).toBe(303);
    const theirs = await (await get("/", cookieOf(signedIn))).text();
    expect(theirs).toContain("Chi bộ Tổ dân phố số 2 (P-GIATHUY-02)");
    expect(theirs).not.toContain('href="/lien-ket-dang-nhap"');
    expect((await signIn(link!)).status).toBe(410);

    // A secretary cannot make links, by the page or by a forged form.
    const secretaryCookie = cookieOf(await signIn(await linkFromBot(secretary)));
    expect((await get("/lien-ket-dang-nhap", secretaryCookie)).status).toBe(403);
    const secretaryCsrf =
      /name="_csrf" value="([^"]+)"/.exec(await (await get("/", secretaryCookie)).text())?.[1] ?? "";
    const beforeForged = await databaseFingerprint(db.database);
    const forged = await post(
      "/lien-ket-dang-nhap",
      { _csrf: secretaryCsrf, phone: "0858224530" },
      { cookie: secretaryCookie },
    );
    expect(forged.status).toBe(403);
    expect(await databaseFingerprint(db.database)).toEqual(beforeForged);
  });
});
