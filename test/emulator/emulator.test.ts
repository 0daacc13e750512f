// The Bot API emulator, exercised over real HTTP with grammY's own client.
import { Api, Bot, GrammyError, HttpError, InlineKeyboard, InputFile, Keyboard } from "grammy";
import type { Message, User } from "grammy/types";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type BotApiEmulator, startBotApiEmulator } from "../../src/emulator/index.js";

const TOKEN = "123456:TEST-token";
const lan: User = { id: 1001, is_bot: false, first_name: "Lan", username: "lan" };
const minh: User = { id: 1002, is_bot: false, first_name: "Minh" };
const group = { id: -100500, type: "group" as const, title: "Chi bộ 1" };

// 1x1 PNG.
const PNG = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==",
  "base64",
);

let emu: BotApiEmulator;
let api: Api;

beforeEach(async () => {
  emu = await startBotApiEmulator();
  api = new Api(TOKEN, { apiRoot: emu.apiRoot });
});

afterEach(async () => {
  await emu.close();
});

/** The error a promise rejects with (fails the test if it resolves). */
async function failure(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error("expected the call to fail");
}

/** Edit methods are typed `Message | true` (true = inline message). */
function asMessage(result: Message | true): Message {
  if (result === true) throw new Error("expected a Message, got true");
  return result;
}

async function apiError(promise: Promise<unknown>): Promise<GrammyError> {
  const error = await failure(promise);
  expect(error).toBeInstanceOf(GrammyError);
  return error as GrammyError;
}

describe("basics", () => {
  it("getMe answers with the bot derived from the token, configurable", async () => {
    const me = await api.getMe();
    expect(me).toMatchObject({ id: 123456, is_bot: true, username: "test_123456_bot" });

    emu.configureBot(TOKEN, { username: "daihoi_bot", firstName: "Trợ lý" });
    expect(await api.getMe()).toMatchObject({ username: "daihoi_bot", first_name: "Trợ lý" });
    expect(emu.requests).toEqual(["getMe", "getMe"]);
  });

  it("answers unknown methods and bad tokens in Telegram's shapes", async () => {
    const res = await fetch(`${emu.apiRoot}/bot${TOKEN}/sendUnicorn`, { method: "POST" });
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({ ok: false, error_code: 404, description: "Not Found: method not found" });

    const bad = await fetch(`${emu.apiRoot}/botnot-a-token/getMe`);
    expect(bad.status).toBe(401);
    expect(await bad.json()).toEqual({ ok: false, error_code: 401, description: "Unauthorized" });
  });

  it("accepts query strings and urlencoded bodies, parsing JSON-valued fields", async () => {
    emu.sendMessage(TOKEN, { from: lan, text: "hi" });
    const markup = JSON.stringify({ inline_keyboard: [[{ text: "OK", callback_data: "ok" }]] });
    const res = await fetch(`${emu.apiRoot}/bot${TOKEN}/sendMessage?chat_id=${lan.id}`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ text: "Xin chào", reply_markup: markup }).toString(),
    });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { ok: boolean; result: { message_id: number; text: string } };
    expect(body.ok).toBe(true);
    expect(body.result.text).toBe("Xin chào");
    // The user's "hi" was message 1 of this chat.
    expect(body.result.message_id).toBe(2);
    expect(emu.messages(lan.id)[0]?.reply_markup).toEqual({ inline_keyboard: [[{ text: "OK", callback_data: "ok" }]] });
  });
});

describe("updates", () => {
  it("confirms updates with offset and detects bot commands", async () => {
    emu.sendMessage(TOKEN, { from: lan, text: "/start" });
    emu.sendMessage(TOKEN, { from: lan, text: "/report@test_123456_bot today" });

    const all = await api.getUpdates();
    expect(all.map((u) => u.update_id)).toEqual([1, 2]);
    expect(all[0]?.message).toMatchObject({
      text: "/start",
      from: { id: lan.id },
      chat: { id: lan.id, type: "private", first_name: "Lan" },
      entities: [{ type: "bot_command", offset: 0, length: 6 }],
    });
    expect(all[1]?.message?.entities).toEqual([{ type: "bot_command", offset: 0, length: 23 }]);

    // Not confirmed yet: still there.
    expect(await api.getUpdates()).toHaveLength(2);
    const rest = await api.getUpdates({ offset: 2 });
    expect(rest.map((u) => u.update_id)).toEqual([2]);
    expect(emu.pendingUpdates(TOKEN)).toHaveLength(1);
    expect(await api.getUpdates({ offset: 3 })).toEqual([]);
    expect(emu.pendingUpdates(TOKEN)).toEqual([]);
    expect(await api.getUpdates({ limit: 1 })).toEqual([]);
  });

  it("long polling wakes up as soon as a user writes", async () => {
    const started = Date.now();
    const poll = api.getUpdates({ timeout: 20 });
    setTimeout(() => emu.sendMessage(TOKEN, { from: lan, text: "xin chào" }), 50);
    const updates = await poll;
    expect(updates.map((u) => u.message?.text)).toEqual(["xin chào"]);
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it("a newer getUpdates terminates the waiting one with 409", async () => {
    const older = failure(api.getUpdates({ timeout: 20 }));
    await emu.waitFor(() => emu.requests.length === 1);
    const newer = api.getUpdates({ timeout: 20 });
    const error = (await older) as GrammyError;
    expect(error).toBeInstanceOf(GrammyError);
    expect(error.error_code).toBe(409);
    expect(error.description).toMatch(/^Conflict: terminated by other getUpdates request/);
    emu.sendMessage(TOKEN, { from: lan, text: "ping" });
    expect((await newer).map((u) => u.message?.text)).toEqual(["ping"]);
  });

  it("close() answers a pending long poll immediately", async () => {
    const started = Date.now();
    const poll = api.getUpdates({ timeout: 30 });
    await emu.waitFor(() => emu.requests.includes("getUpdates"));
    await emu.close();
    expect(await poll).toEqual([]);
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it("adding the bot to a group queues my_chat_member and makes the group writable", async () => {
    const updates = emu.addBotToGroup(TOKEN, { chat: group, by: lan });
    expect(updates[0]?.my_chat_member).toMatchObject({
      chat: { id: group.id, type: "group" },
      from: { id: lan.id },
      old_chat_member: { status: "left", user: { id: 123456 } },
      new_chat_member: { status: "member", user: { id: 123456 } },
    });
    expect(updates[1]?.message?.new_chat_members?.[0]?.id).toBe(123456);
    expect((await api.getUpdates()).length).toBe(2);

    await api.sendMessage(group.id, "Chào chi bộ");
    expect((await api.getChat(group.id)).title).toBe("Chi bộ 1");

    expect(await api.leaveChat(group.id)).toBe(true);
    const error = await apiError(api.sendMessage(group.id, "still here?"));
    expect(error.error_code).toBe(403);
    expect(error.description).toBe("Forbidden: bot is not a member of the group chat");
    expect(emu.pendingUpdates(TOKEN).at(-1)?.my_chat_member?.new_chat_member.status).toBe("left");
  });
});

describe("group migration", () => {
  it("upgrading a group to a supergroup queues migrate_to and migrate_from, and moves the bot to the new chat", async () => {
    emu.addBotToGroup(TOKEN, { chat: group, by: lan });
    await api.getUpdates();
    const supergroup = { id: -1001234500, type: "supergroup" as const, title: "Chi bộ 1" };
    const updates = emu.migrateGroupToSupergroup(TOKEN, { chat: group, supergroup, by: lan });
    expect(
      updates.map((update) => [
        update.message?.chat.id,
        update.message?.migrate_to_chat_id,
        update.message?.migrate_from_chat_id,
      ]),
    ).toEqual([
      [group.id, supergroup.id, undefined],
      [supergroup.id, undefined, group.id],
    ]);
    await api.sendMessage(supergroup.id, "Chào chi bộ");
    expect((await apiError(api.sendMessage(group.id, "old chat?"))).error_code).toBe(403);
  });
});

describe("messages", () => {
  beforeEach(() => {
    emu.sendMessage(TOKEN, { from: lan, text: "/start" });
  });

  it("records sent messages with parsed HTML, inline keyboards and reply keyboards", async () => {
    const keyboard = new InlineKeyboard().text("Báo cáo", "report:1").url("Web", "https://example.org");
    const sent = await api.sendMessage(lan.id, "<b>Chào</b> Lan &amp; Minh", {
      parse_mode: "HTML",
      reply_markup: keyboard,
    });
    expect(sent).toMatchObject({
      message_id: 2,
      from: { id: 123456, is_bot: true, username: "test_123456_bot" },
      chat: { id: lan.id, type: "private" },
      text: "Chào Lan & Minh",
      entities: [{ type: "bold", offset: 0, length: 4 }],
    });
    expect(sent.date).toBeGreaterThan(1_600_000_000);

    const contact = new Keyboard().requestContact("Gửi số điện thoại").resized().oneTime();
    await api.sendMessage(lan.id, "Cho mình số điện thoại nhé", {
      reply_markup: contact,
      reply_parameters: { message_id: 1 },
    });

    const recorded = emu.messages(lan.id);
    expect(recorded.map((m) => m.text)).toEqual(["Chào Lan & Minh", "Cho mình số điện thoại nhé"]);
    expect(recorded[0]?.reply_markup).toEqual({
      inline_keyboard: [
        [
          { text: "Báo cáo", callback_data: "report:1" },
          { text: "Web", url: "https://example.org" },
        ],
      ],
    });
    expect(recorded[1]?.reply_markup).toBeUndefined();
    expect(recorded[1]?.keyboard).toMatchObject({ keyboard: [[{ text: "Gửi số điện thoại", request_contact: true }]] });
    expect(recorded[1]?.reply_to_message).toMatchObject({ message_id: 1, text: "/start" });
    expect(emu.currentKeyboard(lan.id)?.keyboard[0]?.[0]).toMatchObject({ request_contact: true });

    const { update } = emu.sendContact(TOKEN, {
      from: lan,
      contact: { phone_number: "+84901234567", first_name: "Lan", user_id: lan.id },
    });
    expect(update?.message?.contact?.phone_number).toBe("+84901234567");
    expect(emu.allBotMessages()).toHaveLength(2);
  });

  it("edits messages in place and rejects no-op or unknown edits", async () => {
    const sent = await api.sendMessage(lan.id, "Đang xử lý", {
      reply_markup: new InlineKeyboard().text("Huỷ", "cancel"),
    });
    const edited = asMessage(await api.editMessageText(lan.id, sent.message_id, "Xong"));
    expect(edited).toMatchObject({ message_id: sent.message_id, text: "Xong" });
    expect(edited.edit_date).toBeTypeOf("number");
    // Like Telegram, an edit without reply_markup removes the inline keyboard.
    expect(edited.reply_markup).toBeUndefined();

    const [recorded] = emu.messages(lan.id);
    expect(recorded?.text).toBe("Xong");
    expect(recorded?.editHistory).toEqual([
      {
        date: sent.date,
        text: "Đang xử lý",
        reply_markup: { inline_keyboard: [[{ text: "Huỷ", callback_data: "cancel" }]] },
      },
    ]);

    const same = await apiError(api.editMessageText(lan.id, sent.message_id, "Xong"));
    expect(same.error_code).toBe(400);
    expect(same.description).toMatch(/^Bad Request: message is not modified: /);

    const missing = await apiError(api.editMessageText(lan.id, 999, "?"));
    expect(missing.description).toBe("Bad Request: message to edit not found");

    const markup = asMessage(
      await api.editMessageReplyMarkup(lan.id, sent.message_id, {
        reply_markup: new InlineKeyboard().text("Lại", "again"),
      }),
    );
    expect(markup.reply_markup?.inline_keyboard[0]?.[0]).toMatchObject({ callback_data: "again" });

    expect(await api.deleteMessage(lan.id, sent.message_id)).toBe(true);
    expect(emu.messages(lan.id)[0]?.deleted).toBe(true);
    const gone = await apiError(api.deleteMessage(lan.id, sent.message_id));
    expect(gone.description).toBe("Bad Request: message to delete not found");
  });

  it("validates like Telegram", async () => {
    const cases: Array<[() => Promise<unknown>, number, string]> = [
      [() => api.sendMessage(424242, "hello"), 400, "Bad Request: chat not found"],
      [() => api.sendMessage(lan.id, ""), 400, "Bad Request: message text is empty"],
      [() => api.sendMessage(lan.id, "  \n "), 400, "Bad Request: message text is empty"],
      [() => api.sendMessage(lan.id, "x".repeat(4097)), 400, "Bad Request: message is too long"],
      [
        () => api.sendMessage(lan.id, "pick", { reply_markup: new InlineKeyboard().text("A", "a".repeat(65)) }),
        400,
        "Bad Request: BUTTON_DATA_INVALID",
      ],
      [
        () => api.sendMessage(lan.id, "a<br>b", { parse_mode: "HTML" }),
        400,
        'Bad Request: can\'t parse entities: Unsupported start tag "br" at byte offset 1',
      ],
      [
        () => api.sendMessage(lan.id, "Xong.", { parse_mode: "MarkdownV2" }),
        400,
        "Bad Request: can't parse entities: Character '.' is reserved and must be escaped with the preceding '\\'",
      ],
      [
        () => api.sendMessage(lan.id, "hi", { reply_parameters: { message_id: 77 } }),
        400,
        "Bad Request: message to be replied not found",
      ],
    ];
    for (const [call, code, description] of cases) {
      const error = await apiError(call());
      expect({ code: error.error_code, description: error.description }).toEqual({ code, description });
    }
    expect(await api.sendMessage(lan.id, "x".repeat(4096))).toMatchObject({ message_id: 2 });
    expect(emu.messages(lan.id)).toHaveLength(1);
  });

  it("answers 403 for a user who blocked the bot", async () => {
    await api.getUpdates({ offset: 2 }); // confirm "/start"
    emu.blockBot(lan.id);
    const error = await apiError(api.sendMessage(lan.id, "Nhắc việc"));
    expect(error.error_code).toBe(403);
    expect(error.description).toBe("Forbidden: bot was blocked by the user");
    expect(emu.pendingUpdates(TOKEN).map((u) => u.my_chat_member?.new_chat_member.status)).toEqual(["kicked"]);

    emu.unblockBot(lan.id);
    expect((await api.sendMessage(lan.id, "Nhắc việc")).text).toBe("Nhắc việc");
  });

  it("stores commands per scope and language", async () => {
    await api.setMyCommands([{ command: "start", description: "Bắt đầu" }]);
    await api.setMyCommands([{ command: "report", description: "Báo cáo" }], {
      scope: { type: "chat", chat_id: lan.id },
      language_code: "vi",
    });
    expect(await api.getMyCommands()).toEqual([{ command: "start", description: "Bắt đầu" }]);
    expect(await api.getMyCommands({ scope: { type: "chat", chat_id: lan.id }, language_code: "vi" })).toEqual([
      { command: "report", description: "Báo cáo" },
    ]);
    expect(emu.commands(TOKEN, { scope: { type: "chat", chat_id: lan.id }, language_code: "vi" })).toHaveLength(1);
    expect(emu.commands(TOKEN, { scope: { type: "chat", chat_id: lan.id } })).toEqual([]);

    const invalid = await apiError(api.setMyCommands([{ command: "Start", description: "x" }]));
    expect(invalid.description).toBe("Bad Request: BOT_COMMAND_INVALID");
    await api.deleteMyCommands();
    expect(emu.commands(TOKEN)).toEqual([]);
  });

  it("waitForBotMessages explains what arrived on timeout", async () => {
    await api.sendMessage(lan.id, "một");
    await expect(emu.waitForBotMessages(lan.id, 1, 100)).resolves.toHaveLength(1);
    const error = (await failure(emu.waitForBotMessages(lan.id, 2, 50))) as Error;
    expect(error.message).toContain("Expected at least 2 bot message(s) in chat 1001 within 50 ms, got 1");
    expect(error.message).toContain('1. "một"');
  });
});

describe("a grammY bot end to end", () => {
  it("runs /start, button press, answerCallbackQuery and edit over long polling", async () => {
    const bot = new Bot(TOKEN, { client: { apiRoot: emu.apiRoot } });
    bot.command("start", (ctx) =>
      ctx.reply(`Chào ${ctx.from?.first_name}`, { reply_markup: new InlineKeyboard().text("Đã họp", "done:7") }),
    );
    bot.callbackQuery(/^done:(\d+)$/, async (ctx) => {
      await ctx.answerCallbackQuery({ text: "Đã ghi nhận" });
      await ctx.editMessageText(`Đơn vị ${ctx.match[1]} đã họp`);
    });
    const running = bot.start({ timeout: 10 });

    emu.sendMessage(TOKEN, { from: lan, text: "/start" });
    const [greeting] = await emu.waitForBotMessages(lan.id, 1);
    expect(greeting?.text).toBe("Chào Lan");

    emu.pressButton(TOKEN, { from: lan, message: greeting!, data: "done:7" });
    await emu.waitFor(() => emu.messages(lan.id)[0]?.edit_date !== undefined);
    expect(emu.messages(lan.id)[0]?.text).toBe("Đơn vị 7 đã họp");
    expect(emu.callbackAnswers(TOKEN)).toEqual([
      expect.objectContaining({ data: "done:7", text: "Đã ghi nhận", from: expect.objectContaining({ id: lan.id }) }),
    ]);
    expect(() => emu.pressButton(TOKEN, { from: lan, message: greeting!, data: "done:8" })).toThrow(/No button/);

    await bot.stop();
    await running;
    // stop() confirmed everything that was handled.
    expect(emu.pendingUpdates(TOKEN)).toEqual([]);
    expect(emu.requests.slice(0, 2).sort()).toEqual(["deleteWebhook", "getMe"]);
  });
});

describe("files", () => {
  beforeEach(() => {
    emu.sendMessage(TOKEN, { from: lan, text: "/export" });
  });

  async function download(filePath: string): Promise<Buffer> {
    const res = await fetch(`${emu.apiRoot}/file/bot${TOKEN}/${filePath}`);
    expect(res.status).toBe(200);
    return Buffer.from(await res.arrayBuffer());
  }

  it("receives a multipart photo upload and serves the same bytes back", async () => {
    const sent = await api.sendPhoto(lan.id, new InputFile(PNG), { caption: "<i>Ảnh</i>", parse_mode: "HTML" });
    expect(sent.caption).toBe("Ảnh");
    expect(sent.caption_entities).toEqual([{ type: "italic", offset: 0, length: 3 }]);
    const [photo] = sent.photo ?? [];
    expect(photo).toMatchObject({ width: 1, height: 1, file_size: PNG.length });

    const file = await api.getFile(photo!.file_id);
    expect(file.file_path).toMatch(/^photos\/file_\d+\.jpg$/);
    expect((await download(file.file_path!)).equals(PNG)).toBe(true);

    // Re-sending by file_id reuses the stored file.
    const again = await api.sendPhoto(lan.id, photo!.file_id);
    expect(again.photo?.[0]?.file_id).toBe(photo!.file_id);

    const notImage = await apiError(api.sendPhoto(lan.id, new InputFile(Buffer.from("not a picture"))));
    expect(notImage.description).toBe("Bad Request: IMAGE_PROCESS_FAILED");
  });

  it("keeps binary documents byte-identical, with JSON fields parsed from multipart", async () => {
    // Every byte value plus CRLF and dashes that look like part delimiters.
    const bytes = Buffer.concat([
      Buffer.from(Array.from({ length: 256 }, (_, i) => i)),
      Buffer.from("\r\n--\r\n\r\n------------abc\r\n--"),
      Buffer.from(Array.from({ length: 256 }, (_, i) => 255 - i)),
    ]);
    const sent = await api.sendDocument(lan.id, new InputFile(bytes, "báo cáo.csv"), {
      caption: "Kết quả",
      reply_markup: new InlineKeyboard().text("Tải lại", "reload"),
    });
    expect(sent.document).toMatchObject({ file_name: "báo cáo.csv", mime_type: "text/csv", file_size: bytes.length });
    expect(sent.caption).toBe("Kết quả");
    expect(sent.reply_markup?.inline_keyboard[0]?.[0]).toMatchObject({ callback_data: "reload" });

    const file = await api.getFile(sent.document!.file_id);
    expect((await download(file.file_path!)).equals(bytes)).toBe(true);

    const missing = await fetch(`${emu.apiRoot}/file/bot${TOKEN}/documents/nope.csv`);
    expect(missing.status).toBe(404);
  });

  it("keeps a document of several megabytes (a large export) byte-identical, with its size and type", async () => {
    // Pseudo-random bytes (incompressible, like a zip) with the multipart delimiter's first bytes sprinkled in.
    const bytes = Buffer.alloc(3 * 1024 * 1024 + 17);
    let state = 12345;
    for (let index = 0; index < bytes.length; index++) {
      state = (state * 1103515245 + 12345) & 0x7fffffff;
      bytes[index] = index % 4099 < 4 ? [0x0d, 0x0a, 0x2d, 0x2d][index % 4099]! : state >>> 23;
    }
    const sent = await api.sendDocument(lan.id, new InputFile(bytes, "tien-do-dai-hoi-LB-20200320-1000.xlsx"), {
      caption: "Tiến độ đại hội",
    });
    expect(sent.document).toMatchObject({
      file_name: "tien-do-dai-hoi-LB-20200320-1000.xlsx",
      mime_type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      file_size: bytes.length,
    });
    const file = await api.getFile(sent.document!.file_id);
    expect(file).toMatchObject({
      file_size: bytes.length,
      file_path: expect.stringMatching(/^documents\/file_\d+\.xlsx$/),
    });
    expect((await download(file.file_path!)).equals(bytes)).toBe(true);
  });

  it("also reads standard multipart (file part named after the parameter, quoted filename)", async () => {
    const form = new FormData();
    form.set("chat_id", String(lan.id));
    form.set("document", new Blob([PNG], { type: "image/png" }), 'ảnh "mới".png');
    const res = await fetch(`${emu.apiRoot}/bot${TOKEN}/sendDocument`, { method: "POST", body: form });
    const body = (await res.json()) as { ok: boolean; result: Message };
    expect(body.ok).toBe(true);
    expect(body.result.document).toMatchObject({ mime_type: "image/png", file_size: PNG.length });
    const file = await api.getFile(body.result.document!.file_id);
    expect((await download(file.file_path!)).equals(PNG)).toBe(true);
  });
});

describe("fault injection", () => {
  beforeEach(() => {
    emu.sendMessage(TOKEN, { from: lan, text: "/start" });
  });

  it("failNext answers with the injected error, then recovers", async () => {
    emu.failNext("sendMessage", { error_code: 429, description: "Too Many Requests: retry after 7", retry_after: 7 });
    const error = await apiError(api.sendMessage(lan.id, "một"));
    expect(error.error_code).toBe(429);
    expect(error.parameters.retry_after).toBe(7);
    expect(emu.messages(lan.id)).toEqual([]);

    const res = await fetch(`${emu.apiRoot}/bot${TOKEN}/getMe`);
    expect(res.status).toBe(200);
    emu.failNext("getMe", { error_code: 502, description: "Bad Gateway" }, 2);
    const raw = await fetch(`${emu.apiRoot}/bot${TOKEN}/getMe`);
    expect(raw.status).toBe(502);
    expect(await raw.json()).toEqual({ ok: false, error_code: 502, description: "Bad Gateway" });
    expect((await apiError(api.getMe())).error_code).toBe(502);
    expect((await api.getMe()).id).toBe(123456);
    expect((await api.sendMessage(lan.id, "một")).text).toBe("một");
  });

  it("dropResponseNext performs the call but the client sees a network error", async () => {
    emu.dropResponseNext("sendMessage");
    const error = await failure(api.sendMessage(lan.id, "mất phản hồi"));
    expect(error).toBeInstanceOf(HttpError);
    expect(emu.messages(lan.id).map((m) => m.text)).toEqual(["mất phản hồi"]);
    expect((await api.sendMessage(lan.id, "lần hai")).message_id).toBe(3);
  });

  it("a fault for one chat leaves the other chats' calls alone", async () => {
    emu.sendMessage(TOKEN, { from: minh, text: "/start" });
    emu.failNext(
      "sendMessage",
      { error_code: 429, description: "Too Many Requests: retry after 3", retry_after: 3 },
      1,
      { chatId: lan.id },
    );
    emu.dropResponseNext("sendMessage", 1, { chatId: lan.id });
    expect((await api.sendMessage(minh.id, "cho Minh")).text).toBe("cho Minh");
    expect((await apiError(api.sendMessage(lan.id, "một"))).error_code).toBe(429);
    expect(await failure(api.sendMessage(lan.id, "hai"))).toBeInstanceOf(HttpError);
    expect((await api.sendMessage(lan.id, "ba")).text).toBe("ba");
    expect(emu.messages(lan.id).map((m) => m.text)).toEqual(["hai", "ba"]);
  });

  it("holdResponseNext runs the call and keeps its answer until released, while other chats are answered", async () => {
    emu.sendMessage(TOKEN, { from: minh, text: "/start" });
    const held = emu.holdResponseNext("sendMessage", { chatId: lan.id });
    let answered = false;
    const call = api.sendMessage(lan.id, "giữ lại").then((message) => {
      answered = true;
      return message;
    });
    await held.caught;
    expect(emu.messages(lan.id).map((m) => m.text)).toEqual(["giữ lại"]);
    expect((await api.sendMessage(minh.id, "không chờ")).text).toBe("không chờ");
    expect(answered).toBe(false);
    held.release();
    expect((await call).text).toBe("giữ lại");
  });
});

describe("rate limits", () => {
  it("rejects sends over the per-chat, per-group and global limits and counts violations", async () => {
    let now = 1_700_000_000_000;
    await emu.close();
    emu = await startBotApiEmulator({
      now: () => now,
      rateLimits: {
        global: { limit: 4, windowMs: 1000 },
        perChat: { limit: 1, windowMs: 1000 },
        perGroup: { limit: 2, windowMs: 60_000 },
      },
    });
    api = new Api(TOKEN, { apiRoot: emu.apiRoot });
    emu.sendMessage(TOKEN, { from: lan, text: "/start" });
    emu.sendMessage(TOKEN, { from: minh, text: "/start" });
    emu.addBotToGroup(TOKEN, { chat: group, by: lan });

    await api.sendMessage(lan.id, "1");
    const perChat = await apiError(api.sendMessage(lan.id, "2"));
    expect(perChat.error_code).toBe(429);
    expect(perChat.description).toBe("Too Many Requests: retry after 1");
    expect(perChat.parameters.retry_after).toBe(1);

    await api.sendMessage(minh.id, "1");
    await api.sendMessage(group.id, "1");
    await api.sendMessage(-100501, "?").catch(() => undefined); // unknown chat: 400, not counted
    now += 1000;
    await api.sendMessage(group.id, "2");
    now += 1000;
    const perGroup = await apiError(api.sendMessage(group.id, "3"));
    expect(perGroup.parameters.retry_after).toBe(58);

    // Global: 4 per second across chats.
    now += 1000;
    await api.sendMessage(lan.id, "a");
    await api.sendMessage(minh.id, "a");
    emu.sendMessage(TOKEN, { from: { id: 1003, is_bot: false, first_name: "C" }, text: "hi" });
    emu.sendMessage(TOKEN, { from: { id: 1004, is_bot: false, first_name: "D" }, text: "hi" });
    emu.sendMessage(TOKEN, { from: { id: 1005, is_bot: false, first_name: "E" }, text: "hi" });
    await api.sendMessage(1003, "a");
    await api.sendMessage(1004, "a");
    const global = await apiError(api.sendMessage(1005, "a"));
    expect(global.error_code).toBe(429);

    expect(emu.stats.sent).toBe(8);
    expect(emu.stats.violations).toBe(3);
    expect(emu.stats.violationLog.map((v) => v.kind)).toEqual(["perChat", "perGroup", "global"]);
  });
});
