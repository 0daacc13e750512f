// A campaign template: what a campaign asks of every unit, as data. The congress, the annual review and
// rating, resolution study and the monthly cell meeting are built-in templates (templates/*.yaml, read by
// src/campaign-templates.ts); an office writes its own in the same form (docs/campaign-templates.md).
//
// A template names its milestones in order (which later one closes which earlier ones, which carry a
// date), the fields each records (type, range, required or not, cross-field rules, the one-line key and
// the question in both languages), the figures rolled up per level in the office's own words, and the
// default deadline of each milestone per level. Its plan (campaign-plan.ts) is what the checklist,
// reminders and lists judge a unit by, the same for every template.
import type { CampaignPlan } from "./campaign-plan.js";
import type { UnitLevel } from "./levels.js";

/** A text in both of the product's languages (Vietnamese first). */
export interface LocalText {
  vi: string;
  en: string;
}

export type FieldType = "count" | "yesno" | "choice" | "text";

export interface TemplateField {
  /** The one-line form's key (comat=12) and the payload's name. */
  key: string;
  type: FieldType;
  label: LocalText;
  /** What the guided flow and the web form ask. */
  question: LocalText;
  required: boolean;
  /** A count's range. */
  min: number;
  max: number;
  /** A text's longest length. */
  maxLength: number;
  /** A choice's options, in the order they are shown and counted. */
  choices: { key: string; label: LocalText }[];
}

export type RuleOperator = "<=" | "<" | "=" | ">=" | ">";

/** A rule across count fields: the sum on the left compares with the sum on the right ("comat <= tong"). */
export interface FieldRule {
  left: string[];
  operator: RuleOperator;
  right: string[];
  /** As written in the template, to name it in a problem. */
  text: string;
}

/**
 * How a report of a milestone carries its date: it must name the day it happened (`required`), may
 * (`optional`, the day reported otherwise), names none (`none`), or names the day of a later event
 * (`laterEvent`: the congress date fixed), so it is reached the day it is reported.
 */
export type DateRule = "required" | "optional" | "none" | "laterEvent";

export interface TemplateMilestone {
  key: string;
  /** The words that name it in the one-line form (without diacritics). */
  words: string[];
  label: LocalText;
  date: DateRule;
  /** Earlier milestones this one closes once it is done. */
  closes: string[];
  fields: TemplateField[];
  rules: FieldRule[];
}

/**
 * A figure rolled up per level, written in the office's words. Placeholders in `text`:
 *   reached  {done} {total} {share}                  units that reported the milestone, of those asked
 *   choices  {choice} {count} {total} {share}        one line per option of a choice field, of those reporting it
 *   ratio    {numerator} {denominator} {share}       the sums of two sets of count fields over reporting units
 *   shares   {label} {count} {total} {share}         one line per count field: its sum, of the sum of all listed
 */
export type TemplateStatistic =
  | { kind: "reached"; milestone: string; level: UnitLevel | null; decimals: number; text: LocalText }
  | { kind: "choices"; milestone: string; field: string; level: UnitLevel | null; decimals: number; text: LocalText }
  | {
      kind: "ratio";
      milestone: string;
      numerator: string[];
      denominator: string[];
      level: UnitLevel | null;
      decimals: number;
      text: LocalText;
    }
  | { kind: "shares"; milestone: string; fields: string[]; level: UnitLevel | null; decimals: number; text: LocalText };

export type StatisticKind = TemplateStatistic["kind"];

export const statisticPlaceholders: Record<StatisticKind, readonly string[]> = {
  reached: ["done", "total", "share"],
  choices: ["choice", "count", "total", "share"],
  ratio: ["numerator", "denominator", "share"],
  shares: ["label", "count", "total", "share"],
};

/**
 * `once`: one round, deadlines are dates (by default `days` after the campaign opens); `monthly`: a round
 * each calendar month, deadlines are days of the month (a day past the month's end is its last day).
 */
export type Recurrence = "once" | "monthly";

export interface CampaignTemplate {
  key: string;
  name: LocalText;
  recurrence: Recurrence;
  /** The levels of units asked, unless the campaign's deadlines name others. */
  levels: UnitLevel[];
  milestones: TemplateMilestone[];
  /** The milestone that completes the campaign for a unit (the last one unless named). */
  final: string;
  statistics: TemplateStatistic[];
  /** Per level, per milestone: days after opening (`once`) or day of the month (`monthly`). */
  deadlines: Partial<Record<UnitLevel, Record<string, number>>>;
}

/** The plan the checklist judges a unit of this template's campaigns by. */
export function templatePlan(template: CampaignTemplate): CampaignPlan<string> {
  const dateSetBy = template.milestones.find((milestone) => milestone.date === "laterEvent")?.key ?? null;
  return {
    milestones: template.milestones.map((milestone) => ({
      key: milestone.key,
      closes: milestone.closes,
      ...(milestone.date === "laterEvent" && { namesLaterEvent: true }),
    })),
    final: template.final,
    dateSetBy,
  };
}

/** The text in `locale`, placeholders filled in. */
export function fillText(text: LocalText, locale: "vi" | "en", values: Record<string, string>): string {
  return text[locale].replace(/\{(\w+)\}/g, (whole, name: string) => values[name] ?? whole);
}

/** The placeholders a text uses. */
export function placeholdersOf(text: string): string[] {
  return [...text.matchAll(/\{(\w*)\}/g)].map((match) => match[1]!);
}
