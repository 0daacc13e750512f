// A fresh, migrated database per test file: in-memory PGlite by default, or a new database on the
// PostgreSQL server named by TEST_DATABASE_URL (dropped afterwards), so test files never share state.
import { readFileSync } from "node:fs";
import { inject } from "vitest";
import { openDatabase, type Database } from "../../src/db/client.js";
import { createServerDatabase } from "./server-database.js";

export interface TestDatabase {
  database: Database;
  /** PostgreSQL only: the URL other processes can use to reach the same database. */
  url?: string;
  drop(): Promise<void>;
}

export const testDatabaseKind = process.env.TEST_DATABASE_URL ? "postgres" : "pglite";

export async function createTestDatabase(): Promise<TestDatabase> {
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (!serverUrl) {
    const template = new Blob([readFileSync(inject("pgliteTemplate"))]);
    const database = await openDatabase({ kind: "pglite", dataDir: null, loadFrom: template });
    await database.migrate();
    return { database, drop: () => database.close() };
  }
  return createServerDatabase(serverUrl, "daihoi_test");
}

/** An empty database of the kind under test, with no migration applied. */
export async function createEmptyTestDatabase(): Promise<TestDatabase> {
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (!serverUrl) {
    const database = await openDatabase({ kind: "pglite", dataDir: null });
    return { database, drop: () => database.close() };
  }
  return createServerDatabase(serverUrl, "daihoi_test", { migrate: false });
}

const tables = [
  "organizations",
  "units",
  "campaigns",
  "campaign_deadlines",
  "campaign_terms",
  "people",
  "role_assignments",
  "working_groups",
  "working_group_members",
  "working_group_units",
  "chat_bindings",
  "invites",
  "reports",
  "unit_progress",
  "difficulties",
  "outbox_messages",
  "audit_logs",
  "reminder_pauses",
];

/** A digest of every application table's rows: equal fingerprints mean nothing was written. */
export async function databaseFingerprint(database: Database): Promise<Record<string, string>> {
  const result: Record<string, string> = {};
  for (const table of tables) {
    const rows = await database.sql.query(
      `SELECT count(*)::int AS n, coalesce(md5(string_agg(t::text, '|' ORDER BY t::text)), '') AS digest FROM "${table}" t`,
    );
    result[table] = `${rows[0]!.n}:${rows[0]!.digest}`;
  }
  return result;
}

/** Empties every application table (between tests of one file). */
export async function resetDatabase(database: Database): Promise<void> {
  await database.sql.exec(
    `TRUNCATE ${[...tables, "telegram_updates"].map((t) => `"${t}"`).join(", ")} RESTART IDENTITY CASCADE`,
  );
}
