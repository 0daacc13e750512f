// Which roster entries a Telegram user is, and binding them by a shared phone number. A Telegram user
// may be on the rosters of several organisations (one person row in each).
import { Prisma, type PrismaClient } from "@prisma/client";

export type PhoneBindOutcome =
  | { status: "bound"; personIds: number[]; newlyBound: number }
  /** No one on any roster has this phone. */
  | { status: "unknown-phone" }
  /** The roster entry with this phone is already bound to another Telegram account. */
  | { status: "phone-taken" }
  /** This Telegram account is already bound to another person of the same organisation. */
  | { status: "account-taken" };

/**
 * Binds the Telegram user to every roster entry with this (normalised) phone, in one transaction, or to
 * none of them when any would conflict. Entries already bound to this user count as bound (a replay).
 * `linkedAt` (the app's clock) is recorded as when each entry was linked; null records none, as for a
 * link made long ago (the sandbox's ready-made personas).
 */
export async function bindByPhone(
  prisma: PrismaClient,
  phone: string,
  user: { id: number; locale: "vi" | "en" | null },
  linkedAt: Date | null,
): Promise<PhoneBindOutcome> {
  const telegramUserId = BigInt(user.id);
  try {
    return await prisma.$transaction(async (tx): Promise<PhoneBindOutcome> => {
      const matches = await tx.person.findMany({
        where: { phone },
        orderBy: { id: "asc" },
        select: { id: true, organizationId: true, telegramUserId: true, locale: true },
      });
      if (matches.length === 0) return { status: "unknown-phone" };
      if (matches.some((person) => person.telegramUserId !== null && person.telegramUserId !== telegramUserId)) {
        return { status: "phone-taken" };
      }
      const alreadyMine = await tx.person.findMany({
        where: { telegramUserId, organizationId: { in: matches.map((person) => person.organizationId) } },
        select: { id: true, organizationId: true },
      });
      if (alreadyMine.some((mine) => !matches.some((person) => person.id === mine.id))) return { status: "account-taken" };
      const toBind = matches.filter((person) => person.telegramUserId === null);
      for (const person of toBind) {
        // Conditional, so a concurrent binding of the same entry to someone else cannot be overwritten.
        const updated = await tx.person.updateMany({
          where: { id: person.id, telegramUserId: null },
          data: { telegramUserId, telegramLinkedAt: linkedAt, ...(person.locale === null && user.locale !== null && { locale: user.locale }) },
        });
        if (updated.count !== 1) throw new PhoneTakenMeanwhile();
        await tx.auditLog.create({
          data: {
            organizationId: person.organizationId,
            actor: `telegram:${user.id}`,
            action: "person.bind-telegram",
            entity: "person",
            entityId: String(person.id),
            details: { via: "contact" },
          },
        });
      }
      return { status: "bound", personIds: matches.map((person) => person.id), newlyBound: toBind.length };
    });
  } catch (error) {
    if (error instanceof PhoneTakenMeanwhile) return { status: "phone-taken" };
    // (organizationId, telegramUserId) is unique: a concurrent binding of this account in the same organisation.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") return { status: "account-taken" };
    throw error;
  }
}

class PhoneTakenMeanwhile extends Error {}
