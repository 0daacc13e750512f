// A campaign run by a template other than the congress (the annual review, a resolution's study, the
// monthly cell meeting, an office's own): as the org file's `campaigns:` entry writes it, and resolved
// against its template into what is stored and judged: the levels asked and every deadline.
//
// Deadlines: a `once` template's are dates; one left out is the template's default, that many days after
// the campaign opens (`opens`). A `monthly` template's are days of the month, the same every month; a day
// past a month's end is its last day (31 is "by the end of the month"). A level's single value (`cell:
// 2026-12-31`) is the deadline of the template's final milestone.
import type { CampaignTemplate } from "./campaign-template.js";
import type { UnitLevel } from "./levels.js";
import { parseLocalDate, type LocalDate } from "./local-date.js";
import type { OrgProblem } from "./org-definition.js";
import type { ReminderPolicy } from "./reminder-policy.js";
import { addDays } from "./user-date.js";

/** A `campaigns:` entry of the org file, as written (its template not yet looked up). */
export interface TemplateCampaignEntry {
  key: string;
  name: string;
  template: string;
  opensOn: LocalDate | null;
  /** Per level and milestone (null: the template's final one), a date or a day of the month as written. */
  deadlines: { level: UnitLevel; milestone: string | null; value: string }[];
  reminders: ReminderPolicy | null;
  /** Its place in the file ("campaigns[1]"), to name a problem. */
  path: string;
}

/** A campaign resolved against its template: what is stored and what every screen reads. */
export interface TemplateCampaign {
  key: string;
  name: string;
  template: CampaignTemplate;
  opensOn: LocalDate | null;
  levels: UnitLevel[];
  /** A `once` campaign's deadlines. */
  deadlines: { level: UnitLevel; milestone: string; date: LocalDate }[];
  /** A `monthly` campaign's deadlines: the day of each month. */
  monthlyDays: { level: UnitLevel; milestone: string; day: number }[];
  reminders: ReminderPolicy | null;
}

export type ResolveResult = { ok: true; campaigns: TemplateCampaign[] } | { ok: false; problems: OrgProblem[] };

export function resolveTemplateCampaigns(
  entries: readonly TemplateCampaignEntry[],
  templates: ReadonlyMap<string, CampaignTemplate>,
): ResolveResult {
  const problems: OrgProblem[] = [];
  const campaigns: TemplateCampaign[] = [];
  for (const entry of entries) {
    const template = templates.get(entry.template);
    if (!template) {
      problems.push({
        path: `${entry.path}.template`,
        code: "unknown-template",
        args: { value: entry.template, values: [...templates.keys()].join(", ") },
      });
      continue;
    }
    const campaign = resolveOne(entry, template, problems);
    if (campaign) campaigns.push(campaign);
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, campaigns };
}

function resolveOne(
  entry: TemplateCampaignEntry,
  template: CampaignTemplate,
  problems: OrgProblem[],
): TemplateCampaign | null {
  const before = problems.length;
  const levels = [...template.levels];
  const given = new Map<string, string>();
  for (const deadline of entry.deadlines) {
    const milestone = deadline.milestone ?? template.final;
    const path = `${entry.path}.deadlines.${deadline.level}${deadline.milestone === null ? "" : `.${deadline.milestone}`}`;
    if (!template.milestones.some((candidate) => candidate.key === milestone)) {
      problems.push({ path, code: "unknown-milestone", args: { value: milestone } });
      continue;
    }
    const ok =
      template.recurrence === "monthly"
        ? /^\d{1,2}$/.test(deadline.value) && Number(deadline.value) >= 1 && Number(deadline.value) <= 31
        : parseLocalDate(deadline.value) !== null;
    if (!ok) {
      problems.push({
        path,
        code: template.recurrence === "monthly" ? "deadline-day" : "deadline-date",
        args: { value: deadline.value },
      });
      continue;
    }
    if (!levels.includes(deadline.level)) levels.push(deadline.level);
    given.set(`${deadline.level}:${milestone}`, deadline.value);
  }
  const deadlines: TemplateCampaign["deadlines"] = [];
  const monthlyDays: TemplateCampaign["monthlyDays"] = [];
  let needsOpens = false;
  for (const level of levels) {
    for (const { key: milestone } of template.milestones) {
      const value = given.get(`${level}:${milestone}`);
      const fallback = template.deadlines[level]?.[milestone];
      if (template.recurrence === "monthly") {
        const day = value === undefined ? fallback : Number(value);
        if (day !== undefined) monthlyDays.push({ level, milestone, day });
      } else if (value !== undefined) deadlines.push({ level, milestone, date: parseLocalDate(value)! });
      else if (fallback !== undefined) {
        if (entry.opensOn === null) needsOpens = true;
        else deadlines.push({ level, milestone, date: addDays(entry.opensOn, fallback) });
      }
    }
  }
  if (needsOpens) problems.push({ path: `${entry.path}.opens`, code: "opens-required" });
  if (problems.length > before) return null;
  return {
    key: entry.key,
    name: entry.name,
    template,
    opensOn: entry.opensOn,
    levels,
    deadlines,
    monthlyDays,
    reminders: entry.reminders,
  };
}

/** The campaign as its org file entry writes it, every deadline explicit: it imports to the same campaign. */
export function entryOfCampaign(campaign: TemplateCampaign, path: string): TemplateCampaignEntry {
  return {
    key: campaign.key,
    name: campaign.name,
    template: campaign.template.key,
    opensOn: campaign.opensOn,
    deadlines:
      campaign.template.recurrence === "monthly"
        ? campaign.monthlyDays.map((d) => ({ level: d.level, milestone: d.milestone, value: String(d.day) }))
        : campaign.deadlines.map((d) => ({ level: d.level, milestone: d.milestone, value: d.date })),
    reminders: campaign.reminders,
    path,
  };
}

/** The round a day belongs to: its month ("2026-12") for a monthly campaign, "" for a once-only one. */
export function roundOf(campaign: Pick<TemplateCampaign, "template">, day: LocalDate): string {
  return campaign.template.recurrence === "monthly" ? day.slice(0, 7) : "";
}

/** The deadlines of a unit of `level` in `round`: dates, whatever the recurrence. */
export function roundDeadlines(
  campaign: Pick<TemplateCampaign, "template" | "deadlines" | "monthlyDays">,
  level: UnitLevel,
  round: string,
): Record<string, LocalDate> {
  const result: Record<string, LocalDate> = {};
  if (campaign.template.recurrence === "monthly") {
    const [year, month] = round.split("-").map(Number) as [number, number];
    const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
    for (const entry of campaign.monthlyDays)
      if (entry.level === level)
        result[entry.milestone] = `${round}-${String(Math.min(entry.day, lastDay)).padStart(2, "0")}`;
  } else {
    for (const entry of campaign.deadlines) if (entry.level === level) result[entry.milestone] = entry.date;
  }
  return result;
}

/** Whether a monthly campaign asks anything in `round` (none before the month it opens). */
export function roundIsOpen(campaign: Pick<TemplateCampaign, "template" | "opensOn">, round: string): boolean {
  return (
    campaign.template.recurrence !== "monthly" || campaign.opensOn === null || round >= campaign.opensOn.slice(0, 7)
  );
}
