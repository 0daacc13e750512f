// The daily digest reaches each bound group once at DIGEST_TIME: through the outbox and the sender,
// over HTTP to the emulator, with catch-up after downtime and no double on a restart or a repeated tick.
import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { fixedClock } from "../../src/clock.js";
import { startBotHarness, type BotHarness } from "../support/bot-harness.js";
import { cli } from "../support/cli.js";
import { importFixture, recordReport } from "../support/roster.js";
import { createTestDatabase, type TestDatabase } from "../support/test-database.js";

const clock = fixedClock("2020-02-26T03:00:00Z");
const group = { id: -1001234567, type: "supergroup" as const, title: "Ban Thường vụ Quận ủy" };

describe("daily digest", () => {
  let db: TestDatabase;
  let harness: BotHarness;

  beforeAll(async () => {
    db = await createTestDatabase();
    await importFixture(db.database, "reporting-org.yaml");
    const lb = await db.database.prisma.unit.findFirstOrThrow({ where: { code: "LB" } });
    await db.database.prisma.chatBinding.create({
      data: { organizationId: lb.organizationId, unitId: lb.id, chatId: BigInt(group.id), title: group.title },
    });
    // A cell held its congress yesterday, reported this morning.
    await recordReport(db.database, {
      unit: "GT-07",
      milestone: "held",
      eventDate: "2020-02-25",
      recordedAt: clock.now(),
      payload: { results: { committeePlanned: 5, committeeElected: 5, women: 2, underThirtyFive: 1, reElected: 3 } },
    });
    harness = await startBotHarness(db.database, { clock, scheduler: true });
    harness.emulator.registerChat(group);
  });
  beforeEach(() => clock.set("2020-02-26T03:00:00Z"));
  afterAll(async () => {
    await harness?.stop();
    await db?.drop();
  });

  const digests = () => harness.sent(group.id).filter((message) => message.text?.startsWith("📊 TIẾN ĐỘ ĐẠI HỘI"));
  /** Telegram takes one message a second per chat (the text, then the chart): moves the fixed clock on until all is sent. */
  async function deliverPending() {
    for (
      let round = 0;
      round < 20 && (await db.database.prisma.outboxMessage.count({ where: { status: "pending" } })) > 0;
      round++
    ) {
      clock.advance(1100);
      await harness.app.sender.drainOnce();
    }
  }

  it("when it is not yet 17:00, then no digest is written", async () => {
    await harness.app.scheduler.tick();
    expect(await db.database.prisma.outboxMessage.count({ where: { kind: "digest" } })).toBe(0);
  });

  it("when 17:00 comes, then the group gets the digest once however often the scheduler ticks", async () => {
    clock.set("2020-02-26T10:00:00Z"); // 17:00 in Hà Nội
    await harness.app.scheduler.tick();
    await harness.app.scheduler.tick();
    const [digest] = await harness.emulator.waitForBotMessages(group.id, 1);
    expect(digest!.text).toBe(
      [
        "📊 TIẾN ĐỘ ĐẠI HỘI — Đảng bộ quận Long Biên",
        "Cập nhật 17:00 ngày 26/02/2020 (thứ Tư)",
        "",
        "Chi bộ trực thuộc đảng ủy cơ sở: 1/3 (33,3%) đã đại hội  ▲ +1 so với hôm qua",
        "Tổ chức cơ sở đảng: 0/3 đã đại hội",
        "Dự thảo báo cáo chính trị, kiểm điểm: 0/3 • Phương án nhân sự: 0/3",
        "",
        "Chậm nhất (chi bộ đã đại hội / tổng):",
        "• Đảng bộ phường Ngọc Thụy: 0/1 (0,0%)",
        "• Đảng bộ phường Gia Thụy: 1/2 (50,0%)",
        "",
        "Sắp đại hội (7 ngày tới):",
        "• 04/03 Chi bộ Kho bạc Nhà nước Long Biên (đại hội điểm)",
        "",
        // Every unit with a milestone overdue (plans were due 31/01 for cells and 15/02 for grassroots
        // organisations), grouped under its grassroots organisation; GT-07's held congress closes its plan.
        "Quá hạn (5 đơn vị có mốc quá hạn):",
        "• Đảng bộ phường Gia Thụy và 1 chi bộ (Chi bộ Tổ dân phố 12)",
        "• Đảng bộ phường Ngọc Thụy và 1 chi bộ (Chi bộ Tổ dân phố 1)",
        "• Chi bộ Kho bạc Nhà nước Long Biên",
        "Hạn chót chi bộ: 31/03/2020 (còn 34 ngày).",
        "Khó khăn đang mở: không.",
        // The final section, once congresses are held (issue #5).
        "",
        "Kết quả bầu cử (1 đại hội đã tổ chức):",
        "• Chi bộ trực thuộc (1): cấp ủy trúng cử 5/5 (100,0%); bầu đủ 1, bầu thiếu 0",
        "   Nữ 2 (40,0%) • dưới 35 tuổi 1 (20,0%) • tái cử 3 (60,0%) • mới 2 (40,0%)",
      ].join("\n"),
    );
    await harness.app.sender.drainOnce();
    expect(digests()).toHaveLength(1);
    const row = await db.database.prisma.outboxMessage.findFirstOrThrow({
      where: { kind: "digest", dedupeKey: { endsWith: ":1" } },
    });
    expect(row).toMatchObject({
      dedupeKey: `digest:${group.id}:2020-02-26:1`,
      status: "sent",
      sentMessageId: digest!.message_id,
    });
  });

  it("when the bot was down at 17:00 and starts at 21:30, then today's digest is sent on start, once", async () => {
    clock.set("2020-02-27T14:30:00Z"); // 21:30 the next day
    await harness.app.stop();
    harness = await startBotHarness(db.database, { clock, emulator: harness.emulator, scheduler: true });
    await deliverPending();
    await harness.emulator.waitFor(() => digests().length === 2);
    await harness.app.stop();
    harness = await startBotHarness(db.database, { clock, emulator: harness.emulator, scheduler: true });
    await harness.app.scheduler.tick();
    await deliverPending();
    expect(digests().map((message) => message.text!.split("\n")[1])).toEqual([
      "Cập nhật 17:00 ngày 26/02/2020 (thứ Tư)",
      "Cập nhật 17:00 ngày 27/02/2020 (thứ Năm)",
    ]);
  });

  it("when the bot starts more than 6 hours after 17:00, then the missed digest is not sent late", async () => {
    clock.set("2020-02-28T16:30:00Z"); // 23:30
    await harness.app.scheduler.tick();
    await harness.app.sender.drainOnce();
    expect(digests()).toHaveLength(2);
    expect(await db.database.prisma.outboxMessage.count({ where: { dedupeKey: { contains: "2020-02-28" } } })).toBe(0);
  });

  it("when the office runs `digest send`, then the group gets a digest now, on top of the daily one", async () => {
    const before = digests().length;
    const result = await cli(db.database, ["digest", "send", "--unit", "LB", "--lang", "en"], {
      TELEGRAM_API_ROOT: harness.emulator.apiRoot,
    });
    expect(result).toEqual({ code: 0, out: ["Progress digest queued for 1 group(s).", "Sent 1 message(s)."], err: [] });
    expect(digests()).toHaveLength(before + 1);
    const none = await cli(db.database, ["digest", "send", "--unit", "KB", "--lang", "en"]);
    expect(none).toEqual({
      code: 1,
      out: [],
      err: ["Error: no group is linked to receive the progress digest (see: group link-code)"],
    });
  });

  it("when two organisations have a unit of the same code, then `digest send --unit` reaches only the named organisation's groups", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "digest-two-orgs-"));
    const file = path.join(dir, "gia-lam.yaml");
    await writeFile(
      file,
      [
        'organization: { code: GL, name: "Đảng bộ huyện Gia Lâm" }',
        "units:",
        '  - { code: GL, name: "Đảng bộ huyện Gia Lâm", level: district }',
        '  - { code: GT, name: "Đảng bộ xã Gia Thượng", level: grassroots, parent: GL }',
        "people: []",
        "",
      ].join("\n"),
    );
    expect((await cli(db.database, ["org", "import", file])).code).toBe(0);
    const gt = await db.database.prisma.unit.findFirstOrThrow({ where: { code: "GT", organization: { code: "GL" } } });
    const otherGroup = -1009876543;
    await db.database.prisma.chatBinding.create({
      data: { organizationId: gt.organizationId, unitId: gt.id, chatId: BigInt(otherGroup), title: "Gia Lâm" },
    });
    const queuedFor = async (chatId: number) =>
      db.database.prisma.outboxMessage.count({ where: { dedupeKey: { startsWith: `digest-now:${chatId}:` } } });

    const unnamed = await cli(db.database, ["digest", "send", "--unit", "GT", "--lang", "en"]);
    expect(unnamed.code).toBe(2);
    expect(unnamed.err).toEqual(["Error: there are several organisations (LB, GL); choose one with --org CODE"]);
    // Long Biên's GT has no group: Gia Lâm's group is not Long Biên's to send to.
    expect(await cli(db.database, ["digest", "send", "--org", "LB", "--unit", "GT", "--lang", "en"])).toEqual({
      code: 1,
      out: [],
      err: ["Error: no group is linked to receive the progress digest (see: group link-code)"],
    });
    expect(await queuedFor(otherGroup)).toBe(0);
    const named = await cli(db.database, ["digest", "send", "--org", "GL", "--unit", "gt", "--lang", "en"], {
      TELEGRAM_BOT_TOKEN: "",
    });
    expect(named.out[0]).toBe("Progress digest queued for 1 group(s).");
    expect(await queuedFor(otherGroup)).toBe(1);
    expect(await queuedFor(group.id)).toBe(1); // the earlier test's digest now, not a new one
  });
});
