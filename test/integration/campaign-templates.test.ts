// The built-in campaigns besides the congress, on the demo district (587 cells, 49 grassroots
// organisations) in December 2026, between congresses: the annual review and rating, a resolution's
// study and the monthly cell meeting. Reports by buttons and in one line, corrections, late reports and
// bad input through the bot; a few hundred reports through the use case; then every figure `status` and
// the digest print is checked against an oracle that counts the reports it generated itself, with its
// own arithmetic and number formatting.
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { parse } from "csv-parse/sync";
import type { User } from "grammy/types";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fixedClock } from "../../src/clock.js";
import { findPersonProfile } from "../../src/db/people-store.js";
import { createI18n, translatorFor } from "../../src/i18n.js";
import type { RecordedMessage } from "../../src/emulator/index.js";
import { openCampaigns, recordCampaignReport, type OpenCampaign } from "../../src/usecases/campaigns.js";
import { digestMessages } from "../../src/usecases/daily-digest.js";
import type { UseCaseDeps } from "../../src/usecases/deps.js";
import { startBotHarness, type BotHarness } from "../support/bot-harness.js";
import { cli } from "../support/cli.js";
import {
  demoCampaigns,
  demoFileWithCampaigns,
  importDemoWithCampaigns,
  secretaryOnTelegram,
} from "../support/demo-campaigns.js";
import { testConfig } from "../support/test-config.js";
import { createTestDatabase, type TestDatabase } from "../support/test-database.js";
import { downloadDocument, readWorkbook } from "../support/workbook.js";

const clock = fixedClock("2026-12-10T02:00:00Z"); // 09:00 on 10/12/2026 in Hà Nội
const t = translatorFor(createI18n({ defaultLocale: "vi" }), "vi");

/** The oracle's own number formats: 1.234 and 43,1% (a share of nothing is a dash). */
const count = (value: number) => String(value).replace(/\B(?=(\d{3})+(?!\d))/g, ".");
const share = (part: number, total: number, decimals = 1) =>
  total === 0 ? "—" : `${((part / total) * 100).toFixed(decimals).replace(".", ",")}%`;

let db: TestDatabase;
let harness: BotHarness;
let deps: UseCaseDeps;
let campaigns: Map<string, OpenCampaign>;

beforeAll(async () => {
  db = await createTestDatabase();
  await importDemoWithCampaigns(db.database, undefined, { withoutCongress: true });
  deps = { prisma: db.database.prisma, clock, config: testConfig() };
  campaigns = new Map((await openCampaigns(deps, [(await firstOrganization()).id])).map((c) => [c.key, c]));
  harness = await startBotHarness(db.database, { clock });
});
afterAll(async () => {
  await harness?.stop();
  await db?.drop();
});

async function firstOrganization() {
  return db.database.prisma.organization.findFirstOrThrow({ orderBy: { id: "asc" } });
}

async function reportCount(): Promise<number> {
  return db.database.prisma.report.count();
}

/** A secretary of the unit with this code, on Telegram, with their private chat open. */
const secretaryOn = (code: string) => secretaryOnTelegram(db.database, harness, code);

describe("reporting a campaign's milestones through the bot", () => {
  let user: User;
  beforeAll(async () => {
    user = await secretaryOn("P-BODE-01");
  });

  it("when a secretary sends /baocao with several campaigns open, then the bot asks which campaign", async () => {
    const reply = await harness.say(user, "/baocao");
    expect(reply.text).toBe("Đồng chí báo cáo cho đợt nào?");
    const labels = reply.reply_markup?.inline_keyboard.flat().map((button) => button.text);
    expect(labels).toEqual([
      "Kiểm điểm, đánh giá, xếp loại năm 2026",
      "Học tập Nghị quyết Hội nghị Trung ương 14",
      "Sinh hoạt chi bộ định kỳ",
      "✖️ Hủy",
    ]);
    await harness.press(user, reply, "✖️ Hủy");
  });

  it("when a secretary asks /trogiup, then each open campaign is named with its key and a line per milestone as it is typed", async () => {
    const help = await harness.say(user, "/trogiup");
    expect(help.text).toContain(
      "Học tập Nghị quyết Hội nghị Trung ương 14 (mã đợt hoctap-nq14; xem tiến độ: /tiendo hoctap-nq14; tệp Excel: /xuat hoctap-nq14)\n/baocao hoctap 10/12/2026 thamdu=12 phaidu=12",
    );
    expect(help.text).toContain("/baocao sinhhoat 10/12/2026 comat=12 tong=12\n/baocao khonghop lydo=…");
  });

  it("when the review meeting is reported in one line with more present than members, then it is refused with the rule and nothing is written", async () => {
    const before = await reportCount();
    const reply = await harness.say(user, "/baocao kiemdiem 05/12/2026 comat=16 tong=15");
    expect(reply.text).toBe(
      "Chưa ghi được báo cáo:\nSố liệu không khớp: Đảng viên có mặt (16) không được lớn hơn Tổng số đảng viên (15) (quy tắc comat <= tong).",
    );
    const missing = await harness.say(user, "/baocao hoctap thamdu=12");
    expect(missing.text).toContain("Cần ghi ngày, ví dụ /baocao hoctap 10/12/2026 thamdu=12 phaidu=12");
    expect(missing.text).toContain("Thiếu phaidu, ví dụ phaidu=12.");
    const future = await harness.say(user, "/baocao sinhhoat 20/12/2026 comat=12 tong=15");
    expect(future.text).toContain("Ngày 20/12/2026 chưa tới");
    const choice = await harness.say(user, "/baocao xeploai xeploai=gioi");
    expect(choice.text).toContain("xeploai=gioi: chỉ nhận xs (hoàn thành xuất sắc nhiệm vụ), tot");
    expect(await reportCount()).toBe(before);
  });

  it("when the review meeting is reported in one line and confirmed, then it is saved and the unit's checklist shown", async () => {
    const card = await harness.say(user, "/baocao kiemdiem 05/12/2026 comat=14 tong=15");
    expect(card.text).toBe(
      [
        "Xác nhận báo cáo — Chi bộ Tổ dân phố số 1 (Đảng bộ phường Bồ Đề)",
        "Đợt: Kiểm điểm, đánh giá, xếp loại năm 2026",
        "Hội nghị kiểm điểm: ngày 05/12/2026",
        "Đảng viên có mặt: 14",
        "Tổng số đảng viên: 15",
      ].join("\n"),
    );
    const saved = await harness.press(user, card, "✅ Xác nhận");
    expect(saved.text).toBe(
      [
        "Đã lưu báo cáo. Tình hình của đơn vị trong đợt Kiểm điểm, đánh giá, xếp loại năm 2026:",
        "✅ Hội nghị kiểm điểm — 05/12/2026",
        "⏳ Tự xếp loại và xếp loại đảng viên — hạn 25/12/2026 (còn 15 ngày)",
        "⏳ Cấp trên phê duyệt kết quả — hạn 15/01/2027 (còn 36 ngày)",
      ].join("\n"),
    );
  });

  it("when the same milestone is reported again, then the card says it replaces the earlier one and the new values count", async () => {
    const card = await harness.say(user, "/baocao kiemdiem 06/12/2026 comat=15 tong=15");
    expect(card.text).toContain("Báo cáo này thay báo cáo trước của cùng nội dung");
    await harness.press(user, card, "✅ Xác nhận");
    const reports = await db.database.prisma.report.findMany({
      where: { unit: { code: "P-BODE-01" }, milestone: "meeting" },
      orderBy: { id: "asc" },
    });
    expect(reports.map((report) => [report.supersedesId === reports[0]!.id, report.payload])).toEqual([
      [false, { values: { comat: 14, tong: 15 } }],
      [true, { values: { comat: 15, tong: 15 } }],
    ]);
  });

  it("when the rating is reported with the buttons, then each answer is asked in turn and the choice is a button", async () => {
    let reply = await harness.say(user, "/baocao");
    reply = await harness.press(user, reply, "Kiểm điểm, đánh giá, xếp loại năm 2026");
    expect(reply.text).toBe(
      "Chi bộ Tổ dân phố số 1 — Kiểm điểm, đánh giá, xếp loại năm 2026: đồng chí báo cáo nội dung nào?",
    );
    reply = await harness.press(user, reply, "Tự xếp loại và xếp loại đảng viên");
    expect(reply.text).toBe("Chi bộ tự xếp loại mức nào?");
    reply = await harness.press(user, reply, "hoàn thành tốt nhiệm vụ");
    for (const answer of ["2", "10", "3"]) reply = await harness.say(user, answer);
    expect(reply.text).toContain("Bao nhiêu đảng viên không hoàn thành nhiệm vụ?");
    reply = await harness.say(user, "mười");
    expect(reply.text).toBe("dvkht=mười: cần một số từ 0 đến 10.000, ví dụ dvkht=0.");
    reply = await harness.say(user, "0");
    reply = await harness.say(user, "15");
    expect(reply.text).toBe(
      [
        "Xác nhận báo cáo — Chi bộ Tổ dân phố số 1 (Đảng bộ phường Bồ Đề)",
        "Đợt: Kiểm điểm, đánh giá, xếp loại năm 2026",
        "Tự xếp loại và xếp loại đảng viên",
        "Tự xếp loại tổ chức đảng: hoàn thành tốt nhiệm vụ",
        "Đảng viên hoàn thành xuất sắc nhiệm vụ: 2",
        "Đảng viên hoàn thành tốt nhiệm vụ: 10",
        "Đảng viên hoàn thành nhiệm vụ: 3",
        "Đảng viên không hoàn thành nhiệm vụ: 0",
        "Đảng viên được đánh giá: 15",
      ].join("\n"),
    );
    const saved = await harness.press(user, reply, "✅ Xác nhận");
    expect(saved.text).toContain("✅ Tự xếp loại và xếp loại đảng viên — 10/12/2026");
  });

  it("when the study is reported with the buttons and the date typed, then the optional question can be answered by a button", async () => {
    let reply = await harness.say(user, "/baocao");
    reply = await harness.press(user, reply, "Học tập Nghị quyết Hội nghị Trung ương 14");
    reply = await harness.press(user, reply, "Tổ chức học tập, quán triệt");
    expect(reply.text).toContain("Tổ chức học tập, quán triệt: ngày nào?");
    reply = await harness.say(user, "hôm qua");
    expect(reply.text).toBe("Có bao nhiêu đảng viên tham dự? Gõ một số, ví dụ 12.");
    reply = await harness.say(user, "12");
    reply = await harness.say(user, "15");
    expect(reply.text).toContain('(Không bắt buộc: bấm "Bỏ qua" nếu chưa có.)');
    reply = await harness.press(user, reply, "Có");
    expect(reply.text).toContain("Tổ chức học tập, quán triệt: ngày 09/12/2026\nĐảng viên tham dự: 12");
    expect(reply.text).toContain("Đã tổ chức học bù: Có");
    const saved = await harness.press(user, reply, "✅ Xác nhận");
    expect(saved.text).toContain("✅ Tổ chức học tập, quán triệt — 09/12/2026");
  });

  it("when a cell reports the monthly meeting as not held with its reason, then the month is settled for it", async () => {
    const card = await harness.say(user, "/baocao khonghop lydo=Bí thư đi công tác, họp bù ngày 28");
    expect(card.text).toContain("Đợt: Sinh hoạt chi bộ định kỳ — tháng 12/2026");
    expect(card.text).toContain("Lý do: Bí thư đi công tác, họp bù ngày 28");
    const saved = await harness.press(user, card, "✅ Xác nhận");
    expect(saved.text).toContain("☑️ Sinh hoạt chi bộ — coi như xong (đã báo cáo: Không sinh hoạt (có lý do))");
  });

  it("when last month's meeting is reported, then it goes to November's round, not December's, marked done late", async () => {
    const card = await harness.say(user, "/baocao sinhhoat 27/11/2026 comat=13 tong=15");
    expect(card.text).toContain("Đợt: Sinh hoạt chi bộ định kỳ — tháng 11/2026");
    expect(card.text).toContain("Hoàn thành sau hạn 25/11/2026: vẫn được ghi nhận, đánh dấu hoàn thành muộn.");
    await harness.press(user, card, "✅ Xác nhận");
    const rounds = await db.database.prisma.report.findMany({
      where: { unit: { code: "P-BODE-01" }, campaign: { key: "sinhhoat" } },
      select: { milestone: true, round: true },
      orderBy: { id: "asc" },
    });
    expect(rounds).toEqual([
      { milestone: "skipped", round: "2026-12" },
      { milestone: "met", round: "2026-11" },
    ]);
  });

  it("when a meeting's reason is given with the buttons and then corrected, then the newer report is the month's", async () => {
    const other = await secretaryOn("P-BODE-06");
    let reply = await harness.say(other, "/baocao");
    reply = await harness.press(other, reply, "Sinh hoạt chi bộ định kỳ");
    reply = await harness.press(other, reply, "Không sinh hoạt (có lý do)");
    expect(reply.text).toBe("Vì sao chi bộ không sinh hoạt tháng này? Gõ nội dung (tối đa 300 ký tự).");
    reply = await harness.say(other, "x".repeat(301));
    expect(reply.text).toBe("lydo: quá dài (tối đa 300 ký tự).");
    reply = await harness.say(other, "Trùng lịch tiếp xúc cử tri");
    expect(reply.text).toContain("Lý do: Trùng lịch tiếp xúc cử tri");
    await harness.press(other, reply, "✅ Xác nhận");
    const card = await harness.say(other, "/baocao khonghop lydo=Bí thư ốm, họp bù ngày 20");
    expect(card.text).toContain("Báo cáo này thay báo cáo trước của cùng nội dung");
    await harness.press(other, card, "✅ Xác nhận");
    const reports = await db.database.prisma.report.findMany({
      where: { unit: { code: "P-BODE-06" }, milestone: "skipped", supersededBy: null },
      select: { payload: true, round: true },
    });
    expect(reports).toEqual([{ payload: { values: { lydo: "Bí thư ốm, họp bù ngày 20" } }, round: "2026-12" }]);
  });

  it("when the study is reported after its deadline, then the card says it was done late and the report is marked late", async () => {
    const late = await secretaryOn("P-BODE-02");
    clock.set(new Date("2026-12-18T02:00:00Z"));
    try {
      const card = await harness.say(late, "/baocao hoctap 16/12/2026 thamdu=10 phaidu=12");
      expect(card.text).toContain("Hoàn thành sau hạn 15/12/2026: vẫn được ghi nhận, đánh dấu hoàn thành muộn.");
      await harness.press(late, card, "✅ Xác nhận");
      const onTime = await harness.say(late, "/baocao hoctap-nq14 hoctap 14/12/2026 thamdu=11 phaidu=12");
      expect(onTime.text).toContain(
        "Báo cáo sau hạn 15/12/2026, việc hoàn thành đúng hạn: vẫn được ghi nhận, đánh dấu báo cáo muộn.",
      );
      await harness.press(late, onTime, "✅ Xác nhận");
      const stored = await db.database.prisma.report.findMany({
        where: { unit: { code: "P-BODE-02" }, milestone: "studied" },
        select: { late: true, eventDate: true },
        orderBy: { id: "asc" },
      });
      expect(stored.map((report) => [report.eventDate?.toISOString().slice(0, 10), report.late])).toEqual([
        ["2026-12-16", true],
        ["2026-12-14", true],
      ]);
    } finally {
      clock.set(new Date("2026-12-10T02:00:00Z"));
    }
  });

  it("when a cell secretary names a ward committee's code, then the review refuses: they may report only for their own unit", async () => {
    const reply: RecordedMessage = await harness.say(user, "/baocao P-BODE kiemdiem 05/12/2026 comat=20 tong=25");
    expect(reply.text).toBe(
      "Đồng chí không có quyền báo cáo cho Đảng bộ phường Bồ Đề. Mỗi đồng chí chỉ báo cáo cho đơn vị mình được giao.",
    );
  });
});

describe("the figures of a few hundred reports, in status and the digest, against an oracle", () => {
  /** What the oracle counts: the latest values each unit reported, per campaign and milestone. */
  const latest = new Map<string, Record<string, number | string | boolean>>();
  /** The day each of those reports names. */
  const days = new Map<string, string | null>();
  let cells: { id: number; code: string }[];
  let grassroots: { id: number; code: string }[];

  beforeAll(async () => {
    const prisma = db.database.prisma;
    // The bot's reports above come first: the oracle starts from them.
    for (const report of await prisma.report.findMany({
      where: { supersededBy: null },
      include: { campaign: { select: { key: true } } },
      orderBy: { id: "asc" },
    })) {
      if (report.campaign.key === "sinhhoat" && report.round !== "2026-12") continue;
      const key = `${report.campaign.key}:${report.unitId}:${report.milestone}`;
      latest.set(key, (report.payload as { values: Record<string, number> }).values);
      days.set(key, report.eventDate?.toISOString().slice(0, 10) ?? null);
    }
    cells = await prisma.unit.findMany({
      where: { level: "cell" },
      orderBy: { code: "asc" },
      select: { id: true, code: true },
    });
    grassroots = await prisma.unit.findMany({
      where: { level: "grassroots" },
      orderBy: { code: "asc" },
      select: { id: true, code: true },
    });
    const secretaries = new Map(
      (
        await prisma.roleAssignment.findMany({ where: { role: "secretary" }, select: { unitId: true, personId: true } })
      ).map((role) => [role.unitId, role.personId]),
    );
    let request = 0;
    const report = async (
      key: string,
      unitId: number,
      milestone: string,
      date: string | null,
      raw: Record<string, string>,
    ) => {
      const person = (await findPersonProfile(prisma, secretaries.get(unitId)!))!;
      const outcome = await recordCampaignReport(deps, {
        person,
        campaign: campaigns.get(key)!,
        unit: { id: unitId },
        milestone,
        date,
        raw: new Map(Object.entries(raw)),
        source: "web",
        requestKey: `web:oracle-${request++}`,
      });
      expect(outcome.status, JSON.stringify(outcome)).toBe("recorded");
      if (outcome.status === "recorded" && !(key === "sinhhoat" && outcome.round !== "2026-12")) {
        latest.set(`${key}:${unitId}:${outcome.milestone.key}`, outcome.values as Record<string, number>);
        days.set(`${key}:${unitId}:${outcome.milestone.key}`, date);
        // The month's meeting held, or not held: whichever the cell said last is the month's.
        const alternative = { met: "skipped", skipped: "met" }[key === "sinhhoat" ? outcome.milestone.key : ""];
        if (alternative) {
          latest.delete(`${key}:${unitId}:${alternative}`);
          days.delete(`${key}:${unitId}:${alternative}`);
        }
      }
    };
    // Units other than the first two (reported through the bot above), every third one, varied.
    for (const [index, cell] of cells.entries()) {
      if (index < 2 || index % 3 !== 0) continue;
      const day = `2026-12-0${1 + (index % 9)}`;
      if (index % 4 !== 3)
        await report("kiemdiem2026", cell.id, "kiemdiem", day, {
          comat: `${10 + (index % 6)}`,
          tong: `${15 + (index % 3)}`,
        });
      if (index % 12 === 0)
        await report("kiemdiem2026", cell.id, "kiemdiem", day, {
          comat: `${9 + (index % 6)}`,
          tong: `${15 + (index % 3)}`,
        });
      if (index % 5 !== 4) {
        const members = [index % 3, 8 + (index % 5), index % 4, index % 2];
        await report("kiemdiem2026", cell.id, "xeploai", null, {
          xeploai: ["xs", "tot", "ht", "kht"][index % 4]!,
          dvxs: `${members[0]}`,
          dvtot: `${members[1]}`,
          dvht: `${members[2]}`,
          dvkht: `${members[3]}`,
          danhgia: `${members.reduce((a, b) => a + b, 0)}`,
        });
      }
      if (index % 7 !== 0)
        await report("hoctap-nq14", cell.id, "hoctap", day, {
          thamdu: `${11 + (index % 5)}`,
          phaidu: `${16 + (index % 2)}`,
        });
      if (index % 2 === 0)
        await report("sinhhoat", cell.id, "sinhhoat", day, {
          comat: `${12 + (index % 4)}`,
          tong: `${16 + (index % 3)}`,
        });
      else if (index % 9 === 1) await report("sinhhoat", cell.id, "khonghop", null, { lydo: "Trùng lịch trực bầu cử" });
      // Corrected the other way round: a meeting reported held and then not held (a mistake), and the reverse.
      // (Only every third cell gets here: index 6, 36, 66… reported the meeting held; 9, 27, 45… nothing yet.)
      if (index % 30 === 6) await report("sinhhoat", cell.id, "khonghop", null, { lydo: "Báo nhầm, chi bộ chưa họp" });
      if (index % 18 === 9) {
        await report("sinhhoat", cell.id, "khonghop", null, { lydo: "Chưa bố trí được lịch" });
        await report("sinhhoat", cell.id, "sinhhoat", day, { comat: `${11 + (index % 4)}`, tong: "16" });
      }
      // Last month's meetings belong to November's round: December's figures do not count them.
      if (index % 6 === 3) await report("sinhhoat", cell.id, "sinhhoat", "2026-11-20", { comat: "5", tong: "20" });
    }
    for (const [index, unit] of grassroots.entries())
      if (index % 2 === 0) await report("kiemdiem2026", unit.id, "kiemdiem", "2026-12-08", { comat: "20", tong: "24" });
  });

  /** The oracle's values of a campaign's milestone, one entry per unit that reported it. */
  function reported(key: string, milestone: string, unitIds: readonly number[]) {
    return unitIds.flatMap((id) => {
      const values = latest.get(`${key}:${id}:${milestone}`);
      return values ? [values] : [];
    });
  }

  function expectedLines(): string[] {
    const cellIds = cells.map((cell) => cell.id);
    const grassrootsIds = grassroots.map((unit) => unit.id);
    const reviewCells = reported("kiemdiem2026", "meeting", cellIds);
    const reviewGrassroots = reported("kiemdiem2026", "meeting", grassrootsIds);
    const ratings = reported("kiemdiem2026", "rating", cellIds);
    const ratingsGrassroots = reported("kiemdiem2026", "rating", grassrootsIds);
    const labels = [
      "hoàn thành xuất sắc nhiệm vụ",
      "hoàn thành tốt nhiệm vụ",
      "hoàn thành nhiệm vụ",
      "không hoàn thành nhiệm vụ",
    ];
    const keys = ["xs", "tot", "ht", "kht"];
    const memberKeys = ["dvxs", "dvtot", "dvht", "dvkht"];
    const allRatings = [...ratings, ...ratingsGrassroots];
    const members = memberKeys.map((key) => allRatings.reduce((sum, values) => sum + Number(values[key]), 0));
    const memberTotal = members.reduce((a, b) => a + b, 0);
    const memberLabels = [
      "Đảng viên hoàn thành xuất sắc nhiệm vụ",
      "Đảng viên hoàn thành tốt nhiệm vụ",
      "Đảng viên hoàn thành nhiệm vụ",
      "Đảng viên không hoàn thành nhiệm vụ",
    ];
    const studied = reported("hoctap-nq14", "studied", cellIds);
    const attended = studied.reduce((sum, values) => sum + Number(values.thamdu), 0);
    const expected = studied.reduce((sum, values) => sum + Number(values.phaidu), 0);
    const met = reported("sinhhoat", "met", cellIds);
    const present = met.reduce((sum, values) => sum + Number(values.comat), 0);
    const members2 = met.reduce((sum, values) => sum + Number(values.tong), 0);
    return [
      `• đã có ${count(reviewCells.length)}/587 chi bộ tổ chức kiểm điểm (${share(reviewCells.length, 587)})`,
      `• đã có ${reviewGrassroots.length}/49 tổ chức cơ sở đảng tổ chức kiểm điểm (${share(reviewGrassroots.length, 49)})`,
      ...keys.map((key, index) => {
        const n = ratings.filter((values) => values.xeploai === key).length;
        return `• chi bộ xếp loại ${labels[index]}: ${n} (${share(n, ratings.length, 2)})`;
      }),
      ...memberKeys.map(
        (_key, index) =>
          `• ${memberLabels[index]}: ${count(members[index]!)}/${count(memberTotal)} (${share(members[index]!, memberTotal, 2)})`,
      ),
      `• đã có ${studied.length}/587 chi bộ tổ chức học tập, quán triệt (${share(studied.length, 587)})`,
      `• tỷ lệ đảng viên tham gia học tập đạt ${share(attended, expected)} (${count(attended)}/${count(expected)})`,
      `• đã có ${met.length}/587 chi bộ sinh hoạt định kỳ trong tháng (${share(met.length, 587)})`,
      `• tỷ lệ đảng viên dự sinh hoạt bình quân đạt ${share(present, members2)}`,
    ];
  }

  it("when status is printed, then every figure is the oracle's", async () => {
    const result = await cli(db.database, ["status"], {}, clock);
    expect(result.code, result.err.join("\n")).toBe(0);
    for (const line of expectedLines()) expect(result.out).toContain(line);
  });

  it("when the digest is built, then it has a section per campaign with the same figures", async () => {
    const top = await db.database.prisma.unit.findFirstOrThrow({ where: { code: "LB" } });
    const texts = await digestMessages({ prisma: db.database.prisma, config: testConfig(), translate: t }, top.id, {
      date: "2026-12-10",
      at: clock.now(),
    });
    const lines = texts.join("\n").split("\n");
    for (const line of expectedLines()) expect(lines).toContain(line);
    for (const name of [
      "📋 Kiểm điểm, đánh giá, xếp loại năm 2026",
      "📋 Học tập Nghị quyết Hội nghị Trung ương 14",
      "📋 Sinh hoạt chi bộ định kỳ — tháng 12/2026",
    ])
      expect(lines).toContain(name);
  });

  it("when the standing committee asks /tiendo for the review after its meeting deadline, then it reads the same figures and the overdue cells, counted", async () => {
    const standing = await secretaryOn("LB");
    clock.set(new Date("2026-12-21T02:00:00Z"));
    try {
      const reply = await harness.say(standing, "/tiendo kiemdiem2026");
      const lines = (reply.text ?? "").split("\n");
      expect(lines[0]).toBe("📊 Đảng bộ quận Long Biên (LB)");
      for (const line of expectedLines().slice(0, 10)) expect(lines).toContain(line);
      const reviewed = new Set(
        cells.filter((cell) => latest.has(`kiemdiem2026:${cell.id}:meeting`)).map((cell) => cell.id),
      );
      expect(lines).toContain(`Quá hạn (${587 - reviewed.size} đơn vị):`);
      expect(lines.filter((line) => /^\d+\. /.test(line))).toHaveLength(15);
      expect(lines.at(-1)).toBe(`… và ${587 - reviewed.size - 15} đơn vị khác (xem đủ trong tệp xuất Excel).`);
      expect(lines.find((line) => line.startsWith("1. "))).toMatch(/: Hội nghị kiểm điểm quá hạn 1 ngày$/);
    } finally {
      clock.set(new Date("2026-12-10T02:00:00Z"));
    }
  });

  it("when the study is exported, then the summary has the oracle's figures and every cell asked has a row with its values", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "daihoi-campaign-export-"));
    const out = path.join(dir, "hoc-tap.csv");
    const result = await cli(
      db.database,
      ["export", "--campaign", "hoctap-nq14", "--format", "csv", "--out", out],
      {},
      clock,
    );
    expect(result.code, result.err.join("\n")).toBe(0);
    const figures = parse(readFileSync(`${dir}/hoc-tap-campaign-figures.csv`, "utf8"), { bom: true }) as string[][];
    const studied = reported(
      "hoctap-nq14",
      "studied",
      cells.map((cell) => cell.id),
    );
    expect(figures[1]).toEqual([
      "Đảng bộ quận Long Biên (LB)",
      `đã có ${studied.length}/587 chi bộ tổ chức học tập, quán triệt (${share(studied.length, 587)})`,
      String(studied.length),
      "587",
      share(studied.length, 587),
    ]);
    const units = parse(readFileSync(`${dir}/hoc-tap-campaign-units.csv`, "utf8"), { bom: true }) as string[][];
    expect(units[0]).toEqual([
      "Mã",
      "Đơn vị",
      "Cấp",
      "Đơn vị cấp trên",
      "Tình trạng",
      "Mốc quá hạn",
      "Số ngày quá hạn",
      "Tổ chức học tập, quán triệt",
      "Đảng viên tham dự",
      "Đảng viên phải tham dự",
      "Đã tổ chức học bù",
    ]);
    expect(units.slice(1)).toHaveLength(587);
    // Every cell's row against what the oracle knows it reported (or not).
    for (const cell of cells) {
      const row = units.find((candidate) => candidate[0] === cell.code)!;
      const key = `hoctap-nq14:${cell.id}:studied`;
      const values = latest.get(key);
      const day = days.get(key);
      const yesNo = values?.hocbu === undefined || values.hocbu === null ? "" : values.hocbu ? "Có" : "Không";
      expect(row.slice(4)).toEqual(
        values
          ? [
              "Hoàn thành",
              "",
              "",
              day!.split("-").reverse().join("/"),
              String(values.thamdu),
              String(values.phaidu),
              yesNo,
            ]
          : ["Đang thực hiện", "", "", "", "", "", ""],
      );
    }
  });

  it("when each campaign is exported to a workbook, then its summary sheet says what status says, figure by figure", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "daihoi-campaign-workbook-"));
    const status = await cli(db.database, ["status"], {}, clock);
    for (const key of ["kiemdiem2026", "hoctap-nq14", "sinhhoat"]) {
      const out = path.join(dir, `${key}.xlsx`);
      const result = await cli(db.database, ["export", "--campaign", key, "--out", out], {}, clock);
      expect(result.code, result.err.join("\n")).toBe(0);
      const workbook = await readWorkbook(readFileSync(out));
      expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(["Tổng hợp", "Đơn vị"]);
      const summary = workbook.worksheets[0]!;
      const sentences: string[] = [];
      summary.eachRow((row, index) => {
        if (index > 2) sentences.push(String(row.getCell(2).value));
      });
      expect(sentences.length).toBeGreaterThan(0);
      for (const sentence of sentences) expect(status.out).toContain(`• ${sentence}`);
    }
  });

  it("when the standing committee sends /xuat with a campaign's key, then the bot sends that campaign's workbook with the same figures", async () => {
    const standing = await secretaryOn("LB");
    const status = await cli(db.database, ["status"], {}, clock);
    const document = await harness.say(standing, "/xuat hoctap-nq14");
    expect(document.caption).toContain("Học tập Nghị quyết Hội nghị Trung ương 14");
    const workbook = await readWorkbook(await downloadDocument(harness, document));
    const units = workbook.getWorksheet("Đơn vị")!;
    expect(units.rowCount).toBe(2 + 587);
    const sentences: string[] = [];
    workbook.getWorksheet("Tổng hợp")!.eachRow((row, index) => {
      if (index > 2) sentences.push(String(row.getCell(2).value));
    });
    expect(sentences).toHaveLength(2);
    for (const sentence of sentences) expect(status.out).toContain(`• ${sentence}`);
  });

  it("when status is asked as of a day before any campaign report was recorded, then every campaign counts none", async () => {
    const earliest = await db.database.prisma.report.findFirstOrThrow({
      where: { campaign: { template: { not: "congress" } } },
      orderBy: { createdAt: "asc" },
    });
    expect(earliest.createdAt > new Date("2026-12-01T17:00:00Z")).toBe(true); // after 02/12/2026 00:00 in Hà Nội
    const status = await cli(db.database, ["status", "--as-of", "01/12/2026"], {}, clock);
    expect(status.out).toContain("Số liệu tính đến ngày 01/12/2026.");
    expect(status.out).toContain("• đã có 0/587 chi bộ tổ chức kiểm điểm (0,0%)");
    expect(status.out).toContain("• đã có 0/587 chi bộ tổ chức học tập, quán triệt (0,0%)");
    expect(status.out).toContain("• đã có 0/587 chi bộ sinh hoạt định kỳ trong tháng (0,0%)");
  });

  it("when a ward's status is printed, then its figures count only its own cells", async () => {
    const ward = await db.database.prisma.unit.findFirstOrThrow({ where: { code: "P-BODE" } });
    const wardCells = cells.filter((cell) => cell.code.startsWith("P-BODE-"));
    const studied = reported(
      "hoctap-nq14",
      "studied",
      wardCells.map((cell) => cell.id),
    );
    const result = await cli(db.database, ["status", "--unit", "P-BODE"], {}, clock);
    expect(result.out).toContain(
      `• đã có ${studied.length}/${wardCells.length} chi bộ tổ chức học tập, quán triệt (${share(studied.length, wardCells.length)})`,
    );
    expect(ward.name).toBe("Đảng bộ phường Bồ Đề");
  });
});

describe("an office's own template", () => {
  it("when a bad template file is imported, then every problem is printed at its place and nothing is written", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "daihoi-template-"));
    const file = path.join(dir, "bad.yaml");
    const example = readFileSync(new URL("../../examples/templates/gop-y-van-kien.yaml", import.meta.url), "utf8");
    writeFileSync(
      file,
      example.replace("key: gop-y-van-kien", "key: study").replace("comat <= tong", "comat <= tongso"),
    );
    const result = await cli(db.database, ["template", "import", file]);
    expect(result.code).toBe(1);
    expect(result.err).toEqual([
      `Tệp mẫu ${file} có 2 lỗi; chưa ghi gì vào cơ sở dữ liệu:`,
      'milestones[0].rules[0]: mốc này không có trường "tongso"',
      'key: "study" là mã của một mẫu có sẵn (congress, review, study, meeting); xin đặt mã khác, ví dụ study-2027',
    ]);
    expect(await db.database.prisma.campaignTemplate.count()).toBe(0);
  });

  it("when an org file names a template that is not imported, then the import is refused at its place and nothing is written", async () => {
    const campaignsBefore = await db.database.prisma.campaign.count();
    const file = demoFileWithCampaigns(
      `${demoCampaigns}  - key: gopy\n    name: "Góp ý dự thảo văn kiện"\n    template: gop-y-van-kien\n    opens: 2026-12-01\n`,
      { withoutCongress: true },
    );
    const result = await cli(db.database, ["org", "import", file]);
    expect(result.code).toBe(1);
    expect(result.err[1]).toBe(
      'campaigns[3].template: không có mẫu "gop-y-van-kien"; các mẫu hiện có: congress, review, study, meeting (mẫu riêng của đơn vị nhập bằng: npm run cli -- template import TỆP)',
    );
    expect(await db.database.prisma.campaign.count()).toBe(campaignsBefore);
  });

  it("when the template is imported and then named by the org file, then its campaign runs beside the others with its own figures", async () => {
    const imported = await cli(db.database, ["template", "import", "examples/templates/gop-y-van-kien.yaml"]);
    expect(imported.out[0]).toContain('Đã nhập mẫu "gop-y-van-kien".');
    const file = demoFileWithCampaigns(
      `${demoCampaigns}  - key: gopy\n    name: "Góp ý dự thảo văn kiện"\n    template: gop-y-van-kien\n    opens: 2026-12-01\n`,
      { withoutCongress: true },
    );
    const result = await cli(db.database, ["org", "import", file]);
    expect(result.code, result.err.join("\n")).toBe(0);
    expect(result.out).toContain("Mở 1 đợt: gopy");
    const status = await cli(db.database, ["status"], {}, clock);
    expect(status.out).toContain("📋 Góp ý dự thảo văn kiện");
    expect(status.out).toContain("• đã có 0/587 chi bộ tổ chức thảo luận dự thảo văn kiện (0,0%)");
    // Its deadlines came from the template, counted from the day it opens: 20 and 25 days.
    const deadlines = await db.database.prisma.campaignDeadline.findMany({
      where: { campaign: { key: "gopy" }, level: "cell" },
      select: { milestone: true, dueDate: true },
      orderBy: { milestone: "asc" },
    });
    expect(deadlines.map((d) => [d.milestone, d.dueDate.toISOString().slice(0, 10)])).toEqual([
      ["discussed", "2026-12-21"],
      ["sent", "2026-12-26"],
    ]);
  });

  it("when the file gives a campaign a new key under the same name, then the old one is closed with its reports and the new one opens", async () => {
    const studyReports = await db.database.prisma.report.count({ where: { campaign: { key: "hoctap-nq14" } } });
    const file = demoFileWithCampaigns(
      `${demoCampaigns.replace("key: hoctap-nq14", "key: hoctap-2027")}  - key: gopy\n    name: "Góp ý dự thảo văn kiện"\n    template: gop-y-van-kien\n    opens: 2026-12-01\n`,
      { withoutCongress: true },
    );
    const result = await cli(db.database, ["org", "import", file]);
    expect(result.code, result.err.join("\n")).toBe(0);
    expect(result.out).toContain("Mở 1 đợt: hoctap-2027");
    expect(result.out).toContain("Kết thúc 1 đợt không còn trong tệp (giữ nguyên các báo cáo): hoctap-nq14");
    const closed = await db.database.prisma.campaign.findFirstOrThrow({ where: { key: "hoctap-nq14" } });
    expect([closed.active, closed.name]).toEqual([false, `Học tập Nghị quyết Hội nghị Trung ương 14 (#${closed.id})`]);
    expect(await db.database.prisma.report.count({ where: { campaignId: closed.id } })).toBe(studyReports);
    const status = await cli(db.database, ["status"], {}, clock);
    expect(status.out).toContain("• đã có 0/587 chi bộ tổ chức học tập, quán triệt (0,0%)");
  });
});
