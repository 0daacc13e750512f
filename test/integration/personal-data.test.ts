// Personal data (Decree 13/2023/NĐ-CP): `person export` gives everything held on a person, `person erase`
// removes their identity and keeps the unit's reports counted; stored updates are deleted after
// UPDATE_RETENTION_DAYS. A secretary reports through the bot first, so the data is what the product keeps.
import { readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { User } from "grammy/types";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fixedClock } from "../../src/clock.js";
import { chatKeyOf, storeUpdates } from "../../src/db/update-store.js";
import { createRetentionJob } from "../../src/scheduler/retention-job.js";
import { startBotHarness, type BotHarness } from "../support/bot-harness.js";
import { cli } from "../support/cli.js";
import { bindTelegramUser, importFixture } from "../support/roster.js";
import { createTestDatabase, type TestDatabase } from "../support/test-database.js";

const clock = fixedClock("2020-02-26T03:00:00Z"); // 10:00 on 26/02/2020 in Hà Nội
const reportLine = "/baocao daihoi 25/02/2020 bch=5/5 nu=2";

describe("personal data", () => {
  let db: TestDatabase;
  let harness: BotHarness;
  let an: User;
  const prisma = () => db.database.prisma;
  /** Stored updates sent by the user, found as an auditor would: by the sender's id in the raw JSON. */
  const updatesFrom = async (user: User) =>
    (await prisma().telegramUpdate.findMany()).filter((update) =>
      JSON.stringify(update.payload).includes(`"id":${user.id},`),
    );

  beforeAll(async () => {
    db = await createTestDatabase();
    await importFixture(db.database, "reporting-org.yaml");
    an = await bindTelegramUser(db.database, "+84912345678");
    harness = await startBotHarness(db.database, { clock });
    const card = await harness.say(an, reportLine);
    await harness.press(an, card, "✅ Xác nhận");
    // The language chosen in the bot: audited by the Telegram account.
    expect((await harness.say(an, "/ngonngu vi")).text).toBe("Từ nay Trợ lý nhắn cho đồng chí bằng tiếng Việt.");
    await harness.say(an, "/baocao"); // a conversation left open
  });
  afterAll(async () => {
    await harness?.stop();
    await db?.drop();
  });

  it("when the office exports a person's data, then it holds who they are, their roles, what they reported and sent, and the audit entries", async () => {
    const result = await cli(db.database, ["person", "export", "--phone", "0912 345 678"]);
    expect(result.code, result.err.join("\n")).toBe(0);
    const data = JSON.parse(result.out.join("\n"));
    expect(data.person).toMatchObject({ name: "Nguyễn Văn An", phone: "+84912345678", telegramUserId: String(an.id) });
    expect(data.roles).toEqual([{ unitCode: "GT-07", unitName: "Chi bộ Tổ dân phố 7", role: "secretary" }]);
    expect(data.reports).toEqual([
      expect.objectContaining({ unitCode: "GT-07", milestone: "held", source: "telegram", onBehalf: false }),
    ]);
    const texts = data.storedUpdates.map(
      (update: { payload: { message?: { text?: string } } }) => update.payload.message?.text,
    );
    expect(texts).toContain(reportLine);
    expect(data.storedUpdates).toHaveLength((await updatesFrom(an)).length);
    expect(data.conversations).toHaveLength(1);
    expect(data.auditEntries.map((entry: { action: string }) => entry.action)).toContain("report.create");

    const file = path.join(tmpdir(), `daihoi-person-${process.pid}.json`);
    try {
      const written = await cli(db.database, ["person", "export", "--phone", "+84912345678", "--out", file]);
      expect(written.out).toEqual([`Đã ghi ${file}.`]);
      expect(JSON.parse(readFileSync(file, "utf8"))).toEqual(data);
      // Only its owner may read it: it is a person's data.
      expect(statSync(file).mode & 0o077).toBe(0);
    } finally {
      rmSync(file, { force: true });
    }
  });

  it("when the phone is not one or is nobody's, then the command says so and exits 1", async () => {
    const bad = await cli(db.database, ["person", "export", "--phone", "12ab"]);
    expect([bad.code, bad.err]).toEqual([1, ['Lỗi: "12ab" không phải số điện thoại Việt Nam; ví dụ 0912345678']]);
    const nobody = await cli(db.database, ["person", "erase", "--phone", "0987654321"]);
    expect([nobody.code, nobody.err]).toEqual([1, ["Lỗi: không có ai với số 0987654321 trong danh sách"]]);
  });

  it("when the office erases a person, then their identity and what was only theirs go, the unit's report stays counted, and the bot no longer knows them", async () => {
    const person = await prisma().person.findFirstOrThrow({ where: { phone: "+84912345678" } });
    const status = (await cli(db.database, ["status"], {}, clock)).out;
    const reportsBefore = await prisma().report.findMany({ select: { id: true, authorId: true, unitId: true } });
    expect(await prisma().auditLog.count({ where: { actor: `telegram:${an.id}` } })).toBeGreaterThan(0);
    expect(await updatesFrom(an)).not.toHaveLength(0);

    const erased = await cli(db.database, ["person", "erase", "--phone", "0912345678"]);
    expect(erased.code, erased.err.join("\n")).toBe(0);
    expect(erased.out[0]).toMatch(
      new RegExp(
        `^Đã xóa danh tính người số ${person.id}: bỏ 1 vai trò, 0 chỗ trong tổ công tác, 0 phiên đăng nhập web, 0 trình duyệt nhận thông báo, \\d+ tin nhắn đã lưu, \\d+ tin nhắn gửi cho người này, 1 phiên trò chuyện\\.`,
      ),
    );

    expect(await prisma().person.findUniqueOrThrow({ where: { id: person.id } })).toMatchObject({
      name: "(đã xóa theo yêu cầu)",
      phone: null,
      telegramUserId: null,
      locale: null,
    });
    expect(await prisma().roleAssignment.count({ where: { personId: person.id } })).toBe(0);
    expect(await updatesFrom(an)).toEqual([]);
    expect(await prisma().chatFlow.count({ where: { userId: BigInt(an.id) } })).toBe(0);
    // The unit's report is the unit's: it stays, with its author, and the figures are the same.
    expect(await prisma().report.findMany({ select: { id: true, authorId: true, unitId: true } })).toEqual(
      reportsBefore,
    );
    expect((await cli(db.database, ["status"], {}, clock)).out).toEqual(status);
    // The erasure is audited, without what was erased.
    const audit = await prisma().auditLog.findFirstOrThrow({ where: { action: "person.erase" } });
    expect(audit).toMatchObject({ actor: "cli", entity: "person", entityId: String(person.id) });
    expect(JSON.stringify(audit)).not.toMatch(/912345678|Nguyễn Văn An/);
    // No entry names the Telegram account any more: those it made are the roster id's.
    expect(await prisma().auditLog.count({ where: { actor: `telegram:${an.id}` } })).toBe(0);

    expect((await cli(db.database, ["person", "export", "--phone", "0912345678"])).code).toBe(1);
    // To the bot they are a stranger now.
    expect((await harness.say(an, "/baocao")).text).toContain("Đồng chí chưa được giao đơn vị nào");
  });

  it("when a day begins, then stored updates handled more than UPDATE_RETENTION_DAYS ago are deleted and the rest kept", async () => {
    const user = { id: 700009999, is_bot: false, first_name: "Thử" };
    const message = (id: number) => ({
      update_id: id,
      message: {
        message_id: id,
        date: 0,
        chat: { id: user.id, type: "private" as const, first_name: "Thử" },
        from: user,
        text: `tin ${id}`,
      },
    });
    // The bot runs alongside, and its inbox takes any unhandled row (on PostgreSQL it also looks every few
    // seconds): the handled rows are written handled, so it never handles them again.
    const handled = (id: number, at: string) =>
      prisma().telegramUpdate.create({
        data: {
          updateId: BigInt(id),
          payload: message(id),
          chatKey: chatKeyOf(message(id)),
          processedAt: new Date(at),
        },
      });
    await handled(9_000_001, "2019-12-01T00:00:00Z"); // 87 days before the clock's day
    await handled(9_000_002, "2020-02-20T00:00:00Z"); // 6 days before
    await storeUpdates(prisma(), [message(9_000_003)]); // not handled yet (or handled by the bot just now: kept too)
    // Conversations: one abandoned two days ago, one of today; a group's wait for its code (the group job's).
    const flow = (chatId: number, userId: number, expiresAt: string) =>
      prisma().chatFlow.create({
        data: {
          chatId: BigInt(chatId),
          userId: BigInt(userId),
          kind: "report",
          state: {},
          expiresAt: new Date(expiresAt),
        },
      });
    await flow(700009991, 700009991, "2020-02-24T03:00:00Z");
    await flow(700009992, 700009992, "2020-02-26T03:30:00Z");
    await flow(-1009999, 0, "2020-02-20T03:00:00Z");
    const logged: unknown[] = [];
    const job = createRetentionJob({
      prisma: prisma(),
      retentionDays: 30,
      clock,
      timezone: "Asia/Ho_Chi_Minh",
      logger: { info: (entry: unknown) => logged.push(entry), error: (entry: unknown) => logged.push(entry) },
    });
    await job();
    await job(); // once a day
    const left = await prisma().telegramUpdate.findMany({
      where: { updateId: { gte: 9_000_001n } },
      select: { updateId: true },
      orderBy: { updateId: "asc" },
    });
    expect(left.map((row) => Number(row.updateId))).toEqual([9_000_002, 9_000_003]);
    const flows = await prisma().chatFlow.findMany({
      where: { chatId: { in: [700009991n, 700009992n, -1009999n] } },
      select: { chatId: true },
      orderBy: { chatId: "asc" },
    });
    expect(flows.map((row) => Number(row.chatId))).toEqual([-1009999, 700009992]);
    expect(logged).toEqual([expect.objectContaining({ deleted: 1, conversations: 1 })]);
  });
});
