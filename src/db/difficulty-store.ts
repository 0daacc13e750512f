// Difficulties raised by units: stored once per Telegram update, resolved once, each step in the audit
// log; and the pending choice of unit (chat_flows, kind "difficulty") while a person picks one.
import { Prisma, type PrismaClient } from "@prisma/client";
import { enqueue, type NewOutboxMessage } from "./outbox-store.js";
import { codedUnitSelect, toCodedUnit, type CodedUnit } from "./unit-lookup.js";

type Db = PrismaClient | Prisma.TransactionClient;

/** A unit as authorisation, notices and the audit log need it: the unit lookup's shape. */
export type DifficultyUnit = CodedUnit;

export interface StoredDifficulty {
  id: number;
  unit: DifficultyUnit;
  text: string;
  sensitive: boolean;
  openedById: number | null;
  openedAt: Date;
  resolvedAt: Date | null;
}

const difficultyFields = {
  id: true,
  text: true,
  sensitive: true,
  openedById: true,
  openedAt: true,
  resolvedAt: true,
  unit: { select: codedUnitSelect },
} as const;

type DifficultyRow = Prisma.DifficultyGetPayload<{ select: typeof difficultyFields }>;

function toDifficulty({ unit, ...difficulty }: DifficultyRow): StoredDifficulty {
  return { ...difficulty, unit: toCodedUnit(unit) };
}

/** Units that are not archived, in the order asked, with what authorisation, texts and the audit log need. */
export async function findActiveUnits(prisma: PrismaClient, ids: readonly number[]): Promise<DifficultyUnit[]> {
  const rows = await prisma.unit.findMany({
    where: { id: { in: [...ids] }, archivedAt: null },
    select: codedUnitSelect,
  });
  const byId = new Map(rows.map((row) => [row.id, toCodedUnit(row)]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

export interface NewDifficulty {
  unit: DifficultyUnit;
  text: string;
  sensitive: boolean;
  openedById: number;
  openedAt: Date;
  telegramUpdateId: number;
  actor: string;
  /** Messages telling the unit's working-group leaders: written with the difficulty, or not at all. */
  notices: readonly NewOutboxMessage[];
}

export type OpenOutcome = { created: boolean; id: number };

/** Stores a difficulty and its audit row; the same Telegram update stores it once (created: false then). */
export async function openDifficulty(prisma: PrismaClient, difficulty: NewDifficulty): Promise<OpenOutcome> {
  return storeOnce(prisma, difficulty, (tx) => insertDifficulty(tx, difficulty));
}

/** Runs `write` in a transaction unless the update already stored a difficulty, also when it loses a race. */
async function storeOnce(
  prisma: PrismaClient,
  difficulty: NewDifficulty,
  write: (tx: Prisma.TransactionClient) => Promise<OpenOutcome>,
): Promise<OpenOutcome> {
  const existing = await findByUpdate(prisma, difficulty.telegramUpdateId);
  if (existing) return { created: false, id: existing };
  try {
    return await prisma.$transaction(write);
  } catch (error) {
    // Two deliveries of one update handled at the same time: the second insert fails on the unique key.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      const raced = await findByUpdate(prisma, difficulty.telegramUpdateId);
      if (raced) return { created: false, id: raced };
    }
    throw error;
  }
}

async function insertDifficulty(tx: Prisma.TransactionClient, difficulty: NewDifficulty): Promise<OpenOutcome> {
  const created = await tx.difficulty.create({
    data: {
      unitId: difficulty.unit.id,
      text: difficulty.text,
      sensitive: difficulty.sensitive,
      openedById: difficulty.openedById,
      openedAt: difficulty.openedAt,
      telegramUpdateId: BigInt(difficulty.telegramUpdateId),
    },
    select: { id: true },
  });
  await tx.auditLog.create({
    data: {
      organizationId: difficulty.unit.organizationId,
      actor: difficulty.actor,
      action: "difficulty.open",
      entity: "difficulty",
      entityId: String(created.id),
      // The text itself stays in the difficulties table: audit rows are read more widely.
      details: {
        unitId: difficulty.unit.id,
        unitCode: difficulty.unit.code,
        personId: difficulty.openedById,
        sensitive: difficulty.sensitive,
      },
    },
  });
  await enqueue(tx, difficulty.notices);
  return { created: true, id: created.id };
}

async function findByUpdate(db: Db, telegramUpdateId: number): Promise<number | null> {
  const row = await db.difficulty.findUnique({
    where: { telegramUpdateId: BigInt(telegramUpdateId) },
    select: { id: true },
  });
  return row?.id ?? null;
}

/** The difficulty a Telegram update stored, if it did (a redelivered /khokhan answers as the first time). */
export async function findDifficultyByUpdate(
  prisma: PrismaClient,
  telegramUpdateId: number,
): Promise<StoredDifficulty | null> {
  const row = await prisma.difficulty.findUnique({
    where: { telegramUpdateId: BigInt(telegramUpdateId) },
    select: difficultyFields,
  });
  return row && toDifficulty(row);
}

export async function findDifficulty(prisma: PrismaClient, id: number): Promise<StoredDifficulty | null> {
  const row = await prisma.difficulty.findFirst({
    where: { id, unit: { archivedAt: null } },
    select: difficultyFields,
  });
  return row && toDifficulty(row);
}

export type ResolveOutcome = "resolved" | "already-resolved";

/**
 * Marks a difficulty resolved once: a second press (or a race) finds it resolved and changes nothing.
 * `notices` (telling the unit's secretaries) are written with the change, or not at all.
 */
export async function resolveDifficulty(
  prisma: PrismaClient,
  input: {
    difficulty: StoredDifficulty;
    resolvedById: number;
    resolvedAt: Date;
    actor: string;
    notices: readonly NewOutboxMessage[];
  },
): Promise<ResolveOutcome> {
  return prisma.$transaction(async (tx) => {
    const updated = await tx.difficulty.updateMany({
      where: { id: input.difficulty.id, resolvedAt: null },
      data: { resolvedAt: input.resolvedAt, resolvedById: input.resolvedById },
    });
    if (updated.count === 0) return "already-resolved" as const;
    await tx.auditLog.create({
      data: {
        organizationId: input.difficulty.unit.organizationId,
        actor: input.actor,
        action: "difficulty.resolve",
        entity: "difficulty",
        entityId: String(input.difficulty.id),
        details: {
          unitId: input.difficulty.unit.id,
          unitCode: input.difficulty.unit.code,
          personId: input.resolvedById,
        },
      },
    });
    await enqueue(tx, input.notices);
    return "resolved" as const;
  });
}

/**
 * Open difficulties of the given units and of the subtrees under the given paths, oldest first.
 * Callers filter the rows again with the domain's rules; this only narrows the query.
 */
export async function openDifficultiesIn(
  prisma: PrismaClient,
  scope: { unitIds: readonly number[]; subtreePaths: readonly string[] },
): Promise<StoredDifficulty[]> {
  if (scope.unitIds.length === 0 && scope.subtreePaths.length === 0) return [];
  const rows = await prisma.difficulty.findMany({
    where: {
      resolvedAt: null,
      unit: {
        archivedAt: null,
        OR: [
          ...(scope.unitIds.length > 0 ? [{ id: { in: [...scope.unitIds] } }] : []),
          ...scope.subtreePaths.map((path) => ({ path: { startsWith: path } })),
        ],
      },
    },
    orderBy: [{ openedAt: "asc" }, { id: "asc" }],
    select: difficultyFields,
  });
  return rows.map(toDifficulty);
}

/** Someone a difficulty's notice goes to: their Telegram chat, name and language. */
export interface NoticeRecipient {
  personId: number;
  name: string;
  telegramUserId: bigint;
  locale: string | null;
}

/**
 * Who hears of a unit's difficulties: the leaders (on Telegram) of the working groups following the unit
 * or a unit above it, and the unit's secretaries (on Telegram). One query each.
 */
export async function difficultyRecipients(
  prisma: PrismaClient,
  unit: { id: number; organizationId: number; path: string },
): Promise<{ leaders: NoticeRecipient[]; secretaries: NoticeRecipient[] }> {
  const person = { id: true, name: true, telegramUserId: true, locale: true } as const;
  const ancestors = unit.path.split("/").filter(Boolean).map(Number);
  const [leaders, secretaries] = await Promise.all([
    prisma.workingGroupMember.findMany({
      where: {
        role: "leader",
        person: { telegramUserId: { not: null } },
        workingGroup: { organizationId: unit.organizationId, units: { some: { unitId: { in: ancestors } } } },
      },
      orderBy: { id: "asc" },
      select: { person: { select: person } },
    }),
    prisma.roleAssignment.findMany({
      where: { unitId: unit.id, role: "secretary", person: { telegramUserId: { not: null } } },
      orderBy: { id: "asc" },
      select: { person: { select: person } },
    }),
  ]);
  const recipients = (
    rows: { person: { id: number; name: string; telegramUserId: bigint | null; locale: string | null } }[],
  ) => {
    const seen = new Map<number, NoticeRecipient>();
    for (const { person: row } of rows) {
      if (row.telegramUserId !== null && !seen.has(row.id))
        seen.set(row.id, { personId: row.id, name: row.name, telegramUserId: row.telegramUserId, locale: row.locale });
    }
    return [...seen.values()];
  };
  return { leaders: recipients(leaders), secretaries: recipients(secretaries) };
}

// --- The pending choice of unit --------------------------------------------------------------------

export const difficultyFlowKind = "difficulty";

export interface PendingDifficulty {
  text: string;
  sensitive: boolean;
  /** The update of the /khokhan message: the difficulty is stored under it, so it is stored once. */
  updateId: number;
  /** The units offered, in button order; a button carries only an index into this list and the nonce. */
  unitIds: number[];
  /** Changes with every prompt, so buttons of an older prompt are recognised as stale. */
  nonce: string;
}

function isPending(state: unknown): state is PendingDifficulty {
  if (typeof state !== "object" || state === null) return false;
  const value = state as Record<string, unknown>;
  return (
    typeof value.text === "string" &&
    typeof value.sensitive === "boolean" &&
    typeof value.updateId === "number" &&
    typeof value.nonce === "string" &&
    Array.isArray(value.unitIds) &&
    value.unitIds.every((id) => Number.isSafeInteger(id))
  );
}

/** Replaces any flow of this user in this chat (one flow per chat and user). */
export async function savePendingDifficulty(
  prisma: PrismaClient,
  key: { chatId: number; userId: number },
  pending: PendingDifficulty,
  expiresAt: Date,
): Promise<void> {
  const where = { chatId_userId: { chatId: BigInt(key.chatId), userId: BigInt(key.userId) } };
  const state = pending as unknown as Prisma.InputJsonObject;
  await prisma.chatFlow.upsert({
    where,
    create: { chatId: BigInt(key.chatId), userId: BigInt(key.userId), kind: difficultyFlowKind, state, expiresAt },
    update: { kind: difficultyFlowKind, state, expiresAt },
  });
}

/** The user's pending difficulty in this chat, if one is there and has not expired. */
export async function findPendingDifficulty(
  prisma: PrismaClient,
  key: { chatId: number; userId: number },
  now: Date,
): Promise<PendingDifficulty | null> {
  const flow = await prisma.chatFlow.findUnique({
    where: { chatId_userId: { chatId: BigInt(key.chatId), userId: BigInt(key.userId) } },
  });
  if (!flow || flow.kind !== difficultyFlowKind || flow.expiresAt <= now || !isPending(flow.state)) return null;
  return flow.state;
}

/**
 * Stores the pending difficulty for the chosen unit and ends the flow, in one transaction; the flow is
 * removed only if it still carries the same nonce (a concurrent prompt is left alone).
 */
export async function completePendingDifficulty(
  prisma: PrismaClient,
  key: { chatId: number; userId: number; nonce: string },
  difficulty: NewDifficulty,
): Promise<OpenOutcome> {
  const endFlow = (db: Db) =>
    db.chatFlow.deleteMany({
      where: {
        chatId: BigInt(key.chatId),
        userId: BigInt(key.userId),
        kind: difficultyFlowKind,
        state: { path: ["nonce"], equals: key.nonce },
      },
    });
  const outcome = await storeOnce(prisma, difficulty, async (tx) => {
    const created = await insertDifficulty(tx, difficulty);
    await endFlow(tx);
    return created;
  });
  if (!outcome.created) await endFlow(prisma);
  return outcome;
}

/** Ends the user's pending difficulty (the "cancel" button), if it still carries this nonce. */
export async function cancelPendingDifficulty(
  prisma: PrismaClient,
  key: { chatId: number; userId: number; nonce: string },
): Promise<boolean> {
  const removed = await prisma.chatFlow.deleteMany({
    where: {
      chatId: BigInt(key.chatId),
      userId: BigInt(key.userId),
      kind: difficultyFlowKind,
      state: { path: ["nonce"], equals: key.nonce },
    },
  });
  return removed.count > 0;
}
