// The outbox: messages are written here (with a unique dedupe key) and the sender delivers them.
//
// Claiming is a lease: a claimed row gets `claimedUntil`, and only the claimer whose lease token (that
// exact timestamp) is still on the row may mark it. A process killed while sending leaves its rows
// pending; they are claimed again once the lease expires, so nothing queued is ever lost.
//
// Order per chat: only the earliest pending row of a chat (by id) can be claimed, so a later message of a
// chat never overtakes an earlier one, even with several instances or while the earlier one waits for a
// retry. On PostgreSQL rows are claimed with FOR UPDATE SKIP LOCKED, so concurrent instances never claim
// the same row.
//
// For failed rows, `notBefore` holds the time of the last attempt (the table has no separate column).
import { createHash } from "node:crypto";
import { Prisma, type PrismaClient } from "@prisma/client";
import { driverSql } from "./driver-sql.js";

export type OutboxMethod = "sendMessage" | "sendPhoto" | "sendDocument" | "setMyCommands" | "leaveChat" | "webPush";

/** Telegram (the row's chat), or Web Push to the browsers a person allowed (the row's "chat" is the person's id). */
export type OutboxChannel = "telegram" | "webpush";

/** What a Web Push notification shows, and the page of this site it opens. */
export interface PushNotification {
  title: string;
  body: string;
  /** A path of the web app ("/don-vi/GT-01/bao-cao"). */
  url: string;
}

/**
 * What to call. `chat_id` is always the row's chat. For sendPhoto/sendDocument the file field may be a
 * file_id/URL string, `{ base64, filename? }`, `{ path }` relative to DATA_DIR, or `{ attachment, filename? }`
 * naming bytes stored with storeAttachment (any instance can send those).
 * setMyCommands (a command menu) takes no chat_id: its `scope` names the chat, and the row's chat is the
 * one whose queue it waits in (the person's, or 0 for the bot-wide menus). It sends no message, so its
 * row is marked sent without a message id. leaveChat (leaving a group nobody linked) takes no params and
 * sends no message either; queued after the goodbye, it waits for it like any message of the chat.
 * webPush (channel `webpush` only) carries a PushNotification as its params.
 */
export interface OutboxPayload {
  method: OutboxMethod;
  params: Record<string, unknown>;
}

export interface NewOutboxMessage {
  /** Unique per message ever meant, e.g. `digest:<unit>:<local date>:<part>`. */
  dedupeKey: string;
  /** Default: telegram. */
  channel?: OutboxChannel;
  /** The Telegram chat, or (webpush) the person's id. */
  chatId: number | bigint;
  /** What it is (digest, reminder, ...): shown by `outbox status`, never the text. */
  kind: string;
  payload: OutboxPayload;
  /** Not before this time (default: now). */
  notBefore?: Date;
}

/** Kinds of message nobody asked for just now: they are held while their chat is in a conversation with the bot. */
export const waitForConversation: readonly string[] = ["reminder", "group-reminder", "difficulty-notice"];

export interface ClaimedMessage {
  id: number;
  chatId: number;
  kind: string;
  payload: OutboxPayload;
  /** Tries so far, not counting this one. */
  attempts: number;
  /** The lease token: pass it back to markSent / markRetry / markFailed. */
  claimedUntil: Date;
}

type Db = Pick<PrismaClient, "outboxMessage" | "$queryRawUnsafe" | "$queryRaw" | "$executeRaw">;

/**
 * Inserts the messages whose dedupe key is new (ON CONFLICT DO NOTHING); returns how many were new.
 * One statement on the driver (src/db/driver-sql.ts): Prisma's createMany wraps its INSERT in a transaction
 * of its own, and a binding plans a command menu on the bot's hot path. Inside a caller's transaction it
 * runs there, through Prisma.
 */
export async function enqueue(prisma: Db, messages: readonly NewOutboxMessage[]): Promise<number> {
  if (messages.length === 0) return 0;
  // Prisma filled the timestamps itself (@default(now()) is the client's clock, in UTC); so does this.
  const now = new Date().toISOString();
  return driverSql(prisma).execute(Prisma.sql`
    INSERT INTO outbox_messages ("dedupeKey", channel, "chatId", kind, payload, "notBefore", "createdAt")
    SELECT * FROM unnest(${messages.map((message) => message.dedupeKey)}::text[],
                         ${messages.map((message) => message.channel ?? "telegram")}::"OutboxChannel"[],
                         ${messages.map((message) => String(message.chatId))}::bigint[],
                         ${messages.map((message) => message.kind)}::text[], ${messages.map((message) => JSON.stringify(message.payload))}::jsonb[],
                         ${messages.map((message) => message.notBefore?.toISOString() ?? now)}::timestamp[], ${messages.map(() => now)}::timestamp[])
    ON CONFLICT ("dedupeKey") DO NOTHING`);
}

// Timestamps go in as ISO strings and are turned into UTC wall time, as Prisma stores TIMESTAMP(3).
const utc = (param: string) => `(${param}::timestamptz AT TIME ZONE 'UTC')`;

const claimSql = `
WITH due AS (
  SELECT o.id
  FROM outbox_messages o
  WHERE o.status = 'pending'
    AND o.channel = $6::"OutboxChannel"
    AND o."notBefore" <= ${utc("$1")}
    AND (o."claimedUntil" IS NULL OR o."claimedUntil" <= ${utc("$1")})
    AND NOT (o."chatId" = ANY (string_to_array($4, ',')::bigint[]))
    -- Unasked-for messages (reminders, lists, notices) wait while the person is in a conversation with
    -- the bot (a report being filled in): they are sent when it ends or expires.
    AND NOT (o.channel = 'telegram' AND o.kind = ANY (string_to_array($5, ',')) AND EXISTS (
      SELECT 1 FROM chat_flows f WHERE f."chatId" = o."chatId" AND f."awaitingAnswer" AND f."expiresAt" > ${utc("$1")}
    ))
    AND NOT EXISTS (
      SELECT 1 FROM outbox_messages earlier
      WHERE earlier.channel = o.channel AND earlier."chatId" = o."chatId" AND earlier.status = 'pending' AND earlier.id < o.id
    )
  ORDER BY o."notBefore", o.id
  LIMIT $3::int
  FOR UPDATE OF o SKIP LOCKED
)
UPDATE outbox_messages m SET "claimedUntil" = ${utc("$2")}
FROM due
WHERE m.id = due.id
RETURNING m.id, m."chatId"::text AS "chatId", m.kind, m.payload::text AS payload, m.attempts`;

/**
 * Claims up to `limit` due pending rows of the channel (default telegram; at most one per chat: the chat's
 * earliest), ordered by notBefore, id, for `leaseMs`. `excludeChatIds`: chats the caller cannot send to now
 * (rate limits).
 * `instanceId` is for the caller's logs only (the lease token is what fences the claim).
 */
export async function claimDue(
  prisma: Db,
  options: {
    limit: number;
    now: Date;
    leaseMs: number;
    instanceId?: string;
    excludeChatIds?: readonly number[];
    channel?: OutboxChannel;
  },
): Promise<ClaimedMessage[]> {
  if (options.limit <= 0) return [];
  const claimedUntil = new Date(options.now.getTime() + options.leaseMs);
  const rows = await prisma.$queryRawUnsafe<
    Array<{ id: number; chatId: string; kind: string; payload: string; attempts: number }>
  >(
    claimSql,
    options.now.toISOString(),
    claimedUntil.toISOString(),
    Math.floor(options.limit),
    (options.excludeChatIds ?? []).join(","),
    waitForConversation.join(","),
    options.channel ?? "telegram",
  );
  return rows
    .map((row) => ({
      id: Number(row.id),
      chatId: Number(row.chatId),
      kind: row.kind,
      payload: (typeof row.payload === "string" ? JSON.parse(row.payload) : row.payload) as OutboxPayload,
      attempts: Number(row.attempts),
      claimedUntil,
    }))
    .sort((a, b) => a.id - b.id);
}

const fence = (message: Pick<ClaimedMessage, "id" | "claimedUntil">) => ({
  id: message.id,
  status: "pending" as const,
  claimedUntil: message.claimedUntil,
});

/** Telegram accepted it. False if the lease was lost meanwhile (another instance owns the row now). */
export async function markSent(
  prisma: Db,
  message: ClaimedMessage,
  sentMessageId: number,
  now: Date,
): Promise<boolean> {
  const result = await prisma.outboxMessage.updateMany({
    where: fence(message),
    data: {
      status: "sent",
      sentMessageId,
      sentAt: now,
      attempts: { increment: 1 },
      claimedUntil: null,
      lastError: null,
    },
  });
  return result.count === 1;
}

const markSentManySql = `
UPDATE outbox_messages o
SET status = 'sent', "sentMessageId" = v.message_id, "sentAt" = ${utc("$4")}, attempts = o.attempts + 1,
    "claimedUntil" = NULL, "lastError" = NULL
FROM unnest($1::int[], $2::int[], $3::text[]) AS v(id, message_id, lease)
WHERE o.id = v.id AND o.status = 'pending' AND o."claimedUntil" = (v.lease::timestamptz AT TIME ZONE 'UTC')
RETURNING o.id`;

/**
 * Marks a round's accepted sends in one statement (one write per message was the sender's bottleneck).
 * Each row is still fenced by its own lease; returns the ids actually marked.
 */
/**
 * The sends that count against Telegram's limits at `now`, by chat: those recorded since `since`, and those
 * claimed by a sender and not yet recorded (in flight, or sent by a process that died before recording them),
 * counted as made at `now`. A sender starting up counts them, so that a restart (or an instance starting
 * beside others) does not send a second burst on top of the one just sent.
 */
export async function recentSends(prisma: Db, since: Date, now: Date): Promise<{ chatId: number; at: Date }[]> {
  const rows = await prisma.outboxMessage.findMany({
    where: {
      channel: "telegram",
      OR: [
        { status: "sent", sentAt: { gt: since } },
        { status: "pending", claimedUntil: { gt: now } },
      ],
    },
    select: { chatId: true, status: true, sentAt: true },
  });
  return rows.map((row) => ({ chatId: Number(row.chatId), at: row.status === "sent" ? row.sentAt! : now }));
}

export async function markSentMany(
  prisma: Db,
  sent: readonly { message: ClaimedMessage; messageId: number | null }[],
  now: Date,
): Promise<Set<number>> {
  if (sent.length === 0) return new Set();
  const rows = await prisma.$queryRawUnsafe<{ id: number }[]>(
    markSentManySql,
    sent.map((entry) => entry.message.id),
    sent.map((entry) => entry.messageId),
    sent.map((entry) => entry.message.claimedUntil.toISOString()),
    now.toISOString(),
  );
  return new Set(rows.map((row) => row.id));
}

/** Try again at `notBefore`. `countAttempt: false` for flood waits (429), which are not the message's fault. */
export async function markRetry(
  prisma: Db,
  message: ClaimedMessage,
  notBefore: Date,
  error: string,
  options: { countAttempt?: boolean } = {},
): Promise<boolean> {
  const result = await prisma.outboxMessage.updateMany({
    where: fence(message),
    data: {
      notBefore,
      lastError: truncate(error),
      claimedUntil: null,
      ...(options.countAttempt !== false && { attempts: { increment: 1 } }),
    },
  });
  return result.count === 1;
}

/** Permanently undeliverable (blocked, kicked, chat not found, too many failed tries). */
export async function markFailed(prisma: Db, message: ClaimedMessage, error: string, now: Date): Promise<boolean> {
  const result = await prisma.outboxMessage.updateMany({
    where: fence(message),
    data: {
      status: "failed",
      lastError: truncate(error),
      attempts: { increment: 1 },
      claimedUntil: null,
      notBefore: now,
    },
  });
  return result.count === 1;
}

function truncate(text: string): string {
  return text.length > 500 ? `${text.slice(0, 497)}...` : text;
}

export interface OutboxFailure {
  id: number;
  channel: OutboxChannel;
  /** The Telegram chat, or (webpush) the person's id. */
  chatId: number;
  kind: string;
  error: string;
  /** The last attempt. */
  at: Date;
}

export interface OutboxSummary {
  pending: number;
  /** Pending rows waiting for a later time (retry or scheduled). */
  waiting: number;
  sent: number;
  failed: number;
  /** The most recent permanent failures, newest first. */
  failures: OutboxFailure[];
}

/** Counts per status and the latest permanent failures; never the messages' texts. */
export async function outboxSummary(prisma: Db, options: { now: Date; failureLimit?: number }): Promise<OutboxSummary> {
  const [groups, waiting, failures] = await Promise.all([
    prisma.outboxMessage.groupBy({ by: ["status"], _count: { _all: true } }),
    prisma.outboxMessage.count({ where: { status: "pending", notBefore: { gt: options.now } } }),
    prisma.outboxMessage.findMany({
      where: { status: "failed" },
      orderBy: [{ notBefore: "desc" }, { id: "desc" }],
      take: options.failureLimit ?? 50,
      select: { id: true, channel: true, chatId: true, kind: true, lastError: true, notBefore: true },
    }),
  ]);
  const count = (status: string) => groups.find((group) => group.status === status)?._count._all ?? 0;
  return {
    pending: count("pending"),
    waiting,
    sent: count("sent"),
    failed: count("failed"),
    failures: failures.map((row) => ({
      id: row.id,
      channel: row.channel,
      chatId: Number(row.chatId),
      kind: row.kind,
      error: row.lastError ?? "",
      at: row.notBefore,
    })),
  };
}

/** Who an outbox row was for, as an office names them: a person (Telegram chat or browsers), or a linked group. */
export type OutboxRecipient =
  | { kind: "person"; name: string; phone: string | null }
  | { kind: "group"; title: string | null; unit: string };

/**
 * The people and groups behind these rows' addresses (a person's Telegram chat or id, a group's chat), by
 * row id; an address no longer known (a person erased, a group unlinked) is left out.
 */
export async function outboxRecipients(
  prisma: Pick<PrismaClient, "person" | "chatBinding">,
  rows: readonly { id: number; channel: OutboxChannel; chatId: number }[],
): Promise<Map<number, OutboxRecipient>> {
  const personIds = rows.filter((row) => row.channel === "webpush").map((row) => row.chatId);
  const telegram = rows.filter((row) => row.channel === "telegram");
  const [byId, byTelegram, groups] = await Promise.all([
    prisma.person.findMany({ where: { id: { in: personIds } }, select: { id: true, name: true, phone: true } }),
    prisma.person.findMany({
      where: { telegramUserId: { in: telegram.filter((row) => row.chatId > 0).map((row) => BigInt(row.chatId)) } },
      select: { telegramUserId: true, name: true, phone: true },
    }),
    prisma.chatBinding.findMany({
      where: { chatId: { in: telegram.filter((row) => row.chatId < 0).map((row) => BigInt(row.chatId)) } },
      select: { chatId: true, title: true, unit: { select: { name: true } } },
    }),
  ]);
  const people = new Map<string, { name: string; phone: string | null }>(
    byId.map((person) => [`webpush:${person.id}`, person]),
  );
  for (const person of byTelegram) people.set(`telegram:${person.telegramUserId}`, person);
  const groupOf = new Map(groups.map((group) => [Number(group.chatId), group]));
  const found = new Map<number, OutboxRecipient>();
  for (const row of rows) {
    const person = people.get(`${row.channel}:${row.chatId}`);
    const group = row.channel === "telegram" ? groupOf.get(row.chatId) : undefined;
    if (person) found.set(row.id, { kind: "person", name: person.name, phone: person.phone });
    else if (group) found.set(row.id, { kind: "group", title: group.title, unit: group.unit.name });
  }
  return found;
}

/**
 * Embedded database only (one process): claims left by a process that died are released at start, so its
 * messages go out at once instead of after the lease. On PostgreSQL other instances may hold live claims.
 */
export async function releaseClaims(prisma: Db): Promise<number> {
  const result = await prisma.outboxMessage.updateMany({
    where: { status: "pending", claimedUntil: { not: null } },
    data: { claimedUntil: null },
  });
  return result.count;
}

/** Keeps the bytes for outbox messages to send; returns the key to put in the payload (`{ attachment }`). */
export async function storeAttachment(
  prisma: Pick<PrismaClient, "$executeRawUnsafe">,
  data: Uint8Array,
  now: Date,
): Promise<string> {
  const sha256 = createHash("sha256").update(data).digest("hex");
  // Base64 through SQL: the PGlite driver adapter rejects the bytes Prisma's client engine hands it.
  // `now` is the app's clock (pruneAttachments compares with it); storing the same bytes again refreshes it.
  await prisma.$executeRawUnsafe(
    `INSERT INTO outbox_attachments (sha256, data, "createdAt") VALUES ($1, decode($2, 'base64'), ${utc("$3")})
     ON CONFLICT (sha256) DO UPDATE SET "createdAt" = GREATEST(outbox_attachments."createdAt", EXCLUDED."createdAt")`,
    sha256,
    Buffer.from(data).toString("base64"),
    now.toISOString(),
  );
  return sha256;
}

export async function loadAttachment(
  prisma: Pick<PrismaClient, "$queryRawUnsafe">,
  sha256: string,
): Promise<Buffer | null> {
  const rows = await prisma.$queryRawUnsafe<{ data: string }[]>(
    `SELECT encode(data, 'base64') AS data FROM outbox_attachments WHERE sha256 = $1`,
    sha256,
  );
  return rows[0] ? Buffer.from(rows[0].data, "base64") : null;
}

/** Deletes attachments stored before `before` that no pending message still needs; returns how many. */
export async function pruneAttachments(prisma: Pick<PrismaClient, "$executeRawUnsafe">, before: Date): Promise<number> {
  return prisma.$executeRawUnsafe(
    `DELETE FROM outbox_attachments a
     WHERE a."createdAt" < ${utc("$1")}
       AND NOT EXISTS (
         SELECT 1 FROM outbox_messages o
         WHERE o.status = 'pending'
           AND a.sha256 IN (o.payload->'params'->'photo'->>'attachment', o.payload->'params'->'document'->>'attachment')
       )`,
    before.toISOString(),
  );
}
