// The export's statistics by level: the roll-up's counts per level beside the election statistics,
// joined level by level, with a total row, against figures worked out by hand.
import { describe, expect, it } from "vitest";
import { emptyElectionTotals, type ElectionLevelStats, type ElectionStats } from "../../src/domain/election-stats.js";
import { statisticsByLevel } from "../../src/domain/level-statistics.js";
import { emptyCounts, type ProgressCounts } from "../../src/domain/progress-rollup.js";

const counts = (total: number, held: number): ProgressCounts => ({
  ...emptyCounts(),
  total,
  held,
  notScheduled: total - held,
});
const level = (line: Partial<ElectionLevelStats> & Pick<ElectionLevelStats, "level">): ElectionLevelStats => ({
  ...emptyElectionTotals(),
  ...line,
});

describe("statistics by level", () => {
  it("when congresses are held at two levels, then each level joins its counts and its election sums, and no row adds levels together", () => {
    const elections: ElectionStats = {
      levels: [
        // Listed bottom first on purpose: the rows come out top level first.
        level({
          level: "cell",
          congresses: 3,
          withResults: 2,
          committeePlanned: 8,
          committeeElected: 7,
          inFull: 1,
          short: 1,
          women: 3,
          underThirtyFive: 1,
          reElected: 5,
          secretaryDirect: 1,
          secretaryDirectKnown: 1,
        }),
        // Ngọc Lâm and Gia Thụy: 15/15 and 12/13, as in the article's form.
        level({
          level: "grassroots",
          congresses: 2,
          withResults: 2,
          committeePlanned: 28,
          committeeElected: 27,
          inFull: 1,
          short: 1,
          standingElected: 9,
          women: 7,
          underThirtyFive: 3,
          reElected: 18,
          secretaryDirect: 1,
          secretaryDirectKnown: 2,
          delegates: 26,
          delegatesKnown: 2,
        }),
      ],
      shortUnits: [
        {
          id: 12,
          name: "Chi bộ Tổ dân phố 12",
          parentName: null,
          nameShared: false,
          level: "cell",
          elected: 2,
          planned: 3,
        },
        {
          id: 3,
          name: "Đảng bộ phường Gia Thụy",
          parentName: null,
          nameShared: false,
          level: "grassroots",
          elected: 12,
          planned: 13,
        },
      ],
    };
    const rows = statisticsByLevel(
      [
        { level: "district", counts: counts(1, 0) },
        { level: "grassroots", counts: counts(3, 2) },
        { level: "cell", counts: counts(10, 3) },
      ],
      elections,
    );
    // Never a row over levels: a district, its wards and their cells added together mean nothing.
    expect(rows.map((row) => row.level)).toEqual(["district", "grassroots", "cell"]);
    const [district, grassroots, cell] = rows;
    expect(district).toEqual({ level: "district", units: 1, held: 0, ...emptyElectionTotals(), shortUnits: [] });
    expect(grassroots).toEqual({ ...elections.levels[1], units: 3, held: 2, shortUnits: [elections.shortUnits[1]] });
    expect(cell).toEqual({ ...elections.levels[0], units: 10, held: 3, shortUnits: [elections.shortUnits[0]] });
  });

  it("when nothing is held, then every level with units is listed with zeros", () => {
    const rows = statisticsByLevel(
      [
        { level: "grassroots", counts: counts(2, 0) },
        { level: "cell", counts: counts(5, 0) },
      ],
      { levels: [], shortUnits: [] },
    );
    expect(rows.map((row) => [row.level, row.units, row.held, row.congresses])).toEqual([
      ["grassroots", 2, 0, 0],
      ["cell", 5, 0, 0],
    ]);
  });
});
