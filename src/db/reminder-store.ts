// What the reminder job needs, in a few set-based queries: units with deadlines, what each has reported (unit_progress),
// the campaigns' reminder policies, open pauses (/hoan), and the people to remind (secretaries,
// working-group leaders) who are on Telegram.
import type { PrismaClient } from "@prisma/client";
import type { Milestone, UnitLevel } from "../domain/levels.js";
import { utcDateToLocalDate, type LocalDate } from "../domain/local-date.js";
import type { ReminderPolicy } from "../domain/reminder-policy.js";
import { policyFromStored } from "../domain/reminder-settings.js";
import { milestonesDone } from "./unit-progress.js";

export interface ReminderUnit {
  id: number;
  organizationId: number;
  name: string;
  parentName: string | null;
  level: UnitLevel;
  path: string;
  done: Set<Milestone>;
  deadlines: Partial<Record<Milestone, LocalDate>>;
  secretaries: { personId: number; name: string; phone: string | null; telegramUserId: bigint | null; locale: string | null }[];
  /** The open pause of the unit's reminders (its congress is officially postponed), if any. */
  pause: { reason: string; since: Date } | null;
}

export interface ReminderGroup {
  id: number;
  organizationId: number;
  name: string;
  leader: { personId: number; telegramUserId: bigint; locale: string | null } | null;
  unitPaths: string[];
}

export interface ReminderData {
  units: ReminderUnit[];
  groups: ReminderGroup[];
  /** The active campaign's policy per organisation; null where its org file sets none. */
  policies: Map<number, ReminderPolicy | null>;
}

/** The active campaigns' reminder policies by organisation (null: the org file sets none). One small query. */
export async function loadActivePolicies(prisma: PrismaClient): Promise<Map<number, ReminderPolicy | null>> {
  const campaigns = await prisma.campaign.findMany({ where: { active: true }, select: { organizationId: true, reminderPolicy: true } });
  return new Map(campaigns.map((campaign) => [campaign.organizationId, policyFromStored(campaign.reminderPolicy)]));
}

export async function loadReminderData(prisma: PrismaClient): Promise<ReminderData> {
  const campaigns = await prisma.campaign.findMany({
    where: { active: true },
    select: { id: true, organizationId: true, deadlines: true, reminderPolicy: true },
  });
  const units: ReminderUnit[] = [];
  const policies = new Map(campaigns.map((campaign) => [campaign.organizationId, policyFromStored(campaign.reminderPolicy)]));
  const openPauses = await prisma.reminderPause.findMany({
    where: { resumedAt: null, unit: { organizationId: { in: campaigns.map((campaign) => campaign.organizationId) } } },
    select: { unitId: true, reason: true, pausedAt: true },
  });
  const pauses = new Map(openPauses.map((pause) => [pause.unitId, { reason: pause.reason, since: pause.pausedAt }]));
  for (const campaign of campaigns) {
    const [rows, progress] = await Promise.all([
      prisma.unit.findMany({
        where: { organizationId: campaign.organizationId, archivedAt: null },
        orderBy: [{ position: "asc" }, { id: "asc" }],
        select: {
          id: true,
          name: true,
          level: true,
          path: true,
          parent: { select: { name: true } },
          roles: { where: { role: "secretary" }, select: { person: { select: { id: true, name: true, phone: true, telegramUserId: true, locale: true } } } },
        },
      }),
      prisma.unitProgress.findMany({ where: { campaignId: campaign.id } }),
    ]);
    const done = new Map<number, Set<Milestone>>();
    for (const row of progress) done.set(row.unitId, milestonesDone(row));
    for (const row of rows) {
      const deadlines = Object.fromEntries(
        campaign.deadlines.filter((d) => d.level === row.level).map((d) => [d.milestone, utcDateToLocalDate(d.dueDate)]),
      );
      units.push({
        id: row.id,
        organizationId: campaign.organizationId,
        name: row.name,
        parentName: row.parent?.name ?? null,
        level: row.level,
        path: row.path,
        done: done.get(row.id) ?? new Set(),
        deadlines,
        secretaries: row.roles.map(({ person }) => ({
          personId: person.id,
          name: person.name,
          phone: person.phone,
          telegramUserId: person.telegramUserId,
          locale: person.locale,
        })),
        pause: pauses.get(row.id) ?? null,
      });
    }
  }
  const groups = await prisma.workingGroup.findMany({
    where: { organization: { campaigns: { some: { active: true } } } },
    orderBy: [{ position: "asc" }, { id: "asc" }],
    select: {
      id: true,
      organizationId: true,
      name: true,
      members: { where: { role: "leader" }, select: { person: { select: { id: true, telegramUserId: true, locale: true } } } },
      units: { where: { unit: { archivedAt: null } }, select: { unit: { select: { path: true } } } },
    },
  });
  return {
    units,
    policies,
    groups: groups.map((group) => {
      const leader = group.members[0]?.person;
      return {
        id: group.id,
        organizationId: group.organizationId,
        name: group.name,
        leader: leader?.telegramUserId ? { personId: leader.id, telegramUserId: leader.telegramUserId, locale: leader.locale } : null,
        unitPaths: group.units.map((link) => link.unit.path),
      };
    }),
  };
}
