// Reads and writes a whole organisation (units, people, roles, working groups, campaign) as an OrgDefinition.
import { Prisma, type PrismaClient } from "@prisma/client";
import { utcDateToLocalDate } from "../domain/local-date.js";
import type { CampaignTemplate } from "../domain/campaign-template.js";
import type { OrgDefinition, OrgProblem, PersonDefinition } from "../domain/org-definition.js";
import { entryOfCampaign, resolveTemplateCampaigns, type TemplateCampaign } from "../domain/template-campaign.js";
import { policyJson } from "./policy-json.js";
import {
  diffTemplateCampaigns,
  loadTemplateCampaigns,
  replaceDeadlines,
  syncTemplateCampaigns,
} from "./template-campaign-store.js";
import type { Milestone, Role, UnitLevel } from "../domain/levels.js";
import { policyFromStored } from "../domain/reminder-settings.js";
import { diffOrganization, hasChanges, roleKey, type OrgChanges, type StoredOrganization } from "../domain/org-diff.js";

type Tx = Prisma.TransactionClient;

export interface OrganizationRef {
  id: number;
  code: string;
  name: string;
}

/** Every organisation in the database, oldest first. */
export async function listOrganizations(prisma: PrismaClient): Promise<OrganizationRef[]> {
  return prisma.organization.findMany({ select: { id: true, code: true, name: true }, orderBy: { id: "asc" } });
}

export async function loadStoredOrganization(db: Tx | PrismaClient, code: string): Promise<StoredOrganization | null> {
  const organization = await db.organization.findUnique({ where: { code } });
  if (!organization) return null;
  // Plain rows, read set-based: an organisation may have 100,000 units and 50,000 people.
  const [units, people, roles, groups, campaign, templateCampaigns] = await Promise.all([
    db.$queryRaw<
      {
        code: string;
        name: string;
        level: UnitLevel;
        parentCode: string | null;
        pilotDate: Date | null;
        term: string | null;
        archived: boolean;
      }[]
    >`
      SELECT u.code, u.name, u.level, p.code AS "parentCode", u."pilotDate", u.term, u."archivedAt" IS NOT NULL AS archived
      FROM units u LEFT JOIN units p ON p.id = u."parentId"
      WHERE u."organizationId" = ${organization.id}
      ORDER BY u.position, u.id`,
    db.$queryRaw<{ name: string; phone: string; locale: string | null }[]>`
      SELECT name, phone, locale FROM people
      WHERE "organizationId" = ${organization.id} AND phone IS NOT NULL
      ORDER BY id`,
    db.$queryRaw<{ phone: string; role: Role; unitCode: string }[]>`
      SELECT p.phone, r.role, u.code AS "unitCode"
      FROM role_assignments r JOIN people p ON p.id = r."personId" JOIN units u ON u.id = r."unitId"
      WHERE p."organizationId" = ${organization.id} AND p.phone IS NOT NULL
      ORDER BY r.id`,
    db.workingGroup.findMany({
      where: { organizationId: organization.id },
      orderBy: [{ position: "asc" }, { id: "asc" }],
      select: {
        name: true,
        members: { select: { role: true, person: { select: { phone: true } } }, orderBy: { id: "asc" } },
        units: { select: { unit: { select: { code: true } } }, orderBy: { id: "asc" } },
      },
    }),
    db.campaign.findFirst({
      where: { organizationId: organization.id, active: true, template: "congress" },
      orderBy: { id: "asc" },
      select: {
        key: true,
        name: true,
        reminderPolicy: true,
        deadlines: { orderBy: { id: "asc" } },
        terms: { orderBy: { id: "asc" } },
      },
    }),
    loadTemplateCampaigns(db, { organizationIds: [organization.id] }),
  ]);
  const rolesByPhone = new Map<string, PersonDefinition["roles"]>();
  for (const role of roles) {
    const list = rolesByPhone.get(role.phone);
    if (list) list.push({ role: role.role, unitCode: role.unitCode });
    else rolesByPhone.set(role.phone, [{ role: role.role, unitCode: role.unitCode }]);
  }
  const definition: OrgDefinition = {
    organization: {
      code: organization.code,
      name: organization.name,
      superior: organization.superior,
      committee: organization.committee,
      place: organization.place,
    },
    campaign: campaign && {
      key: campaign.key,
      name: campaign.name,
      deadlines: campaign.deadlines.map((d) => ({
        level: d.level,
        milestone: d.milestone as Milestone,
        date: utcDateToLocalDate(d.dueDate),
      })),
      terms: campaign.terms.map((t) => ({ level: t.level, term: t.term })),
      reminders: policyFromStored(campaign.reminderPolicy),
    },
    templateCampaigns: templateCampaigns.map((stored, index) =>
      entryOfCampaign(stored, `campaigns[${(campaign?.key ? 1 : 0) + index}]`),
    ),
    units: units
      .filter((unit) => !unit.archived)
      .map((unit) => ({
        code: unit.code,
        name: unit.name,
        level: unit.level,
        // An archived unit's parent is cleared; a unit under one (never written so by an import) reads as a top.
        parentCode: unit.parentCode,
        pilotDate: unit.pilotDate ? utcDateToLocalDate(unit.pilotDate) : null,
        term: unit.term,
      })),
    people: people.map((person) => ({
      name: person.name,
      phone: person.phone,
      locale: person.locale === "vi" || person.locale === "en" ? person.locale : null,
      roles: rolesByPhone.get(person.phone) ?? [],
    })),
    workingGroups: groups.map((group) => ({
      name: group.name,
      leaderPhone: group.members.find((member) => member.role === "leader")?.person.phone ?? "",
      memberPhones: group.members
        .filter((member) => member.role === "member")
        .map((member) => member.person.phone ?? ""),
      unitCodes: group.units.map((unit) => unit.unit.code),
    })),
    rolesMode: "exact",
  };
  return { definition, archivedUnitCodes: new Set(units.filter((unit) => unit.archived).map((unit) => unit.code)) };
}

export interface ImportOutcome {
  changes: OrgChanges;
  applied: boolean;
}

/** Another import changed the organisation between this one's reading and its writing: nothing was written. */
export class OrgImportConflictError extends Error {
  constructor() {
    super("another import changed the organisation at the same time");
    this.name = "OrgImportConflictError";
  }
}

export type ImportProgress = (
  step: "read" | "units" | "people" | "roles" | "groups" | "paths",
  done?: number,
  total?: number,
) => void;

/** Rows written per statement: arrays of this many values are bound as a handful of parameters. */
const batchSize = 5_000;

/**
 * Diffs and (unless dryRun) applies the definition: it all lands, or nothing does. The stored state is read
 * outside any transaction; the writes happen in one short transaction that first takes the organisation's
 * import lock and checks that no other import has been applied since the read (else OrgImportConflictError).
 */
export async function importOrganization(
  prisma: PrismaClient,
  definition: OrgDefinition,
  options: {
    prune: boolean;
    dryRun: boolean;
    actor: string;
    progress?: ImportProgress;
    /** The templates `campaigns:` entries may name: the built-in ones and those imported. */
    templates?: ReadonlyMap<string, CampaignTemplate>;
  },
): Promise<ImportOutcome> {
  const progress = options.progress ?? (() => undefined);
  progress("read");
  const code = definition.organization.code;
  const version = await importVersion(prisma, code);
  const stored = await loadStoredOrganization(prisma, code);
  const changes = diffOrganization(stored, definition, { prune: options.prune });
  let templateCampaigns: TemplateCampaign[] | null = null;
  if (definition.templateCampaigns) {
    const resolved = resolveTemplateCampaigns(definition.templateCampaigns, options.templates ?? new Map());
    if (!resolved.ok) throw new CampaignProblemsError(resolved.problems);
    templateCampaigns = resolved.campaigns;
    const organization = await prisma.organization.findUnique({ where: { code }, select: { id: true } });
    const current = organization
      ? await loadTemplateCampaigns(prisma, { organizationIds: [organization.id], includeClosed: true })
      : [];
    changes.templateCampaigns = diffTemplateCampaigns(current, templateCampaigns);
  }
  if (options.dryRun || !hasChanges(changes)) return { changes, applied: false };
  try {
    return await prisma.$transaction(
      async (tx) => {
        await tx.$queryRaw`SELECT pg_advisory_xact_lock(72707371, hashtext(${code}))::text AS locked`;
        if ((await importVersion(tx, code)) !== version) throw new OrgImportConflictError();
        await applyChanges(tx, definition, changes, progress);
        if (templateCampaigns) {
          const { id } = await tx.organization.findUniqueOrThrow({ where: { code }, select: { id: true } });
          await syncTemplateCampaigns(tx, id, templateCampaigns);
        }
        const organization = await tx.organization.findUniqueOrThrow({ where: { code } });
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
      { timeout: 600_000, maxWait: 60_000 },
    );
  } catch (error) {
    throw isConcurrentWrite(error) ? new OrgImportConflictError() : error;
  }
}

/** The last import applied to the organisation (its audit entry), 0 when none: what a plan was made against. */
async function importVersion(db: Tx | PrismaClient, code: string): Promise<number> {
  const [row] = await db.$queryRaw<{ id: number }[]>`
    SELECT coalesce(max(id), 0)::int AS id FROM audit_logs WHERE action = 'org.import' AND "entityId" = ${code}`;
  return row?.id ?? 0;
}

/** The file's `campaigns:` entries do not fit their templates (checked against the database's templates). */
export class CampaignProblemsError extends Error {
  constructor(readonly problems: OrgProblem[]) {
    super("the campaigns do not fit their templates");
    this.name = "CampaignProblemsError";
  }
}

/** A unique key taken, a deadlock or a serialisation failure: another writer got there first. */
function isConcurrentWrite(error: unknown): boolean {
  if (error instanceof OrgImportConflictError) return true;
  if (!(error instanceof Prisma.PrismaClientKnownRequestError)) return false;
  if (error.code === "P2002" || error.code === "P2034") return true;
  const text = `${JSON.stringify(error.meta ?? {})} ${error.message}`;
  return /\b(23505|40001|40P01)\b/.test(text);
}

async function applyChanges(
  tx: Tx,
  definition: OrgDefinition,
  changes: OrgChanges,
  progress: ImportProgress,
): Promise<void> {
  const organization = await tx.organization.upsert({
    where: { code: definition.organization.code },
    create: {
      code: definition.organization.code,
      name: definition.organization.name,
      superior: definition.organization.superior ?? null,
      committee: definition.organization.committee ?? null,
      place: definition.organization.place ?? null,
    },
    // A letterhead field the file does not describe (CSV form) is left as it is.
    update: {
      name: definition.organization.name,
      ...(definition.organization.superior !== undefined && { superior: definition.organization.superior }),
      ...(definition.organization.committee !== undefined && { committee: definition.organization.committee }),
      ...(definition.organization.place !== undefined && { place: definition.organization.place }),
    },
  });
  const organizationId = organization.id;
  const unitIds = await syncUnits(tx, organizationId, definition, changes, progress);
  const personIds = await syncPeople(tx, organizationId, definition, changes, progress);
  await syncRoles(tx, changes, unitIds, personIds, progress);
  if (definition.workingGroups) {
    progress("groups");
    await syncWorkingGroups(tx, organizationId, definition, changes, unitIds, personIds);
  }
  if (definition.campaign && changes.campaign) await syncCampaign(tx, organizationId, definition.campaign);
  else if (definition.campaign && changes.reminders) {
    await tx.campaign.update({
      where: { organizationId_name: { organizationId, name: definition.campaign.name } },
      data: { reminderPolicy: policyJson(changes.reminders.policy) },
    });
  }
}

/** Runs write(batch) over items, batchSize at a time, reporting progress. */
async function inBatches<T>(
  items: readonly T[],
  write: (batch: T[]) => Promise<unknown>,
  report?: (done: number) => void,
): Promise<void> {
  for (let start = 0; start < items.length; start += batchSize) {
    await write(items.slice(start, start + batchSize));
    report?.(Math.min(items.length, start + batchSize));
  }
}

const dateOrNull = (date: string | null) => date;

async function syncUnits(
  tx: Tx,
  organizationId: number,
  definition: OrgDefinition,
  changes: OrgChanges,
  progress: ImportProgress,
): Promise<Map<string, number>> {
  const added = new Set(changes.unitsAdded);
  const touched = new Set([...changes.unitsRestored, ...changes.unitsUpdated.map((update) => update.code)]);
  const rows = definition.units.map((unit, position) => ({ unit, position }));
  const written = rows.filter(({ unit }) => added.has(unit.code) || touched.has(unit.code));
  const columns = (batch: typeof rows) => ({
    codes: batch.map(({ unit }) => unit.code),
    names: batch.map(({ unit }) => unit.name),
    levels: batch.map(({ unit }) => unit.level),
    pilots: batch.map(({ unit }) => dateOrNull(unit.pilotDate)),
    terms: batch.map(({ unit }) => unit.term),
    positions: batch.map(({ position }) => position),
  });
  const total = written.length;
  let before = 0;
  await inBatches(
    rows.filter(({ unit }) => added.has(unit.code)),
    async (batch) => {
      const c = columns(batch);
      await tx.$executeRaw`
        INSERT INTO units ("organizationId", code, name, level, "pilotDate", term, position, path, depth, "updatedAt")
        SELECT ${organizationId}, v.code, v.name, v.level::"UnitLevel", v.pilot::date, v.term, v.position, '', 0, now()
        FROM unnest(${c.codes}::text[], ${c.names}::text[], ${c.levels}::text[], ${c.pilots}::text[], ${c.terms}::text[], ${c.positions}::int[])
          AS v(code, name, level, pilot, term, position)`;
    },
    (done) => progress("units", done, total),
  );
  before = added.size;
  await inBatches(
    rows.filter(({ unit }) => touched.has(unit.code)),
    async (batch) => {
      const c = columns(batch);
      await tx.$executeRaw`
        UPDATE units AS u SET name = v.name, level = v.level::"UnitLevel", "pilotDate" = v.pilot::date, term = v.term,
          position = v.position, "archivedAt" = NULL, "updatedAt" = now()
        FROM unnest(${c.codes}::text[], ${c.names}::text[], ${c.levels}::text[], ${c.pilots}::text[], ${c.terms}::text[], ${c.positions}::int[])
          AS v(code, name, level, pilot, term, position)
        WHERE u."organizationId" = ${organizationId} AND u.code = v.code`;
    },
    (done) => progress("units", before + done, total),
  );
  if (changes.prune && changes.unitsMissing.length > 0) {
    await inBatches(
      changes.unitsMissing,
      (batch) =>
        tx.$executeRaw`
        UPDATE units SET "archivedAt" = now(), "parentId" = NULL, "updatedAt" = now()
        WHERE "organizationId" = ${organizationId} AND code = ANY(${batch}::text[])`,
    );
  }
  const ids = new Map(
    (
      await tx.$queryRaw<
        { id: number; code: string }[]
      >`SELECT id, code FROM units WHERE "organizationId" = ${organizationId}`
    ).map((row) => [row.code, row.id]),
  );
  await inBatches(written, async (batch) => {
    const childIds = batch.map(({ unit }) => ids.get(unit.code)!);
    const parentIds = batch.map(({ unit }) => (unit.parentCode ? ids.get(unit.parentCode)! : null));
    await tx.$executeRaw`
      UPDATE units AS u SET "parentId" = v.parent_id
      FROM unnest(${childIds}::int[], ${parentIds}::int[]) AS v(id, parent_id)
      WHERE u.id = v.id AND u."parentId" IS DISTINCT FROM v.parent_id`;
  });
  if (written.length > 0 || (changes.prune && changes.unitsMissing.length > 0)) {
    progress("paths");
    await refreshUnitPaths(tx, organizationId);
  }
  // A new order alone is stored whenever something else is written (see diffOrganization).
  await inBatches(rows, async (batch) => {
    const codes = batch.map(({ unit }) => unit.code);
    const positions = batch.map(({ position }) => position);
    await tx.$executeRaw`
      UPDATE units AS u SET position = v.position
      FROM unnest(${codes}::text[], ${positions}::int[]) AS v(code, position)
      WHERE u."organizationId" = ${organizationId} AND u.code = v.code AND u.position <> v.position`;
  });
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

async function syncPeople(
  tx: Tx,
  organizationId: number,
  definition: OrgDefinition,
  changes: OrgChanges,
  progress: ImportProgress,
): Promise<Map<string, number>> {
  const added = new Set(changes.peopleAdded);
  const byPhone = new Map(definition.people.map((person) => [person.phone, person]));
  const total = changes.peopleAdded.length + changes.peopleUpdated.length;
  await inBatches(
    definition.people.filter((person) => added.has(person.phone)),
    async (batch) => {
      const names = batch.map((person) => person.name);
      const phones = batch.map((person) => person.phone);
      const locales = batch.map((person) => person.locale);
      await tx.$executeRaw`
        INSERT INTO people ("organizationId", name, phone, locale, "updatedAt")
        SELECT ${organizationId}, v.name, v.phone, v.locale, now()
        FROM unnest(${names}::text[], ${phones}::text[], ${locales}::text[]) AS v(name, phone, locale)`;
    },
    (done) => progress("people", done, total),
  );
  await inBatches(
    changes.peopleUpdated,
    async (batch) => {
      const phones = batch.map((update) => update.phone);
      const names = batch.map((update) => byPhone.get(update.phone)!.name);
      // A file sets a language only where it names one (see diffOrganization).
      const setLocale = batch.map((update) => update.fields.includes("locale"));
      const locales = batch.map((update) => byPhone.get(update.phone)!.locale);
      await tx.$executeRaw`
        UPDATE people AS p SET name = v.name, locale = CASE WHEN v.set_locale THEN v.locale ELSE p.locale END, "updatedAt" = now()
        FROM unnest(${phones}::text[], ${names}::text[], ${setLocale}::boolean[], ${locales}::text[]) AS v(phone, name, set_locale, locale)
        WHERE p."organizationId" = ${organizationId} AND p.phone = v.phone`;
    },
    (done) => progress("people", changes.peopleAdded.length + done, total),
  );
  const rows = await tx.$queryRaw<{ id: number; phone: string }[]>`
    SELECT id, phone FROM people WHERE "organizationId" = ${organizationId} AND phone IS NOT NULL`;
  return new Map(rows.map((row) => [row.phone, row.id]));
}

async function syncRoles(
  tx: Tx,
  changes: OrgChanges,
  unitIds: Map<string, number>,
  personIds: Map<string, number>,
  progress: ImportProgress,
): Promise<void> {
  const columns = (batch: OrgChanges["rolesAdded"]) => ({
    people: batch.map((role) => personIds.get(role.phone)!),
    units: batch.map((role) => unitIds.get(role.unitCode)!),
    roles: batch.map((role) => role.role),
  });
  const total = changes.rolesRemoved.length + changes.rolesAdded.length;
  await inBatches(
    changes.rolesRemoved,
    async (batch) => {
      const c = columns(batch);
      await tx.$executeRaw`
        DELETE FROM role_assignments AS r
        USING unnest(${c.people}::int[], ${c.units}::int[], ${c.roles}::text[]) AS v(person_id, unit_id, role)
        WHERE r."personId" = v.person_id AND r."unitId" = v.unit_id AND r.role = v.role::"Role"`;
    },
    (done) => progress("roles", done, total),
  );
  await inBatches(
    changes.rolesAdded,
    async (batch) => {
      const c = columns(batch);
      await tx.$executeRaw`
        INSERT INTO role_assignments ("personId", "unitId", role)
        SELECT v.person_id, v.unit_id, v.role::"Role"
        FROM unnest(${c.people}::int[], ${c.units}::int[], ${c.roles}::text[]) AS v(person_id, unit_id, role)
        ON CONFLICT ("personId", "unitId", role) DO NOTHING`;
    },
    (done) => progress("roles", changes.rolesRemoved.length + done, total),
  );
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
        ...group.memberPhones.map((phone) => ({
          workingGroupId: stored.id,
          personId: personIds.get(phone)!,
          role: "member" as const,
        })),
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

async function syncCampaign(
  tx: Tx,
  organizationId: number,
  campaign: NonNullable<OrgDefinition["campaign"]>,
): Promise<void> {
  // One congress campaign runs at a time; campaigns of other templates run beside it.
  await tx.campaign.updateMany({
    where: { organizationId, template: "congress", NOT: { name: campaign.name } },
    data: { active: false },
  });
  const key = campaign.key ?? null;
  const stored = await tx.campaign.upsert({
    where: { organizationId_name: { organizationId, name: campaign.name } },
    create: { organizationId, key, name: campaign.name, active: true, reminderPolicy: policyJson(campaign.reminders) },
    update: { key, active: true, reminderPolicy: policyJson(campaign.reminders) },
  });
  await replaceDeadlines(tx, stored.id, campaign.deadlines);
  await tx.campaignTerm.deleteMany({ where: { campaignId: stored.id } });
  await tx.campaignTerm.createMany({
    data: campaign.terms.map((t) => ({ campaignId: stored.id, level: t.level, term: t.term })),
  });
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
    ...(changes.reminders && {
      reminders: changes.reminders.policy
        ? { ...changes.reminders.policy, holidays: changes.reminders.policy.holidays.map((range) => ({ ...range })) }
        : "defaults",
    }),
  };
}
