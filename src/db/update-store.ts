// The inbox of Telegram updates: stored before Telegram is told they were received, marked when handled.
import type { Prisma, PrismaClient } from "@prisma/client";
import type { Message, Update } from "grammy/types";
import { looksLikeInviteToken } from "../domain/invite-token.js";

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

/**
 * The update without the credentials and phone numbers it carried, or null when it holds none: the argument
 * of `/start TOKEN` (an invite) and of `/lienketnhom CODE` / `/linkgroup CODE` (a group link code), a deep
 * link's `?start=` payload pasted in a message, a message that is only a code (pasted without its command),
 * and a shared contact's phone number.
 */
export function redactUpdate(update: Update): Update | null {
  let changed = false;
  const redacted: Update = { ...update };
  for (const key of messageKeys) {
    const message = update[key];
    if (!message) continue;
    const clean = redactMessage(message);
    if (clean !== message) {
      (redacted as Record<MessageKey, Message | undefined>)[key] = clean;
      changed = true;
    }
  }
  return changed ? redacted : null;
}

type MessageKey = "message" | "edited_message" | "channel_post" | "edited_channel_post";
const messageKeys: readonly MessageKey[] = ["message", "edited_message", "channel_post", "edited_channel_post"];

/** A command whose argument is a credential, with its @bot suffix and the space after it. */
const credentialCommand = /^(\/(?:start|startgroup|lienketnhom|linkgroup)(?:@\w+)?)\s+\S/i;
const deepLinkPayload = /([?&](?:start|startgroup)=)[^&#\s]+/gi;

function redactText(text: string): string | null {
  const command = credentialCommand.exec(text);
  if (command) return `${command[1]} [redacted]`;
  if (looksLikeInviteToken(text.trim())) return "[redacted]";
  const withoutLinks = text.replace(deepLinkPayload, "$1[redacted]");
  return withoutLinks === text ? null : withoutLinks;
}

function redactMessage(message: Message): Message {
  let clean = message;
  if (message.text !== undefined) {
    const text = redactText(message.text);
    // Only an entity at the very start (the command) still fits the shortened text.
    if (text !== null) clean = { ...clean, text, entities: message.entities?.filter((e) => e.offset === 0 && e.length <= text.length) ?? [] };
  }
  if (message.caption !== undefined) {
    const caption = redactText(message.caption);
    if (caption !== null) clean = { ...clean, caption, caption_entities: message.caption_entities?.filter((e) => e.offset === 0 && e.length <= caption.length) ?? [] };
  }
  if (message.contact) clean = { ...clean, contact: { ...message.contact, phone_number: "[redacted]" } };
  return clean;
}

export async function purgeHandledUpdates(prisma: PrismaClient, olderThan: Date): Promise<number> {
  const latest = await nextUpdateOffset(prisma);
  const result = await prisma.telegramUpdate.deleteMany({
    // The newest row stays: it carries the polling offset across restarts.
    where: { processedAt: { lt: olderThan }, ...(latest !== undefined && { updateId: { lt: BigInt(latest - 1) } }) },
  });
  return result.count;
}
