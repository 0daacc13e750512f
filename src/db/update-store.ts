// The inbox of Telegram updates: stored before Telegram is told they were received, marked when handled.
import { Prisma, type PrismaClient } from "@prisma/client";
import type { Message, Update } from "grammy/types";
import { looksLikeInviteToken } from "../domain/invite-token.js";
import { driverSql } from "./driver-sql.js";

export interface StoredUpdate {
  updateId: number;
  payload: Update;
  attempts: number;
}

// Every update is stored, read, counted and marked: these statements run on the driver (src/db/driver-sql.ts),
// and the counting and marking in batches (src/bot/update-inbox.ts gathers the updates handled meanwhile).

export async function storeUpdates(prisma: PrismaClient, updates: readonly Update[]): Promise<void> {
  if (updates.length === 0) return;
  // A redelivered update (same id) is ignored: it is handled once.
  await driverSql(prisma).execute(Prisma.sql`
    INSERT INTO telegram_updates ("updateId", payload, "receivedAt")
    SELECT id, payload, ${new Date()}::timestamp
    FROM unnest(${updates.map((update) => String(update.update_id))}::bigint[], ${updates.map((update) => JSON.stringify(update))}::jsonb[]) AS u(id, payload)
    ON CONFLICT ("updateId") DO NOTHING`);
}

export async function nextUpdateOffset(prisma: PrismaClient): Promise<number | undefined> {
  const latest = await prisma.telegramUpdate.findFirst({ orderBy: { updateId: "desc" }, select: { updateId: true } });
  return latest ? Number(latest.updateId) + 1 : undefined;
}

/** Updates not yet handled, oldest first, after `afterId` (those up to it are already being handled). */
export async function pendingUpdates(prisma: PrismaClient, limit: number, afterId = 0): Promise<StoredUpdate[]> {
  const rows = await driverSql(prisma).rows<{ updateId: bigint; payload: Update; attempts: number }>(Prisma.sql`
    SELECT "updateId", payload, attempts FROM telegram_updates
    WHERE "processedAt" IS NULL AND "updateId" > ${BigInt(afterId)}::bigint
    ORDER BY "updateId" LIMIT ${limit}::int`);
  return rows.map((row) => ({ updateId: Number(row.updateId), payload: row.payload, attempts: row.attempts }));
}

/** Counted before handling, so an update that crashes the process every time is eventually set aside. */
export async function markAttempts(prisma: PrismaClient, updateIds: readonly number[]): Promise<void> {
  if (updateIds.length === 0) return;
  await driverSql(prisma).execute(Prisma.sql`
    UPDATE telegram_updates SET attempts = attempts + 1 WHERE "updateId" = ANY(${updateIds.map(String)}::bigint[])`);
}

export interface HandledMark {
  updateId: number;
  /** Why it failed, when it did. */
  error?: string;
  /** The update as handled: secrets it carried (invite tokens, shared phone numbers) are not kept. */
  payload?: Update;
}

/** Marks updates handled, in one statement; only the payloads that carried secrets are rewritten. */
export async function markHandled(prisma: PrismaClient, marks: readonly HandledMark[]): Promise<void> {
  if (marks.length === 0) return;
  const redacted = marks.map((mark) => (mark.payload ? redactUpdate(mark.payload) : null));
  await driverSql(prisma).execute(Prisma.sql`
    UPDATE telegram_updates t
    SET "processedAt" = ${new Date()}::timestamp, "lastError" = m.error, payload = COALESCE(m.payload, t.payload)
    FROM unnest(${marks.map((mark) => String(mark.updateId))}::bigint[], ${marks.map((mark) => mark.error ?? null)}::text[],
                ${redacted.map((update) => (update ? JSON.stringify(update) : null))}::jsonb[]) AS m(id, error, payload)
    WHERE t."updateId" = m.id`);
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
    if (text !== null)
      clean = {
        ...clean,
        text,
        entities: message.entities?.filter((e) => e.offset === 0 && e.length <= text.length) ?? [],
      };
  }
  if (message.caption !== undefined) {
    const caption = redactText(message.caption);
    if (caption !== null)
      clean = {
        ...clean,
        caption,
        caption_entities: message.caption_entities?.filter((e) => e.offset === 0 && e.length <= caption.length) ?? [],
      };
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
