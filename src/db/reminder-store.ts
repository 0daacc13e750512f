// What the reminder job needs, in a few set-based queries: units with deadlines, their current reports,
// and the people to remind (secretaries, working-group leaders) who are on Telegram.
import type { PrismaClient } from "@prisma/client";
import type { Milestone, UnitLevel } from "../domain/levels.js";
import { utcDateToLocalDate, type LocalDate } from "../domain/local-date.js";

export interface ReminderUnit {
  id: number;
  name: string;
  parentName: string | null;
  level: UnitLevel;
  path: string;
  done: Set<Milestone>;
  deadlines: Partial<Record<Milestone, LocalDate>>;
  secretaries: { personId: number; name: string; phone: string | null; telegramUserId: bigint | null; locale: string | null }[];
}

export interface ReminderGroup {
  id: number;
  name: string;
  leader: { personId: number; telegramUserId: bigint; locale: string | null } | null;
  unitPaths: string[];
}

export async function loadReminderData(prisma: PrismaClient): Promise<{ units: ReminderUnit[]; groups: ReminderGroup[] }> {
  const campaigns = await prisma.campaign.findMany({ where: { active: true }, select: { id: true, organizationId: true, deadlines: true } });
  const units: ReminderUnit[] = [];
  for (const campaign of campaigns) {
    const [rows, reports] = await Promise.all([
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
      prisma.report.findMany({ where: { campaignId: campaign.id }, distinct: ["unitId", "milestone"], select: { unitId: true, milestone: true } }),
    ]);
    const done = new Map<number, Set<Milestone>>();
    for (const report of reports) done.set(report.unitId, (done.get(report.unitId) ?? new Set()).add(report.milestone));
    for (const row of rows) {
      const deadlines = Object.fromEntries(
        campaign.deadlines.filter((d) => d.level === row.level).map((d) => [d.milestone, utcDateToLocalDate(d.dueDate)]),
      );
      units.push({
        id: row.id,
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
      });
    }
  }
  const groups = await prisma.workingGroup.findMany({
    where: { organization: { campaigns: { some: { active: true } } } },
    select: {
      id: true,
      name: true,
      members: { where: { role: "leader" }, select: { person: { select: { id: true, telegramUserId: true, locale: true } } } },
      units: { where: { unit: { archivedAt: null } }, select: { unit: { select: { path: true } } } },
    },
  });
  return {
    units,
    groups: groups.map((group) => {
      const leader = group.members[0]?.person;
      return {
        id: group.id,
        name: group.name,
        leader: leader?.telegramUserId ? { personId: leader.id, telegramUserId: leader.telegramUserId, locale: leader.locale } : null,
        unitPaths: group.units.map((link) => link.unit.path),
      };
    }),
  };
}
