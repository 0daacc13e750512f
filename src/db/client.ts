// Builds the Prisma client over the database the configuration names: PostgreSQL through
// @prisma/adapter-pg when a URL is given, else embedded PGlite under DATA_DIR (or in memory).
import { mkdirSync } from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@prisma/client";
import pg from "pg";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { pgDriverSql, pgliteDriverSql, registerDriverSql } from "./driver-sql.js";
import { acquireDataDirLock, type DataDirLock } from "./data-dir-lock.js";
import { applyMigrations, type MigrationReport, type SqlExecutor } from "./migrate.js";
import { instanceLockClass } from "./update-store.js";

type PrismaAdapter = NonNullable<ConstructorParameters<typeof PrismaClient>[0]>["adapter"];

export type DatabaseTarget =
  | { kind: "postgres"; url: string }
  // dataDir null: in memory; loadFrom: start from a dump made by dumpDataDir (tests)
  | { kind: "pglite"; dataDir: string | null; loadFrom?: Blob };

export interface Database {
  readonly prisma: PrismaClient;
  readonly kind: DatabaseTarget["kind"];
  /** Runs a multi-statement SQL script (migrations, set-based maintenance). */
  readonly sql: SqlExecutor;
  migrate(): Promise<MigrationReport>;
  close(): Promise<void>;
  /**
   * Takes one of the jobs only one instance may do at a time (`LeadershipRole`): on PostgreSQL a session
   * advisory lock held on its own connection (the server drops it when the process dies, so another
   * instance takes over); the embedded database has one process, which always leads. Returns the
   * leadership, or null when another instance holds it.
   */
  acquireLeadership(role?: LeadershipRole): Promise<Leadership | null>;
  /**
   * PostgreSQL only: holds a lock named after this instance (see `instanceLockClass`) for as long as it runs,
   * on a connection of its own. The server drops it when the process dies, so the other instances, reading
   * pg_locks, take the chats it held at once instead of when its holds run out (src/db/update-store.ts).
   * Returns the release function.
   */
  lockInstance?(instanceId: string): Promise<() => Promise<void>>;
  /**
   * Embedded only: a copy of the whole database as one tar, gzipped on request (tests start their
   * databases from a migrated copy; the sandbox from its seed; backups).
   */
  dumpDataDir?(compression?: "none" | "gzip"): Promise<Blob>;
}

/**
 * What only one instance does at a time: the scheduler plans; the outbox's sender paces Telegram's
 * messages (Telegram's limits count the bot, not the process, so several senders would exceed them).
 */
export type LeadershipRole = "scheduler" | "outbox";

/** The advisory lock of each role (one key space with the migrator's 72707369). */
const leadershipLockKeys: Record<LeadershipRole, number> = { scheduler: 72707370, outbox: 72707372 };

export interface Leadership {
  /**
   * False once the lock's connection has failed (a database restart, an administrator ending it): the
   * server has dropped the lock with it and another instance may hold it now. Release it and ask again.
   */
  held(): boolean;
  release(): Promise<void>;
}

export function databaseTarget(config: { databaseUrl?: string | undefined; dataDir: string }): DatabaseTarget {
  return config.databaseUrl
    ? { kind: "postgres", url: config.databaseUrl }
    : { kind: "pglite", dataDir: path.join(config.dataDir, "pglite") };
}

export async function openDatabase(target: DatabaseTarget): Promise<Database> {
  return target.kind === "postgres" ? openPostgres(target.url) : openPglite(target.dataDir, target.loadFrom);
}

async function openPostgres(url: string): Promise<Database> {
  // JIT off for the app's sessions: the national roll-up spent 666 ms of its 1.9 s compiling with LLVM
  // (the planner's cost estimate crossed jit_optimize_above_cost); the app's queries are short and
  // gain nothing from it. A setting of the connection, so nothing needs changing on the server.
  // TimeZone=UTC: timestamps are stored as UTC wall time (Prisma's convention), and SQL's now() and the
  // columns' DEFAULT CURRENT_TIMESTAMP are converted with the session's zone, which is otherwise the server's
  // (an office's server may keep Hà Nội time: they were 7 hours off).
  const pool = new pg.Pool({ connectionString: url, max: 10, options: "-c jit=off -c TimeZone=UTC" });
  // A server restart or an administrator ending connections errors the idle ones: the pool drops them and
  // the next query connects again. Unhandled, that event would end the process.
  pool.on("error", () => undefined);
  const sql: SqlExecutor = {
    exec: async (text) => {
      await pool.query(text);
    },
    query: async (text, params = []) => (await pool.query(text, params as unknown[])).rows,
    withLock: async (fn) => {
      const client = await pool.connect();
      try {
        // One migrator at a time when several instances start together.
        await client.query("SELECT pg_advisory_lock(72707369)");
        return await fn({
          exec: async (text) => {
            await client.query(text);
          },
          query: async (text, params = []) => (await client.query(text, params as unknown[])).rows,
        });
      } finally {
        await client.query("SELECT pg_advisory_unlock(72707369)").catch(() => undefined);
        client.release();
      }
    },
  };
  const prisma = new PrismaClient({ adapter: new PrismaPg(pool) });
  registerDriverSql(prisma, pgDriverSql(pool, pg.types));
  return {
    prisma,
    kind: "postgres",
    sql,
    migrate: () => applyMigrations(sql),
    acquireLeadership: async (role = "scheduler") => {
      const key = leadershipLockKeys[role];
      const client = await pool.connect();
      // Held for as long as this instance leads: if its connection dies, the server drops the lock and another
      // instance takes over; this one must not crash, and learns it no longer leads (held() turns false).
      let lost = false;
      const onLost = () => {
        lost = true;
      };
      client.on("error", onLost);
      client.on("end", onLost);
      const giveBack = (error?: Error) => {
        client.off("error", onLost);
        client.off("end", onLost);
        // A connection that failed is destroyed, not returned to the pool.
        client.release(error ?? lost);
      };
      const { rows } = await client
        .query<{ locked: boolean }>("SELECT pg_try_advisory_lock($1) AS locked", [key])
        .catch((error: unknown) => {
          giveBack(error as Error);
          throw error;
        });
      if (!rows[0]?.locked) {
        giveBack();
        return null;
      }
      return {
        held: () => !lost,
        release: async () => {
          if (!lost) await client.query("SELECT pg_advisory_unlock($1)", [key]).catch(onLost);
          giveBack();
        },
      };
    },
    lockInstance: async (instanceId) => {
      const client = await pool.connect();
      // The connection ending is what tells the others this instance is gone; until then an error on it
      // must not end the process (its holds then only run out, as without the lock).
      const ignore = () => undefined;
      client.on("error", ignore);
      await client.query("SELECT pg_advisory_lock($1, hashtext($2))", [instanceLockClass, instanceId]);
      return async () => {
        await client
          .query("SELECT pg_advisory_unlock($1, hashtext($2))", [instanceLockClass, instanceId])
          .catch(ignore);
        client.off("error", ignore);
        client.release();
      };
    },
    close: async () => {
      await prisma.$disconnect();
      await pool.end();
    },
  };
}

async function openPglite(dataDir: string | null, loadFrom?: Blob): Promise<Database> {
  let lock: DataDirLock | null = null;
  if (dataDir) {
    mkdirSync(dataDir, { recursive: true });
    lock = acquireDataDirLock(dataDir);
  }
  let client: PGlite;
  try {
    client = await PGlite.create({ ...(dataDir && { dataDir }), ...(loadFrom && { loadDataDir: loadFrom }) });
  } catch (error) {
    lock?.release();
    // PGlite's file-system errors (ErrnoError { errno }) name no path: say it is the data directory's.
    if (dataDir && error && typeof error === "object" && !("path" in error)) Object.assign(error, { path: dataDir });
    throw error;
  }
  const sql: SqlExecutor = {
    exec: async (text) => {
      await client.exec(text);
    },
    query: async (text, params = []) =>
      (await client.query(text, params as unknown[])).rows as Record<string, unknown>[],
    withLock: (fn) => fn(sql), // a single process owns the embedded database
  };
  // pglite-prisma-adapter 0.6 is typed against an older @prisma/driver-adapter-utils than Prisma 6.19;
  // the runtime contract is the same (the test suite runs every query through it).
  const adapter = new PrismaPGlite(client) as unknown as PrismaAdapter;
  const prisma = new PrismaClient({ adapter });
  registerDriverSql(prisma, pgliteDriverSql(client));
  return {
    prisma,
    kind: "pglite",
    sql,
    migrate: () => applyMigrations(sql),
    acquireLeadership: async () => ({ held: () => true, release: async () => undefined }),
    close: async () => {
      await prisma.$disconnect();
      await client.close();
      lock?.release();
    },
    dumpDataDir: async (compression = "none") => {
      const dump = await client.dumpDataDir(compression);
      return dump;
    },
  };
}
