import { describe, expect, it } from "vitest";
import type { DigestUnit } from "../../src/domain/digest.js";
import { chartDeadline, progressBars } from "../../src/domain/progress-bars.js";

const recorded = new Date("2020-02-20T10:00:00Z");
let nextId = 1;
function unit(name: string, level: DigestUnit["level"], parent: DigestUnit | null, state: "held" | "scheduled" | "none" = "none"): DigestUnit {
  return {
    id: nextId++,
    name,
    level,
    parentId: parent?.id ?? null,
    hasChildren: false,
    pilotDate: null,
    milestones:
      state === "held"
        ? { held: { date: "2020-02-20", recordedAt: recorded }, scheduled: { date: "2020-02-20", recordedAt: recorded } }
        : state === "scheduled"
          ? { scheduled: { date: "2020-03-10", recordedAt: recorded } }
          : {},
    openDifficulties: 0,
  };
}

const district = unit("Quận", "district", null);
const ward = unit("Đảng bộ phường A", "grassroots", district);
const partial = unit("Đảng bộ bộ phận 1", "partial", ward);
const wardCells = [
  unit("Chi bộ 1", "cell", ward, "held"),
  unit("Chi bộ 2", "cell", ward, "scheduled"),
  unit("Chi bộ 3", "cell", partial, "held"),
  unit("Chi bộ 4", "cell", partial),
];
const school = unit("Chi bộ Trường THPT", "grassroots", district, "scheduled");
const company = unit("Đảng bộ Công ty B", "grassroots", district);
const companyCells = [unit("Chi bộ B1", "cell", company), unit("Chi bộ B2", "cell", company, "scheduled")];
const units = [district, ward, partial, ...wardCells, school, ...companyCells, company];

describe("progress bars", () => {
  it("when the top is a district, then each grassroots organisation counts the cells anywhere below it, or itself without cells, least done first", () => {
    expect(progressBars(district.id, units)).toEqual([
      { name: "Đảng bộ Công ty B", held: 0, scheduled: 1, total: 2 },
      { name: "Chi bộ Trường THPT", held: 0, scheduled: 1, total: 1 },
      { name: "Đảng bộ phường A", held: 2, scheduled: 1, total: 4 },
    ]);
  });

  it("when the top is a grassroots organisation, then each unit directly below it has a bar", () => {
    expect(progressBars(ward.id, units.filter((u) => u === ward || u.parentId === ward.id || u.parentId === partial.id))).toEqual([
      { name: "Chi bộ 2", held: 0, scheduled: 1, total: 1 },
      { name: "Đảng bộ bộ phận 1", held: 1, scheduled: 0, total: 2 },
      { name: "Chi bộ 1", held: 1, scheduled: 0, total: 1 },
    ]);
  });

  it("when deadlines lie ahead, then the nearest one of a level with units not yet held is shown; once all passed, the latest with days overdue", () => {
    const deadlines = { cell: { held: "2020-03-31" }, grassroots: { held: "2020-06-10" } };
    expect(chartDeadline(district.id, units, deadlines, "2020-02-26")).toEqual({ level: "cell", date: "2020-03-31", daysLeft: 34 });
    expect(chartDeadline(district.id, units, deadlines, "2020-04-02")).toEqual({ level: "grassroots", date: "2020-06-10", daysLeft: 69 });
    expect(chartDeadline(district.id, units, deadlines, "2020-06-15")).toEqual({ level: "grassroots", date: "2020-06-10", daysLeft: -5 });
    expect(chartDeadline(district.id, units, {}, "2020-02-26")).toBeNull();
  });
});
