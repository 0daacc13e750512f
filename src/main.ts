// `npm start`: configuration → database → bot → polling, with a graceful shutdown on SIGINT/SIGTERM;
// without a token, the local sandbox instead (src/sandbox).
import { createApp } from "./app.js";
import { ConfigError, createConfig, loadDotEnv, type Config } from "./config.js";
import { DataDirLockedError } from "./db/data-dir-lock.js";
import { createLogger } from "./logger.js";
import { StartStoppedError, TokenRefusedError } from "./bot/telegram-connection.js";

loadDotEnv();
let config;
try {
  config = createConfig(process.env);
} catch (error) {
  if (!(error instanceof ConfigError)) throw error;
  process.stderr.write(`${error.message}\n`);
  process.exit(2);
}

// No token (or SANDBOX=1): the local sandbox, with an emulated Telegram and a page to try every role.
if (!config.botToken || config.sandbox.forced) {
  const { runSandbox } = await import("./sandbox/run-sandbox.js");
  await runSandbox(config);
} else {
  await runBot(config, config.botToken);
}

async function runBot(config: Config, botToken: string): Promise<void> {
  const logger = createLogger({ level: config.logLevel, secrets: [botToken] });
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
    // The shutdown handler ends the process; nothing failed.
    if (error instanceof StartStoppedError) return;
    if (error instanceof TokenRefusedError) {
      logger.fatal(error.message);
      process.exit(1);
    }
    if (error instanceof DataDirLockedError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(1);
    }
    logger.fatal({ err: error }, "could not start");
    process.exit(1);
  }
}
