// The real `npm start` entry point as a child process: no token, graceful stop, and kill -9 with a
// restart that loses nothing. The bot talks HTTP to the emulator running in the test process.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startBotApiEmulator, type BotApiEmulator } from "../../src/emulator/index.js";
import { telegramUser } from "../support/bot-harness.js";
import { startMain, waitForOutput } from "../support/main-process.js";
import { testBotToken } from "../support/test-config.js";
import { createTestDatabase, testDatabaseKind } from "../support/test-database.js";
import dayjs from "dayjs";
import "../../src/clock.js";
import { runCli } from "../../src/cli/run-cli.js";
import { databaseTarget, openDatabase } from "../../src/db/client.js";
import { createConfig } from "../../src/config.js";

/**
 * A data directory, and on the PostgreSQL pass a fresh server database (else the embedded one), with the
 * environment `npm start` needs to run the bot against the emulator at `apiRoot`.
 */
async function botSetup(apiRoot: string, extra: Record<string, string> = {}) {
  const dataDir = mkdtempSync(path.join(tmpdir(), "daihoi-main-"));
  const db = testDatabaseKind === "postgres" ? await createTestDatabase() : null;
  const env = {
    TELEGRAM_BOT_TOKEN: testBotToken,
    TELEGRAM_API_ROOT: apiRoot,
    DATA_DIR: dataDir,
    ...extra,
    ...(db?.url && { DATABASE_URL: db.url }),
  };
  return { dataDir, db, env };
}

describe("the bot process", () => {
  let emulator: BotApiEmulator;
  beforeAll(async () => {
    emulator = await startBotApiEmulator();
  });
  afterAll(async () => emulator?.close());

  it("when started without a token, then it runs the sandbox on 127.0.0.1 with its own data dir, says where, and SIGTERM stops it", async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), "daihoi-main-"));
    const running = startMain({ DATA_DIR: dataDir, PORT: "0" });
    await waitForOutput(running, '"msg":"sandbox ready"');
    const url = /Môi trường thử \(sandbox\) đang chạy: (http:\/\/127\.0\.0\.1:\d+)/.exec(running.output())?.[1];
    expect(url, running.output()).toBeDefined();
    expect(running.output()).toContain(`với dữ liệu mẫu riêng ở ${path.join(dataDir, "sandbox")}`);
    expect(await (await fetch(`${url}/api/state`)).json()).toMatchObject({ sandbox: true, phase: "ready" });
    running.child.kill("SIGTERM");
    expect(await running.exited).toBe(0);
  });

  it("when started with a wrong setting, then it names the variable and exits", async () => {
    const running = startMain({ TELEGRAM_BOT_TOKEN: testBotToken, DIGEST_TIME: "5pm" });
    expect(await running.exited).toBe(2);
    expect(running.output()).toContain("DIGEST_TIME must be a time like 17:00");
  });

  it("when killed with -9 and restarted, then a message sent while it was down is answered, and SIGTERM stops it cleanly", async () => {
    // On the PostgreSQL pass the process runs on a fresh server database; otherwise on embedded PGlite.
    const { db, env } = await botSetup(emulator.apiRoot);
    const user = telegramUser({ first_name: "Bình" });

    const first = startMain(env);
    await waitForOutput(first, '"msg":"bot started"');
    emulator.sendMessage(testBotToken, { from: user, text: "/start" });
    await emulator.waitForBotMessages(user.id, 1);
    first.child.kill("SIGKILL");
    await first.exited;

    emulator.sendMessage(testBotToken, { from: user, text: "/trogiup" });
    const second = startMain(env);
    const isHelp = (text?: string) => Boolean(text?.startsWith("Trợ lý Đại hội — hướng dẫn"));
    const messages = await emulator.waitFor(() => {
      const sent = emulator.messages(user.id);
      return sent.some((message) => isHelp(message.text)) && sent;
    });
    // At least once: /start may be answered again if the kill came between answering and marking it handled.
    const greetings = messages.filter((message) => message.text?.startsWith("Kính chào đồng chí Bình!"));
    expect(greetings.length === 1 || greetings.length === 2).toBe(true);
    expect(messages.filter((message) => isHelp(message.text))).toHaveLength(1);
    expect(messages).toHaveLength(greetings.length + 1);
    expect(second.output()).not.toContain("0912");
    expect(second.output()).not.toContain(testBotToken);

    second.child.kill("SIGTERM");
    expect(await second.exited).toBe(0);
    expect(second.output()).toContain('"msg":"stopped"');
    expect(second.output()).toContain(`"database":"${testDatabaseKind}"`);
    await db?.drop();
  });

  it("when SIGTERM comes while many people's messages are being handled, then it exits 0 at once, and after a restart each message was handled exactly once", async () => {
    const { dataDir, db, env } = await botSetup(emulator.apiRoot);
    const users = Array.from({ length: 60 }, (_, index) => telegramUser({ first_name: `Người ${index + 1}` }));
    const isHelp = (text?: string) => Boolean(text?.startsWith("Trợ lý Đại hội — hướng dẫn"));
    const helps = (user: { id: number }) => emulator.messages(user.id).filter((message) => isHelp(message.text));

    const first = startMain(env);
    await waitForOutput(first, '"msg":"bot started"');
    for (const user of users) emulator.sendMessage(testBotToken, { from: user, text: "/trogiup" });
    // The first answers are out: the rest are being handled or wait in the inbox when the signal comes.
    await emulator.waitFor(() => users.some((user) => helps(user).length > 0));
    first.child.kill("SIGTERM");
    // 0: it stopped by itself; main.ts would exit 1 if stopping took longer than 10 s.
    expect(await first.exited).toBe(0);
    expect(first.output()).toContain('"msg":"stopped"');
    const answeredBeforeStop = users.filter((user) => helps(user).length > 0).length;

    const second = startMain(env);
    await emulator.waitFor(() => users.every((user) => helps(user).length > 0));
    second.child.kill("SIGTERM");
    expect(await second.exited).toBe(0);
    // Nobody got the help twice, nobody none; each stored update was taken up once (the process that
    // stopped finished what it had started and left the rest untouched).
    expect(users.map((user) => helps(user).length)).toEqual(users.map(() => 1));
    const database = db?.database ?? (await openDatabase(databaseTarget({ dataDir })));
    try {
      const updates = await database.prisma.telegramUpdate.findMany({ select: { processedAt: true, attempts: true } });
      expect(updates).toHaveLength(users.length);
      expect(updates.every((update) => update.processedAt !== null && update.attempts === 1)).toBe(true);
    } finally {
      if (!db) await database.close();
    }
    // Not a vacuous test: the stop came with work left (when it did not on a fast machine, it is still checked).
    expect(answeredBeforeStop).toBeGreaterThan(0);
    await db?.drop();
  });

  it("when the bot is killed with -9 in the middle of a report, then the confirmed report stays and the flow goes on after a restart", async () => {
    const { db, env } = await botSetup(emulator.apiRoot);
    const cliRun = async (args: string[]) => {
      const out: string[] = [];
      const code = await runCli(
        args,
        { config: createConfig(env) },
        { out: (line) => out.push(line), err: (line) => out.push(line) },
      );
      return { code, out: out.join("\n") };
    };
    expect(
      (await cliRun(["org", "import", new URL("../fixtures/reporting-org.yaml", import.meta.url).pathname])).code,
    ).toBe(0);
    const invite = await cliRun(["invite", "create", "--unit", "GT-07", "--role", "secretary"]);
    const token = /start=([A-Za-z0-9_-]+)/.exec(invite.out)?.[1];
    expect(token, invite.out).toBeDefined();

    const user = telegramUser({ first_name: "Tâm" });
    const first = startMain(env);
    await waitForOutput(first, '"msg":"bot started"').catch(() => undefined);
    // The real scheduler runs too: reminders (the 2020 campaign is overdue in real time) are not replies.
    const replies = () =>
      emulator.messages(user.id).filter((message) => !message.text?.startsWith("Kính gửi đồng chí"));
    const nextReply = async (before: number) => emulator.waitFor(() => replies()[before]);
    const say = async (text: string) => {
      const before = replies().length;
      emulator.sendMessage(testBotToken, { from: user, text });
      return nextReply(before);
    };
    const press = async (message: Awaited<ReturnType<typeof say>>, label: string) => {
      const before = replies().length;
      emulator.pressButton(testBotToken, { from: user, message, text: label });
      return nextReply(before);
    };
    await say(`/start ${token}`);
    const card = await say("/baocao daihoi hôm qua bch=5/5 nu=2 tre=1 taicu=3");
    expect((await press(card, "✅ Xác nhận")).text?.startsWith("Đã lưu báo cáo.")).toBe(true);
    const milestones = await say("/baocao");
    const askDate = await press(milestones, "Kế hoạch đại hội");
    first.child.kill("SIGKILL");
    await first.exited;

    const second = startMain(env);
    const planCard = await press(askDate, askDate.reply_markup!.inline_keyboard.at(-2)![0]!.text);
    expect(planCard.text?.split("\n")[0], second.output()).toBe(
      "Xác nhận báo cáo — Chi bộ Tổ dân phố 7 (Đảng bộ phường Gia Thụy)",
    );
    expect((await press(planCard, "✅ Xác nhận")).text?.startsWith("Đã lưu báo cáo.")).toBe(true);
    second.child.kill("SIGTERM");
    expect(await second.exited).toBe(0);

    const status = await cliRun(["status", "--unit", "GT", "--lang", "en"]);
    expect(status.out).toContain("Cells: 1/2 held their congress (50.0%)");
    await db?.drop();
  });

  it("when the bot is killed with -9 during a digest fan-out, then after a restart every group has its digest", async () => {
    const groups = 40;
    const limited = await startBotApiEmulator({ rateLimits: true });
    // Due a minute ago, so the start-up tick writes today's digests at once.
    const digestTime = dayjs().tz("Asia/Ho_Chi_Minh").subtract(1, "minute").format("HH:mm");
    const { db, env } = await botSetup(limited.apiRoot, { DIGEST_TIME: digestTime });
    const config = createConfig(env);
    expect(
      await runCli(
        ["org", "import", new URL("../fixtures/reporting-org.yaml", import.meta.url).pathname],
        { config },
        { out: () => {}, err: () => {} },
      ),
    ).toBe(0);
    const database = db?.database ?? (await openDatabase(databaseTarget(config)));
    const lb = await database.prisma.unit.findFirstOrThrow({ where: { code: "LB" } });
    const chatIds = Array.from({ length: groups }, (_, index) => -1_000_000 - index);
    await database.prisma.chatBinding.createMany({
      data: chatIds.map((chatId) => ({
        organizationId: lb.organizationId,
        unitId: lb.id,
        chatId: BigInt(chatId),
        title: `Nhóm ${chatId}`,
      })),
    });
    if (!db) await database.close();
    for (const chatId of chatIds) limited.registerChat({ id: chatId, type: "supergroup", title: `Nhóm ${chatId}` });
    const received = () =>
      chatIds.map((chatId) => limited.messages(chatId).filter((m) => m.text?.startsWith("📊")).length);
    const total = () => received().reduce((sum, count) => sum + count, 0);

    const first = startMain(env);
    await limited.waitFor(() => total() >= 5);
    first.child.kill("SIGKILL");
    await first.exited;
    const beforeRestart = total();
    expect(beforeRestart).toBeLessThan(groups);

    const second = startMain(env);
    await limited.waitFor(() => received().every((count) => count >= 1));
    second.child.kill("SIGTERM");
    expect(await second.exited).toBe(0);
    // Only a message in flight at the kill (sent, but its answer not yet recorded) can arrive twice: the
    // restarted process says how many such messages it sends again.
    const duplicates = total() - groups;
    const inFlight =
      testDatabaseKind === "pglite" ? Number(/"released":(\d+)/.exec(second.output())?.[1] ?? 0) : groups;
    expect(duplicates).toBeGreaterThanOrEqual(0);
    expect(duplicates).toBeLessThanOrEqual(inFlight);
    expect(limited.stats.violations).toBe(0);
    await limited.close();
    await db?.drop();
  });
});
