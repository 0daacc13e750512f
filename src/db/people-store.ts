// Who a Telegram user is on the roster: their roles with the units' places in the tree, and the units
// followed by the working groups they lead.
import type { Prisma, PrismaClient } from "@prisma/client";
import type { Role, UnitLevel } from "../domain/levels.js";
import type { ReporterProfile } from "../domain/report-permissions.js";

export interface ProfileUnit {
  id: number;
  code: string;
  name: string;
  level: UnitLevel;
  path: string;
}

export interface PersonProfile extends ReporterProfile {
  id: number;
  organizationId: number;
  name: string;
  locale: string | null;
  roles: { role: Role; unit: ProfileUnit }[];
  ledGroupUnits: ProfileUnit[];
  ledGroups: { id: number; name: string }[];
}

const unitFields = { id: true, code: true, name: true, level: true, path: true } as const;

/** The user's roster entry (the first, when they are on several organisations' rosters), or null. */
export async function findPersonByTelegramId(prisma: PrismaClient, telegramUserId: number): Promise<PersonProfile | null> {
  return (await findPeopleByTelegramId(prisma, telegramUserId))[0] ?? null;
}

/** Every roster entry bound to the Telegram user (one per organisation), oldest first. */
export async function findPeopleByTelegramId(prisma: PrismaClient, telegramUserId: number): Promise<PersonProfile[]> {
  const people = await prisma.person.findMany({ where: { telegramUserId: BigInt(telegramUserId) }, orderBy: { id: "asc" }, select: profileSelect });
  return people.map(toProfile);
}

/** What a profile is read from: the person's roles and the units of the working groups they lead. */
export const profileSelect = {
  id: true,
  organizationId: true,
  name: true,
  locale: true,
  telegramUserId: true,
  roles: { where: { unit: { archivedAt: null } }, orderBy: { id: "asc" }, select: { role: true, unit: { select: unitFields } } },
  workingGroups: {
    where: { role: "leader" },
    select: {
      workingGroup: {
        select: { id: true, name: true, units: { where: { unit: { archivedAt: null } }, select: { unit: { select: unitFields } } } },
      },
    },
  },
} as const satisfies Prisma.PersonSelect;

export function toProfile(person: Prisma.PersonGetPayload<{ select: typeof profileSelect }>): PersonProfile {
  const groups = person.workingGroups.map((membership) => membership.workingGroup);
  return {
    id: person.id,
    organizationId: person.organizationId,
    name: person.name,
    locale: person.locale,
    roles: person.roles,
    ledGroups: groups.map((group) => ({ id: group.id, name: group.name })),
    ledGroupUnits: groups.flatMap((group) => group.units.map((link) => link.unit)),
  };
}
