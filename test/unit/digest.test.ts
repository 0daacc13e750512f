import { describe, expect, it } from "vitest";
import { buildDigest, type DigestUnit } from "../../src/domain/digest.js";
import { createI18n, translatorFor } from "../../src/i18n.js";
import { renderDigest } from "../../src/render/digest-text.js";

const at = new Date("2020-02-20T10:00:00Z");
let nextId = 10;
function unit(overrides: Partial<DigestUnit> & Pick<DigestUnit, "name" | "level" | "parentId">): DigestUnit {
  return { id: nextId++, hasChildren: false, pilotDate: null, milestones: {}, openDifficulties: 0, ...overrides };
}
const held = (date: string, recordedAt = at) => ({ held: { date, recordedAt } });

describe("digest", () => {
  const top = { id: 1, name: "Đảng bộ quận Long Biên" };
  const ngocThuy = unit({ name: "Đảng bộ phường Ngọc Thụy", level: "grassroots", parentId: 1, hasChildren: true });
  const giaThuy = unit({ name: "Đảng bộ phường Gia Thụy", level: "grassroots", parentId: 1, hasChildren: true, pilotDate: "2020-03-11" });
  const court = unit({
    name: "Đảng bộ Tòa án nhân dân quận",
    level: "grassroots",
    parentId: 1,
    hasChildren: true,
    pilotDate: "2020-02-20",
    milestones: { ...held("2020-02-20"), documents: { date: "2020-02-01", recordedAt: at } },
  });
  const treasury = unit({ name: "Chi bộ Kho bạc Nhà nước Long Biên", level: "grassroots", parentId: 1, pilotDate: "2020-03-04", openDifficulties: 1 });
  const partial = unit({ name: "Đảng bộ bộ phận 1", level: "partial", parentId: ngocThuy.id, hasChildren: true });
  const units: DigestUnit[] = [
    { id: 1, name: top.name, level: "district", parentId: null, hasChildren: true, pilotDate: null, milestones: {}, openDifficulties: 0 },
    ngocThuy,
    giaThuy,
    court,
    treasury,
    partial,
    unit({ name: "Chi bộ 1", level: "cell", parentId: ngocThuy.id, milestones: held("2020-02-10") }),
    unit({ name: "Chi bộ 2", level: "cell", parentId: partial.id }),
    unit({ name: "Chi bộ 3", level: "cell", parentId: partial.id, openDifficulties: 2 }),
    unit({ name: "Chi bộ 4", level: "cell", parentId: giaThuy.id, milestones: held("2020-02-25", new Date("2020-02-25T09:00:00Z")) }),
    unit({ name: "Chi bộ 5", level: "cell", parentId: giaThuy.id, milestones: { scheduled: { date: "2020-02-28", recordedAt: at } } }),
    unit({ name: "Chi bộ 6", level: "cell", parentId: court.id, milestones: held("2020-02-15") }),
  ];
  const digest = buildDigest({
    top,
    units,
    deadlines: { cell: { held: "2020-03-31" }, grassroots: { held: "2020-06-10" } },
    today: "2020-02-26",
    since: new Date("2020-02-25T10:00:00Z"),
    overdueListAfterDays: 7,
  });

  it("counts cells and grassroots organisations, with the pilot held and the change since the last digest", () => {
    expect(digest.cells).toEqual({ done: 3, total: 6, sinceLast: 0 });
    expect(digest.grassroots).toEqual({ done: 1, total: 4, pilotsHeld: [{ name: "Đảng bộ Tòa án nhân dân quận", date: "2020-02-20" }] });
    expect(digest.documents).toEqual({ done: 1, total: 4 });
  });

  it("sorts committees by the share of their cells that held, counting cells under partial committees", () => {
    expect(digest.laggards).toEqual([
      { name: "Đảng bộ phường Ngọc Thụy", done: 1, total: 3, hasDifficulty: true },
      { name: "Đảng bộ phường Gia Thụy", done: 1, total: 2, hasDifficulty: false },
    ]);
  });

  it("renders the digest like the office's report", () => {
    const text = renderDigest(translatorFor(createI18n({ defaultLocale: "vi" }), "vi"), "vi", { unitName: top.name, date: "2020-02-26", time: "17:00" }, digest, 7);
    expect(text).toBe(
      [
        "📊 TIẾN ĐỘ ĐẠI HỘI — Đảng bộ quận Long Biên",
        "Cập nhật 17:00 ngày 26/02/2020 (thứ Tư)",
        "",
        "Chi bộ trực thuộc đảng ủy cơ sở: 3/6 (50%) đã đại hội",
        "Tổ chức cơ sở đảng: 1/4 đã đại hội (đại hội điểm: Đảng bộ Tòa án nhân dân quận, 20/02)",
        "Dự thảo báo cáo chính trị, kiểm điểm: 1/4 • Phương án nhân sự: 0/4",
        "",
        "Chậm nhất (chi bộ đã đại hội / tổng):",
        "• Đảng bộ phường Ngọc Thụy: 1/3 (33,3%) — có khó khăn",
        "• Đảng bộ phường Gia Thụy: 1/2 (50%)",
        "",
        "Sắp đại hội (7 ngày tới):",
        "• 28/02 Chi bộ 5",
        "• 04/03 Chi bộ Kho bạc Nhà nước Long Biên (đại hội điểm)",
        "",
        "Quá hạn: không có. Hạn chót chi bộ: 31/03/2020 (còn 34 ngày).",
        "Khó khăn đang mở (3): Chi bộ Kho bạc Nhà nước Long Biên; Chi bộ 3.",
      ].join("\n"),
    );
  });

  it("lists units overdue by more than a week, and counts congresses recorded since the last digest", () => {
    const late = buildDigest({
      top,
      units,
      deadlines: { cell: { held: "2020-02-10" } },
      today: "2020-02-26",
      since: new Date("2020-02-24T10:00:00Z"),
      overdueListAfterDays: 7,
    });
    expect(late.cells.sinceLast).toBe(1);
    expect(late.overdue).toEqual([
      { name: "Chi bộ 2", days: 16 },
      { name: "Chi bộ 3", days: 16 },
      { name: "Chi bộ 5", days: 16 },
    ]);
  });
});
