// The sandbox as `npm start` runs it: prints where the page is, stops cleanly on SIGINT/SIGTERM.
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { Config } from "../config.js";
import { DataDirLockedError } from "../db/data-dir-lock.js";
import { createI18n } from "../i18n.js";
import { createLogger } from "../logger.js";
import type { DemoFiles } from "./setup.js";
import { startSandbox } from "./start-sandbox.js";

/** The demo: the Long Biên district, and its campaign as the district heard it on 26/02/2020. */
export const demoFiles: DemoFiles = {
  organisation: fileURLToPath(new URL("../../examples/long-bien.yaml", import.meta.url)),
  progress: fileURLToPath(new URL("../../examples/long-bien-2020-02-26.yaml", import.meta.url)),
};

export async function runSandbox(config: Config): Promise<void> {
  const started = performance.now();
  // A real token may be set (SANDBOX=1): it is never used, and never logged.
  const logger = createLogger({ level: config.logLevel, secrets: [config.botToken] });
  const i18n = createI18n({ defaultLocale: config.defaultLocale });
  const t = (key: string, args?: Record<string, string>) => i18n.t(config.defaultLocale, key, args);
  if (config.databaseUrl) process.stderr.write(`${t("sandbox-database-url-ignored")}\n`);

  const sandbox = await startSandbox({ config, logger, demo: demoFiles });
  process.stdout.write(
    `\n${t("sandbox-started", { url: sandbox.url })}\n${t("sandbox-explained", { dir: path.resolve(config.sandbox.dataDir) })}\n\n`,
  );

  let stopping = false;
  const shutdown = async (signal: string, code: number) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, "shutting down");
    const force = setTimeout(() => process.exit(1), 10_000);
    force.unref();
    await sandbox.stop();
    logger.info("stopped");
    process.exit(code);
  };
  process.once("SIGINT", () => void shutdown("SIGINT", 0));
  process.once("SIGTERM", () => void shutdown("SIGTERM", 0));
  try {
    await sandbox.ready;
    logger.info({ url: sandbox.url, ms: Math.round(performance.now() - started) }, "sandbox ready");
  } catch (error) {
    if (error instanceof DataDirLockedError) process.stderr.write(`${error.message}\n`);
    await shutdown("start-up failed", 1);
  }
}
