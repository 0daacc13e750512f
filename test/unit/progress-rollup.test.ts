// The pure parts of progress at a glance: sums per level, entries' own state, filters, bars, paging,
// callback data, who sees what, and election statistics in the offices' form.
import { describe, expect, it } from "vitest";
import { commonPathPrefix } from "../../src/db/progress-rollup.js";
import { emptyElectionTotals, type ElectionStats } from "../../src/domain/election-stats.js";
import type { UnitLevel } from "../../src/domain/levels.js";
import {
  emptyCounts,
  grassrootsBars,
  levelTotals,
  matchesFilter,
  nextHeldDeadline,
  summariseEntries,
  type ProgressCounts,
  type RollupRow,
  type RollupUnit,
} from "../../src/domain/progress-rollup.js";
import {
  chartCallback,
  pageOf,
  pageSize,
  parseChartCallback,
  parseScreenCallback,
  screenCallback,
  type ProgressScreen,
} from "../../src/domain/progress-view.js";
import { createI18n, translatorFor } from "../../src/i18n.js";
import { renderElectionStats } from "../../src/render/election-stats-text.js";

const counts = (values: Partial<ProgressCounts>): ProgressCounts => ({ ...emptyCounts(), ...values });
const unit = (id: number, level: UnitLevel, path: string, hasChildren = false): RollupUnit => ({
  id,
  code: `U${id}`,
  name: `Unit ${id}`,
  level,
  path,
  parentId: null,
  hasChildren,
  pilotDate: null,
  parentName: null,
  nameShared: false,
});

describe("roll-up sums", () => {
  const rows: RollupRow[] = [
    { entryId: 2, level: "grassroots", hasChildren: true, counts: counts({ total: 1, overdue: 1 }) },
    {
      entryId: 2,
      level: "cell",
      hasChildren: false,
      counts: counts({ total: 4, held: 1, scheduled: 1, notScheduled: 2, overdue: 2 }),
    },
    { entryId: 3, level: "grassroots", hasChildren: false, counts: counts({ total: 1, held: 1 }) },
    { entryId: 4, level: "grassroots", hasChildren: true, counts: counts({ total: 1, scheduled: 1 }) },
    { entryId: 4, level: "partial", hasChildren: true, counts: counts({ total: 1 }) },
    {
      entryId: 4,
      level: "cell",
      hasChildren: false,
      counts: counts({ total: 2, held: 2, withDifficulties: 1, openDifficulties: 3 }),
    },
  ];
  const entries = [
    unit(2, "grassroots", "/1/2/", true),
    unit(3, "grassroots", "/1/3/"),
    unit(4, "grassroots", "/1/4/", true),
  ];

  it("sums each level over the entries, splitting grassroots committees from grassroots cells", () => {
    expect(levelTotals(rows).map((line) => [line.kind ?? line.level, line.counts.held, line.counts.total])).toEqual([
      ["grassroots", 1, 3],
      ["committees", 0, 2],
      ["cells", 1, 1],
      ["partial", 0, 1],
      ["cell", 3, 6],
    ]);
  });

  it("gives each entry its own state and the levels under it, and filters on the whole subtree", () => {
    const [second, third, fourth] = summariseEntries(entries, rows);
    expect(second!.own).toEqual({ held: false, scheduled: false, overdue: true, paused: false, openDifficulties: 0 });
    expect(second!.below.map((line) => line.level)).toEqual(["cell"]);
    expect(third!.own.held).toBe(true);
    expect(third!.below).toEqual([]);
    expect(fourth!.subtree).toMatchObject({ total: 4, held: 2, withDifficulties: 1 });
    expect([second, third, fourth].map((entry) => matchesFilter(entry!, "notHeld"))).toEqual([true, false, true]);
    expect([second, third, fourth].map((entry) => matchesFilter(entry!, "overdue"))).toEqual([true, false, false]);
    expect([second, third, fourth].map((entry) => matchesFilter(entry!, "difficulties"))).toEqual([false, false, true]);
  });

  it("makes one bar per grassroots organisation: its cells, or itself when it has none", () => {
    const bars = grassrootsBars({
      units: entries,
      rows: rows.map((row) => ({ grassrootsId: row.entryId, level: row.level, counts: row.counts })),
    });
    expect(
      bars.map(({ name, held, scheduled, total, counts: kind }) => ({ name, held, scheduled, total, kind })),
    ).toEqual([
      { name: "Unit 2", held: 1, scheduled: 1, total: 4, kind: "cells" },
      { name: "Unit 3", held: 1, scheduled: 0, total: 1, kind: "self" },
      { name: "Unit 4", held: 2, scheduled: 0, total: 2, kind: "cells" },
    ]);
  });

  it("names the next deadline among levels with units not held, the lower level first on the same day", () => {
    const levels = levelTotals(rows);
    expect(
      nextHeldDeadline(levels, { cell: { held: "2020-03-31" }, grassroots: { held: "2020-03-31" } }, "2020-03-01"),
    ).toEqual({ level: "cell", date: "2020-03-31", daysLeft: 30 });
    expect(
      nextHeldDeadline(levels, { cell: { held: "2020-02-01" }, grassroots: { held: "2020-06-10" } }, "2020-03-01"),
    ).toMatchObject({ level: "grassroots" });
    expect(nextHeldDeadline(levels, {}, "2020-03-01")).toBeNull();
  });

  it("finds the common ancestor path of several subtrees", () => {
    expect(commonPathPrefix(["/1/7/42/", "/1/7/43/"])).toBe("/1/7/");
    expect(commonPathPrefix(["/1/7/", "/1/7/42/"])).toBe("/1/7/");
    expect(commonPathPrefix(["/1/", "/2/"])).toBe("/");
    expect(commonPathPrefix(["/10/", "/1/"])).toBe("/");
  });
});

describe("/tiendo screens", () => {
  it("round-trips every screen through its callback data, within Telegram's 64 bytes", () => {
    const screens: ProgressScreen[] = [
      { kind: "unit", unitId: 2_147_483_647, filter: "difficulties", page: 9999 },
      { kind: "unit", unitId: 1, filter: "all", page: 0 },
      { kind: "home", filter: "notHeld", page: 3 },
      { kind: "home", filter: "overdue", page: 0 },
    ];
    for (const screen of screens) {
      const data = screenCallback(screen);
      expect(data.length).toBeLessThanOrEqual(64);
      expect(parseScreenCallback(data)).toEqual(screen);
    }
  });

  it("refuses any callback data that is not exactly one of its own", () => {
    for (const data of [
      "",
      "td:",
      "td:u:1:a",
      "td:u:0:a:0",
      "td:u:01:a:0",
      "td:u:1:x:0",
      "td:u:1:a:01",
      "td:u:1:a:10000",
      "td:u:3000000000:a:0",
      "td:u:1:a:0 ",
      "td:h:a:-1",
      "td:h:A:0",
      "rp:u:1:a:0",
      "td:u:1:a:0:0",
    ]) {
      expect(parseScreenCallback(data), data).toBeNull();
    }
  });

  it("reads back a chart button's unit, and refuses anything else", () => {
    for (const unitId of [1, 42, 2_147_483_647]) expect(parseChartCallback(chartCallback(unitId))).toBe(unitId);
    for (const data of [
      "",
      "td:c:",
      "td:c:0",
      "td:c:01",
      "td:c:-1",
      "td:c:1 ",
      "td:c:1:a",
      "td:c:3000000000",
      "td:c:abc",
      "td:u:1:a:0",
      "xx:c:1",
    ]) {
      expect(parseChartCallback(data), data).toBeNull();
    }
  });

  it("pages entries eight at a time and refuses a page that does not exist", () => {
    const entries = summariseEntries(
      Array.from({ length: 19 }, (_, index) => unit(index + 10, "cell", `/1/${index + 10}/`)),
      Array.from({ length: 19 }, (_, index) => ({
        entryId: index + 10,
        level: "cell" as const,
        hasChildren: false,
        counts: counts({ total: 1, held: index % 2 }),
      })),
    );
    expect(pageSize).toBe(8);
    expect(pageOf(entries, "all", 2)).toMatchObject({
      matching: 19,
      pages: 3,
      items: [{ index: 17 }, { index: 18 }, { index: 19 }],
    });
    expect(pageOf(entries, "notHeld", 1)!.items.map((item) => item.index)).toEqual([9, 10]);
    expect(pageOf(entries, "all", 3)).toBeNull();
    expect(pageOf(entries, "difficulties", 0)).toEqual({ items: [], matching: 0, pages: 1 });
  });
});

describe("election statistics text", () => {
  it("writes shares with a decimal comma in Vietnamese, per level, and names the units elected short", () => {
    const stats: ElectionStats = {
      levels: [
        {
          ...emptyElectionTotals(),
          level: "cell",
          congresses: 3,
          withResults: 3,
          committeePlanned: 15,
          committeeElected: 14,
          inFull: 2,
          short: 1,
          women: 6,
          underThirtyFive: 1,
          reElected: 9,
          womenBase: 14,
          underThirtyFiveBase: 14,
          reElectedBase: 14,
          secretaryDirect: 1,
          secretaryDirectKnown: 3,
          delegates: 12,
          delegatesKnown: 3,
        },
        { ...emptyElectionTotals(), level: "grassroots", congresses: 1, withResults: 0 },
      ],
      // Every ward has a "Tổ dân phố số 2": the unit elected short is named with its ward.
      shortUnits: [
        {
          id: 10,
          name: "Chi bộ Tổ dân phố số 2",
          parentName: "Đảng bộ phường Bồ Đề",
          nameShared: true,
          level: "cell",
          elected: 4,
          planned: 5,
        },
      ],
    };
    const vi = translatorFor(createI18n({ defaultLocale: "vi" }), "vi");
    expect(renderElectionStats(vi, "vi", stats)).toEqual([
      "Kết quả bầu cử (4 đại hội đã tổ chức):",
      "• Tổ chức cơ sở đảng (1): chưa báo cáo kết quả bầu cử",
      "• Chi bộ trực thuộc (3): cấp ủy trúng cử 14/15 (93,3%); bầu đủ 2, bầu thiếu 1",
      "   Nữ 6 (42,9%) • dưới 35 tuổi 1 (7,1%) • tái cử 9 (64,3%) • mới 5 (35,7%)",
      "   Bí thư bầu trực tiếp: 1/3 • Đại biểu dự đại hội cấp trên: 12 được bầu",
      "Bầu thiếu cấp ủy: Chi bộ Tổ dân phố số 2 — phường Bồ Đề (4/5).",
    ]);
    const en = translatorFor(createI18n({ defaultLocale: "en" }), "en");
    expect(renderElectionStats(en, "en", stats)[2]).toBe(
      "• Cells (3): committee members elected 14/15 (93.3%); full 2, short 1",
    );
    expect(renderElectionStats(vi, "vi", { levels: [], shortUnits: [] })).toEqual([]);
  });
  it("writes the make-up, the standing committee, shares of votes, delegates and attendance as the Ngọc Lâm article does", () => {
    // Đảng bộ phường Ngọc Lâm, 2020: 15 elected; 4 women; 2 under 35, 9 aged 35–50, 4 over 50; 10 re-elected;
    // 3 postgraduate, 11 college or university; standing committee 5, 2 women; 17 delegates (16 elected, 1 ex officio).
    const stats: ElectionStats = {
      levels: [
        {
          ...emptyElectionTotals(),
          level: "grassroots",
          congresses: 1,
          withResults: 1,
          committeePlanned: 15,
          committeeElected: 15,
          inFull: 1,
          standingElected: 5,
          women: 4,
          underThirtyFive: 2,
          agedThirtyFiveToFifty: 9,
          overFifty: 4,
          reElected: 10,
          postgraduate: 3,
          graduate: 11,
          womenBase: 15,
          underThirtyFiveBase: 15,
          agedThirtyFiveToFiftyBase: 15,
          overFiftyBase: 15,
          reElectedBase: 15,
          postgraduateBase: 15,
          graduateBase: 15,
          standingWomen: 2,
          standingWomenBase: 5,
          delegates: 16,
          delegatesKnown: 1,
          delegatesExOfficio: 1,
          delegatesExOfficioKnown: 1,
          summoned: 161,
          present: 158,
          attendanceKnown: 1,
          lowestVoteShare: 61.25,
          highestVoteShare: 98.5,
          voteSharesKnown: 1,
        },
      ],
      shortUnits: [],
    };
    const vi = translatorFor(createI18n({ defaultLocale: "vi" }), "vi");
    expect(renderElectionStats(vi, "vi", stats).slice(2)).toEqual([
      "   Nữ 4 (26,7%) • dưới 35 tuổi 2 (13,3%) • tái cử 10 (66,7%) • mới 5 (33,3%)",
      "   Cơ cấu: từ 35 đến 50 tuổi 9 (60,0%) • trên 50 tuổi 4 (26,7%) • trình độ trên đại học 3 (20,0%) • cao đẳng, đại học 11 (73,3%) • Ban Thường vụ 5, trong đó nữ 2 (40,0%)",
      "   Tỷ lệ phiếu trúng cử: thấp nhất 61,25%, cao nhất 98,5% • Đại biểu dự đại hội cấp trên: 16 được bầu, 1 đương nhiên • Có mặt 158/161 được triệu tập (98,1%)",
    ]);
    const en = translatorFor(createI18n({ defaultLocale: "en" }), "en");
    expect(renderElectionStats(en, "en", stats).slice(3)).toEqual([
      "   Make-up: aged 35 to 50 9 (60.0%) • over 50 4 (26.7%) • postgraduate 3 (20.0%) • college or university 11 (73.3%) • standing committees 5, of whom women 2 (40.0%)",
      "   Share of votes of those elected: lowest 61.25%, highest 98.5% • Delegates to the higher congress: 16 elected, 1 ex officio • Present 158 of 161 summoned (98.1%)",
    ]);
  });
});
