// unit_progress is kept by the database from the reports (a statement trigger, and a backfill in its
// migration). Whatever writes the reports (the app one at a time, a bulk insert, writers at the same
// time), every row must say what the reports say. The oracle here reads the reports themselves and
// works it out in TypeScript, independently of the trigger's SQL.
import { cpSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Prisma } from "@prisma/client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../src/db/client.js";
import { applyMigrations, migrationsDir } from "../../src/db/migrate.js";
import { saveReport } from "../../src/db/report-store.js";
import { milestones, type Milestone } from "../../src/domain/levels.js";
import { importFixture } from "../support/roster.js";
import { createEmptyTestDatabase, createTestDatabase, type TestDatabase } from "../support/test-database.js";

interface ProgressLine {
  unitId: number;
  campaignId: number;
  planReportId: number | null;
  documentsReportId: number | null;
  personnelReportId: number | null;
  scheduledReportId: number | null;
  heldReportId: number | null;
  planEventDate: string | null;
  planRecordedAt: string | null;
  documentsEventDate: string | null;
  documentsRecordedAt: string | null;
  personnelEventDate: string | null;
  personnelRecordedAt: string | null;
  scheduledEventDate: string | null;
  scheduledRecordedAt: string | null;
  heldEventDate: string | null;
  heldRecordedAt: string | null;
  scheduledOn: string | null;
  heldOn: string | null;
  heldFirstAt: string | null;
  heldResults: unknown;
}

const day = (date: Date) => date.toISOString().slice(0, 10);

/** What the reports say, worked out one report at a time. */
async function expectedProgress(database: Database): Promise<ProgressLine[]> {
  const reports = await database.prisma.report.findMany({ orderBy: { id: "asc" } });
  const lines = new Map<string, ProgressLine>();
  for (const report of reports) {
    const key = `${report.unitId}:${report.campaignId}`;
    const line = lines.get(key) ?? {
      unitId: report.unitId,
      campaignId: report.campaignId,
      planReportId: null,
      documentsReportId: null,
      personnelReportId: null,
      scheduledReportId: null,
      heldReportId: null,
      planEventDate: null,
      planRecordedAt: null,
      documentsEventDate: null,
      documentsRecordedAt: null,
      personnelEventDate: null,
      personnelRecordedAt: null,
      scheduledEventDate: null,
      scheduledRecordedAt: null,
      heldEventDate: null,
      heldRecordedAt: null,
      scheduledOn: null,
      heldOn: null,
      heldFirstAt: null,
      heldResults: null,
    };
    lines.set(key, line);
    // Ascending ids: each report replaces the one before it for its milestone.
    const milestone = report.milestone as Milestone;
    line[`${milestone}ReportId` as const] = report.id;
    line[`${milestone}EventDate` as const] = report.eventDate && day(report.eventDate);
    line[`${milestone}RecordedAt` as const] = report.createdAt.toISOString();
    const date = day(report.eventDate ?? report.createdAt);
    if (report.milestone === "scheduled") line.scheduledOn = date;
    if (report.milestone === "held") {
      line.heldOn = date;
      line.heldResults = (report.payload as Record<string, unknown>).results ?? null;
      const at = report.createdAt.toISOString();
      if (line.heldFirstAt === null || at < line.heldFirstAt) line.heldFirstAt = at;
    }
  }
  return [...lines.values()].sort((a, b) => a.unitId - b.unitId || a.campaignId - b.campaignId);
}

async function storedProgress(database: Database): Promise<ProgressLine[]> {
  const rows = await database.prisma.unitProgress.findMany({ orderBy: [{ unitId: "asc" }, { campaignId: "asc" }] });
  // Dates (`…On`, `…EventDate`) as days, timestamps (`…At`) as instants, as the oracle writes them.
  const asText = (key: string, value: unknown) =>
    value instanceof Date ? (/(On|EventDate)$/.test(key) ? day(value) : value.toISOString()) : value;
  return rows.map(
    (row) =>
      ({
        ...Object.fromEntries(Object.entries(row).map(([key, value]) => [key, asText(key, value)])),
        heldResults: row.heldResults ?? null,
      }) as ProgressLine,
  );
}

/** A small deterministic generator, so a failure can be replayed. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state / 2_147_483_648;
  };
}

function results(rand: () => number): Prisma.InputJsonObject {
  const planned = 3 + Math.floor(rand() * 9);
  return {
    committeePlanned: planned,
    committeeElected: planned - (rand() < 0.2 ? 1 : 0),
    women: Math.floor(rand() * 3),
    delegates: 2,
  };
}

describe("unit progress (kept by the database from the reports)", () => {
  let db: TestDatabase;
  let units: { id: number; organizationId: number }[];
  let campaigns: number[];

  beforeAll(async () => {
    db = await createTestDatabase();
    await importFixture(db.database, "reporting-org.yaml");
    units = await db.database.prisma.unit.findMany({
      select: { id: true, organizationId: true },
      orderBy: { id: "asc" },
    });
    const active = await db.database.prisma.campaign.findFirstOrThrow({
      where: { organizationId: units[0]!.organizationId },
    });
    // A second, older campaign of the same organisation: its reports must stay in its own rows.
    const older = await db.database.prisma.campaign.create({
      data: { organizationId: active.organizationId, name: "Nhiệm kỳ 2015-2020", active: false },
    });
    campaigns = [active.id, older.id];
  });

  afterAll(async () => {
    await db?.drop();
  });

  it("when reports arrive one at a time, in bulk and from writers at the same time, with corrections, then each unit's row says what its reports say", async () => {
    const prisma = db.database.prisma;
    const rand = random(20_201_201);
    const pick = <T>(list: readonly T[]) => list[Math.floor(rand() * list.length)]!;
    const recordedAt = (n: number) => new Date(Date.UTC(2020, 1, 1 + (n % 50), 2 + (n % 12)));
    let n = 0;
    const appReport = () => {
      const unit = pick(units);
      const milestone = pick(milestones) as Milestone;
      n++;
      return saveReport(prisma, {
        organizationId: unit.organizationId,
        campaignId: pick(campaigns),
        unitId: unit.id,
        milestone,
        eventDate: rand() < 0.8 ? `2020-03-${String(1 + Math.floor(rand() * 28)).padStart(2, "0")}` : null,
        payload: milestone === "held" && rand() < 0.9 ? { results: results(rand) } : {},
        authorId: null,
        onBehalf: false,
        late: false,
        source: "cli",
        requestKey: null,
        actor: "test",
        recordedAt: recordedAt(n),
      });
    };

    // One at a time, as the bot writes them (a unit's second report of a milestone is a correction).
    for (let i = 0; i < 60; i++) expect((await appReport()).saved).toBe(true);
    expect(await storedProgress(db.database)).toEqual(await expectedProgress(db.database));

    // In bulk: one INSERT of many rows, several of them for the same unit and milestone.
    const bulk = Array.from({ length: 150 }, () => {
      const unit = pick(units);
      const milestone = pick(milestones) as Milestone;
      n++;
      return {
        organizationId: unit.organizationId,
        campaignId: pick(campaigns),
        unitId: unit.id,
        milestone,
        eventDate: rand() < 0.5 ? new Date(Date.UTC(2020, 2, 1 + Math.floor(rand() * 28))) : null,
        payload: milestone === "held" ? { results: results(rand) } : {},
        source: "cli" as const,
        createdAt: recordedAt(n),
      };
    });
    await prisma.report.createMany({ data: bulk });
    expect(await storedProgress(db.database)).toEqual(await expectedProgress(db.database));

    // Writers at the same time (on PostgreSQL these are concurrent transactions on the pool).
    const outcomes = await Promise.allSettled(Array.from({ length: 40 }, () => appReport()));
    // Two corrections of the same report at once: one of them is refused (supersedesId is unique), never both kept.
    expect(outcomes.filter((outcome) => outcome.status === "fulfilled").length).toBeGreaterThan(20);
    const expected = await expectedProgress(db.database);
    expect(await storedProgress(db.database)).toEqual(expected);

    // The oracle saw every campaign, every milestone, corrections and reports without a date.
    expect(new Set(expected.map((line) => line.campaignId)).size).toBe(2);
    expect(expected.some((line) => line.heldResults !== null)).toBe(true);
    expect(await prisma.report.count({ where: { supersedesId: { not: null } } })).toBeGreaterThan(10);
    expect(await prisma.report.count({ where: { eventDate: null } })).toBeGreaterThan(10);
  });

  it("when a report's unit is deleted, then its row goes with it", async () => {
    const prisma = db.database.prisma;
    const unit = await prisma.unit.findFirstOrThrow({
      where: { progress: { some: {} }, children: { none: {} } },
      orderBy: { id: "desc" },
    });
    await prisma.$transaction([
      prisma.difficulty.deleteMany({ where: { unitId: unit.id } }),
      prisma.unit.delete({ where: { id: unit.id } }),
    ]);
    expect(await prisma.unitProgress.count({ where: { unitId: unit.id } })).toBe(0);
    expect(await storedProgress(db.database)).toEqual(await expectedProgress(db.database));
  });
});

describe("unit progress migrations", () => {
  // The first creates the rows from the reports; the second adds each milestone's dates to rows the
  // first trigger folded without them.
  it.each(["_unit_progress", "_unit_progress_dates"])(
    "when a database that already holds reports is migrated past %s, then its rows are folded from those reports",
    async (suffix) => {
      const all = readdirSync(migrationsDir)
        .filter((name) => /^\d{14}_/.test(name))
        .sort();
      const own = all.find((name) => name.endsWith(suffix))!;
      const before = mkdtempSync(path.join(tmpdir(), "migrations-"));
      for (const name of all.filter((name) => name < own))
        cpSync(path.join(migrationsDir, name), path.join(before, name), { recursive: true });
      const empty = await createEmptyTestDatabase();
      const database = empty.database;
      try {
        await applyMigrations(database.sql, before);
        await database.sql.exec(`
          INSERT INTO organizations (id, code, name, "updatedAt") VALUES (1, 'LB', 'Long Biên', now());
          INSERT INTO campaigns (id, "organizationId", name, "updatedAt") VALUES (1, 1, 'Nhiệm kỳ 2020-2025', now()), (2, 1, 'Nhiệm kỳ 2015-2020', now());
          INSERT INTO units (id, "organizationId", code, name, level, path, depth, "updatedAt")
            SELECT u, 1, 'U' || u, 'Đơn vị ' || u, 'cell', '/' || u || '/', 0, now() FROM generate_series(1, 30) u;
          INSERT INTO reports ("organizationId", "campaignId", "unitId", milestone, "eventDate", payload, source, "createdAt")
            SELECT 1, 1 + (g / 30) % 2, 1 + (g * 7) % 30, (ARRAY['plan', 'documents', 'personnel', 'scheduled', 'held'])[1 + g % 5]::"Milestone",
                   CASE WHEN g % 3 = 0 THEN NULL ELSE DATE '2020-03-01' + g % 20 END,
                   CASE WHEN g % 5 = 4 THEN jsonb_build_object('results', jsonb_build_object('committeePlanned', 5, 'committeeElected', 5 - g % 2)) ELSE '{}' END,
                   'cli', TIMESTAMP '2020-02-01 03:00' + g * INTERVAL '7 hours'
            FROM generate_series(1, 400) g;`);
        const report = await applyMigrations(database.sql);
        expect(report.applied).toContain(own);
        const expected = await expectedProgress(database);
        expect(expected.length).toBeGreaterThan(30);
        expect(await storedProgress(database)).toEqual(expected);
      } finally {
        await empty.drop();
        rmSync(before, { recursive: true, force: true });
      }
    },
    60_000,
  );
});
