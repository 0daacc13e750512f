// Housekeeping the embedded database does not do by itself. PGlite is PostgreSQL in one process: it has
// no autovacuum worker, so without this the space of updated and deleted rows (the outbox, conversations,
// the update inbox) is never reclaimed and the planner's statistics are never refreshed over a campaign
// of months. Once a day, in the hour after `maintenanceTime` (03:00 local, inside the quiet hours), the
// leader runs VACUUM (ANALYZE). A process that was down for that hour skips the day: there is nothing to
// catch up. On PostgreSQL the server's autovacuum does this, and the job is not scheduled.
import { dailyWindow, type Clock } from "../clock.js";
import type { LocalDate } from "../domain/local-date.js";
import type { Logger } from "../logger.js";

export const maintenanceTime = "03:00";

/** The local date whose maintenance is due now, or null outside [time, time + 1 h). */
export function dueMaintenanceDate(now: Date, timezone: string, time = maintenanceTime): LocalDate | null {
  return dailyWindow(now, timezone, time, 1)?.date ?? null;
}

export interface MaintenanceJobDeps {
  exec(sql: string): Promise<void>;
  clock: Clock;
  timezone: string;
  logger: Pick<Logger, "info">;
}

/** A scheduler job: VACUUM (ANALYZE) once on each day it is due. Writes no message, so it returns 0. */
export function createMaintenanceJob(deps: MaintenanceJobDeps): () => Promise<number> {
  let lastRun: LocalDate | null = null;
  return async () => {
    const due = dueMaintenanceDate(deps.clock.now(), deps.timezone);
    if (!due || due === lastRun) return 0;
    const started = performance.now();
    await deps.exec("VACUUM (ANALYZE)");
    lastRun = due;
    deps.logger.info({ ms: Math.round(performance.now() - started) }, "embedded database vacuumed and analysed");
    return 0;
  };
}
