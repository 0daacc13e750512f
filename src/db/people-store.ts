// Who a Telegram user is on the roster, with the units they hold roles in.
import type { PrismaClient } from "@prisma/client";
import type { Role, UnitLevel } from "../domain/levels.js";

export interface PersonProfile {
  id: number;
  organizationId: number;
  name: string;
  locale: string | null;
  roles: { role: Role; unit: { id: number; code: string; name: string; level: UnitLevel } }[];
}

export async function findPersonByTelegramId(prisma: PrismaClient, telegramUserId: number): Promise<PersonProfile | null> {
  return prisma.person.findFirst({
    where: { telegramUserId: BigInt(telegramUserId) },
    orderBy: { id: "asc" },
    select: {
      id: true,
      organizationId: true,
      name: true,
      locale: true,
      roles: {
        where: { unit: { archivedAt: null } },
        orderBy: { id: "asc" },
        select: { role: true, unit: { select: { id: true, code: true, name: true, level: true } } },
      },
    },
  });
}
