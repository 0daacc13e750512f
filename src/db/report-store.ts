// Report events and what they make of a unit's state. Events are never changed: a correction is a new
// event that supersedes the unit's current one for that milestone.
import { Prisma, type PrismaClient } from "@prisma/client";
import type { Milestone, UnitLevel } from "../domain/levels.js";
import { utcDateToLocalDate, type LocalDate } from "../domain/local-date.js";
import { driverSql } from "./driver-sql.js";

export interface UnitContext {
  id: number;
  /** A unit with units under it elects a standing committee; a cell does not. */
  hasChildren: boolean;
  organizationId: number;
  code: string;
  name: string;
  level: UnitLevel;
  path: string;
  parentName: string | null;
  term: string | null;
  campaign: { id: number; name: string; deadlines: Partial<Record<Milestone, LocalDate>>; term: string | null } | null;
}

/**
 * The unit (by id, or by code without regard to case: people type "gt-01" for "GT-01" on a phone) with its
 * organisation's active campaign (the oldest, if several), that campaign's deadlines and term for the
 * unit's level. Read twice per report, so in one statement (Prisma's nested select was 7).
 */
export async function loadUnitContext(
  prisma: PrismaClient,
  where: { id: number } | { organizationId: number; code: string },
): Promise<UnitContext | null> {
  // ILIKE, as Prisma's `mode: "insensitive"` matched before.
  const match =
    "id" in where
      ? Prisma.sql`u.id = ${where.id}`
      : Prisma.sql`u."organizationId" = ${where.organizationId} AND u.code ILIKE ${where.code}`;
  const [unit] = await driverSql(prisma).rows<UnitContext>(Prisma.sql`
    SELECT u.id, u."organizationId", u.code, u.name, u.level::text AS level, u.path, u.term, pu.name AS "parentName",
           EXISTS (SELECT 1 FROM units c WHERE c."parentId" = u.id AND c."archivedAt" IS NULL) AS "hasChildren",
           (SELECT json_build_object(
                     'id', ca.id, 'name', ca.name,
                     'deadlines', COALESCE((SELECT json_object_agg(d.milestone::text, to_char(d."dueDate", 'YYYY-MM-DD'))
                                            FROM campaign_deadlines d WHERE d."campaignId" = ca.id AND d.level = u.level), '{}'::json),
                     'term', (SELECT t.term FROM campaign_terms t WHERE t."campaignId" = ca.id AND t.level = u.level))
            FROM campaigns ca WHERE ca."organizationId" = u."organizationId" AND ca.active AND ca.template = 'congress'
            ORDER BY ca.id LIMIT 1) AS campaign
    FROM units u LEFT JOIN units pu ON pu.id = u."parentId"
    WHERE ${match} AND u."archivedAt" IS NULL
    ORDER BY u.id
    LIMIT 1`);
  return unit ?? null;
}

export interface StoredReport {
  milestone: Milestone;
  eventDate: LocalDate | null;
  reportedOn: LocalDate;
  late: boolean;
  id: number;
  unitId: number;
  payload: Record<string, unknown>;
  authorName: string | null;
  onBehalf: boolean;
}

/** The current (newest) report of each milestone for the given units, in one query. */
export async function currentReports(
  prisma: PrismaClient,
  campaignId: number,
  unitIds: readonly number[],
): Promise<StoredReport[]> {
  if (unitIds.length === 0) return [];
  type Row = {
    id: number;
    unitId: number;
    milestone: Milestone;
    eventDate: Date | null;
    createdAt: Date;
    late: boolean;
    payload: unknown;
    onBehalf: boolean;
    authorName: string | null;
  };
  const rows = await driverSql(prisma).rows<Row>(Prisma.sql`
    SELECT DISTINCT ON (r."unitId", r.milestone)
           r.id, r."unitId", r.milestone::text AS milestone, r."eventDate", r."createdAt", r.late, r.payload, r."onBehalf",
           p.name AS "authorName"
    FROM reports r LEFT JOIN people p ON p.id = r."authorId"
    WHERE r."campaignId" = ${campaignId} AND r."unitId" = ANY(${[...unitIds]}::int[])
    ORDER BY r."unitId", r.milestone, r.id DESC`);
  return rows.map((row) => ({
    id: row.id,
    unitId: row.unitId,
    milestone: row.milestone as Milestone,
    eventDate: row.eventDate ? utcDateToLocalDate(row.eventDate) : null,
    reportedOn: utcDateToLocalDate(row.createdAt),
    late: row.late,
    payload: (row.payload ?? {}) as Record<string, unknown>,
    onBehalf: row.onBehalf,
    authorName: row.authorName,
  }));
}

export interface NewReport {
  organizationId: number;
  campaignId: number;
  unitId: number;
  /** A milestone key of the campaign's template. */
  milestone: string;
  /** A recurring campaign's round ("2026-12"); "" (the default) for one round. */
  round?: string;
  eventDate: LocalDate | null;
  payload: Prisma.InputJsonObject;
  authorId: number | null;
  onBehalf: boolean;
  late: boolean;
  source: "telegram" | "web" | "cli" | "sandbox";
  /** The request that stored it ("telegram:<update id>", "web:<form key>"); null when no request did. */
  requestKey: string | null;
  actor: string;
  /** When it was reported, from the app's clock (deadlines and digests are judged on the same clock). */
  recordedAt: Date;
}

export type SaveOutcome =
  | { saved: true; reportId: number; supersededId: number | null }
  | { saved: false; reason: "duplicate-request" };

/**
 * Stores a report event. The same request (a Telegram update, a web form's confirmation) stores one
 * event however often it is delivered or submitted;
 * the event supersedes the unit's current one for the milestone, and the audit log says who did it.
 *
 * One statement, so atomic without an interactive transaction (which on PGlite held the database's lock,
 * and on PostgreSQL a pool connection, across JavaScript): the current report, the new one and the audit
 * row. A second delivery of the request inserts nothing (ON CONFLICT on the request key, which waits for a
 * concurrent insert of it to end); two corrections of the same report at once still fail on the unique
 * `supersedesId`, one of them with an error, as before.
 */
export async function saveReport(prisma: PrismaClient, report: NewReport): Promise<SaveOutcome> {
  const details = {
    unitId: report.unitId,
    milestone: report.milestone,
    ...(report.round && { round: report.round }),
    onBehalf: report.onBehalf,
    late: report.late,
    after: { eventDate: report.eventDate, payload: report.payload },
  };
  const [saved] = await driverSql(prisma).rows<{ reportId: number; supersededId: number | null }>(Prisma.sql`
    WITH current AS (
      SELECT id, "eventDate", payload FROM reports
      WHERE "campaignId" = ${report.campaignId} AND "unitId" = ${report.unitId} AND milestone = ${report.milestone}
        AND round = ${report.round ?? ""}
      ORDER BY id DESC LIMIT 1
    ),
    created AS (
      INSERT INTO reports ("organizationId", "campaignId", "unitId", milestone, round, "eventDate", payload, "authorId", "onBehalf", late, source,
                           "requestKey", "supersedesId", "createdAt")
      SELECT ${report.organizationId}, ${report.campaignId}, ${report.unitId}, ${report.milestone}, ${report.round ?? ""},
             ${report.eventDate}::date, ${JSON.stringify(report.payload)}::jsonb, ${report.authorId}::int, ${report.onBehalf}, ${report.late},
             ${report.source}::"ReportSource", ${report.requestKey}::text,
             (SELECT id FROM current), ${report.recordedAt}::timestamp
      ON CONFLICT ("requestKey") DO NOTHING
      RETURNING id, "supersedesId"
    ),
    audit AS (
      INSERT INTO audit_logs ("organizationId", actor, action, entity, "entityId", details, "createdAt")
      SELECT ${report.organizationId}, ${report.actor},
             CASE WHEN created."supersedesId" IS NULL THEN 'report.create' ELSE 'report.correct' END, 'report', created.id::text,
             ${JSON.stringify(details)}::jsonb || jsonb_build_object('before', (
               SELECT jsonb_build_object('reportId', current.id, 'eventDate', to_char(current."eventDate", 'YYYY-MM-DD'), 'payload', current.payload)
               FROM current)),
             ${new Date()}::timestamp
      FROM created
    )
    SELECT id AS "reportId", "supersedesId" AS "supersededId" FROM created`);
  return saved ? { saved: true, ...saved } : { saved: false, reason: "duplicate-request" };
}

export interface ReportEvent {
  id: number;
  milestone: Milestone;
  eventDate: LocalDate | null;
  recordedAt: Date;
  authorName: string | null;
  onBehalf: boolean;
  superseded: boolean;
}

/** Every report event of the unit in the campaign, corrections included, newest first. */
export async function reportHistory(prisma: PrismaClient, campaignId: number, unitId: number): Promise<ReportEvent[]> {
  const rows = await prisma.report.findMany({
    where: { campaignId, unitId },
    orderBy: { id: "desc" },
    select: {
      id: true,
      milestone: true,
      eventDate: true,
      createdAt: true,
      onBehalf: true,
      author: { select: { name: true } },
      supersededBy: { select: { id: true } },
    },
  });
  return rows.map((row) => ({
    id: row.id,
    // A congress campaign's history: its milestones are the congress's.
    milestone: row.milestone as Milestone,
    eventDate: row.eventDate ? utcDateToLocalDate(row.eventDate) : null,
    recordedAt: row.createdAt,
    authorName: row.author?.name ?? null,
    onBehalf: row.onBehalf,
    superseded: row.supersededBy !== null,
  }));
}
