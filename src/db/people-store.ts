// Who a Telegram user is on the roster: their roles with the units' places in the tree, and the units
// followed by the working groups they lead.
import { Prisma, type PrismaClient } from "@prisma/client";
import type { Role, UnitLevel } from "../domain/levels.js";
import type { ScopePerson } from "../domain/scope.js";
import { driverSql } from "./driver-sql.js";

export interface ProfileUnit {
  id: number;
  code: string;
  name: string;
  level: UnitLevel;
  path: string;
}

export interface PersonProfile extends ScopePerson<ProfileUnit> {
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
export async function findPersonByTelegramId(
  prisma: PrismaClient,
  telegramUserId: number,
): Promise<PersonProfile | null> {
  return (await findPeopleByTelegramId(prisma, telegramUserId))[0] ?? null;
}

/**
 * Every roster entry bound to the Telegram user (one per organisation), oldest first. Read on every update
 * (src/bot/create-bot.ts), so in one statement: Prisma would load profileSelect's nested relations level by
 * level (7 statements, even for a stranger). Same rules as profileSelect: roles by id, units that are not
 * archived, working groups the person leads (memberships, then their units, by id).
 */
export async function findPeopleByTelegramId(prisma: PrismaClient, telegramUserId: number): Promise<PersonProfile[]> {
  return findProfiles(prisma, Prisma.sql`p."telegramUserId" = ${BigInt(telegramUserId)}`);
}

/** The roster entry of the organisation with this phone (as the roster writes it), or null. */
export async function findPersonIdByPhone(
  prisma: PrismaClient,
  organizationId: number,
  phone: string | null,
): Promise<number | null> {
  if (!phone) return null;
  const person = await prisma.person.findUnique({
    where: { organizationId_phone: { organizationId, phone } },
    select: { id: true },
  });
  return person?.id ?? null;
}

/** One roster entry's profile by its id (a web session's person), or null. */
export async function findPersonProfile(prisma: PrismaClient, personId: number): Promise<PersonProfile | null> {
  return (await findProfiles(prisma, Prisma.sql`p.id = ${personId}`))[0] ?? null;
}

async function findProfiles(prisma: PrismaClient, where: Prisma.Sql): Promise<PersonProfile[]> {
  const unitJson = (alias: string) =>
    Prisma.raw(
      `json_build_object('id', ${alias}.id, 'code', ${alias}.code, 'name', ${alias}.name, 'level', ${alias}.level::text, 'path', ${alias}.path)`,
    );
  const rows = await driverSql(prisma).rows<ProfileRow>(Prisma.sql`
    SELECT p.id, p."organizationId", p.name, p.locale,
           COALESCE((SELECT json_agg(json_build_object('role', ra.role::text, 'unit', ${unitJson("u")}) ORDER BY ra.id)
                     FROM role_assignments ra JOIN units u ON u.id = ra."unitId"
                     WHERE ra."personId" = p.id AND u."archivedAt" IS NULL), '[]'::json) AS roles,
           COALESCE((SELECT json_agg(json_build_object(
                              'id', g.id, 'name', g.name,
                              'units', COALESCE((SELECT json_agg(${unitJson("gu")} ORDER BY wu.id)
                                                 FROM working_group_units wu JOIN units gu ON gu.id = wu."unitId"
                                                 WHERE wu."workingGroupId" = g.id AND gu."archivedAt" IS NULL), '[]'::json))
                            ORDER BY m.id)
                     FROM working_group_members m JOIN working_groups g ON g.id = m."workingGroupId"
                     WHERE m."personId" = p.id AND m.role = 'leader'), '[]'::json) AS groups
    FROM people p
    WHERE ${where}
    ORDER BY p.id`);
  return rows.map((row) => ({
    id: row.id,
    organizationId: row.organizationId,
    name: row.name,
    locale: row.locale,
    roles: row.roles,
    ledGroups: row.groups.map((group) => ({ id: group.id, name: group.name })),
    ledGroupUnits: row.groups.flatMap((group) => group.units),
  }));
}

/** A row of findPeopleByTelegramId's query: the roles and led groups come as JSON. */
interface ProfileRow {
  id: number;
  organizationId: number;
  name: string;
  locale: string | null;
  roles: { role: Role; unit: ProfileUnit }[];
  groups: { id: number; name: string; units: ProfileUnit[] }[];
}

/**
 * What a profile is read from with Prisma (everyone bound at once, src/db/command-menu-store.ts): the
 * person's roles and the units of the working groups they lead. findPeopleByTelegramId reads the same in SQL.
 */
export const profileSelect = {
  id: true,
  organizationId: true,
  name: true,
  locale: true,
  telegramUserId: true,
  roles: {
    where: { unit: { archivedAt: null } },
    orderBy: { id: "asc" },
    select: { role: true, unit: { select: unitFields } },
  },
  workingGroups: {
    where: { role: "leader" },
    select: {
      workingGroup: {
        select: {
          id: true,
          name: true,
          units: { where: { unit: { archivedAt: null } }, select: { unit: { select: unitFields } } },
        },
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
