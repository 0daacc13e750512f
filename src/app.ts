// Composition of the running product: database → bot → update inbox. main.ts and the integration
// tests both build the app here, so tests exercise the same wiring as production.
import type { Bot } from "grammy";
import type { UserFromGetMe } from "grammy/types";
import { systemClock, type Clock } from "./clock.js";
import type { Config } from "./config.js";
import { databaseTarget, openDatabase, type Database } from "./db/client.js";
import type { BotContext } from "./bot/context.js";
import type { RateLimitOptions } from "./bot/rate-limit.js";
import { createBot, createBotI18n } from "./bot/create-bot.js";
import { createUpdateInbox, type UpdateInbox } from "./bot/update-inbox.js";
import { startWebhookServer, type WebhookServer } from "./bot/webhook-server.js";
import { setWebhook, watchWebhook, type WebhookWatch } from "./bot/webhook-registration.js";
import { hostname } from "node:os";
import { randomBytes } from "node:crypto";
import { untilTelegramAnswers } from "./bot/telegram-connection.js";
import { createFloodNotice } from "./bot/flood-notice.js";
import type { Logger } from "./logger.js";
import { translatorFor } from "./i18n.js";
import { releaseClaims } from "./db/outbox-store.js";
import { createAppOutboxSender, type ChannelSender, type OutboxSender } from "./outbox/sender.js";
import { createWebPushSender } from "./outbox/web-push-sender.js";
import { vapidKeys } from "./db/web-push-store.js";
import webPushLibrary from "web-push";
import type { I18n } from "@grammyjs/i18n";
import { leaveUnlinkedGroups } from "./usecases/group-leaves.js";
import { planDailyDigests } from "./usecases/daily-digest.js";
import { planReminders } from "./usecases/reminders.js";
import { reportStartCallback } from "./bot/reporting/flow-state.js";
import { campaignStartCallback } from "./bot/reporting/campaign-flow-state.js";
import { createMaintenanceJob } from "./scheduler/maintenance-job.js";
import { createBackupJob } from "./scheduler/backup-job.js";
import { createRetentionJob } from "./scheduler/retention-job.js";
import { createCommandMenuJob } from "./scheduler/command-menu-job.js";
import { defaultReminderPolicy } from "./domain/reminder-policy.js";
import { createScheduler, type Scheduler, type ScheduledJob } from "./scheduler/scheduler.js";
import { createWebApp } from "./web/web-app.js";
import { createAppMetrics, type AppMetrics } from "./metrics/app-metrics.js";
import { startMetricsServer, type MetricsServer, type Readiness } from "./metrics/metrics-server.js";
import { readinessOf } from "./metrics/readiness.js";
import { startWebServer, type WebServer } from "./web/web-server.js";

export interface App {
  bot: Bot<BotContext>;
  database: Database;
  inbox: UpdateInbox;
  sender: OutboxSender;
  /** Delivers the outbox's Web Push rows when the web app is on, else null. */
  pushSender: ChannelSender | null;
  scheduler: Scheduler;
  /** The web app's server once started (WEB_PORT set), else null. */
  readonly web: WebServer | null;
  /** /healthz, /readyz, /metrics when METRICS_PORT is set (src/metrics), once started. */
  readonly metrics: MetricsServer | null;
  /** The webhook's server in webhook mode (WEBHOOK_URL), once started, else null. */
  readonly webhook: WebhookServer | null;
  /** Resolves once the bot is registered and polling (or its webhook set); updates then flow in the background. */
  start(): Promise<void>;
  stop(): Promise<void>;
}

export async function createApp(options: {
  config: Config;
  logger: Logger;
  /** Tests pass their own database; otherwise it is opened (and closed on stop) from the config. */
  database?: Database;
  botInfo?: UserFromGetMe;
  pollTimeoutSeconds?: number;
  /** Tests move time with a fixed clock; production reads the system clock. */
  clock?: Clock;
  /** false: no scheduled jobs (tests that drive the scheduler themselves). */
  scheduler?: boolean;
  /**
   * Per-person command menus (src/scheduler/command-menu-job.ts). Default: on when the scheduler runs by
   * itself; an app whose scheduler is ticked by hand (tests that count the messages each tick writes)
   * plans no menus unless asked.
   */
  commandMenus?: boolean;
  /** Per-user flood limit; tests that script many steps quickly raise it. */
  rateLimit?: RateLimitOptions;
  /** Webhook mode: how often getWebhookInfo is asked (default a minute); tests ask sooner. */
  webhookCheckIntervalMs?: number;
}): Promise<App> {
  const { config, logger } = options;
  const database = await migratedDatabase(options.database, config, logger);
  const i18n = createBotI18n(config.defaultLocale);
  const clock = options.clock ?? systemClock;
  const metrics = createAppMetrics(database.prisma, clock, config.metrics !== null);
  let web: WebServer | null = null;
  let metricsServer: MetricsServer | null = null;
  const webAddress = () =>
    config.web && web ? (config.web.publicUrl ?? `http://${localAddress(config.web.host)}:${web.port}`) : null;
  const bot = createBot({ config, prisma: database.prisma, logger, clock, webAddress }, i18n, {
    ...(options.botInfo && { botInfo: options.botInfo }),
  });
  // On PostgreSQL other instances may share the inbox (webhooks behind a load balancer): chats are held.
  const sharing =
    database.kind === "postgres"
      ? {
          instanceId: `${hostname()}:${process.pid}:${randomBytes(4).toString("hex")}`,
          leaseSeconds: config.inboxLeaseSeconds,
        }
      : null;
  let instanceLock: (() => Promise<void>) | null = null;
  const inbox = createUpdateInbox({
    bot,
    prisma: database.prisma,
    logger,
    sharing,
    ...(options.pollTimeoutSeconds !== undefined && { pollTimeoutSeconds: options.pollTimeoutSeconds }),
    ...(options.rateLimit && { rateLimit: options.rateLimit }),
    dataDir: config.databaseUrl ? null : config.dataDir,
    metrics,
    tellLimited: createFloodNotice({
      api: bot.api,
      prisma: database.prisma,
      logger,
      defaultLocale: config.defaultLocale,
      translateFor: (locale) => translatorFor(i18n, locale),
    }),
  });
  const sender = createAppOutboxSender({
    config,
    prisma: database.prisma,
    logger,
    clock,
    metrics,
    // Several instances: one of them sends, within Telegram's limits for the bot (src/outbox/sender.ts).
    pacing: () => database.acquireLeadership("outbox"),
    ...(sharing && { instanceId: sharing.instanceId }),
  });
  const webPush = config.web ? await createAppWebPush({ config, database, logger, clock }) : null;
  const scheduler = createScheduler({
    timezone: config.timezone,
    logger,
    acquireLeadership: () => database.acquireLeadership(),
    onPlanned: () => {
      sender.notify();
      webPush?.sender.notify();
    },
    onJobDone: metrics.planned,
    jobs: schedulerJobs({
      database,
      clock,
      config,
      i18n,
      logger,
      channels: { telegram: true, webPush: webPush !== null },
      commandMenus: options.commandMenus ?? options.scheduler !== false,
    }),
  });
  let polling: Promise<void> | null = null;
  let webhookServer: WebhookServer | null = null;
  let webhookWatch: WebhookWatch | null = null;
  // Aborted by stop(): a start still trying to reach Telegram gives up at once.
  const starting = new AbortController();
  return {
    bot,
    database,
    inbox,
    sender,
    pushSender: webPush?.sender ?? null,
    scheduler,
    get web() {
      return web;
    },
    get metrics() {
      return metricsServer;
    },
    get webhook() {
      return webhookServer;
    },
    async start() {
      // The operator's port first: /healthz answers, and /readyz says "not ready" until Telegram answers.
      metricsServer = await startOperatorPort(config, metrics, () =>
        readinessOf({
          sql: database.sql,
          // Polling: a long poll returns within its timeout. Webhook: getWebhookInfo is asked every minute.
          lastTelegramAnswer: () => (config.webhook ? (webhookWatch?.lastAnsweredAt() ?? null) : inbox.lastPolledAt()),
          telegramAnswersWithinSeconds: config.webhook ? 60 : (options.pollTimeoutSeconds ?? 25),
          isLeader: scheduler.isLeader,
          now: Date.now,
        }),
      );
      // The web app first: it serves people whatever Telegram does (it is blocked on Vietnam's main networks).
      if (config.web) web = await startWeb({ config, database, clock, i18n, logger, publicKey: webPush!.publicKey });
      const reach = { apiRoot: config.apiRoot, logger, stop: starting.signal };
      // Not bot.init(): it retries a network error in silence, for ever.
      if (!bot.isInited()) bot.botInfo = await untilTelegramAnswers("getMe", (signal) => bot.api.getMe(signal), reach);
      // Before any chat is held: the other instances know this one is alive by this lock.
      if (sharing && database.lockInstance) instanceLock = await database.lockInstance(sharing.instanceId);
      if (config.webhook) {
        // Listening before setWebhook: Telegram delivers as soon as it is set.
        webhookServer = await startWebhookServer({ ...config.webhook, inbox, logger });
        inbox.startHandling();
        await setWebhook(bot.api, config.webhook, reach);
        webhookWatch = watchWebhook({
          api: bot.api,
          webhook: config.webhook,
          logger,
          ...(options.webhookCheckIntervalMs !== undefined && { intervalMs: options.webhookCheckIntervalMs }),
        });
      } else {
        // Polling needs no webhook; pending updates are kept (dropping them would lose reports).
        await untilTelegramAnswers(
          "deleteWebhook",
          (signal) => bot.api.deleteWebhook({ drop_pending_updates: false }, signal),
          reach,
        );
        polling = inbox.run();
      }
      // The command menus are not set here: the scheduler's first tick plans them into the outbox, so a
      // Bot API that refuses setMyCommands cannot stop the bot from starting.
      if (database.kind === "pglite") {
        const released = await releaseClaims(database.prisma);
        // Each was being sent when the process died: Telegram may or may not have it already.
        if (released > 0) logger.warn({ released }, "messages in flight at the last stop are sent again");
      }
      sender.start();
      webPush?.sender.start();
      if (options.scheduler !== false) await scheduler.start();
      polling?.catch((error) => logger.fatal({ err: error }, "polling stopped"));
      logger.info(
        { bot: bot.botInfo.username, database: database.kind, updates: config.webhook ? "webhook" : "polling" },
        "bot started",
      );
    },
    async stop() {
      starting.abort();
      await web?.close();
      await scheduler.stop();
      // No new updates first (the webhook is left set at Telegram: other instances go on taking them, and
      // Telegram keeps them while none runs), then the ones in hand finish.
      webhookWatch?.stop();
      await webhookServer?.close();
      await inbox.stop();
      await instanceLock?.();
      await sender.stop();
      await webPush?.sender.stop();
      await metricsServer?.close();
      if (!options.database) await database.close();
    },
  };
}

/**
 * The product for the web alone (`npm start` with WEB_PORT and no token), for offices where Telegram cannot
 * be reached: the web app, the scheduler's reminders and digests, delivered by Web Push. No bot, no
 * Telegram sender; messages meant for Telegram are not even planned.
 */
export interface WebOnlyApp {
  database: Database;
  pushSender: ChannelSender;
  scheduler: Scheduler;
  readonly web: WebServer | null;
  readonly metrics: MetricsServer | null;
  start(): Promise<void>;
  stop(): Promise<void>;
}

export async function createWebOnlyApp(options: {
  config: Config;
  logger: Logger;
  database?: Database;
  clock?: Clock;
  /** false: no scheduled jobs (tests that tick the scheduler themselves). */
  scheduler?: boolean;
}): Promise<WebOnlyApp> {
  const { config, logger } = options;
  if (!config.web) throw new Error("the web-only app needs WEB_PORT");
  const database = await migratedDatabase(options.database, config, logger);
  const i18n = createBotI18n(config.defaultLocale);
  const clock = options.clock ?? systemClock;
  const webPush = await createAppWebPush({ config, database, logger, clock });
  const metrics = createAppMetrics(database.prisma, clock, config.metrics !== null);
  let metricsServer: MetricsServer | null = null;
  const scheduler = createScheduler({
    timezone: config.timezone,
    logger,
    acquireLeadership: () => database.acquireLeadership(),
    onPlanned: () => webPush.sender.notify(),
    onJobDone: metrics.planned,
    jobs: schedulerJobs({
      database,
      clock,
      config,
      i18n,
      logger,
      channels: { telegram: false, webPush: true },
      commandMenus: false,
    }),
  });
  let web: WebServer | null = null;
  return {
    database,
    pushSender: webPush.sender,
    scheduler,
    get web() {
      return web;
    },
    get metrics() {
      return metricsServer;
    },
    async start() {
      metricsServer = await startOperatorPort(config, metrics, () =>
        readinessOf({
          sql: database.sql,
          telegramAnswersWithinSeconds: 0,
          isLeader: scheduler.isLeader,
          now: Date.now,
        }),
      );
      web = await startWeb({ config, database, clock, i18n, logger, publicKey: webPush.publicKey });
      if (database.kind === "pglite") await releaseClaims(database.prisma);
      webPush.sender.start();
      if (options.scheduler !== false) await scheduler.start();
      logger.info({ port: web.port, database: database.kind }, "web-only app started (no Telegram)");
    },
    async stop() {
      await web?.close();
      await scheduler.stop();
      await webPush.sender.stop();
      await metricsServer?.close();
      if (!options.database) await database.close();
    },
  };
}

type BotI18n = I18n<BotContext>;

/** /healthz, /readyz and /metrics on METRICS_PORT, when it is set. */
async function startOperatorPort(
  config: Config,
  metrics: AppMetrics,
  readiness: () => Promise<Readiness>,
): Promise<MetricsServer | null> {
  return config.metrics ? startMetricsServer({ ...config.metrics, registry: metrics.registry, readiness }) : null;
}

/** The test's database, or the configured one; migrated either way. */
async function migratedDatabase(given: Database | undefined, config: Config, logger: Logger): Promise<Database> {
  const database = given ?? (await openDatabase(databaseTarget(config)));
  const migration = await database.migrate();
  if (migration.applied.length > 0) logger.info({ applied: migration.applied }, "database migrated");
  return database;
}

/** The scheduler's jobs; those that only make sense with Telegram (groups, command menus) only with it. */
function schedulerJobs(deps: {
  database: Database;
  clock: Clock;
  config: Config;
  i18n: BotI18n;
  logger: Logger;
  channels: { telegram: boolean; webPush: boolean };
  commandMenus: boolean;
}): ScheduledJob[] {
  const { database, clock, config, i18n, logger, channels } = deps;
  return [
    {
      name: "digest",
      run: () =>
        planDailyDigests({
          prisma: database.prisma,
          clock,
          config,
          translate: translatorFor(i18n, config.defaultLocale),
          translateFor: (locale) => translatorFor(i18n, locale),
          catchUpHours: config.digestCatchUpHours,
          logger,
          channels,
        }),
    },
    {
      name: "reminders",
      run: () =>
        planReminders({
          prisma: database.prisma,
          clock,
          config,
          translate: (locale) => translatorFor(i18n, locale),
          policy: defaultReminderPolicy,
          reportButton: reportStartCallback,
          campaignReportButton: campaignStartCallback,
          channels,
        }),
    },
    ...(channels.telegram
      ? [
          {
            // Groups the bot was added to and never linked within the wait are left.
            name: "leave-unlinked-groups",
            run: async () =>
              (
                await leaveUnlinkedGroups({
                  prisma: database.prisma,
                  clock,
                  translate: translatorFor(i18n, config.defaultLocale),
                })
              ).length,
          },
        ]
      : []),
    // Its first run (the leader's first tick, at start) plans the bot-wide menus and everyone's own.
    ...(channels.telegram && deps.commandMenus
      ? [
          {
            name: "command-menus",
            run: createCommandMenuJob({
              prisma: database.prisma,
              clock,
              defaultLocale: config.defaultLocale,
              translateFor: (locale) => translatorFor(i18n, locale),
              web: config.web !== null,
              logger,
            }),
          },
        ]
      : []),
    {
      name: "update-retention",
      run: createRetentionJob({
        prisma: database.prisma,
        retentionDays: config.updateRetentionDays,
        clock,
        timezone: config.timezone,
        logger,
      }),
    },
    // The embedded database has no autovacuum; PostgreSQL's server has its own.
    ...(database.kind === "pglite" && config.backup
      ? [
          {
            name: "backup",
            run: createBackupJob({ database, backup: config.backup, clock, timezone: config.timezone, logger }),
          },
        ]
      : []),
    ...(database.kind === "pglite"
      ? [
          {
            name: "maintenance",
            run: createMaintenanceJob({
              exec: (sql) => database.sql.exec(sql),
              clock,
              timezone: config.timezone,
              logger,
            }),
          },
        ]
      : []),
  ];
}

/** The server's VAPID keys (made on first use, kept in the database) and the Web Push sender. */
async function createAppWebPush(deps: {
  config: Config;
  database: Database;
  logger: Logger;
  clock: Clock;
}): Promise<{ publicKey: string; sender: ChannelSender }> {
  const keys = await vapidKeys(deps.database.prisma, () => webPushLibrary.generateVAPIDKeys());
  const sender = createWebPushSender({
    prisma: deps.database.prisma,
    logger: deps.logger,
    clock: deps.clock,
    vapid: { ...keys, subject: deps.config.web!.push.subject },
  });
  return { publicKey: keys.publicKey, sender };
}

async function startWeb(deps: {
  config: Config;
  database: Database;
  clock: Clock;
  i18n: BotI18n;
  logger: Logger;
  publicKey: string;
}): Promise<WebServer> {
  const web = deps.config.web!;
  const webApp = createWebApp({
    prisma: deps.database.prisma,
    clock: deps.clock,
    config: deps.config,
    translate: (locale) => translatorFor(deps.i18n, locale),
    logger: deps.logger,
    push: { publicKey: deps.publicKey, allowedOrigins: web.push.extraEndpoints },
  });
  const server = await startWebServer(webApp, web);
  deps.logger.info({ port: server.port }, "web app listening");
  return server;
}

/** The address to write in a link when WEB_PUBLIC_URL is unset: the server's own, as seen on the server. */
function localAddress(host: string): string {
  return host === "0.0.0.0" || host === "::" ? "127.0.0.1" : host;
}
