// `invite create | list | revoke` on a real database: what the office sees, what is stored (only the
// token's hash), and that a printed link works once in the bot.
import { createHash } from "node:crypto";
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { fixedClock } from "../../src/clock.js";
import { redeemInvite } from "../../src/db/invite-store.js";
import { startBotApiEmulator } from "../../src/emulator/index.js";
import { cli, type CliResult } from "../support/cli.js";
import { startBotHarness, telegramUser } from "../support/bot-harness.js";
import { createTestDatabase, databaseFingerprint, resetDatabase, type TestDatabase } from "../support/test-database.js";
import { testBotToken } from "../support/test-config.js";

const smallFile = new URL("../fixtures/small-org.yaml", import.meta.url).pathname;
const token32 = /^[A-Za-z0-9_-]{32}$/;

describe("invite command line", () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase();
    return () => db.drop();
  });
  beforeEach(async () => {
    await resetDatabase(db.database);
    expect((await cli(db.database, ["org", "import", smallFile])).code).toBe(0);
    vi.stubEnv("TELEGRAM_BOT_USERNAME", "daihoi_lb_bot");
  });
  afterEach(() => {
    vi.unstubAllEnvs();
    vi.useRealTimers();
  });

  /** Runs the CLI as if it were that moment (Date only: the database and timers run as usual). */
  /** The command line at a moment of the office's clock (it takes the clock like the bot, not Date.now()). */
  async function cliAt(iso: string, args: string[], env: Record<string, string> = {}): Promise<CliResult> {
    return cli(db.database, args, env, fixedClock(iso));
  }

  async function tokenSeenIn(token: string): Promise<string[]> {
    const tables = ["invites", "audit_logs", "people", "role_assignments"];
    const found: string[] = [];
    for (const table of tables) {
      const rows = await db.database.sql.query(`SELECT count(*)::int AS n FROM "${table}" t WHERE t::text LIKE $1`, [
        `%${token}%`,
      ]);
      if (Number(rows[0]!.n) > 0) found.push(table);
    }
    return found;
  }

  it("when an invite is created, then a t.me link is printed, only the token's hash is stored, and the link binds one person once", async () => {
    const result = await cliAt("2020-02-26T03:00:00Z", ["invite", "create", "--unit", "GT-01", "--role", "secretary"]);
    expect(result.code).toBe(0);
    expect(result.err).toEqual([]);
    expect(result.out[0]).toBe(
      "Đã tạo mã mời số 1: vai trò Bí thư, Chi bộ tổ dân phố số 1 (GT-01); dùng một lần, hết hạn lúc 10:00 ngày 11/03/2020.",
    );
    const link = /^https:\/\/t\.me\/daihoi_lb_bot\?start=([A-Za-z0-9_-]{32})$/.exec(result.out[1]!);
    expect(link, result.out[1]).not.toBeNull();
    expect(result.out).toHaveLength(2);
    const token = link![1]!;

    const stored = await db.database.prisma.invite.findFirstOrThrow();
    expect(stored).toMatchObject({
      kind: "person",
      role: "secretary",
      tokenHash: createHash("sha256").update(token).digest("hex"),
      expiresAt: new Date("2020-03-11T03:00:00Z"),
      usedAt: null,
      revokedAt: null,
      createdBy: "cli",
    });
    expect(await tokenSeenIn(token)).toEqual([]);
    expect(await db.database.prisma.auditLog.count({ where: { action: "invite.create" } })).toBe(1);

    const harness = await startBotHarness(db.database, { clock: fixedClock("2020-02-26T04:00:00Z") });
    try {
      const invited = telegramUser({ first_name: "Hạnh", last_name: "Đỗ Thị" });
      expect((await harness.say(invited, `/start ${token}`)).text).toBe(
        [
          "Kính chào đồng chí Hạnh Đỗ Thị!",
          "Đây là Trợ lý Đại hội: theo dõi tiến độ tổ chức đại hội đảng bộ các cấp.",
          "",
          "Đã xác nhận tài khoản. Đồng chí được giao:",
          "• Bí thư — Chi bộ tổ dân phố số 1",
          "   Việc tiếp theo: Kế hoạch đại hội.",
          "",
          "Gõ /trogiup để xem các lệnh.",
        ].join("\n"),
      );
      const before = await databaseFingerprint(db.database);
      expect((await harness.say(telegramUser(), `/start ${token}`)).text).toBe(
        "Mã mời này đã được sử dụng. Đề nghị Văn phòng cấp ủy cấp mã mới.",
      );
      expect(await databaseFingerprint(db.database)).toEqual(before);
    } finally {
      await harness.stop();
    }
    const person = await db.database.prisma.person.findFirstOrThrow({ where: { name: "Hạnh Đỗ Thị" } });
    expect(await db.database.prisma.invite.findFirstOrThrow()).toMatchObject({
      usedById: person.id,
      usedAt: new Date("2020-02-26T04:00:00Z"),
    });
    expect(await tokenSeenIn(token)).toEqual([]);
  });

  it("when --expires and --lang en are given, then the expiry follows and the text is English", async () => {
    const result = await cliAt("2020-02-26T03:00:00Z", [
      "invite",
      "create",
      "--unit",
      "gt",
      "--role",
      "reporter",
      "--expires",
      "12h",
      "--lang",
      "en",
    ]);
    expect(result.out[0]).toBe(
      "Created invite 1: role Reporter, Đảng bộ phường Gia Thụy (GT); single use, expires at 22:00 on 26/02/2020.",
    );
    const longest = await cliAt("2020-02-26T03:00:00Z", [
      "invite",
      "create",
      "--unit",
      "KB",
      "--role",
      "admin",
      "--expires",
      "90d",
    ]);
    expect(longest.out[0]).toBe(
      "Đã tạo mã mời số 2: vai trò Quản trị, Chi bộ Kho bạc Nhà nước Long Biên (KB); dùng một lần, hết hạn lúc 10:00 ngày 26/05/2020.",
    );
  });

  it("when an argument is wrong, then it says which and how to write it, exits non-zero and writes nothing", async () => {
    const before = await databaseFingerprint(db.database);
    const cases: [string[], string][] = [
      [
        ["--unit", "GT-01", "--role", "secretary", "--expires", "91d"],
        'Lỗi: thời hạn "91d" không hợp lệ; viết dạng 14d (ngày) hoặc 12h (giờ), tối đa 90d',
      ],
      [
        ["--unit", "GT-01", "--role", "secretary", "--expires", "2w"],
        'Lỗi: thời hạn "2w" không hợp lệ; viết dạng 14d (ngày) hoặc 12h (giờ), tối đa 90d',
      ],
      [
        ["--unit", "GT-01", "--role", "chairman"],
        'Lỗi: vai trò "chairman" không hợp lệ; chọn một trong: secretary, deputy, reporter, standing, admin',
      ],
      [["--unit", "GT-01"], "Lỗi: thiếu --role"],
      [["--role", "secretary"], "Lỗi: thiếu --unit"],
      [["--unit", "NOPE", "--role", "secretary"], 'Lỗi: không có đơn vị mã "NOPE"'],
      [["--unit", "GT-01", "--role", "secretary", "--org", "HN"], 'Lỗi: không có tổ chức mã "HN"'],
    ];
    for (const [args, message] of cases) {
      expect(await cli(db.database, ["invite", "create", ...args]), args.join(" ")).toEqual({
        code: 2,
        out: [],
        err: [message],
      });
    }
    vi.stubEnv("TELEGRAM_BOT_USERNAME", "not a bot!");
    expect(await cli(db.database, ["invite", "create", "--unit", "GT-01", "--role", "secretary"])).toEqual({
      code: 2,
      out: [],
      err: ['Lỗi: TELEGRAM_BOT_USERNAME "not a bot!" không phải tên bot Telegram (ví dụ daihoi_longbien_bot)'],
    });
    expect(await cli(db.database, ["invite", "send"])).toEqual({
      code: 2,
      out: [],
      err: ['Lỗi: không có lệnh "invite send"'],
    });
    expect(await databaseFingerprint(db.database)).toEqual(before);
  });

  it("when TELEGRAM_BOT_USERNAME is unset, then the username comes from getMe, and without it the /start form is printed with a note", async () => {
    vi.stubEnv("TELEGRAM_BOT_USERNAME", "");
    const emulator = await startBotApiEmulator();
    try {
      emulator.configureBot(testBotToken, { username: "daihoi_longbien_bot" });
      const asked = await cli(db.database, ["invite", "create", "--unit", "GT-02", "--role", "deputy"], {
        TELEGRAM_API_ROOT: emulator.apiRoot,
      });
      expect(asked.out[1]).toMatch(/^https:\/\/t\.me\/daihoi_longbien_bot\?start=[A-Za-z0-9_-]{32}$/);

      emulator.failNext("getMe", { error_code: 401, description: "Unauthorized" });
      const failed = await cli(db.database, ["invite", "create", "--unit", "GT-02", "--role", "deputy"], {
        TELEGRAM_API_ROOT: emulator.apiRoot,
      });
      expect(failed.code).toBe(0);
      expect(failed.out[1]).toMatch(/^\/start [A-Za-z0-9_-]{32}$/);
      expect(failed.out[2]).toBe(
        "Không hỏi được tên bot từ Telegram nên chưa tạo được đường link (có thể đặt TELEGRAM_BOT_USERNAME=tên_bot). Người được mời mở bot trong Telegram và gửi nguyên dòng trên.",
      );
    } finally {
      await emulator.close();
    }
    const offline = await cli(
      db.database,
      ["invite", "create", "--unit", "GT-02", "--role", "deputy", "--lang", "en"],
      { TELEGRAM_BOT_TOKEN: "" },
    );
    expect(offline.out.slice(1).map((line) => line.replace(/[A-Za-z0-9_-]{32}$/, "TOKEN"))).toEqual([
      "/start TOKEN",
      "The bot's username is unknown, so no link could be made (set TELEGRAM_BOT_USERNAME=bot_name, or TELEGRAM_BOT_TOKEN). The invited person opens the bot in Telegram and sends the line above as it is.",
    ]);
    expect(await db.database.prisma.invite.count()).toBe(3);
  });

  it("when invites are listed, then each shows its number, unit, role, expiry and state, and never the token", async () => {
    expect((await cli(db.database, ["invite", "list"])).out).toEqual(["Chưa có mã mời nào."]);
    const tokens: string[] = [];
    for (const [unit, role, expires] of [
      ["GT-01", "secretary", "14d"],
      ["GT-02", "deputy", "14d"],
      ["GT-02", "reporter", "1h"],
      ["KB", "secretary", "7d"],
    ] as const) {
      const created = await cliAt("2020-02-26T03:00:00Z", [
        "invite",
        "create",
        "--unit",
        unit,
        "--role",
        role,
        "--expires",
        expires,
      ]);
      tokens.push(/start=(.+)$/.exec(created.out[1]!)![1]!);
    }
    expect(tokens.every((token) => token32.test(token))).toBe(true);
    await redeemInvite(
      db.database.prisma,
      tokens[0]!,
      { id: 700_999_001, firstName: "Nguyễn Thị", lastName: "Lan", locale: "vi" },
      new Date("2020-02-27T01:30:00Z"),
    );
    await cliAt("2020-02-27T02:00:00Z", ["invite", "revoke", "--id", "4"]);

    const listed = await cliAt("2020-02-27T03:00:00Z", ["invite", "list"]);
    expect(listed).toEqual({
      code: 0,
      err: [],
      out: [
        "#1  GT-01  Bí thư  hạn 11/03/2020 10:00  đã dùng 27/02/2020 08:30 (Nguyễn Thị Lan)",
        "#2  GT-02  Phó Bí thư  hạn 11/03/2020 10:00  còn hiệu lực",
        "#3  GT-02  Người báo cáo  hạn 26/02/2020 11:00  đã hết hạn",
        "#4  KB  Bí thư  hạn 04/03/2020 10:00  đã thu hồi 27/02/2020 09:00",
      ],
    });
    for (const token of tokens) expect(listed.out.join("\n")).not.toContain(token);
    const gt02 = await cliAt("2020-02-27T03:00:00Z", ["invite", "list", "--unit", "GT-02", "--lang", "en"]);
    expect(gt02.out).toEqual([
      "#2  GT-02  Deputy secretary  expires 11/03/2020 10:00  active",
      "#3  GT-02  Reporter  expires 26/02/2020 11:00  expired",
    ]);
  });

  it("when an invite is revoked by its token, its link or its number, then it stops working, and a used or unknown one is refused", async () => {
    const first = await cli(db.database, ["invite", "create", "--unit", "GT-01", "--role", "secretary"]);
    const second = await cli(db.database, ["invite", "create", "--unit", "GT-02", "--role", "secretary"]);
    const third = await cli(db.database, ["invite", "create", "--unit", "KB", "--role", "secretary"]);
    const [link1, link2, link3] = [first, second, third].map((result) => result.out[1]!) as [string, string, string];
    const token = (link: string) => /start=(.+)$/.exec(link)![1]!;

    expect(await cli(db.database, ["invite", "revoke", "--token", token(link1)])).toEqual({
      code: 0,
      out: ["Đã thu hồi mã mời số 1 (vai trò Bí thư, GT-01)."],
      err: [],
    });
    expect((await cli(db.database, ["invite", "revoke", "--token", link2])).out).toEqual([
      "Đã thu hồi mã mời số 2 (vai trò Bí thư, GT-02).",
    ]);
    expect(await cli(db.database, ["invite", "revoke", "--id", "2"])).toEqual({
      code: 0,
      out: ["Mã mời số 2 đã được thu hồi trước đó; không có gì thay đổi."],
      err: [],
    });
    const revoked = await redeemInvite(
      db.database.prisma,
      token(link1),
      { id: 700_999_002, firstName: "Bảo", locale: "vi" },
      new Date(),
    );
    expect(revoked).toEqual({ status: "revoked" });

    await redeemInvite(
      db.database.prisma,
      token(link3),
      { id: 700_999_003, firstName: "Cúc", locale: "vi" },
      new Date("2020-02-27T01:30:00Z"),
    );
    const before = await databaseFingerprint(db.database);
    expect(await cli(db.database, ["invite", "revoke", "--id", "3"])).toEqual({
      code: 1,
      out: [],
      err: ["Lỗi: mã mời số 3 đã được sử dụng lúc 08:30 ngày 27/02/2020, không thu hồi được nữa"],
    });
    expect(await cli(db.database, ["invite", "revoke", "--token", "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"])).toEqual({
      code: 1,
      out: [],
      err: ["Lỗi: không tìm thấy mã mời này"],
    });
    expect(await cli(db.database, ["invite", "revoke", "--id", "99"])).toEqual({
      code: 1,
      out: [],
      err: ["Lỗi: không tìm thấy mã mời này"],
    });
    expect(await cli(db.database, ["invite", "revoke", "--id", "ba"])).toEqual({
      code: 2,
      out: [],
      err: ['Lỗi: "ba" không phải số của mã mời (xem: invite list)'],
    });
    expect(await cli(db.database, ["invite", "revoke"])).toEqual({
      code: 2,
      out: [],
      err: ["Lỗi: cần --token MÃ_MỜI (hoặc cả đường link) hoặc --id SỐ"],
    });
    expect(await databaseFingerprint(db.database)).toEqual(before);
    expect(await db.database.prisma.auditLog.count({ where: { action: "invite.revoke" } })).toBe(2);
  });
});
