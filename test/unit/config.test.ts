import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { ConfigError, createConfig, envVariables } from "../../src/config.js";

describe("createConfig", () => {
  it("when nothing is set, then the contract's defaults apply", () => {
    const config = createConfig({});
    expect(config).toEqual({
      botToken: undefined,
      apiRoot: "https://api.telegram.org",
      databaseUrl: undefined,
      dataDir: "./data",
      backup: null,
      updateRetentionDays: 30,
      timezone: "Asia/Ho_Chi_Minh",
      defaultLocale: "vi",
      digestTime: "17:00",
      digestCatchUpHours: 6,
      quietHours: { start: "21:00", end: "07:00" },
      logLevel: "info",
      web: null,
      metrics: null,
      webhook: null,
      inboxLeaseSeconds: 30,
      sandbox: { forced: false, port: 3000, host: "127.0.0.1", dataDir: "data/sandbox" },
    });
  });

  it("when a variable exists, then .env.example documents it, and the example itself is a valid config", () => {
    const text = readFileSync(new URL("../../.env.example", import.meta.url), "utf8");
    const documented = [...text.matchAll(/^([A-Z_]+)=(.*)$/gm)];
    expect(documented.map((match) => match[1]).sort()).toEqual([...envVariables].sort());
    expect(() => createConfig(Object.fromEntries(documented.map((match) => [match[1]!, match[2]!])))).not.toThrow();
  });

  it("when a backup directory is set, then it is kept with its retention; with PostgreSQL it is refused, naming pg_dump", () => {
    expect(createConfig({ BACKUP_DIR: "./backups", BACKUP_KEEP: "14" }).backup).toEqual({ dir: "./backups", keep: 14 });
    expect(createConfig({ BACKUP_DIR: "./backups" }).backup).toEqual({ dir: "./backups", keep: 7 });
    expect(() => createConfig({ BACKUP_DIR: "./backups", DATABASE_URL: "postgres://x@h/db" })).toThrow(/pg_dump/);
    expect(() => createConfig({ BACKUP_KEEP: "0" })).toThrow(/BACKUP_KEEP/);
    expect(() => createConfig({ UPDATE_RETENTION_DAYS: "ba mươi" })).toThrow(
      /UPDATE_RETENTION_DAYS must be a number of days/,
    );
  });

  it("when webhook mode is set, then the URL, its path, the secret, the port and the limits are kept; a partial or unsafe setting names what is missing", () => {
    const secret = "0123456789abcdef0123";
    expect(
      createConfig({ WEBHOOK_URL: "https://daihoi.example.vn/telegram", WEBHOOK_SECRET: secret, WEBHOOK_PORT: "8443" })
        .webhook,
    ).toEqual({
      url: "https://daihoi.example.vn/telegram",
      path: "/telegram",
      secret,
      port: 8443,
      host: "127.0.0.1",
      maxConnections: 40,
    });
    expect(() => createConfig({ WEBHOOK_URL: "https://daihoi.example.vn/telegram" })).toThrow(
      /WEBHOOK_URL needs WEBHOOK_SECRET and WEBHOOK_PORT too/,
    );
    expect(() => createConfig({ WEBHOOK_SECRET: secret })).toThrow(/need WEBHOOK_URL/);
    expect(() => createConfig({ WEBHOOK_URL: "https://x.vn/t", WEBHOOK_SECRET: "ngắn", WEBHOOK_PORT: "8443" })).toThrow(
      /WEBHOOK_SECRET must be 16 to 256 letters, digits, _ or -/,
    );
    // Telegram posts only over HTTPS; a local Bot API server (or the emulator) may use plain HTTP.
    expect(() => createConfig({ WEBHOOK_URL: "http://x.vn/t", WEBHOOK_SECRET: secret, WEBHOOK_PORT: "8443" })).toThrow(
      /WEBHOOK_URL must start with https:\/\//,
    );
    expect(
      createConfig({
        TELEGRAM_API_ROOT: "http://127.0.0.1:8081",
        WEBHOOK_URL: "http://127.0.0.1:9000/hook",
        WEBHOOK_SECRET: secret,
        WEBHOOK_PORT: "9000",
        WEBHOOK_MAX_CONNECTIONS: "100",
      }).webhook,
    ).toMatchObject({ path: "/hook", maxConnections: 100 });
    expect(() => createConfig({ WEBHOOK_MAX_CONNECTIONS: "101" })).toThrow(/WEBHOOK_MAX_CONNECTIONS/);
    expect(() => createConfig({ INBOX_LEASE_SECONDS: "1" })).toThrow(/INBOX_LEASE_SECONDS/);
  });

  it("when variables are blank (as in a copied .env.example), then they count as unset", () => {
    expect(createConfig({ TELEGRAM_BOT_TOKEN: "", DATABASE_URL: " " }).databaseUrl).toBeUndefined();
  });

  it("when values are given, then they are used", () => {
    const config = createConfig({
      TELEGRAM_BOT_TOKEN: "123:abc",
      TELEGRAM_API_ROOT: "http://127.0.0.1:8081/",
      DATABASE_URL: "postgres://u@h/db",
      DEFAULT_LOCALE: "en",
      QUIET_HOURS: "22:00-06:30",
    });
    expect(config.apiRoot).toBe("http://127.0.0.1:8081");
    expect(config.databaseUrl).toBe("postgres://u@h/db");
    expect(config.defaultLocale).toBe("en");
    expect(config.quietHours).toEqual({ start: "22:00", end: "06:30" });
  });

  it("when several variables are wrong, then each is named with what is expected", () => {
    try {
      createConfig({
        TELEGRAM_BOT_TOKEN: "not a token",
        DATABASE_URL: "mysql://x",
        APP_TIMEZONE: "Mars/Olympus",
        DEFAULT_LOCALE: "fr",
        DIGEST_TIME: "25:00",
        QUIET_HOURS: "9pm-7am",
      });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      expect((error as ConfigError).problems).toEqual([
        "TELEGRAM_BOT_TOKEN looks wrong: a bot token is like 123456789:AAH…, as BotFather prints it",
        "DATABASE_URL must start with postgres:// (leave it unset for the embedded database)",
        "APP_TIMEZONE is not a time zone name such as Asia/Ho_Chi_Minh",
        "DEFAULT_LOCALE must be vi or en",
        "DIGEST_TIME must be a time like 17:00",
        "QUIET_HOURS must be a range like 21:00-07:00",
      ]);
    }
  });

  it("when sandbox variables are given, then the sandbox uses them, and a wrong PORT or SANDBOX is named", () => {
    const config = createConfig({
      SANDBOX: "1",
      PORT: "0",
      SANDBOX_HOST: "0.0.0.0",
      SANDBOX_DATA_DIR: "/tmp/sb",
      DATA_DIR: "/srv/daihoi",
    });
    expect(config.sandbox).toEqual({ forced: true, port: 0, host: "0.0.0.0", dataDir: "/tmp/sb" });
    expect(createConfig({ DATA_DIR: "/srv/daihoi" }).sandbox.dataDir).toBe("/srv/daihoi/sandbox");
    expect(() => createConfig({ PORT: "http", SANDBOX: "yes" })).toThrow(
      new ConfigError(["SANDBOX must be 1 (sandbox even with a token) or 0", "PORT must be a port number, e.g. 3000"]),
    );
  });
});
