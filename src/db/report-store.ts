// Report events and what they make of a unit's state. Events are never changed: a correction is a new
// event that supersedes the unit's current one for that milestone.
import { Prisma, type PrismaClient } from "@prisma/client";
import type { Milestone, UnitLevel } from "../domain/levels.js";
import { localDateToUtcDate, utcDateToLocalDate, type LocalDate } from "../domain/local-date.js";

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

export async function loadUnitContext(prisma: PrismaClient, where: { id: number } | { organizationId: number; code: string }): Promise<UnitContext | null> {
  const unit = await prisma.unit.findFirst({
    // Codes are matched without regard to case: people type "gt-01" for "GT-01" on a phone.
    where: {
      ...("id" in where ? { id: where.id } : { organizationId: where.organizationId, code: { equals: where.code, mode: "insensitive" as const } }),
      archivedAt: null,
    },
    select: {
      id: true,
      organizationId: true,
      code: true,
      name: true,
      level: true,
      path: true,
      term: true,
      parent: { select: { name: true } },
      _count: { select: { children: { where: { archivedAt: null } } } },
      organization: {
        select: {
          campaigns: {
            where: { active: true },
            take: 1,
            select: { id: true, name: true, deadlines: true, terms: true },
          },
        },
      },
    },
  });
  if (!unit) return null;
  const campaign = unit.organization.campaigns[0];
  return {
    id: unit.id,
    hasChildren: unit._count.children > 0,
    organizationId: unit.organizationId,
    code: unit.code,
    name: unit.name,
    level: unit.level,
    path: unit.path,
    parentName: unit.parent?.name ?? null,
    term: unit.term,
    campaign: campaign
      ? {
          id: campaign.id,
          name: campaign.name,
          deadlines: Object.fromEntries(
            campaign.deadlines.filter((d) => d.level === unit.level).map((d) => [d.milestone, utcDateToLocalDate(d.dueDate)]),
          ),
          term: campaign.terms.find((t) => t.level === unit.level)?.term ?? null,
        }
      : null,
  };
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
export async function currentReports(prisma: PrismaClient, campaignId: number, unitIds: readonly number[]): Promise<StoredReport[]> {
  if (unitIds.length === 0) return [];
  const rows = await prisma.$queryRaw<
    { id: number; unitId: number; milestone: Milestone; eventDate: Date | null; createdAt: Date; late: boolean; payload: unknown; onBehalf: boolean; authorName: string | null }[]
  >`
    SELECT DISTINCT ON (r."unitId", r.milestone)
           r.id, r."unitId", r.milestone::text AS milestone, r."eventDate", r."createdAt", r.late, r.payload, r."onBehalf",
           p.name AS "authorName"
    FROM reports r LEFT JOIN people p ON p.id = r."authorId"
    WHERE r."campaignId" = ${campaignId} AND r."unitId" = ANY(${[...unitIds]}::int[])
    ORDER BY r."unitId", r.milestone, r.id DESC`;
  return rows.map((row) => ({
    id: row.id,
    unitId: row.unitId,
    milestone: row.milestone,
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
  milestone: Milestone;
  eventDate: LocalDate | null;
  payload: Prisma.InputJsonObject;
  authorId: number | null;
  onBehalf: boolean;
  late: boolean;
  source: "telegram" | "cli" | "sandbox";
  telegramUpdateId: number | null;
  actor: string;
  /** When it was reported, from the app's clock (deadlines and digests are judged on the same clock). */
  recordedAt: Date;
}

export type SaveOutcome = { saved: true; reportId: number; supersededId: number | null } | { saved: false; reason: "duplicate-update" };

/**
 * Stores a report event. The same Telegram update stores one event however often it is delivered;
 * the event supersedes the unit's current one for the milestone, and the audit log says who did it.
 */
export async function saveReport(prisma: PrismaClient, report: NewReport): Promise<SaveOutcome> {
  try {
    return await prisma.$transaction(async (tx) => {
      const current = await tx.report.findFirst({
        where: { campaignId: report.campaignId, unitId: report.unitId, milestone: report.milestone },
        orderBy: { id: "desc" },
        select: { id: true, eventDate: true, payload: true },
      });
      const created = await tx.report.create({
        data: {
          organizationId: report.organizationId,
          campaignId: report.campaignId,
          unitId: report.unitId,
          milestone: report.milestone,
          eventDate: report.eventDate ? localDateToUtcDate(report.eventDate) : null,
          payload: report.payload,
          authorId: report.authorId,
          onBehalf: report.onBehalf,
          late: report.late,
          source: report.source,
          telegramUpdateId: report.telegramUpdateId === null ? null : BigInt(report.telegramUpdateId),
          supersedesId: current?.id ?? null,
          createdAt: report.recordedAt,
        },
      });
      await tx.auditLog.create({
        data: {
          organizationId: report.organizationId,
          actor: report.actor,
          action: current ? "report.correct" : "report.create",
          entity: "report",
          entityId: String(created.id),
          details: {
            unitId: report.unitId,
            milestone: report.milestone,
            onBehalf: report.onBehalf,
            late: report.late,
            before: current ? { reportId: current.id, eventDate: current.eventDate?.toISOString().slice(0, 10) ?? null, payload: current.payload } : null,
            after: { eventDate: report.eventDate, payload: report.payload },
          } as Prisma.InputJsonObject,
        },
      });
      return { saved: true as const, reportId: created.id, supersededId: current?.id ?? null };
    });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002" && report.telegramUpdateId !== null) {
      const existing = await prisma.report.findUnique({ where: { telegramUpdateId: BigInt(report.telegramUpdateId) } });
      if (existing) return { saved: false, reason: "duplicate-update" };
    }
    throw error;
  }
}
