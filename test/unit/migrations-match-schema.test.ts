// The committed migrations must build exactly the database that prisma/schema.prisma describes:
// a schema change without its migration (or an edited migration) fails here.
import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { openDatabase, type Database } from "../../src/db/client.js";

const root = new URL("../..", import.meta.url).pathname;

async function catalog(database: Database): Promise<string[]> {
  const rows = await database.sql.query(`
    SELECT 'column ' || table_name || '.' || column_name || ' ' || data_type || ' ' || udt_name || ' ' || is_nullable || ' ' || coalesce(column_default, '') AS item
      FROM information_schema.columns WHERE table_schema = 'public' AND table_name <> '_prisma_migrations'
    UNION ALL
    SELECT 'index ' || indexname || ' ' || indexdef FROM pg_indexes WHERE schemaname = 'public' AND tablename <> '_prisma_migrations'
    UNION ALL
    SELECT 'constraint ' || conname || ' ' || pg_get_constraintdef(oid) FROM pg_constraint
      WHERE connamespace = 'public'::regnamespace AND conrelid::regclass::text <> '_prisma_migrations'
    UNION ALL
    SELECT 'enum ' || t.typname || ' ' || string_agg(e.enumlabel, ',' ORDER BY e.enumsortorder)
      FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid GROUP BY t.typname
    ORDER BY 1`);
  return rows.map((row) => String(row.item));
}

describe("migrations", () => {
  it("when all migrations are applied, then the database matches the Prisma schema", async () => {
    const diff = spawnSync(
      process.execPath,
      [
        "scripts/prisma.mjs",
        "migrate",
        "diff",
        "--from-empty",
        "--to-schema-datamodel",
        "prisma/schema.prisma",
        "--script",
      ],
      { cwd: root, encoding: "utf8" },
    );
    expect(diff.status, diff.stderr).toBe(0);

    const fromSchema = await openDatabase({ kind: "pglite", dataDir: null });
    const fromMigrations = await openDatabase({ kind: "pglite", dataDir: null });
    try {
      await fromSchema.sql.exec(diff.stdout);
      const report = await fromMigrations.migrate();
      expect(report.applied.length).toBeGreaterThan(0);
      const expected = await catalog(fromSchema);
      expect(expected.length).toBeGreaterThan(100);
      const actual = await catalog(fromMigrations);
      expect(actual.filter((item) => !expected.includes(item))).toEqual([]);
      expect(expected.filter((item) => !actual.includes(item))).toEqual([]);
    } finally {
      await fromSchema.close();
      await fromMigrations.close();
    }
  });
});
