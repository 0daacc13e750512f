// Groups the bot was added to and that nobody linked within the wait: the scheduler queues a goodbye and
// the leaving itself in the outbox (it never calls Telegram; the sender does, in the group's order: the
// goodbye first, then leaveChat, even if the goodbye cannot be delivered). The bot's own gate does the same
// at once when someone writes in such a group.
import type { PrismaClient } from "@prisma/client";
import type { Clock } from "../clock.js";
import { endGroupWait, expiredGroupWaits, groupWaitMinutes } from "../db/group-binding-store.js";
import { enqueue } from "../db/outbox-store.js";
import type { Translate } from "../i18n.js";

export interface GroupLeaveJobDeps {
  prisma: PrismaClient;
  clock: Clock;
  /** Texts in DEFAULT_LOCALE (an unlinked group has no language of its own). */
  translate: Translate;
}

/** Queues the goodbye and the leaving for every group whose wait is over; returns those groups' chat ids. */
export async function leaveUnlinkedGroups(deps: GroupLeaveJobDeps): Promise<number[]> {
  const now = deps.clock.now();
  const waits = await expiredGroupWaits(deps.prisma, now);
  for (const { chatId, until } of waits) {
    // Keyed by the wait: a crash before the wait is ended queues nothing twice; a later wait (the bot added
    // again) gets a goodbye of its own.
    const wait = `${chatId}:${until.toISOString()}`;
    const goodbye = deps.translate("group-leaving", { minutes: groupWaitMinutes });
    // Two inserts, so the goodbye's id (and so its turn in the chat's queue) comes first.
    await enqueue(deps.prisma, [
      {
        dedupeKey: `group-goodbye:${wait}`,
        chatId,
        kind: "group-goodbye",
        payload: { method: "sendMessage", params: { text: goodbye } },
        notBefore: now,
      },
    ]);
    await enqueue(deps.prisma, [
      {
        dedupeKey: `group-leave:${wait}`,
        chatId,
        kind: "group-leave",
        payload: { method: "leaveChat", params: {} },
        notBefore: now,
      },
    ]);
    await endGroupWait(deps.prisma, chatId);
  }
  return waits.map((wait) => wait.chatId);
}
