-- Reports from the web form (issue 13) need a request key of their own: the Telegram update id becomes
-- one kind of request key ("telegram:<update id>"), kept for the reports that have it.

-- AlterEnum
ALTER TYPE "ReportSource" ADD VALUE 'web';

-- AlterTable
ALTER TABLE "reports" ADD COLUMN "requestKey" TEXT;

UPDATE "reports" SET "requestKey" = 'telegram:' || "telegramUpdateId"::text WHERE "telegramUpdateId" IS NOT NULL;

-- DropIndex
DROP INDEX "reports_telegramUpdateId_key";

ALTER TABLE "reports" DROP COLUMN "telegramUpdateId";

-- CreateIndex
CREATE UNIQUE INDEX "reports_requestKey_key" ON "reports"("requestKey");
