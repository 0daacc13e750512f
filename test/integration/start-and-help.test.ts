// /start and /trogiup (/help) as users see them, in Vietnamese and English, over HTTP with a real database.
import { readFileSync } from "node:fs";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { storeUpdates } from "../../src/db/update-store.js";
import { cli } from "../support/cli.js";
import { startBotHarness, telegramUser, type BotHarness } from "../support/bot-harness.js";
import { createTestDatabase, type TestDatabase } from "../support/test-database.js";

describe("start and help", () => {
  let db: TestDatabase;
  let harness: BotHarness;

  beforeAll(async () => {
    db = await createTestDatabase();
    const dir = mkdtempSync(path.join(tmpdir(), "daihoi-start-"));
    const file = path.join(dir, "org.yaml");
    writeFileSync(file, readFileSync(new URL("../fixtures/small-org.yaml", import.meta.url), "utf8"));
    expect((await cli(db.database, ["org", "import", file])).code).toBe(0);
    harness = await startBotHarness(db.database);
  });
  afterAll(async () => {
    await harness?.stop();
    await db?.drop();
  });

  it("when a stranger sends /start in Vietnamese, then the bot greets them and says how to get access", async () => {
    const user = telegramUser({ first_name: "Hùng", language_code: "vi" });
    const reply = await harness.say(user, "/start");
    expect(reply.text).toBe(
      [
        "Kính chào đồng chí Hùng!",
        "Đây là Trợ lý Đại hội: theo dõi tiến độ tổ chức đại hội đảng bộ các cấp.",
        "",
        "Đồng chí chưa được giao đơn vị nào để báo cáo. Liên hệ Văn phòng Quận ủy để nhận mã mời.",
      ].join("\n"),
    );
  });

  it("when a stranger sends /start in English, then the bot answers in English", async () => {
    const user = telegramUser({ first_name: "Anna", language_code: "en-GB" });
    const reply = await harness.say(user, "/start");
    expect(reply.text).toBe(
      [
        "Welcome, Anna!",
        "This is the Congress Assistant: it follows the progress of party congresses at every level.",
        "",
        "You have no unit to report for yet. Ask the district committee office for an invite code.",
      ].join("\n"),
    );
  });

  it("when Telegram's language is neither Vietnamese nor English, then DEFAULT_LOCALE (vi) is used", async () => {
    const reply = await harness.say(telegramUser({ first_name: "Marie", language_code: "fr" }), "/start");
    expect(reply.text?.split("\n")[0]).toBe("Kính chào đồng chí Marie!");
  });

  it("when a person on the roster starts, then they are greeted by roster name with their roles, in their stored language", async () => {
    const user = telegramUser({ first_name: "An", language_code: "vi" });
    await db.database.prisma.person.update({
      where: { organizationId_phone: { organizationId: 1, phone: "+84912345678" } },
      data: { telegramUserId: BigInt(user.id), locale: "en" },
    });
    const reply = await harness.say(user, "/start");
    expect(reply.text).toBe(
      [
        "Welcome, Nguyễn Văn An!",
        "This is the Congress Assistant: it follows the progress of party congresses at every level.",
        "",
        "Your assignments:",
        "• Secretary — Chi bộ tổ dân phố số 1",
        "   Next: Congress plan.",
        "",
        "Type /help to see the commands.",
      ].join("\n"),
    );
  });

  it("when someone asks for help in either language, then the help lists the commands", async () => {
    const user = telegramUser({ language_code: "vi" });
    const vi = await harness.say(user, "/trogiup");
    const lines = vi.text!.split("\n");
    expect(lines.slice(0, 14)).toEqual([
      "Trợ lý Đại hội — hướng dẫn",
      "/baocao — báo cáo tiến độ đại hội của đơn vị, từng bước bằng nút bấm",
      "/trangthai — tình trạng các mốc đại hội và khó khăn đang mở của đơn vị đồng chí; tổ trưởng Tổ công tác xem thêm tiến độ các đơn vị theo dõi (tiếng Anh: /status)",
      "/khokhan NỘI DUNG — báo khó khăn, vướng mắc của đơn vị để Tổ công tác theo dõi, tháo gỡ (tiếng Anh: /problem)",
      "Ví dụ: /khokhan Chưa thống nhất phương án nhân sự",
      "/khokhan — xem các khó khăn đang mở và xác nhận khó khăn đã được giải quyết",
      "/tiendo [MÃ] — tiến độ đại hội của đơn vị và các đơn vị trực thuộc, bấm nút để xem từng cấp, lọc đơn vị chưa đại hội, quá hạn, có khó khăn (tiếng Anh: /progress)",
      "/xuat [MÃ_ĐƠN_VỊ] — gửi tệp Excel tiến độ đại hội, kết quả bầu cử, thống kê theo cấp và khó khăn đang mở của các đơn vị đồng chí được xem (tiếng Anh: /export)",
      "/hoan MÃ_ĐƠN_VỊ LÝ_DO — tạm dừng nhắc việc cho đơn vị được phép hoãn đại hội; Tổ công tác thấy lý do (tiếng Anh: /postpone)",
      "Ví dụ: /hoan GT-07 Hoãn theo Công văn số 15-CV/ĐU, chờ kiện toàn cấp ủy",
      "/tieptuc MÃ_ĐƠN_VỊ — nhắc việc lại cho đơn vị đó (tiếng Anh: /resume)",
      "/ngonngu — chọn ngôn ngữ Trợ lý dùng với đồng chí; trong nhóm đã liên kết, quản trị chọn ngôn ngữ bản tin của nhóm (tiếng Anh: /lang)",
      "/start — bắt đầu, nhận diện đồng chí",
      "/trogiup — hướng dẫn này (tiếng Anh: /help, /report, /status, /problem)",
    ]);
    // Every key of the one-line form is listed with an example.
    for (const key of ["bch=", "nu=", "tre=", "taicu=", "btv=", "bttructiep=", "motlan=", "daibieu=", "trieutap=", "comat=", "ghichu="]) {
      expect(lines.some((line) => line.startsWith(key) || line.includes(` ${key}`))).toBe(true);
    }
    expect(vi.entities?.[0]).toMatchObject({ type: "bold", offset: 0 });
    const en = await harness.say(telegramUser({ language_code: "en" }), "/help");
    expect(en.text?.split("\n")[0]).toBe("Congress Assistant — help");
  });

  it("when the bot starts, then its command menu is registered in both languages", () => {
    expect(harness.emulator.commands(harness.token, { language_code: "vi" }).map((entry) => entry.command)).toEqual([
      "start",
      "baocao",
      "trangthai",
      "khokhan",
      "tiendo",
      "xuat",
      "hoan",
      "ngonngu",
      "trogiup",
    ]);
    expect(harness.emulator.commands(harness.token, { language_code: "en" })).toEqual([
      { command: "start", description: "Start and identify yourself" },
      { command: "report", description: "Report your unit's congress progress" },
      { command: "status", description: expect.any(String) },
      { command: "problem", description: expect.any(String) },
      { command: "progress", description: "Congress progress by unit, level by level" },
      { command: "export", description: "Export congress progress to an Excel file" },
      { command: "postpone", description: "Pause reminders for a unit whose congress is postponed" },
      { command: "lang", description: "Choose the language (Vietnamese, English)" },
      { command: "help", description: "How to use the assistant, and its commands" },
    ]);
    for (const entry of harness.emulator.commands(harness.token, { language_code: "vi" })) expect(entry.description.length).toBeGreaterThan(5);
    expect(harness.emulator.commands(harness.token)).toEqual(harness.emulator.commands(harness.token, { language_code: "vi" }));
  });

  it("when a command does not exist or a text is not understood, then the bot says what to do", async () => {
    const user = telegramUser();
    expect((await harness.say(user, "/baocaoo")).text).toBe("Không có lệnh /baocaoo. Gõ /trogiup để xem các lệnh.");
    expect((await harness.say(user, "xin chào")).text).toBe("Trợ lý chưa hiểu tin nhắn này. Gõ /trogiup để xem các lệnh.");
    expect((await harness.say(user, "x".repeat(4000))).text).toBe("Trợ lý chưa hiểu tin nhắn này. Gõ /trogiup để xem các lệnh.");
  });

  it("when Telegram rejects the bot's answer, then the error boundary answers politely and the bot keeps working", async () => {
    const user = telegramUser();
    harness.emulator.failNext("sendMessage", { error_code: 400, description: "Bad Request: something unexpected" });
    const reply = await harness.say(user, "/start");
    expect(reply.text).toBe(
      "Xin lỗi, đã có lỗi khi xử lý yêu cầu. Đồng chí vui lòng thử lại sau ít phút; nếu vẫn lỗi, xin báo Văn phòng Quận ủy.",
    );
    expect((await harness.say(user, "/trogiup")).text?.startsWith("Trợ lý Đại hội — hướng dẫn")).toBe(true);
  });

  it("when someone writes in a group, then nothing personal is shown and plain chatter gets no answer", async () => {
    const user = telegramUser();
    const group = { id: -100200300, type: "supergroup" as const, title: "BTV Quận ủy" };
    harness.emulator.registerChat(group);
    const help = await harness.say(user, "/trogiup", group);
    expect(help.text?.startsWith("Trợ lý Đại hội — hướng dẫn")).toBe(true);
    harness.emulator.sendMessage(harness.token, { from: user, chat: group, text: "chào cả nhà" });
    harness.emulator.sendMessage(harness.token, { from: user, chat: group, text: "/start" });
    const messages = await harness.emulator.waitForBotMessages(group.id, 2);
    await harness.app.inbox.drain();
    expect(harness.sent(group.id).map((message) => message.text)).toEqual([
      messages[0]!.text,
      "Nhóm này chưa được liên kết với đơn vị nào, nên Trợ lý không hiển thị dữ liệu ở đây.",
    ]);
  });

  it("when the same update is delivered twice, then it is handled once", async () => {
    const user = telegramUser();
    const { update } = harness.emulator.sendMessage(harness.token, { from: user, text: "/trogiup" });
    await harness.emulator.waitForBotMessages(user.id, 1);
    await storeUpdates(db.database.prisma, [update!]);
    await harness.app.inbox.drain();
    expect(harness.sent(user.id)).toHaveLength(1);
  });
});
