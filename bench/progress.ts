// Progress aggregation at national scale (issue 5, "Done when"): a generated country of 63 provinces,
// 700 districts, 50,000 grassroots organisations (5,000 partial committees), 300,000 cells and ~1.5
// million report events, built with set-based SQL (generate_series, INSERT … SELECT), then, on PGlite and
// on PostgreSQL in the same run:
//   1. a district's digest, everything the 17:00 message needs (roll-up with grassroots bars, named
//      lists, election statistics, built and rendered): goal ≤ 50 ms;
//   2. the national roll-up (counts per level and per province, election statistics): goal ≤ 2 s on
//      PostgreSQL;
//   3. a naive version measured in the same run: walk the tree one unit at a time (its children, its
//      reports, its open difficulties: 3 queries per unit), the way an ORM loop would. For a district it
//      runs in full; for the country it is time-boxed to a sample of districts and extrapolated linearly
//      by unit count (the naive cost is per unit);
//   4. the peak RSS (sampled every 25 ms) of the process doing 1 and 2: each database's pass runs in
//      three child processes of its own (bench/progress-pass.ts): one generates the country into a
//      database on disk, a fresh one opens it as the bot does and runs 1 and 2, a third runs 3; so neither
//      the other database, nor the bulk load, nor the baseline is counted in the measured figure. The
//      embedded database's figure includes its engine.
// PROGRESS_BENCH_SCALE=0.1 builds a tenth of the country (same 63 provinces) for a quick run.
import { performance } from "node:perf_hooks";
import type { PrismaClient } from "@prisma/client";
import type { Database } from "../src/db/client.js";
import { loadDigestData } from "../src/db/digest-store.js";
import { loadElectionStats, loadUnitsRollup } from "../src/db/progress-rollup.js";
import { buildDigest } from "../src/domain/digest.js";
import { emptyCounts, levelTotals, type ProgressCounts } from "../src/domain/progress-rollup.js";
import { createI18n, translatorFor } from "../src/i18n.js";
import { renderDigest } from "../src/render/digest-text.js";
import { createServerDatabase } from "../test/support/server-database.js";
import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { BenchContext, BenchResult, BenchRow, BenchSuite } from "./run.js";

const scale = (() => {
  const value = Number(process.env.PROGRESS_BENCH_SCALE ?? "1");
  return Number.isFinite(value) && value > 0 && value <= 1 ? value : 1;
})();
const shape = {
  provinces: 63,
  districts: Math.max(63, Math.round(700 * scale)),
  grassroots: Math.max(700, Math.round(50_000 * scale)),
  cells: Math.max(4_200, Math.round(300_000 * scale)),
};
const partials = Math.floor(shape.grassroots / 10);
const today = "2020-04-20";
/** Seconds the naive national walk may take before it stops and is extrapolated. */
const naiveBudgetSeconds = Number(process.env.PROGRESS_BENCH_NAIVE_SECONDS ?? "20");
const localServer = "postgres://postgres@127.0.0.1:5432/test";

/**
 * The country, built in a handful of INSERT … SELECT statements; ids are chosen so paths are computed, not
 * looked up. Each level's units are numbered parent by parent (a district's grassroots organisations are
 * consecutive, so are its cells), as an organisation file's import writes them; reports, and so the
 * unit_progress rows, land in no such order.
 */
export async function generateCountry(
  database: Database,
  log: (line: string) => void,
): Promise<{ units: number; reports: number }> {
  const { provinces: P, districts: D, grassroots: G, cells: C } = shape;
  const district0 = P;
  const grassroots0 = P + D;
  const partial0 = P + D + G;
  const cell0 = P + D + G + partials;
  const started = performance.now();
  await database.sql.exec(`
    INSERT INTO organizations (id, code, name, "updatedAt")
      SELECT p, 'T' || p, 'Đảng bộ tỉnh ' || p, now() FROM generate_series(1, ${P}) p;
    INSERT INTO campaigns (id, "organizationId", name, "updatedAt")
      SELECT p, p, 'Đại hội đảng bộ các cấp nhiệm kỳ 2020-2025', now() FROM generate_series(1, ${P}) p;
    INSERT INTO campaign_deadlines ("campaignId", level, milestone, "dueDate")
      SELECT p, l.level::"UnitLevel", 'held', l.due::date FROM generate_series(1, ${P}) p,
        (VALUES ('cell', '2020-03-31'), ('partial', '2020-04-15'), ('grassroots', '2020-06-10'), ('district', '2020-07-31'), ('province', '2020-10-15')) l(level, due);
    INSERT INTO units (id, "organizationId", code, name, level, "parentId", path, depth, position, "updatedAt")
      SELECT p, p, 'T' || p, 'Đảng bộ tỉnh ' || p, 'province', NULL, '/' || p || '/', 0, p, now() FROM generate_series(1, ${P}) p;
    INSERT INTO units (id, "organizationId", code, name, level, "parentId", path, depth, position, "updatedAt")
      SELECT ${district0} + d, pr, 'H' || d, 'Đảng bộ huyện ' || d, 'district', pr, '/' || pr || '/' || (${district0} + d) || '/', 1, ${district0} + d, now()
      FROM generate_series(1, ${D}) d, LATERAL (SELECT ((d - 1) * ${P} / ${D}) + 1 AS pr) x;
    INSERT INTO units (id, "organizationId", code, name, level, "parentId", path, depth, position, "updatedAt")
      SELECT ${grassroots0} + g, du."organizationId", 'G' || g, 'Đảng bộ cơ sở ' || g, 'grassroots', du.id, du.path || (${grassroots0} + g) || '/', 2, ${grassroots0} + g, now()
      FROM generate_series(1, ${G}) g JOIN units du ON du.id = ${district0} + ((g - 1)::bigint * ${D} / ${G}) + 1;
    INSERT INTO units (id, "organizationId", code, name, level, "parentId", path, depth, position, "updatedAt")
      SELECT ${partial0} + b, gu."organizationId", 'B' || b, 'Đảng bộ bộ phận ' || b, 'partial', gu.id, gu.path || (${partial0} + b) || '/', 3, ${partial0} + b, now()
      FROM generate_series(1, ${partials}) b JOIN units gu ON gu.id = ${grassroots0} + b * 10;
    INSERT INTO units (id, "organizationId", code, name, level, "parentId", path, depth, position, "updatedAt")
      SELECT ${cell0} + c, pu."organizationId", 'C' || c, 'Chi bộ ' || c, 'cell', pu.id, pu.path || (${cell0} + c) || '/', pu.depth + 1, ${cell0} + c, now()
      FROM generate_series(1, ${C}) c
        CROSS JOIN LATERAL (SELECT ((c - 1)::bigint * ${G} / ${C}) + 1 AS gi) x
        JOIN units pu ON pu.id = CASE WHEN x.gi % 10 = 0 AND c % 2 = 0 THEN ${partial0} + x.gi / 10 ELSE ${grassroots0} + x.gi END;
    SELECT setval(pg_get_serial_sequence('units', 'id'), (SELECT max(id) FROM units));
    SELECT setval(pg_get_serial_sequence('organizations', 'id'), ${P});
    SELECT setval(pg_get_serial_sequence('campaigns', 'id'), ${P});
  `);
  log(`units generated in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  // Every unit has a plan; fewer have each later milestone. Every 7th held congress elects one short.
  await database.sql.exec(`
    INSERT INTO reports ("organizationId", "campaignId", "unitId", milestone, "eventDate", payload, source, "createdAt")
      SELECT u."organizationId", u."organizationId", u.id, m.milestone::"Milestone",
             DATE '2020-02-01' + (u.id % 60),
             CASE WHEN m.milestone = 'held' THEN jsonb_build_object('results', jsonb_build_object(
               'committeePlanned', 3 + u.id % 5, 'committeeElected', 3 + u.id % 5 - CASE WHEN u.id % 7 = 0 THEN 1 ELSE 0 END,
               'standingElected', NULL, 'women', u.id % 3, 'underThirtyFive', u.id % 2, 'reElected', 1 + u.id % 2,
               'secretaryDirect', u.id % 4 = 0, 'oneRound', u.id % 6 <> 0, 'delegates', 2 + u.id % 3,
               'summoned', NULL, 'present', NULL, 'note', NULL)) ELSE '{}'::jsonb END,
             'cli', TIMESTAMP '2020-02-01 03:00' + (u.id % 60) * INTERVAL '1 day'
      FROM units u
      JOIN (VALUES ('plan', 100), ('documents', 97), ('personnel', 88), ('scheduled', 74), ('held', 58)) m(milestone, pct)
        ON (u.id * 37 + length(m.milestone) * 11) % 100 < m.pct;
    -- Corrections: a later event superseding a fifth of the held reports and a tenth of the schedules.
    INSERT INTO reports ("organizationId", "campaignId", "unitId", milestone, "eventDate", payload, source, "supersedesId", "createdAt")
      SELECT r."organizationId", r."campaignId", r."unitId", r.milestone, r."eventDate" + 1,
             CASE WHEN r.milestone = 'held' THEN jsonb_set(r.payload, '{results,women}', to_jsonb(1 + r."unitId" % 3)) ELSE r.payload END,
             'cli', r.id, r."createdAt" + INTERVAL '2 days'
      FROM reports r
      WHERE (r.milestone = 'held' AND r."unitId" % 5 = 0) OR (r.milestone = 'scheduled' AND r."unitId" % 10 = 3);
    INSERT INTO difficulties ("unitId", text, "openedAt")
      SELECT id, 'Khó khăn ' || id, TIMESTAMP '2020-03-01' FROM units WHERE id % 97 = 0;
    ANALYZE;
  `);
  const [counts] = await database.sql.query(
    `SELECT (SELECT count(*) FROM units)::int AS units, (SELECT count(*) FROM reports)::int AS reports`,
  );
  log(
    `generated ${counts!.units} units and ${counts!.reports} reports in ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );
  return { units: Number(counts!.units), reports: Number(counts!.reports) };
}

/** The naive way: one unit at a time, 3 queries each (children, reports, open difficulties). */
async function naiveWalk(
  prisma: PrismaClient,
  rootIds: number[],
  deadline: number,
): Promise<{ units: number; counts: Map<string, ProgressCounts>; complete: boolean }> {
  const counts = new Map<string, ProgressCounts>();
  let units = 0;
  const queue = [...rootIds];
  while (queue.length > 0) {
    if (performance.now() > deadline) return { units, counts, complete: false };
    const id = queue.shift()!;
    const [unit, children, reports, open] = await Promise.all([
      prisma.unit.findUniqueOrThrow({ where: { id }, select: { level: true, organizationId: true } }),
      prisma.unit.findMany({ where: { parentId: id, archivedAt: null }, select: { id: true }, orderBy: { id: "asc" } }),
      prisma.report.findMany({ where: { unitId: id }, select: { milestone: true } }),
      prisma.difficulty.count({ where: { unitId: id, resolvedAt: null } }),
    ]);
    queue.push(...children.map((child) => child.id));
    if (rootIds.includes(id)) continue; // roots are not counted, as in the roll-up of a unit's subtree
    units++;
    const line = counts.get(unit.level) ?? emptyCounts();
    const done = new Set(reports.map((report) => report.milestone));
    line.total++;
    if (done.has("held")) line.held++;
    else if (done.has("scheduled")) line.scheduled++;
    if (open > 0) line.withDifficulties++;
    line.openDifficulties += open;
    counts.set(unit.level, line);
  }
  return { units, counts, complete: true };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

async function timed<T>(fn: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const started = performance.now();
  const value = await fn();
  return { ms: performance.now() - started, value };
}

function startRss(): { peak(): number; stop(): void } {
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 25);
  timer.unref();
  return { peak: () => Math.max(peak, process.memoryUsage().rss), stop: () => clearInterval(timer) };
}

export interface GenerateResult {
  generated: { units: number; reports: number };
  generateSeconds: number;
  generatePeakRssMiB: number;
}

export interface MeasureResult extends GenerateResult {
  kind: "pglite" | "postgres";
  digestMs: number;
  digestP95Ms: number;
  district: { id: number; units: number; cells: { held: number; total: number } };
  nationalMs: number;
  /** Peak RSS of the measuring process (the set-based queries only). */
  peakRssMiB: number;
  checks: string[];
}

export interface KindResult extends MeasureResult {
  naiveDistrictMs: number;
  naiveNational: { units: number; seconds: number; extrapolatedSeconds: number; complete: boolean };
  naivePeakRssMiB: number;
}

/** The generating step, in a process of its own: bulk-loading 1.5 million rows is not what the bot does. */
export async function generate(database: Database, log: (line: string) => void): Promise<GenerateResult> {
  const rss = startRss();
  const started = performance.now();
  const generated = await generateCountry(database, log);
  const generateSeconds = (performance.now() - started) / 1000;
  rss.stop();
  return { generated, generateSeconds, generatePeakRssMiB: rss.peak() / 1024 / 1024 };
}

/** The measuring step, in a fresh process that opens the generated database as the bot would. */
export async function measure(
  database: Database,
  kind: MeasureResult["kind"],
  generation: GenerateResult,
): Promise<MeasureResult> {
  const rss = startRss();
  const prisma = database.prisma;
  const translate = translatorFor(createI18n({ defaultLocale: "vi" }), "vi");
  const checks: string[] = [];

  // 1. District digests: every 35th district, 20 of them, after five others as a warm-up (the bot is a
  // long-running process: its code, Prisma's and the embedded engine's WebAssembly are compiled and
  // optimised by then; the measured districts' pages are still cold).
  const districts = Array.from({ length: 20 }, (_, i) => shape.provinces + 1 + ((i * 35) % shape.districts));
  const warmUp = Array.from({ length: 5 }, (_, i) => shape.provinces + 1 + ((i * 35 + 17) % shape.districts));
  const digestOf = async (id: number) => {
    const data = await loadDigestData(prisma, id, {
      today,
      since: new Date("2020-04-19T10:00:00Z"),
      horizonDays: 7,
      timeZone: "Asia/Ho_Chi_Minh",
    });
    const digest = buildDigest({ ...data!, today });
    return renderDigest(translate, "vi", { unitName: data!.top.name, date: today, time: "17:00" }, digest);
  };
  for (const id of warmUp) await digestOf(id);
  const digestTimes: number[] = [];
  for (const id of districts) digestTimes.push((await timed(() => digestOf(id))).ms);
  const sortedDigest = [...digestTimes].sort((a, b) => a - b);
  const districtUnits = Number(
    (
      await database.sql.query(
        `SELECT count(*)::int AS n FROM units WHERE path LIKE (SELECT path FROM units WHERE id = ${districts[0]}) || '%' AND id <> ${districts[0]}`,
      )
    )[0]!.n,
  );
  // The first district's cell counts, for the naive step to compare with.
  const rollupDistrict = await loadUnitsRollup(
    prisma,
    (await prisma.unit.findMany({ where: { parentId: districts[0]! }, select: { id: true } })).map((u) => u.id),
    { today },
  );
  const cellsSet = levelTotals(rollupDistrict.rows).find(
    (line) => line.level === "cell" && line.kind === undefined,
  )!.counts;

  // 2. National roll-up: the 63 provinces with their subtrees, and the election statistics.
  const provinceIds = Array.from({ length: shape.provinces }, (_, i) => i + 1);
  const national = async () => {
    const [rollup, elections] = await Promise.all([
      loadUnitsRollup(prisma, provinceIds, { today }),
      loadElectionStats(prisma, provinceIds),
    ]);
    return { levels: levelTotals(rollup.rows), elections };
  };
  await national();
  const nationalRuns: number[] = [];
  let nationalValue: Awaited<ReturnType<typeof national>> | null = null;
  for (let run = 0; run < 3; run++) {
    const result = await timed(national);
    nationalRuns.push(result.ms);
    nationalValue = result.value;
  }
  const cellsNational = nationalValue!.levels.find((line) => line.level === "cell" && line.kind === undefined)!.counts;
  const cellElections = nationalValue!.elections.levels.find((line) => line.level === "cell")!;
  checks.push(
    `${kind}: national cells held ${cellsNational.held}/${cellsNational.total}, cell congresses with results ${cellElections.withResults}, women ${cellElections.women}/${cellElections.committeeElected} elected`,
  );

  rss.stop();
  return {
    ...generation,
    kind,
    digestMs: median(digestTimes),
    digestP95Ms: sortedDigest[Math.min(sortedDigest.length - 1, Math.ceil(sortedDigest.length * 0.95) - 1)]!,
    district: { id: districts[0]!, units: districtUnits, cells: { held: cellsSet.held, total: cellsSet.total } },
    nationalMs: median(nationalRuns),
    peakRssMiB: rss.peak() / 1024 / 1024,
    checks,
  };
}

/** The baseline step, in a process of its own: the naive walk, for a district in full and for the country time-boxed. */
export async function measureNaive(database: Database, measured: MeasureResult): Promise<KindResult> {
  const rss = startRss();
  const prisma = database.prisma;
  const district = measured.district;
  const naiveDistrict = await timed(() => naiveWalk(prisma, [district.id], Number.POSITIVE_INFINITY));
  const cellsNaive = naiveDistrict.value.counts.get("cell")!;
  const equal = district.cells.held === cellsNaive.held && district.cells.total === cellsNaive.total;
  const check = `${measured.kind}: district ${district.id} cells held ${district.cells.held}/${district.cells.total} set-based, ${cellsNaive.held}/${cellsNaive.total} naive${equal ? " (equal)" : " (DIFFERENT)"}`;

  // Naive national, time-boxed: districts one after another until the budget is spent.
  const naiveStarted = performance.now();
  let naiveUnits = 0;
  let complete = true;
  for (let d = 1; d <= shape.districts; d++) {
    const walk = await naiveWalk(prisma, [shape.provinces + d], naiveStarted + naiveBudgetSeconds * 1000);
    naiveUnits += walk.units + 1;
    if (!walk.complete) {
      complete = false;
      break;
    }
  }
  const naiveSeconds = (performance.now() - naiveStarted) / 1000;
  const extrapolatedSeconds = complete ? naiveSeconds : (naiveSeconds / naiveUnits) * measured.generated.units;
  rss.stop();
  return {
    ...measured,
    checks: [check, ...measured.checks],
    naiveDistrictMs: naiveDistrict.ms,
    naiveNational: { units: naiveUnits, seconds: naiveSeconds, extrapolatedSeconds, complete },
    naivePeakRssMiB: rss.peak() / 1024 / 1024,
  };
}

const passEntry = fileURLToPath(new URL("./progress-pass.ts", import.meta.url));

/** Runs one step of a pass in a child process of its own; resolves with its exit code. */
function runStep(args: string[], log: (line: string) => void): Promise<{ code: number | null; errors: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", passEntry, ...args], {
      stdio: ["ignore", "inherit", "pipe"],
      env: process.env,
    });
    let errors = "";
    child.stderr!.on("data", (chunk) => {
      errors += String(chunk);
      for (const line of String(chunk).split("\n").filter(Boolean)) log(line);
    });
    child.on("error", reject);
    child.on("exit", (code) => resolve({ code, errors }));
  });
}

/**
 * One database's pass: a child process generates the country into a database on disk (PGlite in a
 * scratch directory, or a scratch database on the server), then a fresh child process opens it and
 * measures, so the measured peak RSS is that of a process serving the data, not of the bulk load.
 * Null (and a log line) when PostgreSQL is not reachable.
 */
async function runPass(kind: "pglite" | "postgres", log: (line: string) => void): Promise<KindResult | null> {
  const dir = mkdtempSync(path.join(tmpdir(), "daihoi-bench-"));
  const out = path.join(dir, "result.json");
  let server: Awaited<ReturnType<typeof createServerDatabase>> | null = null;
  try {
    if (kind === "postgres") {
      try {
        server = await createServerDatabase(process.env.BENCH_DATABASE_URL ?? localServer, "daihoi_bench");
      } catch (error) {
        log(`no PostgreSQL pass (${error instanceof Error ? error.message : String(error)}); its rows are left out`);
        return null;
      }
    }
    const where = server ? server.url : path.join(dir, "pglite");
    for (const step of ["generate", "measure", "naive"]) {
      const { code, errors } = await runStep([step, kind, where, out], log);
      if (code !== 0)
        throw new Error(`the ${kind} pass failed in its ${step} step (exit ${code}):\n${errors.slice(-2000)}`);
    }
    return JSON.parse(readFileSync(out, "utf8")) as KindResult;
  } finally {
    await server?.drop();
    rmSync(dir, { recursive: true, force: true });
  }
}

const fmt = (value: number, digits = 0) =>
  value.toLocaleString("en-US", { minimumFractionDigits: digits, maximumFractionDigits: digits });

export const progressSuite: BenchSuite = {
  name: "progress",
  ownDatabases: true,
  async run(context: Pick<BenchContext, "log">): Promise<BenchResult> {
    const results: KindResult[] = [];
    for (const kind of ["postgres", "pglite"] as const) {
      context.log(
        `${kind}: generating ${fmt(shape.provinces)} provinces, ${fmt(shape.districts)} districts, ${fmt(shape.grassroots)} grassroots, ${fmt(shape.cells)} cells`,
      );
      const result = await runPass(kind, (line) => context.log(`${kind}: ${line}`));
      if (result) results.push(result);
    }
    const rows: BenchRow[] = [];
    const lines = [
      "| database | units / reports | generate: time, peak RSS | district digest, median (p95) | goal | naive district (ratio) | national roll-up | goal | naive national (extrapolated) (ratio) | peak RSS, measuring |",
      "|---|---:|---:|---:|---|---:|---:|---|---:|---:|",
    ];
    for (const r of results) {
      const digestMet = r.digestMs <= 50;
      const nationalMet = r.kind === "postgres" ? r.nationalMs <= 2000 : undefined;
      lines.push(
        `| ${r.kind} | ${fmt(r.generated.units)} / ${fmt(r.generated.reports)} | ${fmt(r.generateSeconds, 1)} s, ${fmt(r.generatePeakRssMiB)} MiB | ${fmt(r.digestMs, 1)} ms (${fmt(r.digestP95Ms, 1)}) | ≤ 50 ms ${digestMet ? "✅" : "❌"} | ${fmt(r.naiveDistrictMs)} ms (${fmt(r.naiveDistrictMs / r.digestMs, 1)}×) | ${fmt(r.nationalMs)} ms | ${r.kind === "postgres" ? `≤ 2 s ${nationalMet ? "✅" : "❌"}` : "(goal on PostgreSQL)"} | ${fmt(r.naiveNational.extrapolatedSeconds, 0)} s${r.naiveNational.complete ? "" : "*"} (${fmt((r.naiveNational.extrapolatedSeconds * 1000) / r.nationalMs, 0)}×) | ${fmt(r.peakRssMiB)} MiB ${r.peakRssMiB <= 500 ? "✅" : "❌"} |`,
      );
      rows.push({
        benchmark: `progress: district digest (${r.kind}, ${fmt(r.district.units)} units)`,
        messages: r.district.units,
        seconds: r.digestMs / 1000,
        rate: r.district.units / (r.digestMs / 1000),
        goal: "≤ 50 ms",
        met: digestMet,
        ratio: r.naiveDistrictMs / r.digestMs,
      });
      rows.push({
        benchmark: `progress: national roll-up (${r.kind}, ${fmt(r.generated.units)} units)`,
        messages: r.generated.units,
        seconds: r.nationalMs / 1000,
        rate: r.generated.units / (r.nationalMs / 1000),
        goal: r.kind === "postgres" ? "≤ 2 s" : "",
        ...(nationalMet !== undefined && { met: nationalMet }),
        ratio: (r.naiveNational.extrapolatedSeconds * 1000) / r.nationalMs,
      });
    }
    return {
      rows,
      tables: [
        `### Progress aggregation (scale ${scale}: ${fmt(shape.provinces)} provinces, ${fmt(shape.districts)} districts, ${fmt(shape.grassroots)} grassroots, ${fmt(partials)} partial committees, ${fmt(shape.cells)} cells)`,
        "",
        ...lines,
      ],
      notes: [
        "progress rows: 'messages' is the number of units aggregated, msg/s is units per second; 'ratio vs baseline' is how many times faster than the naive query-per-unit walk measured in the same run (3 queries per unit).",
        `District digest: loadDigestData (roll-up with grassroots bars, named lists, election statistics, each overdue unit judged by its checklist) + buildDigest + renderDigest, median of 20 districts after a warm-up on 5 others. National roll-up: per-level and per-province counts of all units plus the election statistics, median of 3 runs after a warm-up.`,
        `Naive national (*): time-boxed to ${naiveBudgetSeconds} s, walking whole districts one after another, then extrapolated linearly to all units (its cost is per unit: 3 queries each).`,
        ...results.map(
          (r) =>
            `${r.kind}: naive national walked ${fmt(r.naiveNational.units)} units in ${fmt(r.naiveNational.seconds, 1)} s${r.naiveNational.complete ? " (complete)" : ""}.`,
        ),
        ...results.flatMap((r) => r.checks),
        "Peak RSS is sampled every 25 ms. Each database's pass runs in three processes of its own (bench/progress-pass.ts): one generates the country into a database on disk (a scratch PGlite directory, or a scratch database on the server); a fresh one opens it as the bot does and runs the digests and the national roll-up ('peak RSS, measuring': Node, Prisma, the queries' results and, for PGlite, the embedded database engine; its files stay on disk); a third runs the naive walk.",
        ...results.map((r) => `${r.kind}: peak RSS of the naive walk's process ${fmt(r.naivePeakRssMiB)} MiB.`),
      ],
    };
  },
};
