import { describe, expect, it } from "vitest";
import {
  canResolveDifficulty,
  checkDifficultyText,
  difficultyMaxLength,
  difficultyUnitChoices,
  digestDifficulties,
  isSensitiveDifficulty,
  quotableText,
} from "../../src/domain/difficulty-rules.js";
import type { UnitLevel } from "../../src/domain/levels.js";
import type { ScopePerson as ReporterProfile } from "../../src/domain/scope.js";

const unit = (id: number, path: string, level: UnitLevel): { id: number; path: string; level: UnitLevel } => ({
  id,
  path,
  level,
});
const district = unit(1, "/1/", "district");
const ward = unit(2, "/1/2/", "grassroots");
const cell = unit(3, "/1/2/3/", "cell");
const sibling = unit(4, "/1/2/4/", "cell");
const otherWard = unit(5, "/1/5/", "grassroots");

const profile = (overrides: Partial<ReporterProfile>): ReporterProfile => ({
  roles: [],
  ledGroupUnits: [],
  ...overrides,
});

describe("difficulty text", () => {
  it("when the text is missing or blank, then it is empty", () => {
    expect(checkDifficultyText(undefined)).toEqual({ ok: false, problem: "empty" });
    expect(checkDifficultyText("  \n\t ")).toEqual({ ok: false, problem: "empty" });
  });

  it("when the text is typed, then it is trimmed, NFC-normalised and blank-line runs are folded", () => {
    expect(checkDifficultyText("  Chưa thống nhất\r\n\r\n\r\n\r\nphương án  ")).toEqual({
      ok: true,
      text: "Chưa thống nhất\n\nphương án",
    });
    expect(checkDifficultyText("Nhân sư\u0323")).toEqual({ ok: true, text: "Nhân sự" });
  });

  it("when the text is at the limit in characters, then it passes, emoji counting as one character each", () => {
    expect(checkDifficultyText("a".repeat(difficultyMaxLength))).toEqual({ ok: true, text: "a".repeat(1000) });
    expect(checkDifficultyText("🙏".repeat(1000))).toEqual({ ok: true, text: "🙏".repeat(1000) });
    // Decomposed Vietnamese counts as typed: "ệ" is one character after NFC.
    expect(checkDifficultyText("e\u0323\u0302".repeat(1000)).ok).toBe(true);
  });

  it("when the text is over the limit, then the length and the limit are given", () => {
    expect(checkDifficultyText("a".repeat(1001))).toEqual({ ok: false, problem: "too-long", length: 1001, max: 1000 });
    expect(checkDifficultyText("🙏".repeat(1001))).toEqual({ ok: false, problem: "too-long", length: 1001, max: 1000 });
  });
});

describe("sensitive difficulties (complaint letters)", () => {
  // Spellings people really type on a phone: with or without diacritics, NFD from some keyboards, the
  // tone on another vowel of the syllable, syllables joined or split by hyphens, underscores, dots or
  // invisible characters, any case.
  it.each([
    "Có đơn thư phản ánh về nhân sự",
    "Đơn Thư nặc danh gửi Quận ủy",
    "Có khiếu nại về kết quả giới thiệu",
    "Một đảng viên TỐ CÁO bí thư",
    "co don thu nac danh",
    "dang vien khieu nai",
    "nhan duoc to cao",
    // The two texts of the issue: hyphenated.
    "Có khiếu-nại về bí thư chi bộ",
    "Tố-cáo bí thư",
    // Underscores, dots, several spaces, a tab, a line break, a no-break space, a zero-width space, a dash.
    "Có khiếu_nại",
    "Đơn khiếu.nại gửi Đảng ủy",
    "tố   cáo sai sự thật",
    "tố\tcáo",
    "Nhận được đơn\nthư nặc danh",
    "khiếu\u00a0nại",
    "tố\u200bcáo",
    "tố – cáo",
    // Joined.
    "khieunai ve nhan su",
    "Có đơn tocao",
    "KHIẾUNẠI",
    "#tốcáo",
    "donthu nac danh",
    // NFD input (some keyboards and macOS copy-paste), and đ typed as d.
    "Có khiếu nại".normalize("NFD"),
    "Đơn thư tố cáo".normalize("NFD"),
    "Có dơn thư nặc danh",
    // Tone on the wrong vowel, a forgotten circumflex or dot: still the same word.
    "Có khiêú nại",
    "Có khíêu nại",
    "Có khiếu naị",
    "Có khiéu nại",
    "Có khiếu nai",
    "Bị tố caó",
    "Bị tó cáo",
    // Capitals and mixed forms.
    "TỐ_CÁO BÍ THƯ",
    "DON-THU",
    "Don.Thu gui Quan uy",
    "To.Cao bi thu chi bo",
  ])("when the text is %j, then it is sensitive", (text) => {
    expect(isSensitiveDifficulty(text)).toBe(true);
  });

  // Ordinary words that look like the terms once diacritics are gone, and the decisions documented in
  // difficulty-rules.ts: "tô"/"Tô" (bowl, paint, a surname), "tổ", "tốc", "yếu tố cao" (the factor
  // "high"), and "to" (big) and "cao" (tall, high) in a text written with diacritics are not complaints.
  it.each([
    "Chưa thống nhất phương án nhân sự",
    "Đơn vị thiếu hội trường",
    "Thư mời chưa in",
    "Nội dung tóm tắt đơn giản",
    "Tốc độ chuẩn bị văn kiện chậm",
    "Báo cáo chính trị chưa xong",
    "Tổ chức cáo phó cho đồng chí nguyên bí thư",
    "Cần nâng cao chất lượng văn kiện",
    "Tô cao nền hội trường",
    "Đồng chí Tô cáo ốm, xin hoãn họp",
    "Hội trường to cao nhưng thiếu ghế",
    "Một số đồng chí không tái cử do yếu tố cao tuổi",
    "mot so dong chi khong tai cu do yeu to cao tuoi",
    "nhan to cao nhat la nhan su",
    "Hóa đơn thu tiền hội trường chưa có",
    "hoa don thu tien hoi truong",
    "Tổ cao niên chưa họp",
    "tocaomuc", // inside a longer word
    "khiêu vũ nai lưng",
    "Có đơn xin thu hồi",
  ])("when the text is %j, then it is not sensitive", (text) => {
    expect(isSensitiveDifficulty(text)).toBe(false);
  });

  it('when a text has no diacritics at all, then an unaccented "to cao" counts (a false alarm only hides a text), except after "yeu"', () => {
    expect(isSensitiveDifficulty("nhan duoc don to cao bi thu")).toBe(true);
    expect(isSensitiveDifficulty("hoi truong to cao")).toBe(true);
    expect(isSensitiveDifficulty("do yeu to cao tuoi")).toBe(false);
    // With diacritics elsewhere, the same words are prose unless joined.
    expect(isSensitiveDifficulty("Hội trường to cao")).toBe(false);
    expect(isSensitiveDifficulty("Có đơn to-cao")).toBe(true);
    // An emoji's variation selector is not a diacritic: this text is still unaccented.
    expect(isSensitiveDifficulty("⚠️ nhan duoc don to cao")).toBe(true);
  });

  it("when a group digest is made, then sensitive difficulties are counted and never quoted", () => {
    const open = [
      { text: "Chưa thống nhất phương án nhân sự", sensitive: false, openedById: 1 },
      { text: "Có đơn thư tố cáo", sensitive: true, openedById: 1 },
    ];
    expect(digestDifficulties(open)).toEqual({ count: 2, sensitive: 1, quotable: [open[0]] });
    expect(quotableText(open[1]!, { kind: "group" })).toBeNull();
    expect(quotableText(open[0]!, { kind: "group" })).toBe("Chưa thống nhất phương án nhân sự");
  });

  it("when a person reads a sensitive difficulty, then only its author and those who read complaints (standing committee, admins) see the text", () => {
    const difficulty = { text: "Có đơn thư tố cáo", sensitive: true, openedById: 7 };
    expect(quotableText(difficulty, { kind: "person", personId: 7, readsComplaints: false })).toBe("Có đơn thư tố cáo");
    expect(quotableText(difficulty, { kind: "person", personId: 8, readsComplaints: true })).toBe("Có đơn thư tố cáo");
    expect(quotableText(difficulty, { kind: "person", personId: 8, readsComplaints: false })).toBeNull();
  });
});

describe("who handles a unit's difficulties", () => {
  it("when the person is an officer of the unit or leads a group following it, then they may resolve", () => {
    expect(canResolveDifficulty(profile({ roles: [{ role: "secretary", unit: cell }] }), cell)).toBe(true);
    expect(canResolveDifficulty(profile({ roles: [{ role: "deputy", unit: cell }] }), cell)).toBe(true);
    expect(canResolveDifficulty(profile({ roles: [{ role: "reporter", unit: ward }] }), cell)).toBe(true);
    expect(canResolveDifficulty(profile({ ledGroupUnits: [ward] }), cell)).toBe(true);
  });

  it("when the person is secretary of a sibling, of the committee above, a standing member or admin, then they may not", () => {
    expect(canResolveDifficulty(profile({ roles: [{ role: "secretary", unit: sibling }] }), cell)).toBe(false);
    expect(canResolveDifficulty(profile({ roles: [{ role: "secretary", unit: ward }] }), cell)).toBe(false);
    expect(canResolveDifficulty(profile({ roles: [{ role: "standing", unit: district }] }), cell)).toBe(false);
    expect(canResolveDifficulty(profile({ roles: [{ role: "admin", unit: district }] }), cell)).toBe(false);
    expect(canResolveDifficulty(profile({ ledGroupUnits: [otherWard] }), cell)).toBe(false);
  });

  it("when the person reports for several units, then those are the choices, each once, role units first", () => {
    const person = {
      roles: [
        { role: "standing" as const, unit: district },
        { role: "secretary" as const, unit: cell },
        { role: "admin" as const, unit: district },
        { role: "deputy" as const, unit: sibling },
      ],
      ledGroupUnits: [ward, sibling],
    };
    expect(difficultyUnitChoices(person)).toEqual([cell, sibling, ward]);
    expect(
      difficultyUnitChoices({ roles: [{ role: "standing" as const, unit: district }], ledGroupUnits: [] }),
    ).toEqual([]);
  });
});
