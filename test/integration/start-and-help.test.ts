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

  it("when a stranger sends /start in Vietnamese, then the bot says to press the share-phone button if they are on the office's list, else to ask for an invite link", async () => {
    const user = telegramUser({ first_name: "Hùng", language_code: "vi" });
    const reply = await harness.say(user, "/start");
    expect(reply.text).toBe(
      [
        "Kính chào đồng chí Hùng!",
        "Đây là Trợ lý Đại hội: theo dõi tiến độ tổ chức đại hội đảng bộ các cấp.",
        "",
        "Trợ lý chưa nhận diện được đồng chí.",
        "• Nếu đồng chí có tên trong danh sách của Văn phòng cấp ủy: bấm nút «📱 Chia sẻ số điện thoại» bên dưới để Trợ lý nhận diện qua số điện thoại.",
        "• Nếu chưa có tên trong danh sách: đề nghị Văn phòng cấp ủy gửi đường link mời.",
      ].join("\n"),
    );
    expect(reply.keyboard).toMatchObject({ keyboard: [[{ text: "📱 Chia sẻ số điện thoại", request_contact: true }]] });
  });

  it("when a stranger sends /start in English, then the bot answers in English", async () => {
    const user = telegramUser({ first_name: "Anna", language_code: "en-GB" });
    const reply = await harness.say(user, "/start");
    expect(reply.text).toBe(
      [
        "Welcome, Anna!",
        "This is the Congress Assistant: it follows the progress of party congresses at every level.",
        "",
        "The assistant does not know you yet.",
        "• If you are on the party committee office's list: press the «📱 Share my phone number» button below to be recognised by your phone number.",
        "• If you are not on the list: ask the party committee office for an invite link.",
      ].join("\n"),
    );
    expect(reply.keyboard).toMatchObject({ keyboard: [[{ text: "📱 Share my phone number", request_contact: true }]] });
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

  it("when a stranger asks for help, then it lists only what a stranger may do and how to get access, in their language", async () => {
    const vi = await harness.say(telegramUser({ language_code: "vi" }), "/trogiup");
    expect(vi.text?.split("\n")).toEqual([
      "Trợ lý Đại hội — hướng dẫn",
      "/start — bắt đầu, nhận diện đồng chí",
      "/ngonngu — chọn ngôn ngữ Trợ lý dùng với đồng chí; trong nhóm đã liên kết, quản trị chọn ngôn ngữ bản tin của nhóm (tiếng Anh: /lang)",
      "/trogiup — hướng dẫn này (tiếng Anh: /help)",
      "",
      "Để sử dụng Trợ lý, đồng chí cần được nhận diện: nếu có tên trong danh sách của Văn phòng cấp ủy, gõ /start rồi bấm nút «📱 Chia sẻ số điện thoại»; nếu chưa, mở đường link mời do Văn phòng cấp ủy gửi.",
      "",
      "Cần hỗ trợ, liên hệ Văn phòng cấp ủy.",
    ]);
    expect(vi.entities?.[0]).toMatchObject({ type: "bold", offset: 0 });
    const en = await harness.say(telegramUser({ language_code: "en" }), "/help");
    expect(en.text?.split("\n")).toEqual([
      "Congress Assistant — help",
      "/start — start and identify yourself",
      expect.stringMatching(/^\/lang — /),
      "/help — this help (Vietnamese: /trogiup)",
      "",
      "To use the assistant you need to be recognised: if you are on the party committee office's list, type /start and press the «📱 Share my phone number» button; if not, open the invite link the party committee office sends you.",
      "",
      "For support, contact the party committee office.",
    ]);
  });

  it("when a cell secretary asks for help, then it shows their commands and every key of the one-line form, and no command of the admins or the working groups", async () => {
    const user = telegramUser({ language_code: "vi" });
    await db.database.prisma.person.update({
      where: { organizationId_phone: { organizationId: 1, phone: "+84913222111" } },
      data: { telegramUserId: BigInt(user.id) },
    });
    const lines = (await harness.say(user, "/trogiup")).text!.split("\n");
    expect(lines.slice(0, 10)).toEqual([
      "Trợ lý Đại hội — hướng dẫn",
      "/start — bắt đầu, nhận diện đồng chí",
      "/baocao — báo cáo tiến độ đại hội của đơn vị, từng bước bằng nút bấm (tiếng Anh: /report)",
      "/trangthai — tình trạng các mốc đại hội và khó khăn đang mở của đơn vị đồng chí; tổ trưởng Tổ công tác xem thêm tiến độ các đơn vị theo dõi (tiếng Anh: /status)",
      "/khokhan NỘI DUNG — báo khó khăn, vướng mắc của đơn vị để Tổ công tác theo dõi, tháo gỡ (tiếng Anh: /problem)",
      "Ví dụ: /khokhan Chưa thống nhất phương án nhân sự",
      "/khokhan — xem các khó khăn đang mở và xác nhận khó khăn đã được giải quyết",
      "/tiendo [MÃ] — tiến độ đại hội của đơn vị và các đơn vị trực thuộc, bấm nút để xem từng cấp, lọc đơn vị chưa đại hội, quá hạn, có khó khăn (tiếng Anh: /progress)",
      "/ngonngu — chọn ngôn ngữ Trợ lý dùng với đồng chí; trong nhóm đã liên kết, quản trị chọn ngôn ngữ bản tin của nhóm (tiếng Anh: /lang)",
      "/trogiup — hướng dẫn này (tiếng Anh: /help)",
    ]);
    expect(lines.slice(10, 13)).toEqual([
      "",
      "Báo cáo nhanh trên một dòng",
      "/baocao [MÃ_ĐƠN_VỊ] NỘI_DUNG [ngày] [khóa=giá_trị …]",
    ]);
    // Every key of the one-line form is listed with an example.
    for (const key of [
      "bch=",
      "nu=",
      "tre=",
      "taicu=",
      "btv=",
      "bttructiep=",
      "motlan=",
      "daibieu=",
      "trieutap=",
      "comat=",
      "ghichu=",
    ]) {
      expect(lines.some((line) => line.startsWith(key) || line.includes(` ${key}`))).toBe(true);
    }
    expect(lines.at(-1)).toBe("Cần hỗ trợ, liên hệ Văn phòng cấp ủy.");
    for (const command of ["/moi", "/malienket", "/hoan", "/tieptuc", "/xuat", "/lienketnhom", "/huylienket"]) {
      expect(
        lines.some((line) => line.includes(command)),
        command,
      ).toBe(false);
    }
  });

  it("when a command does not exist or a text is not understood, then the bot says what to do", async () => {
    const user = telegramUser();
    expect((await harness.say(user, "/baocaoo")).text).toBe("Không có lệnh /baocaoo. Gõ /trogiup để xem các lệnh.");
    expect((await harness.say(user, "xin chào")).text).toBe(
      "Trợ lý chưa hiểu tin nhắn này. Gõ /trogiup để xem các lệnh.",
    );
    expect((await harness.say(user, "x".repeat(4000))).text).toBe(
      "Trợ lý chưa hiểu tin nhắn này. Gõ /trogiup để xem các lệnh.",
    );
  });

  it("when Telegram rejects the bot's answer, then the error boundary answers politely and the bot keeps working", async () => {
    const user = telegramUser();
    harness.emulator.failNext("sendMessage", { error_code: 400, description: "Bad Request: something unexpected" });
    const reply = await harness.say(user, "/start");
    expect(reply.text).toBe(
      "Xin lỗi, đã có lỗi khi xử lý yêu cầu. Đồng chí vui lòng thử lại sau ít phút; nếu vẫn lỗi, xin báo Văn phòng cấp ủy.",
    );
    expect((await harness.say(user, "/trogiup")).text?.startsWith("Trợ lý Đại hội — hướng dẫn")).toBe(true);
  });

  it("when someone writes in a group, then nothing personal is shown and plain chatter gets no answer", async () => {
    const user = telegramUser();
    const group = { id: -100200300, type: "supergroup" as const, title: "BTV Quận ủy" };
    harness.emulator.registerChat(group);
    const help = await harness.say(user, "/trogiup", group);
    expect(help.text?.split("\n")).toEqual([
      "Trợ lý Đại hội — hướng dẫn",
      "/tiendo [MÃ] — tiến độ đại hội của đơn vị liên kết với nhóm và các đơn vị trực thuộc (tiếng Anh: /progress)",
      "/lienketnhom MÃ — liên kết nhóm với đơn vị, bằng mã liên kết do cán bộ quản trị lấy bằng lệnh /malienket (tiếng Anh: /linkgroup)",
      "/huylienket — cán bộ quản trị của đơn vị hủy liên kết nhóm (tiếng Anh: /unlinkgroup)",
      "/ngonngu — cán bộ quản trị của đơn vị chọn ngôn ngữ bản tin hằng ngày của nhóm (tiếng Anh: /lang)",
      "/trogiup — hướng dẫn này (tiếng Anh: /help)",
      "",
      `Báo cáo, tình trạng, khó khăn và các việc khác của từng đồng chí thực hiện trong tin nhắn riêng với Trợ lý: @${harness.app.bot.botInfo.username}.`,
    ]);
    harness.emulator.sendMessage(harness.token, { from: user, chat: group, text: "chào cả nhà" });
    harness.emulator.sendMessage(harness.token, { from: user, chat: group, text: "/start" });
    const messages = await harness.emulator.waitForBotMessages(group.id, 2);
    await harness.app.inbox.drain();
    expect(harness.sent(group.id).map((message) => message.text)).toEqual([
      messages[0]!.text,
      "Nhóm này chưa được liên kết với đơn vị nào, nên Trợ lý không hiển thị dữ liệu ở đây.",
    ]);
  });

  it("when /start is sent in a group linked to a unit, then it says which unit the group follows", async () => {
    const group = { id: -100200301, type: "supergroup" as const, title: "BTV phường Gia Thụy" };
    harness.emulator.registerChat(group);
    const unit = await db.database.prisma.unit.findFirstOrThrow({ where: { code: "GT" } });
    await db.database.prisma.chatBinding.create({
      data: { organizationId: unit.organizationId, unitId: unit.id, chatId: BigInt(group.id), title: group.title },
    });
    expect((await harness.say(telegramUser(), "/start", group)).text).toBe(
      "Kính chào các đồng chí! Nhóm này đã được liên kết với Đảng bộ phường Gia Thụy (GT); nhóm sẽ nhận báo cáo tiến độ hằng ngày lúc 17:00.",
    );
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
