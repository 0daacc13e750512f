// Reads an org file (YAML or CSV text) into a validated OrgDefinition, or the full list of problems.
import { parse as parseCsv } from "csv-parse/sync";
import { parseDocument } from "yaml";
import type { z } from "zod";
import { canBeUnder, milestones, type Milestone, type UnitLevel } from "./levels.js";
import { parseLocalDate } from "./local-date.js";
import type { CampaignDefinition, OrgDefinition, OrgProblem, PersonDefinition, UnitDefinition } from "./org-definition.js";
import { csvColumns, csvRowSchema, orgFileSchema, type OrgCsvRow, type OrgFile } from "./org-file-schema.js";
import { normalizeVietnamesePhone } from "./phone.js";
import { policyFromFile } from "./reminder-settings.js";

export type OrgFileResult =
  | { ok: true; definition: OrgDefinition; warnings: OrgProblem[] }
  | { ok: false; problems: OrgProblem[] };

export function formatProblemPath(path: readonly PropertyKey[]): string {
  if (path.length === 0) return "(file)";
  return path
    .map((part, index) => (typeof part === "number" ? `[${part}]` : index === 0 ? String(part) : `.${String(part)}`))
    .join("");
}

export function zodProblems(error: z.ZodError, prefix: readonly PropertyKey[] = []): OrgProblem[] {
  const problems: OrgProblem[] = [];
  for (const issue of error.issues) {
    const path = formatProblemPath([...prefix, ...issue.path]);
    switch (issue.code) {
      case "unrecognized_keys":
        for (const key of issue.keys) problems.push({ path: formatProblemPath([...prefix, ...issue.path, key]), code: "unknown-key" });
        break;
      case "invalid_type":
        problems.push(
          issue.input === undefined
            ? { path, code: "required" }
            : { path, code: "type", args: { expected: issue.expected === "array" ? "list" : issue.expected } },
        );
        break;
      case "invalid_value":
        problems.push({ path, code: "one-of", args: { value: String(issue.input), values: issue.values.map(String).join(", ") } });
        break;
      case "invalid_key":
        problems.push({ path, code: "one-of", args: { value: String(issue.input), values: keyValues(issue) } });
        break;
      case "too_small":
        problems.push(issue.origin === "array" ? { path, code: "empty-list" } : { path, code: "empty" });
        break;
      case "too_big":
        problems.push({ path, code: issue.origin === "array" ? "too-many" : "too-long", args: { max: Number(issue.maximum) } });
        break;
      case "custom": {
        const { problem, ...args } = issue.params as { problem: string; value: string } & Record<string, string | number>;
        problems.push({ path, code: problem, args });
        break;
      }
      case "invalid_union":
        problems.push({ path, code: "deadline-value" });
        break;
      default:
        problems.push({ path, code: "invalid" });
    }
  }
  return problems;
}

function keyValues(issue: z.core.$ZodIssueInvalidKey): string {
  const inner = issue.issues.find((sub) => sub.code === "invalid_value");
  return inner && "values" in inner ? inner.values.map(String).join(", ") : "";
}

export function readOrgFile(text: string, format: "yaml" | "csv"): OrgFileResult {
  return format === "csv" ? readCsv(text) : readYaml(text);
}

function readYaml(text: string): OrgFileResult {
  const document = parseDocument(text, { schema: "failsafe", uniqueKeys: true, prettyErrors: true });
  if (document.errors.length > 0) {
    return {
      ok: false,
      problems: document.errors.map((error) => {
        const position = error.linePos?.[0];
        return {
          path: position ? `line ${position.line}, column ${position.col}` : "(file)",
          code: "yaml-syntax",
          args: { message: (error.message.split("\n")[0] ?? "").replace(/ at line \d+, column \d+:?$/, "") },
        };
      }),
    };
  }
  const parsed = orgFileSchema.safeParse(document.toJS(), { reportInput: true });
  if (!parsed.success) return { ok: false, problems: zodProblems(parsed.error) };
  return checkDefinition(fromYaml(parsed.data));
}

function fromYaml(file: OrgFile): OrgDefinition {
  const deadlines: CampaignDefinition["deadlines"] = [];
  for (const [level, value] of Object.entries(file.campaign?.deadlines ?? {})) {
    const perMilestone: Partial<Record<Milestone, string>> = typeof value === "string" ? { held: value } : value;
    for (const milestone of milestones) {
      const date = perMilestone[milestone];
      if (date) deadlines.push({ level: level as UnitLevel, milestone, date: parseLocalDate(date)! });
    }
  }
  return {
    organization: file.organization,
    campaign: file.campaign
      ? {
          name: file.campaign.name,
          deadlines,
          terms: Object.entries(file.campaign.terms ?? {}).map(([level, term]) => ({ level: level as UnitLevel, term: term! })),
          reminders: file.campaign.reminders ? policyFromFile(file.campaign.reminders) : null,
        }
      : null,
    units: file.units.map((unit) => ({
      code: unit.code,
      name: unit.name,
      level: unit.level,
      parentCode: unit.parent ?? null,
      pilotDate: unit.pilot ? parseLocalDate(unit.pilot) : null,
      term: unit.term ?? null,
    })),
    people: (file.people ?? []).map((person) => ({
      name: person.name,
      phone: normalizeVietnamesePhone(person.phone)!,
      locale: person.locale ?? null,
      roles: (person.roles ?? []).map((role) => ({ role: role.role, unitCode: role.unit })),
    })),
    workingGroups: file.workingGroups
      ? file.workingGroups.map((group) => ({
          name: group.name,
          leaderPhone: normalizeVietnamesePhone(group.leader)!,
          memberPhones: (group.members ?? []).map((phone) => normalizeVietnamesePhone(phone)!),
          unitCodes: group.units ?? [],
        }))
      : null,
    rolesMode: "exact",
  };
}

function readCsv(text: string): OrgFileResult {
  let records: string[][];
  try {
    records = parseCsv(text, { bom: true, skip_empty_lines: true, relax_column_count: true, trim: true });
  } catch (error) {
    return { ok: false, problems: [{ path: "line ?", code: "csv-syntax", args: { message: (error as Error).message } }] };
  }
  const header = records[0] ?? [];
  const missing = csvColumns.filter((column) => !header.includes(column));
  const unknown = header.filter((column) => !(csvColumns as readonly string[]).includes(column));
  if (missing.length > 0 || unknown.length > 0) {
    return {
      ok: false,
      problems: [
        ...missing.map((column) => ({ path: "header", code: "csv-missing-column", args: { value: column } })),
        ...unknown.map((column) => ({ path: "header", code: "csv-unknown-column", args: { value: column } })),
      ],
    };
  }
  const problems: OrgProblem[] = [];
  const rows: OrgCsvRow[] = [];
  records.slice(1).forEach((record, index) => {
    const raw = Object.fromEntries(header.map((column, i) => [column, record[i] ?? ""]));
    const parsed = csvRowSchema.safeParse(raw, { reportInput: true });
    // Rows are numbered as a spreadsheet shows them: the header is row 1.
    if (!parsed.success) problems.push(...zodProblems(parsed.error, [`row ${index + 2}`]));
    else rows.push(parsed.data);
  });
  if (problems.length > 0) return { ok: false, problems };
  if (rows.length === 0) return { ok: false, problems: [{ path: "units", code: "empty-list" }] };
  const top = rows.find((row) => !row.parent) ?? rows[0]!;
  const people = new Map<string, PersonDefinition>();
  for (const row of rows) {
    if (!row.secretary_phone) continue;
    const phone = normalizeVietnamesePhone(row.secretary_phone)!;
    const person = people.get(phone) ?? { name: row.secretary_name ?? row.secretary_phone, phone, locale: null, roles: [] };
    person.roles.push({ role: "secretary", unitCode: row.code });
    people.set(phone, person);
  }
  return checkDefinition(
    {
      organization: { code: top.code, name: top.name },
      campaign: null,
      units: rows.map((row) => ({
        code: row.code,
        name: row.name,
        level: row.level,
        parentCode: row.parent ?? null,
        pilotDate: row.pilot ? parseLocalDate(row.pilot) : null,
        term: null,
      })),
      people: [...people.values()],
      workingGroups: null,
      rolesMode: "add",
    },
    (index) => `row ${index + 2}`,
  );
}

/** The checks that need the whole file: references, the tree's shape, duplicates. */
export function checkDefinition(
  definition: OrgDefinition,
  unitPath: (index: number) => string = (index) => `units[${index}]`,
): OrgFileResult {
  const problems: OrgProblem[] = [];
  const warnings: OrgProblem[] = [];
  const unitIndex = new Map<string, number>();
  definition.units.forEach((unit, index) => {
    const first = unitIndex.get(unit.code);
    if (first !== undefined) {
      problems.push({ path: `${unitPath(index)}.code`, code: "duplicate-code", args: { value: unit.code, first: unitPath(first) } });
    } else unitIndex.set(unit.code, index);
  });
  const byCode = (code: string): UnitDefinition | undefined => {
    const index = unitIndex.get(code);
    return index === undefined ? undefined : definition.units[index];
  };

  const roots: string[] = [];
  definition.units.forEach((unit, index) => {
    if (unit.parentCode === null) {
      roots.push(unit.code);
      if (unit.level === "partial" || unit.level === "cell") {
        problems.push({ path: `${unitPath(index)}.parent`, code: "parent-required", args: { level: unit.level } });
      }
      return;
    }
    const parent = byCode(unit.parentCode);
    if (!parent) {
      problems.push({ path: `${unitPath(index)}.parent`, code: "unknown-unit", args: { value: unit.parentCode } });
    } else if (unit.parentCode === unit.code) {
      problems.push({ path: `${unitPath(index)}.parent`, code: "own-parent", args: { value: unit.code } });
    } else if (!canBeUnder(unit.level, parent.level)) {
      problems.push({
        path: `${unitPath(index)}.parent`,
        code: "level-order",
        args: { level: unit.level, parentLevel: parent.level, value: parent.code },
      });
    }
  });
  if (roots.length === 0 && definition.units.length > 0 && problems.length === 0) {
    problems.push({ path: "units", code: "no-top" });
  } else if (roots.length > 1) {
    problems.push({ path: "units", code: "several-tops", args: { value: roots.join(", ") } });
  }
  for (const cycle of findCycles(definition.units, byCode)) {
    problems.push({ path: `${unitPath(unitIndex.get(cycle[0]!)!)}.parent`, code: "cycle", args: { value: cycle.join(" → ") } });
  }
  if (roots.length === 1 && definition.units.length > 0) {
    const top = byCode(roots[0]!)!;
    if (definition.organization.code !== top.code && byCode(definition.organization.code)) {
      problems.push({ path: "organization.code", code: "organization-not-top", args: { value: definition.organization.code } });
    }
  }

  const peopleByPhone = new Map<string, number>();
  definition.people.forEach((person, index) => {
    const first = peopleByPhone.get(person.phone);
    if (first !== undefined) {
      problems.push({
        path: `people[${index}].phone`,
        code: "duplicate-phone",
        args: { value: person.phone, first: `people[${first}]`, name: definition.people[first]!.name },
      });
    } else peopleByPhone.set(person.phone, index);
    const seen = new Set<string>();
    person.roles.forEach((role, roleIndex) => {
      const rolePath = `people[${index}].roles[${roleIndex}]`;
      if (!byCode(role.unitCode)) problems.push({ path: `${rolePath}.unit`, code: "unknown-unit", args: { value: role.unitCode } });
      const key = `${role.role}@${role.unitCode}`;
      if (seen.has(key)) problems.push({ path: rolePath, code: "duplicate-role", args: { value: role.role, unit: role.unitCode } });
      seen.add(key);
    });
  });

  const groupNames = new Map<string, number>();
  definition.workingGroups?.forEach((group, index) => {
    const groupPath = `workingGroups[${index}]`;
    const first = groupNames.get(group.name);
    if (first !== undefined) {
      problems.push({ path: `${groupPath}.name`, code: "duplicate-group", args: { value: group.name, first: `workingGroups[${first}]` } });
    } else groupNames.set(group.name, index);
    group.unitCodes.forEach((code, unitIndexInGroup) => {
      if (!byCode(code)) problems.push({ path: `${groupPath}.units[${unitIndexInGroup}]`, code: "unknown-unit", args: { value: code } });
    });
    if (!peopleByPhone.has(group.leaderPhone)) {
      warnings.push({ path: `${groupPath}.leader`, code: "leader-not-in-people", args: { value: group.leaderPhone, name: leaderName(group.name) } });
    }
    group.memberPhones.forEach((phone, memberIndex) => {
      if (phone === group.leaderPhone) {
        problems.push({ path: `${groupPath}.members[${memberIndex}]`, code: "leader-is-member", args: { value: phone } });
      } else if (!peopleByPhone.has(phone)) {
        problems.push({ path: `${groupPath}.members[${memberIndex}]`, code: "unknown-person", args: { value: phone } });
      }
    });
  });

  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, definition: withLeadersAsPeople(definition), warnings };
}

/** A leader named only by phone becomes a person addressed by their office, as offices do. */
export function leaderName(groupName: string): string {
  return `Tổ trưởng ${groupName}`;
}

function withLeadersAsPeople(definition: OrgDefinition): OrgDefinition {
  const known = new Set(definition.people.map((person) => person.phone));
  const extra: PersonDefinition[] = [];
  for (const group of definition.workingGroups ?? []) {
    if (known.has(group.leaderPhone)) continue;
    known.add(group.leaderPhone);
    extra.push({ name: leaderName(group.name), phone: group.leaderPhone, locale: null, roles: [] });
  }
  return extra.length === 0 ? definition : { ...definition, people: [...definition.people, ...extra] };
}

function findCycles(units: UnitDefinition[], byCode: (code: string) => UnitDefinition | undefined): string[][] {
  const state = new Map<string, "visiting" | "done">();
  const cycles: string[][] = [];
  for (const start of units) {
    if (state.has(start.code)) continue;
    const trail: string[] = [];
    let current: UnitDefinition | undefined = start;
    while (current && !state.has(current.code)) {
      state.set(current.code, "visiting");
      trail.push(current.code);
      current = current.parentCode && current.parentCode !== current.code ? byCode(current.parentCode) : undefined;
    }
    if (current && state.get(current.code) === "visiting") {
      const from = trail.indexOf(current.code);
      cycles.push([...trail.slice(from), current.code]);
    }
    for (const code of trail) state.set(code, "done");
  }
  return cycles;
}
