// The inbox of Telegram updates: stored before Telegram is told they were received, marked when handled.
import { Prisma, type PrismaClient } from "@prisma/client";
import type { Message, Update } from "grammy/types";
import { looksLikeInviteToken } from "../domain/invite-token.js";
import { driverSql } from "./driver-sql.js";

export interface StoredUpdate {
  updateId: number;
  payload: Update;
  attempts: number;
  /** The chat whose order it belongs to (chatKeyOf). */
  chatKey: string;
}

/** The chat whose order an update belongs to; updates of one chat are handled one after another. */
export function chatKeyOf(update: Update): string {
  const chatId =
    // A group upgraded to a supergroup sends one message from each id; both are one chat's history, so
    // the new id's message waits for the old one's (the binding moves from old to new in that order).
    update.message?.migrate_from_chat_id ??
    update.message?.chat.id ??
    update.edited_message?.chat.id ??
    update.callback_query?.message?.chat.id ??
    update.my_chat_member?.chat.id ??
    // A button on a message the bot can no longer see still comes from one person.
    update.callback_query?.from.id;
  return chatId === undefined ? "other" : String(chatId);
}

// Every update is stored, read, counted and marked: these statements run on the driver (src/db/driver-sql.ts),
// and the counting and marking in batches (src/bot/update-inbox.ts gathers the updates handled meanwhile).

export async function storeUpdates(prisma: PrismaClient, updates: readonly Update[]): Promise<void> {
  if (updates.length === 0) return;
  // A redelivered update (same id) is ignored: it is handled once. Each chat gets its hold row here, in the
  // same statement, so that holding a chat (holdChats) only ever updates rows.
  await driverSql(prisma).execute(Prisma.sql`
    WITH stored AS (
      INSERT INTO telegram_updates ("updateId", payload, "receivedAt", "chatKey")
      SELECT id, payload, ${new Date()}::timestamp, key
      FROM unnest(${updates.map((update) => String(update.update_id))}::bigint[],
                  ${updates.map((update) => JSON.stringify(update))}::jsonb[],
                  ${updates.map(chatKeyOf)}::text[]) AS u(id, payload, key)
      ON CONFLICT ("updateId") DO NOTHING
      RETURNING "chatKey")
    INSERT INTO telegram_chat_holds ("chatKey") SELECT DISTINCT "chatKey" FROM stored
    ON CONFLICT ("chatKey") DO NOTHING`);
}

export async function nextUpdateOffset(prisma: PrismaClient): Promise<number | undefined> {
  const latest = await prisma.telegramUpdate.findFirst({ orderBy: { updateId: "desc" }, select: { updateId: true } });
  return latest ? Number(latest.updateId) + 1 : undefined;
}

/** Updates not yet handled, oldest first, after `afterId` (those up to it are already being handled). */
export async function pendingUpdates(prisma: PrismaClient, limit: number, afterId = 0): Promise<StoredUpdate[]> {
  const rows = await driverSql(prisma).rows<StoredRow>(Prisma.sql`
    SELECT "updateId", payload, attempts, "chatKey" FROM telegram_updates
    WHERE "processedAt" IS NULL AND "updateId" > ${BigInt(afterId)}::bigint
    ORDER BY "updateId" LIMIT ${limit}::int`);
  return rows.map(storedUpdate);
}

interface StoredRow {
  updateId: bigint;
  payload: Update;
  attempts: number;
  chatKey: string;
}

function storedUpdate(row: StoredRow): StoredUpdate {
  return { updateId: Number(row.updateId), payload: row.payload, attempts: row.attempts, chatKey: row.chatKey };
}

// Several instances on one PostgreSQL database share the stored updates by chat. An instance holds a chat
// (telegram_chat_holds) before it handles any of its updates, so one chat's updates are handled by one
// instance at a time and in order; other chats go to whichever instance is free. A hold lapses unless
// renewed. Each instance also holds an advisory lock named after it while it runs (Database.lockInstance):
// the chats of an instance whose lock is gone (it died; the server dropped its connection) are taken over at
// once, and a hold that runs out covers the rest (an instance that hangs, or lost its way to the database).
// Times are the database's (now()), so the instances' clocks do not matter.

/** The advisory lock class of instances' liveness locks: pg_advisory_lock(instanceLockClass, hashtext(id)). */
export const instanceLockClass = 72707371;

/**
 * Holds up to `chats` chats with unhandled updates that no instance holds (or whose hold ran out), oldest
 * update first, and returns those chats' unhandled updates in update order. Rows another instance is
 * holding at this very moment are skipped (FOR UPDATE SKIP LOCKED), never waited for.
 */
export async function holdChatsAndRead(
  prisma: PrismaClient,
  holder: { instanceId: string; leaseSeconds: number },
  chats: number,
): Promise<StoredUpdate[]> {
  if (chats <= 0) return [];
  const rows = await driverSql(prisma).rows<StoredRow>(Prisma.sql`
    WITH alive AS (
      SELECT objid FROM pg_locks
      WHERE locktype = 'advisory' AND classid = ${instanceLockClass}::int::oid AND objsubid = 2 AND granted
        AND database = (SELECT oid FROM pg_database WHERE datname = current_database())),
    free AS (
      SELECT h."chatKey" FROM telegram_chat_holds h
      JOIN (SELECT "chatKey", min("updateId") AS first FROM telegram_updates
            WHERE "processedAt" IS NULL GROUP BY "chatKey") p ON p."chatKey" = h."chatKey"
      WHERE (h."heldUntil" IS NULL OR h."heldUntil" < now()
             OR hashtext(h."heldBy")::oid NOT IN (SELECT objid FROM alive))
        -- Not this instance's own lapsed holds: it still has those chats in memory.
        AND h."heldBy" IS DISTINCT FROM ${holder.instanceId}
      ORDER BY p.first LIMIT ${chats}::int
      FOR UPDATE OF h SKIP LOCKED),
    held AS (
      UPDATE telegram_chat_holds h
      SET "heldBy" = ${holder.instanceId}, "heldUntil" = now() + make_interval(secs => ${holder.leaseSeconds}::int)
      FROM free WHERE h."chatKey" = free."chatKey"
      RETURNING h."chatKey")
    SELECT u."updateId", u.payload, u.attempts, u."chatKey" FROM telegram_updates u
    JOIN held ON held."chatKey" = u."chatKey"
    WHERE u."processedAt" IS NULL
    ORDER BY u."updateId"`);
  return rows.map(storedUpdate);
}

/** Extends this instance's holds; returns the chats it still holds (a chat missing was taken over). */
export async function renewHolds(
  prisma: PrismaClient,
  holder: { instanceId: string; leaseSeconds: number },
): Promise<Set<string>> {
  const rows = await driverSql(prisma).rows<{ chatKey: string }>(Prisma.sql`
    UPDATE telegram_chat_holds SET "heldUntil" = now() + make_interval(secs => ${holder.leaseSeconds}::int)
    WHERE "heldBy" = ${holder.instanceId}
    RETURNING "chatKey"`);
  return new Set(rows.map((row) => row.chatKey));
}

/**
 * Lets go of a chat whose updates this instance has handled; says whether the chat has unhandled updates
 * (stored meanwhile by another instance, which could not hold the chat while this one did).
 */
export async function releaseChat(prisma: PrismaClient, instanceId: string, chatKey: string): Promise<boolean> {
  const rows = await driverSql(prisma).rows<{ pending: boolean }>(Prisma.sql`
    WITH released AS (
      UPDATE telegram_chat_holds SET "heldBy" = NULL, "heldUntil" = NULL
      WHERE "chatKey" = ${chatKey} AND "heldBy" = ${instanceId})
    SELECT EXISTS (SELECT 1 FROM telegram_updates WHERE "chatKey" = ${chatKey} AND "processedAt" IS NULL) AS pending`);
  return rows[0]?.pending === true;
}

/** Lets go of every chat this instance holds (it is stopping): other instances take them at once. */
export async function releaseAllChats(prisma: PrismaClient, instanceId: string): Promise<number> {
  return driverSql(prisma).execute(Prisma.sql`
    UPDATE telegram_chat_holds SET "heldBy" = NULL, "heldUntil" = NULL WHERE "heldBy" = ${instanceId}`);
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
