// A fresh, migrated database on a PostgreSQL server, dropped afterwards: one per test file, one per
// benchmark suite. No vitest imports, so the benchmarks can use it too.
import { randomBytes } from "node:crypto";
import pg from "pg";
import { openDatabase, type Database } from "../../src/db/client.js";

export interface ServerDatabase {
  database: Database;
  /** The URL other processes can use to reach the same database. */
  url: string;
  drop(): Promise<void>;
}

/** `migrate: false` leaves the database empty (tests of the migrations themselves). */
export async function createServerDatabase(
  serverUrl: string,
  prefix: string,
  options: { migrate?: boolean } = {},
): Promise<ServerDatabase> {
  const name = `${prefix}_${randomBytes(6).toString("hex")}`;
  await withAdmin(serverUrl, (admin) => admin.query(`CREATE DATABASE "${name}"`));
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const drop = () => withAdmin(serverUrl, (admin) => admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
  const database = await openDatabase({ kind: "postgres", url: url.toString() });
  try {
    if (options.migrate !== false) await database.migrate();
  } catch (error) {
    await database.close().catch(() => undefined);
    await drop();
    throw error;
  }
  return {
    database,
    url: url.toString(),
    drop: async () => {
      await database.close();
      await drop();
    },
  };
}

async function withAdmin<T>(url: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}
