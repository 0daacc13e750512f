// Webhook mode on PostgreSQL (issue 16): updates per second handled end to end by one instance and by three
// behind a round-robin proxy, and the ratio between them, in the same run against the same emulator.
//
// The workload is the throughput suite's (bench/throughput.ts): N secretaries at once each share their
// contact, send a one-line report and press "✅ Xác nhận", waiting for each answer; 3 updates each.
// updates/s = 3N / (first contact sent → last "saved" message received). Each instance is the whole app
// (test/support/app-process.ts: createApp with WEBHOOK_URL) in its own process; the emulator posts every
// update to the proxy, which hands them to the instances in turn. Each run has a fresh database on the
// PostgreSQL server named by BENCH_DATABASE_URL, and must end with exactly N reports.
//
// On the 2-core machines here the instances, the database server, the emulator and the proxy share two
// cores: the ratio says what a second and third process add on one machine, not across machines.
import { mkdtempSync, rmSync } from "node:fs";
import { cpus, tmpdir } from "node:os";
import path from "node:path";
import { startBotApiEmulator } from "../src/emulator/index.js";
import { startInstance, type Instance } from "../test/support/app-instance.js";
import { freePort } from "../test/support/free-port.js";
import { startRoundRobinProxy } from "../test/support/round-robin-proxy.js";
import { createServerDatabase } from "../test/support/server-database.js";
import { envInt } from "./env.js";
import type { BenchContext, BenchResult, BenchRow, BenchSuite } from "./run.js";
import { clockStart, importOrg, productToken, productUserId, runSecretaries, verifyReports } from "./throughput.js";

const secretaries = envInt("BENCH_WEBHOOK_SECRETARIES", 300);
const secret = "bench-webhook-secret-0123456789abcdef";

interface Measured {
  instances: number;
  seconds: number;
  updates: number;
  served: number[];
}

async function measure(serverUrl: string, instances: number, log: BenchContext["log"]): Promise<Measured> {
  const dataDir = mkdtempSync(path.join(tmpdir(), "daihoi-bench-webhook-"));
  const db = await createServerDatabase(serverUrl, "daihoi_bench");
  const emulator = await startBotApiEmulator();
  const ports = await Promise.all(Array.from({ length: instances }, () => freePort()));
  const proxy = await startRoundRobinProxy(ports);
  let running: Instance[] = [];
  try {
    await importOrg(db.database, secretaries, dataDir);
    for (let i = 0; i < secretaries; i++) {
      const id = productUserId(i);
      emulator.registerChat({ id, type: "private", first_name: `Bí Thư ${i + 1}` });
    }
    const env = {
      TELEGRAM_BOT_TOKEN: productToken,
      TELEGRAM_API_ROOT: emulator.apiRoot,
      DATABASE_URL: db.url!,
      DATA_DIR: dataDir,
      START_AT: clockStart,
      WEBHOOK_URL: `http://127.0.0.1:${proxy.port}/telegram/hook`,
      WEBHOOK_SECRET: secret,
      LOG_LEVEL: "error",
    };
    running = await Promise.all(ports.map((port) => startInstance({ ...env, WEBHOOK_PORT: String(port) })));
    log(`${secretaries} secretaries, ${instances} instance(s)`);
    const outcome = await runSecretaries(emulator, productToken, productUserId, secretaries);
    const verified = await verifyReports(db.database, secretaries);
    if (verified.rows !== secretaries || verified.lost > 0 || verified.doubled > 0)
      throw new Error(`webhook, ${instances} instance(s): ${JSON.stringify(verified)} for ${secretaries} secretaries`);
    return { instances, seconds: outcome.seconds, updates: 3 * secretaries, served: [...proxy.served] };
  } finally {
    await Promise.all(running.map((instance) => instance.call({ type: "stop" }).catch(() => instance.child.kill())));
    await proxy.close();
    await emulator.close();
    await db.drop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

export const webhookSuite: BenchSuite = {
  name: "webhook",
  ownDatabases: true,
  async run({ log }): Promise<BenchResult> {
    const serverUrl = process.env.BENCH_DATABASE_URL;
    if (!serverUrl)
      return {
        rows: [],
        notes: ["webhook: not run; it needs PostgreSQL (BENCH_DATABASE_URL=postgres://…), as several instances do."],
      };
    const one = await measure(serverUrl, 1, log);
    const three = await measure(serverUrl, 3, log);
    const rate = (m: Measured) => m.updates / m.seconds;
    const rows: BenchRow[] = [
      {
        benchmark: "webhook, 1 instance (PostgreSQL), updates/s",
        messages: one.updates,
        seconds: one.seconds,
        rate: rate(one),
        goal: "",
      },
      {
        benchmark: "webhook, 3 instances behind a round-robin proxy, updates/s",
        messages: three.updates,
        seconds: three.seconds,
        rate: rate(three),
        goal: "",
        ratio: rate(three) / rate(one),
      },
    ];
    return {
      rows,
      notes: [
        `webhook: ${secretaries} secretaries × 3 updates (contact, one-line report, confirmation), all at once; ` +
          `ratio = 3 instances' updates/s ÷ 1 instance's, same run, ${cpus().length} cores shared by the instances, ` +
          `PostgreSQL, the emulator and the proxy. Posts per instance with 3: ${three.served.join(", ")} ` +
          "(the proxy's count: retries of refused posts included).",
      ],
    };
  },
};
