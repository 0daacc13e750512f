// Which roster entries a Telegram user is, and binding them by a shared phone number. A Telegram user
// may be on the rosters of several organisations (one person row in each).
import { Prisma, type PrismaClient } from "@prisma/client";
import { driverSql } from "./driver-sql.js";

export type PhoneBindOutcome =
  | { status: "bound"; personIds: number[]; newlyBound: number }
  /** No one on any roster has this phone. */
  | { status: "unknown-phone" }
  /** The roster entry with this phone is already bound to another Telegram account. */
  | { status: "phone-taken" }
  /** This Telegram account is already bound to another person of the same organisation. */
  | { status: "account-taken" };

/**
 * Binds the Telegram user to every roster entry with this (normalised) phone, or to none of them when any
 * would conflict. Entries already bound to this user count as bound (a replay). `linkedAt` (the app's clock)
 * is recorded as when each entry was linked; null records none, as for a link made long ago (the sandbox's
 * ready-made personas).
 *
 * One statement, so atomic without an interactive transaction (which on PGlite held the database's lock,
 * and on PostgreSQL a pool connection, across JavaScript): the entries are read FOR UPDATE in id order, so
 * a concurrent binding of the same phone either has finished (and is read, as a conflict or a replay) or
 * waits for this one, and none of them can be bound meanwhile; the entries are updated only when nothing
 * conflicts, each with its audit row. A concurrent binding of this account to another entry of the same
 * organisation fails the unique (organizationId, telegramUserId), which undoes the whole statement.
 */
export async function bindByPhone(
  prisma: PrismaClient,
  phone: string,
  user: { id: number; locale: "vi" | "en" | null },
  linkedAt: Date | null,
): Promise<PhoneBindOutcome> {
  const telegramUserId = BigInt(user.id);
  try {
    type Row = { personIds: number[] | null; phoneTaken: boolean; accountTaken: boolean; newlyBound: number };
    const [result] = await driverSql(prisma).rows<Row>(Prisma.sql`
      WITH matches AS (
        SELECT id, "organizationId", "telegramUserId" FROM people WHERE phone = ${phone} ORDER BY id FOR UPDATE
      ),
      conflicts AS (
        SELECT EXISTS (SELECT 1 FROM matches WHERE "telegramUserId" <> ${telegramUserId}::bigint) AS "phoneTaken",
               EXISTS (SELECT 1 FROM people mine
                       WHERE mine."telegramUserId" = ${telegramUserId}::bigint
                         AND mine."organizationId" IN (SELECT "organizationId" FROM matches)
                         AND mine.id NOT IN (SELECT id FROM matches)) AS "accountTaken"
      ),
      bound AS (
        UPDATE people p
        SET "telegramUserId" = ${telegramUserId}::bigint, "telegramLinkedAt" = ${linkedAt}::timestamp,
            locale = COALESCE(p.locale, ${user.locale}::text), "updatedAt" = ${new Date()}::timestamp
        FROM matches m, conflicts c
        WHERE p.id = m.id AND p."telegramUserId" IS NULL AND NOT c."phoneTaken" AND NOT c."accountTaken"
        RETURNING p.id, p."organizationId"
      ),
      audit AS (
        INSERT INTO audit_logs ("organizationId", actor, action, entity, "entityId", details, "createdAt")
        SELECT "organizationId", ${`telegram:${user.id}`}, 'person.bind-telegram', 'person', id::text, '{"via":"contact"}'::jsonb, ${new Date()}::timestamp
        FROM bound ORDER BY id
      )
      SELECT (SELECT json_agg(id ORDER BY id) FROM matches) AS "personIds", c."phoneTaken", c."accountTaken",
             (SELECT count(*) FROM bound)::int AS "newlyBound"
      FROM conflicts c`);
    if (!result?.personIds) return { status: "unknown-phone" };
    if (result.phoneTaken) return { status: "phone-taken" };
    if (result.accountTaken) return { status: "account-taken" };
    return { status: "bound", personIds: result.personIds, newlyBound: result.newlyBound };
  } catch (error) {
    // (organizationId, telegramUserId) is unique: a concurrent binding of this account in the same organisation.
    if (isUniqueViolation(error)) return { status: "account-taken" };
    throw error;
  }
}

/**
 * A unique key taken: PostgreSQL's 23505 from the driver (pg and PGlite both say it in `code`); through
 * Prisma (a test's own client), P2002 from a model query, P2010 with 23505 from a raw one.
 */
function isUniqueViolation(error: unknown): boolean {
  if (typeof error === "object" && error !== null && "code" in error && error.code === "23505") return true;
  if (!(error instanceof Prisma.PrismaClientKnownRequestError)) return false;
  if (error.code === "P2002") return true;
  const cause: unknown = (error.meta?.driverAdapterError as { cause?: unknown } | undefined)?.cause;
  return (
    error.code === "P2010" && typeof cause === "object" && cause !== null && "code" in cause && cause.code === "23505"
  );
}
