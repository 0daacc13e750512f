// /baocao as a secretary uses it: the guided flow with buttons, the one-line form, corrections, late
// reports, replays, expiry and a restart in the middle of a flow. Real bot, emulator over HTTP, real DB.
import type { User } from "grammy/types";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { fixedClock } from "../../src/clock.js";
import { emptyResults } from "../../src/domain/election-results.js";
import { storeUpdates } from "../../src/db/update-store.js";
import type { RecordedMessage } from "../../src/emulator/index.js";
import { startBotHarness, type BotHarness } from "../support/bot-harness.js";
import { bindTelegramUser, importFixture } from "../support/roster.js";
import { createTestDatabase, databaseFingerprint, type TestDatabase } from "../support/test-database.js";

const clock = fixedClock("2020-02-26T03:00:00Z"); // 10:00 on 26/02/2020 in Hà Nội

describe("reporting", () => {
  let db: TestDatabase;
  let harness: BotHarness;
  let an: User;

  beforeAll(async () => {
    db = await createTestDatabase();
    await importFixture(db.database, "reporting-org.yaml");
    an = await bindTelegramUser(db.database, "+84912345678");
    harness = await startBotHarness(db.database, { clock });
  });
  beforeEach(async () => {
    clock.set("2020-02-26T03:00:00Z");
    await db.database.prisma.report.deleteMany();
    await db.database.prisma.chatFlow.deleteMany();
    await db.database.prisma.auditLog.deleteMany({ where: { action: { startsWith: "report." } } });
  });
  afterAll(async () => {
    await harness?.stop();
    await db?.drop();
  });

  const reports = () =>
    db.database.prisma.report.findMany({ orderBy: { id: "asc" }, include: { unit: { select: { code: true } } } });

  const rows = (message: RecordedMessage | undefined) =>
    message?.reply_markup?.inline_keyboard.map((row) => row.map((button) => button.text));

  it("when a cell secretary reports a congress held through the buttons, then the numbers come in one message, the card shows the results and confirming saves one event", async () => {
    const milestones = await harness.say(an, "/baocao");
    expect(milestones.text).toBe("Chi bộ Tổ dân phố 7: đồng chí báo cáo nội dung nào?");
    expect(rows(milestones)).toEqual([
      ["Kế hoạch đại hội"],
      ["Dự thảo báo cáo chính trị, kiểm điểm"],
      ["Phương án nhân sự"],
      ["Ấn định ngày đại hội"],
      ["Tổ chức đại hội"],
      ["✖️ Hủy"],
    ]);
    const askDate = await harness.press(an, milestones, "Tổ chức đại hội");
    expect(askDate.text).toBe(
      'Đại hội đã tổ chức ngày nào? Gõ ngày/tháng/năm (ví dụ 26/02/2020), "hôm nay", "hôm qua", hoặc chọn trên lịch.',
    );
    expect(rows(askDate)![0]).toEqual(["‹", "Tháng 2/2020", "›"]);
    expect(rows(askDate)!.slice(-2)).toEqual([["Hôm nay (26/02)", "Hôm qua (25/02)"], ["✖️ Hủy"]]);
    const numbers = await harness.press(an, askDate, "25");
    expect(numbers.text).toBe(
      [
        "Nhập các số, cách nhau bằng dấu cách: số chi ủy viên theo đề án, số trúng cử, số nữ, số dưới 35 tuổi, số tái cử. Ví dụ: 5 5 2 1 3",
        "Bắt buộc hai số đầu; số nào chưa rõ thì bỏ ở cuối, hoặc gõ dấu - vào chỗ của số đó.",
      ].join("\n"),
    );
    expect(rows(numbers)).toEqual([["✖️ Hủy"]]);
    // The consistency rules and their words are the one-line form's (report-election-more-than).
    expect((await harness.say(an, "5 5 6 1 3")).text).toBe(
      [
        "Số nữ (6) không thể lớn hơn Số ủy viên trúng cử (5).",
        "Nhập lại các số, cách nhau bằng dấu cách, ví dụ: 5 5 2 1 3",
      ].join("\n"),
    );
    const composition = await harness.say(an, "5 5 2 1 3");
    expect(composition.text).toBe(
      [
        "Cơ cấu cấp ủy viên trúng cử. Nhập các số, cách nhau bằng dấu cách: số từ 35 đến 50 tuổi, số trên 50 tuổi, số có trình độ trên đại học, số có trình độ cao đẳng/đại học, số có lý luận chính trị cao cấp/cử nhân, số có trung cấp lý luận chính trị. Ví dụ: 2 2 0 4 0 3",
        'Số nào chưa rõ thì gõ dấu - vào chỗ của số đó, hoặc bấm "Bỏ qua" nếu không báo cáo phần này.',
      ].join("\n"),
    );
    expect(rows(composition)).toEqual([["Bỏ qua"], ["✖️ Hủy"]]);
    // The age bands are checked together with the number under 35 typed before: 1 + 3 + 2 is not 5.
    expect((await harness.say(an, "3 2 0 4 0 3")).text).toBe(
      [
        "Số dưới 35, từ 35 đến 50 và trên 50 tuổi cộng lại 1 + 3 + 2 = 6, phải bằng số ủy viên trúng cử (5).",
        "Nhập lại các số, cách nhau bằng dấu cách, ví dụ: 2 2 0 4 0 3",
      ].join("\n"),
    );
    const direct = await harness.say(an, "2 2 0 4 0 3");
    expect(direct.text).toBe("Bí thư chi bộ có được đại hội bầu trực tiếp không?");
    expect(rows(direct)).toEqual([["Có", "Không"], ["✖️ Hủy"]]);
    const oneRound = await harness.press(an, direct, "Có");
    expect(oneRound.text).toBe("Chi ủy có được bầu đủ ngay trong một lần bỏ phiếu không?");
    const votes = await harness.press(an, oneRound, "Có");
    expect(votes.text).toBe(
      [
        "Tỷ lệ phiếu bầu của người trúng cử (%), cách nhau bằng dấu cách: tỷ lệ phiếu thấp nhất, tỷ lệ phiếu cao nhất. Ví dụ: 75,5 100",
        'Số thập phân ghi bằng dấu phẩy, tối đa hai chữ số; bấm "Bỏ qua" nếu không báo cáo phần này.',
      ].join("\n"),
    );
    expect(rows(votes)).toEqual([["Bỏ qua"], ["✖️ Hủy"]]);
    expect((await harness.say(an, "75,5 49")).text).toBe(
      [
        "Tỷ lệ phiếu cao nhất: 49 nằm ngoài khoảng cho phép (từ 50,01 đến 100).",
        "Nhập lại các số, cách nhau bằng dấu cách, ví dụ: 75,5 100",
      ].join("\n"),
    );
    expect((await harness.say(an, "75,5 nhiều")).text).toBe(
      '"nhiều" không phải là số. Nhập các tỷ lệ phần trăm (tối đa hai chữ số thập phân), cách nhau bằng dấu cách, ví dụ: 75,5 100',
    );
    const attendance = await harness.say(an, "75,5 100");
    expect(attendance.text).toBe(
      [
        "Nhập các số về đại biểu và người dự đại hội, cách nhau bằng dấu cách: số đại biểu được bầu đi dự đại hội cấp trên, số đại biểu đương nhiên, số đảng viên được triệu tập, số đảng viên có mặt. Ví dụ: 3 0 30 28",
        'Có thể chỉ nhập số đầu, hoặc bấm "Bỏ qua" nếu không báo cáo phần này.',
      ].join("\n"),
    );
    expect(rows(attendance)).toEqual([["Bỏ qua"], ["✖️ Hủy"]]);
    const card = await harness.say(an, "3 0 30 28");
    expect(card.text).toBe(
      [
        "Xác nhận báo cáo — Chi bộ Tổ dân phố 7 (Đảng bộ phường Gia Thụy)",
        "Đã tổ chức đại hội: 25/02/2020",
        "Chi ủy: bầu 5/5 (đủ), nữ 2 (40,0%), dưới 35 tuổi 1 (20,0%), tái cử 3, tham gia lần đầu 2",
        "Cơ cấu: từ 35 đến 50 tuổi 2 (40,0%); trên 50 tuổi 2 (40,0%); trình độ trên đại học 0 (0,0%); cao đẳng, đại học 4 (80,0%); lý luận chính trị cao cấp, cử nhân 0 (0,0%); trung cấp lý luận chính trị 3 (60,0%)",
        "Bí thư bầu trực tiếp tại đại hội: có",
        "Bầu đủ trong một lần: có",
        "Tỷ lệ phiếu trúng cử: thấp nhất 75,5%, cao nhất 100%",
        "Đại biểu đi dự đại hội cấp trên: 3 được bầu, 0 đương nhiên",
        "Đảng viên có mặt: 28/30",
      ].join("\n"),
    );
    expect(rows(card)).toEqual([["✅ Xác nhận", "✏️ Sửa", "✖️ Hủy"]]);
    expect(await reports()).toHaveLength(0);

    const saved = await harness.press(an, card, "✅ Xác nhận");
    expect(saved.text).toBe(
      [
        "Đã lưu báo cáo. Tình hình của đơn vị:",
        "Chi bộ Tổ dân phố 7 (Đảng bộ phường Gia Thụy) — nhiệm kỳ 2020-2022",
        // The congress held closes every earlier milestone: none is left overdue or due.
        "☑️ Kế hoạch đại hội — coi như hoàn thành (đã tổ chức đại hội)",
        "☑️ Dự thảo báo cáo chính trị, kiểm điểm — coi như hoàn thành (đã tổ chức đại hội)",
        "☑️ Phương án nhân sự — coi như hoàn thành (đã tổ chức đại hội)",
        "☑️ Ấn định ngày đại hội — coi như hoàn thành (đã tổ chức đại hội)",
        "✅ Tổ chức đại hội — 25/02/2020",
      ].join("\n"),
    );
    const edited = harness.sent(an.id).find((message) => message.message_id === card.message_id)!;
    expect(edited.text).toBe(`${card.text}\n\n✅ Đã lưu.`);
    expect(rows(edited)).toEqual([["✏️ Sửa"]]);
    const stored = await reports();
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({
      milestone: "held",
      late: false,
      onBehalf: false,
      source: "telegram",
      unit: { code: "GT-07" },
      payload: {
        results: {
          committeePlanned: 5,
          committeeElected: 5,
          women: 2,
          underThirtyFive: 1,
          reElected: 3,
          agedThirtyFiveToFifty: 2,
          overFifty: 2,
          postgraduate: 0,
          graduate: 4,
          theoryAdvanced: 0,
          theoryIntermediate: 3,
          secretaryDirect: true,
          oneRound: true,
          lowestVoteShare: 75.5,
          highestVoteShare: 100,
          standingElected: null,
          standingWomen: null,
          delegates: 3,
          delegatesExOfficio: 0,
          summoned: 30,
          present: 28,
          note: null,
        },
      },
    });
    expect(stored[0]!.eventDate?.toISOString().slice(0, 10)).toBe("2020-02-25");
    expect(stored[0]!.requestKey).toMatch(/^telegram:\d+$/);
  });

  it("when only the planned and elected numbers are given, then the rest stays unknown: the card leaves it out and the database holds null", async () => {
    const milestones = await harness.say(an, "/baocao");
    const askDate = await harness.press(an, milestones, "Tổ chức đại hội");
    await harness.say(an, "hôm qua");
    const composition = await harness.say(an, "5 4");
    const direct = await harness.press(an, composition, "Bỏ qua");
    const oneRound = await harness.press(an, direct, "Không");
    const votes = await harness.press(an, oneRound, "Không");
    const attendance = await harness.press(an, votes, "Bỏ qua");
    const card = await harness.press(an, attendance, "Bỏ qua");
    expect(card.text).toBe(
      [
        "Xác nhận báo cáo — Chi bộ Tổ dân phố 7 (Đảng bộ phường Gia Thụy)",
        "Đã tổ chức đại hội: 25/02/2020",
        "Chi ủy: bầu 4/5 (thiếu)",
        "Bí thư bầu trực tiếp tại đại hội: không",
        "Bầu đủ trong một lần: không",
      ].join("\n"),
    );
    await harness.press(an, card, "✅ Xác nhận");
    expect((await reports())[0]!.payload).toEqual({
      results: { ...emptyResults(5, 4), secretaryDirect: false, oneRound: false },
    });
    expect(askDate.message_id).toBeLessThan(card.message_id);
  });

  it("when a number in the middle is not known, then a dash keeps the later ones in place", async () => {
    const milestones = await harness.say(an, "/baocao");
    const askDate = await harness.press(an, milestones, "Tổ chức đại hội");
    await harness.press(an, askDate, "Hôm qua (25/02)");
    await harness.say(an, "5 5 - 1");
    const direct = await harness.say(an, "- 2 - 3");
    const oneRound = await harness.say(an, "có");
    const votes = await harness.press(an, oneRound, "Có");
    const attendance = await harness.say(an, "- 97");
    const card = await harness.say(an, "3");
    expect(card.text?.split("\n").slice(2)).toEqual([
      "Chi ủy: bầu 5/5 (đủ), dưới 35 tuổi 1 (20,0%)",
      "Cơ cấu: trên 50 tuổi 2 (40,0%); cao đẳng, đại học 3 (60,0%)",
      "Bí thư bầu trực tiếp tại đại hội: có",
      "Bầu đủ trong một lần: có",
      "Tỷ lệ phiếu trúng cử: thấp nhất —, cao nhất 97%",
      "Đại biểu đi dự đại hội cấp trên: 3",
    ]);
    expect(votes.text?.startsWith("Tỷ lệ phiếu bầu của người trúng cử")).toBe(true);
    expect(direct.text).toBe("Bí thư chi bộ có được đại hội bầu trực tiếp không?");
    expect(attendance.text?.startsWith("Nhập các số về đại biểu")).toBe(true);
  });

  it("when a committee secretary reports a congress held, then the questions name the ban chấp hành and the numbers include the standing committee", async () => {
    const dung = await bindTelegramUser(db.database, "+84904333444");
    const milestones = await harness.say(dung, "/baocao");
    expect(milestones.text).toBe("Đảng bộ phường Ngọc Thụy: đồng chí báo cáo nội dung nào?");
    const askDate = await harness.press(dung, milestones, "Tổ chức đại hội");
    const numbers = await harness.press(dung, askDate, "Hôm nay (26/02)");
    expect(numbers.text?.split("\n")[0]).toBe(
      "Nhập các số, cách nhau bằng dấu cách: số ủy viên Ban chấp hành theo đề án, số trúng cử, số nữ, số dưới 35 tuổi, số tái cử, số ủy viên Ban Thường vụ, số nữ trong Ban Thường vụ. Ví dụ: 15 15 4 2 10 5 2",
    );
    expect((await harness.say(dung, "15 15 4 2 10 16")).text).toBe(
      [
        "Ban Thường vụ (16) không thể lớn hơn Số ủy viên trúng cử (15).",
        "Nhập lại các số, cách nhau bằng dấu cách, ví dụ: 15 15 4 2 10 5 2",
      ].join("\n"),
    );
    expect((await harness.say(dung, "15 15 4 2 10 5 6")).text?.split("\n")[0]).toBe(
      "Nữ trong Ban Thường vụ (6) không thể lớn hơn Ban Thường vụ (5).",
    );
    const composition = await harness.say(dung, "15 15 4 2 10 5 2");
    expect(composition.text?.split("\n")[0]).toMatch(/Ví dụ: 9 4 3 11 6 8$/);
    // The Ngọc Lâm congress of 2020 as its article reports it.
    const direct = await harness.say(dung, "9 4 3 11 6 8");
    expect(direct.text).toBe("Bí thư đảng ủy có được đại hội bầu trực tiếp không?");
    const oneRound = await harness.press(dung, direct, "Có");
    expect(oneRound.text).toBe("Ban chấp hành có được bầu đủ ngay trong một lần bỏ phiếu không?");
    const votes = await harness.press(dung, oneRound, "Có");
    const attendance = await harness.say(dung, "61,25 98,5");
    expect(attendance.text?.split("\n")[0]).toBe(
      "Nhập các số về đại biểu và người dự đại hội, cách nhau bằng dấu cách: số đại biểu được bầu đi dự đại hội cấp trên, số đại biểu đương nhiên, số đại biểu được triệu tập, số đại biểu có mặt. Ví dụ: 16 1 161 158",
    );
    const card = await harness.say(dung, "16 1 161 158");
    expect(card.text).toBe(
      [
        "Xác nhận báo cáo — Đảng bộ phường Ngọc Thụy (Đảng bộ quận Long Biên)",
        "Đã tổ chức đại hội: 26/02/2020",
        "Ban chấp hành: bầu 15/15 (đủ), nữ 4 (26,7%), dưới 35 tuổi 2 (13,3%), tái cử 10, tham gia lần đầu 5",
        "Cơ cấu: từ 35 đến 50 tuổi 9 (60,0%); trên 50 tuổi 4 (26,7%); trình độ trên đại học 3 (20,0%); cao đẳng, đại học 11 (73,3%); lý luận chính trị cao cấp, cử nhân 6 (40,0%); trung cấp lý luận chính trị 8 (53,3%)",
        "Ban Thường vụ: 5 đồng chí, nữ 2",
        "Bí thư bầu trực tiếp tại đại hội: có",
        "Bầu đủ trong một lần: có",
        "Tỷ lệ phiếu trúng cử: thấp nhất 61,25%, cao nhất 98,5%",
        "Đại biểu đi dự đại hội cấp trên: 16 được bầu, 1 đương nhiên",
        "Đại biểu có mặt: 158/161",
      ].join("\n"),
    );
    expect(votes.text?.split("\n")[0]).toMatch(/Ví dụ: 61,25 98,5$/);
    await harness.press(dung, card, "✅ Xác nhận");
    expect((await reports()).map((report) => [report.unit.code, report.milestone])).toEqual([["NT", "held"]]);
  });

  it("when a secretary whose Telegram is in English reports a congress held, then every question, problem and the card are in English", async () => {
    const binh = await bindTelegramUser(db.database, "+84913222111", { language_code: "en" });
    const milestones = await harness.say(binh, "/report");
    const askDate = await harness.press(binh, milestones, "Congress held");
    expect(askDate.text).toBe(
      'On which date was the congress held? Type day/month/year (e.g. 26/02/2020), "today", "yesterday", or pick it on the calendar.',
    );
    const numbers = await harness.press(binh, askDate, "Yesterday (25/02)");
    expect(numbers.text).toBe(
      [
        "Type the numbers, separated by spaces: cell committee members planned, elected, women, under 35, re-elected. E.g.: 5 5 2 1 3",
        "The first two are required; leave out unknown ones at the end, or type - in their place.",
      ].join("\n"),
    );
    expect((await harness.say(binh, "5")).text).toBe(
      "Required: cell committee members planned, elected. E.g.: 5 5 2 1 3",
    );
    expect((await harness.say(binh, "5 5 6")).text).toBe(
      [
        "Women (6) cannot be more than Members elected (5).",
        "Type the numbers again, separated by spaces, e.g.: 5 5 2 1 3",
      ].join("\n"),
    );
    const composition = await harness.say(binh, "5 5 2");
    expect(composition.text?.split("\n")[0]).toBe(
      "The make-up of the members elected. Type the numbers, separated by spaces: aged 35 to 50, over 50, postgraduate, college or university, advanced political theory, intermediate political theory. E.g.: 2 2 0 4 0 3",
    );
    const direct = await harness.press(binh, composition, "Skip");
    expect(direct.text).toBe("Was the cell secretary elected directly by the congress?");
    const oneRound = await harness.press(binh, direct, "Yes");
    expect(oneRound.text).toBe("Was the cell committee elected in full in one round of voting?");
    const votes = await harness.press(binh, oneRound, "No");
    expect(votes.text?.split("\n")[0]).toBe(
      "Share of votes of those elected (%), separated by spaces: lowest share of votes, highest share of votes. E.g.: 75.5 100",
    );
    expect((await harness.say(binh, "50 60")).text?.split("\n")[0]).toBe(
      "Lowest share of votes: 50 is outside the allowed range (50.01 to 100).",
    );
    const attendance = await harness.press(binh, votes, "Skip");
    expect(attendance.text?.split("\n")[0]).toBe(
      "Type the numbers of delegates and attendance, separated by spaces: delegates elected to the higher congress, delegates ex officio, members summoned, members present. E.g.: 3 0 30 28",
    );
    const card = await harness.press(binh, attendance, "Skip");
    expect(card.text).toBe(
      [
        "Confirm report — Chi bộ Tổ dân phố 12 (Đảng bộ phường Gia Thụy)",
        "Congress held: 25/02/2020",
        "Cell committee: elected 5/5 (in full), women 2 (40.0%)",
        "Secretary elected directly at the congress: yes",
        "Elected in full in one round: no",
      ].join("\n"),
    );
    const menu = await harness.press(binh, card, "✏️ Edit");
    expect(menu.text).toBe(
      'Choose what to change; the rest stays as it is. Nothing is saved until you press "✅ Confirm".',
    );
    const women = await harness.press(binh, menu, "Women: 2");
    expect(women.text).toBe("Of the cell committee members elected, how many are women? (from 0 to 99)");
    expect(women.reply_markup?.inline_keyboard.map((row) => row.map((button) => button.text))).toEqual([
      ["Leave blank"],
      ["‹ Back", "✖️ Cancel"],
    ]);
  });

  /** What the person did in their chat since `from`: messages sent and buttons pressed, as the emulator recorded them. */
  const interactions = (user: User, from: { messages: number; presses: number }) =>
    harness.emulator.conversation(user.id).filter((entry) => !entry.fromBot).length -
    from.messages +
    harness.emulator.callbackAnswers(harness.token).filter((answer) => answer.from.id === user.id).length -
    from.presses;
  const mark = (user: User) => ({
    messages: harness.emulator.conversation(user.id).filter((entry) => !entry.fromBot).length,
    presses: harness.emulator.callbackAnswers(harness.token).filter((answer) => answer.from.id === user.id).length,
  });

  it.each([
    ["a cell", "+84912345678", "5 5 2 1 3", "2 2 0 4 0 3", "3 0 30 28", "Chi ủy: bầu 5/5 (đủ)"],
    [
      "a committee",
      "+84904333444",
      "15 15 4 2 10 5 2",
      "9 4 3 11 6 8",
      "16 1 161 158",
      "Ban chấp hành: bầu 15/15 (đủ)",
    ],
  ])(
    "when %s reports a congress held with full results through the buttons, then it takes 10 interactions (docs/reporting.md)",
    async (_, phone, numbers, makeUp, delegates, committee) => {
      // Rebinding the secretary of GT-07 would unbind `an`, whom the other tests use.
      const user = phone === "+84912345678" ? an : await bindTelegramUser(db.database, phone);
      const start = mark(user);
      const milestones = await harness.say(user, "/baocao");
      const askDate = await harness.press(user, milestones, "Tổ chức đại hội");
      await harness.press(user, askDate, "Hôm qua (25/02)");
      await harness.say(user, numbers);
      const direct = await harness.say(user, makeUp);
      const oneRound = await harness.press(user, direct, "Có");
      await harness.press(user, oneRound, "Có");
      await harness.say(user, "61,25 98,5");
      const card = await harness.say(user, delegates);
      expect(card.text?.split("\n")[2]?.startsWith(committee)).toBe(true);
      expect(card.text?.split("\n")).toHaveLength(committee.startsWith("Chi") ? 9 : 10);
      await harness.press(user, card, "✅ Xác nhận");
      expect(await reports()).toHaveLength(1);
      expect(interactions(user, start)).toBe(10);
    },
  );

  it("when each other milestone is reported through buttons and typed dates, then each prompt names what is dated, past events offer yesterday and only a date being set offers tomorrow", async () => {
    const past = '"hôm nay", "hôm qua", hoặc chọn trên lịch.';
    const cases: [string, (prompt: RecordedMessage) => Promise<RecordedMessage>, string, string, string[]][] = [
      [
        "Kế hoạch đại hội",
        (prompt) => harness.press(an, prompt, "Hôm qua (25/02)"),
        "2020-02-25",
        `Kế hoạch đại hội được ban hành ngày nào? Gõ ngày/tháng/năm (ví dụ 26/02/2020), ${past}`,
        ["Hôm nay (26/02)", "Hôm qua (25/02)"],
      ],
      [
        "Dự thảo báo cáo chính trị, kiểm điểm",
        () => harness.say(an, "hôm qua"),
        "2020-02-25",
        `Dự thảo báo cáo chính trị, kiểm điểm hoàn thành ngày nào? Gõ ngày/tháng/năm (ví dụ 26/02/2020), ${past}`,
        ["Hôm nay (26/02)", "Hôm qua (25/02)"],
      ],
      [
        "Phương án nhân sự",
        () => harness.say(an, "20/2"),
        "2020-02-20",
        `Phương án nhân sự được cấp trên phê duyệt ngày nào? Gõ ngày/tháng/năm (ví dụ 26/02/2020), ${past}`,
        ["Hôm nay (26/02)", "Hôm qua (25/02)"],
      ],
      [
        "Ấn định ngày đại hội",
        (prompt) => harness.press(an, prompt, "Mai (27/02)"),
        "2020-02-27",
        'Đại hội được ấn định vào ngày nào? Gõ ngày/tháng/năm (ví dụ 26/02/2020), "hôm nay", "mai", hoặc chọn trên lịch.',
        ["Hôm nay (26/02)", "Mai (27/02)"],
      ],
    ];
    for (const [label, answerDate, date, question, quick] of cases) {
      const milestones = await harness.say(an, "/baocao");
      const prompt = await harness.press(an, milestones, label);
      expect(prompt.text).toBe(question);
      expect(rows(prompt)!.at(-2)).toEqual(quick);
      const card = await answerDate(prompt);
      expect(card.text?.split("\n")[0]).toBe("Xác nhận báo cáo — Chi bộ Tổ dân phố 7 (Đảng bộ phường Gia Thụy)");
      await harness.press(an, card, "✅ Xác nhận");
      expect((await reports()).at(-1)!.eventDate?.toISOString().slice(0, 10)).toBe(date);
    }
    expect((await reports()).map((report) => report.milestone)).toEqual([
      "plan",
      "documents",
      "personnel",
      "scheduled",
    ]);
    const milestones = await harness.say(an, "/baocao");
    expect(milestones.reply_markup?.inline_keyboard.slice(0, 5).map((row) => row[0]!.text)).toEqual([
      "✅ Kế hoạch đại hội",
      "✅ Dự thảo báo cáo chính trị, kiểm điểm",
      "✅ Phương án nhân sự",
      "✅ Ấn định ngày đại hội",
      "Tổ chức đại hội",
    ]);
  });

  it("when each milestone is reported in one line, then the same cards appear and confirming saves them", async () => {
    const lines: [string, string][] = [
      ["/baocao kehoach", "Kế hoạch đại hội: ban hành ngày 26/02/2020"],
      ["/baocao vankien 20/02/2020", "Dự thảo báo cáo chính trị, kiểm điểm: hoàn thành ngày 20/02/2020"],
      ["/baocao nhansu hôm qua", "Phương án nhân sự: được cấp trên phê duyệt ngày 25/02/2020"],
      ["/baocao lich 15/03/2020", "Ngày đại hội đã ấn định: 15/03/2020"],
      ["/report held 25/02/2020 bch=5/5 nu=2 tre=1 taicu=3 bttructiep=co", "Đã tổ chức đại hội: 25/02/2020"],
    ];
    for (const [line, expected] of lines) {
      const card = await harness.say(an, line);
      expect(card.text?.split("\n")[1]).toBe(expected);
      await harness.press(an, card, "✅ Xác nhận");
    }
    expect((await reports()).map((report) => report.milestone)).toEqual([
      "plan",
      "documents",
      "personnel",
      "scheduled",
      "held",
    ]);
  });

  it("when a congress held is reported in one line without taicu, as the architecture's example writes it, then it is accepted and re-elected stays unknown", async () => {
    const card = await harness.say(an, "/baocao daihoi 25/02/2020 bch=5/5 nu=2 tre=1");
    expect(card.text?.split("\n").slice(1)).toEqual([
      "Đã tổ chức đại hội: 25/02/2020",
      "Chi ủy: bầu 5/5 (đủ), nữ 2 (40,0%), dưới 35 tuổi 1 (20,0%)",
    ]);
    await harness.press(an, card, "✅ Xác nhận");
    expect((await reports())[0]!.payload).toMatchObject({
      results: { committeeElected: 5, women: 2, underThirtyFive: 1, reElected: null },
    });
  });

  it("when ✏️ Sửa is pressed on the card, then the fields show with their values, one is asked and the card comes back, and nothing is saved before ✅ Xác nhận", async () => {
    const card = await harness.say(an, "/baocao daihoi 25/02/2020 bch=5/5 nu=2 tre=1 taicu=3 bttructiep=co");
    const menu = await harness.press(an, card, "✏️ Sửa");
    expect(menu.text).toBe(
      'Chọn mục cần sửa; các mục khác giữ nguyên. Chưa có gì được ghi cho đến khi đồng chí bấm "✅ Xác nhận".',
    );
    expect(rows(menu)).toEqual([
      ["Ngày: 25/02/2020"],
      ["Số ủy viên theo đề án: 5"],
      ["Số ủy viên trúng cử: 5"],
      ["Số nữ: 2"],
      ["Số dưới 35 tuổi: 1"],
      ["Số tái cử: 3"],
      ["Số từ 35 đến 50 tuổi: —"],
      ["Số trên 50 tuổi: —"],
      ["Trình độ trên đại học: —"],
      ["Trình độ cao đẳng, đại học: —"],
      ["Lý luận chính trị cao cấp, cử nhân: —"],
      ["Trung cấp lý luận chính trị: —"],
      ["Bí thư bầu trực tiếp: có"],
      ["Bầu đủ trong một lần: —"],
      ["Tỷ lệ phiếu thấp nhất: —"],
      ["Tỷ lệ phiếu cao nhất: —"],
      ["Đại biểu dự đại hội cấp trên: —"],
      ["Đại biểu đương nhiên: —"],
      ["Số được triệu tập: —"],
      ["‹ Quay lại", "✖️ Hủy"],
    ]);
    const women = await harness.press(an, menu, "Số nữ: 2");
    expect(women.text).toBe("Trong số chi ủy viên trúng cử, bao nhiêu đồng chí nữ? (từ 0 đến 99)");
    expect(rows(women)).toEqual([["Để trống"], ["‹ Quay lại", "✖️ Hủy"]]);
    expect((await harness.say(an, "7")).text).toBe(
      ["Số nữ (7) không thể lớn hơn Số ủy viên trúng cử (5).", "Nhập lại số này, ví dụ: 2"].join("\n"),
    );
    const changed = await harness.say(an, "3");
    expect(changed.text?.split("\n").slice(2)).toEqual([
      "Chi ủy: bầu 5/5 (đủ), nữ 3 (60,0%), dưới 35 tuổi 1 (20,0%), tái cử 3, tham gia lần đầu 2",
      "Bí thư bầu trực tiếp tại đại hội: có",
    ]);
    expect(await reports()).toHaveLength(0);

    const menuAgain = await harness.press(an, changed, "✏️ Sửa");
    const oneRound = await harness.press(an, menuAgain, "Bầu đủ trong một lần: —");
    expect(oneRound.text).toBe("Chi ủy có được bầu đủ ngay trong một lần bỏ phiếu không?");
    expect(rows(oneRound)).toEqual([
      ["Có", "Không", "Để trống"],
      ["‹ Quay lại", "✖️ Hủy"],
    ]);
    const withOneRound = await harness.press(an, oneRound, "Không");
    const menuThird = await harness.press(an, withOneRound, "✏️ Sửa");
    const young = await harness.press(an, menuThird, "Số dưới 35 tuổi: 1");
    const cleared = await harness.press(an, young, "Để trống");
    const date = await harness.press(an, await harness.press(an, cleared, "✏️ Sửa"), "Ngày: 25/02/2020");
    expect(date.text?.startsWith("Đại hội đã tổ chức ngày nào?")).toBe(true);
    expect(rows(date)!.at(-1)).toEqual(["‹ Quay lại", "✖️ Hủy"]);
    const final = await harness.say(an, "24/02/2020");
    expect(final.text?.split("\n").slice(1)).toEqual([
      "Đã tổ chức đại hội: 24/02/2020",
      "Chi ủy: bầu 5/5 (đủ), nữ 3 (60,0%), tái cử 3, tham gia lần đầu 2",
      "Bí thư bầu trực tiếp tại đại hội: có",
      "Bầu đủ trong một lần: không",
    ]);
    expect(await reports()).toHaveLength(0);
    await harness.press(an, final, "✅ Xác nhận");
    const [saved] = await reports();
    expect(saved!.eventDate?.toISOString().slice(0, 10)).toBe("2020-02-24");
    expect(saved!.payload).toMatchObject({ results: { women: 3, underThirtyFive: null, oneRound: false } });
  });

  it("when a share of votes is edited, then it is asked with its range, read with a decimal comma and shown as typed", async () => {
    const card = await harness.say(an, "/baocao daihoi 25/02/2020 bch=5/5 phieucao=98,5");
    const menu = await harness.press(an, card, "✏️ Sửa");
    expect(rows(menu)).toContainEqual(["Tỷ lệ phiếu cao nhất: 98,5%"]);
    const lowest = await harness.press(an, menu, "Tỷ lệ phiếu thấp nhất: —");
    expect(lowest.text).toBe("Tỷ lệ phiếu bầu thấp nhất của người trúng cử (%)? (từ 50,01 đến 100)");
    expect((await harness.say(an, "99")).text).toBe(
      [
        "Tỷ lệ phiếu thấp nhất (99) không thể lớn hơn Tỷ lệ phiếu cao nhất (98,5).",
        "Nhập lại số này, ví dụ: 75,5",
      ].join("\n"),
    );
    const changed = await harness.say(an, "61,25");
    expect(changed.text?.split("\n").slice(2)).toEqual([
      "Chi ủy: bầu 5/5 (đủ)",
      "Tỷ lệ phiếu trúng cử: thấp nhất 61,25%, cao nhất 98,5%",
    ]);
    await harness.press(an, changed, "✅ Xác nhận");
    expect((await reports())[0]!.payload).toMatchObject({
      results: { lowestVoteShare: 61.25, highestVoteShare: 98.5 },
    });
  });

  it("when ‹ Quay lại is pressed in the edit menu or on a field, then the card comes back unchanged", async () => {
    const card = await harness.say(an, "/baocao daihoi 25/02/2020 bch=5/5 nu=2");
    const menu = await harness.press(an, card, "✏️ Sửa");
    const back = await harness.press(an, menu, "‹ Quay lại");
    expect(back.text).toBe(card.text);
    const field = await harness.press(an, await harness.press(an, back, "✏️ Sửa"), "Số ủy viên trúng cử: 5");
    expect(field.text).toBe("Số chi ủy viên trúng cử? (từ 1 đến 99)");
    expect(rows(field)).toEqual([["‹ Quay lại", "✖️ Hủy"]]);
    expect((await harness.press(an, field, "‹ Quay lại")).text).toBe(card.text);
  });

  it("when a held report is corrected, then the card shows old → new and a new event supersedes the old one", async () => {
    const first = await harness.say(an, "/baocao daihoi 25/02/2020 bch=5/5 nu=2 tre=1 taicu=3");
    await harness.press(an, first, "✅ Xác nhận");
    const card = await harness.say(an, "/baocao daihoi 25/02/2020 bch=5/5 nu=3 tre=1 taicu=3");
    expect(card.text?.split("\n").slice(-2)).toEqual(["Sửa báo cáo trước (cũ → mới):", "• Số nữ: 2 → 3"]);
    await harness.press(an, card, "✅ Xác nhận");
    const [old, corrected] = await reports();
    expect(corrected!.supersedesId).toBe(old!.id);
    expect((corrected!.payload as { results: { women: number } }).results.women).toBe(3);
    const audit = await db.database.prisma.auditLog.findMany({
      where: { action: { startsWith: "report." } },
      orderBy: { id: "asc" },
    });
    expect(audit.map((entry) => entry.action)).toEqual(["report.create", "report.correct"]);
    expect(audit[1]!.details).toMatchObject({ before: { reportId: old!.id }, after: { eventDate: "2020-02-25" } });

    // "Sửa" on the saved card opens the saved values; one field changes and the card shows old → new.
    const savedCard = harness.sent(an.id).find((message) => message.message_id === card.message_id)!;
    const menu = await harness.press(an, savedCard, "✏️ Sửa");
    expect(rows(menu)!.slice(0, 6)).toEqual([
      ["Ngày: 25/02/2020"],
      ["Số ủy viên theo đề án: 5"],
      ["Số ủy viên trúng cử: 5"],
      ["Số nữ: 3"],
      ["Số dưới 35 tuổi: 1"],
      ["Số tái cử: 3"],
    ]);
    const reElected = await harness.press(an, menu, "Số tái cử: 3");
    expect(reElected.text).toBe("Trong số chi ủy viên trúng cử, bao nhiêu đồng chí tái cử? (từ 0 đến 99)");
    const correction = await harness.say(an, "4");
    expect(correction.text?.split("\n").slice(2)).toEqual([
      "Chi ủy: bầu 5/5 (đủ), nữ 3 (60,0%), dưới 35 tuổi 1 (20,0%), tái cử 4, tham gia lần đầu 1",
      "",
      "Sửa báo cáo trước (cũ → mới):",
      "• Số tái cử: 3 → 4",
    ]);
    expect(await reports()).toHaveLength(2);
    await harness.press(an, correction, "✅ Xác nhận");
    const all = await reports();
    expect(all).toHaveLength(3);
    expect(all[2]!.supersedesId).toBe(corrected!.id);
    expect((all[2]!.payload as { results: { reElected: number } }).results.reElected).toBe(4);
  });

  it("when ✏️ Sửa is pressed on a saved report without results, then it asks the date again and the card shows old → new", async () => {
    const card = await harness.say(an, "/baocao vankien hôm qua");
    await harness.press(an, card, "✅ Xác nhận");
    const savedCard = harness.sent(an.id).find((message) => message.message_id === card.message_id)!;
    const askDate = await harness.press(an, savedCard, "✏️ Sửa");
    expect(askDate.text?.startsWith("Dự thảo báo cáo chính trị, kiểm điểm hoàn thành ngày nào?")).toBe(true);
    expect(rows(askDate)!.slice(-2)).toEqual([
      ["Hôm nay (26/02)", "Hôm qua (25/02)"],
      ["‹ Quay lại", "✖️ Hủy"],
    ]);
    const correction = await harness.press(an, askDate, "Hôm nay (26/02)");
    expect(correction.text?.split("\n").slice(1)).toEqual([
      "Dự thảo báo cáo chính trị, kiểm điểm: hoàn thành ngày 26/02/2020",
      "",
      "Sửa báo cáo trước (cũ → mới):",
      "• Ngày: 25/02/2020 → 26/02/2020",
    ]);
  });

  it("when a milestone is done after its deadline, then it is accepted and marked done late", async () => {
    clock.set("2020-03-20T03:00:00Z");
    // The date is fixed on 20/03, after its deadline of 15/03 (the 25/03 it names is the congress's).
    const card = await harness.say(an, "/baocao lich 25/03/2020");
    expect(card.text?.split("\n").at(-1)).toBe(
      "Hoàn thành sau hạn 15/03/2020: vẫn được ghi nhận, đánh dấu hoàn thành muộn.",
    );
    const saved = await harness.press(an, card, "✅ Xác nhận");
    expect(saved.text).toContain("✅ Ấn định ngày đại hội — 25/03/2020 (hoàn thành sau hạn 15/03/2020)");
    expect((await reports())[0]!.late).toBe(true);
  });

  it("when on-time work is reported after its deadline, then it is reported late, never called late work", async () => {
    // The plan was issued on 20/01 (due 31/01) and is reported on 26/02.
    const card = await harness.say(an, "/baocao kehoach 20/01/2020");
    expect(card.text?.split("\n").at(-1)).toBe(
      "Báo cáo sau hạn 31/01/2020, việc hoàn thành đúng hạn: vẫn được ghi nhận, đánh dấu báo cáo muộn.",
    );
    const saved = await harness.press(an, card, "✅ Xác nhận");
    expect(saved.text).toContain(
      "✅ Kế hoạch đại hội — 20/01/2020 (báo cáo ngày 26/02/2020, sau hạn 31/01/2020; việc hoàn thành đúng hạn)",
    );
    expect((await reports())[0]!.late).toBe(true);
  });

  it("when a date is fixed before its deadline for a congress after it, then nothing is late", async () => {
    clock.set("2020-03-12T03:00:00Z");
    const card = await harness.say(an, "/baocao lich 30/03/2020");
    expect(card.text).not.toContain("sau hạn");
    const saved = await harness.press(an, card, "✅ Xác nhận");
    expect(saved.text).toContain("✅ Ấn định ngày đại hội — 30/03/2020\n");
    expect((await reports())[0]!.late).toBe(false);
  });

  it("when the confirmation is delivered twice, then one event is stored", async () => {
    const card = await harness.say(an, "/baocao kehoach");
    const before = harness.sent(an.id).length;
    const update = harness.emulator.pressButton(harness.token, { from: an, message: card, text: "✅ Xác nhận" });
    await harness.emulator.waitForBotMessages(an.id, before + 1);
    await harness.app.inbox.drain();
    await storeUpdates(db.database.prisma, [{ ...update, update_id: update.update_id }]);
    await db.database.prisma.telegramUpdate.update({
      where: { updateId: BigInt(update.update_id) },
      data: { processedAt: null },
    });
    await harness.app.inbox.drain();
    expect(await reports()).toHaveLength(1);
  });

  it("when a flow is left for more than 30 minutes, then resuming it says it expired and saves nothing", async () => {
    const milestones = await harness.say(an, "/baocao");
    const askDate = await harness.press(an, milestones, "Kế hoạch đại hội");
    clock.advance(31 * 60_000);
    const expired = await harness.say(an, "hôm nay");
    expect(expired.text).toBe(
      "Phiên báo cáo đã hết hạn (quá 30 phút không thao tác), chưa có gì được ghi. Gõ /baocao để bắt đầu lại.",
    );
    const answered = harness.emulator.callbackAnswers(harness.token).length;
    harness.emulator.pressButton(harness.token, { from: an, message: askDate, text: "Hôm nay (26/02)" });
    const answer = await harness.emulator.waitFor(() => harness.emulator.callbackAnswers(harness.token)[answered]);
    expect(answer.text).toBe("Nút này đã cũ. Đồng chí dùng tin nhắn mới nhất, hoặc gõ /baocao để bắt đầu lại.");
    expect(await reports()).toHaveLength(0);
  });

  it("when cancelled, then nothing is saved", async () => {
    const card = await harness.say(an, "/baocao kehoach");
    const cancelled = await harness.press(an, card, "✖️ Hủy");
    expect(cancelled.text).toBe("Đã hủy báo cáo; không có gì được ghi.");
    expect(await reports()).toHaveLength(0);
  });

  it("when the bot restarts in the middle of a flow, then the flow continues where it was", async () => {
    const milestones = await harness.say(an, "/baocao");
    const askDate = await harness.press(an, milestones, "Phương án nhân sự");
    await harness.app.stop();
    const restarted = await startBotHarness(db.database, { clock, emulator: harness.emulator });
    try {
      const card = await restarted.press(an, askDate, "Hôm nay (26/02)");
      await restarted.press(an, card, "✅ Xác nhận");
      expect((await reports()).map((report) => report.milestone)).toEqual(["personnel"]);
    } finally {
      await restarted.stop();
      harness = await startBotHarness(db.database, { clock, emulator: harness.emulator });
    }
  });

  it("when /baocao is used in a group, then it points to the private chat and shows nothing of the unit", async () => {
    const group = { id: -100777, type: "supergroup" as const, title: "BTV" };
    harness.emulator.registerChat(group);
    const before = await databaseFingerprint(db.database);
    const reply = await harness.say(an, "/baocao daihoi 25/02/2020 bch=5/5 nu=2 tre=1 taicu=3", group);
    expect(reply.text).toBe(
      "Báo cáo chỉ thực hiện trong tin nhắn riêng với Trợ lý, để thông tin của đơn vị không hiện trong nhóm.",
    );
    expect(await databaseFingerprint(db.database)).toEqual(before);
  });
});
