// The nightly backup of the embedded database (src/db/backup.ts) when BACKUP_DIR is set: in the hour after
// 02:30 local (inside the quiet hours, before the 03:00 VACUUM), named by its date, the newest BACKUP_KEEP
// kept. A process that was down for that hour takes none that day; the next night's is whole.
import path from "node:path";
import type { Clock } from "../clock.js";
import { dailyBackupName, pruneBackups, writeBackup } from "../db/backup.js";
import type { Database } from "../db/client.js";
import type { Logger } from "../logger.js";
import { createDailyJob } from "./daily-job.js";

export const backupTime = "02:30";

export function createBackupJob(deps: {
  database: Database;
  backup: { dir: string; keep: number };
  clock: Clock;
  timezone: string;
  logger: Pick<Logger, "info" | "error">;
}): () => Promise<number> {
  return createDailyJob({
    time: backupTime,
    run: async (date) => {
      const file = path.join(deps.backup.dir, dailyBackupName(date));
      const bytes = await writeBackup(deps.database, file);
      return { file, bytes, pruned: pruneBackups(deps.backup.dir, deps.backup.keep) };
    },
    done: "embedded database backed up",
    ...deps,
  });
}
