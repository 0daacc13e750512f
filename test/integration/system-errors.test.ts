// The machine's problems said plainly, by the real programs run as child processes (`npm start` is
// src/main.ts, `npm run cli` is src/cli.ts): a data directory that cannot be written, the embedded database
// held by another process, a full disk.
//
// How each is produced, without root: a directory with mode 555 (when the tests run as root, who may write
// anywhere, the child runs as the unprivileged uid 65534 so that the permission is real); /proc, where no
// directory can be created; a file in the path; a lock file naming a live process. The full disk is the only
// thing faked: test/support/fake-disk-full.ts, preloaded into the child, makes Node's fs answer ENOSPC for
// writes that need new space under the data directory; the database itself (PGlite) is real and meets the
// error in its own write path.
import { spawn } from "node:child_process";
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "../../src/cli/run-cli.js";
import { createConfig } from "../../src/config.js";
import { databaseTarget, openDatabase } from "../../src/db/client.js";
import { startBotApiEmulator } from "../../src/emulator/index.js";
import { telegramUser } from "../support/bot-harness.js";
import { startMain, waitForOutput, waitUntil } from "../support/main-process.js";
import { testBotToken } from "../support/test-config.js";

const root = new URL("../..", import.meta.url).pathname;
const asRoot = process.getuid?.() === 0;

interface Run {
  code: number | null;
  stderr: string;
  stdout: string;
}

/** Runs src/main.ts or src/cli.ts to its exit; `unprivileged` drops root so that file modes apply. */
function run(
  script: "main" | "cli",
  args: string[],
  env: Record<string, string>,
  options: { unprivileged?: boolean; diskFull?: string } = {},
): Promise<Run> {
  const imports = ["--import", "tsx", ...(options.diskFull ? ["--import", "./test/support/fake-disk-full.ts"] : [])];
  const child = spawn(process.execPath, [...imports, `src/${script}.ts`, ...args], {
    cwd: root,
    env: {
      PATH: process.env.PATH ?? "",
      ...(process.env.TZ && { TZ: process.env.TZ }),
      HOME: tmpdir(),
      LOG_LEVEL: "info",
      TELEGRAM_BOT_TOKEN: testBotToken,
      TELEGRAM_API_ROOT: "http://127.0.0.1:9",
      ...(options.diskFull && { FAKE_DISK_FULL_DIR: options.diskFull, FAKE_DISK_FULL: "now" }),
      ...env,
    },
    ...(options.unprivileged && asRoot && { uid: 65534, gid: 65534 }),
  });

  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (chunk) => (stdout += String(chunk)));
  child.stderr.on("data", (chunk) => (stderr += String(chunk)));
  return new Promise((resolve) => child.on("close", (code) => resolve({ code, stdout, stderr })));
}

function freshDir(): string {
  const dir = mkdtempSync(path.join(tmpdir(), "daihoi-syserr-"));
  chmodSync(dir, 0o755);
  return dir;
}

/** A directory nobody but root may write: mode 555, its parent open to the unprivileged child. */
function readOnlyDir(): string {
  const dir = path.join(freshDir(), "data");
  mkdirSync(dir);
  chmodSync(dir, 0o555);
  return dir;
}

describe("a data directory that cannot be written", () => {
  it("when npm start is given a read-only DATA_DIR, then it says so in one line, with what to do, and exits 1", async () => {
    const dataDir = readOnlyDir();
    const result = await run("main", [], { DATA_DIR: dataDir }, { unprivileged: true });
    expect(result.code, result.stdout + result.stderr).toBe(1);
    expect(result.stderr.trim()).toBe(
      `Không ghi được vào thư mục dữ liệu ${dataDir} (DATA_DIR): tài khoản đang chạy chương trình không có quyền ghi. Đồng chí hãy cấp quyền ghi cho tài khoản này hoặc đặt DATA_DIR là thư mục có quyền ghi, ví dụ DATA_DIR=./data`,
    );
    expect(result.stdout).not.toContain("EACCES");
    expect(existsSync(path.join(dataDir, "pglite"))).toBe(false);
  });

  it("when the CLI is given a missing DATA_DIR under a read-only parent, then it says so in English with --lang en", async () => {
    const dataDir = path.join(readOnlyDir(), "a", "b");
    const result = await run("cli", ["status", "--lang", "en"], { DATA_DIR: dataDir }, { unprivileged: true });
    expect(result.code).toBe(1);
    expect(result.stderr.trim()).toBe(
      `Error: Cannot write to the data directory ${dataDir} (DATA_DIR): the account running the program may not write there. Give that account write access, or set DATA_DIR to a directory you can write to, e.g. DATA_DIR=./data`,
    );
  });

  // (A parent that cannot be created for lack of rights is the read-only case above. /proc is no test bed:
  // Node's recursive mkdir never returns there.)
  it("when a file stands where DATA_DIR's parent should be, then the CLI says so", async () => {
    const file = path.join(freshDir(), "notes.txt");
    writeFileSync(file, "x");
    const underFile = await run("cli", ["status"], { DATA_DIR: path.join(file, "data") });
    expect(underFile.code).toBe(1);
    expect(underFile.stderr.trim()).toBe(
      `Lỗi: Không tạo được thư mục dữ liệu ${path.join(file, "data")} (DATA_DIR): trên đường dẫn có một tệp chứ không phải thư mục. Đồng chí hãy đặt DATA_DIR là một thư mục, ví dụ DATA_DIR=./data`,
    );
  });
});

describe("the embedded database held by another process", () => {
  const holdLock = (label: string) => {
    const dataDir = freshDir();
    mkdirSync(path.join(dataDir, "pglite"));
    // The test runner's parent: a live process that is not the one asking.
    writeFileSync(path.join(dataDir, "pglite", "owner.pid"), `${process.ppid}\n${label}\n`);
    return dataDir;
  };

  it("when the bot holds it, then the CLI names the bot and its process and says what to do, in the person's language", async () => {
    const dataDir = holdLock("bot");
    const lines: string[] = [];
    const io = { out: (line: string) => lines.push(line), err: (line: string) => lines.push(line) };
    const config = createConfig({ DATA_DIR: dataDir, LOG_LEVEL: "silent" });
    expect(await runCli(["status"], { config }, io)).toBe(1);
    expect(lines).toEqual([
      `Lỗi: Cơ sở dữ liệu nhúng ở ${path.join(dataDir, "pglite")} đang được bot sử dụng (tiến trình ${process.ppid}, npm start); mỗi lúc chỉ một chương trình được mở. Đồng chí hãy dừng bot rồi chạy lại lệnh này, hoặc dùng lệnh tương ứng trong bot (ví dụ /xuat thay cho export, /moi thay cho invite create). Muốn chạy cả hai cùng lúc thì dùng PostgreSQL (DATABASE_URL).`,
    ]);
    lines.length = 0;
    expect(await runCli(["status", "--lang", "en"], { config }, io)).toBe(1);
    expect(lines[0]).toBe(
      `Error: The embedded database in ${path.join(dataDir, "pglite")} is in use by the bot (process ${process.ppid}, npm start); only one program may open it at a time. Stop the bot and run this command again, or use the bot's own command (e.g. /export instead of export, /invite instead of invite create). To run both together, use PostgreSQL (DATABASE_URL).`,
    );
    expect(readFileSync(path.join(dataDir, "pglite", "owner.pid"), "utf8")).toBe(`${process.ppid}\nbot\n`);
  });

  it("when a CLI command holds it, then npm start names that command and exits 1", async () => {
    const dataDir = holdLock("cli org import");
    const result = await run("main", [], { DATA_DIR: dataDir, DEFAULT_LOCALE: "en" });
    expect(result.code).toBe(1);
    expect(result.stderr.trim()).toBe(
      `The embedded database in ${path.join(dataDir, "pglite")} is in use by another command (process ${process.ppid}: org import); only one program may open it at a time. Wait for that command to finish, then run this one again.`,
    );
  });
});

describe("a full disk (faked at Node's fs; the database is real)", () => {
  it("when the disk is full as npm start creates its database, then it says so and exits 1", async () => {
    const dataDir = freshDir();
    const result = await run("main", [], { DATA_DIR: dataDir }, { diskFull: dataDir });
    expect(result.code, result.stdout + result.stderr).toBe(1);
    expect(result.stderr.trim()).toBe(
      `Ổ đĩa đầy: không ghi được vào ${path.join(dataDir, "pglite")}. Đồng chí hãy giải phóng dung lượng trên ổ đĩa này (xóa tệp không cần, bản sao lưu cũ), rồi chạy lại. Dữ liệu đã lưu trước đó vẫn còn nguyên.`,
    );
    expect(existsSync(path.join(dataDir, "pglite"))).toBe(false);
  });

  it("when the disk is full under an existing database, then the CLI says so, leaves no lock behind, and works once space is freed", async () => {
    const dataDir = freshDir();
    const first = await run("cli", ["db", "migrate"], { DATA_DIR: dataDir });
    expect(first.code, first.stderr).toBe(0);
    const full = await run(
      "cli",
      ["org", "import", "test/fixtures/small-org.yaml", "--lang", "en"],
      { DATA_DIR: dataDir },
      { diskFull: dataDir },
    );
    expect(full.code, full.stdout + full.stderr).toBe(1);
    expect(full.stderr.trim()).toBe(
      `Error: The disk is full: cannot write to ${path.join(dataDir, "pglite", "owner.pid")}. Free some space on that disk (delete files you do not need, old backups), then run again. What was saved before is intact.`,
    );
    expect(existsSync(path.join(dataDir, "pglite", "owner.pid"))).toBe(false);
    const freed = await run("cli", ["status"], { DATA_DIR: dataDir });
    expect(freed.stderr.trim()).toBe(
      "Lỗi: chưa có tổ chức nào trong cơ sở dữ liệu; nhập trước bằng: npm run cli -- org import TỆP",
    );
  });

  it("when the disk fills while the bot runs, then a secretary confirming a report is told nothing was saved and can press again once space is freed, and messages that cannot be stored wait at Telegram for a restart", async () => {
    const dataDir = freshDir();
    const imported = await run("cli", ["org", "import", "test/fixtures/small-org.yaml"], { DATA_DIR: dataDir });
    expect(imported.code, imported.stderr).toBe(0);
    const emulator = await startBotApiEmulator();
    const env = {
      TELEGRAM_BOT_TOKEN: testBotToken,
      TELEGRAM_API_ROOT: emulator.apiRoot,
      DATA_DIR: dataDir,
      FAKE_DISK_FULL_DIR: dataDir,
      FAKE_DISK_FULL: "signal",
    };
    const bot = startMain(env, ["./test/support/fake-disk-full.ts"]);
    try {
      await waitForOutput(bot, '"msg":"bot started"');
      const an = telegramUser({ first_name: "An" });
      emulator.sendContact(testBotToken, {
        from: an,
        contact: { phone_number: "+84912345678", first_name: "An", user_id: an.id },
      });
      await emulator.waitForBotMessages(an.id, 1);
      emulator.sendMessage(testBotToken, { from: an, text: "/baocao kehoach 15/01/2020" });
      const [, card] = await emulator.waitForBotMessages(an.id, 2);
      expect(card!.reply_markup?.inline_keyboard.flat().map((button) => button.text)).toContain("✅ Xác nhận");

      // The press is stored (its table has room on its last page); the report is not: the reports table is
      // empty and must grow by a page, which a full disk refuses.
      bot.child.kill("SIGUSR2");
      await waitForOutput(bot, "fake disk full: on");
      emulator.pressButton(testBotToken, { from: an, message: card!, text: "✅ Xác nhận" });
      const refused = (await emulator.waitForBotMessages(an.id, 3))[2]!;
      expect(refused.text).toBe(
        "Xin lỗi, máy chủ của Văn phòng đã hết chỗ lưu dữ liệu nên yêu cầu của đồng chí chưa được thực hiện (chưa có gì được lưu). Đồng chí vui lòng báo Văn phòng cấp ủy và thử lại sau.",
      );
      await waitForOutput(bot, `the disk is full (${dataDir}): a request could not be saved`);

      bot.child.kill("SIGUSR1");
      await waitForOutput(bot, "fake disk full: off");
      emulator.pressButton(testBotToken, { from: an, message: card!, text: "✅ Xác nhận" });
      const afterFreed = await emulator.waitFor(() => {
        const sent = emulator.messages(an.id);
        return sent.some((message) => message.text?.startsWith("Đã lưu báo cáo")) && sent;
      });
      expect(afterFreed.filter((message) => message.text === refused.text)).toHaveLength(1);

      // Full again: messages go on being stored and handled where their tables have room; the first write
      // that needs new space fails. If it is the message's own, the message is not stored and stays with
      // Telegram (not confirmed); if it is the mark of its handling, the message waits in the database.
      // Either way it is not answered, and the log says why and what to do. Text that does not compress,
      // so that the table grows soon.
      bot.child.kill("SIGUSR2");
      await waitForOutput(bot, "fake disk full: on", 120_000, 2);
      const notStored = `the disk is full (${dataDir}): new messages cannot be stored; Telegram keeps them for a day: free some space, then restart the bot`;
      const notHandled = `the disk is full (${dataDir}): a stored message cannot be handled; it waits in the database: free some space, then restart the bot`;
      const stuck = () => bot.output().includes(notStored) || bot.output().includes(notHandled);
      const noise = (seed: number) =>
        Array.from({ length: 4000 }, (_, i) => String.fromCharCode(97 + ((i * 7919 + seed * 104729) % 26))).join("");
      let sentTexts = 0;
      while (!stuck()) {
        if (sentTexts === 100) throw new Error(`100 messages stored on a full disk:\n${bot.output()}`);
        const before = emulator.messages(an.id).length;
        emulator.sendMessage(testBotToken, { from: an, text: noise(sentTexts++) });
        await waitUntil(
          () => stuck() || emulator.messages(an.id).length > before,
          () => `an answer or "${notStored}" or "${notHandled}"`,
        );
      }
      const waiting = emulator.messages(an.id).length;
      bot.child.kill("SIGTERM");
      expect(await bot.exited).toBe(0);

      // Space freed and the bot started again: the message that waited (at Telegram, or stored) is answered.
      const restarted = startMain(env, ["./test/support/fake-disk-full.ts"]);
      try {
        await emulator.waitForBotMessages(an.id, waiting + 1);
        await emulator.waitFor(() => emulator.pendingUpdates(testBotToken).length === 0);
      } finally {
        restarted.child.kill("SIGTERM");
        expect(await restarted.exited).toBe(0);
      }
    } finally {
      bot.child.kill("SIGTERM");
      await bot.exited;
      await emulator.close();
    }
    // One report: the refused press stored nothing, the press after the disk was freed stored it once.
    const database = await openDatabase(databaseTarget(createConfig({ DATA_DIR: dataDir })));
    try {
      const reports = await database.prisma.report.findMany({
        select: { milestone: true, unit: { select: { code: true } } },
      });
      expect(reports).toEqual([{ milestone: "plan", unit: { code: "GT-01" } }]);
    } finally {
      await database.close();
    }
  });
});
