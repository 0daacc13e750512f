// Bad input to reporting: each gets a short answer saying what is wrong (with an example where one
// helps), never a stack trace, and the database stays exactly as it was.
import type { User } from "grammy/types";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fixedClock } from "../../src/clock.js";
import { callbackDataOf, startBotHarness, type BotHarness } from "../support/bot-harness.js";
import { bindTelegramUser, importFixture } from "../support/roster.js";
import { createTestDatabase, databaseFingerprint, type TestDatabase } from "../support/test-database.js";

const clock = fixedClock("2020-02-26T03:00:00Z");
const held = "/baocao daihoi 25/02/2020";
const ok = "bch=5/5 nu=2 tre=1 taicu=3";
const notSaved = "Chưa ghi được báo cáo:";
const dateFormat = (value: string) => `Chưa đọc được ngày "${value}". Nhập theo dạng ngày/tháng/năm, ví dụ 26/02/2020.`;
const notReal = (value: string) => `Ngày "${value}" không có thật. Nhập theo dạng ngày/tháng/năm, ví dụ 26/02/2020.`;
const outside = (date: string, from: string, to: string) =>
  `Ngày ${date} nằm ngoài thời gian của đợt đại hội này: chỉ nhận ngày từ ${from} đến ${to}. Đồng chí kiểm tra lại ngày, nhất là năm.`;
const keys =
  "bch, btv, btvnu, nu, tre, tu35, tren50, taicu, trendh, daihoc, caocap, trungcap, bttructiep, motlan, phieuthap, phieucao, daibieu, duongnhien, trieutap, comat, ghichu";

/** A ward committee's secretary (Lê Văn Cường, GT) reporting its standing committee (ban thường vụ) wrong. */
const committeeCases: [string, string[]][] = [
  [
    `${held} ${ok} btv=3 btvnu=4`,
    [
      notSaved,
      "Nữ trong Ban Thường vụ (4) không thể lớn hơn Ban Thường vụ (3).",
      "Nữ trong Ban Thường vụ (4) không thể lớn hơn Số nữ (2).",
    ],
  ],
  [`${held} ${ok} btv=30`, [notSaved, "Ban Thường vụ: 30 nằm ngoài khoảng cho phép (từ 0 đến 25)."]],
  [`${held} ${ok} btv=6`, [notSaved, "Ban Thường vụ (6) không thể lớn hơn Số ủy viên trúng cử (5)."]],
];

/** One-line commands and the exact answer to each. */
const lineCases: [string, string[]][] = [
  ["/baocao xyz", ['Không có đơn vị mã "xyz". Kiểm tra lại mã, ví dụ: /baocao GT-01 daihoi 04/03/2020 …']],
  [
    "/baocao GT-07 abc",
    [
      notSaved,
      '"abc" không phải nội dung báo cáo. Dùng một trong: kehoach, vankien, nhansu, lich, daihoi (hoặc plan, documents, personnel, scheduled, held).',
    ],
  ],
  [`/baocao daihoi 31/02/2020 ${ok}`, [notSaved, notReal("31/02/2020")]],
  [`/baocao daihoi 29/02/2021 ${ok}`, [notSaved, notReal("29/02/2021")]],
  [`/baocao daihoi 1/1/1899 ${ok}`, [notSaved, notReal("1/1/1899")]],
  [`/baocao daihoi 01/13/2020 ${ok}`, [notSaved, notReal("01/13/2020")]],
  [`/baocao daihoi 2020.03.04 ${ok}`, [notSaved, dateFormat("2020.03.04")]],
  [`/baocao daihoi tuần-sau ${ok}`, [notSaved, dateFormat("tuần-sau")]],
  [
    `/baocao daihoi 04/03/2020 ${ok}`,
    [
      notSaved,
      'Ngày đại hội 04/03/2020 còn ở phía trước. Chỉ báo cáo "đã tổ chức" khi đại hội đã diễn ra; nếu mới ấn định ngày, chọn "Ấn định ngày đại hội".',
    ],
  ],
  [
    "/baocao lich 20/02/2020",
    [
      notSaved,
      'Ngày 20/02/2020 đã qua. Ngày đại hội ấn định phải từ hôm nay trở đi; nếu đại hội đã diễn ra, chọn "Tổ chức đại hội".',
    ],
  ],
  ["/baocao lich", [notSaved, "Cần ghi ngày đại hội, ví dụ 04/03/2020."]],
  // The cells' deadlines run from 31/01/2020 to 31/03/2020: work from a year before, a congress until a year after.
  [`/baocao daihoi 01/01/1900 ${ok}`, [notSaved, outside("01/01/1900", "31/01/2019", "26/02/2020")]],
  ["/baocao kehoach 30/01/2019", [notSaved, outside("30/01/2019", "31/01/2019", "26/02/2020")]],
  ["/baocao lich 01/01/2100", [notSaved, outside("01/01/2100", "26/02/2020", "31/03/2021")]],
  [
    "/baocao kehoach mai",
    [notSaved, "Ngày 27/02/2020 chưa tới. Chỉ báo cáo việc đã hoàn thành, ngày không muộn hơn hôm nay."],
  ],
  ["/baocao daihoi", [notSaved, "Cần ghi ngày đại hội, ví dụ 04/03/2020.", "Thiếu bch: ví dụ bch=15/15."]],
  // A cell (chi ủy) has no standing committee: said once, whatever its figures.
  [
    `${held} ${ok} btv=3 btvnu=4`,
    [
      notSaved,
      "Chi bộ không bầu Ban Thường vụ: bỏ số ủy viên Ban Thường vụ (btv, btvnu) khỏi báo cáo, ví dụ bch=5/5 nu=2.",
    ],
  ],
  [held, [notSaved, "Thiếu bch: ví dụ bch=15/15."]],
  [`${held} nu=2 tre=1 taicu=3`, [notSaved, "Thiếu bch: ví dụ bch=15/15."]],
  [`${held} bch=abc nu=2 tre=1 taicu=3`, [notSaved, "bch=abc: ghi số trúng cử/số theo đề án, ví dụ bch=15/15."]],
  [`${held} bch=5/5/5 nu=2 tre=1 taicu=3`, [notSaved, "bch=5/5/5: ghi số trúng cử/số theo đề án, ví dụ bch=15/15."]],
  [`${held} bch=5/ nu=2 tre=1 taicu=3`, [notSaved, "bch=5/: ghi số trúng cử/số theo đề án, ví dụ bch=15/15."]],
  [
    `${held} bch=6/5 nu=2 tre=1 taicu=3`,
    [notSaved, "Số ủy viên trúng cử (6) lớn hơn số theo đề án (5). Nếu đúng như vậy, thêm ghichu=… để giải thích."],
  ],
  [`${held} bch=5/5 nu=6 tre=1 taicu=3`, [notSaved, "Số nữ (6) không thể lớn hơn Số ủy viên trúng cử (5)."]],
  [`${held} bch=5/5 nu=2 tre=9 taicu=3`, [notSaved, "Số dưới 35 tuổi (9) không thể lớn hơn Số ủy viên trúng cử (5)."]],
  [`${held} bch=5/5 nu=2 tre=1 taicu=7`, [notSaved, "Số tái cử (7) không thể lớn hơn Số ủy viên trúng cử (5)."]],
  [`${held} bch=0/5 nu=0 tre=0 taicu=0`, [notSaved, "Số ủy viên trúng cử: 0 nằm ngoài khoảng cho phép (từ 1 đến 99)."]],
  [
    `${held} bch=100/100 nu=2 tre=1 taicu=3`,
    [
      notSaved,
      "Số ủy viên theo đề án: 100 nằm ngoài khoảng cho phép (từ 1 đến 99).",
      "Số ủy viên trúng cử: 100 nằm ngoài khoảng cho phép (từ 1 đến 99).",
    ],
  ],
  [`${held} bch=5/5 nu=-1 tre=1 taicu=3`, [notSaved, "nu=-1: cần một số, ví dụ nu=4."]],
  [`${held} bch=5/5 nu=2.5 tre=1 taicu=3`, [notSaved, "nu=2.5: cần một số, ví dụ nu=4."]],
  [`${held} bch=5/5 nu=hai tre=1 taicu=3`, [notSaved, "nu=hai: cần một số, ví dụ nu=4."]],
  [`${held} ${ok} bttructiep=maybe`, [notSaved, 'bttructiep=maybe: cần "co" hoặc "khong", ví dụ bttructiep=co.']],
  [`${held} ${ok} motlan=2`, [notSaved, 'motlan=2: cần "co" hoặc "khong", ví dụ motlan=co.']],
  [`${held} ${ok} foo=1`, [notSaved, `Không có khóa "foo". Các khóa: ${keys} (xem /trogiup).`]],
  [`${held} ${ok} nu=3`, [notSaved, 'Khóa "nu" bị ghi hai lần.']],
  [`${held} ${ok} trieutap=50 comat=60`, [notSaved, "Số có mặt (60) không thể lớn hơn Số được triệu tập (50)."]],
  [
    `${held} ${ok} daibieu=1000`,
    [notSaved, "Đại biểu dự đại hội cấp trên: 1.000 nằm ngoài khoảng cho phép (từ 0 đến 999)."],
  ],
  [
    `${held} ${ok} phieuthap=sáu`,
    [notSaved, "phieuthap=sáu: cần tỷ lệ phần trăm, tối đa hai chữ số thập phân, ví dụ phieuthap=61,25."],
  ],
  [
    `${held} ${ok} phieucao=98,555`,
    [notSaved, "phieucao=98,555: cần tỷ lệ phần trăm, tối đa hai chữ số thập phân, ví dụ phieucao=61,25."],
  ],
  [`${held} ${ok} phieuthap=50`, [notSaved, "Tỷ lệ phiếu thấp nhất: 50 nằm ngoài khoảng cho phép (từ 50,01 đến 100)."]],
  [
    `${held} ${ok} phieuthap=90 phieucao=80`,
    [notSaved, "Tỷ lệ phiếu thấp nhất (90) không thể lớn hơn Tỷ lệ phiếu cao nhất (80)."],
  ],
  [
    `${held} ${ok} tu35=3 tren50=2`,
    [notSaved, "Số dưới 35, từ 35 đến 50 và trên 50 tuổi cộng lại 1 + 3 + 2 = 6, phải bằng số ủy viên trúng cử (5)."],
  ],
  [
    `${held} ${ok} trendh=2 daihoc=4`,
    [
      notSaved,
      "Số có trình độ trên đại học và cao đẳng, đại học cộng lại 2 + 4 = 6, không thể lớn hơn số ủy viên trúng cử (5).",
    ],
  ],
  [`${held} ${ok} duongnhien=1,5`, [notSaved, "duongnhien=1,5: cần một số, ví dụ duongnhien=4."]],
  [`${held} ${ok} trieutap=0`, [notSaved, "Số được triệu tập: 0 nằm ngoài khoảng cho phép (từ 1 đến 5.000)."]],
  [`${held} ${ok} thừa`, [notSaved, 'Không hiểu "thừa": ngày ghi ngay sau nội dung, các số ghi dạng khóa=giá_trị.']],
  ["/baocao kehoach bch=5/5", [notSaved, 'Khóa "bch" chỉ dùng khi báo cáo đã tổ chức đại hội (daihoi).']],
  [
    "/baocao kehoach hôm qua hôm nay",
    [notSaved, 'Không hiểu "hômnay": ngày ghi ngay sau nội dung, các số ghi dạng khóa=giá_trị.'],
  ],
  [`/baocao ${"x".repeat(5000)}`, ["Nội dung quá dài (tối đa 1.000 ký tự)."]],
  ["/baocao 🎉", ['Không có đơn vị mã "🎉". Kiểm tra lại mã, ví dụ: /baocao GT-01 daihoi 04/03/2020 …']],
  ["/baocao 🎉 kehoach", ['Không có đơn vị mã "🎉". Kiểm tra lại mã, ví dụ: /baocao GT-01 daihoi 04/03/2020 …']],
  [
    "/baocao '; DROP TABLE reports; --",
    [
      notSaved,
      '"DROP" không phải nội dung báo cáo. Dùng một trong: kehoach, vankien, nhansu, lich, daihoi (hoặc plan, documents, personnel, scheduled, held).',
    ],
  ],
  [
    "/baocao <b>daihoi</b>",
    ['Không có đơn vị mã "<b>daihoi</b>". Kiểm tra lại mã, ví dụ: /baocao GT-01 daihoi 04/03/2020 …'],
  ],
  [
    "/baocao GT-12 kehoach",
    ["Đồng chí không có quyền báo cáo cho Chi bộ Tổ dân phố 12. Mỗi đồng chí chỉ báo cáo cho đơn vị mình được giao."],
  ],
  [
    "/baocao KB kehoach",
    [
      "Đồng chí không có quyền báo cáo cho Chi bộ Kho bạc Nhà nước Long Biên. Mỗi đồng chí chỉ báo cáo cho đơn vị mình được giao.",
    ],
  ],
];

/** Typed answers inside the guided flow: [milestone button, answers before, bad answer, exact reply]. */
const numbersRetry = "Nhập lại các số, cách nhau bằng dấu cách, ví dụ: 5 5 2 1 3";
const notANumber = (value: string) =>
  `"${value}" không phải là số. Nhập các số nguyên, cách nhau bằng dấu cách, ví dụ: 5 5 2 1 3`;
const required = "Cần nhập số chi ủy viên theo đề án, số trúng cử (bắt buộc). Ví dụ: 5 5 2 1 3";
const afterDate = ["25/02/2020"];
const atComposition = ["25/02/2020", "5 5 2 1 3"];
const atVotes = [...atComposition, "2 2 0 4 0 3", "có", "không"];
const atDelegates = [...atVotes, "75,5 100"];
const delegatesRetry = "Nhập lại các số, cách nhau bằng dấu cách, ví dụ: 3 0 30 28";
const flowCases: [string, string[], string, string][] = [
  ["Tổ chức đại hội", [], "31/02/2020", notReal("31/02/2020")],
  ["Tổ chức đại hội", [], "abc", dateFormat("abc")],
  ["Tổ chức đại hội", [], "🎉🎉", dateFormat("🎉🎉")],
  [
    "Tổ chức đại hội",
    [],
    "mai",
    'Ngày đại hội 27/02/2020 còn ở phía trước. Chỉ báo cáo "đã tổ chức" khi đại hội đã diễn ra; nếu mới ấn định ngày, chọn "Ấn định ngày đại hội".',
  ],
  ["Ấn định ngày đại hội", [], "01/04/2021", outside("01/04/2021", "26/02/2020", "31/03/2021")],
  [
    "Ấn định ngày đại hội",
    [],
    "hôm qua",
    'Ngày 25/02/2020 đã qua. Ngày đại hội ấn định phải từ hôm nay trở đi; nếu đại hội đã diễn ra, chọn "Tổ chức đại hội".',
  ],
  ["Kế hoạch đại hội", [], "32/1", notReal("32/1")],
  ["Kế hoạch đại hội", [], "x".repeat(5000), "Nội dung quá dài (tối đa 1.000 ký tự)."],
  ["Tổ chức đại hội", afterDate, "abc", notANumber("abc")],
  ["Tổ chức đại hội", afterDate, "5 5 -3", notANumber("-3")],
  ["Tổ chức đại hội", afterDate, "5 2.5", notANumber("2.5")],
  ["Tổ chức đại hội", afterDate, "1e3 5", notANumber("1e3")],
  ["Tổ chức đại hội", afterDate, "5", required],
  ["Tổ chức đại hội", afterDate, "- 5 2", required],
  ["Tổ chức đại hội", afterDate, "5 5 2 1 3 4", "Đồng chí nhập 6 số, nhiều hơn 5 số cần có. Ví dụ: 5 5 2 1 3"],
  [
    "Tổ chức đại hội",
    afterDate,
    "0 5",
    ["Số ủy viên theo đề án: 0 nằm ngoài khoảng cho phép (từ 1 đến 99).", numbersRetry].join("\n"),
  ],
  [
    "Tổ chức đại hội",
    afterDate,
    "100 100",
    [
      "Số ủy viên theo đề án: 100 nằm ngoài khoảng cho phép (từ 1 đến 99).",
      "Số ủy viên trúng cử: 100 nằm ngoài khoảng cho phép (từ 1 đến 99).",
      numbersRetry,
    ].join("\n"),
  ],
  [
    "Tổ chức đại hội",
    afterDate,
    "5 6",
    [
      "Số ủy viên trúng cử (6) lớn hơn số theo đề án (5). Nếu đúng như vậy, thêm ghichu=… để giải thích.",
      numbersRetry,
    ].join("\n"),
  ],
  [
    "Tổ chức đại hội",
    afterDate,
    "5 5 9",
    ["Số nữ (9) không thể lớn hơn Số ủy viên trúng cử (5).", numbersRetry].join("\n"),
  ],
  [
    "Tổ chức đại hội",
    afterDate,
    "5 5 2 6 7",
    [
      "Số dưới 35 tuổi (6) không thể lớn hơn Số ủy viên trúng cử (5).",
      "Số tái cử (7) không thể lớn hơn Số ủy viên trúng cử (5).",
      numbersRetry,
    ].join("\n"),
  ],
  ["Tổ chức đại hội", [...atComposition, "2 2 0 4 0 3"], "có lẽ", 'Đồng chí bấm "Có" hoặc "Không" (hoặc gõ có/không).'],
  [
    "Tổ chức đại hội",
    atComposition,
    "2 2 3 4",
    [
      "Số có trình độ trên đại học và cao đẳng, đại học cộng lại 3 + 4 = 7, không thể lớn hơn số ủy viên trúng cử (5).",
      "Nhập lại các số, cách nhau bằng dấu cách, ví dụ: 2 2 0 4 0 3",
    ].join("\n"),
  ],
  ["Tổ chức đại hội", atComposition, "2 2 0 4 0 3 1", "Đồng chí nhập 7 số, nhiều hơn 6 số cần có. Ví dụ: 2 2 0 4 0 3"],
  [
    "Tổ chức đại hội",
    atVotes,
    "45 90",
    [
      "Tỷ lệ phiếu thấp nhất: 45 nằm ngoài khoảng cho phép (từ 50,01 đến 100).",
      "Nhập lại các số, cách nhau bằng dấu cách, ví dụ: 75,5 100",
    ].join("\n"),
  ],
  [
    "Tổ chức đại hội",
    atVotes,
    "61,255",
    '"61,255" không phải là số. Nhập các tỷ lệ phần trăm (tối đa hai chữ số thập phân), cách nhau bằng dấu cách, ví dụ: 75,5 100',
  ],
  [
    "Tổ chức đại hội",
    atDelegates,
    "3 0 30 31",
    ["Số có mặt (31) không thể lớn hơn Số được triệu tập (30).", delegatesRetry].join("\n"),
  ],
  [
    "Tổ chức đại hội",
    atDelegates,
    "1000",
    ["Đại biểu dự đại hội cấp trên: 1.000 nằm ngoài khoảng cho phép (từ 0 đến 999).", delegatesRetry].join("\n"),
  ],
  [
    "Tổ chức đại hội",
    atDelegates,
    "ba",
    '"ba" không phải là số. Nhập các số nguyên, cách nhau bằng dấu cách, ví dụ: 3 0 30 28',
  ],
];

/** Forged callback data pressed on the flow's current message. `{id}` and `{step}` are the real ones. */
const forgedCallbacks = [
  "garbage",
  "rp:",
  "rp:AAAAAAAA:1:ok",
  "rp:{id}:99:ok",
  "rp:{id}:{step}:u:99",
  "rp:{id}:{step}:m:congress",
  "rp:{id}:{step}:d:2020-02-31",
  "rp:{id}:{step}:d:2099-01-01",
  "rp:{id}:{step}:cal:2020-13",
  "rp:{id}:{step}:yn:2",
  "rp:{id}:{step}:skip",
  "rp:{id}:{step}:ok:1",
  "rp:{id}:{step}:edit:x",
  "rp:{id}:{step}:f:women",
  "rp:{id}:{step}:f:date",
  "rp:{id}:{step}:back",
  "rp:{id}:{step}:clear",
  "rp:{id}:{step}:fix",
  "rs:0:held",
  "rs:{step}:congress",
  "rs:99999999999:held",
  "rs:abc",
  "rp:../../etc/passwd",
  `rp:{id}:{step}:${"z".repeat(40)}`,
];

describe("bad input to reporting", () => {
  let db: TestDatabase;
  let harness: BotHarness;
  let an: User;
  let cuong: User;

  beforeAll(async () => {
    db = await createTestDatabase();
    await importFixture(db.database, "reporting-org.yaml");
    an = await bindTelegramUser(db.database, "+84912345678");
    cuong = await bindTelegramUser(db.database, "+84904111222");
    harness = await startBotHarness(db.database, { clock });
  });
  afterAll(async () => {
    await harness?.stop();
    await db?.drop();
  });

  it("covers at least 60 bad inputs", () => {
    expect(lineCases.length + committeeCases.length + flowCases.length + forgedCallbacks.length).toBeGreaterThanOrEqual(
      60,
    );
  });

  const label = (text: string) => (text.length > 70 ? `${text.slice(0, 40)}… (${text.length} characters)` : text);

  /** Sends a one-line report: the answer is exactly `expected`, line by line, and the database is unchanged. */
  async function refusedAsIs(user: User, text: string, expected: string[]): Promise<void> {
    const before = await databaseFingerprint(db.database);
    const reply = await harness.say(user, text);
    expect(reply.text?.split("\n")).toEqual(expected);
    expect(await databaseFingerprint(db.database)).toEqual(before);
  }

  it.each(lineCases.map(([text, expected]) => ({ text, expected, name: label(text) })))(
    "when the one-line form is $name, then the answer says what is wrong and nothing is written",
    ({ text, expected }) => refusedAsIs(an, text, expected),
  );

  it.each(committeeCases.map(([text, expected]) => ({ text, expected, name: label(text) })))(
    "when a committee's secretary sends $name, then the answer says what is wrong and nothing is written",
    ({ text, expected }) => refusedAsIs(cuong, text, expected),
  );

  it.each(
    flowCases.map(([milestone, answers, bad, expected]) => ({ milestone, answers, bad, expected, name: label(bad) })),
  )(
    "when the flow for $milestone gets $name, then it says what is wrong and nothing is written",
    async ({ milestone, answers, bad, expected }) => {
      const milestones = await harness.say(an, "/baocao");
      await harness.press(an, milestones, milestone);
      for (const answer of answers) await harness.say(an, answer);
      const before = await databaseFingerprint(db.database);
      const reply = await harness.say(an, bad);
      expect(reply.text).toBe(expected);
      expect(await databaseFingerprint(db.database)).toEqual(before);
    },
  );

  it.each(forgedCallbacks)(
    "when a button with forged data %j is pressed, then it is refused and nothing is written",
    async (template) => {
      const card = await harness.say(an, "/baocao kehoach");
      const real = callbackDataOf(card);
      const [, id, step] = real.split(":");
      const data = template.replace("{id}", id!).replace("{step}", step!).slice(0, 64);
      const before = await databaseFingerprint(db.database);
      const answered = harness.emulator.callbackAnswers(harness.token).length;
      harness.emulator.pressButton(harness.token, { from: an, message: card, data, force: true });
      const answer = await harness.emulator.waitFor(() => harness.emulator.callbackAnswers(harness.token)[answered]);
      if (data.startsWith("rp:") || data.startsWith("rs:"))
        expect(answer.text).toBe("Nút này đã cũ. Đồng chí dùng tin nhắn mới nhất, hoặc gõ /baocao để bắt đầu lại.");
      else expect(answer.text).toBeUndefined();
      expect(await databaseFingerprint(db.database)).toEqual(before);
    },
  );
});
