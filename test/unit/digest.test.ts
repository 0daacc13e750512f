// The digest's decisions (what is listed, in which order) over roll-up counts and named lists; the
// counting itself is SQL (src/db/progress-rollup.ts) and is tested against the database in
// test/integration/progress-consistency.test.ts.
import { describe, expect, it } from "vitest";
import { congressPlan } from "../../src/domain/campaign-plan.js";
import type { ListedUnit, UnitFacts } from "../../src/domain/checklist.js";
import { buildDigest, type DigestInput } from "../../src/domain/digest.js";
import {
  emptyCounts,
  type GrassrootsRow,
  type ProgressCounts,
  type RollupRow,
  type RollupUnit,
} from "../../src/domain/progress-rollup.js";
import type { UnitLevel } from "../../src/domain/levels.js";
import { createI18n, translatorFor } from "../../src/i18n.js";
import { renderDigest } from "../../src/render/digest-text.js";

const counts = (values: Partial<ProgressCounts>): ProgressCounts => {
  const filled = { ...emptyCounts(), ...values };
  return { ...filled, notScheduled: filled.total - filled.held - filled.scheduled };
};
const unit = (id: number, name: string, level: UnitLevel, hasChildren: boolean): RollupUnit => ({
  id,
  code: `U${id}`,
  name,
  level,
  path: `/1/${id}/`,
  parentId: 1,
  hasChildren,
  pilotDate: null,
  parentName: null,
  nameShared: false,
});

describe("digest", () => {
  const top = { id: 1, name: "Đảng bộ quận Long Biên" };
  // Four grassroots organisations: Ngọc Thụy (a partial committee with two cells, one cell of its own, one
  // held), Gia Thụy (two cells, one held, one scheduled), the court (pilot, held, one cell held), the
  // treasury (a grassroots cell with one open difficulty).
  const ngocThuy = unit(2, "Đảng bộ phường Ngọc Thụy", "grassroots", true);
  const giaThuy = unit(3, "Đảng bộ phường Gia Thụy", "grassroots", true);
  const court = unit(4, "Đảng bộ Tòa án nhân dân quận", "grassroots", true);
  const treasury = unit(5, "Chi bộ Kho bạc Nhà nước Long Biên", "grassroots", false);
  const rows: RollupRow[] = [
    { entryId: 2, level: "grassroots", hasChildren: true, counts: counts({ total: 1 }) },
    { entryId: 2, level: "partial", hasChildren: true, counts: counts({ total: 1 }) },
    {
      entryId: 2,
      level: "cell",
      hasChildren: false,
      counts: counts({ total: 3, held: 1, withDifficulties: 1, openDifficulties: 2 }),
    },
    { entryId: 3, level: "grassroots", hasChildren: true, counts: counts({ total: 1 }) },
    {
      entryId: 3,
      level: "cell",
      hasChildren: false,
      counts: counts({ total: 2, held: 1, scheduled: 1, heldSince: 0 }),
    },
    { entryId: 4, level: "grassroots", hasChildren: true, counts: counts({ total: 1, held: 1, documents: 1 }) },
    { entryId: 4, level: "cell", hasChildren: false, counts: counts({ total: 1, held: 1 }) },
    {
      entryId: 5,
      level: "grassroots",
      hasChildren: false,
      counts: counts({ total: 1, withDifficulties: 1, openDifficulties: 1 }),
    },
  ];
  const grassrootsRows: GrassrootsRow[] = rows.map((row) => ({
    grassrootsId: row.entryId,
    level: row.level,
    counts: row.counts,
  }));
  const input: DigestInput = {
    top,
    rollup: { rows, grassroots: { units: [ngocThuy, giaThuy, court, treasury], rows: grassrootsRows } },
    lists: {
      upcoming: [
        {
          name: "Chi bộ Kho bạc Nhà nước Long Biên",
          parentName: "Đảng bộ quận Long Biên",
          nameShared: false,
          date: "2020-03-04",
          pilot: true,
        },
        {
          name: "Chi bộ 5",
          parentName: "Đảng bộ phường Gia Thụy",
          nameShared: false,
          date: "2020-02-28",
          pilot: false,
        },
      ],
      pilotsHeld: [
        {
          name: "Đảng bộ Tòa án nhân dân quận",
          parentName: "Đảng bộ quận Long Biên",
          nameShared: false,
          date: "2020-02-20",
        },
      ],
      openDifficulties: [
        {
          name: "Chi bộ Kho bạc Nhà nước Long Biên",
          parentName: "Đảng bộ quận Long Biên",
          nameShared: false,
          count: 1,
        },
        // A name another unit bears too carries its parent.
        { name: "Chi bộ 3", parentName: "Đảng bộ phường Ngọc Thụy", nameShared: true, count: 2 },
      ],
    },
    deadlines: { cell: { held: "2020-03-31" }, grassroots: { held: "2020-06-10" } },
    today: "2020-02-26",
    plan: congressPlan,
    attention: [],
  };
  const digest = buildDigest(input);

  it("takes the counts of cells and grassroots organisations from the roll-up, with the pilot held", () => {
    expect(digest.cells).toEqual({ done: 3, total: 6, sinceLast: 0 });
    expect(digest.grassroots).toEqual({
      done: 1,
      total: 4,
      pilotsHeld: [
        {
          name: "Đảng bộ Tòa án nhân dân quận",
          parentName: "Đảng bộ quận Long Biên",
          nameShared: false,
          date: "2020-02-20",
        },
      ],
    });
    expect(digest.documents).toEqual({ done: 1, total: 4 });
    expect(digest.nextDeadline).toEqual({ level: "cell", date: "2020-03-31", daysLeft: 34 });
  });

  it("sorts committees by the share of their cells that held, counting cells under partial committees", () => {
    expect(digest.laggards).toEqual([
      { name: "Đảng bộ phường Ngọc Thụy", done: 1, total: 3, hasDifficulty: true },
      { name: "Đảng bộ phường Gia Thụy", done: 1, total: 2, hasDifficulty: false },
    ]);
  });

  it("renders the digest like the office's report", () => {
    const text = renderDigest(
      translatorFor(createI18n({ defaultLocale: "vi" }), "vi"),
      "vi",
      { unitName: top.name, date: "2020-02-26", time: "17:00" },
      digest,
    );
    expect(text).toBe(
      [
        "📊 TIẾN ĐỘ ĐẠI HỘI — Đảng bộ quận Long Biên",
        "Cập nhật 17:00 ngày 26/02/2020 (thứ Tư)",
        "",
        "Chi bộ trực thuộc đảng ủy cơ sở: 3/6 (50,0%) đã đại hội",
        "Tổ chức cơ sở đảng: 1/4 đã đại hội (đại hội điểm: Đảng bộ Tòa án nhân dân quận, 20/02)",
        "Dự thảo báo cáo chính trị, kiểm điểm: 1/4 • Phương án nhân sự: 0/4",
        "",
        "Chậm nhất (chi bộ đã đại hội / tổng):",
        "• Đảng bộ phường Ngọc Thụy: 1/3 (33,3%) — có khó khăn",
        "• Đảng bộ phường Gia Thụy: 1/2 (50,0%)",
        "",
        "Sắp đại hội (7 ngày tới):",
        "• 28/02 Chi bộ 5",
        "• 04/03 Chi bộ Kho bạc Nhà nước Long Biên (đại hội điểm)",
        "",
        "Quá hạn: không có. Hạn chót chi bộ: 31/03/2020 (còn 34 ngày).",
        "Khó khăn đang mở (3): Chi bộ Kho bạc Nhà nước Long Biên; Chi bộ 3 — phường Ngọc Thụy.",
      ].join("\n"),
    );
  });

  it("names the overdue units by their checklist, grouped under their grassroots organisation, the biggest group first", () => {
    const facts = (facts: Partial<UnitFacts>): UnitFacts => ({
      deadlines: {},
      reached: {},
      paused: false,
      pilotDate: null,
      ...facts,
    });
    const listed = (
      id: number,
      name: string,
      level: ListedUnit["level"],
      grassrootsId: number | null,
      unitFacts: UnitFacts,
      nameShared = false,
    ): ListedUnit => ({
      id,
      code: `U${id}`,
      name,
      level,
      parentId: grassrootsId,
      parentName: grassrootsId === 2 ? ngocThuy.name : grassrootsId === 3 ? giaThuy.name : null,
      nameShared,
      grassrootsId,
      position: id,
      facts: unitFacts,
    });
    const late = { plan: "2020-01-31", held: "2020-03-31" };
    const done = (day: string) => ({ happenedOn: day, reportedOn: day });
    const late2 = buildDigest({
      ...input,
      rollup: {
        ...input.rollup,
        rows: rows.map((row) =>
          row.entryId === 3 && row.level === "cell"
            ? { ...row, counts: counts({ total: 2, held: 1, scheduled: 1, heldSince: 1 }) }
            : row,
        ),
      },
      deadlines: { cell: { held: "2020-02-10" } },
      attention: [
        listed(10, "Chi bộ 1", "cell", 2, facts({ deadlines: late })),
        listed(11, "Chi bộ 2", "cell", 2, facts({ deadlines: late, reached: { documents: done("2020-02-01") } })),
        listed(12, "Chi bộ 3", "cell", 3, facts({ deadlines: late })),
        listed(2, ngocThuy.name, "grassroots", 2, facts({ deadlines: { plan: "2020-02-15" } })),
        // Paused: not overdue. Pilot congress passed with no report: named apart.
        listed(13, "Chi bộ 4", "cell", 3, facts({ deadlines: late, paused: true })),
        listed(5, treasury.name, "grassroots", 5, facts({ pilotDate: "2020-02-20" })),
      ],
    });
    expect(late2.cells.sinceLast).toBe(1);
    expect(late2.overdue.count).toBe(3);
    expect(
      late2.overdue.groups.map((group) => ({
        unit: group.unit.name,
        self: group.self,
        members: group.members.map((member) => member.name),
      })),
    ).toEqual([
      { unit: "Đảng bộ phường Ngọc Thụy", self: true, members: ["Chi bộ 1"] },
      { unit: "Đảng bộ phường Gia Thụy", self: false, members: ["Chi bộ 3"] },
    ]);
    expect(late2.pilotsPassed).toEqual([{ name: treasury.name, date: "2020-02-20" }]);
    expect(late2.nextDeadline).toBeNull();
    const text = renderDigest(
      translatorFor(createI18n({ defaultLocale: "vi" }), "vi"),
      "vi",
      { unitName: top.name, date: "2020-02-26", time: "17:00" },
      late2,
    );
    expect(text.split("\n").slice(-6)).toEqual([
      "",
      "Quá hạn (3 đơn vị có mốc quá hạn):",
      "• Đảng bộ phường Ngọc Thụy và 1 chi bộ (Chi bộ 1)",
      "• Đảng bộ phường Gia Thụy: 1 chi bộ (Chi bộ 3)",
      "Đại hội điểm đã qua ngày dự kiến, chưa báo cáo: Chi bộ Kho bạc Nhà nước Long Biên (20/02).",
      "Khó khăn đang mở (3): Chi bộ Kho bạc Nhà nước Long Biên; Chi bộ 3 — phường Ngọc Thụy.",
    ]);
  });
});
