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
  it("when congresses are held at two levels, then each level joins its counts and its election sums, and the total adds them up", () => {
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
        { id: 12, name: "Chi bộ Tổ dân phố 12", level: "cell", elected: 2, planned: 3 },
        { id: 3, name: "Đảng bộ phường Gia Thụy", level: "grassroots", elected: 12, planned: 13 },
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
    expect(rows.map((row) => row.level)).toEqual(["district", "grassroots", "cell", null]);
    const [district, grassroots, cell, total] = rows;
    expect(district).toEqual({ level: "district", units: 1, held: 0, ...emptyElectionTotals(), shortUnits: [] });
    expect(grassroots).toEqual({ ...elections.levels[1], units: 3, held: 2, shortUnits: [elections.shortUnits[1]] });
    expect(cell).toEqual({ ...elections.levels[0], units: 10, held: 3, shortUnits: [elections.shortUnits[0]] });
    expect(total).toMatchObject({
      level: null,
      units: 14,
      held: 5,
      congresses: 5,
      withResults: 4,
      committeePlanned: 36,
      committeeElected: 34,
      inFull: 2,
      short: 2,
      women: 10,
      reElected: 23,
      secretaryDirect: 2,
      secretaryDirectKnown: 3,
      delegates: 26,
      shortUnits: elections.shortUnits,
    });
  });

  it("when nothing is held, then every level with units is listed with zeros and the total counts the units", () => {
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
      [null, 7, 0, 0],
    ]);
  });
});
