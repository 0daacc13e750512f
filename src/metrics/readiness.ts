// /readyz's answer: the database answers, every migration this version ships is applied, Telegram answered
// a poll lately (a long poll returns within its timeout, so silence past it plus a margin means it cannot
// be reached), and whether this instance leads the scheduler.
import { readMigrations, type SqlQueries } from "../db/migrate.js";
import type { Readiness } from "./metrics-server.js";

export async function readinessOf(deps: {
  sql: SqlQueries;
  /** When Telegram last answered (epoch ms); undefined: this app does not use Telegram. */
  lastPolledAt?: () => number | null;
  pollTimeoutSeconds: number;
  isLeader: () => boolean;
  now: () => number;
}): Promise<Readiness> {
  let database: Readiness["database"] = "ok";
  let migrations: Readiness["migrations"] = "unknown";
  try {
    const rows = await deps.sql.query(
      `SELECT migration_name FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`,
    );
    const applied = new Set(rows.map((row) => String(row.migration_name)));
    migrations = readMigrations().every((migration) => applied.has(migration.name)) ? "applied" : "pending";
  } catch {
    database = "unreachable";
  }
  const polled = deps.lastPolledAt?.();
  const telegram =
    deps.lastPolledAt === undefined
      ? null
      : polled !== null && polled !== undefined && deps.now() - polled <= (deps.pollTimeoutSeconds + 30) * 1000
        ? "reachable"
        : "unreachable";
  return { database, migrations, telegram, leader: deps.isLeader() };
}
