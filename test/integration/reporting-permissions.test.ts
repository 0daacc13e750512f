// Who may report for which unit: every reporting command and button, run as each kind of person.
// Allowed reports are saved as "own" or "on behalf"; every refusal leaves the database unchanged.
import type { User } from "grammy/types";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fixedClock } from "../../src/clock.js";
import { callbackDataOf, startBotHarness, telegramUser, type BotHarness } from "../support/bot-harness.js";
import { bindTelegramUser, importFixture } from "../support/roster.js";
import { createTestDatabase, databaseFingerprint, type TestDatabase } from "../support/test-database.js";

const clock = fixedClock("2020-02-26T03:00:00Z");
const refusal = (unit: string) =>
  `Đồng chí không có quyền báo cáo cho ${unit}. Mỗi đồng chí chỉ báo cáo cho đơn vị mình được giao.`;
const gt07 = "Chi bộ Tổ dân phố 7";
const nt01 = "Chi bộ Tổ dân phố 1";

type Actor =
  | "stranger"
  | "secretary"
  | "sibling"
  | "committeeWithReporter"
  | "committeeWithoutReporter"
  | "groupLeader"
  | "otherGroupLeader"
  | "admin";

const phones: Record<Exclude<Actor, "stranger">, string> = {
  secretary: "+84912345678", // An, secretary of GT-07
  sibling: "+84913222111", // Bình, secretary of GT-12
  committeeWithReporter: "+84904111222", // Cường, secretary and reporter of GT (above GT-07)
  committeeWithoutReporter: "+84904333444", // Dũng, secretary of NT only (above NT-01)
  groupLeader: "+84905555666", // Hà, leads the working group following GT
  otherGroupLeader: "+84907999000", // Minh, leads the working group following NT
  admin: "+84906777888", // Lan, admin of the district
};

// [actor, unit code, unit name, expected: "own" | "on-behalf" | refusal text]
const matrix: [Actor, string, string, "own" | "on-behalf" | string][] = [
  [
    "stranger",
    "GT-07",
    gt07,
    "Đồng chí chưa được giao đơn vị nào để báo cáo. Liên hệ Văn phòng cấp ủy để nhận mã mời.",
  ],
  ["secretary", "GT-07", gt07, "own"],
  ["sibling", "GT-07", gt07, refusal(gt07)],
  ["committeeWithReporter", "GT-07", gt07, "own"],
  ["committeeWithoutReporter", "NT-01", nt01, refusal(nt01)],
  ["groupLeader", "GT-07", gt07, "on-behalf"],
  ["groupLeader", "NT-01", nt01, refusal(nt01)],
  ["otherGroupLeader", "GT-07", gt07, refusal(gt07)],
  ["otherGroupLeader", "NT-01", nt01, "on-behalf"],
  ["admin", "NT-01", nt01, "on-behalf"],
  ["secretary", "NT-01", nt01, refusal(nt01)],
  ["secretary", "XX-99", "", 'Không có đơn vị mã "XX-99". Kiểm tra lại mã, ví dụ: /baocao GT-01 daihoi 04/03/2020 …'],
];

describe("who may report", () => {
  let db: TestDatabase;
  let harness: BotHarness;
  const users = new Map<Actor, User>();

  beforeAll(async () => {
    db = await createTestDatabase();
    await importFixture(db.database, "reporting-org.yaml");
    users.set("stranger", telegramUser({ first_name: "Khách" }));
    for (const [actor, phone] of Object.entries(phones))
      users.set(actor as Actor, await bindTelegramUser(db.database, phone));
    harness = await startBotHarness(db.database, { clock });
  });
  afterAll(async () => {
    await harness?.stop();
    await db?.drop();
  });

  it.each(matrix)(
    "when %s reports for %s in one line, then the outcome is as allowed",
    async (actor, code, name, expected) => {
      const user = users.get(actor)!;
      await db.database.prisma.report.deleteMany();
      const before = await databaseFingerprint(db.database);
      const reply = await harness.say(user, `/baocao ${code} kehoach`);
      if (expected !== "own" && expected !== "on-behalf") {
        expect(reply.text).toBe(expected);
        expect(reply.reply_markup).toBeUndefined();
        expect(await databaseFingerprint(db.database)).toEqual(before);
        return;
      }
      expect(reply.text?.split("\n")[0]).toBe(
        `Xác nhận báo cáo — ${name} (${code.startsWith("GT") ? "Đảng bộ phường Gia Thụy" : "Đảng bộ phường Ngọc Thụy"})`,
      );
      expect(reply.text?.includes("Báo cáo thay cho đơn vị (Tổ công tác / Văn phòng).")).toBe(expected === "on-behalf");
      await harness.press(user, reply, "✅ Xác nhận");
      const reports = await db.database.prisma.report.findMany({ include: { author: true, unit: true } });
      expect(reports).toHaveLength(1);
      expect(reports[0]).toMatchObject({
        unit: { code },
        onBehalf: expected === "on-behalf",
        author: { phone: phones[actor as Exclude<Actor, "stranger">] },
      });
    },
  );

  it.each(matrix)(
    "when %s opens the guided flow for %s, then they get the milestones only if allowed",
    async (actor, code, name, expected) => {
      const user = users.get(actor)!;
      const before = await databaseFingerprint(db.database);
      const reply = await harness.say(user, `/baocao ${code}`);
      if (expected === "own" || expected === "on-behalf")
        expect(reply.text).toBe(`${name}: đồng chí báo cáo nội dung nào?`);
      else expect(reply.text).toBe(expected);
      if (expected !== "own" && expected !== "on-behalf")
        expect(await databaseFingerprint(db.database)).toEqual(before);
    },
  );

  it.each(Object.keys(phones).filter((actor) => actor !== "secretary") as Actor[])(
    "when %s presses the buttons of the secretary's card, then the press is refused and nothing is written",
    async (actor) => {
      const secretary = users.get("secretary")!;
      const card = await harness.say(secretary, "/baocao kehoach");
      const before = await databaseFingerprint(db.database);
      for (const label of ["✅ Xác nhận", "✏️ Sửa", "✖️ Hủy"]) {
        const answered = harness.emulator.callbackAnswers(harness.token).length;
        harness.emulator.pressButton(harness.token, { from: users.get(actor)!, message: card, text: label });
        const answer = await harness.emulator.waitFor(() => harness.emulator.callbackAnswers(harness.token)[answered]);
        expect(answer.text).toBe("Nút này đã cũ. Đồng chí dùng tin nhắn mới nhất, hoặc gõ /baocao để bắt đầu lại.");
      }
      expect(await databaseFingerprint(db.database)).toEqual(before);
    },
  );

  it.each(Object.keys(phones).filter((actor) => actor !== "secretary") as Actor[])(
    "when %s presses a field of the secretary's edit menu, then the press is refused and nothing is written",
    async (actor) => {
      const secretary = users.get("secretary")!;
      const card = await harness.say(secretary, "/baocao daihoi 25/02/2020 bch=5/5 nu=2");
      const menu = await harness.press(secretary, card, "✏️ Sửa");
      const before = await databaseFingerprint(db.database);
      const flows = await db.database.prisma.chatFlow.findMany();
      for (const label of ["Số nữ: 2", "Ngày: 25/02/2020", "‹ Quay lại"]) {
        const answered = harness.emulator.callbackAnswers(harness.token).length;
        harness.emulator.pressButton(harness.token, { from: users.get(actor)!, message: menu, text: label });
        const answer = await harness.emulator.waitFor(() => harness.emulator.callbackAnswers(harness.token)[answered]);
        expect(answer.text).toBe("Nút này đã cũ. Đồng chí dùng tin nhắn mới nhất, hoặc gõ /baocao để bắt đầu lại.");
      }
      expect(await databaseFingerprint(db.database)).toEqual(before);
      expect(await db.database.prisma.chatFlow.findMany()).toEqual(flows);
    },
  );

  it("when a working-group leader reports in one line without a unit code, then they are asked for the code", async () => {
    const reply = await harness.say(users.get("groupLeader")!, "/baocao kehoach");
    expect(reply.text).toBe("Đồng chí phụ trách nhiều đơn vị: ghi mã đơn vị ngay sau /baocao, ví dụ /baocao GT …");
  });

  it("when the stranger presses a copied report button, then it is refused and nothing is written", async () => {
    const secretary = users.get("secretary")!;
    const card = await harness.say(secretary, "/baocao kehoach");
    const data = callbackDataOf(card);
    const before = await databaseFingerprint(db.database);
    const stranger = users.get("stranger")!;
    harness.emulator.registerChat({ id: stranger.id, type: "private", first_name: stranger.first_name });
    const answered = harness.emulator.callbackAnswers(harness.token).length;
    harness.emulator.pressButton(harness.token, { from: stranger, message: card, data, force: true });
    const answer = await harness.emulator.waitFor(() => harness.emulator.callbackAnswers(harness.token)[answered]);
    expect(answer.text).toBe("Nút này đã cũ. Đồng chí dùng tin nhắn mới nhất, hoặc gõ /baocao để bắt đầu lại.");
    expect(await databaseFingerprint(db.database)).toEqual(before);
  });

  it("when a working-group leader corrects a cell's congress through the edit menu, then it is saved on behalf with old → new", async () => {
    const leader = users.get("groupLeader")!;
    await db.database.prisma.report.deleteMany();
    const card = await harness.say(leader, "/baocao GT-07 daihoi 25/02/2020 bch=5/5 nu=2");
    const menu = await harness.press(leader, card, "✏️ Sửa");
    const field = await harness.press(leader, menu, "Số ủy viên theo đề án: 5");
    expect(field.text).toBe("Số chi ủy viên theo đề án được duyệt? (từ 1 đến 99)");
    const changed = await harness.say(leader, "6");
    expect(changed.text?.split("\n").slice(2)).toEqual([
      "Chi ủy: bầu 5/6 (thiếu), nữ 2 (40,0%)",
      "",
      "Báo cáo thay cho đơn vị (Tổ công tác / Văn phòng).",
    ]);
    await harness.press(leader, changed, "✅ Xác nhận");
    const reports = await db.database.prisma.report.findMany();
    expect(
      reports.map((report) => [
        report.onBehalf,
        (report.payload as { results: { committeePlanned: number } }).results.committeePlanned,
      ]),
    ).toEqual([[true, 6]]);
  });

  it("when the secretary's right is removed while a field is being edited, then the answer is refused and nothing is written", async () => {
    const secretary = users.get("secretary")!;
    const card = await harness.say(secretary, "/baocao daihoi 25/02/2020 bch=5/5 nu=2");
    const field = await harness.press(secretary, await harness.press(secretary, card, "✏️ Sửa"), "Số nữ: 2");
    const person = await db.database.prisma.person.findFirstOrThrow({ where: { phone: phones.secretary } });
    const roles = await db.database.prisma.roleAssignment.findMany({ where: { personId: person.id } });
    await db.database.prisma.roleAssignment.deleteMany({ where: { personId: person.id } });
    try {
      const before = await databaseFingerprint(db.database);
      expect((await harness.say(secretary, "3")).text).toBe(refusal(gt07));
      expect((await harness.press(secretary, field, "Để trống")).text).toBe(refusal(gt07));
      expect(await databaseFingerprint(db.database)).toEqual(before);
    } finally {
      await db.database.prisma.roleAssignment.createMany({ data: roles.map(({ id: _, ...role }) => role) });
    }
  });

  it("when the secretary's right is removed between the card and the confirmation, then confirming is refused", async () => {
    const secretary = users.get("secretary")!;
    const card = await harness.say(secretary, "/baocao kehoach");
    await db.database.prisma.roleAssignment.deleteMany({ where: { person: { phone: phones.secretary } } });
    const before = await databaseFingerprint(db.database);
    const reply = await harness.press(secretary, card, "✅ Xác nhận");
    expect(reply.text).toBe(refusal(gt07));
    expect(await databaseFingerprint(db.database)).toEqual(before);
  });
});
