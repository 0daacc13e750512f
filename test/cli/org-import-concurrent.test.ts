// Two `org import` at once against the same database: one lands whole, the other writes nothing and says
// so in the person's language. On PostgreSQL the race is made certain: the test holds the organisation's
// import lock until both imports have read the database and wait for it.
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { cli, type CliResult } from "../support/cli.js";
import {
  createTestDatabase,
  databaseFingerprint,
  resetDatabase,
  testDatabaseKind,
  type TestDatabase,
} from "../support/test-database.js";

// The group's leader is one of the people, so that the imports print no note before their outcome.
const base = readFileSync(new URL("../fixtures/small-org.yaml", import.meta.url), "utf8").replace(
  `leader: "0912000001"`,
  `leader: "0912345678"`,
);
const dir = mkdtempSync(path.join(tmpdir(), "daihoi-race-"));
const fileA = path.join(dir, "a.yaml");
const fileB = path.join(dir, "b.yaml");
writeFileSync(fileA, base.replace(`"Chi bộ tổ dân phố số 2"`, `"Chi bộ tổ dân phố số 2 (A)"`));
writeFileSync(
  fileB,
  base
    .replace(`"Chi bộ tổ dân phố số 2"`, `"Chi bộ tổ dân phố số 2 (B)"`)
    .replace(`"Trần Thị Bình"`, `"Trần Thị Bình (B)"`),
);

const conflict = (file: string) => [
  `Error: while ${file} was being imported, another import changed this organisation; this one wrote nothing. Run the command again: npm run cli -- org import ${file}`,
];

describe("two org imports at once", () => {
  let db: TestDatabase;
  afterAll(async () => db?.drop());
  beforeEach(async () => {
    db ??= await createTestDatabase();
    await resetDatabase(db.database);
    // Start from the plain file, so that each of A and B changes something.
    writeFileSync(path.join(dir, "base.yaml"), base);
    expect((await cli(db.database, ["org", "import", path.join(dir, "base.yaml")])).code).toBe(0);
  });

  /** Whichever landed, the database holds exactly that file: importing it again changes nothing. */
  async function expectExactly(file: string): Promise<void> {
    const before = await databaseFingerprint(db.database);
    expect(await cli(db.database, ["org", "import", file, "--lang", "en"])).toEqual({
      code: 0,
      out: ["No changes: the database already matches the file."],
      err: [],
    });
    expect(await databaseFingerprint(db.database)).toEqual(before);
  }

  it("when two imports run at once, then one lands whole and the other either follows it or writes nothing and says so", async () => {
    const [a, b] = await Promise.all([
      cli(db.database, ["org", "import", fileA, "--lang", "en"]),
      cli(db.database, ["org", "import", fileB, "--lang", "en"]),
    ]);
    const outcomes: [CliResult, string][] = [
      [a, fileA],
      [b, fileB],
    ];
    for (const [result, file] of outcomes) {
      if (result.code === 0) expect(result.out[0]).toBe("Imported Đảng bộ quận Long Biên:");
      else expect(result).toEqual({ code: 1, out: [], err: conflict(file) });
    }
    expect(a.code === 0 || b.code === 0).toBe(true);
    // The last to land is what the database holds.
    const landed = b.code === 0 && (a.code !== 0 || (await lastImported()) === "B") ? fileB : fileA;
    await expectExactly(landed);
  });

  async function lastImported(): Promise<"A" | "B"> {
    const unit = await db.database.prisma.unit.findFirstOrThrow({ where: { code: "GT-02" } });
    return unit.name.endsWith("(B)") ? "B" : "A";
  }

  it.skipIf(testDatabaseKind !== "postgres")(
    "when both have read the database before either writes (PostgreSQL), then the second to write changes nothing and says so, in Vietnamese too",
    async () => {
      const holder = new pg.Client({ connectionString: db.url });
      await holder.connect();
      try {
        await holder.query("SELECT pg_advisory_lock(72707371, hashtext('LB'))");
        const before = await databaseFingerprint(db.database);
        const running = [
          cli(db.database, ["org", "import", fileA, "--lang", "en"]),
          cli(db.database, ["org", "import", fileB]),
        ];
        // Both have planned against the same state and now wait for the lock the test holds.
        await until(async () => {
          const { rows } = await holder.query<{ n: number }>(
            "SELECT count(*)::int AS n FROM pg_locks WHERE locktype = 'advisory' AND classid = 72707371 AND NOT granted",
          );
          return rows[0]!.n === 2;
        });
        expect(await databaseFingerprint(db.database)).toEqual(before);
        await holder.query("SELECT pg_advisory_unlock(72707371, hashtext('LB'))");
        const [a, b] = (await Promise.all(running)) as [CliResult, CliResult];
        expect([a.code, b.code].sort()).toEqual([0, 1]);
        if (a.code === 1) {
          expect(a).toEqual({ code: 1, out: [], err: conflict(fileA) });
          await expectExactly(fileB);
        } else {
          expect(b).toEqual({
            code: 1,
            out: [],
            err: [
              `Lỗi: trong lúc nhập ${fileB}, một lần nhập khác đã thay đổi tổ chức này; lần nhập này không ghi gì. Xin đồng chí chạy lại lệnh: npm run cli -- org import ${fileB}`,
            ],
          });
          await expectExactly(fileA);
        }
        expect(await db.database.prisma.auditLog.count({ where: { action: "org.import" } })).toBe(2); // the plain file and the winner
      } finally {
        await holder.end();
      }
    },
  );
});

/** Awaits a condition on the database, checking again as soon as the previous check has answered. */
async function until(condition: () => Promise<boolean>, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error("condition not met in time");
    await new Promise((resolve) => setImmediate(resolve));
  }
}
