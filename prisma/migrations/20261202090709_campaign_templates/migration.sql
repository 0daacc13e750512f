-- Campaigns run by templates: a campaign names its template (the congress by default: every campaign
-- stored before this is a congress campaign, and keeps its reports and deadlines), an optional key, and
-- the template as imported. Milestones become the template's keys (text); the values stored so far are
-- the congress's and are kept as they are (ALTER … TYPE keeps the data and rebuilds the indexes).
ALTER TABLE "campaigns" DROP COLUMN "milestones",
ADD COLUMN     "definition" JSONB,
ADD COLUMN     "key" TEXT,
ADD COLUMN     "template" TEXT NOT NULL DEFAULT 'congress';

ALTER TABLE "campaign_deadlines" ALTER COLUMN "milestone" TYPE TEXT USING "milestone"::text;

-- The round of a recurring campaign ("2026-12"); '' for a campaign of one round.
ALTER TABLE "reports" ADD COLUMN "round" TEXT NOT NULL DEFAULT '',
ALTER COLUMN "milestone" TYPE TEXT USING "milestone"::text;

DROP TYPE "Milestone";

CREATE TABLE "campaign_templates" (
    "id" SERIAL NOT NULL,
    "key" TEXT NOT NULL,
    "definition" JSONB NOT NULL,
    "source" TEXT NOT NULL,
    "importedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "campaign_templates_pkey" PRIMARY KEY ("id")
);

CREATE UNIQUE INDEX "campaign_templates_key_key" ON "campaign_templates"("key");

CREATE UNIQUE INDEX "campaigns_organizationId_key_key" ON "campaigns"("organizationId", "key");
