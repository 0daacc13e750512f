// A scheduler job that runs once a day, in the hour after a local time (the nightly backup, VACUUM, the
// pruning of stored updates: all inside the quiet hours). A process that was down for that hour skips the
// day; a run that fails is logged and tried again at the next tick within the hour.
import { dailyWindow, type Clock } from "../clock.js";
import type { LocalDate } from "../domain/local-date.js";
import type { Logger } from "../logger.js";

export interface DailyJob {
  /** "HH:mm" local: the job runs in the `hours` (1 unless given) after it. */
  time: string;
  hours?: number;
  /** What it does for the day; what to log when it is done. */
  run(date: LocalDate): Promise<Record<string, unknown>>;
  /** Logged with what `run` returns: "embedded database backed up". */
  done: string;
  clock: Clock;
  timezone: string;
  logger: Pick<Logger, "info" | "error">;
}

/** The local date whose run is due now, or null outside [time, time + 1 h). */
export function dueDate(now: Date, timezone: string, time: string, hours = 1): LocalDate | null {
  return dailyWindow(now, timezone, time, hours)?.date ?? null;
}

/** The scheduler's job function. Writes no message, so it returns 0. */
export function createDailyJob(job: DailyJob): () => Promise<number> {
  let lastRun: LocalDate | null = null;
  return async () => {
    const due = dueDate(job.clock.now(), job.timezone, job.time, job.hours);
    if (!due || due === lastRun) return 0;
    const started = performance.now();
    try {
      const logged = await job.run(due);
      lastRun = due;
      job.logger.info({ ...logged, ms: Math.round(performance.now() - started) }, job.done);
    } catch (error) {
      job.logger.error({ err: error, date: due }, `${job.done}: failed, tried again within the hour`);
    }
    return 0;
  };
}
