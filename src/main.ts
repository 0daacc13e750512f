// `npm start`: configuration → database → bot → polling, with a graceful shutdown on SIGINT/SIGTERM.
import { createApp } from "./app.js";
import { ConfigError, createConfig, loadDotEnv } from "./config.js";
import { DataDirLockedError } from "./db/data-dir-lock.js";
import { createI18n } from "./i18n.js";
import { createLogger } from "./logger.js";

loadDotEnv();
let config;
try {
  config = createConfig(process.env);
} catch (error) {
  if (!(error instanceof ConfigError)) throw error;
  process.stderr.write(`${error.message}\n`);
  process.exit(2);
}

if (!config.botToken) {
  const i18n = createI18n({ defaultLocale: config.defaultLocale });
  const other = config.defaultLocale === "vi" ? "en" : "vi";
  process.stderr.write(`${i18n.t(config.defaultLocale, "main-no-token")}\n\n${i18n.t(other, "main-no-token")}\n`);
  process.exit(1);
}

const logger = createLogger({ level: config.logLevel, secrets: [config.botToken] });
try {
  const app = await createApp({ config, logger });
  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, "shutting down");
    const force = setTimeout(() => process.exit(1), 10_000);
    force.unref();
    await app.stop();
    logger.info("stopped");
    process.exit(0);
  };
  process.once("SIGINT", () => void shutdown("SIGINT"));
  process.once("SIGTERM", () => void shutdown("SIGTERM"));
  await app.start();
} catch (error) {
  if (error instanceof DataDirLockedError) {
    process.stderr.write(`${error.message}\n`);
    process.exit(1);
  }
  logger.fatal({ err: error }, "could not start");
  process.exit(1);
}
