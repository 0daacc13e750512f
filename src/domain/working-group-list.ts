// The list a working-group leader acts on (sent each working morning, and shown by /trangthai): how the
// followed units stand (done, on track, overdue, paused, per level), then the units to chase, grouped by
// grassroots organisation and most urgent first (congress overdue; congress due within a week with no
// date set; pilot congress day passed with no report; other milestones overdue), each with its
// secretary; then the same for each other campaign open (the year's review, a resolution's study: the
// units behind, most overdue first); then open difficulties and paused units. Every unit is judged by its
// checklist, as everywhere else. Between congresses (no followed unit has a congress deadline) the list
// has no congress part.
import type { CampaignPlan } from "./campaign-plan.js";
import {
  compareAttention,
  standingOf,
  unitAttention,
  unitChecklist,
  type AttentionReason,
  type ListedUnit,
  type Standing,
} from "./checklist.js";
import type { CampaignTemplate } from "./campaign-template.js";
import { unitLevels, type Milestone, type UnitLevel } from "./levels.js";
import type { LocalDate } from "./local-date.js";
import type { NamedUnit } from "./unit-label.js";

export interface ListSecretary {
  name: string;
  phone: string | null;
}

export interface FollowedUnit<M extends string = Milestone> extends ListedUnit<M> {
  /** The unit's first secretary on the roster, if any. */
  secretary: ListSecretary | null;
}

export interface ListDifficulty {
  unit: FollowedUnit;
  /** Null when the text must not be quoted in a list (a complaint or denunciation). */
  text: string | null;
  openedOn: LocalDate;
}

export interface ListPause {
  unit: FollowedUnit;
  since: LocalDate;
  reason: string;
}

/** A campaign of another template than the congress, as the list names it. */
export interface ChasedCampaign {
  id: number;
  key: string;
  name: string;
  template: CampaignTemplate;
}

export interface WorkingGroupListInput {
  plan: CampaignPlan;
  today: LocalDate;
  groupName: string;
  /** Every unit the group follows, with everything under them, in the organisation file's order. */
  units: readonly FollowedUnit[];
  difficulties: readonly ListDifficulty[];
  pauses: readonly ListPause[];
  /**
   * Each other campaign open today, with the followed units it asks (their facts in its current round),
   * in the organisation file's order.
   */
  campaigns?: readonly {
    campaign: ChasedCampaign;
    /** The round today falls in ("2026-12" of a monthly campaign, "" of a once-only one). */
    round: string;
    plan: CampaignPlan<string>;
    units: readonly FollowedUnit<string>[];
  }[];
}

export interface StandingTotals {
  level: UnitLevel;
  total: number;
  counts: Record<Standing, number>;
}

export interface ChaseLine<M extends string = Milestone> {
  unit: FollowedUnit<M>;
  /** Most urgent first. */
  reasons: AttentionReason<M>[];
}

/** One campaign's part of the list: the congress's, or another campaign's. */
export interface ChaseSection<M extends string = Milestone> {
  /** Per level, top level first; levels the group follows no unit of are left out. */
  totals: StandingTotals[];
  /** The units to chase, most urgent first (the renderer groups them by grassroots organisation). */
  lines: ChaseLine<M>[];
  /** Grassroots organisations of the units, by id, with how many of their cells are done, for the headings. */
  organisations: Map<number, { unit: NamedUnit; cellsDone: number; cellsTotal: number }>;
}

export interface CampaignChase extends ChaseSection<string> {
  campaign: ChasedCampaign;
  round: string;
}

export interface WorkingGroupList {
  groupName: string;
  today: LocalDate;
  /** The congress's part; null between congresses (no followed unit has a congress deadline). */
  congress: ChaseSection | null;
  /** Each other open campaign that asks something of a followed unit. */
  campaigns: CampaignChase[];
  difficulties: ListDifficulty[];
  pauses: ListPause[];
}

export function buildWorkingGroupList(input: WorkingGroupListInput): WorkingGroupList {
  const runsCongress = input.units.some((unit) => Object.keys(unit.facts.deadlines).length > 0);
  // The followed grassroots organisations head their cells in every part, also in a campaign that asks
  // only cells.
  const grassroots = input.units.filter((unit) => unit.level === "grassroots");
  return {
    groupName: input.groupName,
    today: input.today,
    congress: runsCongress ? chaseSection(input.plan, input.units, input.today, grassroots) : null,
    campaigns: (input.campaigns ?? []).flatMap(({ campaign, round, plan, units }) =>
      units.length === 0 ? [] : [{ campaign, round, ...chaseSection(plan, units, input.today, grassroots) }],
    ),
    difficulties: [...input.difficulties].sort((a, b) => b.openedOn.localeCompare(a.openedOn)),
    // A postponed unit stays in view, with its reason, until it has held its congress.
    pauses: input.pauses.filter(
      (pause) => standingOf(input.plan, unitChecklist(input.plan, pause.unit.facts, input.today)) !== "done",
    ),
  };
}

/** How one campaign's units stand, and which to chase (most urgent first, then in the file's order). */
function chaseSection<M extends string>(
  plan: CampaignPlan<M>,
  units: readonly FollowedUnit<M>[],
  today: LocalDate,
  grassroots: readonly FollowedUnit[],
): ChaseSection<M> {
  const totals = new Map<UnitLevel, StandingTotals>();
  const lines: ChaseLine<M>[] = [];
  const organisations: ChaseSection<M>["organisations"] = new Map(
    grassroots.map((unit) => [unit.id, { unit, cellsDone: 0, cellsTotal: 0 }]),
  );
  for (const unit of units) {
    const items = unitChecklist(plan, unit.facts, today);
    const standing = standingOf(plan, items);
    const line = totals.get(unit.level) ?? {
      level: unit.level,
      total: 0,
      counts: { done: 0, onTrack: 0, overdue: 0, paused: 0 },
    };
    line.total++;
    line.counts[standing]++;
    totals.set(unit.level, line);
    const organisation =
      unit.level === "cell" && unit.grassrootsId !== null ? organisations.get(unit.grassrootsId) : undefined;
    if (organisation) {
      organisation.cellsTotal++;
      if (standing === "done") organisation.cellsDone++;
    }
    const reasons = unitAttention(plan, unit.facts, items, today);
    if (reasons.length > 0) lines.push({ unit, reasons });
  }
  const order = new Map(units.map((unit, index) => [unit.id, index]));
  lines.sort((a, b) => compareAttention(a.reasons, b.reasons) || order.get(a.unit.id)! - order.get(b.unit.id)!);
  return { totals: unitLevels.flatMap((level) => totals.get(level) ?? []), lines, organisations };
}

/** Whether the leader has anything to act on today (the morning list is sent only then). */
export function hasSomethingToChase(list: WorkingGroupList): boolean {
  return unitsToChase(list) > 0 || list.difficulties.length > 0 || list.pauses.length > 0;
}

/** The units to chase, over the congress and every other campaign (a unit behind in two counts twice). */
export function unitsToChase(list: WorkingGroupList): number {
  return (list.congress?.lines.length ?? 0) + list.campaigns.reduce((sum, section) => sum + section.lines.length, 0);
}
