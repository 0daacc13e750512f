// `npm run bench`: runs the benchmarks in bench/ and prints one markdown table.
//
// Each suite gets a fresh, migrated database: embedded PGlite in memory by default, or a new database on
// the PostgreSQL server named by BENCH_DATABASE_URL (created here and dropped afterwards, as the tests do).
// Pick suites by name: `npm run bench -- delivery` (or chart, progress, throughput, import, web, webhook). The process's RSS is sampled during the whole run.
//
// To add a benchmark: export a BenchSuite from a file in bench/ and list it in `suites` below.
import { openDatabase, type Database } from "../src/db/client.js";
import { createServerDatabase } from "../test/support/server-database.js";
import { chartSuite } from "./chart.js";
import { deliverySuite } from "./delivery.js";
import { importScalingSuite } from "./import-scaling.js";
import { progressSuite } from "./progress.js";
import { throughputSuite } from "./throughput.js";
import { webSuite } from "./web.js";
import { webhookSuite } from "./webhook.js";

/** One line of the table. */
export interface BenchRow {
  benchmark: string;
  messages: number;
  seconds: number;
  /** Messages per second, as the benchmark defines it (say how in `notes`). */
  rate: number;
  /** e.g. "≥ 95% of 30/s"; empty when the row is a baseline or a diagnostic. */
  goal: string;
  /** Whether the goal was met; undefined when there is none. */
  met?: boolean;
  /** The row's rate against its baseline, e.g. 0.85. */
  ratio?: number;
  /** Flood-limit violations the emulator counted. */
  violations?: number;
}

export interface BenchResult {
  rows: BenchRow[];
  /** Printed under the table: definitions, breakdowns, findings. */
  notes: string[];
  /** Extra markdown tables a suite prints after the main one (e.g. progress aggregation, whose columns differ). */
  tables?: string[];
}

export interface BenchContext {
  /** A fresh, migrated database for this suite (closed/dropped by the runner). */
  database: Database;
  databaseKind: "pglite" | "postgres";
  /** Progress lines (stderr, so stdout stays the table). */
  log(line: string): void;
}

export type BenchSuite =
  | { name: string; ownDatabases?: false; run(context: BenchContext): Promise<BenchResult> }
  /** Opens its databases itself (in child processes): the runner opens none, so its RSS holds none. */
  | { name: string; ownDatabases: true; run(context: Pick<BenchContext, "log">): Promise<BenchResult> };

const suites: BenchSuite[] = [
  deliverySuite,
  chartSuite,
  progressSuite,
  throughputSuite,
  importScalingSuite,
  webSuite,
  webhookSuite,
];

interface BenchDatabase {
  database: Database;
  kind: "pglite" | "postgres";
  drop(): Promise<void>;
}

async function openBenchDatabase(): Promise<BenchDatabase> {
  const serverUrl = process.env.BENCH_DATABASE_URL;
  if (!serverUrl) {
    const database = await openDatabase({ kind: "pglite", dataDir: null });
    await database.migrate();
    return { database, kind: "pglite", drop: () => database.close() };
  }
  const created = await createServerDatabase(serverUrl, "daihoi_bench");
  return { database: created.database, kind: "postgres", drop: created.drop };
}

function startRssSampler(intervalMs = 25): { peak(): number; stop(): void } {
  let peak = process.memoryUsage().rss;
  const sample = () => {
    peak = Math.max(peak, process.memoryUsage().rss);
  };
  const timer = setInterval(sample, intervalMs);
  timer.unref();
  return {
    peak: () => {
      sample();
      return peak;
    },
    stop: () => clearInterval(timer),
  };
}

const number = (value: number, digits: number) =>
  value.toLocaleString("en-US", { minimumFractionDigits: digits, maximumFractionDigits: digits });

function table(rows: BenchRow[]): string {
  const header = ["benchmark", "messages", "seconds", "msg/s", "goal", "ratio vs baseline", "violations"];
  const lines = rows.map((row) => [
    row.benchmark,
    number(row.messages, 0),
    number(row.seconds, 2),
    number(row.rate, 1),
    row.goal ? `${row.goal} ${row.met === undefined ? "" : row.met ? "✅" : "❌"}`.trim() : "",
    row.ratio === undefined ? "" : `${number(row.ratio * 100, 0)}%`,
    row.violations === undefined ? "" : String(row.violations),
  ]);
  const align = ["---", "---:", "---:", "---:", "---", "---:", "---:"];
  return [header, align, ...lines].map((cells) => `| ${cells.join(" | ")} |`).join("\n");
}

async function main(): Promise<void> {
  const wanted = process.argv.slice(2).filter((arg) => !arg.startsWith("-"));
  const selected = wanted.length === 0 ? suites : suites.filter((suite) => wanted.includes(suite.name));
  if (selected.length === 0)
    throw new Error(`no such benchmark: ${wanted.join(", ")} (have: ${suites.map((s) => s.name).join(", ")})`);

  const rss = startRssSampler();
  const log = (line: string) => process.stderr.write(`[bench] ${line}\n`);
  const rows: BenchRow[] = [];
  const notes: string[] = [];
  const tables: string[] = [];
  let kind: BenchDatabase["kind"] | null = null;
  for (const suite of selected) {
    const suiteLog = (line: string) => log(`${suite.name}: ${line}`);
    const collect = (result: BenchResult) => {
      rows.push(...result.rows);
      notes.push(...result.notes);
      if (result.tables) tables.push("", ...result.tables);
    };
    if (suite.ownDatabases) {
      log(`${suite.name} (its own databases)`);
      collect(await suite.run({ log: suiteLog }));
      continue;
    }
    const opened = await openBenchDatabase();
    kind = opened.kind;
    log(`${suite.name} (database: ${opened.kind})`);
    try {
      collect(await suite.run({ database: opened.database, databaseKind: opened.kind, log: suiteLog }));
    } finally {
      await opened.drop();
    }
  }
  const peak = rss.peak();
  rss.stop();

  const out = [
    `## Benchmarks (${new Date().toISOString()}, Node ${process.version}, database: ${kind === null ? "see each table" : kind === "postgres" ? "PostgreSQL (BENCH_DATABASE_URL)" : "PGlite in memory"})`,
    "",
    table(rows),
    ...tables,
    "",
    `Peak RSS: ${number(peak / 1024 / 1024, 0)} MiB (process.memoryUsage().rss sampled every 25 ms over the whole run)`,
    ...(notes.length > 0 ? ["", ...notes.map((note) => `- ${note}`)] : []),
  ];
  process.stdout.write(`${out.join("\n")}\n`);
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  },
);
