// The web's pages for the campaigns besides the congress, for offices where Telegram cannot be reached: a
// unit's page shows each open campaign's section and its form; the form is built from the template's
// fields and checked by the use case the bot calls (same refusals, same words); bad input writes nothing; a
// confirmation submitted twice stores one report; a unit outside the person's scope is not found.
import type { User } from "grammy/types";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fixedClock } from "../../src/clock.js";
import { startBotHarness, type BotHarness } from "../support/bot-harness.js";
import { importDemoWithCampaigns } from "../support/demo-campaigns.js";
import { bindTelegramUser } from "../support/roster.js";
import { createTestDatabase, type TestDatabase } from "../support/test-database.js";
import { readWorkbook } from "../support/workbook.js";

const clock = fixedClock("2026-12-10T02:00:00Z"); // 09:00 on 10/12/2026 in Hà Nội
const webEnv = { WEB_PORT: "0", WEB_HOST: "127.0.0.1" };

describe("web pages of the other campaigns", () => {
  let db: TestDatabase;
  let harness: BotHarness;
  let base: string;
  let secretary: User;
  let session: { cookie: string; csrf: string };

  const get = (path: string, cookie?: string) =>
    fetch(`${base}${path}`, { redirect: "manual", ...(cookie && { headers: { cookie } }) });
  const post = (path: string, fields: Record<string, string>, cookie?: string) =>
    fetch(`${base}${path}`, {
      method: "POST",
      redirect: "manual",
      headers: { origin: base, "content-type": "application/x-www-form-urlencoded", ...(cookie && { cookie }) },
      body: new URLSearchParams(fields).toString(),
    });
  const textOf = (html: string) =>
    html
      .replace(/<[^>]+>/g, " ")
      .replaceAll("&quot;", '"')
      .replaceAll("&#39;", "'")
      .replaceAll("&lt;", "<")
      .replaceAll("&gt;", ">")
      .replaceAll("&amp;", "&")
      .replace(/\s+/g, " ");
  const hiddenFields = (html: string) =>
    Object.fromEntries(
      [...html.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)">/g)].map((match) => [
        match[1]!,
        match[2]!.replaceAll("&quot;", '"').replaceAll("&#39;", "'").replaceAll("&amp;", "&"),
      ]),
    );
  const reportCount = () =>
    db.database.prisma.report.count({ where: { unit: { code: "P-BODE-01" }, campaign: { key: "kiemdiem2026" } } });

  beforeAll(async () => {
    db = await createTestDatabase();
    await importDemoWithCampaigns(db.database, undefined, { withoutCongress: true });
    secretary = await bindTelegramUser(db.database, "+84962586100"); // secretary of P-BODE-01
    harness = await startBotHarness(db.database, { clock, env: webEnv });
    harness.emulator.registerChat({ id: secretary.id, type: "private", first_name: secretary.first_name });
    base = `http://127.0.0.1:${harness.app.web!.port}`;
    session = await signIn(secretary);
  });

  async function signIn(user: User): Promise<{ cookie: string; csrf: string }> {
    const reply = (await harness.say(user, "/web")).text ?? "";
    const link = /http:\/\/127\.0\.0\.1:\d+\/dang-nhap\/[A-Za-z0-9_-]{43}/.exec(reply)?.[0];
    const token = /name="token" value="([^"]+)"/.exec(await (await fetch(link!)).text())?.[1] ?? "";
    const signedIn = await post("/dang-nhap", { token });
    const cookie = (signedIn.headers.get("set-cookie") ?? "").split(";")[0]!;
    const csrf = /name="_csrf" value="([^"]+)"/.exec(await (await get("/", cookie)).text())?.[1] ?? "";
    return { cookie, csrf };
  }
  afterAll(async () => {
    await harness?.stop();
    await db?.drop();
  });

  it("when a secretary opens their unit, then each open campaign's section is there with its report link", async () => {
    const page = textOf(await (await get("/don-vi/P-BODE-01", session.cookie)).text());
    expect(page).toContain("📋 Kiểm điểm, đánh giá, xếp loại năm 2026");
    expect(page).toContain("đã có 0/1 chi bộ tổ chức học tập, quán triệt (0,0%)");
    expect(page).toContain("📋 Sinh hoạt chi bộ định kỳ — tháng 12/2026");
    expect(page).toContain("📝 Báo cáo: Kiểm điểm, đánh giá, xếp loại năm 2026");
  });

  it("when the review meeting's form is sent with more present than members, then the rule is told and nothing is written", async () => {
    const form = await (await get("/don-vi/P-BODE-01/dot/kiemdiem2026?moc=meeting", session.cookie)).text();
    expect(textOf(form)).toContain("Có bao nhiêu đảng viên dự hội nghị kiểm điểm?");
    const response = await post(
      "/don-vi/P-BODE-01/dot/kiemdiem2026",
      { _csrf: session.csrf, moc: "meeting", date: "05/12/2026", "f-comat": "16", "f-tong": "15", action: "check" },
      session.cookie,
    );
    expect(response.status).toBe(400);
    expect(textOf(await response.text())).toContain(
      "Số liệu không khớp: Đảng viên có mặt (16) không được lớn hơn Tổng số đảng viên (15) (quy tắc comat <= tong).",
    );
    expect(await reportCount()).toBe(0);
  });

  it("when the form is sent right and confirmed twice, then one report is recorded, as the bot would", async () => {
    const check = await post(
      "/don-vi/P-BODE-01/dot/kiemdiem2026",
      { _csrf: session.csrf, moc: "meeting", date: "05/12/2026", "f-comat": "14", "f-tong": "15", action: "check" },
      session.cookie,
    );
    const confirmPage = await check.text();
    expect(textOf(confirmPage)).toContain(
      "Hội nghị kiểm điểm: ngày 05/12/2026 Đảng viên có mặt: 14 Tổng số đảng viên: 15",
    );
    const fields = { ...hiddenFields(confirmPage), action: "confirm" };
    const saved = await post("/don-vi/P-BODE-01/dot/kiemdiem2026", fields, session.cookie);
    expect(textOf(await saved.text())).toContain("✅ Hội nghị kiểm điểm — 05/12/2026");
    const again = await post("/don-vi/P-BODE-01/dot/kiemdiem2026", fields, session.cookie);
    expect(textOf(await again.text())).toContain("Báo cáo này đã được lưu trước đó; không ghi thêm.");
    expect(await reportCount()).toBe(1);
    const report = await db.database.prisma.report.findFirstOrThrow({
      where: { unit: { code: "P-BODE-01" }, campaign: { key: "kiemdiem2026" } },
    });
    expect([report.source, report.payload]).toEqual(["web", { values: { comat: 14, tong: 15 } }]);
  });

  it("when the rating is chosen on the form, then the choice's label is on the card", async () => {
    const check = await post(
      "/don-vi/P-BODE-01/dot/kiemdiem2026",
      { _csrf: session.csrf, moc: "rating", "f-xeploai": "xs", "f-danhgia": "15", action: "check" },
      session.cookie,
    );
    expect(textOf(await check.text())).toContain("Tự xếp loại tổ chức đảng: hoàn thành xuất sắc nhiệm vụ");
  });

  it("when another unit's form is asked for, then it is not found and nothing is written", async () => {
    expect((await get("/don-vi/P-BODE-02/dot/kiemdiem2026", session.cookie)).status).toBe(404);
    const response = await post(
      "/don-vi/P-BODE-02/dot/kiemdiem2026",
      {
        _csrf: session.csrf,
        moc: "meeting",
        date: "05/12/2026",
        "f-comat": "14",
        "f-tong": "15",
        action: "confirm",
        key: "a".repeat(24),
      },
      session.cookie,
    );
    expect(response.status).toBe(404);
    expect(await db.database.prisma.report.count({ where: { unit: { code: "P-BODE-02" } } })).toBe(0);
    expect((await get("/don-vi/P-BODE-01/dot/khong-co", session.cookie)).status).toBe(404);
  });

  it("when the standing committee downloads a campaign's workbook from the web, then it is the export's; a cell's secretary may not", async () => {
    expect((await get("/don-vi/P-BODE-01/dot/hoctap-nq14/xuat.xlsx", session.cookie)).status).toBe(404);
    expect(await (await get("/don-vi/P-BODE-01", session.cookie)).text()).not.toContain("/xuat.xlsx");
    const standing = await bindTelegramUser(db.database, "+84982086365"); // secretary and standing member of LB
    harness.emulator.registerChat({ id: standing.id, type: "private", first_name: standing.first_name });
    const office = await signIn(standing);
    expect(await (await get("/don-vi/LB", office.cookie)).text()).toContain(
      'href="/don-vi/LB/dot/hoctap-nq14/xuat.xlsx"',
    );
    const response = await get("/don-vi/LB/dot/hoctap-nq14/xuat.xlsx", office.cookie);
    expect(response.status).toBe(200);
    const workbook = await readWorkbook(Buffer.from(await response.arrayBuffer()));
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(["Tổng hợp", "Đơn vị"]);
    expect(workbook.getWorksheet("Đơn vị")!.rowCount).toBe(2 + 587);
  });
});
