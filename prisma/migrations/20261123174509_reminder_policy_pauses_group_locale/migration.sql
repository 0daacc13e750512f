-- AlterTable
ALTER TABLE "campaigns" ADD COLUMN     "reminderPolicy" JSONB;

-- AlterTable
ALTER TABLE "chat_bindings" ADD COLUMN     "locale" TEXT;

-- CreateTable
CREATE TABLE "reminder_pauses" (
    "id" SERIAL NOT NULL,
    "unitId" INTEGER NOT NULL,
    "reason" TEXT NOT NULL,
    "pausedById" INTEGER,
    "pausedAt" TIMESTAMP(3) NOT NULL,
    "resumedAt" TIMESTAMP(3),
    "resumedById" INTEGER,
    "telegramUpdateId" BIGINT,
    "resumeUpdateId" BIGINT,

    CONSTRAINT "reminder_pauses_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "reminder_pauses_telegramUpdateId_key" ON "reminder_pauses"("telegramUpdateId");

-- CreateIndex
CREATE UNIQUE INDEX "reminder_pauses_resumeUpdateId_key" ON "reminder_pauses"("resumeUpdateId");

-- CreateIndex
CREATE INDEX "reminder_pauses_unitId_resumedAt_idx" ON "reminder_pauses"("unitId", "resumedAt");

-- AddForeignKey
ALTER TABLE "reminder_pauses" ADD CONSTRAINT "reminder_pauses_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "units"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "reminder_pauses" ADD CONSTRAINT "reminder_pauses_pausedById_fkey" FOREIGN KEY ("pausedById") REFERENCES "people"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "reminder_pauses" ADD CONSTRAINT "reminder_pauses_resumedById_fkey" FOREIGN KEY ("resumedById") REFERENCES "people"("id") ON DELETE SET NULL ON UPDATE CASCADE;

