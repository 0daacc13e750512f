// The pure parts of the /baocao flow: reading typed numbers, the questions' shape, the reminder's start
// button, the card with unknown counts, and election statistics that keep unknown counts out of shares.
import { describe, expect, it } from "vitest";
import { parseNumberList, parseYesNo } from "../../src/bot/reporting/answers.js";
import { parseReportStart, reportStartCallback } from "../../src/bot/reporting/flow-state.js";
import { editableFields, exampleOf, nextGuided, withAnswer, withNumbers } from "../../src/bot/reporting/questions.js";
import {
  checkElectionResults,
  emptyResults,
  groupFields,
  type ElectionResults,
} from "../../src/domain/election-results.js";
import { emptyElectionTotals, newMembers, shareBase, type ElectionStats } from "../../src/domain/election-stats.js";
import { milestones } from "../../src/domain/levels.js";
import { createI18n, translatorFor } from "../../src/i18n.js";
import { renderElectionStats } from "../../src/render/election-stats-text.js";
import { renderReportCard } from "../../src/render/report-card.js";

const vi = translatorFor(createI18n({ defaultLocale: "vi" }), "vi");
const en = translatorFor(createI18n({ defaultLocale: "en" }), "en");

describe("parseNumberList", () => {
  it.each([
    ["5 5 2 1 3", [5, 5, 2, 1, 3], null],
    ["5 5", [5, 5, null, null, null], null],
    ["5 5 - 1", [5, 5, null, 1, null], null],
    ["5,5, 2;1", [5, 5, 2, 1, null], null],
    ["  15   15 4 ", [15, 15, 4, null, null], null],
    ["5 6 2 ghichu=Bầu bổ sung theo chỉ đạo", [5, 6, 2, null, null], "Bầu bổ sung theo chỉ đạo"],
  ])("reads %j", (text, values, note) => {
    expect(parseNumberList(text, 5, 2)).toEqual({ ok: true, values, note });
  });
  it.each([
    ["5 abc", { code: "not-a-number", value: "abc" }],
    ["5 -3", { code: "not-a-number", value: "-3" }],
    ["2.5 5", { code: "not-a-number", value: "2.5" }],
    ["5", { code: "too-few" }],
    ["- 5", { code: "too-few" }],
    ["", { code: "too-few" }],
    ["1 2 3 4 5 6", { code: "too-many", given: 6 }],
  ])("refuses %j", (text, problem) => {
    expect(parseNumberList(text, 5, 2)).toEqual({ ok: false, problem });
  });
  it("lets an optional single number be made unknown with a dash", () => {
    expect(parseNumberList("-", 1, 0)).toEqual({ ok: true, values: [null], note: null });
    expect(parseNumberList("-", 1, 1)).toEqual({ ok: false, problem: { code: "too-few" } });
  });
});

describe("parseYesNo", () => {
  it.each([
    ["Có", true],
    ["co", true],
    ["yes", true],
    ["KHÔNG", false],
    ["no", false],
    ["có lẽ", undefined],
    ["1", undefined],
  ])("reads %j as %s", (text, answer) => {
    expect(parseYesNo(text)).toBe(answer);
  });
});

describe("the questions of a congress held", () => {
  it("asks the numbers, the make-up, the two yes/no questions, the shares of votes, then the delegates", () => {
    expect(nextGuided("numbers")).toBe("composition");
    expect(nextGuided("composition")).toBe("secretaryDirect");
    expect(nextGuided("secretaryDirect")).toBe("oneRound");
    expect(nextGuided("oneRound")).toBe("votes");
    expect(nextGuided("votes")).toBe("attendance");
    expect(nextGuided("attendance")).toBeNull();
  });
  it("puts a committee's standing committee last, so the first five numbers mean the same for a cell", () => {
    expect(groupFields("numbers", "cell")).toEqual([
      "committeePlanned",
      "committeeElected",
      "women",
      "underThirtyFive",
      "reElected",
    ]);
    expect(groupFields("numbers", "executive")).toEqual([
      "committeePlanned",
      "committeeElected",
      "women",
      "underThirtyFive",
      "reElected",
      "standingElected",
      "standingWomen",
    ]);
    expect(exampleOf(groupFields("numbers", "cell"), "cell")).toBe("5 5 2 1 3");
    expect(exampleOf(groupFields("numbers", "executive"), "executive")).toBe("15 15 4 2 10 5 2");
  });
  it("gives examples that pass the checks, shares with the reader's decimal mark", () => {
    for (const kind of ["cell", "executive"] as const) {
      const values = (group: Parameters<typeof groupFields>[0]) =>
        exampleOf(groupFields(group, kind), kind, "en").split(" ").map(Number);
      let results = withNumbers(null, groupFields("numbers", kind), values("numbers"), null);
      for (const group of ["composition", "votes", "attendance"] as const)
        results = withNumbers(results, groupFields(group, kind), values(group), null);
      expect(checkElectionResults(results), kind).toEqual([]);
    }
    expect(exampleOf(groupFields("votes", "executive"), "executive", "vi")).toBe("61,25 98,5");
    expect(exampleOf(groupFields("votes", "executive"), "executive", "en")).toBe("61.25 98.5");
    expect(exampleOf(groupFields("composition", "executive"), "executive")).toBe("9 4 3 11 6 8");
  });
  it("fills the typed numbers and leaves the rest unknown; forgetting the delegates summoned forgets those present", () => {
    const results = withNumbers(null, groupFields("numbers", "cell"), [5, 4, null, 1, null], null);
    expect(results).toEqual({ ...emptyResults(5, 4), underThirtyFive: 1 });
    const attended = withNumbers(results, groupFields("attendance", "cell"), [3, 0, 30, 28], null);
    expect(withAnswer(attended, "summoned", null)).toMatchObject({ delegates: 3, summoned: null, present: null });
    expect(withAnswer(attended, "committeeElected", null).committeeElected).toBe(4);
  });
  it("offers in the edit menu what the unit has: a standing committee for a committee, present once summoned is known", () => {
    const results = emptyResults(5, 5);
    expect(editableFields(null, "cell")).toEqual(["date"]);
    const further = [
      "agedThirtyFiveToFifty",
      "overFifty",
      "postgraduate",
      "graduate",
      "theoryAdvanced",
      "theoryIntermediate",
      "secretaryDirect",
      "oneRound",
      "lowestVoteShare",
      "highestVoteShare",
      "delegates",
      "delegatesExOfficio",
      "summoned",
    ];
    const committee = ["date", "committeePlanned", "committeeElected", "women", "underThirtyFive", "reElected"];
    expect(editableFields(results, "cell")).toEqual([...committee, ...further]);
    expect(editableFields({ ...results, summoned: 30 }, "executive")).toEqual([
      ...committee,
      "standingElected",
      "standingWomen",
      ...further,
      "present",
    ]);
    // A cell that reported a standing committee anyway can correct it.
    expect(editableFields({ ...results, standingElected: 1 }, "cell")).toContain("standingWomen");
  });
});

describe("the reminder's start button", () => {
  it("round-trips every milestone within Telegram's 64 bytes", () => {
    for (const milestone of milestones) {
      const data = reportStartCallback(2_147_483_647, milestone);
      expect(Buffer.byteLength(data)).toBeLessThanOrEqual(64);
      expect(parseReportStart(data)).toEqual({ unitId: 2_147_483_647, milestone });
    }
    expect(reportStartCallback(42, "held")).toBe("rs:42:held");
  });
  it.each([
    "rs:42:congress",
    "rs:0:held",
    "rs:042:held",
    "rs:2147483648:held",
    "rs:-1:held",
    "rs:42:held:x",
    "rs:42",
    "rp:42:held",
    " rs:42:held",
    "rs:42:HELD",
  ])("refuses %j", (data) => {
    expect(parseReportStart(data)).toBeNull();
  });
});

describe("the confirmation card", () => {
  const draft = (results: ElectionResults) => ({ unitId: 1, milestone: "held" as const, date: "2020-03-04", results });
  const context = {
    unit: { name: "Chi bộ Tổ dân phố 7", parentName: "Đảng bộ phường Gia Thụy" },
    onBehalf: false,
    late: null,
    previous: null,
  };
  it("names the cell's chi ủy and shows only the counts that are known, with one decimal and a decimal comma", () => {
    const card = renderReportCard(vi, "vi", draft({ ...emptyResults(5, 5), women: 2, secretaryDirect: true }), {
      ...context,
      committee: "cell",
    });
    expect(card.split("\n")).toEqual([
      "Xác nhận báo cáo — Chi bộ Tổ dân phố 7 (Đảng bộ phường Gia Thụy)",
      "Đã tổ chức đại hội: 04/03/2020",
      "Chi ủy: bầu 5/5 (đủ), nữ 2 (40,0%)",
      "Bí thư bầu trực tiếp tại đại hội: có",
    ]);
  });
  it("names a committee's ban chấp hành, in English too", () => {
    const results = { ...emptyResults(15, 14), women: 4, underThirtyFive: 2, reElected: 10, standingElected: 5 };
    expect(
      renderReportCard(vi, "vi", draft(results), { ...context, committee: "executive" })
        .split("\n")
        .slice(2),
    ).toEqual([
      "Ban chấp hành: bầu 14/15 (thiếu), nữ 4 (28,6%), dưới 35 tuổi 2 (14,3%), tái cử 10, tham gia lần đầu 4",
      "Ban Thường vụ: 5 đồng chí",
    ]);
    expect(renderReportCard(en, "en", draft(results), { ...context, committee: "executive" }).split("\n")[2]).toBe(
      "Executive committee: elected 14/15 (short), women 4 (28.6%), under 35 2 (14.3%), re-elected 10, new 4",
    );
    expect(
      renderReportCard(en, "en", draft(emptyResults(5, 5)), { ...context, committee: "cell" }).split("\n")[2],
    ).toBe("Cell committee: elected 5/5 (in full)");
  });
});

describe("election statistics with counts not reported", () => {
  const level = {
    ...emptyElectionTotals(),
    level: "cell" as const,
    congresses: 3,
    withResults: 3,
    committeePlanned: 15,
    committeeElected: 15,
    inFull: 3,
  };
  it("takes each share over the members of the congresses that reported it", () => {
    const line = {
      ...level,
      women: 4,
      womenBase: 10,
      underThirtyFive: 0,
      underThirtyFiveBase: 0,
      reElected: 3,
      reElectedBase: 5,
    };
    expect(shareBase(line, "women")).toBe(10);
    expect(newMembers(line)).toBe(2);
    const stats: ElectionStats = { levels: [line], shortUnits: [] };
    expect(renderElectionStats(vi, "vi", stats)[2]).toBe(
      "   Nữ 4 (40,0%) • dưới 35 tuổi — (—) • tái cử 3 (60,0%) • mới 2 (40,0%)",
    );
  });
  it("takes each share over the members of the congresses that reported the count", () => {
    expect(shareBase({ ...level, women: 6, womenBase: 10 }, "women")).toBe(10);
    expect(shareBase({ ...level, standingWomen: 2, standingWomenBase: 5 }, "standingWomen")).toBe(5);
  });
});
