// Applies prisma/migrations/*/migration.sql in order and records them in `_prisma_migrations` with the
// same columns and checksums as `prisma migrate deploy`, so both tools agree on what is applied.
// The app runs this itself because the embedded database lives inside the app's process.
import { createHash, randomUUID } from "node:crypto";
import { readdirSync, readFileSync, existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

export interface SqlQueries {
  exec(sql: string): Promise<void>;
  query(sql: string, params?: readonly unknown[]): Promise<Record<string, unknown>[]>;
}

export interface SqlExecutor extends SqlQueries {
  /** Runs `fn` while holding the migration lock (a no-op on the embedded database). */
  withLock<T>(fn: (sql: SqlQueries) => Promise<T>): Promise<T>;
}

export interface MigrationReport {
  applied: string[];
  alreadyApplied: number;
}

export const migrationsDir = fileURLToPath(new URL("../../prisma/migrations", import.meta.url));

interface MigrationFile {
  name: string;
  sql: string;
  checksum: string;
}

export function readMigrations(dir = migrationsDir): MigrationFile[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(path.join(dir, entry.name, "migration.sql")))
    .map((entry) => entry.name)
    .sort()
    .map((name) => {
      const sql = readFileSync(path.join(dir, name, "migration.sql"), "utf8");
      return { name, sql, checksum: createHash("sha256").update(sql).digest("hex") };
    });
}

const createTable = `
CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
  "id" VARCHAR(36) PRIMARY KEY NOT NULL,
  "checksum" VARCHAR(64) NOT NULL,
  "finished_at" TIMESTAMPTZ,
  "migration_name" VARCHAR(255) NOT NULL,
  "logs" TEXT,
  "rolled_back_at" TIMESTAMPTZ,
  "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(),
  "applied_steps_count" INTEGER NOT NULL DEFAULT 0
)`;

export async function applyMigrations(executor: SqlExecutor, dir = migrationsDir): Promise<MigrationReport> {
  const migrations = readMigrations(dir);
  return executor.withLock(async (sql) => {
    await sql.exec(createTable);
    const rows = await sql.query(
      `SELECT migration_name, checksum, finished_at FROM "_prisma_migrations" WHERE rolled_back_at IS NULL`,
    );
    const done = new Map(rows.map((row) => [String(row.migration_name), row]));
    const applied: string[] = [];
    for (const migration of migrations) {
      const previous = done.get(migration.name);
      if (previous) {
        if (!previous.finished_at) {
          throw new Error(`migration ${migration.name} failed earlier and needs attention before the app can start`);
        }
        if (previous.checksum !== migration.checksum) {
          throw new Error(`migration ${migration.name} was changed after it was applied; add a new migration instead`);
        }
        continue;
      }
      // DDL is transactional in PostgreSQL: a failing migration leaves nothing half-applied.
      await runInTransaction(
        sql,
        `\n${migration.sql}\n;INSERT INTO "_prisma_migrations" (id, checksum, finished_at, migration_name, applied_steps_count) ` +
          `VALUES ('${randomUUID()}', '${migration.checksum}', now(), '${migration.name.replace(/'/g, "''")}', 1);`,
      );
      applied.push(migration.name);
    }
    return { applied, alreadyApplied: migrations.length - applied.length };
  });
}

async function runInTransaction(sql: SqlQueries, script: string): Promise<void> {
  await sql.exec("BEGIN");
  try {
    await sql.exec(script);
    await sql.exec("COMMIT");
  } catch (error) {
    await sql.exec("ROLLBACK").catch(() => undefined);
    throw error;
  }
}
