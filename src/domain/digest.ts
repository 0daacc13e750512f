// The daily progress digest for a standing committee: its counts come from the subtree roll-up
// (src/domain/progress-rollup.ts, computed by src/db/progress-rollup.ts), the same numbers /tiendo and
// the exports show; its named lists (upcoming, pilots, difficulties) from one query of the same module;
// the units it names as overdue are judged one by one by the checklist (src/domain/checklist.ts), as the
// working-group list, /tiendo and the export judge them. Pure: the store loads, this decides what is said
// and in which order, the renderer writes it.
import type { CampaignPlan } from "./campaign-plan.js";
import { overdueItems, unitAttention, unitChecklist, type ListedUnit } from "./checklist.js";
import type { ElectionStats } from "./election-stats.js";
import type { UnitLevel } from "./levels.js";
import type { LocalDate } from "./local-date.js";
import {
  grassrootsBars,
  levelCounts,
  levelTotals,
  nextHeldDeadline,
  type DeadlineTable,
  type RollupUnit,
  type SubtreeRollup,
} from "./progress-rollup.js";
import type { NamedUnit } from "./unit-label.js";

export interface DigestLists {
  upcoming: readonly (NamedUnit & { date: LocalDate; pilot: boolean })[];
  pilotsHeld: readonly (NamedUnit & { date: LocalDate })[];
  openDifficulties: readonly (NamedUnit & { count: number })[];
}

/** Overdue units under one grassroots organisation (or a unit above that level on its own). */
export interface OverdueGroup {
  unit: NamedUnit;
  /** The organisation itself has a milestone overdue. */
  self: boolean;
  /** Overdue units under it, in the organisation file's order. */
  members: NamedUnit[];
  /** Whether every member is a cell (the text says "chi bộ" then). */
  membersAreCells: boolean;
  /** The longest any of them is overdue, in days. */
  mostDays: number;
}

export interface DigestInput {
  top: { id: number; name: string };
  /** The top unit's roll-up, grouped by grassroots organisation too. */
  rollup: Pick<SubtreeRollup, "rows" | "grassroots">;
  lists: DigestLists;
  deadlines: DeadlineTable;
  today: LocalDate;
  /** Election statistics of the subtree, for the final section once congresses are held. */
  elections?: ElectionStats;
  plan: CampaignPlan;
  /**
   * Units below the top that may be overdue or past a pilot congress's day (the store narrows them with SQL
   * generated from the same plan); each is judged here by its checklist.
   */
  attention: readonly ListedUnit[];
}

export interface Count {
  done: number;
  total: number;
}

export interface Digest {
  cells: Count & { sinceLast: number };
  grassroots: Count & { pilotsHeld: (NamedUnit & { date: LocalDate })[] };
  documents: Count;
  personnel: Count;
  /** Grassroots committees by share of their cells that held their congress, lowest first. */
  laggards: { name: string; done: number; total: number; hasDifficulty: boolean }[];
  /** Congresses in the next days, soonest first: pilot congresses always, others named while they are few. */
  upcoming: (NamedUnit & { date: LocalDate; pilot: boolean })[];
  /** Units with a milestone overdue, grouped by grassroots organisation, the group with most of them first. */
  overdue: { count: number; groups: OverdueGroup[] };
  /** Pilot congresses whose planned day has passed with no congress reported. */
  pilotsPassed: { name: string; date: LocalDate }[];
  nextDeadline: { level: UnitLevel; date: LocalDate; daysLeft: number } | null;
  openDifficulties: (NamedUnit & { count: number })[];
  elections: ElectionStats | null;
}

const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name, "vi");

export function buildDigest(input: DigestInput): Digest {
  const cells = levelCounts(input.rollup.rows, "cell");
  const grassroots = levelCounts(input.rollup.rows, "grassroots");
  const laggards = grassrootsBars(input.rollup.grassroots ?? { units: [], rows: [] })
    .filter((bar) => bar.counts === "cells" && bar.held < bar.total)
    .map((bar) => ({ name: bar.name, done: bar.held, total: bar.total, hasDifficulty: bar.openDifficulties > 0 }))
    .sort((a, b) => a.done / a.total - b.done / b.total || b.total - a.total || byName(a, b));
  const elections = input.elections?.levels.some((level) => level.congresses > 0) ? input.elections : null;
  return {
    cells: { done: cells.held, total: cells.total, sinceLast: cells.heldSince },
    grassroots: { done: grassroots.held, total: grassroots.total, pilotsHeld: [...input.lists.pilotsHeld] },
    documents: { done: grassroots.documents, total: grassroots.total },
    personnel: { done: grassroots.personnel, total: grassroots.total },
    laggards,
    upcoming: [...input.lists.upcoming].sort((a, b) => a.date.localeCompare(b.date) || byName(a, b)),
    ...overdueAndPilots(input),
    nextDeadline: nextHeldDeadline(levelTotals(input.rollup.rows), input.deadlines, input.today),
    openDifficulties: [...input.lists.openDifficulties],
    elections,
  };
}

function overdueAndPilots(input: DigestInput): Pick<Digest, "overdue" | "pilotsPassed"> {
  const organisations = new Map<number, RollupUnit>(
    (input.rollup.grassroots?.units ?? []).map((unit) => [unit.id, unit]),
  );
  const groups = new Map<number, OverdueGroup>();
  const pilotsPassed: Digest["pilotsPassed"] = [];
  let count = 0;
  for (const unit of [...input.attention].sort((a, b) => a.position - b.position || a.id - b.id)) {
    const items = unitChecklist(input.plan, unit.facts, input.today);
    if (unitAttention(input.plan, unit.facts, items, input.today).some((reason) => reason.kind === "pilotPassed")) {
      pilotsPassed.push({ name: unit.name, date: unit.facts.pilotDate! });
    }
    const overdue = overdueItems(items);
    if (overdue.length === 0) continue;
    count++;
    const days = Math.max(...overdue.map((item) => item.daysOverdue));
    const organisation = unit.grassrootsId === null ? undefined : organisations.get(unit.grassrootsId);
    const key = organisation?.id ?? unit.id;
    const group = groups.get(key) ?? {
      unit: organisation ?? unit,
      self: false,
      members: [],
      membersAreCells: true,
      mostDays: 0,
    };
    if (unit.id === key) group.self = true;
    else {
      group.members.push(unit);
      if (unit.level !== "cell") group.membersAreCells = false;
    }
    group.mostDays = Math.max(group.mostDays, days);
    groups.set(key, group);
  }
  const ordered = [...groups.values()].sort(
    (a, b) =>
      b.members.length + Number(b.self) - (a.members.length + Number(a.self)) ||
      b.mostDays - a.mostDays ||
      byName(a.unit, b.unit),
  );
  return { overdue: { count, groups: ordered }, pilotsPassed };
}
