-- AlterTable
ALTER TABLE "unit_progress" ADD COLUMN     "documentsEventDate" DATE,
ADD COLUMN     "documentsRecordedAt" TIMESTAMP(3),
ADD COLUMN     "heldEventDate" DATE,
ADD COLUMN     "heldRecordedAt" TIMESTAMP(3),
ADD COLUMN     "personnelEventDate" DATE,
ADD COLUMN     "personnelRecordedAt" TIMESTAMP(3),
ADD COLUMN     "planEventDate" DATE,
ADD COLUMN     "planRecordedAt" TIMESTAMP(3),
ADD COLUMN     "scheduledEventDate" DATE,
ADD COLUMN     "scheduledRecordedAt" TIMESTAMP(3);


-- The fold now also keeps, for each milestone, the current report's event date and the moment it was
-- recorded: a unit's checklist (its lists, reminders, /tiendo, the export) reads its unit_progress row
-- alone instead of looking up five reports per unit. Same rule as before: for each milestone the report
-- with the highest id is the current one, whatever order concurrent writers commit in.
CREATE OR REPLACE FUNCTION "unit_progress_fold_reports"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "unit_progress" AS p ("unitId", "campaignId", "planReportId", "documentsReportId", "personnelReportId",
                                    "scheduledReportId", "heldReportId",
                                    "planEventDate", "planRecordedAt", "documentsEventDate", "documentsRecordedAt",
                                    "personnelEventDate", "personnelRecordedAt", "scheduledEventDate", "scheduledRecordedAt",
                                    "heldEventDate", "heldRecordedAt",
                                    "scheduledOn", "heldOn", "heldFirstAt", "heldResults")
  SELECT n."unitId", n."campaignId",
         max(n.id) FILTER (WHERE n.milestone = 'plan'),
         max(n.id) FILTER (WHERE n.milestone = 'documents'),
         max(n.id) FILTER (WHERE n.milestone = 'personnel'),
         max(n.id) FILTER (WHERE n.milestone = 'scheduled'),
         max(n.id) FILTER (WHERE n.milestone = 'held'),
         (array_agg(n."eventDate" ORDER BY n.id DESC) FILTER (WHERE n.milestone = 'plan'))[1],
         (array_agg(n."createdAt" ORDER BY n.id DESC) FILTER (WHERE n.milestone = 'plan'))[1],
         (array_agg(n."eventDate" ORDER BY n.id DESC) FILTER (WHERE n.milestone = 'documents'))[1],
         (array_agg(n."createdAt" ORDER BY n.id DESC) FILTER (WHERE n.milestone = 'documents'))[1],
         (array_agg(n."eventDate" ORDER BY n.id DESC) FILTER (WHERE n.milestone = 'personnel'))[1],
         (array_agg(n."createdAt" ORDER BY n.id DESC) FILTER (WHERE n.milestone = 'personnel'))[1],
         (array_agg(n."eventDate" ORDER BY n.id DESC) FILTER (WHERE n.milestone = 'scheduled'))[1],
         (array_agg(n."createdAt" ORDER BY n.id DESC) FILTER (WHERE n.milestone = 'scheduled'))[1],
         (array_agg(n."eventDate" ORDER BY n.id DESC) FILTER (WHERE n.milestone = 'held'))[1],
         (array_agg(n."createdAt" ORDER BY n.id DESC) FILTER (WHERE n.milestone = 'held'))[1],
         (array_agg(coalesce(n."eventDate", n."createdAt"::date) ORDER BY n.id DESC) FILTER (WHERE n.milestone = 'scheduled'))[1],
         (array_agg(coalesce(n."eventDate", n."createdAt"::date) ORDER BY n.id DESC) FILTER (WHERE n.milestone = 'held'))[1],
         min(n."createdAt") FILTER (WHERE n.milestone = 'held'),
         (array_agg(n.payload -> 'results' ORDER BY n.id DESC) FILTER (WHERE n.milestone = 'held'))[1]
  FROM "new_reports" n
  GROUP BY n."unitId", n."campaignId"
  ON CONFLICT ("unitId", "campaignId") DO UPDATE SET
    "planReportId" = GREATEST(p."planReportId", EXCLUDED."planReportId"),
    "documentsReportId" = GREATEST(p."documentsReportId", EXCLUDED."documentsReportId"),
    "personnelReportId" = GREATEST(p."personnelReportId", EXCLUDED."personnelReportId"),
    "scheduledReportId" = GREATEST(p."scheduledReportId", EXCLUDED."scheduledReportId"),
    "heldReportId" = GREATEST(p."heldReportId", EXCLUDED."heldReportId"),
    "planEventDate" = CASE WHEN EXCLUDED."planReportId" > coalesce(p."planReportId", 0) THEN EXCLUDED."planEventDate" ELSE p."planEventDate" END,
    "planRecordedAt" = CASE WHEN EXCLUDED."planReportId" > coalesce(p."planReportId", 0) THEN EXCLUDED."planRecordedAt" ELSE p."planRecordedAt" END,
    "documentsEventDate" = CASE WHEN EXCLUDED."documentsReportId" > coalesce(p."documentsReportId", 0) THEN EXCLUDED."documentsEventDate" ELSE p."documentsEventDate" END,
    "documentsRecordedAt" = CASE WHEN EXCLUDED."documentsReportId" > coalesce(p."documentsReportId", 0) THEN EXCLUDED."documentsRecordedAt" ELSE p."documentsRecordedAt" END,
    "personnelEventDate" = CASE WHEN EXCLUDED."personnelReportId" > coalesce(p."personnelReportId", 0) THEN EXCLUDED."personnelEventDate" ELSE p."personnelEventDate" END,
    "personnelRecordedAt" = CASE WHEN EXCLUDED."personnelReportId" > coalesce(p."personnelReportId", 0) THEN EXCLUDED."personnelRecordedAt" ELSE p."personnelRecordedAt" END,
    "scheduledEventDate" = CASE WHEN EXCLUDED."scheduledReportId" > coalesce(p."scheduledReportId", 0) THEN EXCLUDED."scheduledEventDate" ELSE p."scheduledEventDate" END,
    "scheduledRecordedAt" = CASE WHEN EXCLUDED."scheduledReportId" > coalesce(p."scheduledReportId", 0) THEN EXCLUDED."scheduledRecordedAt" ELSE p."scheduledRecordedAt" END,
    "heldEventDate" = CASE WHEN EXCLUDED."heldReportId" > coalesce(p."heldReportId", 0) THEN EXCLUDED."heldEventDate" ELSE p."heldEventDate" END,
    "heldRecordedAt" = CASE WHEN EXCLUDED."heldReportId" > coalesce(p."heldReportId", 0) THEN EXCLUDED."heldRecordedAt" ELSE p."heldRecordedAt" END,
    "scheduledOn" = CASE WHEN EXCLUDED."scheduledReportId" > coalesce(p."scheduledReportId", 0) THEN EXCLUDED."scheduledOn" ELSE p."scheduledOn" END,
    "heldOn" = CASE WHEN EXCLUDED."heldReportId" > coalesce(p."heldReportId", 0) THEN EXCLUDED."heldOn" ELSE p."heldOn" END,
    "heldResults" = CASE WHEN EXCLUDED."heldReportId" > coalesce(p."heldReportId", 0) THEN EXCLUDED."heldResults" ELSE p."heldResults" END,
    "heldFirstAt" = LEAST(p."heldFirstAt", EXCLUDED."heldFirstAt");
  RETURN NULL;
END
$$;

-- The rows folded before this migration: each milestone's dates read off its current report.
UPDATE "unit_progress" p SET "planEventDate" = r."eventDate", "planRecordedAt" = r."createdAt" FROM "reports" r WHERE r.id = p."planReportId";
UPDATE "unit_progress" p SET "documentsEventDate" = r."eventDate", "documentsRecordedAt" = r."createdAt" FROM "reports" r WHERE r.id = p."documentsReportId";
UPDATE "unit_progress" p SET "personnelEventDate" = r."eventDate", "personnelRecordedAt" = r."createdAt" FROM "reports" r WHERE r.id = p."personnelReportId";
UPDATE "unit_progress" p SET "scheduledEventDate" = r."eventDate", "scheduledRecordedAt" = r."createdAt" FROM "reports" r WHERE r.id = p."scheduledReportId";
UPDATE "unit_progress" p SET "heldEventDate" = r."eventDate", "heldRecordedAt" = r."createdAt" FROM "reports" r WHERE r.id = p."heldReportId";
