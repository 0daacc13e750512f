// Start-up against a Telegram that cannot be reached or refuses the token (issue 12): one plain log line
// per attempt, saying where it tried and when it tries again, retries with a growing wait, and a refused
// token said once. The process tests run the real `npm start` entry point.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Bot } from "grammy";
import { StartStoppedError, untilTelegramAnswers } from "../../src/bot/telegram-connection.js";
import { startBotApiEmulator, type BotApiEmulator } from "../../src/emulator/index.js";
import { createLogger } from "../../src/logger.js";
import { startMain, waitForOutput } from "../support/main-process.js";
import { testBotToken } from "../support/test-config.js";
import { createTestDatabase, testDatabaseKind, type TestDatabase } from "../support/test-database.js";

/** Log lines written to memory, parsed. */
function memoryLogger() {
  const lines: Record<string, unknown>[] = [];
  const logger = createLogger({
    level: "info",
    destination: { write: (line: string) => void lines.push(JSON.parse(line) as Record<string, unknown>) },
  });
  return { logger, lines };
}

describe("reaching Telegram at start-up", () => {
  let emulator: BotApiEmulator;
  let db: TestDatabase | null = null;
  beforeAll(async () => {
    emulator = await startBotApiEmulator();
    // On the PostgreSQL pass the process runs on a server database; otherwise on embedded PGlite.
    db = testDatabaseKind === "postgres" ? await createTestDatabase() : null;
  });
  afterAll(async () => {
    await emulator?.close();
    await db?.drop();
  });
  const databaseEnv = () => ({
    DATA_DIR: mkdtempSync(path.join(tmpdir(), "daihoi-start-")),
    ...(db?.url && { DATABASE_URL: db.url }),
  });

  it("when nothing listens at Telegram's address, then each attempt is one line saying where and when it retries, and SIGTERM stops it", async () => {
    const apiRoot = "http://127.0.0.1:9";
    const running = startMain({ TELEGRAM_BOT_TOKEN: testBotToken, TELEGRAM_API_ROOT: apiRoot, ...databaseEnv() });
    // Two attempts: it does not give up after the first.
    await waitForOutput(running, `cannot reach Telegram at ${apiRoot}`, undefined, 2);
    const attempts = running
      .output()
      .split("\n")
      .filter((line) => line.includes("cannot reach Telegram"))
      .map((line) => JSON.parse(line) as { msg: string; retryInMs: number });
    expect(attempts[0]!.msg).toBe(`cannot reach Telegram at ${apiRoot} (getMe: network error); retrying in 1 s`);
    expect(attempts[1]!.retryInMs).toBe(2 * attempts[0]!.retryInMs);
    expect(running.output()).not.toContain(testBotToken);
    running.child.kill("SIGTERM");
    expect(await running.exited).toBe(0);
    expect(running.output()).toContain('"msg":"stopped"');
  });

  it("when Telegram refuses the token, then it says so once, naming the setting, and exits", async () => {
    emulator.failNext("getMe", { error_code: 401, description: "Unauthorized" });
    const running = startMain({
      TELEGRAM_BOT_TOKEN: testBotToken,
      TELEGRAM_API_ROOT: emulator.apiRoot,
      ...databaseEnv(),
    });
    expect(await running.exited).toBe(1);
    const refused = running
      .output()
      .split("\n")
      .filter((line) => line.includes("refused"));
    expect(refused).toHaveLength(1);
    expect(JSON.parse(refused[0]!).msg).toBe(
      `the bot token was refused by Telegram at ${emulator.apiRoot} (401 Unauthorized); check TELEGRAM_BOT_TOKEN`,
    );
    expect(running.output()).not.toContain(testBotToken);
  });

  it("when Telegram takes the call but never answers, then the attempt is cut and tried again, and a stop ends the wait", async () => {
    const { logger, lines } = memoryLogger();
    const bot = new Bot(testBotToken, { client: { apiRoot: emulator.apiRoot } });
    const held = emulator.holdResponseNext("getMe");
    const stop = new AbortController();
    const reaching = untilTelegramAnswers("getMe", (signal) => bot.api.getMe(signal), {
      apiRoot: emulator.apiRoot,
      logger,
      stop: stop.signal,
      attemptTimeoutMs: 200,
      firstDelayMs: 50,
    });
    await held.caught;
    // The held attempt is cut; the next one is answered.
    await expect(reaching).resolves.toMatchObject({ is_bot: true });
    expect(lines.map((line) => line.msg)).toEqual([
      `cannot reach Telegram at ${emulator.apiRoot} (getMe: no answer within 0.2 s); retrying in 0.1 s`,
    ]);
    held.release();

    const never = emulator.holdResponseNext("getMe");
    const stopped = untilTelegramAnswers("getMe", (signal) => bot.api.getMe(signal), {
      apiRoot: emulator.apiRoot,
      logger,
      stop: stop.signal,
    });
    await never.caught;
    stop.abort();
    await expect(stopped).rejects.toBeInstanceOf(StartStoppedError);
    never.release();
  });
});
