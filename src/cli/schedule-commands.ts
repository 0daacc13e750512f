// `digest send [--unit CODE] [--org CODE]` and `remind run`: the scheduler's jobs on demand. Messages go through the
// outbox like scheduled ones; with a bot token configured they are delivered before the command ends.
import type { Config } from "../config.js";
import { defaultReminderPolicy } from "../domain/reminder-policy.js";
import { createI18n, translatorFor, type Translate } from "../i18n.js";
import { createLogger } from "../logger.js";
import { createAppOutboxSender } from "../outbox/sender.js";
import { planReminders } from "../usecases/reminders.js";
import { reportStartCallback } from "../bot/reporting/flow-state.js";
import { campaignStartCallback } from "../bot/reporting/campaign-flow-state.js";
import type { UseCaseDeps } from "../usecases/deps.js";
import { queueDigestNow } from "../usecases/digest-now.js";
import { CliError, organizationOf, stringFlag, type ParsedArgs } from "./cli-error.js";
import type { CliIo } from "./run-cli.js";

interface ScheduleCliContext {
  deps: UseCaseDeps;
  t: Translate;
  config: Config;
  io: CliIo;
}

export async function digestCommand(args: ParsedArgs, context: ScheduleCliContext): Promise<number> {
  const { deps, t, io, config } = context;
  if (args.words[1] !== "send" || args.words.length > 2) return unknown(args, context);
  const organization = await organizationOf(deps, args, t);
  const unitCode = stringFlag(args, "--unit");
  const i18n = createI18n({ defaultLocale: config.defaultLocale });
  const outcome = await queueDigestNow(
    {
      ...deps,
      config,
      translate: translatorFor(i18n, config.defaultLocale),
      translateFor: (other) => translatorFor(i18n, other),
    },
    { organizationId: organization.id, ...(unitCode !== undefined && { unitCode }) },
  );
  if (outcome.status === "no-groups") throw new CliError(t("cli-digest-no-groups"), 1);
  io.out(t("cli-digest-queued", { count: outcome.groups }));
  return deliver(context);
}

export async function remindCommand(args: ParsedArgs, context: ScheduleCliContext): Promise<number> {
  const { deps, t, io, config } = context;
  if (args.words[1] !== "run" || args.words.length > 2) return unknown(args, context);
  const i18n = createI18n({ defaultLocale: config.defaultLocale });
  const planned = await planReminders({
    prisma: deps.prisma,
    clock: deps.clock,
    config,
    translate: (locale) => translatorFor(i18n, locale),
    policy: defaultReminderPolicy,
    reportButton: reportStartCallback,
    campaignReportButton: campaignStartCallback,
    // The channels the office's server delivers on: nothing is planned for Telegram on a web-only server.
    channels: { telegram: config.botToken !== undefined, webPush: config.web !== null },
  });
  io.out(t("cli-remind-queued", { count: planned }));
  return deliver(context);
}

/** Sends what is due now when a bot token is configured; otherwise the running bot will. */
async function deliver(context: ScheduleCliContext): Promise<number> {
  if (!context.config.botToken) {
    context.io.out(context.t("cli-outbox-left-for-bot"));
    return 0;
  }
  const sender = createAppOutboxSender({
    config: context.config,
    prisma: context.deps.prisma,
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

function unknown(args: ParsedArgs, context: { t: Translate; io: CliIo }): number {
  context.io.err(
    context.t("cli-error", { message: context.t("cli-unknown-command", { command: args.words.join(" ") }) }),
  );
  return 2;
}
