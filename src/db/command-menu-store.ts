// What the command-menu planning (src/usecases/command-menus.ts) reads: everyone bound to Telegram with
// what their menu depends on, the menus last planned, and a cheap signature of those inputs.
//
// A planned menu is an outbox row of kind "menu" (method setMyCommands) keyed
// `menu:<target>:<hash>:<id of the target's previous menu row, 0 for the first>`, where the target is a
// person's chat id, or a bot-wide scope with its language (`all_private_chats`, `all_group_chats.en`, …).
// The hash makes a second plan of the same menu a no-op (two instances, a replayed binding); the previous
// row's id lets a menu that changes back (vi → en → vi) be planned again, which a key of the hash alone
// would refuse as a duplicate.
import { Prisma, type PrismaClient } from "@prisma/client";
import { driverSql } from "./driver-sql.js";
import { profileSelect, toProfile, type PersonProfile } from "./people-store.js";

export const menuKind = "menu";

export function menuDedupeKey(target: string, hash: string, previousId: number | null): string {
  return `menu:${target}:${hash}:${previousId ?? 0}`;
}

export interface PlannedMenu {
  /** The outbox row's id. */
  id: number;
  target: string;
  hash: string;
}

function parseMenuKey(id: number, dedupeKey: string): PlannedMenu | null {
  const [kind, target, hash] = dedupeKey.split(":");
  return kind === "menu" && target && hash ? { id, target, hash } : null;
}

/** The latest menu planned for each target (whatever became of it: a failed menu is not planned again until it changes). */
export async function latestMenus(prisma: PrismaClient): Promise<Map<string, PlannedMenu>> {
  const rows = await prisma.$queryRaw<{ id: number; dedupeKey: string }[]>`
    SELECT DISTINCT ON (split_part("dedupeKey", ':', 2)) id, "dedupeKey"
    FROM outbox_messages
    WHERE kind = ${menuKind}
    ORDER BY split_part("dedupeKey", ':', 2), id DESC`;
  return latestByTarget(rows);
}

/** The same for the targets whose rows wait in these chats' queues (0: the bot-wide menus); found by the chat index. */
export async function latestMenusInChats(
  prisma: PrismaClient,
  chatIds: readonly number[],
): Promise<Map<string, PlannedMenu>> {
  // Once per binding, on the bot's hot path: on the driver (src/db/driver-sql.ts).
  const rows = await driverSql(prisma).rows<{ id: number; dedupeKey: string }>(Prisma.sql`
    SELECT id, "dedupeKey" FROM outbox_messages
    WHERE kind = ${menuKind} AND "chatId" = ANY(${chatIds.map((chatId) => String(chatId))}::bigint[])
    ORDER BY id DESC`);
  return latestByTarget(rows);
}

function latestByTarget(rows: readonly { id: number; dedupeKey: string }[]): Map<string, PlannedMenu> {
  const latest = new Map<string, PlannedMenu>();
  for (const row of rows) {
    const menu = parseMenuKey(Number(row.id), row.dedupeKey);
    if (menu && (latest.get(menu.target)?.id ?? -1) < menu.id) latest.set(menu.target, menu);
  }
  return latest;
}

/**
 * Everyone bound to Telegram, by Telegram user id, each account's roster entries oldest first, in the
 * shape of findPeopleByTelegramId (src/db/people-store.ts): one query for all of them.
 */
export async function loadBoundPeople(prisma: PrismaClient): Promise<Map<number, PersonProfile[]>> {
  const people = await prisma.person.findMany({
    where: { telegramUserId: { not: null } },
    orderBy: { id: "asc" },
    select: profileSelect,
  });
  const byUser = new Map<number, PersonProfile[]>();
  for (const person of people) {
    const userId = Number(person.telegramUserId);
    byUser.set(userId, [...(byUser.get(userId) ?? []), toProfile(person)]);
  }
  return byUser;
}

/**
 * Changes whenever a menu may have changed: a role given or taken, a working group's leaders or units, a
 * person bound, unbound or changing language, a unit changed or archived. One small query, for the job's
 * every-minute check; what it cannot see (a working-group member made leader in place) waits for the
 * hourly full comparison.
 */
export async function menuInputsSignature(prisma: PrismaClient): Promise<string> {
  const [row] = await prisma.$queryRaw<{ signature: string }[]>`
    SELECT concat_ws('|',
      (SELECT count(*) || ':' || coalesce(max(id), 0) FROM role_assignments),
      (SELECT count(*) || ':' || coalesce(max(id), 0) FROM working_group_members),
      (SELECT count(*) || ':' || coalesce(max(id), 0) FROM working_group_units),
      (SELECT count(*) || ':' || coalesce(max("updatedAt")::text, '') FROM people WHERE "telegramUserId" IS NOT NULL),
      (SELECT count(*) || ':' || coalesce(max("updatedAt")::text, '') FROM units)
    ) AS signature`;
  return row?.signature ?? "";
}
