// The list a working-group leader acts on (sent each working morning, and shown by /trangthai): how the
// followed units stand (done, on track, overdue, paused, per level), then the units to chase, grouped by
// grassroots organisation and most urgent first (congress overdue; congress due within a week with no
// date set; pilot congress day passed with no report; other milestones overdue), each with its
// secretary; then open difficulties and paused units. Every unit is judged by its checklist, as
// everywhere else.
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
import { unitLevels, type UnitLevel } from "./levels.js";
import type { LocalDate } from "./local-date.js";

export interface ListSecretary {
  name: string;
  phone: string | null;
}

export interface FollowedUnit extends ListedUnit {
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

export interface WorkingGroupListInput {
  plan: CampaignPlan;
  today: LocalDate;
  groupName: string;
  /** Every unit the group follows, with everything under them, in the organisation file's order. */
  units: readonly FollowedUnit[];
  difficulties: readonly ListDifficulty[];
  pauses: readonly ListPause[];
}

export interface StandingTotals {
  level: UnitLevel;
  total: number;
  counts: Record<Standing, number>;
}

export interface ChaseLine {
  unit: FollowedUnit;
  /** Most urgent first. */
  reasons: AttentionReason[];
}

export interface WorkingGroupList {
  groupName: string;
  today: LocalDate;
  /** Per level, top level first; levels the group follows no unit of are left out. */
  totals: StandingTotals[];
  /** The units to chase, most urgent first (the renderer groups them by grassroots organisation). */
  lines: ChaseLine[];
  /** Grassroots organisations of the units, by id, with their cells' progress for the group headings. */
  organisations: Map<number, { unit: FollowedUnit; cellsHeld: number; cellsTotal: number }>;
  difficulties: ListDifficulty[];
  pauses: ListPause[];
}

export function buildWorkingGroupList(input: WorkingGroupListInput): WorkingGroupList {
  const totals = new Map<UnitLevel, StandingTotals>();
  const lines: ChaseLine[] = [];
  const organisations: WorkingGroupList["organisations"] = new Map();
  for (const unit of input.units)
    if (unit.level === "grassroots") organisations.set(unit.id, { unit, cellsHeld: 0, cellsTotal: 0 });
  for (const unit of input.units) {
    const items = unitChecklist(input.plan, unit.facts, input.today);
    const standing = standingOf(input.plan, items);
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
      if (standing === "done") organisation.cellsHeld++;
    }
    const reasons = unitAttention(input.plan, unit.facts, items, input.today);
    if (reasons.length > 0) lines.push({ unit, reasons });
  }
  const order = new Map(input.units.map((unit, index) => [unit.id, index]));
  lines.sort((a, b) => compareAttention(a.reasons, b.reasons) || order.get(a.unit.id)! - order.get(b.unit.id)!);
  return {
    groupName: input.groupName,
    today: input.today,
    totals: unitLevels.flatMap((level) => totals.get(level) ?? []),
    lines,
    organisations,
    difficulties: [...input.difficulties].sort((a, b) => b.openedOn.localeCompare(a.openedOn)),
    // A postponed unit stays in view, with its reason, until it has held its congress.
    pauses: input.pauses.filter(
      (pause) => standingOf(input.plan, unitChecklist(input.plan, pause.unit.facts, input.today)) !== "done",
    ),
  };
}

/** Whether the leader has anything to act on today (the morning list is sent only then). */
export function hasSomethingToChase(list: WorkingGroupList): boolean {
  return list.lines.length > 0 || list.difficulties.length > 0 || list.pauses.length > 0;
}
