// Reads and writes a whole organisation (units, people, roles, working groups, campaign) as an OrgDefinition.
import { Prisma, type PrismaClient } from "@prisma/client";
import type { ReminderPolicy } from "../domain/reminder-policy.js";
import { localDateToUtcDate, utcDateToLocalDate } from "../domain/local-date.js";
import type { OrgDefinition } from "../domain/org-definition.js";
import { policyFromStored } from "../domain/reminder-settings.js";
import { diffOrganization, hasChanges, roleKey, type OrgChanges, type StoredOrganization } from "../domain/org-diff.js";

type Tx = Prisma.TransactionClient;

export async function loadStoredOrganization(db: Tx | PrismaClient, code: string): Promise<StoredOrganization | null> {
  const organization = await db.organization.findUnique({ where: { code } });
  if (!organization) return null;
  const [units, people, groups, campaign] = await Promise.all([
    db.unit.findMany({
      where: { organizationId: organization.id },
      orderBy: [{ position: "asc" }, { id: "asc" }],
      select: { id: true, code: true, name: true, level: true, parentId: true, pilotDate: true, term: true, archivedAt: true },
    }),
    db.person.findMany({
      where: { organizationId: organization.id, phone: { not: null } },
      orderBy: { id: "asc" },
      select: { name: true, phone: true, locale: true, roles: { select: { role: true, unitId: true }, orderBy: { id: "asc" } } },
    }),
    db.workingGroup.findMany({
      where: { organizationId: organization.id },
      orderBy: [{ position: "asc" }, { id: "asc" }],
      select: {
        name: true,
        members: { select: { role: true, person: { select: { phone: true } } }, orderBy: { id: "asc" } },
        units: { select: { unitId: true }, orderBy: { id: "asc" } },
      },
    }),
    db.campaign.findFirst({
      where: { organizationId: organization.id, active: true },
      select: { name: true, reminderPolicy: true, deadlines: { orderBy: { id: "asc" } }, terms: { orderBy: { id: "asc" } } },
    }),
  ]);
  const codeOf = new Map(units.map((unit) => [unit.id, unit.code]));
  const definition: OrgDefinition = {
    organization: { code: organization.code, name: organization.name },
    campaign: campaign && {
      name: campaign.name,
      deadlines: campaign.deadlines.map((d) => ({ level: d.level, milestone: d.milestone, date: utcDateToLocalDate(d.dueDate) })),
      terms: campaign.terms.map((t) => ({ level: t.level, term: t.term })),
      reminders: policyFromStored(campaign.reminderPolicy),
    },
    units: units
      .filter((unit) => !unit.archivedAt)
      .map((unit) => ({
        code: unit.code,
        name: unit.name,
        level: unit.level,
        parentCode: unit.parentId === null ? null : (codeOf.get(unit.parentId) ?? null),
        pilotDate: unit.pilotDate ? utcDateToLocalDate(unit.pilotDate) : null,
        term: unit.term,
      })),
    people: people.map((person) => ({
      name: person.name,
      phone: person.phone!,
      locale: person.locale === "vi" || person.locale === "en" ? person.locale : null,
      roles: person.roles.map((role) => ({ role: role.role, unitCode: codeOf.get(role.unitId)! })),
    })),
    workingGroups: groups.map((group) => ({
      name: group.name,
      leaderPhone: group.members.find((member) => member.role === "leader")?.person.phone ?? "",
      memberPhones: group.members.filter((member) => member.role === "member").map((member) => member.person.phone ?? ""),
      unitCodes: group.units.map((unit) => codeOf.get(unit.unitId)!),
    })),
    rolesMode: "exact",
  };
  return { definition, archivedUnitCodes: new Set(units.filter((unit) => unit.archivedAt).map((unit) => unit.code)) };
}

export interface ImportOutcome {
  changes: OrgChanges;
  applied: boolean;
}

/** Diffs and (unless dryRun) applies the definition in one transaction: it all lands, or nothing does. */
export async function importOrganization(
  prisma: PrismaClient,
  definition: OrgDefinition,
  options: { prune: boolean; dryRun: boolean; actor: string },
): Promise<ImportOutcome> {
  return prisma.$transaction(
    async (tx) => {
      const stored = await loadStoredOrganization(tx, definition.organization.code);
      const changes = diffOrganization(stored, definition, { prune: options.prune });
      if (options.dryRun || !hasChanges(changes)) return { changes, applied: false };
      await applyChanges(tx, definition, changes);
      const organization = await tx.organization.findUniqueOrThrow({ where: { code: definition.organization.code } });
      await tx.auditLog.create({
        data: {
          organizationId: organization.id,
          actor: options.actor,
          action: "org.import",
          entity: "organization",
          entityId: organization.code,
          details: summarizeForAudit(changes),
        },
      });
      return { changes, applied: true };
    },
    { timeout: 120_000, maxWait: 30_000 },
  );
}

async function applyChanges(tx: Tx, definition: OrgDefinition, changes: OrgChanges): Promise<void> {
  const organization = await tx.organization.upsert({
    where: { code: definition.organization.code },
    create: definition.organization,
    update: { name: definition.organization.name },
  });
  const organizationId = organization.id;
  const unitIds = await syncUnits(tx, organizationId, definition, changes);
  const personIds = await syncPeople(tx, organizationId, definition, changes);
  await syncRoles(tx, changes, unitIds, personIds);
  if (definition.workingGroups) await syncWorkingGroups(tx, organizationId, definition, changes, unitIds, personIds);
  if (definition.campaign && changes.campaign) await syncCampaign(tx, organizationId, definition.campaign);
  else if (definition.campaign && changes.reminders) {
    await tx.campaign.update({
      where: { organizationId_name: { organizationId, name: definition.campaign.name } },
      data: { reminderPolicy: policyJson(changes.reminders.policy) },
    });
  }
}

async function syncUnits(tx: Tx, organizationId: number, definition: OrgDefinition, changes: OrgChanges): Promise<Map<string, number>> {
  const added = new Set(changes.unitsAdded);
  const touched = new Set([...changes.unitsRestored, ...changes.unitsUpdated.map((update) => update.code)]);
  const position = new Map(definition.units.map((unit, index) => [unit.code, index]));
  if (added.size > 0) {
    await tx.unit.createMany({
      data: definition.units
        .filter((unit) => added.has(unit.code))
        .map((unit) => ({
          organizationId,
          code: unit.code,
          name: unit.name,
          level: unit.level,
          pilotDate: unit.pilotDate ? localDateToUtcDate(unit.pilotDate) : null,
          term: unit.term,
          position: position.get(unit.code)!,
          path: "",
          depth: 0,
        })),
    });
  }
  for (const unit of definition.units.filter((candidate) => touched.has(candidate.code))) {
    await tx.unit.update({
      where: { organizationId_code: { organizationId, code: unit.code } },
      data: {
        name: unit.name,
        level: unit.level,
        pilotDate: unit.pilotDate ? localDateToUtcDate(unit.pilotDate) : null,
        term: unit.term,
        position: position.get(unit.code)!,
        archivedAt: null,
      },
    });
  }
  if (changes.prune && changes.unitsMissing.length > 0) {
    await tx.unit.updateMany({
      where: { organizationId, code: { in: changes.unitsMissing } },
      data: { archivedAt: new Date(), parentId: null },
    });
  }
  const rows = await tx.unit.findMany({ where: { organizationId }, select: { id: true, code: true } });
  const ids = new Map(rows.map((row) => [row.code, row.id]));
  const reparent = definition.units.filter((unit) => added.has(unit.code) || touched.has(unit.code));
  if (reparent.length > 0) {
    const childIds = reparent.map((unit) => ids.get(unit.code)!);
    const parentIds = reparent.map((unit) => (unit.parentCode ? ids.get(unit.parentCode)! : null));
    await tx.$executeRaw`
      UPDATE units AS u SET "parentId" = v.parent_id
      FROM unnest(${childIds}::int[], ${parentIds}::int[]) AS v(id, parent_id)
      WHERE u.id = v.id`;
  }
  if (reparent.length > 0 || (changes.prune && changes.unitsMissing.length > 0)) {
    await refreshUnitPaths(tx, organizationId);
  }
  const codes = definition.units.map((unit) => unit.code);
  const positions = definition.units.map((_, index) => index);
  await tx.$executeRaw`
    UPDATE units AS u SET position = v.position
    FROM unnest(${codes}::text[], ${positions}::int[]) AS v(code, position)
    WHERE u."organizationId" = ${organizationId} AND u.code = v.code AND u.position <> v.position`;
  return ids;
}

/** Recomputes the materialised paths of an organisation's tree in one statement. */
export async function refreshUnitPaths(tx: Tx | PrismaClient, organizationId: number): Promise<void> {
  await tx.$executeRaw`
    WITH RECURSIVE tree AS (
      SELECT id, '/' || id || '/' AS path, 0 AS depth
      FROM units WHERE "organizationId" = ${organizationId} AND "parentId" IS NULL
      UNION ALL
      SELECT child.id, tree.path || child.id || '/', tree.depth + 1
      FROM units child JOIN tree ON child."parentId" = tree.id
    )
    UPDATE units SET path = tree.path, depth = tree.depth
    FROM tree WHERE units.id = tree.id AND (units.path <> tree.path OR units.depth <> tree.depth)`;
}

async function syncPeople(tx: Tx, organizationId: number, definition: OrgDefinition, changes: OrgChanges): Promise<Map<string, number>> {
  const added = new Set(changes.peopleAdded);
  if (added.size > 0) {
    await tx.person.createMany({
      data: definition.people
        .filter((person) => added.has(person.phone))
        .map((person) => ({ organizationId, name: person.name, phone: person.phone, locale: person.locale })),
    });
  }
  const byPhone = new Map(definition.people.map((person) => [person.phone, person]));
  for (const update of changes.peopleUpdated) {
    const person = byPhone.get(update.phone)!;
    await tx.person.update({
      where: { organizationId_phone: { organizationId, phone: update.phone } },
      data: update.fields.includes("locale") ? { name: person.name, locale: person.locale } : { name: person.name },
    });
  }
  const rows = await tx.person.findMany({ where: { organizationId, phone: { not: null } }, select: { id: true, phone: true } });
  return new Map(rows.map((row) => [row.phone!, row.id]));
}

async function syncRoles(tx: Tx, changes: OrgChanges, unitIds: Map<string, number>, personIds: Map<string, number>): Promise<void> {
  for (const role of changes.rolesRemoved) {
    await tx.roleAssignment.deleteMany({
      where: { personId: personIds.get(role.phone)!, unitId: unitIds.get(role.unitCode)!, role: role.role },
    });
  }
  if (changes.rolesAdded.length > 0) {
    await tx.roleAssignment.createMany({
      data: changes.rolesAdded.map((role) => ({
        personId: personIds.get(role.phone)!,
        unitId: unitIds.get(role.unitCode)!,
        role: role.role,
      })),
      skipDuplicates: true,
    });
  }
}

async function syncWorkingGroups(
  tx: Tx,
  organizationId: number,
  definition: OrgDefinition,
  changes: OrgChanges,
  unitIds: Map<string, number>,
  personIds: Map<string, number>,
): Promise<void> {
  const groups = definition.workingGroups ?? [];
  const write = new Set([...changes.groupsAdded, ...changes.groupsUpdated]);
  for (const [position, group] of groups.entries()) {
    if (!write.has(group.name)) continue;
    const stored = await tx.workingGroup.upsert({
      where: { organizationId_name: { organizationId, name: group.name } },
      create: { organizationId, name: group.name, position },
      update: { position },
    });
    await tx.workingGroupMember.deleteMany({ where: { workingGroupId: stored.id } });
    await tx.workingGroupUnit.deleteMany({ where: { workingGroupId: stored.id } });
    await tx.workingGroupMember.createMany({
      data: [
        { workingGroupId: stored.id, personId: personIds.get(group.leaderPhone)!, role: "leader" as const },
        ...group.memberPhones.map((phone) => ({ workingGroupId: stored.id, personId: personIds.get(phone)!, role: "member" as const })),
      ],
    });
    await tx.workingGroupUnit.createMany({
      data: group.unitCodes.map((code) => ({ workingGroupId: stored.id, unitId: unitIds.get(code)! })),
    });
  }
  if (changes.prune && changes.groupsMissing.length > 0) {
    await tx.workingGroup.deleteMany({ where: { organizationId, name: { in: changes.groupsMissing } } });
  }
}

async function syncCampaign(tx: Tx, organizationId: number, campaign: NonNullable<OrgDefinition["campaign"]>): Promise<void> {
  await tx.campaign.updateMany({ where: { organizationId, NOT: { name: campaign.name } }, data: { active: false } });
  const stored = await tx.campaign.upsert({
    where: { organizationId_name: { organizationId, name: campaign.name } },
    create: { organizationId, name: campaign.name, active: true, reminderPolicy: policyJson(campaign.reminders) },
    update: { active: true, reminderPolicy: policyJson(campaign.reminders) },
  });
  await tx.campaignDeadline.deleteMany({ where: { campaignId: stored.id } });
  await tx.campaignTerm.deleteMany({ where: { campaignId: stored.id } });
  await tx.campaignDeadline.createMany({
    data: campaign.deadlines.map((d) => ({ campaignId: stored.id, level: d.level, milestone: d.milestone, dueDate: localDateToUtcDate(d.date) })),
  });
  await tx.campaignTerm.createMany({ data: campaign.terms.map((t) => ({ campaignId: stored.id, level: t.level, term: t.term })) });
}

function policyJson(policy: ReminderPolicy | null | undefined): Prisma.InputJsonObject | typeof Prisma.DbNull {
  return policy ? { ...policy, holidays: policy.holidays.map((range) => ({ ...range })) } : Prisma.DbNull;
}

function summarizeForAudit(changes: OrgChanges): Prisma.InputJsonObject {
  return {
    organization: changes.organization,
    unitsAdded: changes.unitsAdded.length,
    unitsUpdated: changes.unitsUpdated.map((update) => update.code),
    unitsRestored: changes.unitsRestored,
    unitsArchived: changes.prune ? changes.unitsMissing : [],
    peopleAdded: changes.peopleAdded.length,
    peopleUpdated: changes.peopleUpdated.length,
    rolesAdded: changes.rolesAdded.map(roleKey),
    rolesRemoved: changes.rolesRemoved.map(roleKey),
    groupsAdded: changes.groupsAdded,
    groupsUpdated: changes.groupsUpdated,
    groupsRemoved: changes.prune ? changes.groupsMissing : [],
    campaign: changes.campaign,
    ...(changes.reminders && { reminders: changes.reminders.policy ? { ...changes.reminders.policy, holidays: changes.reminders.policy.holidays.map((range) => ({ ...range })) } : "defaults" }),
  };
}
