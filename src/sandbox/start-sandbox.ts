// `npm start` without a token: the whole product on one machine. The page's server comes up first (it
// shows "starting" while the rest loads), then the sandbox's own embedded database (the demo district is
// imported on first run), the Bot API emulator on loopback, the real app (createApp: bot, update inbox,
// outbox sender, scheduler) pointed at the emulator, and the first-run setup of personas and the group.
import { existsSync, mkdirSync } from "node:fs";
import path from "node:path";
import { createApp, type App } from "../app.js";
import type { Config } from "../config.js";
import { openDatabase, type Database } from "../db/client.js";
import { nextUpdateOffset } from "../db/update-store.js";
import { startBotApiEmulator, type BotApiEmulator } from "../emulator/index.js";
import { createI18n } from "../i18n.js";
import type { Logger } from "../logger.js";
import { Roster } from "./personas.js";
import { SandboxApi } from "./sandbox-api.js";
import { readSandboxSeed, writeSandboxSeed } from "./sandbox-seed.js";
import { campaignStartTime, createSandboxClock } from "./sandbox-clock.js";
import { importDemoIfEmpty, prepareSandbox, registerKnownChats, type DemoFiles } from "./setup.js";
import { startWebServer, type WebServer } from "./web-server.js";

/** Not a real token: it only works against the emulator, which is all the sandbox ever talks to. */
export const sandboxBotToken = "7000000001:SANDBOX-not-a-telegram-token";
export const sandboxBotUsername = "trolydaihoi_sandbox_bot";

export interface RunningSandbox {
  url: string;
  /** Resolves when the bot is running and the personas are set up (rejects if start-up failed). */
  ready: Promise<void>;
  api: SandboxApi;
  stop(): Promise<void>;
}

export async function startSandbox(options: {
  config: Config;
  logger: Logger;
  demo: DemoFiles;
}): Promise<RunningSandbox> {
  const { config, logger } = options;
  const api = new SandboxApi(config.defaultLocale);
  const web: WebServer = await startWebServer(api, { host: config.sandbox.host, port: config.sandbox.port });
  let database: Database | undefined;
  let emulator: BotApiEmulator | undefined;
  let app: App | undefined;
  let stopped = false;

  const t0 = performance.now();
  const step = (name: string) =>
    logger.debug({ step: name, ms: Math.round(performance.now() - t0) }, "sandbox start-up");
  const ready = (async () => {
    const dataDir = path.resolve(config.sandbox.dataDir);
    mkdirSync(dataDir, { recursive: true });
    const databaseDir = path.join(dataDir, "pglite");
    const seed = existsSync(databaseDir) ? null : readSandboxSeed(options.demo, config.timezone);
    database = await openDatabase({ kind: "pglite", dataDir: databaseDir, ...(seed && { loadFrom: seed }) });
    step(seed ? "database copied from the seed" : "database open");
    await database.migrate();
    step("database migrated");
    const imported = await importDemoIfEmpty({ prisma: database.prisma, timeZone: config.timezone }, options.demo);
    step("demo checked");
    if (imported) {
      logger.info({ files: options.demo }, "sandbox: demo organisation imported");
      // The next new sandbox (another DATA_DIR, a test) starts from this state instead of building it.
      await writeSandboxSeed(database, options.demo, config.timezone).catch((error: unknown) =>
        logger.warn({ err: error }, "sandbox: could not save the seed"),
      );
      step("seed saved");
    }
    const deadlines = await database.prisma.campaignDeadline.findMany({
      where: { milestone: "held", campaign: { active: true, template: "congress" } },
      select: { dueDate: true },
    });
    const latestReport = await database.prisma.report.aggregate({ _max: { createdAt: true } });
    const clock = createSandboxClock({
      file: path.join(dataDir, "clock.json"),
      initial: () =>
        campaignStartTime(
          deadlines.map((d) => d.dueDate),
          config.timezone,
          new Date(),
          latestReport._max.createdAt,
        ),
    });

    emulator = await startBotApiEmulator({ host: "127.0.0.1", now: () => clock.now().getTime() });
    // Update ids keep growing across restarts, as on Telegram: the inbox has seen the earlier ones.
    emulator.configureBot(sandboxBotToken, {
      username: sandboxBotUsername,
      firstName: "Trợ lý Đại hội",
      nextUpdateId: (await nextUpdateOffset(database.prisma)) ?? 1,
    });
    const sandboxConfig: Config = {
      ...config,
      botToken: sandboxBotToken,
      apiRoot: emulator.apiRoot,
      databaseUrl: undefined,
      dataDir,
      // The web app is always there in the sandbox, on a port of its own unless WEB_PORT says which.
      web: config.web ?? {
        port: 0,
        host: "127.0.0.1",
        publicUrl: null,
        push: { subject: "mailto:daihoi@localhost", extraEndpoints: [] },
      },
    };
    const roster = await Roster.load(database.prisma);
    const t = createI18n({ defaultLocale: config.defaultLocale });
    const group = await registerKnownChats({
      prisma: database.prisma,
      emulator,
      token: sandboxBotToken,
      roster,
      title: (unit) => t.t(config.defaultLocale, "sandbox-group-title", { unit }),
    });

    app = await createApp({ config: sandboxConfig, logger, database, clock, pollTimeoutSeconds: 10 });
    await app.start();
    step("bot started");
    const featured = await prepareSandbox({
      prisma: database.prisma,
      emulator,
      token: sandboxBotToken,
      roster,
      group,
      logger,
      clock,
    });
    step("personas ready");
    // What is due for the people just bound (reminders) is sent now, before the visitor arrives, rather
    // than at the next minute's tick in the middle of whatever they are doing.
    await app.scheduler.tick();
    // Awaited, not timed: on a busy machine the first messages take longer (the limit only stops a hang).
    await outboxDrained(database, 120_000);
    step("due messages sent");
    if (stopped) return;
    api.ready({
      app,
      emulator,
      token: sandboxBotToken,
      roster,
      clock,
      group,
      featured,
      timezone: config.timezone,
      digestTime: config.digestTime,
    });
  })();
  ready.catch((error: unknown) => {
    logger.error({ err: error }, "sandbox could not start");
    api.failed(error);
  });

  return {
    url: web.url,
    ready,
    api,
    async stop() {
      stopped = true;
      await ready.catch(() => undefined);
      await app?.stop();
      await emulator?.close();
      await database?.close();
      await web.close();
    },
  };
}

async function outboxDrained(database: Database, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while ((await database.prisma.outboxMessage.count({ where: { status: "pending" } })) > 0 && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
