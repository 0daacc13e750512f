// `npm start`: configuration → database → bot → polling, with a graceful shutdown on SIGINT/SIGTERM;
// without a token but with WEB_PORT, the product for the web alone (Telegram unreachable); with neither,
// the local sandbox (src/sandbox).
import { createApp, createWebOnlyApp } from "./app.js";
import { ConfigError, createConfig, loadDotEnv, type Config } from "./config.js";
import { DataDirLockedError, setDataDirOwner } from "./db/data-dir-lock.js";
import { createI18n, translatorFor } from "./i18n.js";
import { createLogger } from "./logger.js";
import { systemProblem, systemProblemMessage } from "./system-errors.js";
import { StartStoppedError, TokenRefusedError } from "./bot/telegram-connection.js";

loadDotEnv();
let config: Config;
try {
  config = createConfig(process.env);
} catch (error) {
  if (!(error instanceof ConfigError)) throw error;
  process.stderr.write(`${error.message}\n`);
  process.exit(2);
}

// Neither a token nor WEB_PORT (or SANDBOX=1): the local sandbox, with an emulated Telegram and a page to
// try every role. A token: the bot (and the web app with WEB_PORT). WEB_PORT alone: the web app alone.
if (config.sandbox.forced || (!config.botToken && !config.web)) {
  const { runSandbox } = await import("./sandbox/run-sandbox.js");
  await runSandbox(config);
} else {
  await runProduct(config);
}

async function runProduct(config: Config): Promise<void> {
  setDataDirOwner("bot");
  const logger = createLogger({ level: config.logLevel, secrets: config.botToken ? [config.botToken] : [] });
  try {
    const app = config.botToken ? await createApp({ config, logger }) : await createWebOnlyApp({ config, logger });
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
    // The shutdown handler ends the process; nothing failed.
    if (error instanceof StartStoppedError) return;
    if (error instanceof TokenRefusedError) {
      logger.fatal(error.message);
      process.exit(1);
    }
    // The machine's problems (the database held by another process, a data directory that cannot be
    // written, a full disk): one line in the office's language (DEFAULT_LOCALE) saying what to do, exit 1.
    const t = translatorFor(createI18n({ defaultLocale: config.defaultLocale }), config.defaultLocale);
    if (error instanceof DataDirLockedError) {
      process.stderr.write(`${error.explain(t)}\n`);
      process.exit(1);
    }
    const problem = systemProblem(error, config.databaseUrl ? null : config.dataDir);
    if (problem) {
      process.stderr.write(`${systemProblemMessage(t, problem)}\n`);
      process.exit(1);
    }
    logger.fatal({ err: error }, "could not start");
    process.exit(1);
  }
}
