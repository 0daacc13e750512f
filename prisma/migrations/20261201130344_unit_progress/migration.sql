-- CreateTable
CREATE TABLE "unit_progress" (
    "unitId" INTEGER NOT NULL,
    "campaignId" INTEGER NOT NULL,
    "planReportId" INTEGER,
    "documentsReportId" INTEGER,
    "personnelReportId" INTEGER,
    "scheduledReportId" INTEGER,
    "heldReportId" INTEGER,
    "scheduledOn" DATE,
    "heldOn" DATE,
    "heldFirstAt" TIMESTAMP(3),
    "heldResults" JSONB,

    CONSTRAINT "unit_progress_pkey" PRIMARY KEY ("unitId","campaignId")
);

-- CreateIndex
CREATE INDEX "unit_progress_campaignId_idx" ON "unit_progress"("campaignId");

-- AddForeignKey
ALTER TABLE "unit_progress" ADD CONSTRAINT "unit_progress_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "units"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "unit_progress" ADD CONSTRAINT "unit_progress_campaignId_fkey" FOREIGN KEY ("campaignId") REFERENCES "campaigns"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- Folds inserted reports into unit_progress, once per INSERT statement (a bulk insert is one set-based
-- upsert, a single report one row). For each milestone the report with the highest id is the current one;
-- the fold is commutative, so concurrent writers to the same unit end in the same row whatever their order.
-- GREATEST and LEAST skip nulls.
CREATE FUNCTION "unit_progress_fold_reports"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "unit_progress" AS p ("unitId", "campaignId", "planReportId", "documentsReportId", "personnelReportId",
                                    "scheduledReportId", "heldReportId", "scheduledOn", "heldOn", "heldFirstAt", "heldResults")
  SELECT n."unitId", n."campaignId",
         max(n.id) FILTER (WHERE n.milestone = 'plan'),
         max(n.id) FILTER (WHERE n.milestone = 'documents'),
         max(n.id) FILTER (WHERE n.milestone = 'personnel'),
         max(n.id) FILTER (WHERE n.milestone = 'scheduled'),
         max(n.id) FILTER (WHERE n.milestone = 'held'),
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
    "scheduledOn" = CASE WHEN EXCLUDED."scheduledReportId" > coalesce(p."scheduledReportId", 0) THEN EXCLUDED."scheduledOn" ELSE p."scheduledOn" END,
    "heldOn" = CASE WHEN EXCLUDED."heldReportId" > coalesce(p."heldReportId", 0) THEN EXCLUDED."heldOn" ELSE p."heldOn" END,
    "heldResults" = CASE WHEN EXCLUDED."heldReportId" > coalesce(p."heldReportId", 0) THEN EXCLUDED."heldResults" ELSE p."heldResults" END,
    "heldFirstAt" = LEAST(p."heldFirstAt", EXCLUDED."heldFirstAt");
  RETURN NULL;
END
$$;

CREATE TRIGGER "reports_fold_into_unit_progress"
  AFTER INSERT ON "reports" REFERENCING NEW TABLE AS "new_reports"
  FOR EACH STATEMENT EXECUTE FUNCTION "unit_progress_fold_reports"();

-- The reports recorded before this migration, folded the same way.
INSERT INTO "unit_progress" ("unitId", "campaignId", "planReportId", "documentsReportId", "personnelReportId",
                             "scheduledReportId", "heldReportId", "scheduledOn", "heldOn", "heldFirstAt", "heldResults")
SELECT r."unitId", r."campaignId",
       max(r.id) FILTER (WHERE r.milestone = 'plan'),
       max(r.id) FILTER (WHERE r.milestone = 'documents'),
       max(r.id) FILTER (WHERE r.milestone = 'personnel'),
       max(r.id) FILTER (WHERE r.milestone = 'scheduled'),
       max(r.id) FILTER (WHERE r.milestone = 'held'),
       (array_agg(coalesce(r."eventDate", r."createdAt"::date) ORDER BY r.id DESC) FILTER (WHERE r.milestone = 'scheduled'))[1],
       (array_agg(coalesce(r."eventDate", r."createdAt"::date) ORDER BY r.id DESC) FILTER (WHERE r.milestone = 'held'))[1],
       min(r."createdAt") FILTER (WHERE r.milestone = 'held'),
       (array_agg(r.payload -> 'results' ORDER BY r.id DESC) FILTER (WHERE r.milestone = 'held'))[1]
FROM "reports" r
GROUP BY r."unitId", r."campaignId";
