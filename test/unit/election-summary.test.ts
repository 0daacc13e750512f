// Election statistics per level from per-unit rows, against figures worked out by hand.
import { describe, expect, it } from "vitest";
import type { ElectionResults } from "../../src/domain/election-results.js";
import { summariseElectionsByLevel } from "../../src/domain/election-summary.js";

function results(overrides: Partial<ElectionResults>): ElectionResults {
  return {
    committeePlanned: 5,
    committeeElected: 5,
    standingElected: null,
    women: 0,
    underThirtyFive: 0,
    reElected: 0,
    secretaryDirect: null,
    oneRound: null,
    delegates: null,
    summoned: null,
    present: null,
    note: null,
    ...overrides,
  };
}

describe("election statistics per level", () => {
  it("when congresses are held at two levels, then each level and the total add up as counted by hand", () => {
    const summaries = summariseElectionsByLevel({
      elections: [
        // Ngọc Lâm, as in the article: 15/15, 4 women, 2 under 35, 10 re-elected, standing 5, 17 delegates.
        { code: "NL", level: "grassroots", results: results({ committeePlanned: 15, committeeElected: 15, women: 4, underThirtyFive: 2, reElected: 10, standingElected: 5, delegates: 17, secretaryDirect: true }) },
        { code: "GT", level: "grassroots", results: results({ committeePlanned: 13, committeeElected: 12, women: 3, underThirtyFive: 1, reElected: 8, standingElected: 4, delegates: 9, secretaryDirect: false }) },
        { code: "GT-07", level: "cell", results: results({ committeePlanned: 5, committeeElected: 5, women: 2, underThirtyFive: 1, reElected: 3, secretaryDirect: true }) },
        { code: "GT-12", level: "cell", results: results({ committeePlanned: 3, committeeElected: 2, women: 1, reElected: 2 }) },
        { code: "GT-13", level: "cell", results: null },
      ],
      unitsPerLevel: { district: 1, grassroots: 3, cell: 10 },
    });
    expect(summaries.map((summary) => summary.level)).toEqual(["district", "grassroots", "cell", null]);
    const [district, grassroots, cell, total] = summaries;
    expect(district).toMatchObject({ units: 1, held: 0, withResults: 0, committeeElected: 0, shortUnits: [] });
    expect(grassroots).toEqual({
      level: "grassroots",
      units: 3,
      held: 2,
      withResults: 2,
      committeePlanned: 28,
      committeeElected: 27,
      electedInFull: 1,
      electedShort: 1,
      shortUnits: ["GT"],
      standingElected: 9,
      women: 7,
      underThirtyFive: 3,
      reElected: 18,
      newMembers: 9,
      secretaryDirect: 1,
      secretaryAnswered: 2,
      delegates: 26,
    });
    expect(cell).toMatchObject({
      units: 10,
      held: 3,
      withResults: 2,
      committeePlanned: 8,
      committeeElected: 7,
      electedInFull: 1,
      electedShort: 1,
      shortUnits: ["GT-12"],
      women: 3,
      underThirtyFive: 1,
      reElected: 5,
      newMembers: 2,
      secretaryDirect: 1,
      secretaryAnswered: 1,
      delegates: 0,
    });
    expect(total).toMatchObject({
      level: null,
      units: 14,
      held: 5,
      withResults: 4,
      committeePlanned: 36,
      committeeElected: 34,
      electedInFull: 2,
      electedShort: 2,
      shortUnits: ["GT", "GT-12"],
      women: 10,
      newMembers: 11,
      secretaryDirect: 2,
      delegates: 26,
    });
  });

  it("when more are elected than planned (with a note), then the unit counts as elected in full", () => {
    const [cell] = summariseElectionsByLevel({
      elections: [{ code: "X", level: "cell", results: results({ committeePlanned: 3, committeeElected: 4, note: "bầu thêm" }) }],
      unitsPerLevel: { cell: 1 },
    });
    expect(cell).toMatchObject({ electedInFull: 1, electedShort: 0, committeePlanned: 3, committeeElected: 4 });
  });

  it("when nothing is held, then every level present is listed with zeros and the total counts the units", () => {
    expect(summariseElectionsByLevel({ elections: [], unitsPerLevel: { grassroots: 2, cell: 5 } }).map((row) => [row.level, row.units, row.held])).toEqual([
      ["grassroots", 2, 0],
      ["cell", 5, 0],
      [null, 7, 0],
    ]);
  });
});
