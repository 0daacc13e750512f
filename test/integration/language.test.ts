// /ngonngu (/lang): a person's language in private chat, a bound group's digest language set by an admin
// of the bound unit, and the daily digest written in each group's language.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Message, User } from "grammy/types";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fixedClock } from "../../src/clock.js";
import type { RecordedMessage } from "../../src/emulator/index.js";
import { startBotHarness, telegramUser, type BotHarness } from "../support/bot-harness.js";
import { cli } from "../support/cli.js";
import { bindTelegramUser, importFixture } from "../support/roster.js";
import { createTestDatabase, databaseFingerprint, type TestDatabase } from "../support/test-database.js";

const clock = fixedClock("2020-02-26T03:00:00Z"); // 10:00 on 26/02/2020 in Hà Nội
const committee = { id: -1001000001, type: "supergroup" as const, title: "Ban Thường vụ Quận ủy" };
const ward = { id: -1001000002, type: "supergroup" as const, title: "Đảng ủy phường Gia Thụy" };
const buttons = [["🇻🇳 Tiếng Việt", "🇬🇧 English"]];

describe("language (/ngonngu, /lang)", () => {
  let db: TestDatabase;
  let harness: BotHarness;
  let an: User; // secretary of GT-07
  let lan: User; // admin of the district
  let ha: User; // standing committee member, not an admin

  const prisma = () => db.database.prisma;
  const labels = (message: RecordedMessage) =>
    (message.reply_markup?.inline_keyboard ?? []).map((row) => row.map((button) => button.text));
  const current = (message: RecordedMessage) =>
    harness.sent(message.chat.id).find((m) => m.message_id === message.message_id)!;

  /** Presses a button (or forges a press) and waits until the bot answered the press and finished. */
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

  beforeAll(async () => {
    db = await createTestDatabase();
    await importFixture(db.database, "reporting-org.yaml");
    an = await bindTelegramUser(db.database, "+84912345678");
    lan = await bindTelegramUser(db.database, "+84906777888");
    ha = await bindTelegramUser(db.database, "+84905555666");
    for (const [group, code] of [
      [committee, "LB"],
      [ward, "GT"],
    ] as const) {
      const unit = await prisma().unit.findFirstOrThrow({ where: { code } });
      await prisma().chatBinding.create({
        data: { organizationId: unit.organizationId, unitId: unit.id, chatId: BigInt(group.id), title: group.title },
      });
    }
    harness = await startBotHarness(db.database, { clock });
    for (const group of [committee, ward]) harness.emulator.registerChat(group);
  });
  afterAll(async () => {
    await harness?.stop();
    await db?.drop();
  });

  it("when a person picks English with a button, then it is stored on their roster entry and the bot answers in English", async () => {
    const prompt = await harness.say(an, "/ngonngu");
    expect(prompt.text).toBe("Đồng chí chọn ngôn ngữ Trợ lý dùng khi nhắn cho đồng chí:");
    expect(labels(prompt)).toEqual(buttons);
    const answer = await press(an, prompt, { text: "🇬🇧 English" });
    expect(answer.text).toBeUndefined();
    expect(current(prompt).text).toBe("From now on the assistant writes to you in English.");
    expect((await prisma().person.findFirstOrThrow({ where: { phone: "+84912345678" } })).locale).toBe("en");
    expect((await harness.say(an, "/trogiup")).text?.split("\n")[0]).toBe("Congress Assistant — help");
    expect(await prisma().auditLog.count({ where: { action: "person.locale", actor: `telegram:${an.id}` } })).toBe(1);
  });

  it("when a person types the language after the command, then it is set without buttons", async () => {
    expect((await harness.say(an, "/lang vi")).text).toBe("Từ nay Trợ lý nhắn cho đồng chí bằng tiếng Việt.");
    expect((await prisma().person.findFirstOrThrow({ where: { phone: "+84912345678" } })).locale).toBe("vi");
  });

  it("when the organisation file is imported again, then a language the file does not name stays as the person chose it, and one it names is set", async () => {
    const locale = async () => (await prisma().person.findFirstOrThrow({ where: { phone: "+84912345678" } })).locale;
    await harness.say(an, "/lang en");
    expect(await locale()).toBe("en");

    await importFixture(db.database, "reporting-org.yaml");
    expect(await locale()).toBe("en");
    expect((await harness.say(an, "/trogiup")).text?.split("\n")[0]).toBe("Congress Assistant — help");

    const dir = mkdtempSync(path.join(tmpdir(), "daihoi-locale-"));
    const file = path.join(dir, "org.yaml");
    const fixture = readFileSync(new URL("../fixtures/reporting-org.yaml", import.meta.url), "utf8");
    writeFileSync(file, fixture.replace('phone: "0912345678", roles', 'phone: "0912345678", locale: vi, roles'));
    const result = await cli(db.database, ["org", "import", file]);
    expect(result.code, result.err.join("\n")).toBe(0);
    expect(await locale()).toBe("vi");
    rmSync(dir, { recursive: true, force: true });
  });

  it.each([
    {
      name: "a language the bot does not have",
      text: "/ngonngu fr",
      answer: [
        'Trợ lý chưa có ngôn ngữ "fr"; chỉ có tiếng Việt (vi) và tiếng Anh (en).',
        "Ví dụ: /ngonngu en, hoặc gõ /ngonngu rồi bấm nút.",
      ],
    },
    {
      name: "an oversized word",
      text: `/ngonngu ${"x".repeat(500)}`,
      answer: [
        `Trợ lý chưa có ngôn ngữ "${"x".repeat(32)}"; chỉ có tiếng Việt (vi) và tiếng Anh (en).`,
        "Ví dụ: /ngonngu en, hoặc gõ /ngonngu rồi bấm nút.",
      ],
    },
  ])(
    "when /ngonngu comes with $name, then it says which languages there are and changes nothing",
    async ({ text, answer }) => {
      const before = await databaseFingerprint(db.database);
      expect((await harness.say(an, text)).text?.split("\n")).toEqual(answer);
      expect(await databaseFingerprint(db.database)).toEqual(before);
    },
  );

  it("when someone not on the roster asks, then the bot says it uses their Telegram language", async () => {
    const stranger = telegramUser({ language_code: "en" });
    expect((await harness.say(stranger, "/lang")).text).toBe(
      "You are not on the assistant's roster yet, so it uses your Telegram language. Please ask the party committee office for an invite code.",
    );
  });

  it("when a member who is not an admin asks in a bound group, or presses the buttons, then nothing changes", async () => {
    const before = await databaseFingerprint(db.database);
    expect((await harness.say(ha, "/ngonngu", committee)).text).toBe(
      "Chỉ quản trị của Đảng bộ quận Long Biên (mã LB) hoặc cấp trên mới đổi ngôn ngữ bản tin của nhóm. Mỗi thành viên chọn ngôn ngữ của riêng mình bằng /ngonngu trong tin nhắn riêng với Trợ lý.",
    );
    const prompt = await harness.say(lan, "/ngonngu", committee);
    expect(prompt.text).toBe("Chọn ngôn ngữ cho bản tin hằng ngày của nhóm (Đảng bộ quận Long Biên):");
    expect(labels(prompt)).toEqual(buttons);
    const refused = await press(ha, prompt, { text: "🇬🇧 English" });
    expect(refused).toMatchObject({
      text: "Chỉ quản trị của đơn vị liên kết với nhóm mới đổi ngôn ngữ bản tin.",
      show_alert: true,
    });
    const forged = await press(lan, prompt, { data: "lang:group:fr", force: true });
    expect(forged).toMatchObject({ text: "Lựa chọn này không còn hiệu lực. Gõ lại /ngonngu.", show_alert: true });
    expect(await databaseFingerprint(db.database)).toEqual(before);
  });

  it("when the admin picks English for the committee's group, then the binding stores it and the confirmation is in English", async () => {
    const prompt = harness.sent(committee.id).at(-1)!;
    await press(lan, prompt, { text: "🇬🇧 English" });
    expect(current(prompt).text).toBe("The group's daily digest (at 17:00) is written in English from now on.");
    const binding = await prisma().chatBinding.findUniqueOrThrow({ where: { chatId: BigInt(committee.id) } });
    expect(binding.locale).toBe("en");
    expect(await prisma().auditLog.findFirst({ where: { action: "group.locale" } })).toMatchObject({
      actor: `telegram:${lan.id}`,
      details: { from: null, to: "en" },
    });
  });

  it("when the digest goes out, then each group reads it in its own language", async () => {
    clock.set("2020-02-26T10:00:00Z"); // 17:00
    await harness.app.scheduler.tick();
    const english = await harness.emulator.waitFor(() =>
      harness.sent(committee.id).find((m) => m.text?.startsWith("📊")),
    );
    const vietnamese = await harness.emulator.waitFor(() =>
      harness.sent(ward.id).find((m) => m.text?.startsWith("📊")),
    );
    expect(english.text?.split("\n").slice(0, 2)).toEqual([
      "📊 CONGRESS PROGRESS — Đảng bộ quận Long Biên",
      "As of 17:00 on 26/02/2020 (Wednesday)",
    ]);
    expect(vietnamese.text?.split("\n").slice(0, 2)).toEqual([
      "📊 TIẾN ĐỘ ĐẠI HỘI — Đảng bộ phường Gia Thụy",
      "Cập nhật 17:00 ngày 26/02/2020 (thứ Tư)",
    ]);
    expect(english.text).toContain("Cells under grassroots committees: 0/3 (0.0%) held their congress");
  });
});
