// Writes a progress file's reports and difficulties (src/usecases/progress-import.ts) in one batch
// transaction: all of them or none. Each report carries a request key made from its entry, so loading
// the same file again stores nothing twice; the reports are inserted in the order they reached the office,
// so the last one reported of a milestone is its current one, as when they are typed.
import { Prisma, type PrismaClient } from "@prisma/client";
import type { LocalDate } from "../domain/local-date.js";
import { driverSql } from "./driver-sql.js";

export interface ImportedReport {
  unitId: number;
  milestone: string;
  eventDate: LocalDate | null;
  payload: Record<string, unknown>;
  late: boolean;
  recordedAt: Date;
  requestKey: string;
}

export interface ImportedDifficulty {
  unitId: number;
  text: string;
  openedAt: Date;
}

export async function storeImportedProgress(
  prisma: PrismaClient,
  input: {
    organizationId: number;
    campaignId: number;
    reports: readonly ImportedReport[];
    difficulties: readonly ImportedDifficulty[];
    actor: string;
    at: Date;
  },
): Promise<{ reports: number; difficulties: number }> {
  const reports = [...input.reports].sort((a, b) => a.recordedAt.getTime() - b.recordedAt.getTime());
  const column = <T>(pick: (report: ImportedReport) => T) => reports.map(pick);
  // Instants as UTC wall-clock text: timestamps are stored in UTC, whatever the driver does with a Date in an array.
  const utc = (instant: Date) => instant.toISOString().slice(0, 23);
  // One statement: the reports, the difficulties and the audit row are written together or not at all.
  const [row] = await driverSql(prisma).rows<{ reports: number; difficulties: number }>(Prisma.sql`
    WITH added AS (
      INSERT INTO reports ("organizationId", "campaignId", "unitId", milestone, "eventDate", payload, "onBehalf", late,
                           source, "requestKey", "createdAt")
      SELECT ${input.organizationId}, ${input.campaignId}, r."unitId", r.milestone, r."eventDate", r.payload, true, r.late,
             'cli'::"ReportSource", r."requestKey", r."createdAt"
      FROM unnest(${column((r) => r.unitId)}::int[], ${column((r) => r.milestone)}::text[],
                  ${column((r) => r.eventDate)}::date[], ${column((r) => JSON.stringify(r.payload))}::jsonb[],
                  ${column((r) => r.late)}::boolean[], ${column((r) => r.requestKey)}::text[],
                  ${column((r) => utc(r.recordedAt))}::timestamp[])
           WITH ORDINALITY AS r("unitId", milestone, "eventDate", payload, late, "requestKey", "createdAt", n)
      ORDER BY r.n
      ON CONFLICT ("requestKey") DO NOTHING
      RETURNING id
    ),
    opened AS (
      INSERT INTO difficulties ("unitId", text, "openedAt")
      SELECT d."unitId", d.text, d."openedAt"
      FROM unnest(${input.difficulties.map((d) => d.unitId)}::int[], ${input.difficulties.map((d) => d.text)}::text[],
                  ${input.difficulties.map((d) => utc(d.openedAt))}::timestamp[]) AS d("unitId", text, "openedAt")
      WHERE NOT EXISTS (SELECT 1 FROM difficulties o WHERE o."unitId" = d."unitId" AND o.text = d.text AND o."openedAt" = d."openedAt")
      RETURNING id
    ),
    audit AS (
      INSERT INTO audit_logs ("organizationId", actor, action, entity, "entityId", details, "createdAt")
      SELECT ${input.organizationId}, ${input.actor}, 'progress.import', 'campaign', ${String(input.campaignId)},
             jsonb_build_object('reports', (SELECT count(*) FROM added), 'difficulties', (SELECT count(*) FROM opened)),
             ${utc(input.at)}::timestamp
    )
    SELECT (SELECT count(*) FROM added)::int AS reports, (SELECT count(*) FROM opened)::int AS difficulties`);
  return row!;
}
