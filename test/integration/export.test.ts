// /xuat (/export): who gets which workbook, read back cell by cell from the bytes the emulator received;
// and who gets a refusal instead, with nothing sent and nothing written.
import type { User } from "grammy/types";
import type ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fixedClock } from "../../src/clock.js";
import { findActiveUnits, openDifficulty } from "../../src/db/difficulty-store.js";
import { saveReport } from "../../src/db/report-store.js";
import { emptyResults, type ElectionResults } from "../../src/domain/election-results.js";
import type { Milestone } from "../../src/domain/levels.js";
import type { RecordedMessage } from "../../src/emulator/index.js";
import { startBotHarness, telegramUser, type BotHarness } from "../support/bot-harness.js";
import { bindTelegramUser, importFixture } from "../support/roster.js";
import { createTestDatabase, databaseFingerprint, type TestDatabase } from "../support/test-database.js";
import { downloadDocument, readWorkbook, rowValues, sheetRecords } from "../support/workbook.js";
import { docxParagraphs } from "../support/docx.js";

// 10:00 on 20/03/2020 in Hà Nội.
const clock = fixedClock("2020-03-20T03:00:00Z");
const day = (date: string) => new Date(`${date}T00:00:00Z`);

const results = (values: Partial<ElectionResults>): ElectionResults => ({
  ...emptyResults(5, 5),
  committeePlanned: 5,
  committeeElected: 5,
  standingElected: null,
  women: 0,
  underThirtyFive: 0,
  reElected: 0,
  secretaryDirect: null,
  oneRound: null,
  delegates: null,
  summoned: null,
  present: null,
  note: null,
  ...values,
});

/** The congresses held in this test, with the level of each unit: the statistics must add these up. */
const held: { code: string; level: "cell" | "grassroots"; date: string; results: ElectionResults | null }[] = [
  {
    code: "GT-07",
    level: "cell",
    date: "2020-03-12",
    results: results({
      committeePlanned: 5,
      committeeElected: 5,
      women: 2,
      underThirtyFive: 1,
      reElected: 3,
      secretaryDirect: true,
      oneRound: true,
    }),
  },
  {
    code: "GT-12",
    level: "cell",
    date: "2020-03-14",
    results: results({ committeePlanned: 3, committeeElected: 2, women: 1, reElected: 2, secretaryDirect: false }),
  },
  { code: "NT-A-01", level: "cell", date: "2020-03-16", results: null },
  {
    code: "KB",
    level: "grassroots",
    date: "2020-03-04",
    results: results({
      committeePlanned: 7,
      committeeElected: 7,
      standingElected: 3,
      standingWomen: 1,
      women: 3,
      underThirtyFive: 1,
      agedThirtyFiveToFifty: 4,
      overFifty: 2,
      reElected: 4,
      postgraduate: 1,
      graduate: 6,
      theoryAdvanced: 2,
      theoryIntermediate: 5,
      secretaryDirect: true,
      oneRound: true,
      lowestVoteShare: 61.25,
      highestVoteShare: 98.5,
      delegates: 5,
      delegatesExOfficio: 1,
      summoned: 30,
      present: 29,
    }),
  },
];

const unitHeaders = [
  "Mã",
  "Đơn vị",
  "Cấp",
  "Mã cấp trên",
  "Đơn vị cấp trên",
  "Đại hội điểm (ngày)",
  "Kế hoạch",
  "Dự thảo văn kiện",
  "Phương án nhân sự",
  "Ngày đại hội (ấn định)",
  "Ngày đã đại hội",
  "Hạn đại hội",
  "Mốc hoàn thành sau hạn",
  "Mốc báo cáo sau hạn (việc đúng hạn)",
  "Mốc quá hạn",
  "Số ngày quá hạn",
  "Đã hoãn (tạm dừng nhắc)",
  "Khó khăn đang mở",
  "Bí thư",
];

describe("export (/xuat)", () => {
  let db: TestDatabase;
  let harness: BotHarness;
  let nextUpdateId = 910_000_001;
  const users: Record<string, User> = {};
  const prisma = () => db.database.prisma;
  const group = { id: -100_500_600, type: "supergroup" as const, title: "BTV Quận ủy" };

  async function report(
    code: string,
    milestone: Milestone,
    eventDate: string,
    options: { late?: boolean; results?: ElectionResults | null } = {},
  ) {
    const unit = await prisma().unit.findFirstOrThrow({ where: { code } });
    const campaign = await prisma().campaign.findFirstOrThrow({ where: { active: true } });
    const outcome = await saveReport(prisma(), {
      organizationId: unit.organizationId,
      campaignId: campaign.id,
      unitId: unit.id,
      milestone,
      eventDate,
      payload: options.results ? { results: { ...options.results } } : {},
      authorId: null,
      onBehalf: false,
      late: options.late ?? false,
      source: "cli",
      requestKey: null,
      actor: "test",
      recordedAt: new Date(`${eventDate}T05:00:00Z`),
    });
    expect(outcome.saved).toBe(true);
  }

  async function difficulty(code: string, text: string, openedAt: string, sensitive = false): Promise<number> {
    const [unit] = await findActiveUnits(prisma(), [(await prisma().unit.findFirstOrThrow({ where: { code } })).id]);
    const opener = await prisma().person.findFirstOrThrow({ orderBy: { id: "asc" } });
    const opened = await openDifficulty(prisma(), {
      unit: unit!,
      text,
      sensitive,
      openedById: opener.id,
      openedAt: new Date(openedAt),
      telegramUpdateId: nextUpdateId++,
      actor: "test",
      notices: [],
    });
    return opened.id;
  }

  /** Sends the command and returns the bot's one answer. */
  async function send(user: User, text: string): Promise<RecordedMessage> {
    const answer = await harness.say(user, text);
    await harness.app.inbox.drain();
    return answer;
  }

  async function exportAs(
    user: User,
    text = "/xuat",
  ): Promise<{ message: RecordedMessage; workbook: ExcelJS.Workbook }> {
    const message = await send(user, text);
    expect(message.text, "a document, not a text answer").toBeUndefined();
    return { message, workbook: await readWorkbook(await downloadDocument(harness, message)) };
  }

  const codesOf = (sheet: ExcelJS.Worksheet) => sheetRecords(sheet).map((record) => Object.values(record)[0]);

  beforeAll(async () => {
    db = await createTestDatabase();
    await importFixture(db.database, "export-org.yaml");
    await report("GT-07", "plan", "2020-01-20");
    await report("GT-07", "documents", "2020-02-20");
    await report("GT-07", "personnel", "2020-03-05");
    await report("GT-07", "scheduled", "2020-03-12");
    await report("GT-12", "plan", "2020-02-05", { late: true });
    for (const congress of held) await report(congress.code, "held", congress.date, { results: congress.results });
    await difficulty("GT-12", "Chưa thống nhất phương án nhân sự", "2020-03-10T02:30:00Z");
    await difficulty("NT", "Đơn tố cáo đồng chí X về kê khai tài sản", "2020-03-15T08:00:00Z", true);
    const resolved = await difficulty("KB", "Thiếu hội trường", "2020-02-01T02:00:00Z");
    await prisma().difficulty.update({
      where: { id: resolved },
      data: { resolvedAt: new Date("2020-02-10T02:00:00Z") },
    });
    for (const [name, phone, language] of [
      ["an", "+84912345678", "vi"],
      ["cuong", "+84904111222", "vi"],
      ["dung", "+84904333444", "vi"],
      ["ha", "+84905555666", "vi"],
      ["lan", "+84906777888", "en"],
      ["minh", "+84907999000", "vi"],
      ["nga", "+84908123456", "vi"],
      ["phuc", "+84909111333", "vi"],
    ] as const) {
      users[name] = await bindTelegramUser(db.database, phone, { language_code: language });
    }
    const top = await prisma().unit.findFirstOrThrow({ where: { code: "LB" } });
    await prisma().chatBinding.create({
      data: { organizationId: top.organizationId, unitId: top.id, chatId: BigInt(group.id), title: group.title },
    });
    harness = await startBotHarness(db.database, { clock });
    harness.emulator.registerChat(group);
  });

  afterAll(async () => {
    await harness?.stop();
    await db?.drop();
  });

  it("when a standing committee member sends /xuat, then the Word report follows the workbook with the same figures", async () => {
    const { message } = await exportAs(users.ha!);
    const [report] = harness.sent(message.chat.id).slice(-1);
    expect(report!.document).toMatchObject({
      file_name: "bao-cao-tien-do-dai-hoi-LB-20200320.docx",
      mime_type: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    });
    expect(report!.caption).toBe(
      "Báo cáo tiến độ đại hội (bản Word để chỉnh sửa, ký ban hành) — Đảng bộ quận Long Biên (LB). Số liệu tính đến ngày 20/03/2020.",
    );
    const paragraphs = docxParagraphs(await downloadDocument(harness, report!));
    expect(paragraphs).toContain("BÁO CÁO");
    expect(paragraphs).toContain("(Số liệu tính đến ngày 20/03/2020)");
    // The cells' sentence carries the summary sheet's figures.
    const cells = (await exportAs(users.ha!)).workbook.worksheets[0]!;
    let total: ExcelJS.CellValue[] = [];
    cells.eachRow((row) => {
      if (row.getCell(2).value === "Cộng chi bộ trực thuộc") total = [row.getCell(3).value, row.getCell(4).value];
    });
    const [held, all] = total as [number, number];
    expect(
      paragraphs.some((text) => text.startsWith(`Đến ngày 20/03/2020, đã có ${held}/${all} chi bộ trực thuộc`)),
    ).toBe(true);
  });

  it("when a standing committee member sends /xuat, then they get the whole organisation's workbook with every sheet filled as recorded", async () => {
    const { message, workbook } = await exportAs(users.ha!);
    expect(message.document).toMatchObject({
      file_name: "tien-do-dai-hoi-LB-20200320-1000.xlsx",
      mime_type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    });
    expect(message.caption).toBe("Tiến độ đại hội — Đảng bộ quận Long Biên (LB). Số liệu lúc 10:00 ngày 20/03/2020.");
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual([
      "Tổng hợp",
      "Tiến độ đơn vị",
      "Kết quả bầu cử",
      "Thống kê theo cấp",
      "Khó khăn đang mở",
    ]);
    // The detailed sheets (the summary has its official head: test/cli/export-summary.test.ts).
    for (const sheet of workbook.worksheets.slice(1)) {
      expect(sheet.getCell("A1").value).toBe(
        "Đảng bộ quận Long Biên — số liệu lúc 10:00 ngày 20/03/2020 — Đại hội đảng bộ các cấp nhiệm kỳ 2020-2025",
      );
      expect(sheet.getCell("A1").font?.bold).toBe(true);
      expect(sheet.views[0]).toMatchObject({ state: "frozen", ySplit: 2 });
      expect(sheet.getRow(2).font?.bold).toBe(true);
      // exceljs leaves out a width equal to its default (9), and reads it back as undefined.
      const widths = Array.from({ length: sheet.columnCount }, (_, index) => sheet.getColumn(index + 1).width ?? 9);
      expect(Math.min(...widths), `${sheet.name}: ${widths.join(",")}`).toBeGreaterThanOrEqual(6);
    }

    const units = workbook.getWorksheet("Tiến độ đơn vị")!;
    expect(rowValues(units, 2)).toEqual(unitHeaders);
    expect(units.views[0]).toMatchObject({ xSplit: 2 });
    // Tree order: each unit followed by the units under it, in the file's order.
    expect(codesOf(units)).toEqual(["LB", "GT", "GT-07", "GT-12", "NT", "NT-A", "NT-A-01", "NT-02", "KB"]);
    const gt07 = rowValues(units, 5);
    expect(gt07).toEqual([
      "GT-07",
      "Chi bộ Tổ dân phố 7",
      "Chi bộ",
      "GT",
      "Đảng bộ phường Gia Thụy",
      null,
      day("2020-01-20"),
      day("2020-02-20"),
      day("2020-03-05"),
      day("2020-03-12"),
      day("2020-03-12"),
      day("2020-03-31"),
      null,
      null,
      null,
      null,
      null,
      0,
      "Nguyễn Văn An",
    ]);
    // A date cell is a real date shown as dd/mm/yyyy; counts are numbers.
    expect(units.getCell(5, 7).type).toBe(4 /* ExcelJS.ValueType.Date */);
    expect(units.getCell(5, 7).numFmt).toBe("dd/mm/yyyy");
    expect(units.getCell(5, 18).type).toBe(2 /* ExcelJS.ValueType.Number */);
    const records = Object.fromEntries(sheetRecords(units).map((record) => [record.Mã, record]));
    expect(records.GT).toMatchObject({
      "Đại hội điểm (ngày)": day("2020-03-11"),
      "Hạn đại hội": day("2020-06-10"),
      "Mốc quá hạn": "kế hoạch",
      "Số ngày quá hạn": 34,
      "Bí thư": "Lê Văn Cường",
    });
    // GT-12 issued its plan after the deadline (31/01) and held its congress on 14/03: the plan was done
    // late; what the congress closes is not overdue.
    expect(records["GT-12"]).toMatchObject({
      "Kế hoạch": day("2020-02-05"),
      "Ngày đã đại hội": day("2020-03-14"),
      "Mốc hoàn thành sau hạn": "kế hoạch",
      "Mốc báo cáo sau hạn (việc đúng hạn)": null,
      "Mốc quá hạn": null,
      "Số ngày quá hạn": null,
      "Khó khăn đang mở": 1,
      "Bí thư": null,
    });
    expect(records["NT-02"]).toMatchObject({
      "Mốc quá hạn": "kế hoạch, văn kiện, nhân sự, ấn định ngày",
      "Số ngày quá hạn": 49,
      "Khó khăn đang mở": 0,
    });
    expect(records.NT).toMatchObject({
      "Khó khăn đang mở": 1,
      "Bí thư": "Phạm Văn Dũng",
      Cấp: "Tổ chức cơ sở đảng",
    });
    expect(records["NT-A"]).toMatchObject({
      Cấp: "Đảng bộ bộ phận",
      "Mã cấp trên": "NT",
      "Hạn đại hội": day("2020-04-15"),
      "Bí thư": "Bùi Thị Nga",
    });
    expect(records.LB).toMatchObject({
      Cấp: "Đảng bộ quận, huyện",
      "Mã cấp trên": null,
      "Hạn đại hội": day("2020-07-31"),
    });

    const elections = workbook.getWorksheet("Kết quả bầu cử")!;
    expect(codesOf(elections)).toEqual(["GT-07", "GT-12", "NT-A-01", "KB"]);
    expect(rowValues(elections, 2)).toEqual([
      "Mã",
      "Đơn vị",
      "Cấp",
      "Ngày đại hội",
      "BCH theo đề án",
      "BCH trúng cử",
      "Bầu đủ",
      "Ủy viên BTV",
      "Nữ trong BTV",
      "Nữ",
      "Dưới 35 tuổi",
      "Từ 35 đến 50 tuổi",
      "Trên 50 tuổi",
      "Tái cử",
      "Tham gia lần đầu",
      "Trên đại học",
      "Cao đẳng, đại học",
      "LLCT cao cấp, cử nhân",
      "Trung cấp LLCT",
      "Bí thư bầu trực tiếp",
      "Bầu một lần đủ",
      "Tỷ lệ phiếu thấp nhất",
      "Tỷ lệ phiếu cao nhất",
      "Đại biểu được bầu dự đại hội cấp trên",
      "Đại biểu đương nhiên",
      "Số được triệu tập",
      "Số có mặt",
      "Ghi chú",
    ]);
    expect(rowValues(elections, 4)).toEqual([
      "GT-12",
      "Chi bộ Tổ dân phố 12",
      "Chi bộ",
      day("2020-03-14"),
      3,
      2,
      "Không",
      null,
      null,
      1,
      0,
      null,
      null,
      2,
      0,
      null,
      null,
      null,
      null,
      "Không",
      null,
      null,
      null,
      null,
      null,
      null,
      null,
      null,
    ]);
    expect(rowValues(elections, 5).slice(0, 6)).toEqual([
      "NT-A-01",
      "Chi bộ Tổ dân phố 1",
      "Chi bộ",
      day("2020-03-16"),
      null,
      null,
    ]);
    expect(rowValues(elections, 5).at(-1)).toBe("Báo cáo chưa có kết quả bầu cử");
    expect(rowValues(elections, 6)).toEqual([
      "KB",
      "Chi bộ Kho bạc Nhà nước Long Biên",
      "Tổ chức cơ sở đảng",
      day("2020-03-04"),
      7,
      7,
      "Có",
      3,
      1,
      3,
      1,
      4,
      2,
      4,
      3,
      1,
      6,
      2,
      5,
      "Có",
      "Có",
      // A share of votes is a percentage cell: its value is the fraction.
      0.6125,
      0.985,
      5,
      1,
      30,
      29,
      null,
    ]);
    expect(elections.getRow(6).getCell(22).numFmt).toBe("0.00%");

    // The statistics sheet against a count made here, from the list of congresses this test recorded.
    const statistics = workbook.getWorksheet("Thống kê theo cấp")!;
    const stats = Object.fromEntries(sheetRecords(statistics).map((record) => [record.Cấp, record]));
    expect(Object.keys(stats)).toEqual(["Đảng bộ quận, huyện", "Tổ chức cơ sở đảng", "Đảng bộ bộ phận", "Chi bộ"]);
    const unitsPerLevel = {
      "Đảng bộ quận, huyện": 1,
      "Tổ chức cơ sở đảng": 3,
      "Đảng bộ bộ phận": 1,
      "Chi bộ": 4,
    } as Record<string, number>;
    const levelOf = { cell: "Chi bộ", grassroots: "Tổ chức cơ sở đảng" } as const;
    for (const level of Object.keys(stats)) {
      const rows = held.filter((congress) => levelOf[congress.level] === level);
      const known = rows.flatMap((congress) => (congress.results ? [congress.results] : []));
      let planned = 0,
        elected = 0,
        women = 0,
        young = 0,
        reElected = 0,
        direct = 0,
        delegates = 0,
        standing = 0,
        short: string[] = [];
      for (const congress of rows) {
        const r = congress.results;
        if (!r) continue;
        planned += r.committeePlanned;
        elected += r.committeeElected;
        women += r.women ?? 0;
        young += r.underThirtyFive ?? 0;
        reElected += r.reElected ?? 0;
        if (r.secretaryDirect === true) direct += 1;
        delegates += r.delegates ?? 0;
        standing += r.standingElected ?? 0;
        if (r.committeeElected < r.committeePlanned) short.push(congress.code);
      }
      const total = unitsPerLevel[level]!;
      const share = (part: number, whole: number) => (whole === 0 ? null : part / whole);
      // A further count and its share, over the congresses that reported it (none: both empty).
      const further = (
        header: string,
        shareHeader: string,
        pick: (r: ElectionResults) => number | null,
        base = (r: ElectionResults) => r.committeeElected,
      ) => {
        const reported = known.filter((r) => pick(r) !== null);
        const count = reported.reduce((sum, r) => sum + pick(r)!, 0);
        const whole = reported.reduce((sum, r) => sum + base(r), 0);
        return { [header]: reported.length > 0 ? count : null, [shareHeader]: share(count, whole) };
      };
      const attended = known.filter((r) => r.summoned !== null && r.present !== null);
      const lows = known.flatMap((r) => (r.lowestVoteShare === null ? [] : [r.lowestVoteShare / 100]));
      const highs = known.flatMap((r) => (r.highestVoteShare === null ? [] : [r.highestVoteShare / 100]));
      expect(stats[level], level).toEqual({
        ...further("Từ 35 đến 50 tuổi", "Tỷ lệ từ 35 đến 50 tuổi", (r) => r.agedThirtyFiveToFifty),
        ...further("Trên 50 tuổi", "Tỷ lệ trên 50 tuổi", (r) => r.overFifty),
        ...further("Trên đại học", "Tỷ lệ trên đại học", (r) => r.postgraduate),
        ...further("Cao đẳng, đại học", "Tỷ lệ cao đẳng, đại học", (r) => r.graduate),
        ...further("LLCT cao cấp, cử nhân", "Tỷ lệ LLCT cao cấp, cử nhân", (r) => r.theoryAdvanced),
        ...further("Trung cấp LLCT", "Tỷ lệ trung cấp LLCT", (r) => r.theoryIntermediate),
        ...further(
          "Nữ trong BTV",
          "Tỷ lệ nữ trong BTV",
          (r) => (r.standingElected === null ? null : r.standingWomen),
          (r) => r.standingElected ?? 0,
        ),
        "Số đơn vị bầu một lần đủ": known.filter((r) => r.oneRound === true).length,
        "Tỷ lệ phiếu thấp nhất": lows.length > 0 ? Math.min(...lows) : null,
        "Tỷ lệ phiếu cao nhất": highs.length > 0 ? Math.max(...highs) : null,
        "Đại biểu đương nhiên": known.reduce((sum, r) => sum + (r.delegatesExOfficio ?? 0), 0),
        "Số được triệu tập": attended.reduce((sum, r) => sum + r.summoned!, 0),
        "Số có mặt": attended.reduce((sum, r) => sum + r.present!, 0),
        "Tỷ lệ có mặt": share(
          attended.reduce((sum, r) => sum + r.present!, 0),
          attended.reduce((sum, r) => sum + r.summoned!, 0),
        ),
        Cấp: level,
        "Số đơn vị": total,
        "Đã đại hội": rows.length,
        "Tỷ lệ đã đại hội": share(rows.length, total),
        "Có kết quả bầu cử": known.length,
        "BCH theo đề án": planned,
        "BCH trúng cử": elected,
        "Tỷ lệ trúng cử/đề án": share(elected, planned),
        "Số đơn vị bầu đủ": known.length - short.length,
        "Số đơn vị bầu thiếu": short.length,
        "Đơn vị bầu thiếu": short.length > 0 ? short.join(", ") : null,
        Nữ: women,
        "Tỷ lệ nữ": share(women, elected),
        "Dưới 35 tuổi": young,
        "Tỷ lệ dưới 35 tuổi": share(young, elected),
        "Tái cử": reElected,
        "Tỷ lệ tái cử": share(reElected, elected),
        "Tham gia lần đầu": elected - reElected,
        "Tỷ lệ tham gia lần đầu": share(elected - reElected, elected),
        "Ủy viên BTV": standing,
        "Số bí thư bầu trực tiếp": direct,
        "Đại biểu được bầu dự đại hội cấp trên": delegates,
      });
    }
    expect(stats["Chi bộ"]).toMatchObject({
      "Đã đại hội": 3,
      "BCH trúng cử": 7,
      "Tỷ lệ nữ": 3 / 7,
      "Đơn vị bầu thiếu": "GT-12",
    });
    expect(statistics.getCell(3, 4).numFmt).toBe("0.0%");
    // No total row over levels: the last row is the cells' own.
    expect(statistics.getCell(statistics.rowCount, 1).value).toBe("Chi bộ");

    const difficulties = workbook.getWorksheet("Khó khăn đang mở")!;
    expect(rowValues(difficulties, 2)).toEqual(["Mã", "Đơn vị", "Ngày nêu", "Nội dung"]);
    expect(sheetRecords(difficulties)).toEqual([
      {
        Mã: "GT-12",
        "Đơn vị": "Chi bộ Tổ dân phố 12",
        "Ngày nêu": new Date("2020-03-10T09:30:00Z"),
        "Nội dung": "Chưa thống nhất phương án nhân sự",
      },
      {
        Mã: "NT",
        "Đơn vị": "Đảng bộ phường Ngọc Thụy",
        "Ngày nêu": new Date("2020-03-15T15:00:00Z"),
        "Nội dung": "🔒 Đơn thư, khiếu nại, tố cáo: không hiển thị nội dung",
      },
    ]);
    expect(difficulties.getCell(3, 3).numFmt).toBe("dd/mm/yyyy hh:mm");
    // The complaint's text appears nowhere in the workbook.
    for (const sheet of workbook.worksheets) {
      sheet.eachRow((row) => row.eachCell((cell) => expect(String(cell.value)).not.toContain("kê khai tài sản")));
    }
  });

  it("when the person's language is English, then the workbook, its name and caption are in English", async () => {
    const { message, workbook } = await exportAs(users.lan!, "/export");
    expect(message.document?.file_name).toBe("congress-progress-NT-20200320-1000.xlsx");
    expect(message.caption).toBe(
      "Congress progress — Đảng bộ phường Ngọc Thụy (NT). Figures as of 10:00 on 20/03/2020.",
    );
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual([
      "Summary",
      "Unit status",
      "Election results",
      "Statistics by level",
      "Open difficulties",
    ]);
    const units = workbook.getWorksheet("Unit status")!;
    expect(units.getCell("A1").value).toBe(
      "Đảng bộ quận Long Biên — Đảng bộ phường Ngọc Thụy (NT) — figures as of 10:00 on 20/03/2020 — Đại hội đảng bộ các cấp nhiệm kỳ 2020-2025",
    );
    expect(rowValues(units, 2).slice(0, 7)).toEqual([
      "Code",
      "Unit",
      "Level",
      "Parent code",
      "Parent unit",
      "Pilot congress (date)",
      "Plan",
    ]);
    // An admin of NT sees NT's subtree only.
    expect(codesOf(units)).toEqual(["NT", "NT-A", "NT-A-01", "NT-02"]);
    expect(sheetRecords(units)[3]).toMatchObject({
      Level: "Cell",
      Overdue: "plan, documents, personnel, date set",
      "Days overdue": 49,
    });
    const statistics = workbook.getWorksheet("Statistics by level")!;
    expect(
      rowValues(statistics, 3)
        .map((value) => (value !== null && typeof value === "object" ? "?" : value))
        .slice(0, 3),
    ).toEqual(["Grassroots organisation", 1, 0]);
    expect(rowValues(statistics, statistics.rowCount).slice(0, 3)).toEqual(["Cell", 2, 1]);
    expect(sheetRecords(workbook.getWorksheet("Open difficulties")!).map((record) => record.Text)).toEqual([
      "🔒 Complaint letter: text not shown",
    ]);
  });

  it("when a working-group leader exports, then they get their group's units, or one of them by code, and never another unit", async () => {
    const all = await exportAs(users.minh!);
    expect(all.message.caption).toBe(
      "Tiến độ đại hội — Đảng bộ phường Gia Thụy (GT); Chi bộ Kho bạc Nhà nước Long Biên (KB). Số liệu lúc 10:00 ngày 20/03/2020.",
    );
    expect(all.message.document?.file_name).toBe("tien-do-dai-hoi-LB-20200320-1000.xlsx");
    expect(codesOf(all.workbook.getWorksheet("Tiến độ đơn vị")!)).toEqual(["GT", "GT-07", "GT-12", "KB"]);
    expect(codesOf(all.workbook.getWorksheet("Khó khăn đang mở")!)).toEqual(["GT-12"]);

    const one = await exportAs(users.minh!, "/xuat gt-07");
    expect(one.message.document?.file_name).toBe("tien-do-dai-hoi-GT-07-20200320-1000.xlsx");
    expect(codesOf(one.workbook.getWorksheet("Tiến độ đơn vị")!)).toEqual(["GT-07"]);
    expect(codesOf(one.workbook.getWorksheet("Kết quả bầu cử")!)).toEqual(["GT-07"]);

    const refused = await send(users.minh!, "/xuat NT");
    expect(refused.text).toBe(
      "Đồng chí không được xem số liệu của Đảng bộ phường Ngọc Thụy (NT). Đồng chí có thể xuất: GT, KB. Ví dụ: /xuat GT",
    );
  });

  it("when a grassroots secretary exports, then they get their own subtree; a deputy role elsewhere adds nothing", async () => {
    const cuong = await exportAs(users.cuong!);
    expect(codesOf(cuong.workbook.getWorksheet("Tiến độ đơn vị")!)).toEqual(["GT", "GT-07", "GT-12"]);
    const dung = await exportAs(users.dung!);
    expect(codesOf(dung.workbook.getWorksheet("Tiến độ đơn vị")!)).toEqual(["NT", "NT-A", "NT-A-01", "NT-02"]);
    expect((await send(users.dung!, "/xuat GT-07")).text).toBe(
      "Đồng chí không được xem số liệu của Chi bộ Tổ dân phố 7 (GT-07). Đồng chí có thể xuất: NT. Ví dụ: /xuat NT",
    );
    // Secretary of a grassroots cell (KB) and of a partial committee (NT-A): KB only.
    const nga = await exportAs(users.nga!);
    expect(codesOf(nga.workbook.getWorksheet("Tiến độ đơn vị")!)).toEqual(["KB"]);
  });

  it("when someone may not export, types a bad or unknown code, or asks in a group, then they get a clear answer and no document, and nothing is written", async () => {
    const before = await databaseFingerprint(db.database);
    const documentsBefore = harness.emulator.allBotMessages().filter((message) => message.document).length;
    const notAllowed =
      "Xuất số liệu dành cho Ban Thường vụ, Văn phòng, tổ trưởng Tổ công tác và bí thư đảng ủy cơ sở; đồng chí chưa được giao vai trò này.\nCần số liệu, đồng chí liên hệ Văn phòng cấp ủy.";
    expect((await send(users.an!, "/xuat")).text).toBe(notAllowed);
    expect((await send(users.an!, "/xuat GT-07")).text).toBe(notAllowed);
    expect((await send(users.phuc!, "/xuat NT")).text).toBe(notAllowed);
    expect((await send(telegramUser(), "/xuat")).text).toBe(
      "Đồng chí chưa được giao đơn vị nào để báo cáo. Liên hệ Văn phòng cấp ủy để nhận mã mời.",
    );
    expect((await send(users.ha!, "/xuat GT; DROP TABLE units")).text).toBe(
      '"GT; DROP TABLE units" không phải mã đơn vị. Gõ /xuat để xuất toàn bộ đơn vị đồng chí được xem, hoặc thêm mã đơn vị, ví dụ: /xuat LB',
    );
    expect((await send(users.ha!, `/xuat ${"X".repeat(200)}`)).text).toBe(
      `"${"X".repeat(32)}" không phải mã đơn vị. Gõ /xuat để xuất toàn bộ đơn vị đồng chí được xem, hoặc thêm mã đơn vị, ví dụ: /xuat LB`,
    );
    expect((await send(users.ha!, "/xuat XYZ")).text).toBe('Không có đơn vị mã "XYZ". Ví dụ: /xuat LB');
    expect((await send(users.lan!, "/export XYZ")).text).toBe('There is no unit with code "XYZ". Example: /export NT');

    // In the standing committee's own (linked) group, a workbook is still only sent in private.
    expect((await harness.say(users.ha!, "/xuat", group)).text).toBe(
      `Tệp số liệu chỉ gửi trong tin nhắn riêng với Trợ lý. Đồng chí nhắn riêng cho @${harness.app.bot.botInfo.username} và gõ /xuat.`,
    );
    await harness.app.inbox.drain();
    expect(harness.emulator.allBotMessages().filter((message) => message.document).length).toBe(documentsBefore);
    expect(await databaseFingerprint(db.database)).toEqual(before);
  });
});
