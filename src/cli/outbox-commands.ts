// `outbox status`: how many messages are pending, sent and failed, and who could not be reached (the person
// with their phone, or the linked group and its unit, so the office can call them). Never prints a message's
// text: only who it was for, its kind, the error and the date.
import type { Config } from "../config.js";
import { localDateTime } from "../domain/invite-token.js";
import { formatLocalDate } from "../domain/local-date.js";
import { formatPhoneForDisplay } from "../domain/phone.js";
import type { Translate } from "../i18n.js";
import type { UseCaseDeps } from "../usecases/deps.js";
import { outboxStatus } from "../usecases/outbox-status.js";
import type { CliIo } from "./run-cli.js";

interface OutboxArgs {
  words: readonly string[];
}

const shownFailures = 50;

export async function outboxCommand(
  args: OutboxArgs,
  context: { deps: UseCaseDeps; t: Translate; config: Config; io: CliIo },
): Promise<number> {
  const { t, io, config } = context;
  if (args.words[1] !== "status" || args.words.length > 2) {
    io.err(t("cli-error", { message: t("cli-unknown-command", { command: args.words.join(" ") }) }));
    return 2;
  }
  const summary = await outboxStatus(context.deps, { failureLimit: shownFailures });
  io.out(
    t("outbox-cli-summary", {
      pending: summary.pending,
      waiting: summary.waiting,
      sent: summary.sent,
      failed: summary.failed,
    }),
  );
  if (summary.failed === 0) return 0;
  io.out(t("outbox-cli-failures", { count: summary.failed }));
  for (const failure of summary.failures) {
    const local = localDateTime(failure.at, config.timezone);
    const { recipient } = failure;
    const who =
      recipient?.kind === "person"
        ? t("outbox-cli-who-person", {
            name: recipient.name,
            phone: recipient.phone ? formatPhoneForDisplay(recipient.phone) : "none",
            channel: failure.channel,
          })
        : recipient?.kind === "group"
          ? t("outbox-cli-who-group", { title: recipient.title ?? "none", unit: recipient.unit })
          : t("outbox-cli-who-unknown", { channel: failure.channel, chat: String(failure.chatId) });
    io.out(
      t("outbox-cli-failure-line", {
        who,
        kind: failure.kind,
        error: failure.error,
        date: `${formatLocalDate(local.date)} ${local.time}`,
      }),
    );
  }
  if (summary.failed > summary.failures.length)
    io.out(t("outbox-cli-more", { count: summary.failed - summary.failures.length }));
  return 0;
}
