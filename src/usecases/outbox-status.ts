// `outbox status`: how many scheduled messages are pending, sent and failed, and which chats could not be
// reached, as of now.
import { outboxSummary } from "../db/outbox-store.js";
import type { UseCaseDeps } from "./deps.js";

export async function outboxStatus(deps: UseCaseDeps, input: { failureLimit: number }) {
  return outboxSummary(deps.prisma, { now: deps.clock.now(), failureLimit: input.failureLimit });
}
