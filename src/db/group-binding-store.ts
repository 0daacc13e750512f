// Group chats bound to a unit (chat_bindings, purpose "digest"), the one-time link codes that bind them
// (invites of kind "group": only the code's SHA-256 hash is stored, as for person invites), and the short
// wait of a group the bot was just added to (a chat_flows row of kind "group-wait", user id 0) before
// it leaves an unbound group. Every change writes an audit row.
import { Prisma, type PrismaClient } from "@prisma/client";
import { hashInviteToken, inviteState, newInviteToken } from "../domain/invite-token.js";

/** How long the bot waits for /lienketnhom in a group it was added to before it leaves. */
export const groupWaitMinutes = 10;
/** Lifetime of a link code made in the bot, and the CLI's default (--expires changes it). */
export const defaultGroupCodeLifetimeMs = 7 * 24 * 3600 * 1000;

export interface BoundUnit {
  id: number;
  code: string;
  name: string;
  path: string;
}

export interface GroupBinding {
  id: number;
  organizationId: number;
  chatId: number;
  title: string | null;
  createdAt: Date;
  unit: BoundUnit;
}

const bindingSelect = {
  id: true,
  organizationId: true,
  chatId: true,
  title: true,
  createdAt: true,
  unit: { select: { id: true, code: true, name: true, path: true } },
} as const;

function toBinding(row: Prisma.ChatBindingGetPayload<{ select: typeof bindingSelect }>): GroupBinding {
  return { ...row, chatId: Number(row.chatId) };
}

export async function createGroupLinkCode(
  prisma: PrismaClient,
  code: { organizationId: number; unitId: number; expiresAt: Date; createdBy: string },
): Promise<{ id: number; token: string }> {
  const token = newInviteToken();
  const id = await prisma.$transaction(async (tx) => {
    const created = await tx.invite.create({
      data: { ...code, kind: "group", role: null, tokenHash: hashInviteToken(token) },
      select: { id: true },
    });
    await tx.auditLog.create({
      data: {
        organizationId: code.organizationId,
        actor: code.createdBy,
        action: "group.link-code.create",
        entity: "invite",
        entityId: String(created.id),
        details: { unitId: code.unitId, expiresAt: code.expiresAt.toISOString() },
      },
    });
    return created.id;
  });
  return { id, token };
}

export async function findGroupBinding(prisma: PrismaClient, chatId: number): Promise<GroupBinding | null> {
  const row = await prisma.chatBinding.findUnique({ where: { chatId: BigInt(chatId) }, select: bindingSelect });
  return row ? toBinding(row) : null;
}

export async function listGroupBindings(prisma: PrismaClient, organizationId: number): Promise<GroupBinding[]> {
  const rows = await prisma.chatBinding.findMany({
    where: { organizationId },
    orderBy: { id: "asc" },
    select: bindingSelect,
  });
  return rows.map(toBinding);
}

export type BindOutcome =
  | { status: "bound"; binding: GroupBinding; replay: boolean }
  /** The chat is already bound (to this unit or another); the code was not used. */
  | { status: "already-bound"; binding: GroupBinding }
  | { status: "unknown" | "used" | "revoked" }
  | { status: "expired"; expiresAt: Date };

class TakenMeanwhile extends Error {}

/**
 * Binds the chat to the code's unit and uses the code, in one transaction. A replay of the same update
 * (the inbox delivers at least once) finds the chat bound by this very code and reports it bound again.
 */
export async function bindGroup(
  prisma: PrismaClient,
  input: { token: string; chatId: number; title: string | null; actor: string; now: Date },
): Promise<BindOutcome> {
  try {
    return await bindOnce(prisma, input);
  } catch (error) {
    const lostRace =
      error instanceof TakenMeanwhile ||
      (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002");
    if (!lostRace) throw error;
    return bindOnce(prisma, input);
  }
}

async function bindOnce(
  prisma: PrismaClient,
  {
    token,
    chatId,
    title,
    actor,
    now,
  }: { token: string; chatId: number; title: string | null; actor: string; now: Date },
): Promise<BindOutcome> {
  return prisma.$transaction(async (tx): Promise<BindOutcome> => {
    const invite = await tx.invite.findUnique({
      where: { tokenHash: hashInviteToken(token) },
      select: {
        id: true,
        kind: true,
        organizationId: true,
        unitId: true,
        expiresAt: true,
        usedAt: true,
        revokedAt: true,
        unit: { select: { archivedAt: true } },
      },
    });
    const existing = await tx.chatBinding.findUnique({ where: { chatId: BigInt(chatId) }, select: bindingSelect });
    if (existing) {
      // The binding and the code's use carry the same instant: that is how a replay recognises itself.
      const replay =
        invite?.kind === "group" &&
        invite.usedAt !== null &&
        existing.unit.id === invite.unitId &&
        existing.createdAt.getTime() === invite.usedAt.getTime();
      return replay
        ? { status: "bound", binding: toBinding(existing), replay: true }
        : { status: "already-bound", binding: toBinding(existing) };
    }
    if (invite?.kind !== "group") return { status: "unknown" };
    const state = inviteState(invite, now);
    if (state === "used") return { status: "used" };
    if (state === "revoked" || invite.unit.archivedAt) return { status: "revoked" };
    if (state === "expired") return { status: "expired", expiresAt: invite.expiresAt };

    const claimed = await tx.invite.updateMany({
      where: { id: invite.id, usedAt: null, revokedAt: null },
      data: { usedAt: now },
    });
    if (claimed.count !== 1) throw new TakenMeanwhile();
    const created = await tx.chatBinding.create({
      data: {
        organizationId: invite.organizationId,
        unitId: invite.unitId,
        chatId: BigInt(chatId),
        purpose: "digest",
        title,
        createdAt: now,
      },
      select: bindingSelect,
    });
    await tx.chatFlow.deleteMany({ where: { chatId: BigInt(chatId), userId: 0n, kind: groupWaitKind } });
    await tx.auditLog.create({
      data: {
        organizationId: invite.organizationId,
        actor,
        action: "group.bind",
        entity: "chat_binding",
        entityId: String(created.id),
        details: { chatId: String(chatId), unitId: invite.unitId, inviteId: invite.id, title },
      },
    });
    return { status: "bound", binding: toBinding(created), replay: false };
  });
}

/** Removes the chat's binding; null when the chat was not bound. */
export async function unbindGroup(
  prisma: PrismaClient,
  input: { chatId: number; actor: string },
): Promise<GroupBinding | null> {
  return prisma.$transaction(async (tx) => {
    const existing = await tx.chatBinding.findUnique({
      where: { chatId: BigInt(input.chatId) },
      select: bindingSelect,
    });
    if (!existing) return null;
    await tx.chatBinding.delete({ where: { id: existing.id } });
    await tx.auditLog.create({
      data: {
        organizationId: existing.organizationId,
        actor: input.actor,
        action: "group.unbind",
        entity: "chat_binding",
        entityId: String(existing.id),
        details: { chatId: String(input.chatId), unitId: existing.unit.id, title: existing.title },
      },
    });
    return toBinding(existing);
  });
}

/**
 * A group upgraded to a supergroup keeps its binding under the new chat id. Both service messages
 * (migrate_to in the old chat, migrate_from in the new one) call this; the second finds nothing to move.
 */
export async function moveGroupBinding(
  prisma: PrismaClient,
  input: { fromChatId: number; toChatId: number; title: string | null; actor: string },
): Promise<GroupBinding | null> {
  return prisma.$transaction(async (tx) => {
    const from = BigInt(input.fromChatId);
    const to = BigInt(input.toChatId);
    const wait = await tx.chatFlow.findUnique({ where: { chatId_userId: { chatId: from, userId: 0n } } });
    if (wait?.kind === groupWaitKind) {
      await tx.chatFlow.delete({ where: { id: wait.id } });
      await tx.chatFlow.upsert({
        where: { chatId_userId: { chatId: to, userId: 0n } },
        create: {
          chatId: to,
          userId: 0n,
          kind: groupWaitKind,
          state: (wait.state ?? {}) as Prisma.InputJsonValue,
          expiresAt: wait.expiresAt,
          awaitingAnswer: false,
        },
        update: {},
      });
    }
    const existing = await tx.chatBinding.findUnique({ where: { chatId: from }, select: bindingSelect });
    if (!existing) return null;
    if (await tx.chatBinding.findUnique({ where: { chatId: to }, select: { id: true } })) return null;
    const moved = await tx.chatBinding.update({
      where: { id: existing.id },
      data: { chatId: to, ...(input.title !== null && { title: input.title }) },
      select: bindingSelect,
    });
    await tx.auditLog.create({
      data: {
        organizationId: existing.organizationId,
        actor: input.actor,
        action: "group.migrate",
        entity: "chat_binding",
        entityId: String(existing.id),
        details: { fromChatId: String(input.fromChatId), toChatId: String(input.toChatId), unitId: existing.unit.id },
      },
    });
    return toBinding(moved);
  });
}

// --- The wait of a group the bot was added to, before it leaves an unbound group ----------------------

const groupWaitKind = "group-wait";

/** Starts (or restarts) the wait of an unbound group the bot was just added to. */
export async function startGroupWait(prisma: PrismaClient, chatId: number, until: Date): Promise<void> {
  const key = { chatId: BigInt(chatId), userId: 0n };
  const data = { kind: groupWaitKind, state: {}, expiresAt: until, awaitingAnswer: false };
  await prisma.chatFlow.upsert({ where: { chatId_userId: key }, create: { ...key, ...data }, update: data });
}

/** When the wait of this group ends; null when the bot is not waiting in it. */
export async function groupWaitUntil(prisma: PrismaClient, chatId: number): Promise<Date | null> {
  const row = await prisma.chatFlow.findUnique({ where: { chatId_userId: { chatId: BigInt(chatId), userId: 0n } } });
  return row?.kind === groupWaitKind ? row.expiresAt : null;
}

export async function endGroupWait(prisma: PrismaClient, chatId: number): Promise<void> {
  await prisma.chatFlow.deleteMany({ where: { chatId: BigInt(chatId), userId: 0n, kind: groupWaitKind } });
}

/** Groups whose wait is over and which are still not bound (the bot should leave them), with when it ended. */
export async function expiredGroupWaits(prisma: PrismaClient, now: Date): Promise<{ chatId: number; until: Date }[]> {
  const rows = await prisma.chatFlow.findMany({
    where: { kind: groupWaitKind, userId: 0n, expiresAt: { lte: now } },
    select: { chatId: true, expiresAt: true },
  });
  if (rows.length === 0) return [];
  const bound = await prisma.chatBinding.findMany({
    where: { chatId: { in: rows.map((row) => row.chatId) } },
    select: { chatId: true },
  });
  const boundIds = new Set(bound.map((row) => row.chatId));
  return rows
    .filter((row) => !boundIds.has(row.chatId))
    .map((row) => ({ chatId: Number(row.chatId), until: row.expiresAt }));
}

/** The groups that get the digest in an organisation (of one unit, by its code in any letter case, when given). */
export async function digestGroupsOf(
  prisma: PrismaClient,
  organizationId: number,
  unitCode?: string,
): Promise<{ chatId: number; unitId: number; locale: string | null }[]> {
  const rows = await prisma.chatBinding.findMany({
    where: {
      organizationId,
      purpose: "digest",
      ...(unitCode !== undefined && { unit: { code: { equals: unitCode, mode: "insensitive" } } }),
    },
    orderBy: { id: "asc" },
    select: { chatId: true, unitId: true, locale: true },
  });
  return rows.map((row) => ({ ...row, chatId: Number(row.chatId) }));
}
