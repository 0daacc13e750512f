// Housekeeping the embedded database does not do by itself. PGlite is PostgreSQL in one process: it has
// no autovacuum worker, so without this the space of updated and deleted rows (the outbox, conversations,
// the update inbox) is never reclaimed and the planner's statistics are never refreshed over a campaign
// of months. Once a day, in the hour after `maintenanceTime` (03:00 local, inside the quiet hours), the
// leader runs VACUUM (ANALYZE). A process that was down for that hour skips the day: there is nothing to
// catch up. On PostgreSQL the server's autovacuum does this, and the job is not scheduled.
import type { Clock } from "../clock.js";
import type { LocalDate } from "../domain/local-date.js";
import type { Logger } from "../logger.js";
import { createDailyJob, dueDate } from "./daily-job.js";

export const maintenanceTime = "03:00";

/** The local date whose maintenance is due now, or null outside [time, time + 1 h). */
export function dueMaintenanceDate(now: Date, timezone: string, time = maintenanceTime): LocalDate | null {
  return dueDate(now, timezone, time);
}

export interface MaintenanceJobDeps {
  exec(sql: string): Promise<void>;
  clock: Clock;
  timezone: string;
  logger: Pick<Logger, "info" | "error">;
}

/** A scheduler job: VACUUM (ANALYZE) once on each day it is due. */
export function createMaintenanceJob(deps: MaintenanceJobDeps): () => Promise<number> {
  return createDailyJob({
    time: maintenanceTime,
    run: async () => {
      await deps.exec("VACUUM (ANALYZE)");
      return {};
    },
    done: "embedded database vacuumed and analysed",
    ...deps,
  });
}
