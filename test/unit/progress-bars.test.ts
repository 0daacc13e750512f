import { describe, expect, it } from "vitest";
import type { UnitLevel } from "../../src/domain/levels.js";
import { chartDeadline, chartPhase, compareByLag, progressBars } from "../../src/domain/progress-bars.js";
import {
  emptyCounts,
  type GrassrootsRow,
  type ProgressCounts,
  type RollupRow,
  type RollupUnit,
  type SubtreeRollup,
} from "../../src/domain/progress-rollup.js";

let nextId = 1;
function unit(name: string, level: UnitLevel, parent: RollupUnit | null): RollupUnit {
  const id = nextId++;
  return {
    id,
    code: `U${id}`,
    name,
    level,
    path: `${parent?.path ?? ""}${id}/`,
    parentId: parent?.id ?? null,
    hasChildren: false,
    pilotDate: null,
    parentName: parent?.name ?? null,
    nameShared: false,
  };
}
function counts(total: number, held: number, scheduled: number): ProgressCounts {
  return { ...emptyCounts(), total, held, scheduled, notScheduled: total - held - scheduled };
}
const gathered = {
  grassrootsCells: (count: number) => `Các chi bộ cơ sở (${count})`,
  directCells: (count: number) => `Các chi bộ trực thuộc (${count})`,
};

const district = { ...unit("Quận", "district", null), organizationId: 1 };
const ward = unit("Đảng bộ phường A", "grassroots", district);
const company = unit("Đảng bộ Công ty B", "grassroots", district);
const school = unit("Chi bộ Trường THPT", "grassroots", district);
const bank = unit("Chi bộ Kho bạc", "grassroots", district);
const partial = unit("Đảng bộ bộ phận 1", "partial", ward);
const cell = unit("Chi bộ 1", "cell", ward);

// Below the district: the ward has 4 cells (2 held, 1 scheduled), the company 2 (1 scheduled); the school
// is scheduled, the bank held (grassroots cells count themselves).
const districtRollup: Pick<SubtreeRollup, "top" | "entries" | "rows" | "grassroots"> = {
  top: district,
  entries: [ward, company, school, bank],
  rows: [] as RollupRow[],
  grassroots: {
    units: [ward, company, school, bank],
    rows: [
      { grassrootsId: ward.id, level: "grassroots", counts: counts(1, 0, 0) },
      { grassrootsId: ward.id, level: "cell", counts: counts(4, 2, 1) },
      { grassrootsId: company.id, level: "grassroots", counts: counts(1, 0, 0) },
      { grassrootsId: company.id, level: "cell", counts: counts(2, 0, 1) },
      { grassrootsId: school.id, level: "grassroots", counts: counts(1, 0, 1) },
      { grassrootsId: bank.id, level: "grassroots", counts: counts(1, 1, 0) },
    ] satisfies GrassrootsRow[],
  },
};

describe("progress bars", () => {
  it("when the top is a district, then each grassroots committee counts its cells and the grassroots cells share one bar, least done first", () => {
    expect(progressBars(districtRollup, gathered)).toEqual([
      { name: "Đảng bộ Công ty B", held: 0, scheduled: 1, total: 2 },
      { name: "Đảng bộ phường A", held: 2, scheduled: 1, total: 4 },
      { name: "Các chi bộ cơ sở (2)", held: 1, scheduled: 1, total: 2 },
    ]);
  });

  it("when a district has only grassroots cells, then each keeps its own bar", () => {
    const onlyCells = {
      ...districtRollup,
      grassroots: { units: [school, bank], rows: districtRollup.grassroots!.rows.slice(4) },
    };
    expect(progressBars(onlyCells, gathered)).toEqual([
      { name: "Chi bộ Trường THPT", held: 0, scheduled: 1, total: 1 },
      { name: "Chi bộ Kho bạc", held: 1, scheduled: 0, total: 1 },
    ]);
  });

  it("when the top is a grassroots organisation, then a partial committee counts its cells and the cells directly under it share one bar, never a bar per cell", () => {
    const cell2 = unit("Chi bộ 2", "cell", ward);
    const cell3 = unit("Chi bộ 3", "cell", ward);
    const wardRollup = {
      top: { ...ward, organizationId: 1 },
      entries: [partial, cell, cell2, cell3],
      rows: [
        { entryId: partial.id, level: "partial", hasChildren: true, counts: counts(1, 0, 0) },
        { entryId: partial.id, level: "cell", hasChildren: false, counts: counts(2, 1, 0) },
        { entryId: cell.id, level: "cell", hasChildren: false, counts: counts(1, 0, 1) },
        { entryId: cell2.id, level: "cell", hasChildren: false, counts: counts(1, 1, 0) },
        { entryId: cell3.id, level: "cell", hasChildren: false, counts: counts(1, 0, 0) },
      ] satisfies RollupRow[],
    };
    expect(progressBars(wardRollup, gathered)).toEqual([
      { name: "Các chi bộ trực thuộc (3)", held: 1, scheduled: 1, total: 3 },
      { name: "Đảng bộ bộ phận 1", held: 1, scheduled: 0, total: 2 },
    ]);
  });

  it("when the cells' deadline is near or past, then the chart follows each grassroots organisation's own congress", () => {
    const deadlines = { cell: { held: "2020-03-31" }, grassroots: { held: "2020-06-10" } };
    const rows: RollupRow[] = [
      { entryId: ward.id, level: "grassroots", hasChildren: true, counts: counts(1, 0, 0) },
      { entryId: ward.id, level: "cell", hasChildren: false, counts: counts(4, 2, 1) },
    ];
    const rollup = { ...districtRollup, rows };
    expect(chartPhase(rollup, deadlines, "2020-03-23")).toBe("cells");
    expect(chartPhase(rollup, deadlines, "2020-03-24")).toBe("grassroots");
    expect(chartPhase(rollup, deadlines, "2020-04-15")).toBe("grassroots");
    // Every cell held: the grassroots organisations are what is left to follow.
    const cellsDone = { ...rollup, rows: [rows[0]!, { ...rows[1]!, counts: counts(4, 4, 0) }] };
    expect(chartPhase(cellsDone, deadlines, "2020-02-26")).toBe("grassroots");
    // Below a grassroots organisation there is one phase.
    expect(chartPhase({ top: { ...ward, organizationId: 1 }, rows }, deadlines, "2020-04-15")).toBe("cells");

    // Not scheduled first, then set, then held; one bar per organisation, its own state.
    expect(progressBars(districtRollup, gathered, "grassroots")).toEqual([
      { name: "Đảng bộ Công ty B", held: 0, scheduled: 0, total: 1 },
      { name: "Đảng bộ phường A", held: 0, scheduled: 0, total: 1 },
      { name: "Chi bộ Trường THPT", held: 0, scheduled: 1, total: 1 },
      { name: "Chi bộ Kho bạc", held: 1, scheduled: 0, total: 1 },
    ]);
    expect(chartDeadline({ rows }, deadlines, "2020-03-25", "grassroots")).toEqual({
      level: "grassroots",
      date: "2020-06-10",
      daysLeft: 77,
    });
  });

  it("when names differ only by number, then they sort in natural order", () => {
    const bars = ["Tổ dân phố số 20", "Tổ dân phố số 2", "Tổ dân phố số 19", "Tổ dân phố số 1"].map((name) => ({
      name,
      held: 0,
      scheduled: 0,
      total: 3,
    }));
    expect([...bars].sort(compareByLag).map((bar) => bar.name)).toEqual([
      "Tổ dân phố số 1",
      "Tổ dân phố số 2",
      "Tổ dân phố số 19",
      "Tổ dân phố số 20",
    ]);
  });

  it("when deadlines lie ahead, then the nearest one of a level with units not yet held is shown; once all passed, the latest with days overdue", () => {
    const rows: RollupRow[] = [
      { entryId: ward.id, level: "grassroots", hasChildren: true, counts: counts(1, 0, 0) },
      { entryId: ward.id, level: "cell", hasChildren: false, counts: counts(4, 2, 1) },
    ];
    const deadlines = { cell: { held: "2020-03-31" }, grassroots: { held: "2020-06-10" } };
    expect(chartDeadline({ rows }, deadlines, "2020-02-26")).toEqual({
      level: "cell",
      date: "2020-03-31",
      daysLeft: 34,
    });
    expect(chartDeadline({ rows }, deadlines, "2020-04-02")).toEqual({
      level: "grassroots",
      date: "2020-06-10",
      daysLeft: 69,
    });
    expect(chartDeadline({ rows }, deadlines, "2020-06-15")).toEqual({
      level: "grassroots",
      date: "2020-06-10",
      daysLeft: -5,
    });
    expect(chartDeadline({ rows }, {}, "2020-02-26")).toBeNull();
    // A level all held no longer has a deadline to watch.
    const cellsDone: RollupRow[] = [rows[0]!, { ...rows[1]!, counts: counts(4, 4, 0) }];
    expect(chartDeadline({ rows: cellsDone }, deadlines, "2020-02-26")).toEqual({
      level: "grassroots",
      date: "2020-06-10",
      daysLeft: 105,
    });
  });
});
