import { describe, expect, it } from "vitest";
import {
  checkElectionResults,
  emptyResults,
  newMembersOf,
  type ElectionResults,
} from "../../src/domain/election-results.js";
import { campaignWindow, checkDraft } from "../../src/domain/report-draft.js";
import { parseReportLine } from "../../src/domain/report-line.js";
import { reportRight, type ScopePerson } from "../../src/domain/scope.js";
import { parseUserDate } from "../../src/domain/user-date.js";

const today = "2020-02-26";
const results = (overrides: Partial<ElectionResults> = {}): ElectionResults => ({
  ...emptyResults(15, 15),
  committeePlanned: 15,
  committeeElected: 15,
  standingElected: 5,
  women: 4,
  underThirtyFive: 2,
  reElected: 10,
  secretaryDirect: true,
  oneRound: null,
  delegates: 17,
  summoned: null,
  present: null,
  note: null,
  ...overrides,
});

describe("parseUserDate", () => {
  it.each([
    ["04/03/2020", "2020-03-04"],
    ["4/3", "2020-03-04"],
    ["4-3-20", "2020-03-04"],
    ["04.03.2020", "2020-03-04"],
    ["hôm nay", "2020-02-26"],
    ["Hôm  qua", "2020-02-25"],
    ["mai", "2020-02-27"],
    ["ngày mai", "2020-02-27"],
    ["29/2", "2020-02-29"],
  ])("reads %j as %s", (input, expected) => {
    expect(parseUserDate(input, today)).toEqual({ ok: true, date: expected });
  });
  it.each([
    ["31/02/2020", "not-a-date"],
    ["29/2/2021", "not-a-date"],
    ["abc", "format"],
    ["2020/03/04", "format"],
    ["", "format"],
  ])("rejects %j (%s)", (input, problem) => {
    expect(parseUserDate(input, today)).toEqual({ ok: false, problem });
  });
});

describe("parseReportLine", () => {
  it("reads the example of the contract", () => {
    const parsed = parseReportLine(
      "daihoi 04/03/2020 bch=15/15 btv=5 nu=4 tre=2 taicu=10 daibieu=17 bttructiep=co",
      "2020-03-05",
    );
    expect(parsed).toEqual({
      ok: true,
      line: { unitCode: null, milestone: "held", date: "2020-03-04", results: results() },
    });
  });
  it("reads a unit code, English milestone words and a note with spaces", () => {
    const parsed = parseReportLine(
      "GT-01 held 04/03/2020 bch=16/15 nu=4 tre=2 taicu=10 ghichu=Bầu thêm theo chỉ đạo",
      "2020-03-05",
    );
    expect(parsed.ok && parsed.line).toMatchObject({
      unitCode: "GT-01",
      results: { committeeElected: 16, committeePlanned: 15, note: "Bầu thêm theo chỉ đạo" },
    });
  });
  it("defaults the date of a done milestone to none (the caller uses today)", () => {
    expect(parseReportLine("kehoach", today)).toEqual({
      ok: true,
      line: { unitCode: null, milestone: "plan", date: null, results: null },
    });
  });
  it("lists every problem at once", () => {
    const parsed = parseReportLine("daihoi 31/02/2020 bch=x nu=a foo=1", today);
    expect(parsed.ok ? [] : parsed.problems.map((problem) => problem.code)).toEqual([
      "date",
      "unknown-key",
      "bch-format",
      "not-a-number",
    ]);
  });
  it("accepts the architecture's example without taicu: only bch is required, what is left out is unknown", () => {
    const parsed = parseReportLine("daihoi 04/03/2020 bch=15/15 nu=4 tre=2", "2020-03-05");
    expect(parsed).toEqual({
      ok: true,
      line: {
        unitCode: null,
        milestone: "held",
        date: "2020-03-04",
        results: results({ standingElected: null, reElected: null, secretaryDirect: null, delegates: null }),
      },
    });
    const bare = parseReportLine("daihoi 04/03/2020 bch=5/6", "2020-03-05");
    expect(bare.ok && bare.line.results).toEqual({ ...emptyResults(6, 5) });
  });
  it("reads every figure the articles report, shares of votes with a decimal comma or point", () => {
    const parsed = parseReportLine(
      "daihoi 20/05/2020 bch=15/15 btv=5 btvnu=2 nu=4 tre=2 tu35=9 tren50=4 taicu=10 trendh=3 daihoc=11 caocap=6 trungcap=8 phieuthap=61,25 phieucao=98.5 daibieu=16 duongnhien=1 trieutap=161 comat=158",
      "2020-05-21",
    );
    expect(parsed.ok && parsed.line.results).toEqual({
      ...emptyResults(15, 15),
      standingElected: 5,
      standingWomen: 2,
      women: 4,
      underThirtyFive: 2,
      agedThirtyFiveToFifty: 9,
      overFifty: 4,
      reElected: 10,
      postgraduate: 3,
      graduate: 11,
      theoryAdvanced: 6,
      theoryIntermediate: 8,
      lowestVoteShare: 61.25,
      highestVoteShare: 98.5,
      delegates: 16,
      delegatesExOfficio: 1,
      summoned: 161,
      present: 158,
    });
    expect(checkElectionResults(parsed.ok ? parsed.line.results! : emptyResults(1, 1))).toEqual([]);
  });
  it("refuses a share of votes that is not a percentage with at most two decimals", () => {
    for (const value of ["61,255", "sáu", "61,2,5", "-3"]) {
      const parsed = parseReportLine(`daihoi 04/03/2020 bch=5/5 phieuthap=${value}`, "2020-03-05");
      expect(parsed, value).toEqual({ ok: false, problems: [{ code: "not-a-share", key: "phieuthap", value }] });
    }
  });
  it("still requires bch for a congress held", () => {
    const parsed = parseReportLine("daihoi 04/03/2020 nu=4 tre=2 taicu=10", "2020-03-05");
    expect(parsed).toEqual({ ok: false, problems: [{ code: "missing-key", key: "bch" }] });
  });
});

describe("checkElectionResults", () => {
  it("accepts consistent results", () => {
    expect(checkElectionResults(results())).toEqual([]);
  });
  it("accepts results with only the committee's numbers: an unknown count is not checked", () => {
    expect(checkElectionResults(emptyResults(5, 5))).toEqual([]);
    expect(checkElectionResults({ ...emptyResults(5, 5), present: 40 })).toEqual([]);
  });
  it("knows new members only when re-elected is known", () => {
    expect(newMembersOf(results())).toBe(5);
    expect(newMembersOf(results({ reElected: null }))).toBeNull();
  });
  it("needs a note to elect more than planned", () => {
    expect(checkElectionResults(results({ committeeElected: 16 })).map((p) => p.code)).toEqual(["over-planned"]);
    expect(checkElectionResults(results({ committeeElected: 16, note: "theo chỉ đạo" }))).toEqual([]);
  });
  it("bounds shares by the number elected and attendance by the number summoned", () => {
    const problems = checkElectionResults(
      results({
        committeeElected: 5,
        committeePlanned: 5,
        women: 6,
        underThirtyFive: 6,
        reElected: 6,
        standingElected: 6,
        summoned: 10,
        present: 11,
      }),
    );
    expect(problems.map((p) => `${p.field}:${p.code}`)).toEqual([
      "women:more-than",
      "underThirtyFive:more-than",
      "reElected:more-than",
      "standingElected:more-than",
      "present:more-than",
    ]);
  });
  it("checks the further figures together: the age bands add up to all elected, groups never to more", () => {
    const base = { ...emptyResults(15, 15), women: 4 };
    const codes = (extra: Partial<ElectionResults>) =>
      checkElectionResults({ ...base, ...extra }).map((p) => `${p.field}:${p.code}`);
    expect(codes({ underThirtyFive: 2, agedThirtyFiveToFifty: 9, overFifty: 4 })).toEqual([]);
    // Two bands given: at most all elected; all three: exactly all elected.
    expect(codes({ agedThirtyFiveToFifty: 9, overFifty: 4 })).toEqual([]);
    expect(codes({ agedThirtyFiveToFifty: 12, overFifty: 4 })).toEqual(["agedThirtyFiveToFifty:sum"]);
    expect(codes({ underThirtyFive: 2, agedThirtyFiveToFifty: 9, overFifty: 3 })).toEqual(["underThirtyFive:sum"]);
    expect(
      checkElectionResults({ ...base, underThirtyFive: 2, agedThirtyFiveToFifty: 9, overFifty: 3 })[0]!.args,
    ).toEqual({
      parts: "2 + 9 + 3",
      group: "age",
      value: 14,
      limit: 15,
      exact: "yes",
    });
    expect(codes({ postgraduate: 3, graduate: 13 })).toEqual(["postgraduate:sum"]);
    expect(codes({ theoryAdvanced: 10, theoryIntermediate: 6 })).toEqual(["theoryAdvanced:sum"]);
    // The standing committee's women: within it and within the women elected.
    expect(codes({ standingElected: 5, standingWomen: 2 })).toEqual([]);
    expect(codes({ standingElected: 2, standingWomen: 3 })).toEqual(["standingWomen:more-than"]);
    expect(codes({ standingElected: 5, standingWomen: 5 })).toEqual(["standingWomen:more-than"]);
    // Shares of votes: more than half, at most 100, two decimals, the lowest not above the highest.
    expect(codes({ lowestVoteShare: 50.01, highestVoteShare: 100 })).toEqual([]);
    expect(codes({ lowestVoteShare: 50 })).toEqual(["lowestVoteShare:range"]);
    expect(codes({ highestVoteShare: 100.5 })).toEqual(["highestVoteShare:range"]);
    expect(codes({ lowestVoteShare: 61.255 })).toEqual(["lowestVoteShare:range"]);
    expect(codes({ lowestVoteShare: 90, highestVoteShare: 80 })).toEqual(["lowestVoteShare:more-than"]);
    expect(codes({ delegates: 16, delegatesExOfficio: 1 })).toEqual([]);
    expect(codes({ delegatesExOfficio: 2.5 })).toEqual(["delegatesExOfficio:range"]);
  });
});

describe("checkDraft", () => {
  it("refuses a congress held in the future, a date set in the past, and work done tomorrow", () => {
    expect(
      checkDraft({ unitId: 1, milestone: "held", date: "2020-02-27", results: results() }, today, null, "cell")[0]!
        .code,
    ).toBe("held-in-future");
    expect(
      checkDraft({ unitId: 1, milestone: "scheduled", date: "2020-02-25", results: null }, today, null, "cell")[0]!
        .code,
    ).toBe("scheduled-in-past");
    expect(
      checkDraft({ unitId: 1, milestone: "plan", date: "2020-02-27", results: null }, today, null, "cell")[0]!.code,
    ).toBe("done-in-future");
    expect(checkDraft({ unitId: 1, milestone: "scheduled", date: today, results: null }, today, null, "cell")).toEqual(
      [],
    );
  });

  it("refuses a cell's standing committee figures once, in place of their own checks; a committee's are checked", () => {
    const draft = (standingElected: number, standingWomen: number) => ({
      unitId: 1,
      milestone: "held" as const,
      date: "2020-02-25",
      results: { ...results(), standingElected, standingWomen },
    });
    expect(checkDraft(draft(3, 1), today, null, "cell")).toEqual([{ code: "standing-for-cell", args: {} }]);
    expect(checkDraft(draft(3, 4), today, null, "cell")).toEqual([{ code: "standing-for-cell", args: {} }]);
    expect(checkDraft(draft(3, 1), today, null, "executive")).toEqual([]);
    expect(checkDraft(draft(3, 4), today, null, "executive")).toMatchObject([
      { code: "election", problem: { field: "standingWomen" } },
    ]);
    // None given, or 0 (a cell has none), is what a cell reports.
    expect(checkDraft({ ...draft(0, 0), results: results({ standingElected: null }) }, today, null, "cell")).toEqual(
      [],
    );
    expect(checkDraft(draft(0, 0), today, null, "cell")).toEqual([]);
  });

  it("refuses dates outside the campaign: work done more than a year before its first deadline, a congress set more than a year after its last", () => {
    const window = campaignWindow({ plan: "2020-01-31", documents: "2020-02-29", held: "2020-03-31" })!;
    expect(window).toEqual({ from: "2019-01-31", to: "2021-03-31" });
    const check = (milestone: "plan" | "held" | "scheduled", date: string) =>
      checkDraft(
        { unitId: 1, milestone, date, results: milestone === "held" ? results() : null },
        today,
        window,
        "executive",
      );
    expect(check("plan", "1900-01-01")).toEqual([
      { code: "outside-campaign", args: { date: "1900-01-01", from: "2019-01-31", to: today } },
    ]);
    expect(check("held", "2019-01-30")).toEqual([
      { code: "outside-campaign", args: { date: "2019-01-30", from: "2019-01-31", to: today } },
    ]);
    expect(check("scheduled", "2100-01-01")).toEqual([
      { code: "outside-campaign", args: { date: "2100-01-01", from: today, to: "2021-03-31" } },
    ]);
    // The edges are inside.
    expect(check("plan", "2019-01-31")).toEqual([]);
    expect(check("scheduled", "2021-03-31")).toEqual([]);
    // 29/02 a year later is 28/02.
    expect(campaignWindow({ held: "2020-02-29" })).toEqual({ from: "2019-02-28", to: "2021-02-28" });
    expect(campaignWindow({})).toBeNull();
  });
});

describe("reportRight", () => {
  const cell = { id: 3, path: "/1/2/3/", level: "cell" as const };
  const sibling = { id: 4, path: "/1/2/4/", level: "cell" as const };
  const committee = { id: 2, path: "/1/2/", level: "grassroots" as const };
  const district = { id: 1, path: "/1/", level: "district" as const };
  const profile = (overrides: Partial<ScopePerson>): ScopePerson => ({ roles: [], ledGroupUnits: [], ...overrides });
  it.each([
    ["secretary of the cell", profile({ roles: [{ role: "secretary", unit: cell }] }), cell, "own"],
    ["deputy of the cell", profile({ roles: [{ role: "deputy", unit: cell }] }), cell, "own"],
    ["secretary of a sibling", profile({ roles: [{ role: "secretary", unit: sibling }] }), cell, null],
    ["committee secretary without reporter", profile({ roles: [{ role: "secretary", unit: committee }] }), cell, null],
    ["committee reporter", profile({ roles: [{ role: "reporter", unit: committee }] }), cell, "own"],
    ["cell reporter, for a sibling", profile({ roles: [{ role: "reporter", unit: cell }] }), sibling, null],
    ["working-group leader of the committee", profile({ ledGroupUnits: [committee] }), cell, "on-behalf"],
    ["working-group leader of a sibling", profile({ ledGroupUnits: [sibling] }), cell, null],
    ["admin of the district", profile({ roles: [{ role: "admin", unit: district }] }), cell, "on-behalf"],
    ["standing committee member", profile({ roles: [{ role: "standing", unit: district }] }), cell, null],
  ] as const)("%s → %s", (_, person, unit, expected) => {
    expect(reportRight(person, unit)).toBe(expected);
  });
});
