// What an operator watches (Prometheus, prom-client): updates received, handled and failed with their
// handling time; the inbox's backlog; the outbox by state and the age of its oldest message waiting; 429s;
// the messages each scheduled job planned. Counters are counted where things happen (the inbox, the
// sender, the scheduler); the backlog and the outbox are read from the database when scraped, so every
// instance of a PostgreSQL deployment reports the same shared queue. One registry per app (tests run
// several apps in one process).
import { Prisma, type PrismaClient } from "@prisma/client";
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from "prom-client";
import { driverSql } from "../db/driver-sql.js";

/** What the inbox, the sender and the scheduler record; a no-op when metrics are off. */
export interface MetricsRecorder {
  updatesReceived(count: number): void;
  updateHandled(outcome: "ok" | "failed", seconds: number): void;
  floodWait(): void;
  planned(job: string, messages: number): void;
}

export const noMetrics: MetricsRecorder = {
  updatesReceived: () => undefined,
  updateHandled: () => undefined,
  floodWait: () => undefined,
  planned: () => undefined,
};

export interface AppMetrics extends MetricsRecorder {
  registry: Registry;
}

const outboxStates = ["pending", "sent", "failed"] as const;

/** `served`: the port is on, so the process's own metrics (memory, CPU, event loop) are collected too. */
export function createAppMetrics(prisma: PrismaClient, clock: { now(): Date }, served: boolean): AppMetrics {
  const registry = new Registry();
  if (served) collectDefaultMetrics({ register: registry, prefix: "daihoi_" });
  const received = new Counter({
    name: "daihoi_updates_received_total",
    help: "Telegram updates received and stored in the inbox",
    registers: [registry],
  });
  const handled = new Counter({
    name: "daihoi_updates_handled_total",
    help: "Updates handled, by outcome (failed: an error outside the bot's error boundary)",
    labelNames: ["outcome"],
    registers: [registry],
  });
  const handling = new Histogram({
    name: "daihoi_update_handling_seconds",
    help: "Time to handle one update, from taking it from the inbox to marking it handled",
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
  const floodWaits = new Counter({
    name: "daihoi_telegram_429_total",
    help: "Bot API answers 429 Too Many Requests (the outbox waits retry_after)",
    registers: [registry],
  });
  const planned = new Counter({
    name: "daihoi_scheduled_messages_planned_total",
    help: "Messages planned into the outbox by each scheduled job (reminders, digests, …)",
    labelNames: ["job"],
    registers: [registry],
  });
  new Gauge({
    name: "daihoi_inbox_backlog",
    help: "Stored updates not yet handled",
    registers: [registry],
    async collect() {
      const [row] = await driverSql(prisma).rows<{ count: number }>(
        Prisma.sql`SELECT count(*)::int AS count FROM telegram_updates WHERE "processedAt" IS NULL`,
      );
      this.set(row?.count ?? 0);
    },
  });
  const outbox = new Gauge({
    name: "daihoi_outbox_messages",
    help: "Outbox messages by state: pending (queued or being sent), sent, failed",
    labelNames: ["status"],
    registers: [registry],
    async collect() {
      const rows = await driverSql(prisma).rows<{ status: string; count: number }>(
        Prisma.sql`SELECT status::text AS status, count(*)::int AS count FROM outbox_messages GROUP BY status`,
      );
      for (const status of outboxStates) outbox.set({ status }, rows.find((row) => row.status === status)?.count ?? 0);
    },
  });
  new Gauge({
    name: "daihoi_outbox_oldest_queued_seconds",
    help: "Age of the oldest outbox message due and not yet sent (0 when none): alert when it grows",
    registers: [registry],
    async collect() {
      const now = clock.now();
      const [row] = await driverSql(prisma).rows<{ oldest: Date | null }>(
        Prisma.sql`SELECT min("notBefore") AS oldest FROM outbox_messages WHERE status = 'pending' AND "notBefore" <= ${now}::timestamp`,
      );
      this.set(row?.oldest ? Math.max(0, (now.getTime() - new Date(row.oldest).getTime()) / 1000) : 0);
    },
  });
  return {
    registry,
    updatesReceived: (count) => received.inc(count),
    updateHandled: (outcome, seconds) => {
      handled.inc({ outcome });
      handling.observe(seconds);
    },
    floodWait: () => floodWaits.inc(),
    // labels() first: a job that planned nothing still has its series (at 0), so its absence means it never ran.
    planned: (job, messages) => planned.labels({ job }).inc(messages),
  };
}
