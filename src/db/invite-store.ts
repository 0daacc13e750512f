// Person invites: created by an admin (bot or CLI), redeemed once by /start <token>, revocable. The
// token itself is never stored, only its SHA-256 hash.
import { Prisma, type PrismaClient } from "@prisma/client";
import { hashInviteToken, inviteState, newInviteToken, type InviteState } from "../domain/invite-token.js";
import type { Role } from "../domain/levels.js";

export interface NewInvite {
  organizationId: number;
  unitId: number;
  role: Role;
  expiresAt: Date;
  /** "cli", or "person:<id>" for an admin in the bot. */
  createdBy: string;
}

export async function createInvite(prisma: PrismaClient, invite: NewInvite): Promise<{ id: number; token: string }> {
  const token = newInviteToken();
  const id = await prisma.$transaction(async (tx) => {
    const created = await tx.invite.create({
      data: { ...invite, kind: "person", tokenHash: hashInviteToken(token) },
      select: { id: true },
    });
    await tx.auditLog.create({
      data: {
        organizationId: invite.organizationId,
        actor: invite.createdBy,
        action: "invite.create",
        entity: "invite",
        entityId: String(created.id),
        details: { unitId: invite.unitId, role: invite.role, expiresAt: invite.expiresAt.toISOString() },
      },
    });
    return created.id;
  });
  return { id, token };
}

export interface TelegramIdentity {
  id: number;
  firstName: string;
  lastName?: string | undefined;
  /** "vi" or "en" when the user's Telegram speaks one of them. */
  locale: "vi" | "en" | null;
}

export type RedeemOutcome =
  | { status: "bound"; personId: number; createdPerson: boolean; replay: boolean }
  | { status: "unknown" | "used" | "revoked" }
  | { status: "expired"; expiresAt: Date };

/** Thrown inside the transaction when another redemption claimed the invite first; rolls everything back. */
class InviteTakenMeanwhile extends Error {}

/**
 * Binds the Telegram user to the invite's unit and role in one transaction: an existing person of the
 * organisation with this Telegram id gets the role, else a person is created. A replay of the same
 * redemption (the inbox delivers at least once) finds the invite used by this very user and binds nothing.
 */
export async function redeemInvite(
  prisma: PrismaClient,
  token: string,
  user: TelegramIdentity,
  now: Date,
): Promise<RedeemOutcome> {
  try {
    return await redeemOnce(prisma, token, user, now);
  } catch (error) {
    const lostRace =
      error instanceof InviteTakenMeanwhile ||
      (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002");
    if (!lostRace) throw error;
    // A concurrent redemption committed first (another user's, or this user's own replay): its outcome decides.
    return redeemOnce(prisma, token, user, now);
  }
}

async function redeemOnce(
  prisma: PrismaClient,
  token: string,
  user: TelegramIdentity,
  now: Date,
): Promise<RedeemOutcome> {
  const tokenHash = hashInviteToken(token);
  const telegramUserId = BigInt(user.id);
  return prisma.$transaction(async (tx): Promise<RedeemOutcome> => {
    const invite = await tx.invite.findUnique({
      where: { tokenHash },
      select: {
        id: true,
        kind: true,
        organizationId: true,
        unitId: true,
        role: true,
        expiresAt: true,
        usedAt: true,
        revokedAt: true,
        usedBy: { select: { id: true, telegramUserId: true } },
        unit: { select: { archivedAt: true } },
      },
    });
    if (invite?.kind !== "person" || !invite.role) return { status: "unknown" };
    const state = inviteState(invite, now);
    if (state === "used") {
      return invite.usedBy?.telegramUserId === telegramUserId
        ? { status: "bound", personId: invite.usedBy.id, createdPerson: false, replay: true }
        : { status: "used" };
    }
    // A unit archived by `org import --prune` takes its open invites with it.
    if (state === "revoked" || invite.unit.archivedAt) return { status: "revoked" };
    if (state === "expired") return { status: "expired", expiresAt: invite.expiresAt };

    const existing = await tx.person.findUnique({
      where: { organizationId_telegramUserId: { organizationId: invite.organizationId, telegramUserId } },
      select: { id: true },
    });
    const person =
      existing ??
      (await tx.person.create({
        data: {
          organizationId: invite.organizationId,
          name: [user.firstName, user.lastName].filter(Boolean).join(" ").trim() || String(user.id),
          phone: null,
          telegramUserId,
          telegramLinkedAt: now,
          locale: user.locale,
        },
        select: { id: true },
      }));
    await tx.roleAssignment.upsert({
      where: { personId_unitId_role: { personId: person.id, unitId: invite.unitId, role: invite.role } },
      create: { personId: person.id, unitId: invite.unitId, role: invite.role },
      update: {},
    });
    // The claim is conditional, so of two concurrent redemptions exactly one commits.
    const claimed = await tx.invite.updateMany({
      where: { id: invite.id, usedAt: null, revokedAt: null },
      data: { usedAt: now, usedById: person.id },
    });
    if (claimed.count !== 1) throw new InviteTakenMeanwhile();
    await tx.auditLog.create({
      data: {
        organizationId: invite.organizationId,
        actor: `telegram:${user.id}`,
        action: "invite.use",
        entity: "invite",
        entityId: String(invite.id),
        details: { personId: person.id, createdPerson: !existing, unitId: invite.unitId, role: invite.role },
      },
    });
    return { status: "bound", personId: person.id, createdPerson: !existing, replay: false };
  });
}

export interface InviteRow {
  id: number;
  unitCode: string;
  unitName: string;
  role: Role;
  expiresAt: Date;
  usedAt: Date | null;
  usedByName: string | null;
  revokedAt: Date | null;
  state: InviteState;
}

export async function listInvites(
  prisma: PrismaClient,
  organizationId: number,
  now: Date,
  unitId?: number,
): Promise<InviteRow[]> {
  const invites = await prisma.invite.findMany({
    where: { organizationId, kind: "person", ...(unitId !== undefined && { unitId }) },
    orderBy: { id: "asc" },
    select: {
      id: true,
      role: true,
      expiresAt: true,
      usedAt: true,
      revokedAt: true,
      unit: { select: { code: true, name: true } },
      usedBy: { select: { name: true } },
    },
  });
  return invites.map((invite) => ({
    id: invite.id,
    unitCode: invite.unit.code,
    unitName: invite.unit.name,
    role: invite.role ?? "secretary",
    expiresAt: invite.expiresAt,
    usedAt: invite.usedAt,
    usedByName: invite.usedBy?.name ?? null,
    revokedAt: invite.revokedAt,
    state: inviteState(invite, now),
  }));
}

export type RevokeOutcome =
  | { status: "revoked" | "already-revoked"; id: number; unitCode: string; role: Role }
  | { status: "used"; id: number; usedAt: Date }
  | { status: "unknown" };

/** Revokes an unused invite, found by its id or by the token itself. Revoking twice changes nothing. */
export async function revokeInvite(
  prisma: PrismaClient,
  which: { id: number } | { token: string },
  options: { organizationId?: number; now: Date; actor: string },
): Promise<RevokeOutcome> {
  return prisma.$transaction(async (tx) => {
    const invite = await tx.invite.findFirst({
      where: {
        kind: "person",
        ...("id" in which ? { id: which.id } : { tokenHash: hashInviteToken(which.token) }),
        ...(options.organizationId !== undefined && { organizationId: options.organizationId }),
      },
      select: {
        id: true,
        organizationId: true,
        role: true,
        usedAt: true,
        revokedAt: true,
        unit: { select: { code: true } },
      },
    });
    if (!invite) return { status: "unknown" as const };
    const role = invite.role ?? "secretary";
    if (invite.usedAt) return { status: "used" as const, id: invite.id, usedAt: invite.usedAt };
    if (invite.revokedAt)
      return { status: "already-revoked" as const, id: invite.id, unitCode: invite.unit.code, role };
    await tx.invite.update({ where: { id: invite.id }, data: { revokedAt: options.now } });
    await tx.auditLog.create({
      data: {
        organizationId: invite.organizationId,
        actor: options.actor,
        action: "invite.revoke",
        entity: "invite",
        entityId: String(invite.id),
        details: {},
      },
    });
    return { status: "revoked" as const, id: invite.id, unitCode: invite.unit.code, role };
  });
}

export interface InvitableUnit {
  id: number;
  organizationId: number;
  code: string;
  name: string;
  path: string;
}

/** Units in use with this code (any letter case, as people type it) in the given organisations. */
export async function findInvitableUnits(
  prisma: PrismaClient,
  organizationIds: readonly number[],
  code: string,
): Promise<InvitableUnit[]> {
  return prisma.unit.findMany({
    where: {
      organizationId: { in: [...organizationIds] },
      code: { equals: code, mode: "insensitive" },
      archivedAt: null,
    },
    orderBy: { id: "asc" },
    select: { id: true, organizationId: true, code: true, name: true, path: true },
  });
}
