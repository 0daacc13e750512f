// One scheduler leader at a time on PostgreSQL; a second instance takes over when the leader goes.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase, type Database } from "../../src/db/client.js";
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
      await first!();
      const second = await other!.acquireLeadership();
      expect(second).not.toBeNull();
      expect(await db.database.acquireLeadership()).toBeNull();
      await second!();
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
