// The real `npm start` entry point as a child process: no token, graceful stop, and kill -9 with a
// restart that loses nothing. The bot talks HTTP to the emulator running in the test process.
import { spawn, type ChildProcessWithoutNullStreams } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startBotApiEmulator, type BotApiEmulator } from "../../src/emulator/index.js";
import { telegramUser } from "../support/bot-harness.js";
import { testBotToken } from "../support/test-config.js";
import { createTestDatabase, testDatabaseKind } from "../support/test-database.js";

const root = new URL("../..", import.meta.url).pathname;

interface Running {
  child: ChildProcessWithoutNullStreams;
  output: () => string;
  exited: Promise<number | null>;
}

function startMain(env: Record<string, string>): Running {
  const child = spawn(process.execPath, ["--import", "tsx", "src/main.ts"], {
    cwd: root,
    env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", LOG_LEVEL: "info", ...env },
  });
  let output = "";
  child.stdout.on("data", (chunk) => (output += String(chunk)));
  child.stderr.on("data", (chunk) => (output += String(chunk)));
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  return { child, output: () => output, exited };
}

async function waitForOutput(running: Running, text: string, timeoutMs = 30_000): Promise<void> {
  const started = Date.now();
  while (!running.output().includes(text)) {
    if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for "${text}"; output so far:\n${running.output()}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe("the bot process", () => {
  let emulator: BotApiEmulator;
  beforeAll(async () => {
    emulator = await startBotApiEmulator();
  });
  afterAll(async () => emulator?.close());

  it("when started without a token, then it exits non-zero and says how to get one", async () => {
    const running = startMain({ DATA_DIR: mkdtempSync(path.join(tmpdir(), "daihoi-main-")) });
    expect(await running.exited).toBe(1);
    expect(running.output()).toContain("Chưa có TELEGRAM_BOT_TOKEN, nên chưa thể chạy bot.");
    expect(running.output()).toContain("To create a bot: in Telegram, message @BotFather, send /newbot");
  });

  it("when started with a wrong setting, then it names the variable and exits", async () => {
    const running = startMain({ TELEGRAM_BOT_TOKEN: testBotToken, DIGEST_TIME: "5pm" });
    expect(await running.exited).toBe(2);
    expect(running.output()).toContain("DIGEST_TIME must be a time like 17:00");
  });

  it("when killed with -9 and restarted, then a message sent while it was down is answered, and SIGTERM stops it cleanly", async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), "daihoi-main-"));
    // On the PostgreSQL pass the process runs on a fresh server database; otherwise on embedded PGlite.
    const db = testDatabaseKind === "postgres" ? await createTestDatabase() : null;
    const env = {
      TELEGRAM_BOT_TOKEN: testBotToken,
      TELEGRAM_API_ROOT: emulator.apiRoot,
      DATA_DIR: dataDir,
      ...(db?.url && { DATABASE_URL: db.url }),
    };
    const user = telegramUser({ first_name: "Bình" });

    const first = startMain(env);
    await waitForOutput(first, '"msg":"bot started"');
    emulator.sendMessage(testBotToken, { from: user, text: "/start" });
    await emulator.waitForBotMessages(user.id, 1, 10_000);
    first.child.kill("SIGKILL");
    await first.exited;

    emulator.sendMessage(testBotToken, { from: user, text: "/trogiup" });
    const second = startMain(env);
    const isHelp = (text?: string) => Boolean(text?.startsWith("Trợ lý Đại hội — hướng dẫn"));
    const messages = await emulator.waitFor(() => {
      const sent = emulator.messages(user.id);
      return sent.some((message) => isHelp(message.text)) && sent;
    }, 30_000);
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
  }, 90_000);
});
