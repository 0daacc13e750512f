-- AlterTable
ALTER TABLE "telegram_updates" ADD COLUMN     "chatKey" TEXT NOT NULL DEFAULT 'other';

-- CreateTable
CREATE TABLE "telegram_chat_holds" (
    "chatKey" TEXT NOT NULL,
    "heldBy" TEXT,
    "heldUntil" TIMESTAMPTZ(3),

    CONSTRAINT "telegram_chat_holds_pkey" PRIMARY KEY ("chatKey")
);

-- CreateIndex
CREATE INDEX "telegram_updates_chatKey_updateId_idx" ON "telegram_updates"("chatKey", "updateId");

-- CreateIndex
CREATE INDEX "telegram_chat_holds_heldBy_idx" ON "telegram_chat_holds"("heldBy");


-- Updates stored before this migration and not yet handled get their chat (as chatKeyOf computes it) and
-- a hold row, so that an instance can claim them; handled ones keep 'other' (nothing reads it).
UPDATE "telegram_updates" SET "chatKey" = COALESCE(
    payload #>> '{message,migrate_from_chat_id}',
    payload #>> '{message,chat,id}',
    payload #>> '{edited_message,chat,id}',
    payload #>> '{callback_query,message,chat,id}',
    payload #>> '{my_chat_member,chat,id}',
    payload #>> '{callback_query,from,id}',
    'other')
WHERE "processedAt" IS NULL;

INSERT INTO "telegram_chat_holds" ("chatKey")
SELECT DISTINCT "chatKey" FROM "telegram_updates" WHERE "processedAt" IS NULL
ON CONFLICT DO NOTHING;
