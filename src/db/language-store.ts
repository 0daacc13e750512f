// The language a person reads the bot in (people.locale, on every roster entry of their Telegram
// account) and the one a bound group's digest is written in (chat_bindings.locale); both audited.
import type { PrismaClient } from "@prisma/client";
import type { Locale } from "../i18n.js";

/** Sets the language of every roster entry bound to this Telegram user; returns how many there were. */
export async function setPersonLocale(
  prisma: PrismaClient,
  input: { telegramUserId: number; locale: Locale; actor: string },
): Promise<number> {
  return prisma.$transaction(async (tx) => {
    const people = await tx.person.findMany({
      where: { telegramUserId: BigInt(input.telegramUserId) },
      select: { id: true, organizationId: true, locale: true },
    });
    const changed = people.filter((person) => person.locale !== input.locale);
    if (changed.length === 0) return people.length;
    await tx.person.updateMany({
      where: { id: { in: changed.map((person) => person.id) } },
      data: { locale: input.locale },
    });
    await tx.auditLog.createMany({
      data: changed.map((person) => ({
        organizationId: person.organizationId,
        actor: input.actor,
        action: "person.locale",
        entity: "person",
        entityId: String(person.id),
        details: { from: person.locale, to: input.locale },
      })),
    });
    return people.length;
  });
}

/** Sets the digest language of a bound group; false when the group is not bound (any more). */
export async function setGroupLocale(
  prisma: PrismaClient,
  input: { chatId: number; locale: Locale; actor: string },
): Promise<boolean> {
  return prisma.$transaction(async (tx) => {
    const binding = await tx.chatBinding.findUnique({
      where: { chatId: BigInt(input.chatId) },
      select: { id: true, organizationId: true, locale: true },
    });
    if (!binding) return false;
    if (binding.locale === input.locale) return true;
    await tx.chatBinding.update({ where: { id: binding.id }, data: { locale: input.locale } });
    await tx.auditLog.create({
      data: {
        organizationId: binding.organizationId,
        actor: input.actor,
        action: "group.locale",
        entity: "chat_binding",
        entityId: String(input.chatId),
        details: { from: binding.locale, to: input.locale },
      },
    });
    return true;
  });
}
