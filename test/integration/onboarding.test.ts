// Onboarding as users see it, over HTTP with a real database: invite deep links (/start <token>), sharing
// one's own phone number, and admins making invite links with /moi (/invite).
import { createHash } from "node:crypto";
import type { User } from "grammy/types";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fixedClock } from "../../src/clock.js";
import { createInvite, revokeInvite } from "../../src/db/invite-store.js";
import type { Role } from "../../src/domain/levels.js";
import type { RecordedMessage } from "../../src/emulator/index.js";
import { cli } from "../support/cli.js";
import { startBotHarness, telegramUser, type BotHarness } from "../support/bot-harness.js";
import { createTestDatabase, databaseFingerprint, type TestDatabase } from "../support/test-database.js";

const demoFile = new URL("../../examples/long-bien.yaml", import.meta.url).pathname;
const day = 24 * 3600 * 1000;

const welcomeVi = [
  "Kính chào đồng chí {name}!",
  "Đây là Trợ lý Đại hội: theo dõi tiến độ tổ chức đại hội đảng bộ các cấp.",
  "",
];
const greetingVi = (name: string, ...lines: string[]) =>
  [...welcomeVi.map((line) => line.replace("{name}", name)), ...lines, "", "Gõ /trogiup để xem các lệnh."].join("\n");

describe("onboarding", () => {
  let db: TestDatabase;
  let harness: BotHarness;
  // 10:00 on 26/02/2020 in Hà Nội: cells' plans were due 31/01, their documents 29/02.
  const clock = fixedClock("2020-02-26T03:00:00Z");

  beforeAll(async () => {
    db = await createTestDatabase();
    expect((await cli(db.database, ["org", "import", demoFile])).code).toBe(0);
    harness = await startBotHarness(db.database, { clock });
  });
  afterAll(async () => {
    await harness?.stop();
    await db?.drop();
  });

  const prisma = () => db.database.prisma;
  const fingerprint = () => databaseFingerprint(db.database);

  async function unitId(code: string): Promise<number> {
    return (await prisma().unit.findFirstOrThrow({ where: { code } })).id;
  }

  async function invite(code: string, role: Role, expiresAt = new Date(clock.now().getTime() + 14 * day)) {
    return createInvite(prisma(), {
      organizationId: 1,
      unitId: await unitId(code),
      role,
      expiresAt,
      createdBy: "test",
    });
  }

  /** Puts the roster person with this phone on Telegram as a new user (as a past onboarding would). */
  async function rosterUser(phone: string, overrides: Partial<User> = {}): Promise<User> {
    const user = telegramUser(overrides);
    await prisma().person.update({
      where: { organizationId_phone: { organizationId: 1, phone } },
      data: { telegramUserId: BigInt(user.id) },
    });
    return user;
  }

  async function grantAdmin(phone: string, code: string): Promise<void> {
    const person = await prisma().person.findFirstOrThrow({ where: { phone } });
    await prisma().roleAssignment.create({ data: { personId: person.id, unitId: await unitId(code), role: "admin" } });
  }

  async function shareContact(
    user: User,
    contact: { phone_number: string; user_id?: number },
  ): Promise<RecordedMessage> {
    const before = harness.sent(user.id).length;
    harness.emulator.sendContact(harness.token, { from: user, contact: { first_name: user.first_name, ...contact } });
    return (await harness.emulator.waitForBotMessages(user.id, before + 1))[before]!;
  }

  async function rolesOf(telegramUserId: number) {
    return prisma().roleAssignment.findMany({
      where: { person: { telegramUserId: BigInt(telegramUserId) } },
      orderBy: { id: "asc" },
      select: { role: true, unit: { select: { code: true } } },
    });
  }

  describe("invite links", () => {
    it("when a stranger opens a valid invite link, then a person is created with the role, the invite is used, and they are greeted with what is due", async () => {
      const { id, token } = await invite("P-BODE-02", "deputy");
      const user = telegramUser({ first_name: "Lê Thị", last_name: "Hoa", language_code: "vi" });
      const reply = await harness.say(user, `/start ${token}`);
      expect(reply.text).toBe(
        greetingVi(
          "Lê Thị Hoa",
          "Đã xác nhận tài khoản. Đồng chí được giao:",
          "• Phó Bí thư — Chi bộ Tổ dân phố số 2",
          "   Việc tiếp theo: Kế hoạch đại hội (hạn 31/01/2020).",
        ),
      );
      expect(reply.keyboard).toEqual({ remove_keyboard: true });

      const person = await prisma().person.findFirstOrThrow({ where: { telegramUserId: BigInt(user.id) } });
      expect(person).toMatchObject({ organizationId: 1, name: "Lê Thị Hoa", phone: null, locale: "vi" });
      expect(await rolesOf(user.id)).toEqual([{ role: "deputy", unit: { code: "P-BODE-02" } }]);
      const used = await prisma().invite.findUniqueOrThrow({ where: { id } });
      expect(used).toMatchObject({ usedAt: clock.now(), usedById: person.id, revokedAt: null });
      const audit = await prisma().auditLog.findMany({ where: { action: "invite.use", entityId: String(id) } });
      expect(audit).toHaveLength(1);
      expect(audit[0]!.actor).toBe(`telegram:${user.id}`);

      // The plain /start greets with the same function, now as a known person.
      const again = await harness.say(user, "/start");
      expect(again.text).toBe(
        greetingVi(
          "Lê Thị Hoa",
          "Đồng chí đang được giao:",
          "• Phó Bí thư — Chi bộ Tổ dân phố số 2",
          "   Việc tiếp theo: Kế hoạch đại hội (hạn 31/01/2020).",
        ),
      );
      expect(again.keyboard).toBeUndefined();
    });

    it("when someone else opens a link that was already used, then they are told to ask for a new one and nothing is bound", async () => {
      const { token } = await invite("P-BODE-03", "secretary");
      await harness.say(telegramUser({ first_name: "Minh" }), `/start ${token}`);
      const before = await fingerprint();
      const other = telegramUser({ first_name: "Tuấn" });
      const reply = await harness.say(other, `/start ${token}`);
      expect(reply.text).toBe("Mã mời này đã được sử dụng. Đề nghị Văn phòng cấp ủy cấp mã mới.");
      expect(await fingerprint()).toEqual(before);
      expect(await prisma().person.count({ where: { telegramUserId: BigInt(other.id) } })).toBe(0);
    });

    it("when the same /start update is handled twice (a replay after a crash), then it binds once and greets again", async () => {
      const { id, token } = await invite("P-BODE-06", "reporter");
      const user = telegramUser({ first_name: "Quang", language_code: "vi" });
      const { update } = harness.emulator.sendMessage(harness.token, { from: user, text: `/start ${token}` });
      const [first] = await harness.emulator.waitForBotMessages(user.id, 1);
      await harness.app.inbox.drain();
      const before = await fingerprint();

      // As after a crash between handling and marking: the row is unhandled and still holds the token.
      await prisma().telegramUpdate.update({
        where: { updateId: BigInt(update!.update_id) },
        data: { processedAt: null, payload: JSON.parse(JSON.stringify(update)) },
      });
      await harness.app.inbox.drain();
      const messages = await harness.emulator.waitForBotMessages(user.id, 2);
      expect(messages[1]!.text).toBe(first!.text);
      expect(first!.text).toContain("• Người báo cáo — Chi bộ Tổ dân phố số 6");
      expect(await fingerprint()).toEqual(before);
      expect(await prisma().person.count({ where: { telegramUserId: BigInt(user.id) } })).toBe(1);
      expect(await rolesOf(user.id)).toEqual([{ role: "reporter", unit: { code: "P-BODE-06" } }]);
      expect(await prisma().auditLog.count({ where: { action: "invite.use", entityId: String(id) } })).toBe(1);
    });

    it("when an invite is opened after it expired (the clock moved on), then the user is told the date and nothing is bound", async () => {
      const { token } = await invite("P-BODE-07", "secretary");
      const before = await fingerprint();
      clock.advance(15 * day);
      try {
        const reply = await harness.say(telegramUser(), `/start ${token}`);
        expect(reply.text).toBe("Mã mời này đã hết hạn từ ngày 11/03/2020. Đề nghị Văn phòng cấp ủy cấp mã mới.");
      } finally {
        clock.set("2020-02-26T03:00:00Z");
      }
      expect(await fingerprint()).toEqual(before);
    });

    it("when an invite was revoked, then it binds nothing and says what to do", async () => {
      const { id, token } = await invite("P-BODE-08", "secretary");
      expect((await revokeInvite(prisma(), { id }, { now: clock.now(), actor: "test" })).status).toBe("revoked");
      const before = await fingerprint();
      const reply = await harness.say(telegramUser(), `/start ${token}`);
      expect(reply.text).toBe(
        "Mã mời này đã bị thu hồi, không dùng được nữa. Nếu đồng chí vẫn cần tham gia, đề nghị Văn phòng cấp ủy cấp mã mới.",
      );
      expect(await fingerprint()).toEqual(before);
    });

    it("when a token is unknown or malformed (too long, emoji), then the same clear answer is given and nothing is bound", async () => {
      const before = await fingerprint();
      const invalid =
        "Mã mời không đúng: có thể đường link bị chép thiếu hoặc sai. Đề nghị đồng chí mở lại đúng đường link được gửi; nếu vẫn không được, đề nghị Văn phòng cấp ủy cấp mã mới.";
      const user = telegramUser();
      for (const payload of ["AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", "x".repeat(300), "🎉🎉🎉", "abc"]) {
        expect((await harness.say(user, `/start ${payload}`)).text, payload).toBe(invalid);
      }
      const en = await harness.say(telegramUser({ language_code: "en" }), "/start 🎉");
      expect(en.text).toBe(
        "This invite code is not valid: the link may have been copied incompletely or wrongly. Please open the link exactly as you received it; if it still fails, ask the party committee office for a new one.",
      );
      expect(await fingerprint()).toEqual(before);
    });

    it("when a person already on the roster opens an invite, then the role is added to them and no one new is created", async () => {
      const user = await rosterUser("+84828834622", { first_name: "Việt" }); // Vũ Hữu Việt, secretary of P-BODE-04
      const people = await prisma().person.count();
      const { token } = await invite("P-BODE", "reporter");
      const reply = await harness.say(user, `/start ${token}`);
      expect(reply.text).toBe(
        greetingVi(
          "Vũ Hữu Việt",
          "Đã xác nhận tài khoản. Đồng chí được giao:",
          "• Bí thư — Chi bộ Tổ dân phố số 4",
          "   Việc tiếp theo: Kế hoạch đại hội (hạn 31/01/2020).",
          "• Người báo cáo — Đảng bộ phường Bồ Đề",
          "   Việc tiếp theo: Kế hoạch đại hội (hạn 15/02/2020).",
        ),
      );
      expect(await prisma().person.count()).toBe(people);
      expect(await rolesOf(user.id)).toEqual([
        { role: "secretary", unit: { code: "P-BODE-04" } },
        { role: "reporter", unit: { code: "P-BODE" } },
      ]);
    });

    it("when an English-speaking stranger opens an invite, then they are greeted in English and their language is kept", async () => {
      const { token } = await invite("P-BODE-09", "secretary");
      const user = telegramUser({ first_name: "Mai", last_name: "Anh", language_code: "en-US" });
      const reply = await harness.say(user, `/start ${token}`);
      expect(reply.text).toBe(
        [
          "Welcome, Mai Anh!",
          "This is the Congress Assistant: it follows the progress of party congresses at every level.",
          "",
          "Your account is confirmed. Your assignments:",
          "• Secretary — Chi bộ Tổ dân phố số 9",
          "   Next: Congress plan (due 31/01/2020).",
          "",
          "Type /help to see the commands.",
        ].join("\n"),
      );
      expect((await prisma().person.findFirstOrThrow({ where: { telegramUserId: BigInt(user.id) } })).locale).toBe(
        "en",
      );
    });
  });

  describe("sharing one's phone number", () => {
    it("when a stranger starts, then a button offers to share their phone number", async () => {
      const vi = await harness.say(telegramUser({ first_name: "Hùng" }), "/start");
      expect(vi.text).toBe(
        [
          "Kính chào đồng chí Hùng!",
          "Đây là Trợ lý Đại hội: theo dõi tiến độ tổ chức đại hội đảng bộ các cấp.",
          "",
          "Trợ lý chưa nhận diện được đồng chí.",
          "• Nếu đồng chí có tên trong danh sách của Văn phòng cấp ủy: bấm nút «📱 Chia sẻ số điện thoại» bên dưới để Trợ lý nhận diện qua số điện thoại.",
          "• Nếu chưa có tên trong danh sách: đề nghị Văn phòng cấp ủy gửi đường link mời.",
        ].join("\n"),
      );
      expect(vi.keyboard).toEqual({
        keyboard: [[{ text: "📱 Chia sẻ số điện thoại", request_contact: true }]],
        resize_keyboard: true,
        one_time_keyboard: true,
        input_field_placeholder: "Bấm nút bên dưới để chia sẻ số điện thoại",
      });
      const en = await harness.say(telegramUser({ language_code: "en" }), "/start");
      expect(en.keyboard).toMatchObject({ keyboard: [[{ text: "📱 Share my phone number", request_contact: true }]] });
    });

    it("when the roster writes the phone as 0366 852 361 and Telegram sends +84366852361, then it is the same person and they are bound", async () => {
      const user = telegramUser({ first_name: "Hải", language_code: "vi" });
      await harness.say(user, "/start");
      const reply = await shareContact(user, { phone_number: "+84366852361", user_id: user.id });
      expect(reply.text).toBe(
        greetingVi(
          "Vũ Xuân Hải",
          "Đã xác nhận tài khoản. Đồng chí được giao:",
          "• Bí thư — Chi bộ Quân sự phường",
          "   Việc tiếp theo: Kế hoạch đại hội (hạn 31/01/2020).",
        ),
      );
      expect(reply.keyboard).toEqual({ remove_keyboard: true });
      expect(harness.emulator.currentKeyboard(user.id)).toBeUndefined();
      const person = await prisma().person.findFirstOrThrow({ where: { phone: "+84366852361" } });
      expect(person).toMatchObject({ name: "Vũ Xuân Hải", telegramUserId: BigInt(user.id), locale: "vi" });
      expect(
        await prisma().auditLog.count({ where: { action: "person.bind-telegram", entityId: String(person.id) } }),
      ).toBe(1);

      // Sharing again (or a replayed update) changes nothing and greets again.
      const before = await fingerprint();
      expect((await shareContact(user, { phone_number: "+84366852361", user_id: user.id })).text).toBe(reply.text);
      expect(await fingerprint()).toEqual(before);
    });

    it("when Telegram sends the number as 84815788927, then it matches 0815 788 927, and the next item due follows the unit's reports", async () => {
      const unit = await prisma().unit.findFirstOrThrow({ where: { code: "P-BODE-13" } });
      const campaign = await prisma().campaign.findFirstOrThrow({ where: { active: true } });
      await prisma().report.create({
        data: {
          organizationId: 1,
          campaignId: campaign.id,
          unitId: unit.id,
          milestone: "plan",
          source: "cli",
          payload: {},
        },
      });
      const user = telegramUser({ first_name: "Yến", language_code: "vi" });
      const reply = await shareContact(user, { phone_number: "84815788927", user_id: user.id });
      expect(reply.text).toBe(
        greetingVi(
          "Đỗ Hồng Yến",
          "Đã xác nhận tài khoản. Đồng chí được giao:",
          "• Bí thư — Chi bộ Tổ dân phố số 13",
          "   Việc tiếp theo: Dự thảo báo cáo chính trị, kiểm điểm (hạn 29/02/2020).",
        ),
      );
      expect((await prisma().person.findFirstOrThrow({ where: { phone: "+84815788927" } })).telegramUserId).toBe(
        BigInt(user.id),
      );
    });

    it("when someone shares another person's contact, then it is refused and nothing is bound", async () => {
      const user = telegramUser();
      const before = await fingerprint();
      const someoneElse = await shareContact(user, { phone_number: "+84972522488", user_id: user.id + 1 });
      expect(someoneElse.text).toBe(
        "Trợ lý chỉ nhận số điện thoại của chính đồng chí. Đề nghị bấm nút «📱 Chia sẻ số điện thoại» bên dưới (nếu không thấy nút, gõ /start).",
      );
      // A contact picked from the address book carries no user id at all.
      const fromAddressBook = await shareContact(user, { phone_number: "+84972522488" });
      expect(fromAddressBook.text).toBe(someoneElse.text);
      expect(await fingerprint()).toEqual(before);
    });

    it("when the phone is on no roster, then the user is told whom to contact, nothing is bound and the button goes away", async () => {
      const user = telegramUser();
      await harness.say(user, "/start");
      const before = await fingerprint();
      const reply = await shareContact(user, { phone_number: "+84999888777", user_id: user.id });
      expect(reply.text).toBe(
        "Số điện thoại này chưa có trong danh sách của Văn phòng cấp ủy. Liên hệ Văn phòng cấp ủy để được bổ sung vào danh sách hoặc nhận mã mời.",
      );
      expect(reply.keyboard).toEqual({ remove_keyboard: true });
      const foreign = await shareContact(user, { phone_number: "+14155550123", user_id: user.id });
      expect(foreign.text).toBe(reply.text);
      expect(await fingerprint()).toEqual(before);
    });

    it("when the phone's person is already bound to another Telegram account, then it is refused politely", async () => {
      await rosterUser("+84358123899"); // Nguyễn Thanh Trung, on Telegram with another account
      const user = telegramUser();
      const before = await fingerprint();
      const reply = await shareContact(user, { phone_number: "0358123899", user_id: user.id });
      expect(reply.text).toBe(
        "Số điện thoại này đã được gắn với một tài khoản Telegram khác. Nếu đồng chí đã đổi tài khoản Telegram, liên hệ Văn phòng cấp ủy để được hỗ trợ.",
      );
      expect(await fingerprint()).toEqual(before);
    });

    it("when the user is already bound to another person of the same organisation, then the phone is not bound to them too", async () => {
      const { token } = await invite("P-BODE-10", "secretary");
      const user = telegramUser({ first_name: "Tâm" });
      await harness.say(user, `/start ${token}`);
      const before = await fingerprint();
      const reply = await shareContact(user, { phone_number: "+84972522488", user_id: user.id }); // Tạ Công Việt
      expect(reply.text).toBe(
        "Tài khoản Telegram của đồng chí đã được gắn với một người khác trong danh sách, nên chưa gắn được số điện thoại này. Liên hệ Văn phòng cấp ủy để kiểm tra lại.",
      );
      expect(await fingerprint()).toEqual(before);
    });
  });

  describe("/moi (/invite) for admins", () => {
    const link = /^https:\/\/t\.me\/test_123456789_bot\?start=([A-Za-z0-9_-]{32})$/;

    it("when an admin asks for an invite, then they get a single-use link that binds the next person once", async () => {
      const admin = await rosterUser("+84825014551"); // Nguyễn Thanh An, admin of LB
      const adminId = (await prisma().person.findFirstOrThrow({ where: { phone: "+84825014551" } })).id;
      const reply = await harness.say(admin, "/moi P-BODE-05");
      const lines = reply.text!.split("\n");
      expect(lines[0]).toBe(
        "Mã mời nhận vai trò Bí thư, Chi bộ Tổ dân phố số 5 (P-BODE-05); dùng một lần, hết hạn lúc 10:00 ngày 11/03/2020:",
      );
      expect(lines[1]).toMatch(link);
      expect(lines[2]).toBe("Chỉ gửi đường link này cho đúng người được mời: ai mở trước sẽ nhận vai trò này.");
      expect(lines).toHaveLength(3);
      const token = link.exec(lines[1]!)![1]!;

      const stored = await prisma().invite.findUniqueOrThrow({
        where: { tokenHash: createHash("sha256").update(token).digest("hex") },
      });
      expect(stored).toMatchObject({
        kind: "person",
        role: "secretary",
        unitId: await unitId("P-BODE-05"),
        expiresAt: new Date("2020-03-11T03:00:00Z"),
        usedAt: null,
        createdBy: `person:${adminId}`,
      });
      const [{ n }] = (await db.database.sql.query(`SELECT count(*)::int AS n FROM invites t WHERE t::text LIKE $1`, [
        `%${token}%`,
      ])) as [{ n: number }];
      expect(n).toBe(0);

      const invited = telegramUser({ first_name: "Phúc" });
      expect((await harness.say(invited, `/start ${token}`)).text).toContain("• Bí thư — Chi bộ Tổ dân phố số 5");
      expect((await harness.say(telegramUser(), `/start ${token}`)).text).toBe(
        "Mã mời này đã được sử dụng. Đề nghị Văn phòng cấp ủy cấp mã mới.",
      );

      // A role in the office's words, and a code typed in lower case.
      const deputy = await harness.say(admin, "/moi p-bode-05 phobithu");
      expect(deputy.text!.split("\n")[0]).toBe(
        "Mã mời nhận vai trò Phó Bí thư, Chi bộ Tổ dân phố số 5 (P-BODE-05); dùng một lần, hết hạn lúc 10:00 ngày 11/03/2020:",
      );
    });

    it("when an English-speaking admin uses /invite, then the answer is in English", async () => {
      const admin = await rosterUser("+84935717555"); // Hà Xuân Tiến, admin of LB, locale en on the roster
      const reply = await harness.say(admin, "/invite P-BODE-05 reporter");
      const lines = reply.text!.split("\n");
      expect(lines[0]).toBe(
        "Invite for the role of Reporter, Chi bộ Tổ dân phố số 5 (P-BODE-05); single use, expires at 10:00 on 11/03/2020:",
      );
      expect(lines[1]).toMatch(link);
      expect(lines[2]).toBe("Send this link only to the person you invite: whoever opens it first gets this role.");
    });

    it("when someone who is not an admin uses /moi, then it is refused politely and nothing is created", async () => {
      const secretary = await rosterUser("+84981464602"); // Nguyễn Mạnh Sơn, standing committee, not admin
      const before = await fingerprint();
      const refusal =
        "Lệnh /moi chỉ dành cho cán bộ quản trị của Văn phòng cấp ủy. Nếu cần mời thêm người báo cáo, đề nghị đồng chí liên hệ Văn phòng cấp ủy.";
      expect((await harness.say(secretary, "/moi P-BODE-05")).text).toBe(refusal);
      expect((await harness.say(telegramUser(), "/moi P-BODE-05 admin")).text).toBe(refusal);
      expect(await fingerprint()).toEqual(before);
    });

    it("when the unit code or the role is wrong, then the admin gets an example, and a unit outside their scope is refused", async () => {
      const admin = await rosterUser("+84825014551", { first_name: "An" });
      const usage = [
        "Cách dùng: /moi MÃ_ĐƠN_VỊ [VAI_TRÒ], ví dụ /moi GT-01 bithu",
        "Vai trò: bithu (Bí thư, mặc định), phobithu (Phó Bí thư), baocao (Người báo cáo), thuongvu (Ủy viên Ban Thường vụ), quantri (Quản trị).",
      ];
      const before = await fingerprint();
      expect((await harness.say(admin, "/moi NOPE")).text).toBe(['Không có đơn vị mã "NOPE".', ...usage].join("\n"));
      expect((await harness.say(admin, "/moi P-BODE-05 chairman")).text).toBe(
        ['Không có vai trò "chairman".', ...usage].join("\n"),
      );
      expect((await harness.say(admin, "/moi")).text).toBe(usage.join("\n"));
      expect((await harness.say(admin, "/moi P-BODE-05 bithu thêm")).text).toBe(usage.join("\n"));
      expect(await fingerprint()).toEqual(before);

      // An admin of one ward may invite within it only.
      const wardAdmin = await rosterUser("+84972522488"); // Tạ Công Việt, secretary of P-BODE-22
      await grantAdmin("+84972522488", "P-BODE");
      const scoped = await fingerprint();
      expect((await harness.say(wardAdmin, "/moi P-GIATHUY-01")).text).toBe(
        "Chi bộ Tổ dân phố số 1 (P-GIATHUY-01) không thuộc phạm vi quản trị của đồng chí, nên đồng chí chưa cấp được mã mời cho đơn vị này.",
      );
      expect(await fingerprint()).toEqual(scoped);
      expect((await harness.say(wardAdmin, "/moi P-BODE-11")).text).toMatch(
        /^Mã mời nhận vai trò Bí thư, Chi bộ Tổ dân phố số 11 \(P-BODE-11\)/,
      );
    });

    it("when /moi is sent in a group, then it is refused without any personal data and nothing is created", async () => {
      const admin = await rosterUser("+84824162100"); // Trịnh Kim Thu
      await grantAdmin("+84824162100", "LB");
      const group = { id: -100300400, type: "supergroup" as const, title: "Văn phòng cấp ủy" };
      harness.emulator.registerChat(group);
      const before = await fingerprint();
      const reply = await harness.say(admin, "/moi P-BODE-05", group);
      expect(reply.text).toBe("Lệnh /moi chỉ dùng trong tin nhắn riêng với Trợ lý, để mã mời không lộ trong nhóm.");
      expect(await fingerprint()).toEqual(before);
      expect(harness.sent(admin.id)).toEqual([]);
    });
  });
});
