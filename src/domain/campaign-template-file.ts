// Reads a campaign template file (YAML) into a CampaignTemplate, or every problem with its place, the way
// org files are read (org-file.ts): YAML's failsafe schema, so every scalar is a string checked here;
// the shape by zod, then the checks across entries (a milestone closing one that does not come before it,
// a rule naming a field the milestone does not have, a figure's text with a placeholder its kind has not).
import { z } from "zod";
import {
  statisticPlaceholders,
  placeholdersOf,
  type CampaignTemplate,
  type FieldRule,
  type LocalText,
  type RuleOperator,
  type TemplateField,
  type TemplateMilestone,
  type TemplateStatistic,
} from "./campaign-template.js";
import { unitLevels, type UnitLevel } from "./levels.js";
import type { OrgProblem } from "./org-definition.js";
import { formatProblemPath, readYamlValue, zodProblems } from "./org-file.js";
import { optional, wholeNumber } from "./org-file-schema.js";

/** The built-in templates' keys: an office's own template takes another. */
export const builtInTemplateKeys = ["congress", "review", "study", "meeting"] as const;

export type TemplateFileResult = { ok: true; template: CampaignTemplate } | { ok: false; problems: OrgProblem[] };

const patternText = (pattern: RegExp, problem: string) =>
  z
    .string()
    .trim()
    .superRefine((value, ctx) => {
      if (!pattern.test(value)) ctx.addIssue({ code: "custom", params: { problem, value } });
    });

export const templateKeyPattern = /^[a-z][a-z0-9-]{1,31}$/;
const wordPattern = /^[a-z][a-z0-9]{1,19}$/;
const fieldKeyPattern = /^[a-z][a-z0-9]{0,19}$/;

const localText = (max: number) =>
  z.object({ vi: z.string().trim().min(1).max(max), en: z.string().trim().min(1).max(max) }).strict();

const fieldSchema = z
  .object({
    key: patternText(fieldKeyPattern, "field-key-format"),
    type: z.enum(["count", "yesno", "choice", "text"]),
    label: localText(120),
    question: localText(300),
    required: optional(z.enum(["true", "false"])),
    min: optional(wholeNumber(0, 1_000_000)),
    max: optional(wholeNumber(0, 1_000_000)),
    maxLength: optional(wholeNumber(1, 2000)),
    choices: optional(
      z
        .array(z.object({ key: patternText(fieldKeyPattern, "field-key-format"), label: localText(120) }).strict())
        .max(10),
    ),
  })
  .strict();

const milestoneSchema = z
  .object({
    key: patternText(fieldKeyPattern, "field-key-format"),
    words: z.array(patternText(wordPattern, "word-format")).min(1).max(5),
    label: localText(120),
    date: optional(z.enum(["required", "optional", "none", "laterEvent"])),
    closes: optional(z.array(z.string().trim())),
    fields: optional(z.array(fieldSchema).max(20)),
    rules: optional(z.array(z.string().trim().min(1).max(200)).max(20)),
  })
  .strict();

const statisticSchema = z
  .object({
    kind: z.enum(["reached", "choices", "ratio", "shares"]),
    milestone: z.string().trim().min(1),
    field: optional(z.string().trim()),
    fields: optional(z.array(z.string().trim()).min(1).max(10)),
    numerator: optional(z.array(z.string().trim()).min(1).max(10)),
    denominator: optional(z.array(z.string().trim()).min(1).max(10)),
    level: optional(z.enum(unitLevels)),
    decimals: optional(wholeNumber(0, 3)),
    text: localText(300),
  })
  .strict();

export const templateFileSchema = z
  .object({
    key: patternText(templateKeyPattern, "template-key-format"),
    name: localText(200),
    recurrence: optional(z.enum(["once", "monthly"])),
    levels: optional(z.array(z.enum(unitLevels)).min(1)),
    final: optional(z.string().trim()),
    milestones: z.array(milestoneSchema).min(1).max(12),
    statistics: optional(z.array(statisticSchema).max(20)),
    deadlines: optional(z.partialRecord(z.enum(unitLevels), z.record(z.string(), wholeNumber(0, 3650)))),
  })
  .strict();

type TemplateFile = z.infer<typeof templateFileSchema>;

/** Reads a template file's text; `builtIn` lets the built-in templates use their own keys. */
export function readTemplateFile(text: string, options: { builtIn?: boolean } = {}): TemplateFileResult {
  const value = readYamlValue(text);
  if (!value.ok) return value;
  const parsed = templateFileSchema.safeParse(value.value, { reportInput: true });
  if (!parsed.success) return { ok: false, problems: zodProblems(parsed.error) };
  const problems: OrgProblem[] = [];
  const template = buildTemplate(parsed.data, problems);
  if (!options.builtIn && (builtInTemplateKeys as readonly string[]).includes(template.key))
    problems.push({ path: "key", code: "template-key-built-in", args: { value: template.key } });
  return problems.length > 0 ? { ok: false, problems } : { ok: true, template };
}

function buildTemplate(file: TemplateFile, problems: OrgProblem[]): CampaignTemplate {
  const recurrence = file.recurrence ?? "once";
  const levels = [...new Set(file.levels ?? ["cell"])] as UnitLevel[];
  const milestones: TemplateMilestone[] = [];
  const keyAt = new Map<string, string>();
  const wordAt = new Map<string, string>();
  file.milestones.forEach((entry, index) => {
    const at = (...rest: PropertyKey[]) => formatProblemPath(["milestones", index, ...rest]);
    const first = keyAt.get(entry.key);
    if (first) problems.push({ path: at("key"), code: "duplicate-code", args: { value: entry.key, first } });
    entry.words.forEach((word, wordIndex) => {
      const firstWord = wordAt.get(word);
      if (firstWord)
        problems.push({
          path: at("words", wordIndex),
          code: "duplicate-word",
          args: { value: word, first: firstWord },
        });
      else wordAt.set(word, at("words", wordIndex));
    });
    const closes = [...new Set(entry.closes ?? [])];
    // Usually an earlier milestone (a congress held closes its plan); two alternatives may close each
    // other (a monthly meeting held, or not held with its reason).
    closes.forEach((closed, closedIndex) => {
      if (closed === entry.key) problems.push({ path: at("closes", closedIndex), code: "closes-itself" });
      else if (!file.milestones.some((other) => other.key === closed))
        problems.push({ path: at("closes", closedIndex), code: "unknown-milestone", args: { value: closed } });
    });
    const fields = buildFields(entry.fields ?? [], (...rest) => at("fields", ...rest), problems);
    const rules = (entry.rules ?? []).flatMap((text, ruleIndex) => {
      const rule = parseRule(text, fields, at("rules", ruleIndex), problems);
      return rule ? [rule] : [];
    });
    if (!first) keyAt.set(entry.key, at("key"));
    milestones.push({
      key: entry.key,
      words: entry.words,
      label: entry.label,
      date: entry.date ?? "optional",
      closes,
      fields,
      rules,
    });
  });
  const laterEvent = milestones.filter((milestone) => milestone.date === "laterEvent");
  if (laterEvent.length > 1)
    problems.push({
      path: formatProblemPath(["milestones", milestones.indexOf(laterEvent[1]!), "date"]),
      code: "several-later-event",
    });
  const final = file.final ?? milestones.at(-1)!.key;
  if (file.final !== undefined && !keyAt.has(file.final))
    problems.push({ path: "final", code: "unknown-milestone", args: { value: file.final } });
  const statistics = (file.statistics ?? []).flatMap((entry, index) => {
    const statistic = buildStatistic(entry, milestones, levels, ["statistics", index], problems);
    return statistic ? [statistic] : [];
  });
  const deadlines: CampaignTemplate["deadlines"] = {};
  for (const [level, perMilestone] of Object.entries(file.deadlines ?? {})) {
    const days: Record<string, number> = {};
    for (const [milestone, value] of Object.entries(perMilestone ?? {})) {
      const path = formatProblemPath(["deadlines", level, milestone]);
      if (!keyAt.has(milestone)) problems.push({ path, code: "unknown-milestone", args: { value: milestone } });
      else if (recurrence === "monthly" && (Number(value) < 1 || Number(value) > 31))
        problems.push({ path, code: "whole-number", args: { value, min: 1, max: 31 } });
      else days[milestone] = Number(value);
    }
    deadlines[level as UnitLevel] = days;
  }
  return { key: file.key, name: file.name, recurrence, levels, milestones, final, statistics, deadlines };
}

function buildFields(
  entries: NonNullable<TemplateFile["milestones"][number]["fields"]>,
  at: (...rest: PropertyKey[]) => string,
  problems: OrgProblem[],
): TemplateField[] {
  const seen = new Map<string, string>();
  return entries.map((entry, index) => {
    const first = seen.get(entry.key);
    if (first) problems.push({ path: at(index, "key"), code: "duplicate-code", args: { value: entry.key, first } });
    else seen.set(entry.key, at(index, "key"));
    const min = entry.min === undefined ? 0 : Number(entry.min);
    const max = entry.max === undefined ? 100_000 : Number(entry.max);
    if ((entry.min !== undefined || entry.max !== undefined) && entry.type !== "count")
      problems.push({ path: at(index, entry.min !== undefined ? "min" : "max"), code: "range-only-for-count" });
    else if (min > max) problems.push({ path: at(index, "max"), code: "range-order", args: { min, max } });
    const choices = entry.choices ?? [];
    if (entry.type === "choice") {
      if (choices.length < 2) problems.push({ path: at(index, "choices"), code: "choices-too-few" });
      const keys = new Set<string>();
      choices.forEach((choice, choiceIndex) => {
        if (keys.has(choice.key))
          problems.push({
            path: at(index, "choices", choiceIndex, "key"),
            code: "duplicate-choice",
            args: { value: choice.key },
          });
        keys.add(choice.key);
      });
    } else if (entry.choices !== undefined)
      problems.push({ path: at(index, "choices"), code: "choices-only-for-choice" });
    return {
      key: entry.key,
      type: entry.type,
      label: entry.label,
      question: entry.question,
      required: entry.required === "true",
      min,
      max,
      maxLength: entry.maxLength === undefined ? 500 : Number(entry.maxLength),
      choices,
    };
  });
}

const ruleOperators: readonly RuleOperator[] = ["<=", ">=", "<", ">", "="];

/** "comat <= tong", "xs + tot + ht + kht = danhgia": sums of count fields compared. */
function parseRule(
  text: string,
  fields: readonly TemplateField[],
  path: string,
  problems: OrgProblem[],
): FieldRule | null {
  const match = /^([a-z0-9+\s]+?)\s*(<=|>=|<|>|=)\s*([a-z0-9+\s]+)$/.exec(text);
  const side = (part: string) => part.split("+").map((name) => name.trim());
  if (!match || [...side(match[1]!), ...side(match[3]!)].some((name) => !fieldKeyPattern.test(name))) {
    problems.push({ path, code: "rule-format", args: { value: text } });
    return null;
  }
  const left = side(match[1]!);
  const right = side(match[3]!);
  let ok = true;
  for (const name of [...left, ...right]) {
    const field = fields.find((candidate) => candidate.key === name);
    if (field?.type !== "count") {
      problems.push({ path, code: field ? "not-a-count" : "unknown-field", args: { value: name } });
      ok = false;
    }
  }
  const operator = ruleOperators.find((candidate) => candidate === match[2]);
  return ok && operator ? { left, operator, right, text } : null;
}

function buildStatistic(
  entry: NonNullable<TemplateFile["statistics"]>[number],
  milestones: readonly TemplateMilestone[],
  levels: readonly UnitLevel[],
  place: PropertyKey[],
  problems: OrgProblem[],
): TemplateStatistic | null {
  const at = (...rest: PropertyKey[]) => formatProblemPath([...place, ...rest]);
  const before = problems.length;
  const milestone = milestones.find((candidate) => candidate.key === entry.milestone);
  if (!milestone) problems.push({ path: at("milestone"), code: "unknown-milestone", args: { value: entry.milestone } });
  const level = entry.level ?? null;
  if (level !== null && !levels.includes(level))
    problems.push({ path: at("level"), code: "level-not-asked", args: { value: level, values: levels.join(", ") } });
  const allowed = statisticPlaceholders[entry.kind];
  for (const language of ["vi", "en"] as const) {
    for (const name of placeholdersOf(entry.text[language]))
      if (!allowed.includes(name))
        problems.push({
          path: at("text", language),
          code: "placeholder",
          args: { value: `{${name}}`, values: allowed.map((item) => `{${item}}`).join(" ") },
        });
  }
  const needed: Record<TemplateStatistic["kind"], ("field" | "fields" | "numerator" | "denominator")[]> = {
    reached: [],
    choices: ["field"],
    ratio: ["numerator", "denominator"],
    shares: ["fields"],
  };
  for (const name of needed[entry.kind])
    if (entry[name] === undefined) problems.push({ path: at(name), code: "required" });
  const fieldOf = (name: string, type: TemplateField["type"], path: string) => {
    if (!milestone) return;
    const field = milestone.fields.find((candidate) => candidate.key === name);
    if (!field) problems.push({ path, code: "unknown-field", args: { value: name } });
    else if (field.type !== type)
      problems.push({ path, code: type === "count" ? "not-a-count" : "not-a-choice", args: { value: name } });
  };
  if (entry.kind === "choices" && entry.field !== undefined) fieldOf(entry.field, "choice", at("field"));
  for (const name of ["fields", "numerator", "denominator"] as const)
    if (needed[entry.kind].includes(name))
      for (const [index, field] of (entry[name] ?? []).entries()) fieldOf(field, "count", at(name, index));
  if (problems.length > before) return null;
  const common = {
    milestone: entry.milestone,
    level,
    decimals: entry.decimals === undefined ? 1 : Number(entry.decimals),
    text: entry.text as LocalText,
  };
  switch (entry.kind) {
    case "reached":
      return { kind: "reached", ...common };
    case "choices":
      return { kind: "choices", field: entry.field!, ...common };
    case "ratio":
      return { kind: "ratio", numerator: entry.numerator!, denominator: entry.denominator!, ...common };
    case "shares":
      return { kind: "shares", fields: entry.fields!, ...common };
  }
}
