// Reads an org file (YAML or CSV text) into a validated OrgDefinition, or the full list of problems.
import { parse as parseCsv } from "csv-parse/sync";
import { isAlias, isMap, isPair, isSeq, LineCounter, parseDocument, visit, type Document } from "yaml";
import type { z } from "zod";
import { canBeUnder, milestones, type Milestone, type UnitLevel } from "./levels.js";
import { parseLocalDate } from "./local-date.js";
import type {
  CampaignDefinition,
  OrgDefinition,
  OrgProblem,
  PersonDefinition,
  UnitDefinition,
} from "./org-definition.js";
import { csvColumns, csvRowSchema, orgFileSchema, type OrgCsvRow, type OrgFile } from "./org-file-schema.js";
import { formatPhoneForDisplay, parseVietnamesePhone } from "./phone.js";
import { policyFromFile } from "./reminder-settings.js";
import type { TemplateCampaignEntry } from "./template-campaign.js";

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
        for (const key of issue.keys)
          problems.push({ path: formatProblemPath([...prefix, ...issue.path, key]), code: "unknown-key" });
        break;
      case "invalid_type":
        problems.push(
          issue.input === undefined
            ? { path, code: "required" }
            : { path, code: "type", args: { expected: issue.expected === "array" ? "list" : issue.expected } },
        );
        break;
      case "invalid_value":
        problems.push({
          path,
          code: "one-of",
          args: { value: String(issue.input), values: issue.values.map(String).join(", ") },
        });
        break;
      case "invalid_key":
        problems.push({ path, code: "one-of", args: { value: String(issue.input), values: keyValues(issue) } });
        break;
      case "too_small":
        problems.push(issue.origin === "array" ? { path, code: "empty-list" } : { path, code: "empty" });
        break;
      case "too_big":
        problems.push({
          path,
          code: issue.origin === "array" ? "too-many" : "too-long",
          args: { max: Number(issue.maximum) },
        });
        break;
      case "custom": {
        const { problem, ...args } = issue.params as { problem: string; value: string } & Record<
          string,
          string | number
        >;
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
  const value = readYamlValue(text);
  if (!value.ok) return value;
  const parsed = orgFileSchema.safeParse(value.value, { reportInput: true });
  if (!parsed.success) return { ok: false, problems: zodProblems(parsed.error) };
  const renumbered: OrgProblem[] = [];
  const campaignProblems: OrgProblem[] = [];
  const definition = fromYaml(parsed.data, renumbered, campaignProblems);
  const checked = checkDefinition(definition);
  if (campaignProblems.length > 0)
    return { ok: false, problems: [...campaignProblems, ...(checked.ok ? [] : checked.problems)] };
  return withWarnings(checked, renumbered);
}

/** Expanded nodes that aliases (`*name`) may add to a file before it is refused as an alias bomb. */
export const maxAliasExpansion = 100_000;
/** Files from this size are read fifty list entries at a time (see readYamlInChunks). */
const chunkedFromChars = 256 * 1024;

export type YamlValueResult = { ok: true; value: unknown } | { ok: false; problems: OrgProblem[] };

/**
 * The YAML text as plain values (every scalar a string: the failsafe schema). Large files whose big
 * lists are block sequences are read in pieces (same values, a fraction of the memory and time);
 * anything else, and any piece that does not read cleanly, is read whole, which names every problem's place.
 */
export function readYamlValue(
  text: string,
  options: { chunkItems?: number; chunkedFromChars?: number } = {},
): YamlValueResult {
  if (text.length >= (options.chunkedFromChars ?? chunkedFromChars)) {
    const value = readYamlInChunks(text, options.chunkItems ?? 50);
    if (value !== null) return { ok: true, value };
  }
  return readYamlWhole(text);
}

function readYamlWhole(text: string): YamlValueResult {
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { schema: "failsafe", uniqueKeys: true, prettyErrors: true, lineCounter });
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
  const bomb = findAliasBomb(document);
  if (bomb) {
    const position = lineCounter.linePos(bomb.offset);
    return {
      ok: false,
      problems: [
        {
          path: `line ${position.line}, column ${position.col}`,
          code: "yaml-aliases",
          args: { value: bomb.name, max: maxAliasExpansion },
        },
      ],
    };
  }
  try {
    // Expansion is bounded by findAliasBomb; yaml's own guard (100 uses of a large anchor) would refuse honest files.
    return { ok: true, value: document.toJS({ maxAliasCount: -1 }) };
  } catch (error) {
    return {
      ok: false,
      problems: [{ path: "(file)", code: "yaml-syntax", args: { message: (error as Error).message } }],
    };
  }
}

/**
 * The first alias at which the document, aliases expanded, would exceed maxAliasExpansion nodes more
 * than it has ("billion laughs": ten aliases of ten aliases of … grow to millions of entries).
 */
function findAliasBomb(document: Document): { offset: number; name: string } | null {
  const sizes = new Map<unknown, number>();
  let expanded = 0;
  let found: { offset: number; name: string } | null = null;
  const sizeOf = (node: unknown): number => {
    if (found) return 0;
    if (isAlias(node)) {
      // An alias refers to an anchor earlier in the file; one inside its own anchor counts as itself.
      const size = sizes.get(node.resolve(document)) ?? 1;
      expanded += size;
      if (expanded > maxAliasExpansion) found = { offset: node.range?.[0] ?? 0, name: node.source };
      return size;
    }
    let size = 1;
    if (isMap(node) || isSeq(node)) {
      for (const item of node.items) size += isPair(item) ? sizeOf(item.key) + sizeOf(item.value) : sizeOf(item);
    }
    sizes.set(node, size);
    return size;
  };
  sizeOf(document.contents);
  return found;
}

const chunkedSections = new Set(["units", "people", "workingGroups"]);

/**
 * Reads a large file's `units:`, `people:` and `workingGroups:` block sequences a chunk of items at a
 * time, and the rest as one small document. Null when the file is not of that simple shape (directives,
 * several documents, anchors or aliases, a sequence at column 0, a list written inline) or when any
 * piece has a problem: the caller then reads the whole file, which reports problems with their places.
 */
function readYamlInChunks(text: string, chunkItems: number): Record<string, unknown> | null {
  const lines = text.split("\n");
  const skeleton: string[] = [];
  const sections = new Map<string, unknown[]>();
  const read = (piece: string): unknown => {
    const document = parseDocument(piece, { schema: "failsafe", uniqueKeys: true });
    if (document.errors.length > 0 || document.warnings.length > 0) return undefined;
    let aliases = false;
    visit(document, {
      Node(_key, node) {
        if (isAlias(node) || node.anchor) {
          aliases = true;
          return visit.BREAK;
        }
        return undefined;
      },
    });
    return aliases ? undefined : document.toJS();
  };
  let index = 0;
  while (index < lines.length) {
    const line = lines[index]!;
    if (/^(---|\.\.\.|%)/.test(line)) return null;
    const header = /^([A-Za-z]+):[ \t]*(#.*)?\r?$/.exec(line);
    if (!header || !chunkedSections.has(header[1]!)) {
      skeleton.push(line);
      index++;
      continue;
    }
    if (sections.has(header[1]!)) return null;
    // The section's body: every line up to the next one starting at column 0 (comments and blank lines aside).
    let end = index + 1;
    while (end < lines.length && !/^[^\s#]/.test(lines[end]!)) end++;
    const body = lines.slice(index + 1, end);
    const first = body.find((candidate) => !/^\s*(#.*)?\r?$/.test(candidate));
    const indent = first === undefined ? null : /^( +)-(?: |\r?$)/.exec(first)?.[1];
    if (indent === undefined) return null;
    if (indent === null) {
      skeleton.push(line, ...body);
      index = end;
      continue;
    }
    const items: unknown[] = [];
    let chunk: string[] = [];
    let count = 0;
    const flush = (): boolean => {
      if (chunk.length === 0) return true;
      const value = read(chunk.join("\n"));
      chunk = [];
      count = 0;
      if (!Array.isArray(value)) return false;
      for (const item of value) items.push(item);
      return true;
    };
    for (const candidate of body) {
      const isItem =
        candidate.startsWith(indent) &&
        candidate[indent.length] === "-" &&
        /^(?: |\r?$)/.test(candidate.slice(indent.length + 1));
      if (!isItem && !candidate.startsWith(indent) && !/^\s*(#.*)?\r?$/.test(candidate)) return null;
      if (isItem && count === chunkItems && !flush()) return null;
      if (isItem) count++;
      chunk.push(candidate);
    }
    if (!flush()) return null;
    sections.set(header[1]!, items);
    skeleton.push(`${header[1]}:`);
    index = end;
  }
  const rest = read(skeleton.join("\n"));
  if (rest === null || typeof rest !== "object" || Array.isArray(rest)) return null;
  const value = rest as Record<string, unknown>;
  for (const [key, items] of sections) {
    if (value[key] !== null && value[key] !== "") return null;
    value[key] = items;
  }
  return value;
}

/** Notes found while reading (a renumbered phone) come first, then those of the whole-file checks. */
function withWarnings(result: OrgFileResult, warnings: OrgProblem[]): OrgFileResult {
  return result.ok && warnings.length > 0 ? { ...result, warnings: [...warnings, ...result.warnings] } : result;
}

/** A phone written before Vietnam's 2018 renumbering: today's number, and a note naming its place. */
function phoneAt(input: string, path: string, notes: OrgProblem[]): string {
  const parsed = parseVietnamesePhone(input)!;
  if (parsed.renumbered)
    notes.push({
      path,
      code: "phone-renumbered",
      args: { value: input.trim(), phone: formatPhoneForDisplay(parsed.phone) },
    });
  return parsed.phone;
}

function fromYaml(file: OrgFile, notes: OrgProblem[], problems: OrgProblem[]): OrgDefinition {
  const deadlines: CampaignDefinition["deadlines"] = [];
  for (const [level, value] of Object.entries(file.campaign?.deadlines ?? {})) {
    const perMilestone: Partial<Record<Milestone, string>> = typeof value === "string" ? { held: value } : value;
    for (const milestone of milestones) {
      const date = perMilestone[milestone];
      if (date) deadlines.push({ level: level as UnitLevel, milestone, date: parseLocalDate(date)! });
    }
  }
  const listed = campaignsFromFile(file, problems);
  return {
    organization: {
      code: file.organization.code,
      name: file.organization.name,
      superior: file.organization.superior ?? null,
      committee: file.organization.committee ?? null,
      place: file.organization.place ?? null,
    },
    campaign: file.campaign
      ? {
          name: file.campaign.name,
          deadlines,
          terms: Object.entries(file.campaign.terms ?? {}).map(([level, term]) => ({
            level: level as UnitLevel,
            term: term!,
          })),
          reminders: file.campaign.reminders ? policyFromFile(file.campaign.reminders) : null,
        }
      : listed.congress,
    templateCampaigns: file.campaigns ? listed.others : null,
    units: file.units.map((unit) => ({
      code: unit.code,
      name: unit.name,
      level: unit.level,
      parentCode: unit.parent ?? null,
      pilotDate: unit.pilot ? parseLocalDate(unit.pilot) : null,
      term: unit.term ?? null,
    })),
    people: (file.people ?? []).map((person, index) => ({
      name: person.name,
      phone: phoneAt(person.phone, `people[${index}].phone`, notes),
      locale: person.locale ?? null,
      roles: (person.roles ?? []).map((role) => ({ role: role.role, unitCode: role.unit })),
    })),
    workingGroups: file.workingGroups
      ? file.workingGroups.map((group, index) => ({
          name: group.name,
          leaderPhone: phoneAt(group.leader, `workingGroups[${index}].leader`, notes),
          memberPhones: (group.members ?? []).map((phone, member) =>
            phoneAt(phone, `workingGroups[${index}].members[${member}]`, notes),
          ),
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
    return {
      ok: false,
      problems: [{ path: "line ?", code: "csv-syntax", args: { message: (error as Error).message } }],
    };
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
  const notes: OrgProblem[] = [];
  for (const [index, row] of rows.entries()) {
    if (!row.secretary_phone) continue;
    const phone = phoneAt(row.secretary_phone, `row ${index + 2}.secretary_phone`, notes);
    const person = people.get(phone) ?? {
      name: row.secretary_name ?? row.secretary_phone,
      phone,
      locale: null,
      roles: [],
    };
    person.roles.push({ role: "secretary", unitCode: row.code });
    people.set(phone, person);
  }
  const result = checkDefinition(
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
  return withWarnings(result, notes);
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
      problems.push({
        path: `${unitPath(index)}.code`,
        code: "duplicate-code",
        args: { value: unit.code, first: unitPath(first) },
      });
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
    problems.push({
      path: `${unitPath(unitIndex.get(cycle[0]!)!)}.parent`,
      code: "cycle",
      args: { value: cycle.join(" → ") },
    });
  }
  if (roots.length === 1 && definition.units.length > 0) {
    const top = byCode(roots[0]!)!;
    if (definition.organization.code !== top.code && byCode(definition.organization.code)) {
      problems.push({
        path: "organization.code",
        code: "organization-not-top",
        args: { value: definition.organization.code },
      });
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
      if (!byCode(role.unitCode))
        problems.push({ path: `${rolePath}.unit`, code: "unknown-unit", args: { value: role.unitCode } });
      const key = `${role.role}@${role.unitCode}`;
      if (seen.has(key))
        problems.push({ path: rolePath, code: "duplicate-role", args: { value: role.role, unit: role.unitCode } });
      seen.add(key);
    });
  });

  const groupNames = new Map<string, number>();
  definition.workingGroups?.forEach((group, index) => {
    const groupPath = `workingGroups[${index}]`;
    const first = groupNames.get(group.name);
    if (first !== undefined) {
      problems.push({
        path: `${groupPath}.name`,
        code: "duplicate-group",
        args: { value: group.name, first: `workingGroups[${first}]` },
      });
    } else groupNames.set(group.name, index);
    group.unitCodes.forEach((code, unitIndexInGroup) => {
      if (!byCode(code))
        problems.push({ path: `${groupPath}.units[${unitIndexInGroup}]`, code: "unknown-unit", args: { value: code } });
    });
    if (!peopleByPhone.has(group.leaderPhone)) {
      warnings.push({
        path: `${groupPath}.leader`,
        code: "leader-not-in-people",
        args: { value: group.leaderPhone, name: leaderName(group.name) },
      });
    }
    group.memberPhones.forEach((phone, memberIndex) => {
      if (phone === group.leaderPhone) {
        problems.push({
          path: `${groupPath}.members[${memberIndex}]`,
          code: "leader-is-member",
          args: { value: phone },
        });
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

/**
 * The `campaigns:` list: its congress entry (at most one, and none beside a `campaign:`: one congress
 * campaign runs at a time) and the others, whose templates are looked up when they are imported
 * (template-campaign.ts).
 */
function campaignsFromFile(
  file: OrgFile,
  problems: OrgProblem[],
): { congress: CampaignDefinition | null; others: TemplateCampaignEntry[] } {
  const entries = file.campaigns ?? [];
  let congress: CampaignDefinition | null = null;
  const others: TemplateCampaignEntry[] = [];
  const keys = new Map<string, string>();
  // The congress's `campaign:` name is taken too: names are unique in an organisation.
  const names = new Map<string, string>(file.campaign ? [[file.campaign.name, "campaign.name"]] : []);
  entries.forEach((entry, index) => {
    const path = `campaigns[${index}]`;
    const firstKey = keys.get(entry.key);
    if (firstKey)
      problems.push({ path: `${path}.key`, code: "duplicate-code", args: { value: entry.key, first: firstKey } });
    keys.set(entry.key, `${path}.key`);
    const firstName = names.get(entry.name);
    if (firstName)
      problems.push({
        path: `${path}.name`,
        code: "duplicate-campaign-name",
        args: { value: entry.name, first: firstName },
      });
    names.set(entry.name, `${path}.name`);
    if (entry.template !== "congress" && entry.terms)
      problems.push({ path: `${path}.terms`, code: "terms-only-for-congress" });
    const reminders = entry.reminders ? policyFromFile(entry.reminders) : null;
    if (entry.template === "congress") {
      if (congress || file.campaign) {
        problems.push({ path: `${path}.template`, code: "several-congresses" });
        return;
      }
      congress = {
        key: entry.key,
        name: entry.name,
        deadlines: congressDeadlines(entry.deadlines ?? {}, `${path}.deadlines`, problems),
        terms: Object.entries(entry.terms ?? {}).map(([level, term]) => ({ level: level as UnitLevel, term: term! })),
        reminders,
      };
      return;
    }
    others.push({
      key: entry.key,
      name: entry.name,
      template: entry.template,
      opensOn: entry.opens ? parseLocalDate(entry.opens) : null,
      deadlines: Object.entries(entry.deadlines ?? {}).flatMap(([level, value]): TemplateCampaignEntry["deadlines"] =>
        typeof value === "string"
          ? [{ level: level as UnitLevel, milestone: null, value }]
          : Object.entries(value).map(([milestone, date]) => ({ level: level as UnitLevel, milestone, value: date })),
      ),
      reminders,
      path,
    });
  });
  return { congress, others };
}

/** A congress entry's deadlines: dates of the congress's milestones (a level's single date: the congress held). */
function congressDeadlines(
  written: Partial<Record<UnitLevel, string | Record<string, string>>>,
  path: string,
  problems: OrgProblem[],
): CampaignDefinition["deadlines"] {
  const deadlines: CampaignDefinition["deadlines"] = [];
  for (const [level, value] of Object.entries(written)) {
    const perMilestone = typeof value === "string" ? { held: value } : (value ?? {});
    for (const [milestone, text] of Object.entries(perMilestone)) {
      const place = typeof value === "string" ? `${path}.${level}` : `${path}.${level}.${milestone}`;
      const date = parseLocalDate(text);
      if (!(milestones as readonly string[]).includes(milestone))
        problems.push({ path: place, code: "one-of", args: { value: milestone, values: milestones.join(", ") } });
      else if (!date) problems.push({ path: place, code: "date", args: { value: text } });
      else deadlines.push({ level: level as UnitLevel, milestone: milestone as Milestone, date });
    }
  }
  return deadlines;
}
