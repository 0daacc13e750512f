// Pauses of a unit's reminders while its congress is officially postponed (/hoan, /tieptuc): at most one
// open pause per unit (the unit's row is locked while it is checked), each one kept as history with who
// paused and lifted it, and both steps in the audit log. A Telegram update pauses or resumes once: its
// replay finds the row it wrote and answers the same.
import type { Prisma, PrismaClient } from "@prisma/client";
import type { UnitLevel } from "../domain/levels.js";
import type { CodedUnit } from "./unit-lookup.js";

/** A unit as pausing needs it: found by its code (src/db/unit-lookup.ts). */
export type PauseUnit = CodedUnit;

export interface ReminderPauseRecord {
  id: number;
  unitId: number;
  reason: string;
  pausedAt: Date;
  pausedBy: string | null;
  resumedAt: Date | null;
  resumedBy: string | null;
}

const pauseFields = {
  id: true,
  unitId: true,
  reason: true,
  pausedAt: true,
  resumedAt: true,
  pausedBy: { select: { name: true } },
  resumedBy: { select: { name: true } },
} as const;

function toRecord({
  pausedBy,
  resumedBy,
  ...pause
}: Prisma.ReminderPauseGetPayload<{ select: typeof pauseFields }>): ReminderPauseRecord {
  return { ...pause, pausedBy: pausedBy?.name ?? null, resumedBy: resumedBy?.name ?? null };
}

export interface FollowingGroup {
  name: string;
  leaderName: string | null;
  leaderPhone: string | null;
}

/**
 * The working groups following the unit or a unit above it, nearest first, each with its leader: whom a
 * person who may not pause the unit is told to ask.
 */
export async function followingGroups(prisma: PrismaClient, unit: Pick<PauseUnit, "path">): Promise<FollowingGroup[]> {
  const lineage = unit.path.split("/").filter(Boolean).map(Number);
  const links = await prisma.workingGroupUnit.findMany({
    where: { unitId: { in: lineage } },
    select: {
      unit: { select: { depth: true } },
      workingGroup: {
        select: {
          id: true,
          name: true,
          position: true,
          members: {
            where: { role: "leader" },
            orderBy: { id: "asc" },
            take: 1,
            select: { person: { select: { name: true, phone: true } } },
          },
        },
      },
    },
  });
  links.sort(
    (a, b) =>
      b.unit.depth - a.unit.depth ||
      a.workingGroup.position - b.workingGroup.position ||
      a.workingGroup.id - b.workingGroup.id,
  );
  const seen = new Set<number>();
  const groups: FollowingGroup[] = [];
  for (const { workingGroup } of links) {
    if (seen.has(workingGroup.id)) continue;
    seen.add(workingGroup.id);
    const leader = workingGroup.members[0]?.person;
    groups.push({ name: workingGroup.name, leaderName: leader?.name ?? null, leaderPhone: leader?.phone ?? null });
  }
  return groups;
}

/** Open pauses of these units, by unit id. */
export async function openPausesOf(
  prisma: PrismaClient,
  unitIds: readonly number[],
): Promise<Map<number, ReminderPauseRecord>> {
  if (unitIds.length === 0) return new Map();
  const rows = await prisma.reminderPause.findMany({
    where: { unitId: { in: [...unitIds] }, resumedAt: null },
    select: pauseFields,
  });
  return new Map(rows.map((row) => [row.unitId, toRecord(row)]));
}

/** Open pauses of units in these subtrees (a working group's), in the organisation file's order. */
export async function openPausesUnder(
  prisma: PrismaClient,
  organizationId: number,
  paths: readonly string[],
): Promise<
  { unit: { id: number; name: string; parentName: string | null; level: UnitLevel }; pause: ReminderPauseRecord }[]
> {
  if (paths.length === 0) return [];
  const rows = await prisma.reminderPause.findMany({
    where: {
      resumedAt: null,
      unit: { organizationId, archivedAt: null, OR: paths.map((path) => ({ path: { startsWith: path } })) },
    },
    orderBy: [{ unit: { position: "asc" } }, { id: "asc" }],
    select: {
      ...pauseFields,
      unit: { select: { id: true, name: true, level: true, parent: { select: { name: true } } } },
    },
  });
  return rows.map(({ unit, ...pause }) => ({
    unit: { id: unit.id, name: unit.name, level: unit.level, parentName: unit.parent?.name ?? null },
    pause: toRecord(pause),
  }));
}

/** Every pause of a unit, newest first (history). */
export async function pauseHistory(prisma: PrismaClient, unitId: number): Promise<ReminderPauseRecord[]> {
  const rows = await prisma.reminderPause.findMany({ where: { unitId }, orderBy: { id: "desc" }, select: pauseFields });
  return rows.map(toRecord);
}

export type PauseOutcome =
  | { status: "paused"; pause: ReminderPauseRecord }
  | { status: "already-paused"; pause: ReminderPauseRecord };

export async function pauseReminders(
  prisma: PrismaClient,
  input: { unit: PauseUnit; reason: string; personId: number; at: Date; telegramUpdateId: number; actor: string },
): Promise<PauseOutcome> {
  return prisma.$transaction(async (tx): Promise<PauseOutcome> => {
    await lockUnit(tx, input.unit.id);
    const replay = await tx.reminderPause.findUnique({
      where: { telegramUpdateId: BigInt(input.telegramUpdateId) },
      select: pauseFields,
    });
    if (replay) return { status: "paused", pause: toRecord(replay) };
    const open = await tx.reminderPause.findFirst({
      where: { unitId: input.unit.id, resumedAt: null },
      select: pauseFields,
    });
    if (open) return { status: "already-paused", pause: toRecord(open) };
    const created = await tx.reminderPause.create({
      data: {
        unitId: input.unit.id,
        reason: input.reason,
        pausedById: input.personId,
        pausedAt: input.at,
        telegramUpdateId: BigInt(input.telegramUpdateId),
      },
      select: pauseFields,
    });
    await tx.auditLog.create({
      data: {
        organizationId: input.unit.organizationId,
        actor: input.actor,
        action: "reminders.pause",
        entity: "unit",
        entityId: input.unit.code,
        details: { pauseId: created.id, reason: input.reason },
      },
    });
    return { status: "paused", pause: toRecord(created) };
  });
}

export type ResumeOutcome = { status: "resumed"; pause: ReminderPauseRecord } | { status: "not-paused" };

export async function resumeReminders(
  prisma: PrismaClient,
  input: { unit: PauseUnit; personId: number; at: Date; telegramUpdateId: number; actor: string },
): Promise<ResumeOutcome> {
  return prisma.$transaction(async (tx): Promise<ResumeOutcome> => {
    await lockUnit(tx, input.unit.id);
    const replay = await tx.reminderPause.findUnique({
      where: { resumeUpdateId: BigInt(input.telegramUpdateId) },
      select: pauseFields,
    });
    if (replay) return { status: "resumed", pause: toRecord(replay) };
    const open = await tx.reminderPause.findFirst({
      where: { unitId: input.unit.id, resumedAt: null },
      select: { id: true },
    });
    if (!open) return { status: "not-paused" };
    const lifted = await tx.reminderPause.update({
      where: { id: open.id },
      data: { resumedAt: input.at, resumedById: input.personId, resumeUpdateId: BigInt(input.telegramUpdateId) },
      select: pauseFields,
    });
    await tx.auditLog.create({
      data: {
        organizationId: input.unit.organizationId,
        actor: input.actor,
        action: "reminders.resume",
        entity: "unit",
        entityId: input.unit.code,
        details: { pauseId: lifted.id },
      },
    });
    return { status: "resumed", pause: toRecord(lifted) };
  });
}

/** Two pauses of one unit at the same moment (two instances, two officers) wait for each other here. */
async function lockUnit(tx: Prisma.TransactionClient, unitId: number): Promise<void> {
  await tx.$queryRaw`SELECT id FROM units WHERE id = ${unitId} FOR UPDATE`;
}
