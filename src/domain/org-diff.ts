// What importing a definition would change in the stored organisation. Pure: the import command prints
// it for --dry-run, and the store applies it.
import type { OrgDefinition, PersonDefinition, UnitDefinition, WorkingGroupDefinition } from "./org-definition.js";
import type { Role } from "./levels.js";
import type { ReminderPolicy } from "./reminder-policy.js";
import { samePolicy } from "./reminder-settings.js";

export interface RoleChange {
  phone: string;
  role: Role;
  unitCode: string;
}

export interface OrgChanges {
  /** letterhead: only the superior, committee or place its documents carry changed. */
  organization: "create" | "rename" | "letterhead" | null;
  unitsAdded: string[];
  unitsUpdated: { code: string; fields: string[] }[];
  unitsRestored: string[];
  /** Stored units the file does not list; archived only with --prune. */
  unitsMissing: string[];
  peopleAdded: string[];
  peopleUpdated: { phone: string; fields: string[] }[];
  rolesAdded: RoleChange[];
  rolesRemoved: RoleChange[];
  groupsAdded: string[];
  groupsUpdated: string[];
  /** Stored working groups the file does not list; removed only with --prune. */
  groupsMissing: string[];
  campaign: "create" | "update" | null;
  /** The campaigns of other templates, by key (`campaigns:`): opened, changed, and closed (stored, not listed). */
  templateCampaigns?: { added: string[]; updated: string[]; closed: string[] };
  /** The campaign's reminder policy as the file sets it, when that differs from the stored one (policy null: back to the defaults). */
  reminders: { policy: ReminderPolicy | null } | null;
  prune: boolean;
}

export interface StoredOrganization {
  definition: OrgDefinition;
  archivedUnitCodes: ReadonlySet<string>;
}

const letterheadFields = ["superior", "committee", "place"] as const;

export function diffOrganization(
  stored: StoredOrganization | null,
  next: OrgDefinition,
  options: { prune: boolean },
): OrgChanges {
  const current = stored?.definition;
  const changes: OrgChanges = {
    organization: !current
      ? "create"
      : current.organization.name !== next.organization.name
        ? "rename"
        : letterheadFields.some(
              (field) =>
                next.organization[field] !== undefined && next.organization[field] !== current.organization[field],
            )
          ? "letterhead"
          : null,
    unitsAdded: [],
    unitsUpdated: [],
    unitsRestored: [],
    unitsMissing: [],
    peopleAdded: [],
    peopleUpdated: [],
    rolesAdded: [],
    rolesRemoved: [],
    groupsAdded: [],
    groupsUpdated: [],
    groupsMissing: [],
    campaign: null,
    reminders: null,
    prune: options.prune,
  };

  // The order of units in the file is kept (export writes them back in it), but a new order alone is
  // not a change worth reporting: it is stored whenever something else is written.
  const currentUnits = indexBy(current?.units ?? [], (unit) => unit.code);
  for (const unit of next.units) {
    const before = currentUnits.get(unit.code);
    if (stored?.archivedUnitCodes.has(unit.code)) changes.unitsRestored.push(unit.code);
    else if (!before) changes.unitsAdded.push(unit.code);
    else {
      const fields = changedUnitFields(before, unit);
      if (fields.length > 0) changes.unitsUpdated.push({ code: unit.code, fields });
    }
  }
  const nextCodes = new Set(next.units.map((unit) => unit.code));
  changes.unitsMissing = (current?.units ?? []).filter((unit) => !nextCodes.has(unit.code)).map((unit) => unit.code);

  const currentPeople = indexBy(current?.people ?? [], (person) => person.phone);
  for (const person of next.people) {
    const before = currentPeople.get(person.phone);
    if (!before) changes.peopleAdded.push(person.phone);
    else {
      const fields = changedPersonFields(before, person);
      if (fields.length > 0) changes.peopleUpdated.push({ phone: person.phone, fields });
    }
    const had = new Set((before?.roles ?? []).map(roleKey));
    const wants = new Set(person.roles.map(roleKey));
    for (const role of person.roles)
      if (!had.has(roleKey(role))) changes.rolesAdded.push({ phone: person.phone, ...role });
    if (next.rolesMode === "exact") {
      for (const role of before?.roles ?? [])
        if (!wants.has(roleKey(role))) changes.rolesRemoved.push({ phone: person.phone, ...role });
    }
  }

  if (next.workingGroups) {
    const currentGroups = current?.workingGroups ?? [];
    const byName = indexBy(currentGroups, (group) => group.name);
    next.workingGroups.forEach((group, position) => {
      const before = byName.get(group.name);
      if (!before) changes.groupsAdded.push(group.name);
      else if (!sameGroup(before, group) || currentGroups.indexOf(before) !== position)
        changes.groupsUpdated.push(group.name);
    });
    const names = new Set(next.workingGroups.map((group) => group.name));
    changes.groupsMissing = currentGroups.filter((group) => !names.has(group.name)).map((group) => group.name);
  }

  if (next.campaign) {
    const policy = next.campaign.reminders ?? null;
    if (!current?.campaign || current.campaign.name !== next.campaign.name) {
      changes.campaign = "create";
      if (policy) changes.reminders = { policy };
    } else {
      if (!samePolicy(current.campaign.reminders ?? null, policy)) changes.reminders = { policy };
      if (
        (current.campaign.key ?? null) !== (next.campaign.key ?? null) ||
        !sameList(current.campaign.deadlines, next.campaign.deadlines, (d) => `${d.level}:${d.milestone}:${d.date}`) ||
        !sameList(current.campaign.terms, next.campaign.terms, (t) => `${t.level}:${t.term}`)
      ) {
        changes.campaign = "update";
      }
    }
  }
  return changes;
}

export function hasChanges(changes: OrgChanges): boolean {
  return (
    changes.organization !== null ||
    changes.campaign !== null ||
    (changes.templateCampaigns !== undefined &&
      [changes.templateCampaigns.added, changes.templateCampaigns.updated, changes.templateCampaigns.closed].some(
        (list) => list.length > 0,
      )) ||
    changes.reminders !== null ||
    [
      changes.unitsAdded,
      changes.unitsUpdated,
      changes.unitsRestored,
      changes.peopleAdded,
      changes.peopleUpdated,
      changes.rolesAdded,
      changes.rolesRemoved,
      changes.groupsAdded,
      changes.groupsUpdated,
    ].some((list) => list.length > 0) ||
    (changes.prune && (changes.unitsMissing.length > 0 || changes.groupsMissing.length > 0))
  );
}

function changedUnitFields(before: UnitDefinition, after: UnitDefinition): string[] {
  const fields: string[] = [];
  if (before.name !== after.name) fields.push("name");
  if (before.level !== after.level) fields.push("level");
  if (before.parentCode !== after.parentCode) fields.push("parent");
  if (before.pilotDate !== after.pilotDate) fields.push("pilot");
  if (before.term !== after.term) fields.push("term");
  return fields;
}

function changedPersonFields(before: PersonDefinition, after: PersonDefinition): string[] {
  const fields: string[] = [];
  if (before.name !== after.name) fields.push("name");
  // A file sets a language only where it names one: a person's own choice (/ngonngu) survives a
  // re-import of a file that names none, and the CSV form carries none at all.
  if (after.locale !== null && before.locale !== after.locale) fields.push("locale");
  return fields;
}

function sameGroup(a: WorkingGroupDefinition, b: WorkingGroupDefinition): boolean {
  return (
    a.leaderPhone === b.leaderPhone &&
    sameList(a.memberPhones, b.memberPhones, (phone) => phone) &&
    sameList(a.unitCodes, b.unitCodes, (code) => code)
  );
}

function sameList<T>(a: readonly T[], b: readonly T[], key: (item: T) => string): boolean {
  if (a.length !== b.length) return false;
  const left = a.map(key).sort();
  const right = b.map(key).sort();
  return left.every((value, index) => value === right[index]);
}

export function roleKey(role: { role: Role; unitCode: string }): string {
  return `${role.role}@${role.unitCode}`;
}

function indexBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T> {
  return new Map(items.map((item) => [key(item), item]));
}
