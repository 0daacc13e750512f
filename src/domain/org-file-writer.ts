// Writes an OrgDefinition back as an org file that imports to the same state.
import { stringify as stringifyCsv } from "csv-stringify/sync";
import { Document, isMap, isSeq } from "yaml";
import { milestones, type UnitLevel } from "./levels.js";
import type { OrgDefinition } from "./org-definition.js";
import { csvColumns } from "./org-file-schema.js";
import { policyToFile } from "./reminder-settings.js";

export function writeOrgYaml(definition: OrgDefinition): string {
  const deadlines: Partial<Record<UnitLevel, Record<string, string>>> = {};
  for (const milestone of milestones) {
    for (const deadline of definition.campaign?.deadlines.filter((d) => d.milestone === milestone) ?? []) {
      deadlines[deadline.level] ??= {};
      deadlines[deadline.level]![milestone] = deadline.date;
    }
  }
  const congressEntry = definition.campaign?.key
    ? [
        {
          key: definition.campaign.key,
          name: definition.campaign.name,
          template: "congress",
          deadlines,
          terms: Object.fromEntries(definition.campaign.terms.map((term) => [term.level, term.term])),
          ...(definition.campaign.reminders && { reminders: policyToFile(definition.campaign.reminders) }),
        },
      ]
    : [];
  const otherEntries = (definition.templateCampaigns ?? []).map((campaign) => {
    const perLevel: Partial<Record<UnitLevel, Record<string, string>>> = {};
    for (const deadline of campaign.deadlines) {
      perLevel[deadline.level] ??= {};
      perLevel[deadline.level]![deadline.milestone ?? "final"] = deadline.value;
    }
    return {
      key: campaign.key,
      name: campaign.name,
      template: campaign.template,
      ...(campaign.opensOn && { opens: campaign.opensOn }),
      deadlines: perLevel,
      ...(campaign.reminders && { reminders: policyToFile(campaign.reminders) }),
    };
  });
  const campaigns = [...congressEntry, ...otherEntries];
  const file = {
    organization: {
      code: definition.organization.code,
      name: definition.organization.name,
      ...(definition.organization.superior && { superior: definition.organization.superior }),
      ...(definition.organization.committee && { committee: definition.organization.committee }),
      ...(definition.organization.place && { place: definition.organization.place }),
    },
    ...(campaigns.length > 0 && { campaigns }),
    ...(definition.campaign &&
      !definition.campaign.key && {
        campaign: {
          name: definition.campaign.name,
          deadlines,
          terms: Object.fromEntries(definition.campaign.terms.map((term) => [term.level, term.term])),
          ...(definition.campaign.reminders && { reminders: policyToFile(definition.campaign.reminders) }),
        },
      }),
    units: definition.units.map((unit) => ({
      code: unit.code,
      name: unit.name,
      level: unit.level,
      ...(unit.parentCode && { parent: unit.parentCode }),
      ...(unit.pilotDate && { pilot: unit.pilotDate }),
      ...(unit.term && { term: unit.term }),
    })),
    people: definition.people.map((person) => ({
      name: person.name,
      phone: person.phone,
      ...(person.locale && { locale: person.locale }),
      roles: person.roles.map((role) => ({ role: role.role, unit: role.unitCode })),
    })),
    workingGroups: (definition.workingGroups ?? []).map((group) => ({
      name: group.name,
      leader: group.leaderPhone,
      members: group.memberPhones,
      units: group.unitCodes,
    })),
  };
  const document = new Document(file);
  // One line per unit, person and group keeps a 600-unit file readable and diffable.
  for (const key of ["units", "people", "workingGroups"]) {
    const list = document.get(key);
    if (isSeq(list)) for (const item of list.items) if (isMap(item)) item.flow = true;
  }
  const reminders = document.getIn(["campaign", "reminders"]);
  if (isMap(reminders)) for (const pair of reminders.items) if (isSeq(pair.value)) pair.value.flow = true;
  const header = `# Organisation file (see docs/org-file.md). Import with: npm run cli -- org import FILE\n`;
  return header + document.toString({ lineWidth: 0, flowCollectionPadding: true });
}

export function writeOrgCsv(definition: OrgDefinition): string {
  const secretaries = new Map<string, { name: string; phone: string }>();
  for (const person of definition.people) {
    for (const role of person.roles) {
      if (role.role === "secretary" && !secretaries.has(role.unitCode)) secretaries.set(role.unitCode, person);
    }
  }
  const rows = definition.units.map((unit) => {
    const secretary = secretaries.get(unit.code);
    return [
      unit.code,
      unit.name,
      unit.level,
      unit.parentCode ?? "",
      unit.pilotDate ?? "",
      secretary?.name ?? "",
      secretary?.phone ?? "",
    ];
  });
  return stringifyCsv([[...csvColumns], ...rows]);
}
