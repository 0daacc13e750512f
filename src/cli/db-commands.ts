// `db migrate`, `db backup --out FILE` and `db restore FILE`. Backups are of the embedded database and
// taken with the bot stopped (the running bot takes its own nightly, BACKUP_DIR); PostgreSQL is backed up
// with pg_dump and restored with pg_restore (README, "Backups").
import type { Config } from "../config.js";
import { BackupFileError, restoreBackup, writeBackup } from "../db/backup.js";
import { databaseTarget, openDatabase, type Database } from "../db/client.js";
import type { Locale, Translate } from "../i18n.js";
import { CliError, fileArgument, requiredFlag, type ParsedArgs } from "./cli-error.js";
import type { CliIo } from "./run-cli.js";

export async function dbCommand(
  args: ParsedArgs & { words: string[] },
  context: {
    config: Config;
    /** An open database given by a test, else null: each command opens what it needs. */
    database: Database | null;
    /** Keeps the database the command opened, for the caller to close. */
    opened: (database: Database) => void;
    t: Translate;
    locale: Locale;
    io: CliIo;
    now: Date;
  },
): Promise<number> {
  const { config, t, io } = context;
  const action = args.words[1];
  const open = async () => {
    if (context.database) return context.database;
    const database = await openDatabase(databaseTarget(config));
    context.opened(database);
    return database;
  };
  if (action === "migrate") {
    const report = await (await open()).migrate();
    io.out(t("cli-migrated", { applied: report.applied.length, already: report.alreadyApplied }));
    return 0;
  }
  if (action !== "backup" && action !== "restore")
    throw new CliError(t("cli-unknown-command", { command: args.words.join(" ") }));
  if (config.databaseUrl) throw new CliError(t("cli-backup-postgres"), 1);
  if (action === "backup") {
    const file = requiredFlag(args, "--out", t);
    const bytes = await writeBackup(await open(), file);
    io.out(t("cli-backup-written", { file, size: megabytes(bytes, context.locale) }));
    return 0;
  }
  const { file, size } = await fileArgument(args, t);
  const target = databaseTarget(config);
  if (target.kind !== "pglite" || target.dataDir === null) throw new CliError(t("cli-backup-postgres"), 1);
  try {
    const stamp = context.now.toISOString().replace(/[-:.]/g, "");
    const restored = await restoreBackup(file, target.dataDir, stamp);
    io.out(
      t("cli-restore-done", {
        file,
        size: megabytes(size, context.locale),
        aside: restored.movedAside ?? "none",
        migrations: restored.migrationsApplied,
      }),
    );
    return 0;
  } catch (error) {
    if (error instanceof BackupFileError) throw new CliError(t(`cli-backup-${error.problem}`, { file }), 1);
    throw error;
  }
}

function megabytes(bytes: number, locale: Locale): string {
  const value = new Intl.NumberFormat(locale === "vi" ? "vi-VN" : "en-US", { maximumFractionDigits: 1 }).format(
    bytes / (1024 * 1024),
  );
  return `${value} MB`;
}
