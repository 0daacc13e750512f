// The statements every update runs go to the driver under Prisma (src/db/driver-sql.ts). They were written
// against prisma.$queryRaw's results, so the driver must give the same values and store the same values,
// whatever the process's time zone: a server in Hà Nội runs with TZ=Asia/Ho_Chi_Minh, and both drivers
// read and write `timestamp` columns in local time by default (7 hours off from what Prisma stores).
// (So does pglite-prisma-adapter with a Date in $queryRaw: under Hà Nội time it reads `${date}::timestamp`
// 7 hours off. Statements moved to the driver no longer depend on it.)
import { Prisma } from "@prisma/client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase } from "../../src/db/client.js";
import { driverSql } from "../../src/db/driver-sql.js";
import { createTestDatabase, testDatabaseKind, type TestDatabase } from "../support/test-database.js";

const at = new Date("2020-01-20T03:04:05.678Z");
const payload = { a: 1, text: 'Chi bộ "số 2"', list: [1, 2] };

describe("statements on the driver, as Prisma gives them", () => {
  let db: TestDatabase;
  const zone = process.env.TZ;
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(async () => {
    if (zone === undefined) delete process.env.TZ;
    else process.env.TZ = zone;
    await db?.drop();
  });

  const select = () => Prisma.sql`
    SELECT 7::int AS int4, ${BigInt("9007199254740993")}::bigint AS int8, ${at}::timestamp AS ts, ${"2020-03-31"}::date AS day,
           ${at}::timestamptz AS tstz, ${JSON.stringify(payload)}::jsonb AS jsonb, json_build_object('k', ${"v"}::text) AS json,
           ${[3, 1, 2]}::int[] AS ints, true AS yes, NULL::text AS nothing, ${"đại hội"}::text AS words,
           'cell'::"UnitLevel"::text AS level`;

  it("when a row holds every type the stores read, then the driver returns it exactly as $queryRaw does, in UTC and in Hà Nội time", async () => {
    // Node reads TZ again when it changes.
    process.env.TZ = "UTC";
    const viaPrisma = await db.database.prisma.$queryRaw<Record<string, unknown>[]>(select());
    const viaDriver = await driverSql(db.database.prisma).rows<Record<string, unknown>>(select());
    expect(viaDriver).toEqual(viaPrisma);
    expect(viaDriver[0]).toMatchObject({
      int8: BigInt("9007199254740993"),
      ts: at,
      day: new Date("2020-03-31T00:00:00Z"),
      tstz: at,
      jsonb: payload,
    });

    process.env.TZ = "Asia/Ho_Chi_Minh";
    expect(new Date(2020, 0, 1).getTimezoneOffset()).toBe(-420);
    expect(await driverSql(db.database.prisma).rows<Record<string, unknown>>(select())).toEqual(viaPrisma);
  });

  it.skipIf(testDatabaseKind !== "postgres")(
    "when the server keeps Hà Nội time, then the app's sessions still write SQL's now() as UTC, as Prisma does",
    async () => {
      await db.database.sql.exec(
        `ALTER DATABASE "${new URL(db.url!).pathname.slice(1)}" SET timezone TO 'Asia/Ho_Chi_Minh'`,
      );
      const fresh = await openDatabase({ kind: "postgres", url: db.url! });
      try {
        const [row] = await driverSql(fresh.prisma).rows<{ zone: string; now: Date }>(
          Prisma.sql`SELECT current_setting('TimeZone') AS zone, now()::timestamp AS now`,
        );
        expect(row!.zone).toBe("UTC");
        expect(Math.abs(row!.now.getTime() - Date.now())).toBeLessThan(60_000);
      } finally {
        await fresh.close();
      }
    },
  );

  it("when a timestamp and a JSON value are written through the driver in Hà Nội time, then Prisma reads back what it would have written", async () => {
    process.env.TZ = "Asia/Ho_Chi_Minh";
    const sql = driverSql(db.database.prisma);
    const organization = await db.database.prisma.organization.create({ data: { code: "TZ", name: "Đảng bộ thử" } });
    const changed = await sql.execute(Prisma.sql`
      INSERT INTO audit_logs ("organizationId", actor, action, entity, "entityId", details, "createdAt")
      VALUES (${organization.id}, ${"driver"}, ${"test.write"}, ${"test"}, ${"1"}, ${JSON.stringify(payload)}::jsonb, ${at})`);
    expect(changed).toBe(1);
    await db.database.prisma.auditLog.create({
      data: {
        organizationId: organization.id,
        actor: "prisma",
        action: "test.write",
        entity: "test",
        entityId: "1",
        details: payload,
        createdAt: at,
      },
    });
    const rows = await db.database.prisma.auditLog.findMany({
      where: { action: "test.write" },
      orderBy: { id: "asc" },
    });
    expect(rows.map((row) => [row.actor, row.createdAt.toISOString(), row.details])).toEqual([
      ["driver", at.toISOString(), payload],
      ["prisma", at.toISOString(), payload],
    ]);
  });
});
