// Web sign-in links and sessions (src/usecases/web-sign-in.ts). Only hashes are stored: a database dump
// neither signs anyone in nor opens a session.
import type { PrismaClient } from "@prisma/client";

export async function createSignInLink(
  prisma: PrismaClient,
  link: { personId: number; organizationId: number; tokenHash: string; expiresAt: Date; createdBy: string },
): Promise<void> {
  await prisma.$transaction([
    prisma.webSignInLink.create({
      data: {
        personId: link.personId,
        tokenHash: link.tokenHash,
        expiresAt: link.expiresAt,
        createdBy: link.createdBy,
      },
    }),
    prisma.auditLog.create({
      data: {
        organizationId: link.organizationId,
        actor: link.createdBy,
        action: "web.sign-in-link.create",
        entity: "person",
        entityId: String(link.personId),
        details: { expiresAt: link.expiresAt.toISOString() },
      },
    }),
  ]);
}

export type ConsumeOutcome =
  | { status: "consumed"; personId: number }
  | { status: "invalid" | "used" }
  | { status: "expired"; expiresAt: Date };

/**
 * Uses the link up if it is unused and unexpired, in one statement: two tabs opening the same link at once
 * get one session between them. Otherwise says why.
 */
export async function consumeSignInLink(
  prisma: PrismaClient,
  input: { tokenHash: string; now: Date },
): Promise<ConsumeOutcome> {
  // One conditional UPDATE: of two requests at once, exactly one changes the row.
  const { count } = await prisma.webSignInLink.updateMany({
    where: { tokenHash: input.tokenHash, usedAt: null, expiresAt: { gt: input.now } },
    data: { usedAt: input.now },
  });
  const link = await prisma.webSignInLink.findUnique({
    where: { tokenHash: input.tokenHash },
    select: { personId: true, usedAt: true, expiresAt: true },
  });
  if (!link) return { status: "invalid" };
  if (count === 1) return { status: "consumed", personId: link.personId };
  if (link.usedAt) return { status: "used" };
  return { status: "expired", expiresAt: link.expiresAt };
}

export async function createWebSession(
  prisma: PrismaClient,
  session: { personId: number; idHash: string; csrfToken: string; createdAt: Date; expiresAt: Date },
): Promise<void> {
  await prisma.webSession.create({ data: { ...session, lastSeenAt: session.createdAt } });
}

export interface StoredWebSession {
  id: number;
  personId: number;
  csrfToken: string;
  expiresAt: Date;
  lastSeenAt: Date;
  endedAt: Date | null;
}

export async function findWebSession(prisma: PrismaClient, idHash: string): Promise<StoredWebSession | null> {
  return prisma.webSession.findUnique({
    where: { idHash },
    select: { id: true, personId: true, csrfToken: true, expiresAt: true, lastSeenAt: true, endedAt: true },
  });
}

export async function touchWebSession(prisma: PrismaClient, id: number, now: Date): Promise<void> {
  await prisma.webSession.update({ where: { id }, data: { lastSeenAt: now } });
}

export async function endWebSession(prisma: PrismaClient, input: { idHash: string; now: Date }): Promise<void> {
  await prisma.webSession.updateMany({ where: { idHash: input.idHash, endedAt: null }, data: { endedAt: input.now } });
}
