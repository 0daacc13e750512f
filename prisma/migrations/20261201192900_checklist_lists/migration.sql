-- AlterTable
ALTER TABLE "people" ADD COLUMN     "telegramLinkedAt" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "chat_flows" ADD COLUMN     "awaitingAnswer" BOOLEAN NOT NULL DEFAULT true;

-- CreateIndex
CREATE INDEX "units_organizationId_name_idx" ON "units"("organizationId", "name");

