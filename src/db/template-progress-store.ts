// Where each unit asked by a template campaign stands in a round: its current report of each milestone
// (the newest event; a correction supersedes), read straight from `reports` (a template campaign asks a
// handful of milestones of the units at its levels; the congress's unit_progress fold is its own).
import { Prisma, type PrismaClient } from "@prisma/client";
import { localDateOf } from "../clock.js";
import type { UnitLevel } from "../domain/levels.js";
import type { LocalDate } from "../domain/local-date.js";
import type { NamedUnit } from "../domain/unit-label.js";
import { driverSql } from "./driver-sql.js";

export interface CampaignReportState {
  milestone: string;
  eventDate: LocalDate | null;
  reportedOn: LocalDate;
  payload: Record<string, unknown>;
  /** The report's id: orders the reports as they were recorded. */
  recorded: number;
}

export interface CampaignUnitRow extends NamedUnit {
  id: number;
  code: string;
  level: UnitLevel;
  parentId: number | null;
  path: string;
  position: number;
  reports: CampaignReportState[];
}

/**
 * The units the campaign asks (its levels, not archived) within `scope` (a subtree's path, or ids), in the
 * organisation file's order, each with its current reports in `round`.
 */
export async function loadCampaignUnits(
  prisma: PrismaClient,
  input: {
    campaign: { id: number; organizationId: number; levels: readonly UnitLevel[] };
    round: string;
    scope: { pathPrefix?: string; unitIds?: readonly number[] };
    timeZone: string;
    /** Only the reports recorded before this instant ("as of" a past day). */
    recordedBefore?: Date | null;
  },
): Promise<CampaignUnitRow[]> {
  const { campaign, round, scope } = input;
  const inScope = [
    scope.pathPrefix === undefined ? Prisma.empty : Prisma.sql`AND u.path LIKE ${`${scope.pathPrefix}%`}`,
    scope.unitIds === undefined ? Prisma.empty : Prisma.sql`AND u.id = ANY(${[...scope.unitIds]}::int[])`,
  ];
  const rows = await driverSql(prisma).rows<{
    id: number;
    code: string;
    name: string;
    level: UnitLevel;
    parentId: number | null;
    path: string;
    position: number;
    parentName: string | null;
    nameShared: boolean;
    reports: {
      id: number;
      milestone: string;
      eventDate: string | null;
      recordedAt: string;
      payload: Record<string, unknown>;
    }[];
  }>(Prisma.sql`
    SELECT u.id, u.code, u.name, u.level::text AS level, u."parentId", u.path, u.position, pu.name AS "parentName",
           EXISTS (SELECT 1 FROM units o WHERE o."organizationId" = u."organizationId" AND o.name = u.name
                   AND o.id <> u.id AND o."archivedAt" IS NULL) AS "nameShared",
           COALESCE((SELECT json_agg(json_build_object('id', r.id, 'milestone', r.milestone, 'eventDate', to_char(r."eventDate", 'YYYY-MM-DD'),
                                                       'recordedAt', r."createdAt", 'payload', r.payload))
                     FROM (SELECT DISTINCT ON (milestone) id, milestone, "eventDate", "createdAt", payload FROM reports
                           WHERE "campaignId" = ${campaign.id} AND "unitId" = u.id AND round = ${round}
                             ${input.recordedBefore ? Prisma.sql`AND "createdAt" < ${input.recordedBefore}` : Prisma.empty}
                           ORDER BY milestone, id DESC) r), '[]'::json) AS reports
    FROM units u LEFT JOIN units pu ON pu.id = u."parentId"
    WHERE u."organizationId" = ${campaign.organizationId} AND u."archivedAt" IS NULL
      AND u.level::text = ANY(${[...campaign.levels]}::text[]) ${inScope[0]!} ${inScope[1]!}
    ORDER BY u.position, u.id`);
  return rows.map((row) => ({
    ...row,
    reports: row.reports.map((report) => ({
      milestone: report.milestone,
      eventDate: report.eventDate,
      // The office's day it was recorded (json gives the timestamp without its zone: it is UTC).
      reportedOn: localDateOf(new Date(`${report.recordedAt}Z`), input.timeZone),
      payload: report.payload,
      recorded: report.id,
    })),
  }));
}
