-- CreateTable
CREATE TABLE "outbox_attachments" (
    "id" SERIAL NOT NULL,
    "sha256" TEXT NOT NULL,
    "data" BYTEA NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "outbox_attachments_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "outbox_attachments_sha256_key" ON "outbox_attachments"("sha256");

-- CreateIndex
CREATE INDEX "outbox_attachments_createdAt_idx" ON "outbox_attachments"("createdAt");

