// Two campaigns open at once (the annual review and a resolution's study, December 2026, on the demo
// district between congresses): each secretary gets one reminder a day at most, naming what is due in
// both; a cell that reported a campaign's milestone is not reminded of it; a day without a new reminder
// day sends nothing; the reminder's button starts the report it names.
import type { User } from "grammy/types";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fixedClock } from "../../src/clock.js";
import { startBotHarness, type BotHarness } from "../support/bot-harness.js";
import {
  importDemoWithCampaigns,
  officeTime,
  reviewAndStudy,
  secretaryOnTelegram,
  tickAndDrain,
} from "../support/demo-campaigns.js";
import { createTestDatabase, type TestDatabase } from "../support/test-database.js";

const at = officeTime;

describe("reminders of two campaigns open at once", () => {
  const clock = fixedClock(at("2026-12-14 09:00"));
  let db: TestDatabase;
  let harness: BotHarness;
  let an: User; // P-BODE-03: reports nothing
  let binh: User; // P-BODE-04: has studied the resolution
  let chi: User; // P-BODE-05: has held the review meeting and studied

  const secretaryOn = (code: string) => secretaryOnTelegram(db.database, harness, code);
  const tickAt = (local: string) => tickAndDrain(harness, clock, at(local));

  beforeAll(async () => {
    db = await createTestDatabase();
    await importDemoWithCampaigns(db.database, reviewAndStudy, { withoutCongress: true });
    harness = await startBotHarness(db.database, { clock });
    [an, binh, chi] = [await secretaryOn("P-BODE-03"), await secretaryOn("P-BODE-04"), await secretaryOn("P-BODE-05")];
    const report = async (user: User, line: string) => {
      const card = await harness.say(user, line);
      await harness.press(user, card, "✅ Xác nhận");
    };
    await report(binh, "/baocao hoctap 12/12/2026 thamdu=14 phaidu=15");
    await report(chi, "/baocao hoctap 12/12/2026 thamdu=9 phaidu=9");
    await report(chi, "/baocao kiemdiem 13/12/2026 comat=9 tong=9");
  });
  afterAll(async () => {
    await harness?.stop();
    await db?.drop();
  });

  const reminders = (user: User) => harness.sent(user.id).filter((message) => message.text?.startsWith("Kính gửi"));

  it("when both campaigns have something due, then the secretary gets one message naming both, and only what is not reported", async () => {
    await tickAt("2026-12-15 08:30");
    await tickAt("2026-12-15 10:00"); // a second tick the same day adds nothing
    expect(reminders(an).map((message) => message.text)).toEqual([
      [
        "Kính gửi đồng chí Kiều Ngọc Hùng, Bí thư Chi bộ Tổ dân phố số 3 (phường Bồ Đề).",
        "📋 Kiểm điểm, đánh giá, xếp loại năm 2026:",
        "• Hội nghị kiểm điểm: hạn 20/12/2026 (còn 5 ngày).",
        "📋 Học tập Nghị quyết Hội nghị Trung ương 14:",
        "• Tổ chức học tập, quán triệt: hạn 15/12/2026, hôm nay là hạn cuối.",
        reminders(an)[0]!.text!.split("\n").at(-1),
      ].join("\n"),
    ]);
    expect(reminders(binh).map((message) => message.text?.split("\n").slice(1, 2))).toEqual([
      ["• Hội nghị kiểm điểm: hạn 20/12/2026 (còn 5 ngày)."],
    ]);
    expect(reminders(chi)).toEqual([]);
  });

  it("when a day brings no new reminder day, then nothing is sent; when one comes, one message again", async () => {
    await tickAt("2026-12-16 09:00");
    expect(reminders(an)).toHaveLength(1);
    // 17/12: three days before the review meeting's deadline.
    await tickAt("2026-12-17 09:00");
    expect(reminders(an)).toHaveLength(2);
    expect(reminders(an)[1]!.text).toContain("• Hội nghị kiểm điểm: hạn 20/12/2026 (còn 3 ngày).");
    // The study, overdue since 15/12, is told again with it (its last reminder day, 15/12, is still in force).
    expect(reminders(an)[1]!.text).toContain("• Tổ chức học tập, quán triệt: hạn 15/12/2026, đã quá hạn 2 ngày.");
  });

  it("when the reminder's button is pressed, then the report of that campaign's milestone starts at its date", async () => {
    const message = reminders(an).at(-1)!;
    const reply = await harness.press(an, message, "📝 Hội nghị kiểm điểm");
    expect(reply.text).toContain("Hội nghị kiểm điểm: ngày nào?");
  });
});

describe("reminders of the monthly meeting", () => {
  const clock = fixedClock(at("2026-12-10 09:00"));
  let db: TestDatabase;
  let harness: BotHarness;

  beforeAll(async () => {
    db = await createTestDatabase();
    await importDemoWithCampaigns(
      db.database,
      `
campaigns:
  - key: sinhhoat
    name: "Sinh hoạt chi bộ định kỳ"
    template: meeting
    opens: 2026-12-01
    deadlines:
      cell: 25
`,
      { withoutCongress: true },
    );
    harness = await startBotHarness(db.database, { clock });
  });
  afterAll(async () => {
    await harness?.stop();
    await db?.drop();
  });

  it("when a month's deadline nears, then only the cells that neither met nor gave a reason are reminded, and every month again", async () => {
    const on = (code: string) => secretaryOnTelegram(db.database, harness, code);
    const [quiet, skipped, met] = [await on("P-BODE-07"), await on("P-BODE-08"), await on("P-BODE-09")];
    for (const [user, line] of [
      [skipped, "/baocao khonghop lydo=Trùng lịch bầu cử"],
      [met, "/baocao sinhhoat 09/12/2026 comat=10 tong=12"],
    ] as const) {
      const card = await harness.say(user, line);
      expect(card.text).toContain("Xác nhận báo cáo");
      await harness.press(user, card, "✅ Xác nhận");
    }
    const tick = (local: string) => tickAndDrain(harness, clock, at(local));
    const reminded = (user: User) =>
      harness
        .sent(user.id)
        .filter((message) => message.text?.startsWith("Kính gửi"))
        .map((m) => m.text!.split("\n")[1]);
    await tick("2026-12-18 09:00"); // seven days before 25/12
    expect(reminded(quiet)).toEqual(["• Sinh hoạt chi bộ: hạn 25/12/2026 (còn 7 ngày)."]);
    expect(reminded(skipped)).toEqual([]);
    expect(reminded(met)).toEqual([]);
    await tick("2027-01-18 09:00"); // January's round: nobody has reported it yet
    for (const user of [skipped, met])
      expect(reminded(user)).toEqual(["• Sinh hoạt chi bộ: hạn 25/01/2027 (còn 7 ngày)."]);
  });
});
