// Ticks every minute in APP_TIMEZONE (and once at start, which is the catch-up after downtime). Only the
// instance holding the scheduler lock plans; the others retry each tick, so a new leader takes over when
// the old one dies. Planning writes to the outbox only.
import cron from "node-cron";
import type { Leadership } from "../db/client.js";
import { leadershipKeeper } from "../db/leadership-keeper.js";
import type { Logger } from "../logger.js";

/** One job of a tick: decides itself what is due, returns how many messages it wrote. */
export interface ScheduledJob {
  name: string;
  run: () => Promise<number>;
}

export interface SchedulerDeps {
  timezone: string;
  logger: Logger;
  /** The scheduler's lock when this instance takes it, else null (another instance leads). */
  acquireLeadership: () => Promise<Leadership | null>;
  /** The jobs of one tick; each decides itself what is due. */
  jobs: ScheduledJob[];
  /** Something was written to the outbox: wake the sender. */
  onPlanned?: () => void;
  /** Each job's run and how many messages it planned (src/metrics). */
  onJobDone?: (job: string, planned: number) => void;
}

export interface Scheduler {
  start(): Promise<void>;
  stop(): Promise<void>;
  /** One tick now (tests, `digest send`). */
  tick(): Promise<void>;
  /** Whether this instance holds the scheduler's lock (it plans; the others wait to take over). */
  isLeader(): boolean;
}

export function createScheduler(deps: SchedulerDeps): Scheduler {
  const leadership = leadershipKeeper({
    acquire: deps.acquireLeadership,
    // Its connection failed, and the lock with it: another instance may lead now.
    onLost: () => deps.logger.warn("the scheduler's lock was lost with its database connection; asking for it again"),
  });
  let task: ReturnType<typeof cron.schedule> | null = null;
  let ticking: Promise<void> = Promise.resolve();

  async function tickOnce(): Promise<void> {
    if (!(await leadership.hold())) return;
    for (const job of deps.jobs) {
      try {
        const planned = await job.run();
        deps.onJobDone?.(job.name, planned);
        if (planned > 0) {
          deps.logger.info({ job: job.name, planned }, "planned");
          deps.onPlanned?.();
        }
      } catch (error) {
        deps.logger.error({ err: error, job: job.name }, "scheduled job failed; it runs again next minute");
      }
    }
  }

  const tick = () => (ticking = ticking.then(tickOnce));

  return {
    async start() {
      await tick();
      task = cron.schedule("* * * * *", () => void tick(), { timezone: deps.timezone, noOverlap: true });
    },
    async stop() {
      await task?.stop();
      await ticking;
      await leadership.release();
    },
    tick,
    isLeader: leadership.holds,
  };
}
