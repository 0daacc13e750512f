// Everything the database holds on one person (Decree 13/2023/NĐ-CP: a person may ask what is kept on
// them, and have it erased), and the erasure itself. What a person did for their unit (its reports, the
// difficulties raised, a postponement) is the unit's record: erasing the person keeps it, counted as
// before, with no name or number left to say who it was.
import { Prisma, type PrismaClient } from "@prisma/client";

export interface PersonData {
  person: {
    id: number;
    name: string;
    phone: string | null;
    telegramUserId: string | null;
    telegramLinkedAt: Date | null;
    locale: string | null;
    createdAt: Date;
    updatedAt: Date;
  };
  roles: { unitCode: string; unitName: string; role: string }[];
  workingGroups: { name: string; role: string }[];
  reports: {
    unitCode: string;
    milestone: string;
    eventDate: Date | null;
    createdAt: Date;
    source: string;
    onBehalf: boolean;
  }[];
  difficulties: {
    unitCode: string;
    opened: boolean;
    resolved: boolean;
    openedAt: Date;
    sensitive: boolean;
    text: string;
  }[];
  pauses: {
    unitCode: string;
    reason: string;
    pausedAt: Date;
    resumedAt: Date | null;
    paused: boolean;
    resumed: boolean;
  }[];
  invitesUsed: { unitCode: string; role: string | null; usedAt: Date | null }[];
  webSessions: { createdAt: Date; lastSeenAt: Date; endedAt: Date | null }[];
  pushBrowsers: { service: string; createdAt: Date; lastSentAt: Date | null }[];
  /** Messages the person sent the bot, as stored for replay, until UPDATE_RETENTION_DAYS after handling. */
  storedUpdates: { updateId: string; receivedAt: Date; processedAt: Date | null; payload: unknown }[];
  /** Messages to the person (their private chat, their browsers), queued or sent. */
  messagesToPerson: {
    channel: string;
    kind: string;
    status: string;
    createdAt: Date;
    sentAt: Date | null;
    payload: unknown;
  }[];
  conversations: { kind: string; expiresAt: Date; state: unknown }[];
  auditEntries: {
    action: string;
    entity: string;
    entityId: string | null;
    createdAt: Date;
    actor: string;
    details: unknown;
  }[];
}

export async function loadPersonData(prisma: PrismaClient, personId: number): Promise<PersonData | null> {
  const person = await prisma.person.findUnique({ where: { id: personId } });
  if (!person) return null;
  const unit = { select: { code: true } } as const;
  const [roles, memberships, reports, difficulties, pauses, invites, sessions, browsers] = await Promise.all([
    prisma.roleAssignment.findMany({
      where: { personId },
      select: { role: true, unit: { select: { code: true, name: true } } },
      orderBy: { id: "asc" },
    }),
    prisma.workingGroupMember.findMany({
      where: { personId },
      select: { role: true, workingGroup: { select: { name: true } } },
      orderBy: { id: "asc" },
    }),
    prisma.report.findMany({
      where: { authorId: personId },
      select: { milestone: true, eventDate: true, createdAt: true, source: true, onBehalf: true, unit },
      orderBy: { id: "asc" },
    }),
    prisma.difficulty.findMany({
      where: { OR: [{ openedById: personId }, { resolvedById: personId }] },
      select: { openedById: true, resolvedById: true, openedAt: true, sensitive: true, text: true, unit },
      orderBy: { id: "asc" },
    }),
    prisma.reminderPause.findMany({
      where: { OR: [{ pausedById: personId }, { resumedById: personId }] },
      select: { pausedById: true, resumedById: true, reason: true, pausedAt: true, resumedAt: true, unit },
      orderBy: { id: "asc" },
    }),
    prisma.invite.findMany({
      where: { usedById: personId },
      select: { role: true, usedAt: true, unit },
      orderBy: { id: "asc" },
    }),
    prisma.webSession.findMany({
      where: { personId },
      select: { createdAt: true, lastSeenAt: true, endedAt: true },
      orderBy: { id: "asc" },
    }),
    prisma.webPushSubscription.findMany({
      where: { personId },
      select: { endpoint: true, createdAt: true, lastSentAt: true },
      orderBy: { id: "asc" },
    }),
  ]);
  const telegramUserId = person.telegramUserId;
  const [updates, messages, flows, audit] = await Promise.all([
    telegramUserId === null ? [] : updatesFrom(prisma, telegramUserId),
    prisma.outboxMessage.findMany({
      where: {
        OR: [
          { channel: "webpush", chatId: BigInt(personId) },
          ...(telegramUserId === null ? [] : [{ channel: "telegram" as const, chatId: telegramUserId }]),
        ],
      },
      select: { channel: true, kind: true, status: true, createdAt: true, sentAt: true, payload: true },
      orderBy: { id: "asc" },
    }),
    telegramUserId === null
      ? []
      : prisma.chatFlow.findMany({
          where: { userId: telegramUserId },
          select: { kind: true, expiresAt: true, state: true },
        }),
    prisma.auditLog.findMany({
      where: {
        OR: [
          { actor: `person:${personId}` },
          ...(telegramUserId === null ? [] : [{ actor: `telegram:${telegramUserId}` }]),
          { entity: "person", entityId: String(personId) },
        ],
      },
      select: { action: true, entity: true, entityId: true, createdAt: true, actor: true, details: true },
      orderBy: { id: "asc" },
    }),
  ]);
  return {
    person: {
      id: person.id,
      name: person.name,
      phone: person.phone,
      telegramUserId: telegramUserId === null ? null : String(telegramUserId),
      telegramLinkedAt: person.telegramLinkedAt,
      locale: person.locale,
      createdAt: person.createdAt,
      updatedAt: person.updatedAt,
    },
    roles: roles.map((role) => ({ unitCode: role.unit.code, unitName: role.unit.name, role: role.role })),
    workingGroups: memberships.map((member) => ({ name: member.workingGroup.name, role: member.role })),
    reports: reports.map(({ unit: { code }, ...report }) => ({ unitCode: code, ...report })),
    difficulties: difficulties.map((difficulty) => ({
      unitCode: difficulty.unit.code,
      opened: difficulty.openedById === personId,
      resolved: difficulty.resolvedById === personId,
      openedAt: difficulty.openedAt,
      sensitive: difficulty.sensitive,
      text: difficulty.text,
    })),
    pauses: pauses.map((pause) => ({
      unitCode: pause.unit.code,
      reason: pause.reason,
      pausedAt: pause.pausedAt,
      resumedAt: pause.resumedAt,
      paused: pause.pausedById === personId,
      resumed: pause.resumedById === personId,
    })),
    invitesUsed: invites.map((invite) => ({ unitCode: invite.unit.code, role: invite.role, usedAt: invite.usedAt })),
    webSessions: sessions,
    // The push service's address only: the endpoint itself is a credential of the browser.
    pushBrowsers: browsers.map((browser) => ({
      service: new URL(browser.endpoint).origin,
      createdAt: browser.createdAt,
      lastSentAt: browser.lastSentAt,
    })),
    storedUpdates: updates,
    messagesToPerson: messages,
    conversations: flows,
    auditEntries: audit,
  };
}

/** Stored updates sent by the Telegram user (a message, a button press, a contact: any update's `from`). */
async function updatesFrom(prisma: PrismaClient, telegramUserId: bigint): Promise<PersonData["storedUpdates"]> {
  const rows = await prisma.$queryRaw<
    { updateId: bigint; receivedAt: Date; processedAt: Date | null; payload: unknown }[]
  >(Prisma.sql`
    SELECT "updateId", "receivedAt", "processedAt", payload FROM telegram_updates
    WHERE ${fromUserSql(telegramUserId)}
    ORDER BY "updateId"`);
  return rows.map((row) => ({ ...row, updateId: String(row.updateId) }));
}

function fromUserSql(telegramUserId: bigint): Prisma.Sql {
  return Prisma.sql`jsonb_path_exists(payload, '$.*.from.id ? (@ == $user)', jsonb_build_object('user', ${telegramUserId}::bigint))`;
}

export interface ErasedCounts {
  roles: number;
  workingGroups: number;
  webSessions: number;
  pushBrowsers: number;
  storedUpdates: number;
  messages: number;
  conversations: number;
}

/**
 * Erases the person's identity in one transaction: their name, phone and Telegram account go, and with
 * them everything that is only theirs (roles and working-group places, web sessions and sign-in links,
 * browsers, stored updates they sent, messages queued or kept for them, conversations in progress); the
 * audit log's entries by their Telegram account name them by the roster's id instead. The row stays,
 * nameless, so the unit's reports, difficulties and postponements keep their author (counted as before,
 * with no one named). An audit entry records the erasure by id, without the erased data.
 */
export async function erasePerson(
  prisma: PrismaClient,
  input: { personId: number; organizationId: number; erasedName: string; actor: string },
): Promise<ErasedCounts> {
  return prisma.$transaction(async (tx) => {
    const person = await tx.person.findUniqueOrThrow({ where: { id: input.personId } });
    const telegramUserId = person.telegramUserId;
    const roles = await tx.roleAssignment.deleteMany({ where: { personId: person.id } });
    const workingGroups = await tx.workingGroupMember.deleteMany({ where: { personId: person.id } });
    const webSessions = await tx.webSession.deleteMany({ where: { personId: person.id } });
    await tx.webSignInLink.deleteMany({ where: { personId: person.id } });
    const pushBrowsers = await tx.webPushSubscription.deleteMany({ where: { personId: person.id } });
    const storedUpdates =
      telegramUserId === null
        ? 0
        : await tx.$executeRaw(Prisma.sql`DELETE FROM telegram_updates WHERE ${fromUserSql(telegramUserId)}`);
    const messages = await tx.outboxMessage.deleteMany({
      where: {
        OR: [
          { channel: "webpush", chatId: BigInt(person.id) },
          ...(telegramUserId === null ? [] : [{ channel: "telegram" as const, chatId: telegramUserId }]),
        ],
      },
    });
    const conversations =
      telegramUserId === null ? { count: 0 } : await tx.chatFlow.deleteMany({ where: { userId: telegramUserId } });
    // The audit log keeps what was done, by whom as the roster's id: not by the Telegram account.
    if (telegramUserId !== null)
      await tx.auditLog.updateMany({
        where: { actor: `telegram:${telegramUserId}` },
        data: { actor: `person:${person.id}` },
      });
    await tx.person.update({
      where: { id: person.id },
      data: { name: input.erasedName, phone: null, telegramUserId: null, telegramLinkedAt: null, locale: null },
    });
    const counts: ErasedCounts = {
      roles: roles.count,
      workingGroups: workingGroups.count,
      webSessions: webSessions.count,
      pushBrowsers: pushBrowsers.count,
      storedUpdates,
      messages: messages.count,
      conversations: conversations.count,
    };
    await tx.auditLog.create({
      data: {
        organizationId: input.organizationId,
        actor: input.actor,
        action: "person.erase",
        entity: "person",
        entityId: String(person.id),
        details: { ...counts },
      },
    });
    return counts;
  });
}

/**
 * What expires and is kept no longer: a person's conversations a day past their expiry (until then a
 * button on them still says "expired" rather than "out of date"; a group's wait for its link code, user 0,
 * is the group job's to end), web sessions ended or expired and sign-in links expired before `before`.
 */
export async function purgeExpiredSessions(
  prisma: PrismaClient,
  now: Date,
  before: Date,
): Promise<{ conversations: number; webSessions: number; signInLinks: number }> {
  const dayAgo = new Date(now.getTime() - 24 * 3600 * 1000);
  const conversations = await prisma.chatFlow.deleteMany({ where: { expiresAt: { lt: dayAgo }, userId: { not: 0n } } });
  const webSessions = await prisma.webSession.deleteMany({
    where: { OR: [{ expiresAt: { lt: before } }, { endedAt: { lt: before } }] },
  });
  const signInLinks = await prisma.webSignInLink.deleteMany({ where: { expiresAt: { lt: before } } });
  return { conversations: conversations.count, webSessions: webSessions.count, signInLinks: signInLinks.count };
}
