// What a working-group leader needs to know about the units the group follows: for each grassroots
// organisation, what it has overdue or not done, how its cells stand, and its open difficulties, with
// the units that lag most first.
import type { LocalDate } from "./local-date.js";
import type { Milestone, UnitLevel } from "./levels.js";
import { unitChecklist, type CurrentReport, type MilestoneState } from "./milestone-status.js";

export interface ProgressUnit {
  id: number;
  name: string;
  level: UnitLevel;
  /** Materialised path of ids, e.g. "/1/7/42/". */
  path: string;
}

export interface GroupProgressInput {
  /** The units summarised, one line each (usually grassroots organisations), in the organisation's order. */
  units: readonly ProgressUnit[];
  /** Cells under those units. */
  cells: readonly ProgressUnit[];
  reports: readonly (CurrentReport & { unitId: number })[];
  deadlines: Partial<Record<UnitLevel, Partial<Record<Milestone, LocalDate>>>>;
  /** Open difficulties by the path of their unit (a difficulty of a cell counts for its organisation). */
  openDifficulties: readonly { unitPath: string }[];
  today: LocalDate;
}

export type OverdueState = Extract<MilestoneState, { state: "overdue" }>;

export interface UnitProgress {
  unit: ProgressUnit;
  checklist: MilestoneState[];
  /** Overdue milestones, longest overdue first. */
  overdue: OverdueState[];
  /** The first milestone not done, or null when the congress is held and everything reported. */
  next: MilestoneState | null;
  cells: { total: number; held: number; overdue: number } | null;
  openDifficulties: number;
}

export function summariseGroupProgress(input: GroupProgressInput): UnitProgress[] {
  const reportsOf = new Map<number, CurrentReport[]>();
  for (const report of input.reports) reportsOf.set(report.unitId, [...(reportsOf.get(report.unitId) ?? []), report]);
  const checklistOf = (unit: ProgressUnit) => unitChecklist(reportsOf.get(unit.id) ?? [], input.deadlines[unit.level] ?? {}, input.today);

  const summaries = input.units.map((unit): UnitProgress => {
    const checklist = checklistOf(unit);
    const overdue = checklist
      .filter((item): item is OverdueState => item.state === "overdue")
      .sort((a, b) => b.daysOverdue - a.daysOverdue);
    const cells = input.cells.filter((cell) => cell.path.startsWith(unit.path) && cell.id !== unit.id);
    let cellStats: UnitProgress["cells"] = null;
    if (cells.length > 0) {
      const lists = cells.map(checklistOf);
      cellStats = {
        total: cells.length,
        held: lists.filter((list) => list.some((item) => item.milestone === "held" && item.state === "done")).length,
        overdue: lists.filter((list) => list.some((item) => item.state === "overdue")).length,
      };
    }
    return {
      unit,
      checklist,
      overdue,
      next: checklist.find((item) => item.state !== "done") ?? null,
      cells: cellStats,
      openDifficulties: input.openDifficulties.filter((difficulty) => difficulty.unitPath.startsWith(unit.path)).length,
    };
  });
  const order = new Map(input.units.map((unit, index) => [unit.id, index]));
  return summaries.sort((a, b) => compareLag(b, a) || order.get(a.unit.id)! - order.get(b.unit.id)!);
}

/** Positive when `a` lags more than `b`. */
function compareLag(a: UnitProgress, b: UnitProgress): number {
  const share = (part: number, total: number) => (total === 0 ? 0 : part / total);
  const done = (progress: UnitProgress) => progress.checklist.filter((item) => item.state === "done").length;
  return (
    a.overdue.length - b.overdue.length ||
    share(a.cells?.overdue ?? 0, a.cells?.total ?? 0) - share(b.cells?.overdue ?? 0, b.cells?.total ?? 0) ||
    (a.overdue[0]?.daysOverdue ?? 0) - (b.overdue[0]?.daysOverdue ?? 0) ||
    a.openDifficulties - b.openDifficulties ||
    done(b) - done(a) ||
    share(b.cells?.held ?? 0, b.cells?.total ?? 0) - share(a.cells?.held ?? 0, a.cells?.total ?? 0)
  );
}
