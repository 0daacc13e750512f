// The daily progress digest for a standing committee, built from the units of a subtree and their
// current reports. Pure: the store loads the rows, the renderer writes the text.
import type { Milestone, UnitLevel } from "./levels.js";
import type { LocalDate } from "./local-date.js";
import { addDays, daysBetween } from "./user-date.js";

export interface DigestUnit {
  id: number;
  name: string;
  level: UnitLevel;
  parentId: number | null;
  hasChildren: boolean;
  pilotDate: LocalDate | null;
  /** Current report per milestone: the date it names (congress date for scheduled/held) and when it was recorded. */
  milestones: Partial<Record<Milestone, { date: LocalDate; recordedAt: Date }>>;
  openDifficulties: number;
}

export interface DigestInput {
  top: { id: number; name: string };
  units: readonly DigestUnit[];
  deadlines: Partial<Record<UnitLevel, Partial<Record<Milestone, LocalDate>>>>;
  today: LocalDate;
  /** The previous digest's time: congresses recorded after it are "since yesterday". */
  since: Date | null;
  /** Units overdue by more than this many days are listed by name. */
  overdueListAfterDays: number;
}

export interface Count {
  done: number;
  total: number;
}

export interface Digest {
  cells: Count & { sinceLast: number };
  grassroots: Count & { pilotsHeld: { name: string; date: LocalDate }[] };
  documents: Count;
  personnel: Count;
  /** Grassroots committees by share of their cells that held their congress, lowest first. */
  laggards: { name: string; done: number; total: number; hasDifficulty: boolean }[];
  upcoming: { name: string; date: LocalDate; pilot: boolean }[];
  overdue: { name: string; days: number }[];
  nextDeadline: { level: UnitLevel; date: LocalDate; daysLeft: number } | null;
  openDifficulties: { name: string; count: number }[];
}

export function buildDigest(input: DigestInput): Digest {
  const below = input.units.filter((unit) => unit.id !== input.top.id);
  const byId = new Map(below.map((unit) => [unit.id, unit]));
  const grassrootsOf = (unit: DigestUnit): DigestUnit | undefined => {
    let current: DigestUnit | undefined = unit;
    while (current && current.level !== "grassroots") current = current.parentId === null ? undefined : byId.get(current.parentId);
    return current;
  };
  const cells = below.filter((unit) => unit.level === "cell");
  const grassroots = below.filter((unit) => unit.level === "grassroots");
  const held = (unit: DigestUnit) => unit.milestones.held !== undefined;
  const count = (units: readonly DigestUnit[], milestone: Milestone): Count => ({
    done: units.filter((unit) => unit.milestones[milestone] !== undefined).length,
    total: units.length,
  });

  const cellsByCommittee = new Map<number, DigestUnit[]>();
  for (const cell of cells) {
    const committee = grassrootsOf(cell);
    if (committee) cellsByCommittee.set(committee.id, [...(cellsByCommittee.get(committee.id) ?? []), cell]);
  }
  const laggards = grassroots
    .filter((unit) => cellsByCommittee.has(unit.id))
    .map((unit) => {
      const own = cellsByCommittee.get(unit.id)!;
      const subtreeDifficulties = unit.openDifficulties + own.reduce((sum, cell) => sum + cell.openDifficulties, 0);
      return { name: unit.name, done: own.filter(held).length, total: own.length, hasDifficulty: subtreeDifficulties > 0 };
    })
    .filter((line) => line.done < line.total)
    .sort((a, b) => a.done / a.total - b.done / b.total || b.total - a.total || a.name.localeCompare(b.name, "vi"));

  const horizon = addDays(input.today, 7);
  const upcoming = below
    .filter((unit) => !held(unit))
    .map((unit) => ({ unit, date: unit.milestones.scheduled?.date ?? (unit.pilotDate && unit.pilotDate >= input.today ? unit.pilotDate : null) }))
    .filter((entry): entry is { unit: DigestUnit; date: LocalDate } => entry.date !== null && entry.date >= input.today && entry.date <= horizon)
    .sort((a, b) => a.date.localeCompare(b.date) || a.unit.name.localeCompare(b.unit.name, "vi"))
    .map(({ unit, date }) => ({ name: unit.name, date, pilot: unit.pilotDate !== null }));

  const overdue = below
    .filter((unit) => !held(unit))
    .map((unit) => {
      const due = input.deadlines[unit.level]?.held;
      return { name: unit.name, days: due ? daysBetween(due, input.today) : 0 };
    })
    .filter((entry) => entry.days > input.overdueListAfterDays)
    .sort((a, b) => b.days - a.days || a.name.localeCompare(b.name, "vi"));

  const nextDeadline = (["cell", "partial", "grassroots", "district", "province"] as UnitLevel[])
    .filter((level) => below.some((unit) => unit.level === level && !held(unit)))
    .map((level) => ({ level, date: input.deadlines[level]?.held }))
    .filter((entry): entry is { level: UnitLevel; date: LocalDate } => entry.date !== undefined && entry.date >= input.today)
    .sort((a, b) => a.date.localeCompare(b.date))
    .map((entry) => ({ ...entry, daysLeft: daysBetween(input.today, entry.date) }))[0] ?? null;

  return {
    cells: {
      ...count(cells, "held"),
      sinceLast: input.since ? cells.filter((unit) => unit.milestones.held && unit.milestones.held.recordedAt > input.since!).length : 0,
    },
    grassroots: {
      ...count(grassroots, "held"),
      pilotsHeld: grassroots
        .filter((unit) => unit.pilotDate && unit.milestones.held)
        .map((unit) => ({ name: unit.name, date: unit.milestones.held!.date })),
    },
    documents: count(grassroots, "documents"),
    personnel: count(grassroots, "personnel"),
    laggards,
    upcoming,
    overdue,
    nextDeadline,
    openDifficulties: below.filter((unit) => unit.openDifficulties > 0).map((unit) => ({ name: unit.name, count: unit.openDifficulties })),
  };
}
