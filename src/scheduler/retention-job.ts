// Stored Telegram updates hold what people typed (phones and codes are redacted once handled, the rest is
// not): they are kept only so that a crash loses nothing, and deleted UPDATE_RETENTION_DAYS after they
// were handled, on the first tick of each local day (a machine that is off at night still prunes). Expired
// conversations, web sessions and sign-in links go at the same time (src/db/personal-data-store.ts).
import type { PrismaClient } from "@prisma/client";
import type { Clock } from "../clock.js";
import { purgeExpiredSessions } from "../db/personal-data-store.js";
import { purgeHandledUpdates } from "../db/update-store.js";
import type { Logger } from "../logger.js";
import { createDailyJob } from "./daily-job.js";

const dayMs = 24 * 3600 * 1000;

export function createRetentionJob(deps: {
  prisma: PrismaClient;
  retentionDays: number;
  clock: Clock;
  timezone: string;
  logger: Pick<Logger, "info" | "error">;
}): () => Promise<number> {
  return createDailyJob({
    time: "00:00",
    hours: 24,
    run: async () => {
      const now = deps.clock.now();
      const before = new Date(now.getTime() - deps.retentionDays * dayMs);
      const deleted = await purgeHandledUpdates(deps.prisma, before);
      return { deleted, before, ...(await purgeExpiredSessions(deps.prisma, now, before)) };
    },
    done: "stored updates past their retention and expired sessions deleted",
    ...deps,
  });
}
