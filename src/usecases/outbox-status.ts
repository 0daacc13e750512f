// `outbox status`: how many scheduled messages are pending, sent and failed, and who could not be reached
// (the person or the linked group, by name), as of now.
import { outboxRecipients, outboxSummary, type OutboxRecipient } from "../db/outbox-store.js";
import type { UseCaseDeps } from "./deps.js";

export async function outboxStatus(deps: UseCaseDeps, input: { failureLimit: number }) {
  const summary = await outboxSummary(deps.prisma, { now: deps.clock.now(), failureLimit: input.failureLimit });
  const recipients = await outboxRecipients(deps.prisma, summary.failures);
  return {
    ...summary,
    failures: summary.failures.map((failure) => ({
      ...failure,
      /** Null when the address is no longer known (a person erased, a group unlinked): its number is shown. */
      recipient: (recipients.get(failure.id) ?? null) as OutboxRecipient | null,
    })),
  };
}
