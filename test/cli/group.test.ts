// `group link-code | list | unlink` on a real database: what the office sees, what is stored (only the
// code's hash), and that a printed code binds a group once in the bot.
import { createHash } from "node:crypto";
import type { Chat } from "grammy/types";
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { fixedClock } from "../../src/clock.js";
import { cli, type CliResult } from "../support/cli.js";
import { startBotHarness, telegramUser } from "../support/bot-harness.js";
import { createTestDatabase, databaseFingerprint, resetDatabase, type TestDatabase } from "../support/test-database.js";

const smallFile = new URL("../fixtures/small-org.yaml", import.meta.url).pathname;

describe("group command line", () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase();
    return () => db.drop();
  });
  beforeEach(async () => {
    await resetDatabase(db.database);
    expect((await cli(db.database, ["org", "import", smallFile])).code).toBe(0);
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  /** Runs the CLI with the office's clock at that moment. */
  async function cliAt(iso: string, args: string[]): Promise<CliResult> {
    return cli(db.database, args, {}, fixedClock(iso));
  }

  async function bindingRow(chatId: number) {
    return db.database.prisma.chatBinding.findUnique({ where: { chatId: BigInt(chatId) } });
  }

  it("when a link code is made, then it is printed with what to do, only its hash is stored, and it binds one group once; list and unlink follow", async () => {
    const result = await cliAt("2020-02-26T03:00:00Z", ["group", "link-code", "--unit", "gt"]);
    expect(result.code).toBe(0);
    expect(result.err).toEqual([]);
    expect(result.out.slice(0, 2)).toEqual([
      "Đã tạo mã liên kết nhóm số 1 cho Đảng bộ phường Gia Thụy (GT): dùng một lần, hết hạn lúc 10:00 ngày 04/03/2020.",
      "Thêm Trợ lý vào nhóm của đơn vị, rồi trong vòng 10 phút gửi vào nhóm dòng sau:",
    ]);
    const command = /^\/lienketnhom ([A-Za-z0-9_-]{32})$/.exec(result.out[2]!);
    expect(command, result.out[2]).not.toBeNull();
    expect(result.out).toHaveLength(3);
    const token = command![1]!;
    const stored = await db.database.prisma.invite.findFirstOrThrow();
    expect(stored).toMatchObject({
      kind: "group",
      role: null,
      tokenHash: createHash("sha256").update(token).digest("hex"),
      expiresAt: new Date("2020-03-04T03:00:00Z"),
      usedAt: null,
      createdBy: "cli",
    });
    const rows = await db.database.sql.query(`SELECT count(*)::int AS n FROM "audit_logs" t WHERE t::text LIKE $1`, [
      `%${token}%`,
    ]);
    expect(rows[0]!.n).toBe(0);
    expect(await db.database.prisma.auditLog.count({ where: { action: "group.link-code.create" } })).toBe(1);
    // A person's invite list does not show group codes.
    expect((await cli(db.database, ["invite", "list"])).out).toEqual(["Chưa có mã mời nào."]);

    expect(await cli(db.database, ["group", "list"])).toEqual({
      code: 0,
      out: ["Chưa có nhóm nào được liên kết."],
      err: [],
    });

    const group: Chat.GroupChat = { id: -5_000_001, type: "group", title: "Ban Thường vụ Đảng ủy phường Gia Thụy" };
    const harness = await startBotHarness(db.database, { clock: fixedClock("2020-02-26T04:00:00Z") });
    try {
      const user = telegramUser();
      harness.emulator.addBotToGroup(harness.token, { chat: group, by: user });
      await harness.emulator.waitForBotMessages(group.id, 1);
      expect((await harness.say(user, `/lienketnhom ${token}`, group)).text).toBe(
        "Đã liên kết nhóm với Đảng bộ phường Gia Thụy (GT); nhóm sẽ nhận báo cáo tiến độ hằng ngày lúc 17:00.",
      );
      const other: Chat.GroupChat = { id: -5_000_002, type: "group", title: "Nhóm khác" };
      harness.emulator.addBotToGroup(harness.token, { chat: other, by: user });
      await harness.emulator.waitForBotMessages(other.id, 1);
      expect((await harness.say(user, `/lienketnhom ${token}`, other)).text).toBe(
        "Mã liên kết này đã được sử dụng. Đề nghị đồng chí quản trị cấp mã mới bằng lệnh /malienket.",
      );
    } finally {
      await harness.stop();
    }
    expect(await bindingRow(group.id)).toMatchObject({ organizationId: 1, purpose: "digest", title: group.title });
    expect(await bindingRow(-5_000_002)).toBeNull();

    expect(await cli(db.database, ["group", "list"])).toEqual({
      code: 0,
      out: ['GT  Đảng bộ phường Gia Thụy  nhóm -5000001  "Ban Thường vụ Đảng ủy phường Gia Thụy"  từ 26/02/2020 11:00'],
      err: [],
    });
    expect(await cli(db.database, ["group", "list", "--lang", "en"])).toMatchObject({
      out: [
        'GT  Đảng bộ phường Gia Thụy  chat -5000001  "Ban Thường vụ Đảng ủy phường Gia Thụy"  since 26/02/2020 11:00',
      ],
    });

    expect(await cli(db.database, ["group", "unlink", "--chat", "-5000001"])).toEqual({
      code: 0,
      out: [
        'Đã hủy liên kết nhóm -5000001 ("Ban Thường vụ Đảng ủy phường Gia Thụy") với Đảng bộ phường Gia Thụy (GT).',
      ],
      err: [],
    });
    expect(await bindingRow(group.id)).toBeNull();
    const audit = await db.database.prisma.auditLog.findMany({ where: { action: "group.unbind" } });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actor: "cli", details: { chatId: "-5000001" } });
    expect(await cli(db.database, ["group", "list"])).toMatchObject({ out: ["Chưa có nhóm nào được liên kết."] });
  });

  it("when --expires and --lang en are given, then the expiry follows and the text is English", async () => {
    const result = await cliAt("2020-02-26T03:00:00Z", [
      "group",
      "link-code",
      "--unit",
      "KB",
      "--expires",
      "12h",
      "--lang",
      "en",
    ]);
    expect(result.out.slice(0, 2)).toEqual([
      "Created group link code 1 for Chi bộ Kho bạc Nhà nước Long Biên (KB): single use, expires at 22:00 on 26/02/2020.",
      "Add the assistant to the unit's group, then within 10 minutes send this line in the group:",
    ]);
    expect(result.out[2]).toMatch(/^\/lienketnhom [A-Za-z0-9_-]{32}$/);
  });

  it("when an argument is wrong, then it says which and how to write it, exits non-zero and writes nothing", async () => {
    const before = await databaseFingerprint(db.database);
    const cases: [string[], number, string][] = [
      [["link-code"], 2, "Lỗi: thiếu --unit"],
      [
        ["link-code", "--unit", "GT", "--expires", "91d"],
        2,
        'Lỗi: thời hạn "91d" không hợp lệ; viết dạng 7d (ngày) hoặc 12h (giờ), tối đa 90d',
      ],
      [
        ["link-code", "--unit", "GT", "--expires", "soon"],
        2,
        'Lỗi: thời hạn "soon" không hợp lệ; viết dạng 7d (ngày) hoặc 12h (giờ), tối đa 90d',
      ],
      [["link-code", "--unit", "NOPE"], 2, 'Lỗi: không có đơn vị mã "NOPE"'],
      [["link-code", "--unit", "GT", "--org", "HN"], 2, 'Lỗi: không có tổ chức mã "HN"'],
      [["unlink"], 2, "Lỗi: thiếu --chat"],
      [
        ["unlink", "--chat", "abc"],
        2,
        'Lỗi: "abc" không phải mã số (chat id) của nhóm; ví dụ -1001234567890 (xem: group list)',
      ],
      [
        ["unlink", "--chat", "12345"],
        2,
        'Lỗi: "12345" không phải mã số (chat id) của nhóm; ví dụ -1001234567890 (xem: group list)',
      ],
      [["unlink", "--chat", "-100999"], 1, "Lỗi: không có nhóm nào với chat id -100999 được liên kết"],
      [["bind"], 2, 'Lỗi: không có lệnh "group bind"'],
    ];
    for (const [args, code, message] of cases) {
      expect(await cli(db.database, ["group", ...args]), args.join(" ")).toEqual({ code, out: [], err: [message] });
    }
    expect(await cli(db.database, ["group", "link-code", "--unit"])).toEqual({
      code: 2,
      out: [],
      err: ["Lỗi: thiếu --unit"],
    });
    expect(await databaseFingerprint(db.database)).toEqual(before);
  });

  it("when the usage is printed, then it lists the group commands", async () => {
    const usage = await cli(db.database, ["--help"]);
    expect(
      usage.out.some(
        (line) =>
          line.trim() ===
          "group list                              các nhóm đã liên kết (đơn vị, chat id, tên nhóm, từ ngày)",
      ),
    ).toBe(true);
    expect(usage.out.some((line) => line.includes("group link-code --unit MÃ [--expires 7d]"))).toBe(true);
  });
});
