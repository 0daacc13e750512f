// A report of a template campaign's milestone: its date and its fields' values, checked against the
// template (types, ranges, required fields, cross-field rules, the date rule). The one-line form
//   /baocao [CODE] [CAMPAIGN] WORD [dd/mm/yyyy] [key=value …]
//   /baocao kiemdiem 20/12/2026 comat=14 tong=15
//   /baocao sinhhoat 05/12/2026 comat=12 tong=15
//   /baocao khonghop lydo=Bí thư đi công tác, họp bù ngày 10
// and the web's form both hand their raw values to checkCampaignValues; nothing here knows of either.
import type { FieldRule, LocalText, TemplateField, TemplateMilestone } from "./campaign-template.js";
import type { LocalDate } from "./local-date.js";
import { parseUserDate, stripDiacritics } from "./user-date.js";

export type FieldValue = number | boolean | string;
export type CampaignValues = Record<string, FieldValue | null>;

export type ValueProblem =
  | { code: "unknown-key"; value: string; keys: string }
  | { code: "duplicate-key"; value: string }
  | { code: "not-a-number"; key: string; value: string; min: number; max: number }
  | { code: "not-yes-no"; key: string; value: string }
  | { code: "not-a-choice"; key: string; value: string; choices: string }
  | { code: "too-long"; key: string; max: number }
  | { code: "missing-key"; key: string; example: string }
  /** `left` and `right`: the fields summed on each side, with the values given. */
  | {
      code: "rule";
      rule: string;
      operator: FieldRule["operator"];
      left: { key: string; label: LocalText; value: number }[];
      right: { key: string; label: LocalText; value: number }[];
    }
  | { code: "date-required"; example: string }
  | { code: "date-not-asked" }
  | { code: "date"; value: string; problem: "format" | "not-a-date" }
  | { code: "date-in-future"; date: LocalDate }
  | { code: "unexpected"; value: string };

/** An example value of a field, for messages and help (`comat=12`). */
export function exampleAssignment(field: TemplateField): string {
  switch (field.type) {
    case "count":
      return `${field.key}=${Math.min(Math.max(12, field.min), field.max)}`;
    case "yesno":
      return `${field.key}=co`;
    case "choice":
      return `${field.key}=${field.choices[0]?.key ?? ""}`;
    case "text":
      return `${field.key}=…`;
  }
}

/** A whole line's example: the milestone's word, a date if it takes one, its required fields. */
export function exampleLine(milestone: TemplateMilestone, today: LocalDate): string {
  const [year, month, day] = today.split("-");
  const date = milestone.date === "none" ? [] : [`${day}/${month}/${year}`];
  const fields = milestone.fields.filter((field) => field.required).map(exampleAssignment);
  return [milestone.words[0], ...date, ...fields].join(" ");
}

/**
 * Checks raw values (key → text as typed) against the milestone's fields: every problem, or the values
 * (a field left out is null: not reported).
 */
export function checkCampaignValues(
  milestone: TemplateMilestone,
  raw: ReadonlyMap<string, string>,
): { ok: true; values: CampaignValues } | { ok: false; problems: ValueProblem[] } {
  const problems: ValueProblem[] = [];
  const values: CampaignValues = {};
  for (const key of raw.keys())
    if (!milestone.fields.some((field) => field.key === key))
      problems.push({ code: "unknown-key", value: key, keys: milestone.fields.map((field) => field.key).join(", ") });
  for (const field of milestone.fields) {
    const text = raw.get(field.key)?.trim();
    if (text === undefined || text === "") {
      values[field.key] = null;
      if (field.required) problems.push({ code: "missing-key", key: field.key, example: exampleAssignment(field) });
      continue;
    }
    const value = readValue(field, text, problems);
    values[field.key] = value;
  }
  if (problems.length === 0)
    for (const rule of milestone.rules) {
      const broken = brokenRule(milestone, rule, values);
      if (broken) problems.push(broken);
    }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, values };
}

function readValue(field: TemplateField, text: string, problems: ValueProblem[]): FieldValue | null {
  switch (field.type) {
    case "count": {
      const number = /^\d{1,7}$/.test(text) ? Number(text) : NaN;
      if (number >= field.min && number <= field.max) return number;
      problems.push({ code: "not-a-number", key: field.key, value: text, min: field.min, max: field.max });
      return null;
    }
    case "yesno": {
      const word = stripDiacritics(text.toLowerCase());
      if (["co", "yes", "y", "1"].includes(word)) return true;
      if (["khong", "no", "n", "0"].includes(word)) return false;
      problems.push({ code: "not-yes-no", key: field.key, value: text });
      return null;
    }
    case "choice": {
      const word = stripDiacritics(text.toLowerCase());
      const choice = field.choices.find((candidate) => candidate.key === word);
      if (choice) return choice.key;
      problems.push({
        code: "not-a-choice",
        key: field.key,
        value: text,
        choices: field.choices.map((candidate) => `${candidate.key} (${candidate.label.vi})`).join(", "),
      });
      return null;
    }
    case "text":
      if (text.length <= field.maxLength) return text;
      problems.push({ code: "too-long", key: field.key, max: field.maxLength });
      return null;
  }
}

/** The rule's problem when the values break it; null when they keep it or a value it needs is not reported. */
function brokenRule(milestone: TemplateMilestone, rule: FieldRule, values: CampaignValues): ValueProblem | null {
  const sum = (keys: readonly string[]) => {
    let total = 0;
    for (const key of keys) {
      const value = values[key];
      if (typeof value !== "number") return null;
      total += value;
    }
    return total;
  };
  const left = sum(rule.left);
  const right = sum(rule.right);
  if (left === null || right === null) return null;
  const holds = {
    "<=": left <= right,
    "<": left < right,
    "=": left === right,
    ">=": left >= right,
    ">": left > right,
  }[rule.operator];
  if (holds) return null;
  const side = (keys: readonly string[]) =>
    keys.map((key) => ({
      key,
      label: milestone.fields.find((field) => field.key === key)?.label ?? { vi: key, en: key },
      value: values[key] as number,
    }));
  return { code: "rule", rule: rule.text, operator: rule.operator, left: side(rule.left), right: side(rule.right) };
}

/** Checks a report's date against the milestone's date rule: the day it names, or null (today). */
export function checkCampaignDate(
  milestone: TemplateMilestone,
  date: LocalDate | null,
  today: LocalDate,
): ValueProblem | null {
  if (date === null)
    return milestone.date === "required" || milestone.date === "laterEvent"
      ? { code: "date-required", example: exampleLine(milestone, today) }
      : null;
  if (milestone.date === "none") return { code: "date-not-asked" };
  // A later event's day (a date fixed) may be ahead; what happened cannot have happened tomorrow.
  if (milestone.date !== "laterEvent" && date > today) return { code: "date-in-future", date };
  return null;
}

export interface ParsedCampaignLine {
  unitCode: string | null;
  /** The campaign's key, when the line names it. */
  campaignKey: string | null;
  word: string;
  date: LocalDate | null;
  raw: Map<string, string>;
}

/**
 * Splits a one-line report into its parts without knowing the campaign: an optional unit code and
 * campaign key before the milestone's word (`isWord` and `isCampaign` tell them apart), an optional
 * date, then key=value pairs; a text value runs to the end of the line unless quoted.
 */
export function splitCampaignLine(
  text: string,
  today: LocalDate,
  isWord: (word: string) => boolean,
  isCampaign: (key: string) => boolean,
): { ok: true; line: ParsedCampaignLine } | { ok: false; problems: ValueProblem[] } {
  // "hôm nay", "hôm qua", "ngày mai" are one date each (in the words before the pairs, not in a value).
  const pairsAt = text.search(/(^|\s)[^\s=]+=/);
  const before = pairsAt < 0 ? text : text.slice(0, pairsAt);
  const head =
    `${before.replace(/\b(h[oô]m|ng[aà]y)\s+(nay|qua|mai)\b/giu, "$1$2")}${pairsAt < 0 ? "" : text.slice(pairsAt)}`.trim();
  const tokens: string[] = [];
  const raw = new Map<string, string>();
  const problems: ValueProblem[] = [];
  let rest = head;
  // Leading words up to the first key=value pair.
  while (rest.length > 0) {
    const pair = /^([^\s=]+)=/.exec(rest);
    if (pair) break;
    const match = /^(\S+)\s*/.exec(rest)!;
    tokens.push(match[1]!);
    rest = rest.slice(match[0].length);
  }
  // key="quoted value" or key=value; an unquoted value whose next token is not a pair runs on.
  while (rest.length > 0) {
    const pair = /^([^\s=]+)=("([^"]*)"|(.*?))(?=\s+[^\s=]+=|\s*$)\s*/.exec(rest);
    if (!pair) break;
    const key = stripDiacritics(pair[1]!.toLowerCase());
    if (raw.has(key)) problems.push({ code: "duplicate-key", value: key });
    else raw.set(key, pair[3] ?? pair[4] ?? "");
    rest = rest.slice(pair[0].length);
  }
  const normal = (token: string) => stripDiacritics(token.toLowerCase());
  let index = 0;
  let unitCode: string | null = null;
  let campaignKey: string | null = null;
  const wordAt = tokens.findIndex((token) => isWord(normal(token)));
  if (wordAt < 0) return { ok: false, problems: [{ code: "unexpected", value: tokens[0] ?? text }] };
  for (const token of tokens.slice(0, wordAt)) {
    if (campaignKey === null && isCampaign(normal(token))) campaignKey = normal(token);
    else if (unitCode === null && campaignKey === null) unitCode = token;
    else problems.push({ code: "unexpected", value: token });
  }
  index = wordAt + 1;
  let date: LocalDate | null = null;
  for (const token of tokens.slice(index)) {
    if (date !== null) {
      problems.push({ code: "unexpected", value: token });
      continue;
    }
    const parsed = parseUserDate(token, today);
    if (parsed.ok) date = parsed.date;
    else problems.push({ code: "date", value: token, problem: parsed.problem });
  }
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, line: { unitCode, campaignKey, word: normal(tokens[wordAt]!), date, raw } };
}
