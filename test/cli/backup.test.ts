// Backups of the embedded database: `db backup` and `db restore` on a real data directory, refused while the
// bot holds it and for a file that is not a backup; the nightly job with its retention. The embedded
// database only, so these run the same whatever TEST_DATABASE_URL says; with DATABASE_URL the commands
// point to pg_dump.
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli } from "../../src/cli/run-cli.js";
import { createConfig } from "../../src/config.js";
import { openDatabase } from "../../src/db/client.js";
import { createBackupJob } from "../../src/scheduler/backup-job.js";

const fixture = new URL("../fixtures/reporting-org.yaml", import.meta.url).pathname;
const silent = { info: () => undefined, error: () => undefined };

describe("backups of the embedded database", () => {
  let dataDir: string;
  let backups: string;
  const env = () => ({ DATA_DIR: dataDir, LOG_LEVEL: "silent" });
  const cli = async (args: string[], extra: Record<string, string> = {}) => {
    const out: string[] = [];
    const err: string[] = [];
    const code = await runCli(
      args,
      { config: createConfig({ ...env(), ...extra }) },
      { out: (line) => out.push(line), err: (line) => err.push(line) },
    );
    return { code, out: out.join("\n"), err: err.join("\n") };
  };
  const invites = async () => (await cli(["invite", "list"])).out;

  beforeAll(async () => {
    dataDir = mkdtempSync(path.join(tmpdir(), "daihoi-backup-"));
    backups = mkdtempSync(path.join(tmpdir(), "daihoi-backups-"));
    expect((await cli(["org", "import", fixture])).code).toBe(0);
  });
  afterAll(() => {
    rmSync(dataDir, { recursive: true, force: true });
    rmSync(backups, { recursive: true, force: true });
  });

  it("when the office backs up, changes data and restores, then the earlier state is back and the replaced data kept aside", async () => {
    const status = (await cli(["status"])).out;
    const before = await invites();
    const file = path.join(backups, "before.tar.gz");
    const backup = await cli(["db", "backup", "--out", file]);
    expect(backup.code, backup.err).toBe(0);
    expect(backup.out).toMatch(new RegExp(`^Đã sao lưu vào ${file} \\(\\d+(,\\d)? MB\\)\\.$`));

    // A change after the backup: an invite created.
    expect((await cli(["invite", "create", "--unit", "GT-07", "--role", "secretary"])).code).toBe(0);
    const changed = await invites();
    expect(changed).not.toBe(before);

    const restore = await cli(["db", "restore", file]);
    expect(restore.code, restore.err).toBe(0);
    const aside = /được giữ ở (\S+);/.exec(restore.out)?.[1];
    expect(aside, restore.out).toBeDefined();
    expect(await invites()).toBe(before);
    expect((await cli(["status"])).out).toBe(status);
    // The replaced database is whole in its own directory: opened there, it still has the invite.
    const old = await openDatabase({ kind: "pglite", dataDir: aside! });
    try {
      expect(await old.prisma.invite.count()).toBe(1);
    } finally {
      await old.close();
    }
  });

  it("when the file is not a backup, then restore says so and changes nothing", async () => {
    const before = await invites();
    const notBackup = path.join(backups, "notes.tar.gz");
    writeFileSync(notBackup, "danh sách chi bộ\n");
    const restore = await cli(["db", "restore", notBackup]);
    expect(restore.code).toBe(1);
    expect(restore.err).toBe(
      `Lỗi: ${notBackup} không phải bản sao lưu của Trợ lý Đại hội (tạo bằng lệnh db backup hoặc BACKUP_DIR); không có gì thay đổi`,
    );
    const missing = await cli(["db", "restore", path.join(backups, "none.tar.gz")]);
    expect(missing.code).toBe(2);
    expect(await invites()).toBe(before);
  });

  describe("while the bot holds the data directory", () => {
    let bot: ChildProcess;
    beforeAll(async () => {
      // A live process named in the lock file as the bot, as `npm start` writes it.
      bot = spawn("sleep", ["60"], { stdio: "ignore" });
      writeFileSync(path.join(dataDir, "pglite", "owner.pid"), `${bot.pid}\nbot\n`);
    });
    afterAll(() => {
      rmSync(path.join(dataDir, "pglite", "owner.pid"), { force: true });
      bot.kill();
    });

    it("when the office backs up or restores, then the command says to stop the bot and changes nothing", async () => {
      const file = path.join(backups, "while-running.tar.gz");
      const asides = () => readdirSync(dataDir).filter((name) => name.startsWith("pglite.before-restore-"));
      const asidesBefore = asides();
      const backup = await cli(["db", "backup", "--out", file]);
      expect(backup.code).toBe(1);
      expect(backup.err).toContain(`${bot.pid}`);
      expect(backup.err).toContain("npm start");
      expect(existsSync(file)).toBe(false);
      const restore = await cli(["db", "restore", path.join(backups, "before.tar.gz")]);
      expect(restore.code).toBe(1);
      expect(restore.err).toBe(backup.err);
      expect(asides()).toEqual(asidesBefore);
      expect(existsSync(path.join(dataDir, "pglite", "PG_VERSION"))).toBe(true);
    });
  });

  it("when the database is PostgreSQL, then backup and restore point to pg_dump and pg_restore", async () => {
    const url = { DATABASE_URL: "postgres://daihoi@127.0.0.1:1/none" };
    for (const args of [
      ["db", "backup", "--out", path.join(backups, "pg.tar.gz")],
      ["db", "restore", "x"],
    ]) {
      const result = await cli(args, url);
      expect(result.code).toBe(1);
      expect(result.err).toContain("pg_dump");
    }
  });

  it("when the night's backup time comes, then the running app writes one backup a day and keeps the newest BACKUP_KEEP", async () => {
    const database = await openDatabase({ kind: "pglite", dataDir: path.join(dataDir, "pglite") });
    const nightly = path.join(backups, "nightly");
    try {
      // 02:45 in Hà Nội on five nights, and one tick at 04:00 (outside the hour: nothing).
      const days = ["2020-03-10", "2020-03-11", "2020-03-12", "2020-03-13", "2020-03-14"];
      let now = new Date();
      const job = createBackupJob({
        database,
        backup: { dir: nightly, keep: 3 },
        clock: { now: () => now },
        timezone: "Asia/Ho_Chi_Minh",
        logger: silent,
      });
      for (const day of days) {
        now = new Date(`${day}T02:45:00+07:00`);
        await job();
        now = new Date(`${day}T03:15:00+07:00`);
        await job(); // a second tick in the same hour: still one backup that day
      }
      now = new Date("2020-03-15T04:00:00+07:00");
      await job();
      expect(readdirSync(nightly).sort()).toEqual([
        "tro-ly-dai-hoi-2020-03-12.tar.gz",
        "tro-ly-dai-hoi-2020-03-13.tar.gz",
        "tro-ly-dai-hoi-2020-03-14.tar.gz",
      ]);
    } finally {
      await database.close();
    }
    // Each is a whole backup: restored, it holds the organisation.
    const restore = await cli(["db", "restore", path.join(nightly, "tro-ly-dai-hoi-2020-03-14.tar.gz")]);
    expect(restore.code, restore.err).toBe(0);
    expect((await cli(["status"])).code).toBe(0);
  });
});
