// `digest send [--unit CODE]` and `remind run`: the scheduler's jobs on demand. Messages go through the
// outbox like scheduled ones; with a bot token configured they are delivered before the command ends.
import { randomBytes } from "node:crypto";
import dayjs from "dayjs";
import type { Config } from "../config.js";
import { systemClock } from "../clock.js";
import type { Database } from "../db/client.js";
import { enqueue } from "../db/outbox-store.js";
import { defaultReminderPolicy } from "../domain/reminder-policy.js";
import { createI18n, localeFromLanguageCode, translatorFor, type Translate } from "../i18n.js";
import { createLogger } from "../logger.js";
import { createAppOutboxSender } from "../outbox/sender.js";
import { digestMessages } from "../scheduler/digest-job.js";
import { planReminders } from "../scheduler/reminder-job.js";
import { reportStartCallback } from "../bot/reporting/flow-state.js";
import type { CliIo } from "./run-cli.js";

interface ScheduleArgs {
  words: readonly string[];
  flags: Map<string, string | true>;
}

export async function digestCommand(
  args: ScheduleArgs,
  database: Database,
  context: { t: Translate; config: Config; io: CliIo },
): Promise<number> {
  const { t, io, config } = context;
  if (args.words[1] !== "send" || args.words.length > 2) return unknown(args, context);
  const unitCode = args.flags.get("--unit");
  const bindings = await database.prisma.chatBinding.findMany({
    where: {
      purpose: "digest",
      ...(typeof unitCode === "string" && { unit: { code: { equals: unitCode, mode: "insensitive" } } }),
    },
    orderBy: { id: "asc" },
  });
  if (bindings.length === 0) {
    io.err(t("cli-error", { message: t("cli-digest-no-groups") }));
    return 1;
  }
  const now = systemClock.now();
  const due = { date: dayjs(now).tz(config.timezone).format("YYYY-MM-DD"), at: now };
  const i18n = createI18n({ defaultLocale: config.defaultLocale });
  const translate = translatorFor(i18n, config.defaultLocale);
  // A digest on demand is a message of its own: its key never collides with the daily one.
  const run = randomBytes(4).toString("hex");
  for (const binding of bindings) {
    const locale = localeFromLanguageCode(binding.locale ?? undefined) ?? config.defaultLocale;
    const parts = await digestMessages(
      { prisma: database.prisma, config, translate, translateFor: (other) => translatorFor(i18n, other) },
      binding.unitId,
      due,
      locale,
    );
    await enqueue(
      database.prisma,
      parts.map((text, index) => ({
        dedupeKey: `digest-now:${binding.chatId}:${run}:${index + 1}`,
        chatId: binding.chatId,
        kind: "digest",
        payload: { method: "sendMessage" as const, params: { text } },
        notBefore: now,
      })),
    );
  }
  io.out(t("cli-digest-queued", { count: bindings.length }));
  return deliver(database, context);
}

export async function remindCommand(
  args: ScheduleArgs,
  database: Database,
  context: { t: Translate; config: Config; io: CliIo },
): Promise<number> {
  const { t, io, config } = context;
  if (args.words[1] !== "run" || args.words.length > 2) return unknown(args, context);
  const i18n = createI18n({ defaultLocale: config.defaultLocale });
  const planned = await planReminders({
    prisma: database.prisma,
    clock: systemClock,
    config,
    translate: (locale) => translatorFor(i18n, locale),
    policy: defaultReminderPolicy,
    reportButton: reportStartCallback,
  });
  io.out(t("cli-remind-queued", { count: planned }));
  return deliver(database, context);
}

/** Sends what is due now when a bot token is configured; otherwise the running bot will. */
async function deliver(database: Database, context: { t: Translate; config: Config; io: CliIo }): Promise<number> {
  if (!context.config.botToken) {
    context.io.out(context.t("cli-outbox-left-for-bot"));
    return 0;
  }
  const sender = createAppOutboxSender({
    config: context.config,
    prisma: database.prisma,
    logger: createLogger({ level: "silent" }),
  });
  let sent = 0;
  for (let round = 0; round < 1000; round++) {
    const result = await sender.drainOnce();
    sent += result.sent;
    if (result.claimed === 0) break;
  }
  context.io.out(context.t("cli-outbox-delivered", { count: sent }));
  return 0;
}

function unknown(args: ScheduleArgs, context: { t: Translate; io: CliIo }): number {
  context.io.err(
    context.t("cli-error", { message: context.t("cli-unknown-command", { command: args.words.join(" ") }) }),
  );
  return 2;
}
