// The web's report form (issue 13): a secretary reports a congress held without Telegram, through the same
// use case as /baocao: the same rules refuse the same drafts with the same words, bad input changes nothing,
// a confirmation submitted twice stores one report, a correction supersedes, and no one reports for a unit
// outside their scope. Real HTTP against the app's own server, on the demo district.
import type { User } from "grammy/types";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fixedClock } from "../../src/clock.js";
import { startBotHarness, type BotHarness } from "../support/bot-harness.js";
import { cli } from "../support/cli.js";
import { importDemoDistrict, recordDemoProgress } from "../support/demo-district.js";
import { bindTelegramUser } from "../support/roster.js";
import { createTestDatabase, databaseFingerprint, type TestDatabase } from "../support/test-database.js";

// 10:00 on 20/03/2020 in Hà Nội.
const clock = fixedClock("2020-03-20T03:00:00Z");
const webEnv = { WEB_PORT: "0", WEB_HOST: "127.0.0.1" };

describe("web report form", () => {
  let db: TestDatabase;
  let harness: BotHarness;
  let base: string;
  let secretary: User;
  let leader: User;

  async function signedIn(user: User): Promise<{ cookie: string; csrf: string }> {
    const reply = (await harness.say(user, "/web")).text ?? "";
    const link = /http:\/\/127\.0\.0\.1:\d+\/dang-nhap\/[A-Za-z0-9_-]{43}/.exec(reply)?.[0];
    expect(link, reply).toBeDefined();
    const token = /name="token" value="([^"]+)"/.exec(await (await fetch(link!)).text())?.[1] ?? "";
    const response = await post("/dang-nhap", { token });
    expect(response.status).toBe(303);
    const cookie = (response.headers.get("set-cookie") ?? "").split(";")[0]!;
    const csrf = /name="_csrf" value="([^"]+)"/.exec(await (await get("/", cookie)).text())?.[1] ?? "";
    expect(csrf).toMatch(/^[A-Za-z0-9_-]{43}$/);
    return { cookie, csrf };
  }

  function post(path: string, fields: Record<string, string>, cookie?: string) {
    return fetch(`${base}${path}`, {
      method: "POST",
      redirect: "manual",
      headers: {
        origin: base,
        "content-type": "application/x-www-form-urlencoded",
        ...(cookie && { cookie }),
      },
      body: new URLSearchParams(fields).toString(),
    });
  }

  const get = (path: string, cookie?: string) =>
    fetch(`${base}${path}`, { redirect: "manual", ...(cookie && { headers: { cookie } }) });

  /** The page's text without tags, entities undone: what a person reads. */
  function textOf(html: string): string {
    return html
      .replace(/<[^>]+>/g, " ")
      .replaceAll("&quot;", '"')
      .replaceAll("&#39;", "'")
      .replaceAll("&lt;", "<")
      .replaceAll("&gt;", ">")
      .replaceAll("&amp;", "&")
      .replace(/\s+/g, " ");
  }

  /** The hidden fields of the confirmation page's form, to press one of its buttons. */
  function hiddenFields(html: string): Record<string, string> {
    const fields: Record<string, string> = {};
    for (const match of html.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)">/g)) {
      fields[match[1]!] = match[2]!.replaceAll("&quot;", '"').replaceAll("&#39;", "'").replaceAll("&amp;", "&");
    }
    return fields;
  }

  async function reportsOf(code: string) {
    const unit = await db.database.prisma.unit.findFirstOrThrow({ where: { code } });
    return db.database.prisma.report.findMany({ where: { unitId: unit.id }, orderBy: { id: "asc" } });
  }

  const held = {
    moc: "held",
    date: "18/03/2020",
    committeePlanned: "5",
    committeeElected: "5",
    women: "2",
    underThirtyFive: "1",
    agedThirtyFiveToFifty: "3",
    overFifty: "1",
    reElected: "3",
    postgraduate: "",
    graduate: "4",
    theoryAdvanced: "",
    theoryIntermediate: "2",
    secretaryDirect: "yes",
    oneRound: "yes",
    lowestVoteShare: "72,5",
    highestVoteShare: "100",
    delegates: "2",
    delegatesExOfficio: "",
    summoned: "30",
    present: "28",
    note: "",
  };

  beforeAll(async () => {
    db = await createTestDatabase();
    await importDemoDistrict(db.database);
    await recordDemoProgress(db.database, new Date("2020-03-10T03:00:00Z"));
    secretary = await bindTelegramUser(db.database, "+84341933009"); // Trần Mạnh Trung, secretary of P-GIATHUY-19
    leader = await bindTelegramUser(db.database, "+84865390337"); // leader of working group 2 (P-GIATHUY)
    harness = await startBotHarness(db.database, { clock, env: webEnv });
    base = `http://127.0.0.1:${harness.app.web!.port}`;
  });
  afterAll(async () => {
    await harness?.stop();
    await db?.drop();
  });

  it("when a secretary reports a congress held through the form, then it is recorded once, as the bot would, and counted", async () => {
    const { cookie, csrf } = await signedIn(secretary);
    const home = await (await get("/", cookie)).text();
    expect(home).toContain('href="/don-vi/P-GIATHUY-19/bao-cao"');
    const chooser = textOf(await (await get("/don-vi/P-GIATHUY-19/bao-cao", cookie)).text());
    expect(chooser).toContain("Đồng chí báo cáo nội dung nào?");
    const form = await (await get("/don-vi/P-GIATHUY-19/bao-cao?moc=held", cookie)).text();
    expect(form).toContain('name="committeePlanned"');
    // A cell elects no standing committee: the form does not ask it.
    expect(form).not.toContain('name="standingElected"');
    expect(form).not.toContain('name="standingWomen"');
    // Every further figure, in the bot's groups; a share of votes takes a decimal keyboard.
    for (const field of ["agedThirtyFiveToFifty", "theoryIntermediate", "delegatesExOfficio"])
      expect(form).toContain(`name="${field}"`);
    expect(form).toMatch(/id="lowestVoteShare" name="lowestVoteShare" inputmode="decimal"/);

    const before = await reportsOf("P-GIATHUY-19");
    const statusBefore = (await cli(db.database, ["status", "--unit", "P-GIATHUY"], {}, clock)).out.join("\n");
    const card = await post("/don-vi/P-GIATHUY-19/bao-cao", { ...held, _csrf: csrf, action: "check" }, cookie);
    expect(card.status).toBe(200);
    const cardHtml = await card.text();
    expect(textOf(cardHtml)).toContain("Xác nhận báo cáo — Chi bộ Tổ dân phố số 19 (Đảng bộ phường Gia Thụy)");
    expect(textOf(cardHtml)).toContain("Đã tổ chức đại hội: 18/03/2020");
    expect(textOf(cardHtml)).toContain("Chi ủy: bầu 5/5 (đủ), nữ 2 (40,0%), dưới 35 tuổi 1 (20,0%)");
    expect(textOf(cardHtml)).toContain(
      "Cơ cấu: từ 35 đến 50 tuổi 3 (60,0%); trên 50 tuổi 1 (20,0%); cao đẳng, đại học 4 (80,0%); trung cấp lý luận chính trị 2 (40,0%)",
    );
    expect(textOf(cardHtml)).toContain("Tỷ lệ phiếu trúng cử: thấp nhất 72,5%, cao nhất 100%");
    // Reviewing the card records nothing.
    expect(await reportsOf("P-GIATHUY-19")).toEqual(before);

    const confirmation: Record<string, string> = { ...hiddenFields(cardHtml), action: "confirm" };
    expect(confirmation.key).toMatch(/^[A-Za-z0-9_-]{24}$/);
    const saved = await post("/don-vi/P-GIATHUY-19/bao-cao", confirmation, cookie);
    expect(saved.status).toBe(200);
    const savedText = textOf(await saved.text());
    expect(savedText).toContain("Đã lưu báo cáo");
    expect(savedText).toMatch(/Đã tổ chức đại hội/);
    // Pressed twice (a double click, a reload): one report.
    expect((await post("/don-vi/P-GIATHUY-19/bao-cao", confirmation, cookie)).status).toBe(200);
    const after = await reportsOf("P-GIATHUY-19");
    expect(after).toHaveLength(before.length + 1);
    const report = after.at(-1)!;
    expect(report).toMatchObject({
      milestone: "held",
      source: "web",
      onBehalf: false,
      requestKey: `web:${confirmation.key}`,
    });
    expect(report.eventDate?.toISOString().slice(0, 10)).toBe("2020-03-18");
    expect(report.payload).toMatchObject({
      results: {
        committeePlanned: 5,
        committeeElected: 5,
        women: 2,
        agedThirtyFiveToFifty: 3,
        overFifty: 1,
        postgraduate: null,
        graduate: 4,
        theoryIntermediate: 2,
        lowestVoteShare: 72.5,
        highestVoteShare: 100,
        delegatesExOfficio: null,
        present: 28,
      },
    });

    // Counted where everything else counts: `status` of the ward has one more held cell, and the unit page says so.
    const heldCount = (text: string) => Number(/(\d+)\/\d+ đã tổ chức đại hội/.exec(text)?.[1]);
    const statusAfter = (await cli(db.database, ["status", "--unit", "P-GIATHUY"], {}, clock)).out.join("\n");
    expect(before.some((earlier) => earlier.milestone === "held")).toBe(false);
    expect(heldCount(statusAfter)).toBe(heldCount(statusBefore) + 1);
    const unitPage = textOf(await (await get("/don-vi/P-GIATHUY-19", cookie)).text());
    expect(unitPage).toContain("✅ Tổ chức đại hội — 18/03/2020");
    expect(unitPage).toContain("20/03/2020: Tổ chức đại hội — ngày 18/03/2020, Trần Mạnh Trung báo cáo");
  });

  it("when the form holds bad input, then it says what is wrong in the bot's words, keeps what was typed and records nothing", async () => {
    const { cookie, csrf } = await signedIn(secretary);
    const before = await databaseFingerprint(db.database);
    const wrong = await post(
      "/don-vi/P-GIATHUY-19/bao-cao",
      { ...held, women: "6", date: "18/03/2020", _csrf: csrf, action: "check" },
      cookie,
    );
    expect(wrong.status).toBe(400);
    const wrongHtml = await wrong.text();
    // The same sentence the bot's one-line form answers for 6 women of 5 elected.
    const bot = await harness.say(secretary, "/baocao daihoi 18/03/2020 bch=5/5 nu=6");
    const botSentence = (bot.text ?? "").split("\n").find((line) => line.includes("(6)"));
    expect(botSentence).toBeDefined();
    expect(textOf(wrongHtml)).toContain(botSentence!);
    expect(wrongHtml).toMatch(/id="women"[^>]*aria-invalid="true"/);
    expect(wrongHtml).toContain('value="6"');

    const future = textOf(
      await (await post("/don-vi/P-GIATHUY-19/bao-cao", { ...held, date: "25/03/2020", _csrf: csrf }, cookie)).text(),
    );
    expect(future).toContain("Ngày đại hội 25/03/2020 còn ở phía trước.");
    const typo = textOf(
      await (
        await post(
          "/don-vi/P-GIATHUY-19/bao-cao",
          { ...held, date: "31/02/2020", committeeElected: "năm", _csrf: csrf },
          cookie,
        )
      ).text(),
    );
    expect(typo).toContain('Ngày "31/02/2020" không có thật.');
    expect(typo).toContain('Số ủy viên trúng cử: "năm" không phải là số.');
    const share = textOf(
      await (
        await post("/don-vi/P-GIATHUY-19/bao-cao", { ...held, lowestVoteShare: "72,555", _csrf: csrf }, cookie)
      ).text(),
    );
    expect(share).toContain('Tỷ lệ phiếu thấp nhất: "72,555" không phải là tỷ lệ phần trăm.');
    // The age bands are checked together, in the bot's words: 1 + 3 + 2 is not the 5 elected.
    const ages = textOf(
      await (await post("/don-vi/P-GIATHUY-19/bao-cao", { ...held, overFifty: "2", _csrf: csrf }, cookie)).text(),
    );
    expect(ages).toContain(
      "Số dưới 35, từ 35 đến 50 và trên 50 tuổi cộng lại 1 + 3 + 2 = 6, phải bằng số ủy viên trúng cử (5).",
    );
    const missing = textOf(
      await (
        await post("/don-vi/P-GIATHUY-19/bao-cao", { moc: "held", date: "18/03/2020", _csrf: csrf }, cookie)
      ).text(),
    );
    expect(missing).toContain("Số ủy viên theo đề án: chưa nhập (bắt buộc), ví dụ 5.");
    // A confirmation whose fields were changed by hand is checked again, and refused the same way.
    const forged = await post(
      "/don-vi/P-GIATHUY-19/bao-cao",
      { ...held, women: "9", key: "k".repeat(24), _csrf: csrf, action: "confirm" },
      cookie,
    );
    expect(forged.status).toBe(400);
    expect(await databaseFingerprint(db.database)).toEqual(before);
  });

  it("when the secretary corrects the report, then the card shows what changes and the correction supersedes it", async () => {
    const { cookie, csrf } = await signedIn(secretary);
    const form = await (await get("/don-vi/P-GIATHUY-19/bao-cao?moc=held", cookie)).text();
    // The current report fills the form in.
    expect(form).toMatch(/id="date"[^>]*value="18\/03\/2020"/);
    expect(form).toMatch(/id="women"[^>]*value="2"/);
    const card = await (
      await post("/don-vi/P-GIATHUY-19/bao-cao", { ...held, women: "3", _csrf: csrf, action: "check" }, cookie)
    ).text();
    expect(textOf(card)).toContain("Sửa báo cáo trước (cũ → mới): • Số nữ: 2 → 3");
    // "Sửa" goes back to the form with everything typed kept.
    const edit = await (
      await post("/don-vi/P-GIATHUY-19/bao-cao", { ...hiddenFields(card), action: "edit" }, cookie)
    ).text();
    expect(edit).toMatch(/id="women"[^>]*value="3"/);
    expect(edit).toMatch(/id="present"[^>]*value="28"/);
    const previous = (await reportsOf("P-GIATHUY-19")).at(-1)!;
    expect(
      (await post("/don-vi/P-GIATHUY-19/bao-cao", { ...hiddenFields(card), action: "confirm" }, cookie)).status,
    ).toBe(200);
    const correction = (await reportsOf("P-GIATHUY-19")).at(-1)!;
    expect(correction.supersedesId).toBe(previous.id);
    expect(correction.payload).toMatchObject({ results: { women: 3 } });
  });

  it("when someone reports for a unit outside their scope, or without the form token, then nothing is recorded", async () => {
    const { cookie, csrf } = await signedIn(secretary);
    const before = await databaseFingerprint(db.database);
    for (const code of ["P-GIATHUY-20", "P-GIATHUY", "LB", "NOPE"]) {
      expect((await get(`/don-vi/${code}/bao-cao`, cookie)).status, code).toBe(404);
      const posted = await post(
        `/don-vi/${code}/bao-cao`,
        { ...held, _csrf: csrf, key: "k".repeat(24), action: "confirm" },
        cookie,
      );
      expect(posted.status, code).toBe(404);
    }
    expect(
      (await post("/don-vi/P-GIATHUY-19/bao-cao", { ...held, key: "k".repeat(24), action: "confirm" }, cookie)).status,
    ).toBe(403);
    expect(
      (await post("/don-vi/P-GIATHUY-19/bao-cao", { ...held, key: "k".repeat(24), action: "confirm" })).status,
    ).toBe(401);
    expect(await databaseFingerprint(db.database)).toEqual(before);
  });

  it("when a working group's leader reports for a unit they follow, then it is recorded on the unit's behalf", async () => {
    const { cookie, csrf } = await signedIn(leader);
    const page = await (await get("/don-vi/P-GIATHUY-20", cookie)).text();
    expect(textOf(page)).toContain("Báo cáo thay đơn vị");
    const card = await (
      await post("/don-vi/P-GIATHUY-20/bao-cao", { moc: "scheduled", date: "27/03/2020", _csrf: csrf }, cookie)
    ).text();
    expect(textOf(card)).toContain("Báo cáo thay cho đơn vị (Tổ công tác / Văn phòng).");
    expect(
      (await post("/don-vi/P-GIATHUY-20/bao-cao", { ...hiddenFields(card), action: "confirm" }, cookie)).status,
    ).toBe(200);
    expect((await reportsOf("P-GIATHUY-20")).at(-1)).toMatchObject({
      milestone: "scheduled",
      onBehalf: true,
      source: "web",
    });
    // Outside their working group: refused.
    expect((await get("/don-vi/P-BODE-05/bao-cao", cookie)).status).toBe(404);
  });

  it("when the working group's leader opens the ward, then the reported cell counts as held, the laggards filter leaves it out, and each secretary has a number to call", async () => {
    const { cookie } = await signedIn(leader);
    const ward = await (await get("/don-vi/P-GIATHUY", cookie)).text();
    expect(ward).toMatch(
      /Chi bộ Tổ dân phố số 19<\/a> <span class="muted">\(P-GIATHUY-19\)<\/span><\/th>\s*<td class="num">1\/1<\/td>/,
    );
    expect(ward).toContain('<a class="tel" href="tel:+84341933009">0341 933 009</a>');
    const laggards = await (await get("/don-vi/P-GIATHUY?loc=notHeld", cookie)).text();
    expect(laggards).not.toContain("(P-GIATHUY-19)");
    expect(laggards).toContain("(P-GIATHUY-20)");
    // The secretary of a cell sees no one's number, not even on their own unit's page.
    const own = await signedIn(secretary);
    expect(await (await get("/don-vi/P-GIATHUY-19", own.cookie)).text()).not.toContain("tel:");
  });
});
