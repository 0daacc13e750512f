// /tiendo (/progress) as users see it over HTTP with a real database: drill-down and back, filters,
// permissions, forged and old buttons, and a group bound to a unit.
import type { Message, User } from "grammy/types";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { progressChartFor } from "../../src/usecases/progress-chart.js";
import { fixedClock } from "../../src/clock.js";
import type { RecordedMessage } from "../../src/emulator/index.js";
import { createI18n, translatorFor, type Locale } from "../../src/i18n.js";
import { startBotHarness, telegramUser, type BotHarness } from "../support/bot-harness.js";
import { bindTelegramUser, importFixture, recordReport } from "../support/roster.js";
import { createTestDatabase, databaseFingerprint, type TestDatabase } from "../support/test-database.js";

// 10:00 on 05/04/2020 in Hà Nội: the cells' deadline (31/03) has passed, the grassroots one (10/06) not.
const clock = fixedClock("2020-04-05T03:00:00Z");
const results = {
  committeePlanned: 5,
  committeeElected: 4,
  standingElected: null,
  women: 2,
  underThirtyFive: 1,
  reElected: 3,
  secretaryDirect: true,
  oneRound: false,
  delegates: 3,
  summoned: null,
  present: null,
  note: null,
};

describe("/tiendo (progress drill-down)", () => {
  let db: TestDatabase;
  let harness: BotHarness;
  // The admin of the district; Cường, secretary of GT; An, secretary of the cell GT-07; Nga, secretary of
  // KB and of the cell NT-01 (two units); Minh, leader of the working group following NT (not standing).
  let admin: User, cuong: User, an: User, nga: User, minh: User;
  const prisma = () => db.database.prisma;
  const unitId = async (code: string) => (await prisma().unit.findFirstOrThrow({ where: { code } })).id;

  beforeAll(async () => {
    db = await createTestDatabase();
    await importFixture(db.database, "reporting-org.yaml");
    admin = await bindTelegramUser(db.database, "+84906777888");
    cuong = await bindTelegramUser(db.database, "+84904111222");
    an = await bindTelegramUser(db.database, "+84912345678");
    nga = await bindTelegramUser(db.database, "+84908123456");
    minh = await bindTelegramUser(db.database, "+84907999000", { language_code: "en" });
    // Minh leads a working group but is not on the standing committee here.
    await prisma().roleAssignment.deleteMany({ where: { person: { phone: "+84907999000" }, role: "standing" } });
    await recordReport(db.database, {
      unit: "GT-07",
      milestone: "held",
      eventDate: "2020-02-25",
      recordedAt: new Date("2020-02-25T10:00:00Z"),
      payload: { results },
    });
    await recordReport(db.database, {
      unit: "GT-12",
      milestone: "scheduled",
      eventDate: "2020-04-10",
      recordedAt: new Date("2020-03-20T10:00:00Z"),
    });
    await recordReport(db.database, {
      unit: "KB",
      milestone: "scheduled",
      eventDate: "2020-04-20",
      recordedAt: new Date("2020-03-20T10:00:00Z"),
    });
    await recordReport(db.database, {
      unit: "KB",
      milestone: "documents",
      eventDate: "2020-03-01",
      recordedAt: new Date("2020-03-01T10:00:00Z"),
    });
    const nt01 = await prisma().unit.findFirstOrThrow({ where: { code: "NT-01" } });
    await prisma().difficulty.create({ data: { unitId: nt01.id, text: "Chưa thống nhất phương án nhân sự" } });
    harness = await startBotHarness(db.database, { clock });
  });
  afterAll(async () => {
    await harness?.stop();
    await db?.drop();
  });

  /** Presses a button (or forges a press) and waits for the bot's answer to it; returns the message as it is then. */
  async function press(
    user: User,
    message: Pick<Message, "message_id" | "chat">,
    button: { text?: string; data?: string; force?: boolean },
  ) {
    const update = harness.emulator.pressButton(harness.token, { from: user, message, ...button });
    const id = update.callback_query!.id;
    const answer = await harness.emulator.waitFor(() =>
      harness.emulator.callbackAnswers(harness.token).find((a) => a.callback_query_id === id),
    );
    await harness.app.inbox.drain();
    return { answer, message: current(message) };
  }
  const current = (message: Pick<Message, "message_id" | "chat">) =>
    harness.sent(message.chat.id).find((m) => m.message_id === message.message_id)!;
  const buttons = (message: RecordedMessage) =>
    (message.reply_markup?.inline_keyboard ?? []).map((row) => row.map((button) => button.text));

  const lbScreen = [
    "📊 Tiến độ — Đảng bộ quận Long Biên (LB)",
    "Cập nhật ngày 05/04/2020",
    "",
    // GT and NT have not reported their plan (due 15/02) nor their documents (due 31/03): overdue.
    "Tổ chức cơ sở đảng: 0/3 (0,0%) đã đại hội • 1 đã có lịch • 2 chưa có lịch • ⚠️ quá hạn 2",
    "trong đó đảng bộ cơ sở: 0/2 (0,0%) đã đại hội • 0 đã có lịch • 2 chưa có lịch • ⚠️ quá hạn 2",
    "trong đó chi bộ cơ sở: 0/1 (0,0%) đã đại hội • 1 đã có lịch • 0 chưa có lịch",
    "Chi bộ trực thuộc: 1/3 (33,3%) đã đại hội • 1 đã có lịch • 1 chưa có lịch • ⚠️ quá hạn 2",
    // KB's congress date is set: its personnel plan counts as reached (the date presumes it).
    "Dự thảo báo cáo chính trị, kiểm điểm: 1/3 • Phương án nhân sự: 1/3",
    "Khó khăn đang mở: 1 (ở 1 đơn vị).",
    "Đại hội của đơn vị: ⏳ chưa tổ chức (hạn 31/07/2020).",
    "",
    "Đơn vị trực thuộc (1–3/3):",
    // A pilot congress whose planned day has passed unreported is flagged, as in the digest.
    "1. ⚠️ Đảng bộ phường Gia Thụy: đại hội điểm dự kiến 11/03, đã qua ngày chưa báo cáo • chi bộ 1/2 (50,0%) • quá hạn 1",
    "2. ⚠️ Đảng bộ phường Ngọc Thụy: chi bộ 0/1 (0,0%) • quá hạn 1 • khó khăn 1",
    "3. 📅 Chi bộ Kho bạc Nhà nước Long Biên: đại hội ngày 20/04 • đại hội điểm dự kiến 04/03, đã qua ngày chưa báo cáo",
  ];
  const electionLines = [
    "",
    "Kết quả bầu cử (1 đại hội đã tổ chức):",
    "• Chi bộ trực thuộc (1): cấp ủy trúng cử 4/5 (80,0%); bầu đủ 0, bầu thiếu 1",
    "   Nữ 2 (50,0%) • dưới 35 tuổi 1 (25,0%) • tái cử 3 (75,0%) • mới 1 (25,0%)",
    "   Bí thư bầu trực tiếp: 1/1 • Bầu một lần đủ: 0/1 • Đại biểu dự đại hội cấp trên: 3 được bầu",
    "Bầu thiếu cấp ủy: Chi bộ Tổ dân phố 7 (4/5).",
  ];
  const filterRows = [
    ["✓ Tất cả", "Chưa đại hội"],
    ["Quá hạn", "Có khó khăn"],
  ];
  const gtScreen = [
    "📊 Tiến độ — Đảng bộ phường Gia Thụy (GT)",
    "Cập nhật ngày 05/04/2020",
    "",
    "Chi bộ trực thuộc: 1/2 (50,0%) đã đại hội • 1 đã có lịch • 0 chưa có lịch • ⚠️ quá hạn 1",
    "Khó khăn đang mở: không.",
    "Đại hội của đơn vị: ⚠️ quá hạn kế hoạch (50 ngày), văn kiện (5 ngày).",
    "",
    "Đơn vị trực thuộc (1–2/2):",
    "1. ✅ Chi bộ Tổ dân phố 7: đã đại hội 25/02",
    "2. ⚠️ Chi bộ Tổ dân phố 12: đại hội ngày 10/04",
    ...electionLines,
  ].join("\n");

  it("when an admin sends /tiendo, then the district's subtree is shown with a button per unit and the filters", async () => {
    const lb = await harness.say(admin, "/tiendo");
    expect(lb.text).toBe([...lbScreen, ...electionLines].join("\n"));
    expect(buttons(lb)).toEqual([
      ["1. Đảng bộ phường Gia Thụy"],
      ["2. Đảng bộ phường Ngọc Thụy"],
      ["3. Chi bộ Kho bạc Nhà nước Long Biên"],
      ...filterRows,
      ["📊 Biểu đồ"],
    ]);
  });

  it("when the admin drills down to a committee and a cell and back up, then the same message shows each level", async () => {
    const fingerprint = await databaseFingerprint(db.database);
    const lb = await harness.say(admin, "/tiendo");
    const gt = await press(admin, lb, { text: "1. Đảng bộ phường Gia Thụy" });
    expect(gt.answer.text).toBeUndefined();
    expect(gt.message.text).toBe(gtScreen);
    expect(buttons(gt.message)).toEqual([
      ["1. Chi bộ Tổ dân phố 7"],
      ["2. Chi bộ Tổ dân phố 12"],
      ...filterRows,
      ["📊 Biểu đồ"],
      ["⬆ Đảng bộ quận Long Biên"],
    ]);
    const cell = await press(admin, lb, { text: "2. Chi bộ Tổ dân phố 12" });
    expect(cell.message.text).toBe(
      [
        "📊 Tiến độ — Chi bộ Tổ dân phố 12 (GT-12)",
        "Cập nhật ngày 05/04/2020",
        "Trực thuộc: Đảng bộ phường Gia Thụy",
        "",
        // The date, fixed on 20/03 (after its deadline of 15/03), closes what must precede it.
        "☑️ Kế hoạch đại hội — coi như hoàn thành (đã ấn định ngày đại hội)",
        "☑️ Dự thảo báo cáo chính trị, kiểm điểm — coi như hoàn thành (đã ấn định ngày đại hội)",
        "☑️ Phương án nhân sự — coi như hoàn thành (đã ấn định ngày đại hội)",
        "✅ Ấn định ngày đại hội — 10/04/2020 (hoàn thành sau hạn 15/03/2020)",
        "⚠️ Tổ chức đại hội — quá hạn 5 ngày (hạn 31/03/2020)",
        "Khó khăn đang mở: không.",
      ].join("\n"),
    );
    expect(buttons(cell.message)).toEqual([["⬆ Đảng bộ phường Gia Thụy"]]);
    expect((await press(admin, lb, { text: "⬆ Đảng bộ phường Gia Thụy" })).message.text).toBe(gtScreen);
    expect((await press(admin, lb, { text: "⬆ Đảng bộ quận Long Biên" })).message.text).toBe(
      [...lbScreen, ...electionLines].join("\n"),
    );
    expect(harness.sent(admin.id).filter((message) => message.message_id === lb.message_id)).toHaveLength(1);
    expect(await databaseFingerprint(db.database)).toEqual(fingerprint);
  });

  it("when a filter is pressed, then only the units with a matching unit under them are listed, and the filter is marked", async () => {
    const lb = await harness.say(admin, "/tiendo");
    const withDifficulties = await press(admin, lb, { text: "Có khó khăn" });
    const listOf = (message: RecordedMessage) => message.text!.split("\n").filter((line) => /^\d+\. /.test(line));
    expect(withDifficulties.message.text!.split("\n")[1]).toBe("Cập nhật ngày 05/04/2020 • lọc: Có khó khăn");
    expect(listOf(withDifficulties.message)).toEqual([
      "1. ⚠️ Đảng bộ phường Ngọc Thụy: chi bộ 0/1 (0,0%) • quá hạn 1 • khó khăn 1",
    ]);
    expect(withDifficulties.message.text).toContain("Đơn vị trực thuộc khớp bộ lọc (1–1/1):");
    expect(buttons(withDifficulties.message)).toEqual([
      ["1. Đảng bộ phường Ngọc Thụy"],
      ["Tất cả", "Chưa đại hội"],
      ["Quá hạn", "✓ Có khó khăn"],
      ["📊 Biểu đồ"],
    ]);
    const overdue = await press(admin, lb, { text: "Quá hạn" });
    expect(listOf(overdue.message).map((line) => line.split(":")[0])).toEqual([
      "1. ⚠️ Đảng bộ phường Gia Thụy",
      "2. ⚠️ Đảng bộ phường Ngọc Thụy",
    ]);
    // The filter goes down with the drill-down: inside Gia Thụy, only the overdue cell.
    const inside = await press(admin, lb, { text: "1. Đảng bộ phường Gia Thụy" });
    expect(listOf(inside.message)).toEqual(["1. ⚠️ Chi bộ Tổ dân phố 12: đại hội ngày 10/04"]);
    expect(buttons(inside.message).at(-1)).toEqual(["⬆ Đảng bộ quận Long Biên"]);
    const notHeld = await press(admin, lb, { text: "Chưa đại hội" });
    expect(listOf(notHeld.message)).toEqual(["1. ⚠️ Chi bộ Tổ dân phố 12: đại hội ngày 10/04"]);
    // No unit under Gia Thụy has a difficulty: the filtered list says so.
    const gtHeldFilter = await harness.say(admin, "/tiendo gt");
    const none = await press(admin, gtHeldFilter, { text: "Có khó khăn" });
    expect(none.message.text).toContain('Không có đơn vị nào khớp bộ lọc "Có khó khăn".');
  });

  it("when each role asks, then each sees what the role allows, and others are refused politely", async () => {
    // A secretary of a committee: their committee, with no way up.
    const gt = await harness.say(cuong, "/tiendo");
    expect(gt.text).toBe(gtScreen);
    expect(buttons(gt).slice(-2)).toEqual([["Quá hạn", "Có khó khăn"], ["📊 Biểu đồ"]]);
    expect((await harness.say(cuong, "/tiendo LB")).text).toBe(
      "Đồng chí không được xem tiến độ của Đảng bộ quận Long Biên (LB). Gõ /tiendo để xem các đơn vị đồng chí theo dõi.",
    );
    expect((await harness.say(cuong, "/tiendo NT-01")).text).toBe(
      "Đồng chí không được xem tiến độ của Chi bộ Tổ dân phố 1 (NT-01). Gõ /tiendo để xem các đơn vị đồng chí theo dõi.",
    );
    // A secretary of a cell: the cell's checklist.
    const cell = await harness.say(an, "/tiendo");
    expect(cell.text!.split("\n").slice(0, 3)).toEqual([
      "📊 Tiến độ — Chi bộ Tổ dân phố 7 (GT-07)",
      "Cập nhật ngày 05/04/2020",
      "Trực thuộc: Đảng bộ phường Gia Thụy",
    ]);
    expect(buttons(cell)).toEqual([]);
    // A working-group leader (in English): the group's unit.
    const nt = await harness.say(minh, "/progress");
    expect(nt.text).toBe(
      [
        "📊 Progress — Đảng bộ phường Ngọc Thụy (NT)",
        "As of 05/04/2020",
        "",
        "Cells: 0/1 (0.0%) held • 0 scheduled • 1 not scheduled • ⚠️ 1 overdue",
        "Open difficulties: 1 (at 1 unit).",
        "The unit's own congress: ⚠️ overdue: plan (50 days), documents (5 days).",
        "",
        "Units under it (1–1 of 1):",
        "1. ⚠️ Chi bộ Tổ dân phố 1: difficulties: 1",
      ].join("\n"),
    );
    // A secretary of two units: the list of both, each one step down, and back to the list.
    const home = await harness.say(nga, "/tiendo");
    expect(home.text).toBe(
      [
        "📊 Tiến độ — các đơn vị đồng chí theo dõi (2)",
        "Cập nhật ngày 05/04/2020",
        "",
        "Tổ chức cơ sở đảng: 0/1 (0,0%) đã đại hội • 1 đã có lịch • 0 chưa có lịch",
        "Chi bộ trực thuộc: 0/1 (0,0%) đã đại hội • 0 đã có lịch • 1 chưa có lịch • ⚠️ quá hạn 1",
        "Dự thảo báo cáo chính trị, kiểm điểm: 1/1 • Phương án nhân sự: 1/1", // the date set presumes it
        "Khó khăn đang mở: 1 (ở 1 đơn vị).",
        "",
        "Đơn vị theo dõi (1–2/2):",
        "1. 📅 Chi bộ Kho bạc Nhà nước Long Biên: đại hội ngày 20/04 • đại hội điểm dự kiến 04/03, đã qua ngày chưa báo cáo",
        "2. ⚠️ Chi bộ Tổ dân phố 1: khó khăn 1",
      ].join("\n"),
    );
    const kb = await press(nga, home, { text: "1. Chi bộ Kho bạc Nhà nước Long Biên" });
    expect(kb.message.text!.split("\n")[0]).toBe("📊 Tiến độ — Chi bộ Kho bạc Nhà nước Long Biên (KB)");
    expect(buttons(kb.message)).toEqual([["⬆ Các đơn vị theo dõi"]]);
    expect((await press(nga, home, { text: "⬆ Các đơn vị theo dõi" })).message.text).toBe(home.text);
    // Strangers and people with no unit to follow.
    const refusal = [
      "Đồng chí chưa được giao theo dõi đơn vị nào (bí thư, phó bí thư, người báo cáo, tổ trưởng Tổ công tác, Ban Thường vụ hoặc quản trị), nên chưa xem được tiến độ.",
      "Cần hỗ trợ, liên hệ Văn phòng cấp ủy.",
    ].join("\n");
    expect((await harness.say(telegramUser(), "/tiendo")).text).toBe(refusal);
    expect((await harness.say(telegramUser(), "/tiendo LB")).text).toBe(refusal);
  });

  it("when the command is malformed or names no unit, then the answer says how to write it", async () => {
    expect((await harness.say(admin, "/tiendo GT NT")).text).toBe(
      "Cách dùng: /tiendo hoặc /tiendo MÃ_ĐƠN_VỊ, ví dụ /tiendo GT-07.",
    );
    expect((await harness.say(admin, "/tiendo <b>x</b>")).text).toBe(
      "Cách dùng: /tiendo hoặc /tiendo MÃ_ĐƠN_VỊ, ví dụ /tiendo GT-07.",
    );
    expect((await harness.say(admin, `/tiendo ${"X".repeat(40)}`)).text).toBe(
      "Cách dùng: /tiendo hoặc /tiendo MÃ_ĐƠN_VỊ, ví dụ /tiendo GT-07.",
    );
    expect((await harness.say(admin, "/tiendo ZZ-99")).text).toBe(
      'Không có đơn vị mã "ZZ-99". Kiểm tra lại mã, ví dụ /tiendo GT-07.',
    );
  });

  it("when a button is forged or old, then nothing changes and the person is told", async () => {
    const fingerprint = await databaseFingerprint(db.database);
    const own = await harness.say(an, "/tiendo");
    const lbId = await unitId("LB");
    const stale = "Nút này không còn dùng được, hoặc đồng chí không có quyền xem đơn vị này. Gõ /tiendo để xem lại.";
    for (const data of [
      `td:u:${lbId}:a:0`,
      `td:u:${await unitId("NT-01")}:a:0`,
      "td:u:abc:a:0",
      `td:u:${lbId}:z:0`,
      `td:u:${lbId}:a:-1`,
      "td:u:999999:a:0",
      "td:h:a:0",
      "td:c:1",
      "td:",
      `td:u:${lbId}:a:0:extra`,
    ]) {
      const pressed = await press(an, own, { data, force: true });
      expect(pressed.answer, data).toMatchObject({ text: stale, show_alert: true });
      expect(pressed.message.text, data).toBe(own.text);
    }
    // An old page: the admin's list has one page, so page 2 of it no longer exists.
    const lb = await harness.say(admin, "/tiendo");
    const oldPage = await press(admin, lb, { data: `td:u:${lbId}:a:1`, force: true });
    expect(oldPage.answer).toMatchObject({ text: stale, show_alert: true });
    expect(oldPage.message.text).toBe(lb.text);
    expect(await databaseFingerprint(db.database)).toEqual(fingerprint);
    // A unit archived (org import --prune) since the button was sent.
    const gtPage = await harness.say(admin, "/tiendo GT");
    await prisma().unit.update({ where: { id: await unitId("GT-12") }, data: { archivedAt: new Date() } });
    const gone = await press(admin, gtPage, { text: "2. Chi bộ Tổ dân phố 12" });
    expect(gone.answer).toMatchObject({ text: stale, show_alert: true });
    expect(gone.message.text).toBe(gtPage.text);
    await prisma().unit.update({ where: { id: await unitId("GT-12") }, data: { archivedAt: null } });
  });

  const photos = (chatId: number) => harness.sent(chatId).filter((message) => message.photo);
  /** The bytes of a photo the bot sent, as the emulator stored them (largest size). */
  function photoBytes(message: RecordedMessage): Buffer {
    const file = harness.emulator.file(message.photo!.at(-1)!.file_id);
    expect(file, "the emulator holds the photo").toBeDefined();
    return Buffer.from(file!.data);
  }
  /** The chart of the unit drawn directly (what the button must send), in the given language. */
  async function chartOf(code: string, locale: Locale = "vi") {
    const chart = await progressChartFor(
      prisma(),
      await unitId(code),
      "2020-04-05",
      translatorFor(createI18n({ defaultLocale: "vi" }), locale),
      locale,
    );
    return chart!;
  }
  const pngSignature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

  it("when 📊 Biểu đồ is pressed on a unit's view, then that subtree's chart arrives as a PNG photo and the view stays as it was", async () => {
    const fingerprint = await databaseFingerprint(db.database);
    const before = photos(admin.id).length;
    const lb = await harness.say(admin, "/tiendo");
    const pressed = await press(admin, lb, { text: "📊 Biểu đồ" });
    expect(pressed.answer.text).toBeUndefined();
    expect(pressed.message.text).toBe(lb.text);
    const [lbChart, ...more] = photos(admin.id).slice(before);
    expect(more).toHaveLength(0);
    expect(lbChart!.caption).toBe("📊 Biểu đồ tiến độ đại hội — Đảng bộ quận Long Biên, ngày 05/04/2020");
    const png = photoBytes(lbChart!);
    expect(png.subarray(0, 8)).toEqual(pngSignature);
    expect(png.readUInt32BE(16)).toBeGreaterThan(0);
    expect(png.readUInt32BE(20)).toBeGreaterThan(0);
    expect(png.equals((await chartOf("LB")).png), "the photo is the district's chart").toBe(true);

    // One level down, the button sends that committee's chart.
    await press(admin, lb, { text: "1. Đảng bộ phường Gia Thụy" });
    await press(admin, lb, { text: "📊 Biểu đồ" });
    const gtChart = photos(admin.id).at(-1)!;
    expect(photos(admin.id)).toHaveLength(before + 2);
    expect(gtChart.caption).toBe("📊 Biểu đồ tiến độ đại hội — Đảng bộ phường Gia Thụy, ngày 05/04/2020");
    expect(photoBytes(gtChart).equals((await chartOf("GT")).png)).toBe(true);
    expect(photoBytes(gtChart).equals(png)).toBe(false);

    // In English, for a working-group leader, on the unit the group follows.
    const nt = await harness.say(minh, "/progress");
    expect(buttons(nt).at(-1)).toEqual(["📊 Chart"]);
    await press(minh, nt, { text: "📊 Chart" });
    const [ntChart] = photos(minh.id);
    expect(ntChart!.caption).toBe("📊 Congress progress chart — Đảng bộ phường Ngọc Thụy, 05/04/2020");
    expect(photoBytes(ntChart!).equals((await chartOf("NT", "en")).png)).toBe(true);
    expect(await databaseFingerprint(db.database)).toEqual(fingerprint);
  });

  it("when a chart button is forged, old or out of scope, then the person is told and no photo is sent", async () => {
    const stale = "Nút này không còn dùng được, hoặc đồng chí không có quyền xem đơn vị này. Gõ /tiendo để xem lại.";
    // An, secretary of the cell GT-07: no chart on a cell's view, and none of units outside the cell.
    const own = await harness.say(an, "/tiendo");
    expect(buttons(own).flat()).not.toContain("📊 Biểu đồ");
    const forged = [
      `td:c:${await unitId("LB")}`,
      `td:c:${await unitId("GT")}`,
      `td:c:${await unitId("GT-07")}`,
      "td:c:999999",
      "td:c:0",
      "td:c:abc",
      `td:c:${await unitId("GT")}:x`,
    ];
    for (const data of forged) {
      const pressed = await press(an, own, { data, force: true });
      expect(pressed.answer, data).toMatchObject({ text: stale, show_alert: true });
      expect(pressed.message.text, data).toBe(own.text);
    }
    // Cường, secretary of GT, may chart GT but not the district above it.
    const gt = await harness.say(cuong, "/tiendo");
    expect((await press(cuong, gt, { data: `td:c:${await unitId("LB")}`, force: true })).answer).toMatchObject({
      text: stale,
      show_alert: true,
    });
    expect((await press(cuong, gt, { data: `td:c:${await unitId("NT")}`, force: true })).answer).toMatchObject({
      text: stale,
      show_alert: true,
    });
    // An old button: the unit was archived since.
    const lb = await harness.say(admin, "/tiendo GT");
    const before = photos(admin.id).length;
    await prisma().unit.update({ where: { id: await unitId("GT") }, data: { archivedAt: new Date() } });
    expect((await press(admin, lb, { text: "📊 Biểu đồ" })).answer).toMatchObject({ text: stale, show_alert: true });
    await prisma().unit.update({ where: { id: await unitId("GT") }, data: { archivedAt: null } });
    expect(photos(admin.id)).toHaveLength(before);
    expect(photos(an.id)).toHaveLength(0);
    expect(photos(cuong.id)).toHaveLength(0);
  });

  it("when /tiendo is sent in a group bound to a unit, then the group sees that unit's subtree, and only that", async () => {
    const group = { id: -1009876543, type: "supergroup" as const, title: "Đảng ủy phường Gia Thụy" };
    const unbound = { id: -1001112223, type: "supergroup" as const, title: "Nhóm khác" };
    harness.emulator.registerChat(group);
    harness.emulator.registerChat(unbound);
    const gt = await prisma().unit.findFirstOrThrow({ where: { code: "GT" } });
    await prisma().chatBinding.create({
      data: { organizationId: gt.organizationId, unitId: gt.id, chatId: BigInt(group.id), title: group.title },
    });
    const member = telegramUser();
    const shown = await harness.say(member, "/tiendo", group);
    expect(shown.text).toBe(gtScreen);
    const cell = await press(member, shown, { text: "1. Chi bộ Tổ dân phố 7" });
    expect(cell.message.text!.split("\n")[0]).toBe("📊 Tiến độ — Chi bộ Tổ dân phố 7 (GT-07)");
    expect(buttons(cell.message)).toEqual([["⬆ Đảng bộ phường Gia Thụy"]]);
    expect((await harness.say(member, "/tiendo LB", group)).text).toBe(
      "Nhóm này liên kết với Đảng bộ phường Gia Thụy (GT), nên chỉ xem được tiến độ của đơn vị đó và các đơn vị trực thuộc.",
    );
    // Even the district's admin, in this group, sees only the group's unit.
    const forged = await press(admin, shown, { data: `td:u:${await unitId("LB")}:a:0`, force: true });
    expect(forged.answer).toMatchObject({ show_alert: true });
    // The group's chart: its unit's subtree, sent to the group; a forged chart of the district is refused.
    const groupView = await harness.say(member, "/tiendo", group);
    expect(buttons(groupView).at(-1)).toEqual(["📊 Biểu đồ"]);
    await press(member, groupView, { text: "📊 Biểu đồ" });
    expect(photos(group.id).map((photo) => photo.caption)).toEqual([
      "📊 Biểu đồ tiến độ đại hội — Đảng bộ phường Gia Thụy, ngày 05/04/2020",
    ]);
    expect(photoBytes(photos(group.id)[0]!).equals((await chartOf("GT")).png)).toBe(true);
    const forgedChart = await press(admin, groupView, { data: `td:c:${await unitId("LB")}`, force: true });
    expect(forgedChart.answer).toMatchObject({ show_alert: true });
    expect(photos(group.id)).toHaveLength(1);
    expect((await harness.say(member, "/tiendo", unbound)).text).toBe(
      "Nhóm này chưa được liên kết với đơn vị nào, nên Trợ lý không hiển thị dữ liệu ở đây.",
    );
  });
});
