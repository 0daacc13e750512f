// Backups of the embedded database. A backup is PGlite's own copy of its data directory (a gzipped tar,
// the way PGlite clones itself), taken between two statements right after a CHECKPOINT: what a power cut
// at that moment would leave, which PostgreSQL recovers to the last committed transaction. The running
// bot takes the nightly one itself (src/scheduler/backup-job.ts); the CLI takes one only while the bot is
// stopped (the data directory's lock says so, src/db/data-dir-lock.ts). PostgreSQL is backed up with its
// own tools, pg_dump and pg_restore (README, "Backups").
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { acquireDataDirLock } from "./data-dir-lock.js";
import { openDatabase, type Database } from "./client.js";
import type { LocalDate } from "../domain/local-date.js";

/** The nightly backups' names: one a day, sorted by name as by date. */
const dailyName = /^tro-ly-dai-hoi-(\d{4}-\d{2}-\d{2})\.tar\.gz$/;

export function dailyBackupName(date: LocalDate): string {
  return `tro-ly-dai-hoi-${date}.tar.gz`;
}

export class BackupFileError extends Error {
  constructor(
    readonly file: string,
    readonly problem: "not-found" | "not-a-backup",
  ) {
    super(`${file}: ${problem}`);
  }
}

/** Writes a copy of the embedded database to `file` (aside, then renamed: never half a file); its size in bytes. */
export async function writeBackup(database: Database, file: string): Promise<number> {
  if (!database.dumpDataDir) throw new Error("only the embedded database is backed up this way; use pg_dump");
  await database.sql.exec("CHECKPOINT");
  const dump = Buffer.from(await (await database.dumpDataDir("gzip")).arrayBuffer());
  mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const partial = `${file}.${process.pid}.partial`;
  writeFileSync(partial, dump);
  renameSync(partial, file);
  return dump.length;
}

/**
 * Replaces the embedded database in `dataDir` with the backup in `file`, and brings it to this version's
 * schema. The file is checked first, opened on its own in memory: a file that is not one of our backups
 * changes nothing. The database it replaces is not deleted but moved aside (returned), so a restore of the
 * wrong file can be undone. Refused while anything holds the data directory (the bot, another command).
 */
export async function restoreBackup(
  file: string,
  dataDir: string,
  stamp: string,
): Promise<{ movedAside: string | null; migrationsApplied: number }> {
  if (!existsSync(file)) throw new BackupFileError(file, "not-found");
  const backup = new Blob([readFileSync(file)]);
  await checkBackup(file, backup);
  let movedAside: string | null = null;
  if (existsSync(dataDir) && readdirSync(dataDir).length > 0) {
    acquireDataDirLock(dataDir).release(); // throws, naming who holds it, while the bot runs
    movedAside = `${dataDir}.before-restore-${stamp}`;
    renameSync(dataDir, movedAside);
  }
  const restored = await openDatabase({ kind: "pglite", dataDir, loadFrom: backup });
  try {
    const report = await restored.migrate();
    return { movedAside, migrationsApplied: report.applied.length };
  } finally {
    await restored.close();
  }
}

async function checkBackup(file: string, backup: Blob): Promise<void> {
  let copy: Database;
  try {
    copy = await openDatabase({ kind: "pglite", dataDir: null, loadFrom: backup });
  } catch {
    throw new BackupFileError(file, "not-a-backup");
  }
  try {
    const [row] = await copy.sql.query("SELECT to_regclass('public.units') IS NOT NULL AS ours");
    if (row?.ours !== true) throw new BackupFileError(file, "not-a-backup");
  } finally {
    await copy.close();
  }
}

/** Deletes the nightly backups in `dir` beyond the newest `keep`; the names of those deleted. Other files stay. */
export function pruneBackups(dir: string, keep: number): string[] {
  const daily = readdirSync(dir)
    .filter((name) => dailyName.test(name))
    .sort()
    .reverse();
  const old = daily.slice(keep);
  for (const name of old) rmSync(path.join(dir, name), { force: true });
  return old;
}
