// What the reminder job needs, in a few set-based queries per organisation: its units as the checklist
// reads them (src/db/unit-records.ts), the campaign's reminder policy, the secretaries and
// working-group leaders on Telegram, open pauses and open difficulties; and, across organisations, the
// day each chat was last reminded and which chats are in the middle of a conversation with the bot.
import type { PrismaClient } from "@prisma/client";
import type { LocalDate } from "../domain/local-date.js";
import type { ReminderPolicy } from "../domain/reminder-policy.js";
import { policyFromStored } from "../domain/reminder-settings.js";
import type { FollowedUnit, WorkingGroupListInput } from "../domain/working-group-list.js";
import { localDateOf } from "../clock.js";
import { loadActiveCampaigns, loadUnitRecords, type UnitRecord } from "./unit-records.js";

export interface ReminderPerson {
  personId: number;
  name: string;
  phone: string | null;
  telegramUserId: bigint | null;
  locale: string | null;
  /** When the person was linked to Telegram (null: before this was recorded). */
  linkedAt: Date | null;
}

export interface ReminderUnit extends UnitRecord {
  secretaries: ReminderPerson[];
  /** The open pause of the unit's reminders (its congress is officially postponed), if any. */
  pause: { reason: string; since: LocalDate } | null;
}

export interface ReminderGroup {
  id: number;
  name: string;
  leader: ReminderPerson | null;
  unitPaths: string[];
}

export interface ReminderDifficulty {
  unitId: number;
  text: string;
  sensitive: boolean;
  openedOn: LocalDate;
}

export interface ReminderOrganisation {
  organizationId: number;
  /** The org file's policy; null: the defaults. */
  policy: ReminderPolicy | null;
  units: ReminderUnit[];
  groups: ReminderGroup[];
  difficulties: ReminderDifficulty[];
}

/**
 * The organisations with an open campaign and the policy their reminders go out by (time, days off,
 * holidays): the congress campaign's, else their oldest campaign's. One small query. (Each campaign's
 * own reminder days, before and after its deadlines, come from its own policy.)
 */
export async function loadActivePolicies(prisma: PrismaClient): Promise<Map<number, ReminderPolicy | null>> {
  const campaigns = await prisma.campaign.findMany({
    where: { active: true },
    orderBy: { id: "asc" },
    select: { organizationId: true, reminderPolicy: true, template: true },
  });
  const policies = new Map<number, ReminderPolicy | null>();
  for (const campaign of campaigns.filter((c) => c.template === "congress"))
    if (!policies.has(campaign.organizationId))
      policies.set(campaign.organizationId, policyFromStored(campaign.reminderPolicy));
  for (const campaign of campaigns)
    if (!policies.has(campaign.organizationId))
      policies.set(campaign.organizationId, policyFromStored(campaign.reminderPolicy));
  return policies;
}

const personFields = {
  id: true,
  name: true,
  phone: true,
  telegramUserId: true,
  locale: true,
  telegramLinkedAt: true,
} as const;

function toPerson(person: {
  id: number;
  name: string;
  phone: string | null;
  telegramUserId: bigint | null;
  locale: string | null;
  telegramLinkedAt: Date | null;
}): ReminderPerson {
  return {
    personId: person.id,
    name: person.name,
    phone: person.phone,
    telegramUserId: person.telegramUserId,
    locale: person.locale,
    linkedAt: person.telegramLinkedAt,
  };
}

/**
 * Every organisation with an active campaign, with `organizationIds` limiting which (all when absent) and
 * `paths` the units read to those subtrees (a working group's, for its leader's /trangthai).
 */
export async function loadReminderData(
  prisma: PrismaClient,
  options: { timeZone: string; organizationIds?: readonly number[]; paths?: readonly string[] },
): Promise<ReminderOrganisation[]> {
  const campaigns = await loadActiveCampaigns(prisma, options.organizationIds);
  // Organisations between congresses run other campaigns only: their units are read without a congress.
  const others = await prisma.campaign.findMany({
    where: {
      active: true,
      template: { not: "congress" },
      ...(options.organizationIds && { organizationId: { in: [...options.organizationIds] } }),
    },
    select: { organizationId: true },
  });
  const organizationIds = [...new Set([...campaigns.keys(), ...others.map((other) => other.organizationId)])];
  const within = options.paths ? { OR: options.paths.map((path) => ({ path: { startsWith: path } })) } : {};
  return Promise.all(
    organizationIds.map(async (organizationId): Promise<ReminderOrganisation> => {
      const campaign = campaigns.get(organizationId) ?? null;
      const [records, secretaries, pauses, groups, difficulties] = await Promise.all([
        loadUnitRecords(prisma, {
          campaign,
          scope: options.paths ? { paths: options.paths } : { organizationId },
          timeZone: options.timeZone,
        }),
        prisma.roleAssignment.findMany({
          where: { role: "secretary", unit: { organizationId, archivedAt: null, ...within } },
          orderBy: { id: "asc" },
          select: { unitId: true, person: { select: personFields } },
        }),
        prisma.reminderPause.findMany({
          where: { resumedAt: null, unit: { organizationId, ...within } },
          select: { unitId: true, reason: true, pausedAt: true },
        }),
        prisma.workingGroup.findMany({
          where: { organizationId },
          orderBy: [{ position: "asc" }, { id: "asc" }],
          select: {
            id: true,
            name: true,
            members: { where: { role: "leader" }, select: { person: { select: personFields } } },
            units: { where: { unit: { archivedAt: null } }, select: { unit: { select: { path: true } } } },
          },
        }),
        prisma.difficulty.findMany({
          where: { resolvedAt: null, unit: { organizationId, archivedAt: null, ...within } },
          orderBy: [{ openedAt: "asc" }, { id: "asc" }],
          select: { unitId: true, text: true, sensitive: true, openedAt: true },
        }),
      ]);
      const secretariesOf = new Map<number, ReminderPerson[]>();
      for (const role of secretaries)
        secretariesOf.set(role.unitId, [...(secretariesOf.get(role.unitId) ?? []), toPerson(role.person)]);
      const pauseOf = new Map(
        pauses.map((pause) => [
          pause.unitId,
          { reason: pause.reason, since: localDateOf(pause.pausedAt, options.timeZone) },
        ]),
      );
      return {
        organizationId,
        policy: campaign ? policyFromStored(campaign.reminderPolicy) : null,
        units: records.map((record) => ({
          ...record,
          secretaries: secretariesOf.get(record.id) ?? [],
          pause: pauseOf.get(record.id) ?? null,
        })),
        groups: groups.map((group) => ({
          id: group.id,
          name: group.name,
          leader: group.members[0] ? toPerson(group.members[0].person) : null,
          unitPaths: group.units.map((link) => link.unit.path),
        })),
        difficulties: difficulties.map((difficulty) => ({
          unitId: difficulty.unitId,
          text: difficulty.text,
          sensitive: difficulty.sensitive,
          openedOn: localDateOf(difficulty.openedAt, options.timeZone),
        })),
      };
    }),
  );
}

/**
 * The office's day each recipient was last sent a secretary's reminder (`remind:<recipient>:<day>` keys):
 * Telegram chats, and people reminded by Web Push (by person id). One never reminded is absent.
 */
export async function lastReminderDays(
  prisma: PrismaClient,
  recipients: { telegram: readonly bigint[]; webpush: readonly bigint[] },
): Promise<{ telegram: Map<bigint, LocalDate>; webpush: Map<bigint, LocalDate> }> {
  const of = async (channel: "telegram" | "webpush", chatIds: readonly bigint[]) => {
    if (chatIds.length === 0) return new Map<bigint, LocalDate>();
    const rows = await prisma.$queryRaw<{ chatId: bigint; day: string }[]>`
      SELECT "chatId", max(split_part("dedupeKey", ':', 3)) AS day FROM outbox_messages
      WHERE kind = 'reminder' AND channel = ${channel}::"OutboxChannel" AND "chatId" = ANY(${[...chatIds]}::bigint[])
        AND "dedupeKey" LIKE 'remind:%'
      GROUP BY "chatId"`;
    return new Map(rows.map((row) => [BigInt(row.chatId), row.day]));
  };
  const [telegram, webpush] = await Promise.all([
    of("telegram", recipients.telegram),
    of("webpush", recipients.webpush),
  ]);
  return { telegram, webpush };
}

/** Private chats (of these) where the person is in the middle of a conversation with the bot (a /baocao flow, a pending /khokhan). */
export async function chatsInConversation(
  prisma: PrismaClient,
  chatIds: readonly bigint[],
  now: Date,
): Promise<Set<bigint>> {
  if (chatIds.length === 0) return new Set();
  const flows = await prisma.chatFlow.findMany({
    where: { chatId: { in: [...chatIds] }, expiresAt: { gt: now }, awaitingAnswer: true },
    select: { chatId: true },
  });
  return new Set(flows.map((flow) => flow.chatId));
}

/** The units a working group follows (its units and everything under them), with their difficulties and pauses. */
export function followedByGroup(
  organisation: ReminderOrganisation,
  paths: readonly string[],
): Pick<WorkingGroupListInput, "units" | "difficulties" | "pauses"> {
  const followed = organisation.units.filter((unit) => paths.some((path) => unit.path.startsWith(path)));
  const units: FollowedUnit[] = followed.map((unit) => ({
    ...unit,
    secretary: unit.secretaries[0] ? { name: unit.secretaries[0].name, phone: unit.secretaries[0].phone } : null,
  }));
  const byId = new Map(units.map((unit) => [unit.id, unit]));
  return {
    units,
    // A complaint or denunciation is never quoted in a list (the leader reads it in /khokhan).
    difficulties: organisation.difficulties.flatMap((difficulty) => {
      const unit = byId.get(difficulty.unitId);
      return unit ? [{ unit, text: difficulty.sensitive ? null : difficulty.text, openedOn: difficulty.openedOn }] : [];
    }),
    pauses: followed.flatMap((unit, index) =>
      unit.pause ? [{ unit: units[index]!, since: unit.pause.since, reason: unit.pause.reason }] : [],
    ),
  };
}
