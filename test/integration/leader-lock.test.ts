// One leader of each role (the scheduler, the outbox's sender) at a time on PostgreSQL; a second instance takes
// over when the leader goes.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { openDatabase, type Database } from "../../src/db/client.js";
import { createLogger } from "../../src/logger.js";
import { createScheduler } from "../../src/scheduler/scheduler.js";
import { createTestDatabase, testDatabaseKind, type TestDatabase } from "../support/test-database.js";

describe("scheduler leadership", () => {
  let db: TestDatabase;
  let other: Database | null = null;
  beforeAll(async () => {
    db = await createTestDatabase();
    if (db.url) other = await openDatabase({ kind: "postgres", url: db.url });
  });
  afterAll(async () => {
    await other?.close();
    await db?.drop();
  });

  it.skipIf(testDatabaseKind !== "postgres")(
    "when two instances ask, then one leads, and the other takes over once it is released",
    async () => {
      const first = await db.database.acquireLeadership();
      expect(first).not.toBeNull();
      expect(await other!.acquireLeadership()).toBeNull();
      await first!.release();
      const second = await other!.acquireLeadership();
      expect(second).not.toBeNull();
      expect(await db.database.acquireLeadership()).toBeNull();
      await second!.release();
    },
  );

  it.skipIf(testDatabaseKind !== "postgres")(
    "when the leader's connection is ended by the server, then it knows it no longer leads and another instance can",
    async () => {
      const outbox = await db.database.acquireLeadership("outbox");
      expect(outbox!.held()).toBe(true);
      // The scheduler's lock is another lock: the outbox's holder does not hold it.
      const scheduler = await other!.acquireLeadership("scheduler");
      expect(scheduler).not.toBeNull();
      // An administrator (or a server restart) ends the session holding the outbox's lock.
      await other!.sql.query(
        `SELECT pg_terminate_backend(pid) FROM pg_locks
          WHERE locktype = 'advisory' AND objid = 72707372 AND objsubid = 1 AND database = (SELECT oid FROM pg_database WHERE datname = current_database())`,
      );
      await vi.waitFor(() => expect(outbox!.held()).toBe(false));
      const taken = await other!.acquireLeadership("outbox");
      expect(taken?.held()).toBe(true);
      await outbox!.release();
      expect(await db.database.acquireLeadership("outbox")).toBeNull();
      await taken!.release();
      await scheduler!.release();
    },
  );

  it.skipIf(testDatabaseKind !== "postgres")(
    "when the scheduler's lock is lost with its connection and another instance takes it, then this scheduler stops planning",
    async () => {
      let runs = 0;
      const scheduler = createScheduler({
        timezone: "Asia/Ho_Chi_Minh",
        logger: createLogger({ level: "silent" }),
        acquireLeadership: () => db.database.acquireLeadership("scheduler"),
        jobs: [
          {
            name: "count",
            run: async () => {
              runs++;
              return 0;
            },
          },
        ],
      });
      await scheduler.tick();
      expect([scheduler.isLeader(), runs]).toEqual([true, 1]);
      await other!.sql.query(
        `SELECT pg_terminate_backend(pid) FROM pg_locks
          WHERE locktype = 'advisory' AND objid = 72707370 AND objsubid = 1 AND database = (SELECT oid FROM pg_database WHERE datname = current_database())`,
      );
      await vi.waitFor(() => expect(scheduler.isLeader()).toBe(false));
      const taken = await other!.acquireLeadership("scheduler");
      expect(taken).not.toBeNull();
      await scheduler.tick();
      expect([scheduler.isLeader(), runs]).toEqual([false, 1]);
      await taken!.release();
      await scheduler.tick();
      expect([scheduler.isLeader(), runs]).toEqual([true, 2]);
      await scheduler.stop();
    },
  );

  it.skipIf(testDatabaseKind !== "pglite")(
    "when the database is embedded, then its one process always leads",
    async () => {
      const release = await db.database.acquireLeadership();
      expect(release).not.toBeNull();
      expect(await db.database.acquireLeadership()).not.toBeNull();
    },
  );
});
