// /readyz's answer: the database answers, every migration this version ships is applied, Telegram answered
// lately (a long poll returns within its timeout, and in webhook mode getWebhookInfo is asked every
// minute, so silence past that plus a margin means it cannot be reached), and whether this instance leads
// the scheduler.
import { readMigrations, type SqlQueries } from "../db/migrate.js";
import type { Readiness } from "./metrics-server.js";

export async function readinessOf(deps: {
  sql: SqlQueries;
  /** When Telegram last answered (epoch ms); undefined: this app does not use Telegram. */
  lastTelegramAnswer?: () => number | null;
  /** How often Telegram answers when it can be reached (the long poll's timeout, or the webhook check's interval). */
  telegramAnswersWithinSeconds: number;
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
  const polled = deps.lastTelegramAnswer?.();
  const telegram =
    deps.lastTelegramAnswer === undefined
      ? null
      : polled !== null &&
          polled !== undefined &&
          deps.now() - polled <= (deps.telegramAnswersWithinSeconds + 30) * 1000
        ? "reachable"
        : "unreachable";
  return { database, migrations, telegram, leader: deps.isLeader() };
}
