// The inbox of Telegram updates: stored before Telegram is told they were received, marked when handled.
import type { Prisma, PrismaClient } from "@prisma/client";
import type { Update } from "grammy/types";

export interface StoredUpdate {
  updateId: number;
  payload: Update;
  attempts: number;
}

export async function storeUpdates(prisma: PrismaClient, updates: readonly Update[]): Promise<void> {
  if (updates.length === 0) return;
  // A redelivered update (same id) is ignored: it is handled once.
  await prisma.telegramUpdate.createMany({
    data: updates.map((update) => ({ updateId: BigInt(update.update_id), payload: update as unknown as Prisma.InputJsonObject })),
    skipDuplicates: true,
  });
}

export async function nextUpdateOffset(prisma: PrismaClient): Promise<number | undefined> {
  const latest = await prisma.telegramUpdate.findFirst({ orderBy: { updateId: "desc" }, select: { updateId: true } });
  return latest ? Number(latest.updateId) + 1 : undefined;
}

/** Updates not yet handled, oldest first, after `afterId` (those up to it are already being handled). */
export async function pendingUpdates(prisma: PrismaClient, limit: number, afterId = 0): Promise<StoredUpdate[]> {
  const rows = await prisma.telegramUpdate.findMany({
    where: { processedAt: null, updateId: { gt: BigInt(afterId) } },
    orderBy: { updateId: "asc" },
    take: limit,
  });
  return rows.map((row) => ({ updateId: Number(row.updateId), payload: row.payload as unknown as Update, attempts: row.attempts }));
}

/** Counted before handling, so an update that crashes the process every time is eventually set aside. */
export async function markAttempt(prisma: PrismaClient, updateId: number): Promise<void> {
  await prisma.telegramUpdate.update({ where: { updateId: BigInt(updateId) }, data: { attempts: { increment: 1 } } });
}

/** Marks an update handled; secrets it carried (invite tokens, shared phone numbers) are not kept. */
export async function markHandled(prisma: PrismaClient, updateId: number, error?: string, payload?: Update): Promise<void> {
  const redacted = payload ? redactUpdate(payload) : null;
  await prisma.telegramUpdate.update({
    where: { updateId: BigInt(updateId) },
    data: {
      processedAt: new Date(),
      lastError: error ?? null,
      ...(redacted && { payload: redacted as unknown as Prisma.InputJsonObject }),
    },
  });
}

/** The update without invite tokens and phone numbers, or null when it holds none. */
export function redactUpdate(update: Update): Update | null {
  const message = update.message;
  if (!message) return null;
  if (message.text && /^\/start\s+\S/.test(message.text)) {
    return { ...update, message: { ...message, text: "/start [redacted]", entities: message.entities?.filter((e) => e.offset === 0) ?? [] } };
  }
  if (message.contact) {
    return { ...update, message: { ...message, contact: { ...message.contact, phone_number: "[redacted]" } } };
  }
  return null;
}

export async function purgeHandledUpdates(prisma: PrismaClient, olderThan: Date): Promise<number> {
  const latest = await nextUpdateOffset(prisma);
  const result = await prisma.telegramUpdate.deleteMany({
    // The newest row stays: it carries the polling offset across restarts.
    where: { processedAt: { lt: olderThan }, ...(latest !== undefined && { updateId: { lt: BigInt(latest - 1) } }) },
  });
  return result.count;
}
