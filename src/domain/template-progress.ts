// Where a template campaign stands: each unit's checklist in a round (the same checklist model as the
// congress, src/domain/checklist.ts, on the template's plan), the units counted by standing, and the
// template's figures (reached x/y, shares of each rating, attendance rates) computed from the current
// reports. Rendering them in the office's words is src/render/campaign-figures-text.ts.
import {
  reachedFromReport,
  standingOf,
  unitChecklist,
  type ChecklistItem,
  type Standing,
  type UnitFacts,
} from "./checklist.js";
import type { CampaignValues } from "./campaign-report.js";
import { templatePlan, type LocalText, type TemplateStatistic } from "./campaign-template.js";
import type { UnitLevel } from "./levels.js";
import type { LocalDate } from "./local-date.js";
import { roundDeadlines, type TemplateCampaign } from "./template-campaign.js";

/** A unit's current reports in the round, as read from the store. */
export interface CampaignUnitReports {
  id: number;
  level: UnitLevel;
  reports: readonly {
    milestone: string;
    eventDate: LocalDate | null;
    reportedOn: LocalDate;
    payload: Record<string, unknown>;
    /** Orders the reports as they were recorded (the report's id). */
    recorded: number;
  }[];
}

export interface CampaignUnitState<U extends CampaignUnitReports = CampaignUnitReports> {
  unit: U;
  facts: UnitFacts<string>;
  checklist: ChecklistItem<string>[];
  standing: Standing;
  /** The values of each reported milestone. */
  values: Record<string, CampaignValues>;
}

type Campaign = Pick<TemplateCampaign, "template" | "deadlines" | "monthlyDays">;

/** Each unit's checklist in `round`, judged on `today`. Template campaigns are not paused (/hoan is the congress's). */
export function campaignUnitStates<U extends CampaignUnitReports>(
  campaign: Campaign,
  units: readonly U[],
  round: string,
  today: LocalDate,
): CampaignUnitState<U>[] {
  const plan = templatePlan(campaign.template);
  const alternatives = alternativesOf(campaign.template);
  const deadlinesByLevel = new Map<UnitLevel, Record<string, LocalDate>>();
  return units.map((unit) => {
    let deadlines = deadlinesByLevel.get(unit.level);
    if (!deadlines) {
      deadlines = roundDeadlines(campaign, unit.level, round);
      deadlinesByLevel.set(unit.level, deadlines);
    }
    const facts: UnitFacts<string> = { deadlines, reached: {}, paused: false, pilotDate: null };
    const values: Record<string, CampaignValues> = {};
    for (const report of unit.reports) {
      if (!plan.milestones.some((item) => item.key === report.milestone)) continue;
      if (supersededByAlternative(report, unit.reports, alternatives)) continue;
      facts.reached[report.milestone] = reachedFromReport(plan, report);
      values[report.milestone] = (report.payload.values ?? {}) as CampaignValues;
    }
    const checklist = unitChecklist(plan, facts, today);
    return { unit, facts, checklist, standing: standingOf(plan, checklist), values };
  });
}

/**
 * Milestones that close each other are alternatives (the month's meeting held, or not held with its reason):
 * by milestone, the ones it is an alternative to.
 */
function alternativesOf(template: Campaign["template"]): Map<string, Set<string>> {
  const closes = new Map(template.milestones.map((milestone) => [milestone.key, new Set(milestone.closes)]));
  const alternatives = new Map<string, Set<string>>();
  for (const [key, closed] of closes)
    for (const other of closed)
      if (closes.get(other)?.has(key)) alternatives.set(key, (alternatives.get(key) ?? new Set()).add(other));
  return alternatives;
}

/**
 * Whether a later report of an alternative replaces this one: a cell that reported the meeting held and then
 * that it was not (or the other way round) is judged, counted and reminded by what it said last.
 */
function supersededByAlternative(
  report: CampaignUnitReports["reports"][number],
  reports: CampaignUnitReports["reports"],
  alternatives: Map<string, Set<string>>,
): boolean {
  const others = alternatives.get(report.milestone);
  return !!others && reports.some((other) => others.has(other.milestone) && other.recorded > report.recorded);
}

export interface StandingCounts {
  total: number;
  done: number;
  overdue: number;
  onTrack: number;
}

export function countStandings(states: readonly CampaignUnitState[]): StandingCounts {
  const counts: StandingCounts = { total: states.length, done: 0, overdue: 0, onTrack: 0 };
  for (const state of states) {
    if (state.standing === "done") counts.done++;
    else if (state.standing === "overdue") counts.overdue++;
    else counts.onTrack++;
  }
  return counts;
}

/** One figure line, its numbers before they are written in words. */
export type ComputedFigure =
  | { kind: "reached"; text: LocalText; decimals: number; done: number; total: number }
  | { kind: "choice"; text: LocalText; decimals: number; choice: LocalText; count: number; total: number }
  | { kind: "ratio"; text: LocalText; decimals: number; numerator: number; denominator: number }
  | { kind: "share"; text: LocalText; decimals: number; label: LocalText; count: number; total: number };

/**
 * The template's figures over the units (those of the figure's level, when it names one): reached counts
 * units that reported the milestone (not those it was closed for: a meeting not held is not a meeting);
 * the others read the current reports' values, a value not reported counting in no sum.
 */
export function campaignFigures(campaign: Campaign, states: readonly CampaignUnitState[]): ComputedFigure[] {
  const figures: ComputedFigure[] = [];
  for (const statistic of campaign.template.statistics) {
    const units = states.filter((state) => statistic.level === null || state.unit.level === statistic.level);
    const reporting = units.filter((state) =>
      state.checklist.some((item) => item.milestone === statistic.milestone && item.state === "done"),
    );
    const valuesOf = (state: CampaignUnitState) => state.values[statistic.milestone] ?? {};
    figures.push(...figuresOf(campaign, statistic, units.length, reporting.map(valuesOf)));
  }
  return figures;
}

function figuresOf(
  campaign: Campaign,
  statistic: TemplateStatistic,
  asked: number,
  reported: readonly CampaignValues[],
): ComputedFigure[] {
  const { text, decimals } = statistic;
  const sum = (keys: readonly string[], values: CampaignValues) =>
    keys.reduce((total, key) => total + (typeof values[key] === "number" ? (values[key] as number) : 0), 0);
  const hasAll = (keys: readonly string[], values: CampaignValues) =>
    keys.every((key) => typeof values[key] === "number");
  switch (statistic.kind) {
    case "reached":
      return [{ kind: "reached", text, decimals, done: reported.length, total: asked }];
    case "choices": {
      const field = campaign.template.milestones
        .find((milestone) => milestone.key === statistic.milestone)
        ?.fields.find((candidate) => candidate.key === statistic.field);
      const chosen = reported.filter((values) => typeof values[statistic.field] === "string");
      return (field?.choices ?? []).map((choice) => ({
        kind: "choice",
        text,
        decimals,
        choice: choice.label,
        count: chosen.filter((values) => values[statistic.field] === choice.key).length,
        total: chosen.length,
      }));
    }
    case "ratio": {
      // Only reports that give both sides count: a unit that gave one of them is left out of both.
      const complete = reported.filter(
        (values) => hasAll(statistic.numerator, values) && hasAll(statistic.denominator, values),
      );
      return [
        {
          kind: "ratio",
          text,
          decimals,
          numerator: complete.reduce((total, values) => total + sum(statistic.numerator, values), 0),
          denominator: complete.reduce((total, values) => total + sum(statistic.denominator, values), 0),
        },
      ];
    }
    case "shares": {
      const milestone = campaign.template.milestones.find((candidate) => candidate.key === statistic.milestone);
      const complete = reported.filter((values) => hasAll(statistic.fields, values));
      const total = complete.reduce((all, values) => all + sum(statistic.fields, values), 0);
      return statistic.fields.map((key) => ({
        kind: "share",
        text,
        decimals,
        label: milestone?.fields.find((field) => field.key === key)?.label ?? { vi: key, en: key },
        count: complete.reduce((all, values) => all + sum([key], values), 0),
        total,
      }));
    }
  }
}
