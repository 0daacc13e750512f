// `outbox status`: how many messages are pending, sent and failed, and which chats are unreachable.
// Never prints a message's text (it may hold names): only chat, kind, Telegram's error and the date.
import type { Config } from "../config.js";
import { localDateTime } from "../domain/invite-token.js";
import { formatLocalDate } from "../domain/local-date.js";
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
    io.out(
      t("outbox-cli-failure-line", {
        channel: failure.channel,
        chat: String(failure.chatId),
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
