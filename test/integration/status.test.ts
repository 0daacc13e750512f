// /trangthai (/status) on the demo district (examples/long-bien.yaml) on 26/02/2020: a cell secretary's
// checklist, a working-group leader's summary, long answers split, strangers and groups.
import type { User } from "grammy/types";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fixedClock } from "../../src/clock.js";
import { findActiveUnits, openDifficulty } from "../../src/db/difficulty-store.js";
import { saveReport } from "../../src/db/report-store.js";
import type { Milestone } from "../../src/domain/levels.js";
import type { RecordedMessage } from "../../src/emulator/index.js";
import { telegramTextLimit } from "../../src/render/split-message.js";
import { startBotHarness, telegramUser, type BotHarness } from "../support/bot-harness.js";
import { cli } from "../support/cli.js";
import { createTestDatabase, databaseFingerprint, type TestDatabase } from "../support/test-database.js";

// 10:00 on 26/02/2020 in Hà Nội. Cells: plan 31/01, documents 29/02, personnel 10/03, scheduled 15/03,
// held 31/03; grassroots: plan 15/02, documents 31/03, personnel 30/04, scheduled 15/05, held 10/06.
const clock = fixedClock("2020-02-26T03:00:00Z");

describe("status (/trangthai)", () => {
  let db: TestDatabase;
  let harness: BotHarness;
  let campaignId: number;
  let nextUpdateId = 900_000_001;

  const prisma = () => db.database.prisma;
  const unitId = async (code: string) => (await prisma().unit.findFirstOrThrow({ where: { code } })).id;

  async function link(phone: string, user: User): Promise<number> {
    const person = await prisma().person.update({
      where: { organizationId_phone: { organizationId: 1, phone } },
      data: { telegramUserId: BigInt(user.id) },
    });
    return person.id;
  }

  async function report(code: string, milestone: Milestone, eventDate: string): Promise<void> {
    const outcome = await saveReport(prisma(), {
      organizationId: 1,
      campaignId,
      unitId: await unitId(code),
      milestone,
      eventDate,
      payload: {},
      authorId: null,
      onBehalf: false,
      late: false,
      source: "cli",
      requestKey: null,
      actor: "test",
      recordedAt: new Date(`${eventDate}T03:00:00Z`),
    });
    expect(outcome.saved).toBe(true);
  }

  async function difficulty(code: string, text: string, openedAt: string, sensitive = false): Promise<void> {
    const [unit] = await findActiveUnits(prisma(), [await unitId(code)]);
    const opener = await prisma().roleAssignment.findFirstOrThrow({ where: { unitId: unit!.id } });
    await openDifficulty(prisma(), {
      unit: unit!,
      text,
      sensitive,
      openedById: opener.personId,
      openedAt: new Date(openedAt),
      telegramUpdateId: nextUpdateId++,
      actor: "test",
      notices: [],
    });
  }

  /** Sends /trangthai and returns every message of the answer. */
  async function status(user: User, text = "/trangthai"): Promise<RecordedMessage[]> {
    const before = harness.sent(user.id).length;
    harness.emulator.sendMessage(harness.token, { from: user, text });
    await harness.emulator.waitForBotMessages(user.id, before + 1);
    await harness.app.inbox.drain();
    return harness.sent(user.id).slice(before);
  }

  beforeAll(async () => {
    db = await createTestDatabase();
    const imported = await cli(db.database, ["org", "import", "examples/long-bien.yaml"]);
    expect(imported.code).toBe(0);
    campaignId = (await prisma().campaign.findFirstOrThrow({ where: { active: true } })).id;
    harness = await startBotHarness(db.database, { clock });
  });
  afterAll(async () => {
    await harness?.stop();
    await db?.drop();
  });

  it("when a cell secretary asks, then the checklist shows done, overdue and due milestones and the open difficulty", async () => {
    const secretary = telegramUser({ first_name: "Nam" });
    await link("+84971627397", secretary);
    await report("P-GIATHUY-07", "documents", "2020-02-20");
    // Raised through the bot the day before (the clock is moved back, then forward again).
    clock.set("2020-02-25T02:00:00Z");
    await harness.say(secretary, "/khokhan Chưa thống nhất phương án nhân sự");
    clock.set("2020-02-26T03:00:00Z");

    const messages = await status(secretary);
    expect(messages.map((m) => m.text)).toEqual([
      [
        "Chi bộ Tổ dân phố số 7 (Đảng bộ phường Gia Thụy) — nhiệm kỳ 2020-2022",
        // The draft documents presume the plan: done, it closes the plan, which is no longer overdue.
        "☑️ Kế hoạch đại hội — coi như hoàn thành (đã có dự thảo văn kiện)",
        "✅ Dự thảo báo cáo chính trị, kiểm điểm — 20/02/2020",
        "⏳ Phương án nhân sự — hạn 10/03/2020 (còn 13 ngày)",
        "⏳ Ấn định ngày đại hội — hạn 15/03/2020 (còn 18 ngày)",
        "⏳ Tổ chức đại hội — hạn 31/03/2020 (còn 34 ngày)",
        "Khó khăn đang mở (1):",
        "• Chưa thống nhất phương án nhân sự (25/02/2020)",
      ].join("\n"),
    ]);
    expect(messages[0]!.reply_markup).toBeUndefined();
    // /status is the same command.
    expect((await status(secretary, "/status")).map((m) => m.text)).toEqual(messages.map((m) => m.text));
  });

  it("when a cell secretary with nothing reported asks in English, then the card is in English with no difficulties", async () => {
    const secretary = telegramUser({ language_code: "en" });
    await link("+84970221416", secretary);
    const messages = await status(secretary, "/status");
    expect(messages.map((m) => m.text)).toEqual([
      [
        "Chi bộ Tổ dân phố số 8 (Đảng bộ phường Gia Thụy) — term 2020-2022",
        "⚠️ Congress plan — overdue by 26 days (due 31/01/2020)",
        "⏳ Draft political and self-review reports — due 29/02/2020 (3 days left)",
        "⏳ Personnel plan — due 10/03/2020 (13 days left)",
        "⏳ Congress date set — due 15/03/2020 (18 days left)",
        "⏳ Congress held — due 31/03/2020 (34 days left)",
        "Open difficulties: none.",
      ].join("\n"),
    ]);
  });

  it("when a working-group leader asks, then the morning list shows: totals, units to chase by organisation most urgent first, difficulties", async () => {
    const leader = telegramUser({ first_name: "Ngọc" });
    await link("+84817209914", leader); // Tô Minh Ngọc: standing committee, leads Tổ công tác số 1
    for (const milestone of ["plan", "documents", "personnel", "scheduled", "held"] as const) {
      await report("VKS", milestone, "2020-02-20");
      await report("P-BODE-02", milestone, "2020-02-25");
    }
    await report("THPT-PL", "plan", "2020-02-10");
    await report("CQQU", "plan", "2020-02-10");
    await report("P-BODE", "plan", "2020-02-12");
    await report("P-BODE-03", "plan", "2020-01-20");
    await difficulty("CA-01", "Có đơn thư tố cáo liên quan nhân sự", "2020-02-24T03:00:00Z", true);
    await difficulty("CQQU", "Thiếu kinh phí tổ chức đại hội", "2020-02-25T03:00:00Z");

    const before = await databaseFingerprint(db.database);
    const messages = await status(leader);
    expect(messages).toHaveLength(1);
    const text = messages[0]!.text!;
    expect(text.length).toBeLessThanOrEqual(telegramTextLimit);
    const lines = text.split("\n");
    // Totals first, by level, in the checklist's words (VKS held; Bồ Đề, Cự Khối, Công an and the dike
    // station have their plan overdue; a cell of Bồ Đề held, another reported its plan).
    expect(lines.slice(0, 6)).toEqual([
      "Tổ công tác số 1 — việc cần đôn đốc hôm nay (26/02/2020)",
      "7 tổ chức cơ sở đảng: 1 đã đại hội, 3 đúng tiến độ, 3 chậm",
      "2 đảng bộ bộ phận: 0 đã đại hội, 2 đúng tiến độ, 0 chậm",
      "83 chi bộ: 1 đã đại hội, 1 đúng tiến độ, 81 chậm",
      "",
      "Đảng bộ phường Bồ Đề (1/44 chi bộ đã đại hội):",
    ]);
    // Then the units to chase, grouped by grassroots organisation, the longest overdue first (the cells'
    // plan, due 31/01), each with its secretary; as many as fit in one message, the rest counted.
    expect(lines[6]).toBe(
      "• Chi bộ Tổ dân phố số 1: Kế hoạch đại hội quá hạn 26 ngày — Bí thư Nghiêm Hữu Thắng, 0962 586 100",
    );
    const unitLines = lines.filter(
      (line) => line.startsWith("• Chi bộ Tổ dân phố") || line.startsWith("• Chi bộ Cơ quan phường"),
    );
    const more = /^…và (\d+) đơn vị khác cần đôn đốc — \/tiendo để xem đủ$/.exec(
      lines.find((line) => line.startsWith("…và"))!,
    );
    // 81 cells and 3 organisations are overdue; VKS and the two cells of Bồ Đề that reported are not named.
    expect(unitLines.length + Number(more![1])).toBe(81 + 3);
    expect(text).not.toContain("Tổ dân phố số 2:");
    expect(text).not.toContain("Tổ dân phố số 3:");
    // Open difficulties close the list; a complaint is counted, never quoted; reading writes nothing.
    expect(lines.slice(-3)).toEqual([
      "Khó khăn đang mở (2):",
      '• Chi bộ Cơ quan Quận ủy — "Thiếu kinh phí tổ chức đại hội" (25/02)',
      "• Chi bộ Nhà tạm giữ — 🔒 đơn thư, khiếu nại, tố cáo: nội dung chỉ Ban Thường vụ và Văn phòng xem được (24/02)",
    ]);
    expect(text).not.toContain("tố cáo liên quan nhân sự");
    expect(await databaseFingerprint(db.database)).toEqual(before);
  });

  it("when a working-group leader is also an officer of a unit, then the unit's card comes first, then the group", async () => {
    const leader = telegramUser();
    const personId = await link("+84865390337", leader); // Nguyễn Lan Hạnh leads Tổ công tác số 2
    await prisma().roleAssignment.create({ data: { personId, unitId: await unitId("MTTQ"), role: "deputy" } });
    const [card, list, ...rest] = await status(leader);
    expect(rest).toEqual([]);
    expect(card!.text).toBe(
      [
        "Chi bộ Cơ quan Ủy ban Mặt trận Tổ quốc và các đoàn thể quận (Đảng bộ quận Long Biên) — nhiệm kỳ 2020-2025",
        "⚠️ Kế hoạch đại hội — quá hạn 11 ngày (hạn 15/02/2020)",
        "⏳ Dự thảo báo cáo chính trị, kiểm điểm — hạn 31/03/2020 (còn 34 ngày)",
        "⏳ Phương án nhân sự — hạn 30/04/2020 (còn 64 ngày)",
        "⏳ Ấn định ngày đại hội — hạn 15/05/2020 (còn 79 ngày)",
        "⏳ Tổ chức đại hội — hạn 10/06/2020 (còn 105 ngày)",
        "Khó khăn đang mở: không.",
      ].join("\n"),
    );
    // The group's list is the morning list, word for word (one model, one rendering).
    expect(list!.text!.split("\n")[0]).toBe("Tổ công tác số 2 — việc cần đôn đốc hôm nay (26/02/2020)");
    expect(list!.text!.split("\n")[1]).toBe("7 tổ chức cơ sở đảng: 0 đã đại hội, 0 đúng tiến độ, 7 chậm");
  });

  it("when a group follows the whole district, then the list stays one message, the rest counted with a pointer to /tiendo", async () => {
    const leader = telegramUser();
    const person = await prisma().person.findFirstOrThrow({ where: { phone: "+84333372348" } }); // Mai Công Thành, standing
    await link("+84333372348", leader);
    await prisma().workingGroup.create({
      data: {
        organizationId: 1,
        name: "Tổ chỉ đạo chung",
        members: { create: [{ personId: person.id, role: "leader" }] },
        units: { create: [{ unitId: await unitId("LB") }] },
      },
    });
    const [message, ...rest] = await status(leader);
    expect(rest).toEqual([]);
    const lines = message!.text!.split("\n");
    expect(message!.text!.length).toBeLessThanOrEqual(telegramTextLimit);
    expect(lines[0]).toBe("Tổ chỉ đạo chung — việc cần đôn đốc hôm nay (26/02/2020)");
    // Totals per level (what earlier tests of this file reported shows here), each adding up.
    const totals = lines
      .slice(1, 5)
      .map((line) => /^(\d+) (.+): (\d+) đã đại hội, (\d+) đúng tiến độ, (\d+) chậm$/.exec(line)!);
    expect(totals.map((match) => [match[2], Number(match[1])])).toEqual([
      ["đảng bộ cấp huyện", 1],
      ["tổ chức cơ sở đảng", 49],
      ["đảng bộ bộ phận", 3],
      ["chi bộ", 587],
    ]);
    for (const match of totals) expect(Number(match[3]) + Number(match[4]) + Number(match[5])).toBe(Number(match[1]));
    // Every unit behind is either named or counted in the last line (on 26/02 no congress is due within a week).
    const moreAt = lines.findIndex((line) => line.startsWith("…và"));
    const named = lines.slice(0, moreAt).filter((line) => line.startsWith("• "));
    const more = /^…và (\d+) đơn vị khác cần đôn đốc — \/tiendo để xem đủ$/.exec(lines[moreAt]!);
    expect(named.length + Number(more![1])).toBe(totals.reduce((sum, match) => sum + Number(match[5]), 0));
  });

  it("when a person is officer of many units, then the answer is split between cards, each message within Telegram's limit", async () => {
    const user = telegramUser();
    const cells = await prisma().unit.findMany({
      where: { code: { startsWith: "P-BODE-" } },
      orderBy: { position: "asc" },
    });
    expect(cells).toHaveLength(44);
    await prisma().person.create({
      data: {
        organizationId: 1,
        name: "Người báo cáo Bồ Đề",
        telegramUserId: BigInt(user.id),
        roles: { create: cells.map((cell) => ({ unitId: cell.id, role: "reporter" as const })) },
      },
    });
    const messages = await status(user);
    expect(messages.length).toBeGreaterThan(1);
    for (const message of messages) {
      expect(message.text!.length).toBeLessThanOrEqual(telegramTextLimit);
      // Each message starts with a card's title: no card is cut in two.
      expect(message.text!.split("\n")[0]).toMatch(/^Chi bộ .* \(Đảng bộ phường Bồ Đề\) — nhiệm kỳ 2020-2022$/);
    }
    const titles = messages.flatMap((m) => m.text!.split("\n").filter((line) => line.includes("— nhiệm kỳ")));
    expect(titles).toEqual(cells.map((cell) => `${cell.name} (Đảng bộ phường Bồ Đề) — nhiệm kỳ 2020-2022`));
  });

  it("when a stranger or a standing member with no unit asks, then they get the onboarding hint or say there is nothing to show", async () => {
    expect((await status(telegramUser())).map((m) => m.text)).toEqual([
      "Đồng chí chưa được giao đơn vị nào để báo cáo. Liên hệ Văn phòng cấp ủy để nhận mã mời.",
    ]);
    const standing = telegramUser();
    await link("+84880896687", standing); // Kiều Hữu Thắng: standing committee only, leads no group
    expect((await status(standing)).map((m) => m.text)).toEqual([
      [
        "Đồng chí không trực tiếp phụ trách đơn vị nào (bí thư, phó bí thư, người báo cáo hoặc tổ trưởng Tổ công tác), nên chưa có tình trạng để hiển thị.",
        "Cần hỗ trợ, liên hệ Văn phòng cấp ủy.",
      ].join("\n"),
    ]);
  });

  it("when someone asks in a group, then no unit data is shown, only where to ask", async () => {
    const secretary = telegramUser();
    await link("+84913697241", secretary); // secretary of CA-01
    const group = { id: -100777000, type: "supergroup" as const, title: "Đảng bộ Công an quận" };
    harness.emulator.registerChat(group);
    const reply = await harness.say(secretary, "/trangthai", group);
    expect(reply.text).toBe(
      `Tình trạng đơn vị chỉ gửi trong tin nhắn riêng với Trợ lý. Đồng chí nhắn riêng cho @${harness.app.bot.botInfo.username} và gõ /trangthai.`,
    );
    await harness.app.inbox.drain();
    expect(harness.sent(group.id)).toHaveLength(1);
    expect(harness.sent(secretary.id)).toHaveLength(0);
  });
});
