// The embedded database has no autovacuum, so the app vacuums and analyses it once a day at 03:00 local
// (src/scheduler/maintenance-job.ts). On PostgreSQL the server does it and the app leaves it alone.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fixedClock } from "../../src/clock.js";
import { startBotHarness, type BotHarness } from "../support/bot-harness.js";
import { importFixture } from "../support/roster.js";
import { createTestDatabase, testDatabaseKind, type TestDatabase } from "../support/test-database.js";

describe("daily maintenance of the embedded database", () => {
  // 02:00 on 10/03/2020 in Hà Nội (UTC+7).
  const clock = fixedClock("2020-03-09T19:00:00Z");
  let db: TestDatabase;
  let harness: BotHarness;

  const lastVacuum = async (): Promise<string | null> => {
    const [row] = await db.database.sql.query(
      `SELECT last_vacuum::text AS at FROM pg_stat_user_tables WHERE relname = 'units'`,
    );
    return (row?.at as string | null) ?? null;
  };

  beforeAll(async () => {
    db = await createTestDatabase();
    await importFixture(db.database, "small-org.yaml");
    harness = await startBotHarness(db.database, { clock, scheduler: true });
  });

  afterAll(async () => {
    await harness?.stop();
    await db?.drop();
  });

  it("runs VACUUM (ANALYZE) once in the hour after 03:00 on the embedded database, and never on PostgreSQL", async () => {
    await harness.app.scheduler.tick();
    expect(await lastVacuum()).toBeNull();

    clock.set("2020-03-09T20:05:00Z"); // 03:05
    await harness.app.scheduler.tick();
    const first = await lastVacuum();
    if (testDatabaseKind === "postgres") {
      expect(first).toBeNull();
      return;
    }
    expect(first).not.toBeNull();

    clock.set("2020-03-09T20:40:00Z"); // 03:40, same day: already done
    await harness.app.scheduler.tick();
    expect(await lastVacuum()).toBe(first);

    clock.set("2020-03-10T21:10:00Z"); // 04:10 the next day: the hour has passed, nothing to catch up
    await harness.app.scheduler.tick();
    expect(await lastVacuum()).toBe(first);

    clock.set("2020-03-11T20:10:00Z"); // 03:10 the day after
    await harness.app.scheduler.tick();
    const third = await lastVacuum();
    expect(third).not.toBeNull();
    expect(third).not.toBe(first);
  });
});
