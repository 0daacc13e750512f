// /khokhan (/problem): raising, listing and resolving difficulties as users see them, with the database
// checked after every answer (a refusal writes nothing).
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { InlineKeyboardButton, Message, User } from "grammy/types";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { fixedClock } from "../../src/clock.js";
import { storeUpdates } from "../../src/db/update-store.js";
import type { RecordedMessage } from "../../src/emulator/index.js";
import { startBotHarness, telegramUser, type BotHarness } from "../support/bot-harness.js";
import { cli } from "../support/cli.js";
import { createTestDatabase, databaseFingerprint, resetDatabase, type TestDatabase } from "../support/test-database.js";

// 10:00 on 26/02/2020 in Hà Nội.
const clock = fixedClock("2020-02-26T03:00:00Z");

const gt01 = "Chi bộ tổ dân phố số 1 (Đảng bộ phường Gia Thụy)";
const example = [
  "Để báo khó khăn, đồng chí gõ /khokhan và ghi nội dung ngay sau lệnh, ví dụ:",
  "/khokhan Chưa thống nhất phương án nhân sự",
];
/** The answer once a difficulty is stored: GT's working-group leader (on Telegram in these tests) is told; KB has no working group. */
const recorded = (unit: string, text: string, told: string | null = "Tổ trưởng Tổ công tác số 1") =>
  [
    `Đã ghi nhận khó khăn của ${unit}:`,
    `"${text}"`,
    told
      ? `Trợ lý đã báo cho Tổ trưởng Tổ công tác: ${told}.`
      : "Tổ trưởng Tổ công tác theo dõi đơn vị chưa nhận tin qua Trợ lý; đề nghị đồng chí báo trực tiếp cho Tổ công tác.",
  ].join("\n");
const hiddenComplaint =
  "🔒 Nội dung liên quan đến đơn thư, khiếu nại, tố cáo: chỉ người báo, Ban Thường vụ và Văn phòng xem được.";
const stale = "Lựa chọn này không còn hiệu lực. Đồng chí gửi lại /khokhan kèm nội dung khó khăn.";
const resolveRefused = "Đồng chí không có quyền xác nhận khó khăn này đã được giải quyết.";
const onboardingHint = "Đồng chí chưa được giao đơn vị nào để báo cáo. Liên hệ Văn phòng cấp ủy để nhận mã mời.";

describe("difficulties (/khokhan)", () => {
  let db: TestDatabase;
  let harness: BotHarness;
  let orgFile: string;
  // Fresh Telegram users for every test: An (secretary GT-01), Bình (secretary GT-02, a sibling),
  // the leader of the working group following GT, Dung (deputy GT-01 and secretary KB), a stranger.
  let an: User, binh: User, leader: User, dung: User, stranger: User;

  const prisma = () => db.database.prisma;
  const unitId = async (code: string) => (await prisma().unit.findFirstOrThrow({ where: { code } })).id;
  const personId = async (phone: string) => (await prisma().person.findFirstOrThrow({ where: { phone } })).id;
  const fingerprint = () => databaseFingerprint(db.database);

  async function link(phone: string, user: User): Promise<void> {
    await prisma().person.update({
      where: { organizationId_phone: { organizationId: 1, phone } },
      data: { telegramUserId: BigInt(user.id) },
    });
  }

  /** Sends a text and waits for `count` answers. */
  async function sayMany(user: User, text: string, count: number): Promise<RecordedMessage[]> {
    const before = harness.sent(user.id).length;
    harness.emulator.sendMessage(harness.token, { from: user, text });
    const all = await harness.emulator.waitForBotMessages(user.id, before + count);
    await harness.app.inbox.drain();
    return all.slice(before);
  }

  /** Presses a button (or forges a press) and waits until the bot has answered and finished. */
  async function press(
    user: User,
    message: Pick<Message, "message_id" | "chat">,
    button: { text?: string; data?: string; force?: boolean },
  ) {
    const update = harness.emulator.pressButton(harness.token, { from: user, message, ...button });
    const id = update.callback_query!.id;
    const answer = await harness.emulator.waitFor(() =>
      harness.emulator.callbackAnswers(harness.token).find((a) => a.callback_query_id === id),
    );
    await harness.app.inbox.drain();
    return answer;
  }

  const dataOf = (button: InlineKeyboardButton) => ("callback_data" in button ? button.callback_data : "");
  const current = (message: RecordedMessage) =>
    harness.sent(message.chat.id).find((m) => m.message_id === message.message_id)!;
  const buttons = (message: RecordedMessage) =>
    (current(message).reply_markup?.inline_keyboard ?? []).map((row) => row.map((button) => button.text));

  beforeAll(async () => {
    db = await createTestDatabase();
    const dir = mkdtempSync(path.join(tmpdir(), "daihoi-difficulties-"));
    orgFile = path.join(dir, "org.yaml");
    writeFileSync(orgFile, readFileSync(new URL("../fixtures/small-org.yaml", import.meta.url), "utf8"));
    harness = await startBotHarness(db.database, { clock });
    // Notices to working-group leaders and secretaries go through the outbox: these tests read what was
    // written there (a sender delivering meanwhile would change the rows the fingerprints compare).
    await harness.app.sender.stop();
  });
  afterAll(async () => {
    await harness?.stop();
    await db?.drop();
  });

  beforeEach(async () => {
    await resetDatabase(db.database);
    await prisma().chatFlow.deleteMany(); // not an application table for resetDatabase
    expect((await cli(db.database, ["org", "import", orgFile])).code).toBe(0);
    [an, binh, leader, dung, stranger] = [
      telegramUser({ first_name: "An" }),
      telegramUser(),
      telegramUser(),
      telegramUser(),
      telegramUser(),
    ];
    await link("+84912345678", an);
    await link("+84913222111", binh);
    await link("+84912000001", leader);
    await prisma().person.create({
      data: {
        organizationId: 1,
        name: "Phạm Thị Dung",
        phone: "+84987654321",
        telegramUserId: BigInt(dung.id),
        roles: {
          create: [
            { role: "deputy", unitId: await unitId("GT-01") },
            { role: "secretary", unitId: await unitId("KB") },
          ],
        },
      },
    });
  });

  it("when a secretary reports a difficulty, then it is stored for the unit with an audit row and the answer names the unit", async () => {
    const { update } = harness.emulator.sendMessage(harness.token, {
      from: an,
      text: "/khokhan Chưa thống nhất phương án nhân sự",
    });
    const [reply] = await harness.emulator.waitForBotMessages(an.id, 1);
    expect(reply!.text).toBe(recorded(gt01, "Chưa thống nhất phương án nhân sự"));
    expect(reply!.reply_markup).toBeUndefined();
    const rows = await prisma().difficulty.findMany();
    expect(rows).toEqual([
      {
        id: 1,
        unitId: await unitId("GT-01"),
        text: "Chưa thống nhất phương án nhân sự",
        sensitive: false,
        openedById: await personId("+84912345678"),
        openedAt: clock.now(),
        resolvedAt: null,
        resolvedById: null,
        resolution: null,
        telegramUpdateId: BigInt(update!.update_id),
      },
    ]);
    const audit = await prisma().auditLog.findMany({ where: { entity: "difficulty" } });
    expect(
      audit.map(({ actor, action, entityId, details, organizationId }) => ({
        actor,
        action,
        entityId,
        details,
        organizationId,
      })),
    ).toEqual([
      {
        actor: `telegram:${an.id}`,
        action: "difficulty.open",
        entityId: "1",
        details: {
          unitId: await unitId("GT-01"),
          unitCode: "GT-01",
          personId: await personId("+84912345678"),
          sensitive: false,
        },
        organizationId: 1,
      },
    ]);
  });

  it("when the same update is delivered twice, then one difficulty is stored and both deliveries get the same answer", async () => {
    const { update } = harness.emulator.sendMessage(harness.token, {
      from: an,
      text: "/khokhan Hội trường chưa sửa xong",
    });
    await harness.emulator.waitForBotMessages(an.id, 1);
    await harness.app.inbox.drain();
    // Through the inbox: the stored update is not handled again.
    await storeUpdates(prisma(), [update!]);
    await harness.app.inbox.drain();
    expect(harness.sent(an.id)).toHaveLength(1);
    // Handled again by the bot itself (as after a crash between handling and marking): still one row.
    const before = await fingerprint();
    await harness.app.bot.handleUpdate(update!);
    expect(harness.sent(an.id).map((m) => m.text)).toEqual([
      recorded(gt01, "Hội trường chưa sửa xong"),
      recorded(gt01, "Hội trường chưa sửa xong"),
    ]);
    // The leader's notice was written once, with the difficulty.
    expect(await notices(leader)).toHaveLength(1);
    expect(await fingerprint()).toEqual(before);
    expect(await prisma().difficulty.count()).toBe(1);
  });

  it("when a text mentions complaint letters, then it is stored as sensitive and the answer says it stays confidential", async () => {
    const reply = await harness.say(an, "/khokhan Có đơn thư tố cáo liên quan đến nhân sự dự kiến");
    expect(reply.text).toBe(
      [
        recorded(gt01, "Có đơn thư tố cáo liên quan đến nhân sự dự kiến"),
        "Nội dung liên quan đến đơn thư, khiếu nại, tố cáo được bảo mật: báo cáo chung chỉ ghi số lượng, không trích nội dung.",
      ].join("\n"),
    );
    const unaccented = await harness.say(an, "/khokhan co khieu nai ve ket qua gioi thieu");
    expect(unaccented.text?.split("\n").at(-1)).toBe(
      "Nội dung liên quan đến đơn thư, khiếu nại, tố cáo được bảo mật: báo cáo chung chỉ ghi số lượng, không trích nội dung.",
    );
    expect((await prisma().difficulty.findMany({ orderBy: { id: "asc" } })).map((row) => row.sensitive)).toEqual([
      true,
      true,
    ]);
    const audit = await prisma().auditLog.findFirstOrThrow({ where: { action: "difficulty.open" } });
    // The audit row says it is sensitive but never holds the text.
    expect(JSON.stringify(audit.details)).not.toContain("đơn thư");
  });

  it("when the text has emoji, then it is stored exactly; 1,000 characters pass and 1,001 are refused with the limit", async () => {
    const text = "Hội trường dột 🏚️, cần hỗ trợ kinh phí 🙏👨‍👩‍👧";
    expect((await harness.say(an, `/khokhan ${text}`)).text).toBe(recorded(gt01, text));
    expect((await prisma().difficulty.findFirstOrThrow()).text).toBe(text);

    const longest = "🙏".repeat(1000);
    expect((await harness.say(an, `/khokhan ${longest}`)).text).toBe(recorded(gt01, longest));
    expect((await prisma().difficulty.findFirstOrThrow({ where: { id: 2 } })).text).toBe(longest);

    const before = await fingerprint();
    expect((await harness.say(an, `/khokhan ${"🙏".repeat(1001)}`)).text).toBe(
      "Nội dung khó khăn dài 1.001 ký tự, vượt giới hạn 1.000 ký tự. Đồng chí rút gọn rồi gửi lại; nội dung chi tiết xin gửi bằng văn bản cho Tổ công tác.",
    );
    expect((await harness.say(an, `/khokhan ${"a".repeat(1500)}`)).text).toBe(
      "Nội dung khó khăn dài 1.500 ký tự, vượt giới hạn 1.000 ký tự. Đồng chí rút gọn rồi gửi lại; nội dung chi tiết xin gửi bằng văn bản cho Tổ công tác.",
    );
    expect(await fingerprint()).toEqual(before);
  });

  it("when the text is empty and nothing is open, then the answer says so and gives an example", async () => {
    const before = await fingerprint();
    expect((await harness.say(binh, "/khokhan")).text).toBe(
      ["Không có khó khăn nào đang mở ở các đơn vị đồng chí theo dõi.", "", ...example].join("\n"),
    );
    expect((await harness.say(telegramUser({ language_code: "en" }), "/problem")).text).toBe(
      "You have no unit to report for yet. Ask the party committee office for an invite code.",
    );
    expect(await fingerprint()).toEqual(before);
  });

  it("when a stranger or someone without a unit reports, or anyone writes in a group, then nothing is stored", async () => {
    const standing = telegramUser();
    await prisma().person.create({
      data: {
        organizationId: 1,
        name: "Lê Văn Thường",
        phone: "+84900000009",
        telegramUserId: BigInt(standing.id),
        roles: { create: [{ role: "standing", unitId: await unitId("LB") }] },
      },
    });
    const before = await fingerprint();
    expect((await harness.say(stranger, "/khokhan Chưa thống nhất phương án nhân sự")).text).toBe(onboardingHint);
    expect((await harness.say(standing, "/khokhan Chưa thống nhất phương án nhân sự")).text).toBe(
      [
        "Đồng chí chưa được giao đơn vị nào để báo khó khăn. Khó khăn của đơn vị do bí thư, phó bí thư, người báo cáo của đơn vị hoặc tổ trưởng Tổ công tác theo dõi đơn vị báo và xác nhận.",
        "Cần hỗ trợ, liên hệ Văn phòng cấp ủy.",
      ].join("\n"),
    );

    const group = { id: -100555000, type: "supergroup" as const, title: "Chi bộ tổ dân phố số 1" };
    harness.emulator.registerChat(group);
    const reply = await harness.say(an, "/khokhan Chưa thống nhất phương án nhân sự", group);
    expect(reply.text).toBe(
      `Khó khăn, vướng mắc chỉ báo trong tin nhắn riêng với Trợ lý, để nội dung không hiển thị trong nhóm. Đồng chí nhắn riêng cho @${harness.app.bot.botInfo.username} và gõ /khokhan kèm nội dung.`,
    );
    expect(await fingerprint()).toEqual(before);
  });

  it("when a person reports for several units, then buttons ask which, and the chosen unit gets the difficulty once", async () => {
    const { update } = harness.emulator.sendMessage(harness.token, {
      from: dung,
      text: "/khokhan Thiếu kinh phí tổ chức đại hội",
    });
    const [prompt] = await harness.emulator.waitForBotMessages(dung.id, 1);
    expect(prompt!.text).toBe(
      ["Đồng chí báo khó khăn này cho đơn vị nào?", '"Thiếu kinh phí tổ chức đại hội"'].join("\n"),
    );
    expect(buttons(prompt!)).toEqual([[gt01], ["Chi bộ Kho bạc Nhà nước Long Biên"], ["✖️ Hủy"]]);
    expect(await prisma().difficulty.count()).toBe(0);

    const answer = await press(dung, prompt!, { text: "Chi bộ Kho bạc Nhà nước Long Biên" });
    expect(answer.text).toBeUndefined();
    expect(current(prompt!).text).toBe(
      recorded("Chi bộ Kho bạc Nhà nước Long Biên", "Thiếu kinh phí tổ chức đại hội", null),
    );
    expect(buttons(prompt!)).toEqual([]);
    const rows = await prisma().difficulty.findMany();
    expect(
      rows.map(({ unitId, text, openedById, telegramUpdateId }) => ({ unitId, text, openedById, telegramUpdateId })),
    ).toEqual([
      {
        unitId: await unitId("KB"),
        text: "Thiếu kinh phí tổ chức đại hội",
        openedById: await personId("+84987654321"),
        telegramUpdateId: BigInt(update!.update_id),
      },
    ]);
    expect(await prisma().chatFlow.count({ where: { userId: BigInt(dung.id) } })).toBe(0);

    // The same button pressed again (a double tap, or the button replayed): refused, nothing changes.
    const before = await fingerprint();
    const again = await press(dung, prompt!, {
      data: dataOf(prompt!.reply_markup!.inline_keyboard[1]![0]!),
      force: true,
    });
    expect(again).toMatchObject({ text: stale, show_alert: true });
    expect(await fingerprint()).toEqual(before);
  });

  it("when a press is forged, stale, expired or no longer allowed, then it is refused and nothing changes", async () => {
    const first = await harness.say(dung, "/khokhan Chưa có hội trường");
    const second = await harness.say(dung, "/khokhan Chưa có hội trường, cần mượn nhà văn hóa");
    const data = (message: RecordedMessage, row: number) =>
      dataOf(current(message).reply_markup!.inline_keyboard[row]![0]!);
    const nonce = data(second, 0).split(":")[2]!;
    const before = await fingerprint();
    const flowsBefore = await prisma().chatFlow.findMany();

    // A button of the older prompt: that choice was replaced by the newer one.
    expect(await press(dung, first, { text: "Chi bộ Kho bạc Nhà nước Long Biên" })).toMatchObject({
      text: stale,
      show_alert: true,
    });
    // Forged data: an unknown nonce, an index past the list, trailing junk, an unknown action.
    for (const forged of [
      "difficulty:unit:AAAAAAAA:0",
      `difficulty:unit:${nonce}:2`,
      `difficulty:unit:${nonce}:1 OR 1=1`,
      "difficulty:drop:1",
      `difficulty:unit:${nonce}:-1`,
    ]) {
      expect(await press(dung, second, { data: forged, force: true }), forged).toMatchObject({
        text: stale,
        show_alert: true,
      });
    }
    // Someone else pressing in their own chat cannot reach Dung's pending choice.
    const strangerMessage = await harness.say(stranger, "/khokhan");
    expect(await press(stranger, strangerMessage, { data: data(second, 1), force: true })).toMatchObject({
      text: stale,
    });
    expect(await fingerprint()).toEqual(before);
    expect(await prisma().chatFlow.findMany()).toEqual(flowsBefore);

    // The role was taken away since the prompt: the press is authorised again and refused.
    const kb = await unitId("KB");
    await prisma().roleAssignment.deleteMany({ where: { unitId: kb, role: "secretary" } });
    const withoutRole = await fingerprint();
    expect(await press(dung, second, { text: "Chi bộ Kho bạc Nhà nước Long Biên" })).toMatchObject({
      text: "Đồng chí không có quyền báo khó khăn cho đơn vị này.",
      show_alert: true,
    });
    expect(await fingerprint()).toEqual(withoutRole);

    // After 30 minutes the choice expires.
    clock.advance(31 * 60_000);
    try {
      expect(await press(dung, second, { text: gt01 })).toMatchObject({ text: stale, show_alert: true });
      expect(await fingerprint()).toEqual(withoutRole);
    } finally {
      clock.advance(-31 * 60_000);
    }
  });

  it("when the person cancels the choice, then nothing is stored and the buttons go away", async () => {
    const prompt = await harness.say(dung, "/khokhan Chưa có hội trường");
    const choose = prompt.reply_markup!.inline_keyboard[0]![0]!;
    const before = await fingerprint();
    expect((await press(dung, prompt, { text: "✖️ Hủy" })).text).toBeUndefined();
    expect(current(prompt).text).toBe("Đã hủy, chưa ghi nhận khó khăn nào.");
    expect(buttons(prompt)).toEqual([]);
    expect(await fingerprint()).toEqual(before);
    expect(await prisma().chatFlow.count({ where: { userId: BigInt(dung.id) } })).toBe(0);
    // A unit button of the cancelled prompt, replayed: refused.
    expect(await press(dung, prompt, { data: dataOf(choose), force: true })).toMatchObject({
      text: stale,
      show_alert: true,
    });
    expect(await fingerprint()).toEqual(before);
  });

  it("when the secretary lists open difficulties and marks one resolved, then it is closed once, with an audit row", async () => {
    await harness.say(an, "/khokhan Chưa thống nhất phương án nhân sự");
    await harness.say(binh, "/khokhan Chi bộ số 2 thiếu hội trường");
    clock.advance(60_000);
    const [header, item] = await sayMany(an, "/khokhan", 2);
    expect(header!.text).toBe(
      [
        "Khó khăn đang mở ở các đơn vị đồng chí theo dõi: 1.",
        'Khi khó khăn đã được tháo gỡ, đồng chí bấm "✔️ Đã giải quyết" dưới khó khăn đó.',
        "",
        ...example,
      ].join("\n"),
    );
    expect(item!.text).toBe([`${gt01} — báo ngày 26/02/2020`, "Chưa thống nhất phương án nhân sự"].join("\n"));
    expect(buttons(item!)).toEqual([["✔️ Đã giải quyết"]]);

    const answer = await press(an, item!, { text: "✔️ Đã giải quyết" });
    expect(answer).toMatchObject({ text: "Đã ghi nhận khó khăn được giải quyết." });
    expect(current(item!).text).toBe(
      [
        `${gt01} — báo ngày 26/02/2020`,
        "Chưa thống nhất phương án nhân sự",
        "✔️ Đã giải quyết ngày 26/02/2020 (Nguyễn Văn An).",
      ].join("\n"),
    );
    expect(buttons(item!)).toEqual([]);
    const resolved = await prisma().difficulty.findFirstOrThrow({ where: { id: 1 } });
    expect({ resolvedAt: resolved.resolvedAt, resolvedById: resolved.resolvedById }).toEqual({
      resolvedAt: clock.now(),
      resolvedById: await personId("+84912345678"),
    });
    expect((await prisma().difficulty.findFirstOrThrow({ where: { id: 2 } })).resolvedAt).toBeNull();
    const audit = await prisma().auditLog.findMany({ where: { action: "difficulty.resolve" } });
    expect(audit.map(({ actor, entityId, details }) => ({ actor, entityId, details }))).toEqual([
      {
        actor: `telegram:${an.id}`,
        entityId: "1",
        details: { unitId: await unitId("GT-01"), unitCode: "GT-01", personId: await personId("+84912345678") },
      },
    ]);

    // Pressed again: already resolved; nothing changes.
    const before = await fingerprint();
    expect(await press(an, item!, { data: "difficulty:resolve:1", force: true })).toMatchObject({
      text: "Khó khăn này đã được ghi nhận giải quyết trước đó.",
      show_alert: true,
    });
    expect(await fingerprint()).toEqual(before);
    expect((await harness.say(an, "/khokhan")).text?.split("\n")[0]).toBe(
      "Không có khó khăn nào đang mở ở các đơn vị đồng chí theo dõi.",
    );
  });

  /** What the outbox holds for a chat: the notices written, in order. */
  const notices = async (user: User) =>
    (
      await prisma().outboxMessage.findMany({
        where: { chatId: BigInt(user.id), kind: "difficulty-notice" },
        orderBy: { id: "asc" },
      })
    ).map((row) => ({ text: (row.payload as { params: { text: string } }).params.text, notBefore: row.notBefore }));

  it("when a difficulty is raised, then the working-group leader is told at once (a complaint not quoted); at night, once quiet hours end", async () => {
    await harness.say(an, "/khokhan Chưa thống nhất phương án nhân sự");
    await harness.say(binh, "/khokhan Có đơn thư khiếu nại về nhân sự");
    expect(await notices(leader)).toEqual([
      {
        text: [
          "Khó khăn mới — Chi bộ tổ dân phố số 1 (Đảng bộ phường Gia Thụy), báo ngày 26/02/2020:",
          '"Chưa thống nhất phương án nhân sự"',
          'Gõ /khokhan để xem các khó khăn đang mở; khi đã tháo gỡ, bấm "✔️ Đã giải quyết".',
        ].join("\n"),
        notBefore: clock.now(),
      },
      {
        text: [
          "Khó khăn mới — Chi bộ tổ dân phố số 2 (Đảng bộ phường Gia Thụy), báo ngày 26/02/2020: 🔒 liên quan đơn thư, khiếu nại, tố cáo (nội dung chỉ người báo, Ban Thường vụ và Văn phòng xem được).",
          'Khi đã tháo gỡ, gõ /khokhan và bấm "✔️ Đã giải quyết".',
        ].join("\n"),
        notBefore: clock.now(),
      },
    ]);
    // At 22:30 the notice waits for the end of the quiet hours (07:00 next morning).
    clock.set("2020-02-26T15:30:00Z");
    try {
      await harness.say(an, "/khokhan Hội trường chưa sửa xong");
    } finally {
      clock.set("2020-02-26T03:00:00Z");
    }
    expect((await notices(leader)).at(-1)!.notBefore).toEqual(new Date("2020-02-27T00:00:00Z"));
    // The one who raised it is not sent a notice of their own difficulty.
    expect(await notices(an)).toEqual([]);
  });

  it("when the working-group leader lists, then every followed unit's difficulty shows, a sensitive one without its text, and the leader may resolve", async () => {
    await harness.say(an, "/khokhan Chưa thống nhất phương án nhân sự");
    await harness.say(binh, "/khokhan Có đơn thư khiếu nại về nhân sự");
    const [header, first, second] = await sayMany(leader, "/khokhan", 3);
    expect(header!.text?.split("\n")[0]).toBe("Khó khăn đang mở ở các đơn vị đồng chí theo dõi: 2.");
    expect(first!.text).toBe([`${gt01} — báo ngày 26/02/2020`, "Chưa thống nhất phương án nhân sự"].join("\n"));
    expect(second!.text).toBe(
      ["Chi bộ tổ dân phố số 2 (Đảng bộ phường Gia Thụy) — báo ngày 26/02/2020", hiddenComplaint].join("\n"),
    );

    expect(await press(leader, second!, { text: "✔️ Đã giải quyết" })).toMatchObject({
      text: "Đã ghi nhận khó khăn được giải quyết.",
    });
    expect(current(second!).text?.split("\n").at(-1)).toBe(
      "✔️ Đã giải quyết ngày 26/02/2020 (Tổ trưởng Tổ công tác số 1).",
    );
    const row = await prisma().difficulty.findFirstOrThrow({ where: { id: 2 } });
    expect(row.resolvedById).toBe(await personId("+84912000001"));
    // The unit's secretary is told it is resolved (a complaint still not quoted).
    expect((await notices(binh)).map((notice) => notice.text)).toEqual([
      "Khó khăn của Chi bộ tổ dân phố số 2 (Đảng bộ phường Gia Thụy) báo ngày 26/02/2020 (🔒 đơn thư, khiếu nại, tố cáo) đã được đồng chí Tổ trưởng Tổ công tác số 1 xác nhận giải quyết ngày 26/02/2020.",
    ]);
    expect(await notices(an)).toEqual([]);
  });

  it("when a deputy of the unit lists, then a sensitive difficulty raised by someone else is shown without its text", async () => {
    await harness.say(an, "/khokhan Có đơn thư tố cáo bí thư chi bộ");
    const [, item] = await sayMany(dung, "/khokhan", 2);
    expect(item!.text).toBe([`${gt01} — báo ngày 26/02/2020`, hiddenComplaint].join("\n"));
    // Its author still sees it.
    const [, own] = await sayMany(an, "/khokhan", 2);
    expect(own!.text?.split("\n")[1]).toBe("🔒 Có đơn thư tố cáo bí thư chi bộ");
  });

  it("when a stranger or the secretary of a sibling unit forges a resolve press, then it is refused and nothing changes", async () => {
    await harness.say(an, "/khokhan Chưa thống nhất phương án nhân sự");
    const before = await fingerprint();

    const strangerMessage = await harness.say(stranger, "/khokhan");
    expect(strangerMessage.text).toBe(onboardingHint);
    expect(await press(stranger, strangerMessage, { data: "difficulty:resolve:1", force: true })).toMatchObject({
      text: resolveRefused,
      show_alert: true,
    });

    const [siblingList] = await sayMany(binh, "/khokhan", 1);
    expect(siblingList!.text?.split("\n")[0]).toBe("Không có khó khăn nào đang mở ở các đơn vị đồng chí theo dõi.");
    expect(await press(binh, siblingList!, { data: "difficulty:resolve:1", force: true })).toMatchObject({
      text: resolveRefused,
      show_alert: true,
    });
    // An id that does not exist gets the same answer, so presses cannot probe for difficulties.
    expect(await press(binh, siblingList!, { data: "difficulty:resolve:999", force: true })).toMatchObject({
      text: resolveRefused,
      show_alert: true,
    });
    expect(await fingerprint()).toEqual(before);
  });

  it("when more than ten difficulties are open, then the ten reported first are listed and the rest announced", async () => {
    for (let i = 1; i <= 12; i++) {
      await harness.say(an, `/khokhan Khó khăn số ${i}`);
      clock.advance(1000);
    }
    const messages = await sayMany(an, "/khokhan", 11);
    expect(messages[0]!.text?.split("\n").slice(0, 2)).toEqual([
      "Khó khăn đang mở ở các đơn vị đồng chí theo dõi: 12.",
      "Dưới đây là 10 khó khăn báo sớm nhất; sau khi xác nhận các khó khăn này, gõ /khokhan để xem tiếp.",
    ]);
    expect(messages.slice(1).map((m) => m.text?.split("\n")[1])).toEqual(
      Array.from({ length: 10 }, (_, i) => `Khó khăn số ${i + 1}`),
    );
    await harness.app.inbox.drain();
    expect(harness.sent(an.id)).toHaveLength(12 + 11);
  });

  it("when an English speaker uses /problem, then the answers are in English", async () => {
    const english = telegramUser({ language_code: "en" });
    await link("+84913222111", english);
    const reply = await harness.say(english, "/problem Personnel plan not yet agreed");
    expect(reply.text).toBe(
      [
        "Recorded a difficulty of Chi bộ tổ dân phố số 2 (Đảng bộ phường Gia Thụy):",
        '"Personnel plan not yet agreed"',
        "The working-group leader has been told: Tổ trưởng Tổ công tác số 1.",
      ].join("\n"),
    );
  });
});
