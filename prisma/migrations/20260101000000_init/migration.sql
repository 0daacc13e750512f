-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateEnum
CREATE TYPE "UnitLevel" AS ENUM ('province', 'district', 'grassroots', 'partial', 'cell');

-- CreateEnum
CREATE TYPE "Milestone" AS ENUM ('plan', 'documents', 'personnel', 'scheduled', 'held');

-- CreateEnum
CREATE TYPE "Role" AS ENUM ('secretary', 'deputy', 'reporter', 'standing', 'admin');

-- CreateEnum
CREATE TYPE "WorkingGroupRole" AS ENUM ('leader', 'member');

-- CreateEnum
CREATE TYPE "InviteKind" AS ENUM ('person', 'group');

-- CreateEnum
CREATE TYPE "ReportSource" AS ENUM ('telegram', 'cli', 'sandbox');

-- CreateEnum
CREATE TYPE "OutboxStatus" AS ENUM ('pending', 'sent', 'failed');

-- CreateTable
CREATE TABLE "organizations" (
    "id" SERIAL NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "organizations_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "units" (
    "id" SERIAL NOT NULL,
    "organizationId" INTEGER NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "level" "UnitLevel" NOT NULL,
    "parentId" INTEGER,
    "path" TEXT NOT NULL,
    "depth" INTEGER NOT NULL,
    "position" INTEGER NOT NULL DEFAULT 0,
    "pilotDate" DATE,
    "term" TEXT,
    "archivedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "units_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "campaigns" (
    "id" SERIAL NOT NULL,
    "organizationId" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "milestones" "Milestone"[] DEFAULT ARRAY['plan', 'documents', 'personnel', 'scheduled', 'held']::"Milestone"[],
    "active" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "campaigns_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "campaign_deadlines" (
    "id" SERIAL NOT NULL,
    "campaignId" INTEGER NOT NULL,
    "level" "UnitLevel" NOT NULL,
    "milestone" "Milestone" NOT NULL,
    "dueDate" DATE NOT NULL,

    CONSTRAINT "campaign_deadlines_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "campaign_terms" (
    "id" SERIAL NOT NULL,
    "campaignId" INTEGER NOT NULL,
    "level" "UnitLevel" NOT NULL,
    "term" TEXT NOT NULL,

    CONSTRAINT "campaign_terms_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "people" (
    "id" SERIAL NOT NULL,
    "organizationId" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "phone" TEXT,
    "telegramUserId" BIGINT,
    "locale" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "people_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "role_assignments" (
    "id" SERIAL NOT NULL,
    "personId" INTEGER NOT NULL,
    "unitId" INTEGER NOT NULL,
    "role" "Role" NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "role_assignments_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "working_groups" (
    "id" SERIAL NOT NULL,
    "organizationId" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "position" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "working_groups_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "working_group_members" (
    "id" SERIAL NOT NULL,
    "workingGroupId" INTEGER NOT NULL,
    "personId" INTEGER NOT NULL,
    "role" "WorkingGroupRole" NOT NULL,

    CONSTRAINT "working_group_members_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "working_group_units" (
    "id" SERIAL NOT NULL,
    "workingGroupId" INTEGER NOT NULL,
    "unitId" INTEGER NOT NULL,

    CONSTRAINT "working_group_units_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "chat_bindings" (
    "id" SERIAL NOT NULL,
    "organizationId" INTEGER NOT NULL,
    "unitId" INTEGER NOT NULL,
    "chatId" BIGINT NOT NULL,
    "purpose" TEXT NOT NULL DEFAULT 'digest',
    "title" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "chat_bindings_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "invites" (
    "id" SERIAL NOT NULL,
    "organizationId" INTEGER NOT NULL,
    "kind" "InviteKind" NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "unitId" INTEGER NOT NULL,
    "role" "Role",
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "usedAt" TIMESTAMP(3),
    "usedById" INTEGER,
    "revokedAt" TIMESTAMP(3),
    "createdBy" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "invites_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "reports" (
    "id" SERIAL NOT NULL,
    "organizationId" INTEGER NOT NULL,
    "campaignId" INTEGER NOT NULL,
    "unitId" INTEGER NOT NULL,
    "milestone" "Milestone" NOT NULL,
    "eventDate" DATE,
    "payload" JSONB NOT NULL DEFAULT '{}',
    "authorId" INTEGER,
    "onBehalf" BOOLEAN NOT NULL DEFAULT false,
    "late" BOOLEAN NOT NULL DEFAULT false,
    "source" "ReportSource" NOT NULL,
    "telegramUpdateId" BIGINT,
    "supersedesId" INTEGER,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "reports_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "difficulties" (
    "id" SERIAL NOT NULL,
    "unitId" INTEGER NOT NULL,
    "text" TEXT NOT NULL,
    "sensitive" BOOLEAN NOT NULL DEFAULT false,
    "openedById" INTEGER,
    "openedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "resolvedAt" TIMESTAMP(3),
    "resolvedById" INTEGER,
    "resolution" TEXT,
    "telegramUpdateId" BIGINT,

    CONSTRAINT "difficulties_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "outbox_messages" (
    "id" SERIAL NOT NULL,
    "dedupeKey" TEXT NOT NULL,
    "chatId" BIGINT NOT NULL,
    "kind" TEXT NOT NULL,
    "payload" JSONB NOT NULL,
    "status" "OutboxStatus" NOT NULL DEFAULT 'pending',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "notBefore" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "claimedUntil" TIMESTAMP(3),
    "sentMessageId" INTEGER,
    "lastError" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "sentAt" TIMESTAMP(3),

    CONSTRAINT "outbox_messages_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "telegram_updates" (
    "updateId" BIGINT NOT NULL,
    "payload" JSONB NOT NULL,
    "receivedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "processedAt" TIMESTAMP(3),
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "lastError" TEXT,

    CONSTRAINT "telegram_updates_pkey" PRIMARY KEY ("updateId")
);

-- CreateTable
CREATE TABLE "audit_logs" (
    "id" SERIAL NOT NULL,
    "organizationId" INTEGER,
    "actor" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "entity" TEXT NOT NULL,
    "entityId" TEXT,
    "details" JSONB NOT NULL DEFAULT '{}',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "audit_logs_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "organizations_code_key" ON "organizations"("code");

-- CreateIndex
CREATE INDEX "units_path_idx" ON "units"("path" text_pattern_ops);

-- CreateIndex
CREATE INDEX "units_parentId_idx" ON "units"("parentId");

-- CreateIndex
CREATE UNIQUE INDEX "units_organizationId_code_key" ON "units"("organizationId", "code");

-- CreateIndex
CREATE UNIQUE INDEX "campaigns_organizationId_name_key" ON "campaigns"("organizationId", "name");

-- CreateIndex
CREATE UNIQUE INDEX "campaign_deadlines_campaignId_level_milestone_key" ON "campaign_deadlines"("campaignId", "level", "milestone");

-- CreateIndex
CREATE UNIQUE INDEX "campaign_terms_campaignId_level_key" ON "campaign_terms"("campaignId", "level");

-- CreateIndex
CREATE INDEX "people_telegramUserId_idx" ON "people"("telegramUserId");

-- CreateIndex
CREATE UNIQUE INDEX "people_organizationId_phone_key" ON "people"("organizationId", "phone");

-- CreateIndex
CREATE UNIQUE INDEX "people_organizationId_telegramUserId_key" ON "people"("organizationId", "telegramUserId");

-- CreateIndex
CREATE INDEX "role_assignments_unitId_idx" ON "role_assignments"("unitId");

-- CreateIndex
CREATE UNIQUE INDEX "role_assignments_personId_unitId_role_key" ON "role_assignments"("personId", "unitId", "role");

-- CreateIndex
CREATE UNIQUE INDEX "working_groups_organizationId_name_key" ON "working_groups"("organizationId", "name");

-- CreateIndex
CREATE INDEX "working_group_members_personId_idx" ON "working_group_members"("personId");

-- CreateIndex
CREATE UNIQUE INDEX "working_group_members_workingGroupId_personId_key" ON "working_group_members"("workingGroupId", "personId");

-- CreateIndex
CREATE INDEX "working_group_units_unitId_idx" ON "working_group_units"("unitId");

-- CreateIndex
CREATE UNIQUE INDEX "working_group_units_workingGroupId_unitId_key" ON "working_group_units"("workingGroupId", "unitId");

-- CreateIndex
CREATE UNIQUE INDEX "chat_bindings_chatId_key" ON "chat_bindings"("chatId");

-- CreateIndex
CREATE UNIQUE INDEX "invites_tokenHash_key" ON "invites"("tokenHash");

-- CreateIndex
CREATE UNIQUE INDEX "reports_telegramUpdateId_key" ON "reports"("telegramUpdateId");

-- CreateIndex
CREATE UNIQUE INDEX "reports_supersedesId_key" ON "reports"("supersedesId");

-- CreateIndex
CREATE INDEX "reports_unitId_milestone_createdAt_idx" ON "reports"("unitId", "milestone", "createdAt");

-- CreateIndex
CREATE INDEX "reports_campaignId_milestone_idx" ON "reports"("campaignId", "milestone");

-- CreateIndex
CREATE UNIQUE INDEX "difficulties_telegramUpdateId_key" ON "difficulties"("telegramUpdateId");

-- CreateIndex
CREATE INDEX "difficulties_unitId_resolvedAt_idx" ON "difficulties"("unitId", "resolvedAt");

-- CreateIndex
CREATE UNIQUE INDEX "outbox_messages_dedupeKey_key" ON "outbox_messages"("dedupeKey");

-- CreateIndex
CREATE INDEX "outbox_messages_status_notBefore_idx" ON "outbox_messages"("status", "notBefore");

-- CreateIndex
CREATE INDEX "outbox_messages_chatId_status_idx" ON "outbox_messages"("chatId", "status");

-- CreateIndex
CREATE INDEX "telegram_updates_processedAt_updateId_idx" ON "telegram_updates"("processedAt", "updateId");

-- CreateIndex
CREATE INDEX "audit_logs_organizationId_createdAt_idx" ON "audit_logs"("organizationId", "createdAt");

-- AddForeignKey
ALTER TABLE "units" ADD CONSTRAINT "units_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "units" ADD CONSTRAINT "units_parentId_fkey" FOREIGN KEY ("parentId") REFERENCES "units"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "campaigns" ADD CONSTRAINT "campaigns_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "campaign_deadlines" ADD CONSTRAINT "campaign_deadlines_campaignId_fkey" FOREIGN KEY ("campaignId") REFERENCES "campaigns"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "campaign_terms" ADD CONSTRAINT "campaign_terms_campaignId_fkey" FOREIGN KEY ("campaignId") REFERENCES "campaigns"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "people" ADD CONSTRAINT "people_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "role_assignments" ADD CONSTRAINT "role_assignments_personId_fkey" FOREIGN KEY ("personId") REFERENCES "people"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "role_assignments" ADD CONSTRAINT "role_assignments_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "units"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "working_groups" ADD CONSTRAINT "working_groups_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "working_group_members" ADD CONSTRAINT "working_group_members_workingGroupId_fkey" FOREIGN KEY ("workingGroupId") REFERENCES "working_groups"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "working_group_members" ADD CONSTRAINT "working_group_members_personId_fkey" FOREIGN KEY ("personId") REFERENCES "people"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "working_group_units" ADD CONSTRAINT "working_group_units_workingGroupId_fkey" FOREIGN KEY ("workingGroupId") REFERENCES "working_groups"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "working_group_units" ADD CONSTRAINT "working_group_units_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "units"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "chat_bindings" ADD CONSTRAINT "chat_bindings_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "chat_bindings" ADD CONSTRAINT "chat_bindings_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "units"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "invites" ADD CONSTRAINT "invites_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "invites" ADD CONSTRAINT "invites_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "units"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "invites" ADD CONSTRAINT "invites_usedById_fkey" FOREIGN KEY ("usedById") REFERENCES "people"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "reports" ADD CONSTRAINT "reports_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "reports" ADD CONSTRAINT "reports_campaignId_fkey" FOREIGN KEY ("campaignId") REFERENCES "campaigns"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "reports" ADD CONSTRAINT "reports_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "units"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "reports" ADD CONSTRAINT "reports_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "people"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "reports" ADD CONSTRAINT "reports_supersedesId_fkey" FOREIGN KEY ("supersedesId") REFERENCES "reports"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "difficulties" ADD CONSTRAINT "difficulties_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "units"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "difficulties" ADD CONSTRAINT "difficulties_openedById_fkey" FOREIGN KEY ("openedById") REFERENCES "people"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "difficulties" ADD CONSTRAINT "difficulties_resolvedById_fkey" FOREIGN KEY ("resolvedById") REFERENCES "people"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "audit_logs" ADD CONSTRAINT "audit_logs_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

