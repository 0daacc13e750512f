// The environment contract (see .env.example), parsed once with zod. Tests build configs with createConfig().
import { existsSync } from "node:fs";
import path from "node:path";
import { z } from "zod";

const clock = /^([01]\d|2[0-3]):[0-5]\d$/;

const blankAsUnset = (value: unknown) => (typeof value === "string" && value.trim() === "" ? undefined : value);

const envSchema = z.object({
  TELEGRAM_BOT_TOKEN: z.preprocess(
    blankAsUnset,
    z
      .string()
      .trim()
      .regex(/^\d+:[A-Za-z0-9_-]+$/, "looks wrong: a bot token is like 123456789:AAH…, as BotFather prints it")
      .optional(),
  ),
  TELEGRAM_API_ROOT: z.preprocess(
    blankAsUnset,
    z
      .string()
      .trim()
      .regex(/^https?:\/\/[^\s/]+(\/[^\s]*)?$/, "must be an http(s) URL, e.g. https://api.telegram.org")
      .transform((url) => url.replace(/\/+$/, ""))
      .default("https://api.telegram.org"),
  ),
  DATABASE_URL: z.preprocess(
    blankAsUnset,
    z
      .string()
      .trim()
      .regex(/^postgres(ql)?:\/\//, "must start with postgres:// (leave it unset for the embedded database)")
      .optional(),
  ),
  DATA_DIR: z.preprocess(blankAsUnset, z.string().trim().default("./data")),
  BACKUP_DIR: z.preprocess(blankAsUnset, z.string().trim().optional()),
  BACKUP_KEEP: z.preprocess(
    blankAsUnset,
    z.coerce.number("must be a number of backups, e.g. 7").int("must be a whole number").min(1).max(365).default(7),
  ),
  UPDATE_RETENTION_DAYS: z.preprocess(
    blankAsUnset,
    z.coerce
      .number("must be a number of days, e.g. 30")
      .int("must be a whole number of days")
      .min(1)
      .max(3650)
      .default(30),
  ),
  APP_TIMEZONE: z.preprocess(
    blankAsUnset,
    z
      .string()
      .trim()
      .refine(isTimeZone, "is not a time zone name such as Asia/Ho_Chi_Minh")
      .default("Asia/Ho_Chi_Minh"),
  ),
  DEFAULT_LOCALE: z.preprocess(blankAsUnset, z.enum(["vi", "en"], "must be vi or en").default("vi")),
  DIGEST_TIME: z.preprocess(blankAsUnset, z.string().trim().regex(clock, "must be a time like 17:00").default("17:00")),
  DIGEST_CATCH_UP_HOURS: z.preprocess(
    blankAsUnset,
    z.coerce
      .number("must be a number of hours, e.g. 6")
      .int("must be a whole number of hours")
      .min(0)
      .max(23)
      .default(6),
  ),
  QUIET_HOURS: z.preprocess(
    blankAsUnset,
    z
      .string()
      .trim()
      .regex(/^([01]\d|2[0-3]):[0-5]\d-([01]\d|2[0-3]):[0-5]\d$/, "must be a range like 21:00-07:00")
      .default("21:00-07:00"),
  ),
  SANDBOX: z.preprocess(
    blankAsUnset,
    z
      .enum(["0", "1", "false", "true"], "must be 1 (sandbox even with a token) or 0")
      .default("0")
      .transform((v) => v === "1" || v === "true"),
  ),
  PORT: z.preprocess(
    blankAsUnset,
    z.coerce.number("must be a port number, e.g. 3000").int("must be a whole number").min(0).max(65535).default(3000),
  ),
  SANDBOX_HOST: z.preprocess(blankAsUnset, z.string().trim().default("127.0.0.1")),
  WEB_PORT: z.preprocess(
    blankAsUnset,
    z.coerce.number("must be a port number, e.g. 8080").int("must be a whole number").min(0).max(65535).optional(),
  ),
  WEB_HOST: z.preprocess(blankAsUnset, z.string().trim().default("0.0.0.0")),
  WEBHOOK_URL: z.preprocess(
    blankAsUnset,
    z
      .string()
      .trim()
      .regex(
        /^https?:\/\/[^\s/]+(\/[^\s]*)?$/,
        "must be the address Telegram sends updates to, e.g. https://daihoi.example.vn/telegram",
      )
      .optional(),
  ),
  WEBHOOK_SECRET: z.preprocess(
    blankAsUnset,
    z
      .string()
      .trim()
      .regex(
        /^[A-Za-z0-9_-]{16,256}$/,
        "must be 16 to 256 letters, digits, _ or -, e.g. the output of: openssl rand -hex 32",
      )
      .optional(),
  ),
  WEBHOOK_PORT: z.preprocess(
    blankAsUnset,
    z.coerce.number("must be a port number, e.g. 8443").int("must be a whole number").min(0).max(65535).optional(),
  ),
  WEBHOOK_HOST: z.preprocess(blankAsUnset, z.string().trim().default("127.0.0.1")),
  WEBHOOK_MAX_CONNECTIONS: z.preprocess(
    blankAsUnset,
    z.coerce
      .number("must be a number from 1 to 100, e.g. 40")
      .int("must be a whole number")
      .min(1)
      .max(100)
      .default(40),
  ),
  INBOX_LEASE_SECONDS: z.preprocess(
    blankAsUnset,
    z.coerce
      .number("must be a number of seconds, e.g. 30")
      .int("must be a whole number of seconds")
      .min(2)
      .max(600)
      .default(30),
  ),
  METRICS_PORT: z.preprocess(
    blankAsUnset,
    z.coerce.number("must be a port number, e.g. 9464").int("must be a whole number").min(0).max(65535).optional(),
  ),
  METRICS_HOST: z.preprocess(blankAsUnset, z.string().trim().default("127.0.0.1")),
  WEB_PUBLIC_URL: z.preprocess(
    blankAsUnset,
    z
      .string()
      .trim()
      .regex(
        /^https?:\/\/[^\s/]+(\/[^\s]*)?$/,
        "must be the web app's address as people open it, e.g. https://daihoi.example.vn",
      )
      .transform((url) => url.replace(/\/+$/, ""))
      .optional(),
  ),
  WEB_PUSH_SUBJECT: z.preprocess(
    blankAsUnset,
    z
      .string()
      .trim()
      .regex(/^(mailto:\S+@\S+|https:\/\/\S+)$/, "must be mailto:<the office's e-mail> or its https:// address")
      .optional(),
  ),
  WEB_PUSH_ENDPOINTS: z.preprocess(
    blankAsUnset,
    z
      .string()
      .trim()
      .transform((value) =>
        value
          .split(",")
          .map((origin) => origin.trim())
          .filter(Boolean),
      )
      .pipe(z.array(z.url("must be addresses of push services, e.g. https://push.example.vn, comma-separated")))
      .optional(),
  ),
  SANDBOX_DATA_DIR: z.preprocess(blankAsUnset, z.string().trim().optional()),
  LOG_LEVEL: z.preprocess(
    blankAsUnset,
    z
      .enum(
        ["fatal", "error", "warn", "info", "debug", "trace", "silent"],
        "must be one of error, warn, info, debug, silent",
      )
      .default("info"),
  ),
});

export type Env = z.input<typeof envSchema>;

/** Every variable the app reads (documented in .env.example). */
export const envVariables = Object.keys(envSchema.shape);

export interface Config {
  botToken: string | undefined;
  apiRoot: string;
  databaseUrl: string | undefined;
  dataDir: string;
  /**
   * A daily copy of the embedded database in `dir` (BACKUP_DIR), the newest `keep` kept (BACKUP_KEEP);
   * null without BACKUP_DIR. PostgreSQL is backed up with its own tools (README).
   */
  backup: { dir: string; keep: number } | null;
  /** Stored Telegram updates (their text, who sent them) are deleted this many days after they were handled. */
  updateRetentionDays: number;
  timezone: string;
  defaultLocale: "vi" | "en";
  digestTime: string;
  /** A digest missed while the bot was down is sent on start within this many hours of DIGEST_TIME. */
  digestCatchUpHours: number;
  quietHours: { start: string; end: string };
  logLevel: z.infer<typeof envSchema>["LOG_LEVEL"];
  /**
   * The web app (src/web), served by the same process when WEB_PORT is set. `publicUrl`: the address in
   * sign-in links (WEB_PUBLIC_URL; by default http://<host>:<port>, right only on the server itself).
   */
  web: {
    port: number;
    host: string;
    publicUrl: string | null;
    /**
     * Web Push: who runs the server, for push services (WEB_PUSH_SUBJECT; default: the public address when
     * it is https, else a mailto: of the server); and the push services browsers may subscribe through
     * (the big browsers' own, plus WEB_PUSH_ENDPOINTS): the server sends to no other address.
     */
    push: { subject: string; extraEndpoints: string[] };
  } | null;
  /**
   * Webhook mode (WEBHOOK_URL, WEBHOOK_SECRET, WEBHOOK_PORT): Telegram posts updates to `url`, which a TLS
   * proxy forwards to `host:port`; `path` is the URL's path, the only one served. null: long polling.
   */
  webhook: { url: string; path: string; secret: string; port: number; host: string; maxConnections: number } | null;
  /**
   * On PostgreSQL, an instance holds the chats it handles for this long and renews the hold while it works;
   * a chat held by an instance that died is taken over by another once the hold runs out.
   */
  inboxLeaseSeconds: number;
  /** /healthz, /readyz and /metrics for the operator (src/metrics), when METRICS_PORT is set. */
  metrics: { port: number; host: string } | null;
  /** The local sandbox (src/sandbox): runs when there is no token, or always with SANDBOX=1. */
  sandbox: {
    forced: boolean;
    /** The sandbox page's port (0 = any free port). */
    port: number;
    /** 127.0.0.1 unless set explicitly: the sandbox has no login. */
    host: string;
    /** Its own embedded database, never the production one. */
    dataDir: string;
  };
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((problem) => `  - ${problem}`).join("\n")}`);
  }
}

export function createConfig(env: Record<string, string | undefined>): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((issue) => `${issue.path.join(".")} ${issue.message}`));
  }
  const value = parsed.data;
  if (value.BACKUP_DIR && value.DATABASE_URL)
    throw new ConfigError([
      "BACKUP_DIR backs up the embedded database; with DATABASE_URL back up PostgreSQL with pg_dump (see the README's Backups)",
    ]);
  const webhook = webhookOf(value);
  const [start, end] = value.QUIET_HOURS.split("-") as [string, string];
  return {
    botToken: value.TELEGRAM_BOT_TOKEN,
    apiRoot: value.TELEGRAM_API_ROOT,
    databaseUrl: value.DATABASE_URL,
    dataDir: value.DATA_DIR,
    backup: value.BACKUP_DIR ? { dir: value.BACKUP_DIR, keep: value.BACKUP_KEEP } : null,
    updateRetentionDays: value.UPDATE_RETENTION_DAYS,
    timezone: value.APP_TIMEZONE,
    defaultLocale: value.DEFAULT_LOCALE,
    digestTime: value.DIGEST_TIME,
    digestCatchUpHours: value.DIGEST_CATCH_UP_HOURS,
    quietHours: { start, end },
    logLevel: value.LOG_LEVEL,
    web:
      value.WEB_PORT === undefined
        ? null
        : {
            port: value.WEB_PORT,
            host: value.WEB_HOST,
            publicUrl: value.WEB_PUBLIC_URL ?? null,
            push: {
              subject:
                value.WEB_PUSH_SUBJECT ??
                (value.WEB_PUBLIC_URL?.startsWith("https://") ? value.WEB_PUBLIC_URL : "mailto:daihoi@localhost"),
              extraEndpoints: (value.WEB_PUSH_ENDPOINTS ?? []).map((url) => new URL(url).origin),
            },
          },
    webhook,
    inboxLeaseSeconds: value.INBOX_LEASE_SECONDS,
    metrics: value.METRICS_PORT === undefined ? null : { port: value.METRICS_PORT, host: value.METRICS_HOST },
    sandbox: {
      forced: value.SANDBOX,
      port: value.PORT,
      host: value.SANDBOX_HOST,
      dataDir: value.SANDBOX_DATA_DIR ?? path.join(value.DATA_DIR, "sandbox"),
    },
  };
}

function webhookOf(value: z.infer<typeof envSchema>): Config["webhook"] {
  const { WEBHOOK_URL: url, WEBHOOK_SECRET: secret, WEBHOOK_PORT: port } = value;
  if (url === undefined) {
    if (secret !== undefined || port !== undefined)
      throw new ConfigError([
        "WEBHOOK_SECRET and WEBHOOK_PORT need WEBHOOK_URL (leave all three empty for long polling)",
      ]);
    return null;
  }
  const missing = [secret === undefined && "WEBHOOK_SECRET", port === undefined && "WEBHOOK_PORT"].filter(Boolean);
  if (missing.length > 0)
    throw new ConfigError([
      `WEBHOOK_URL needs ${missing.join(" and ")} too (e.g. WEBHOOK_SECRET=$(openssl rand -hex 32), WEBHOOK_PORT=8443)`,
    ]);
  // Telegram itself posts only to HTTPS; a local Bot API server or the emulator may use plain HTTP.
  if (value.TELEGRAM_API_ROOT === "https://api.telegram.org" && !url.startsWith("https://"))
    throw new ConfigError(["WEBHOOK_URL must start with https:// (Telegram sends updates only over HTTPS)"]);
  return {
    url,
    path: new URL(url).pathname,
    secret: secret!,
    port: port!,
    host: value.WEBHOOK_HOST,
    maxConnections: value.WEBHOOK_MAX_CONNECTIONS,
  };
}

/** Reads ./.env when there is one (variables already set in the environment win). */
export function loadDotEnv(file = ".env"): void {
  if (existsSync(file)) process.loadEnvFile(file);
}

function isTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat("en", { timeZone: name });
    return true;
  } catch {
    return false;
  }
}
