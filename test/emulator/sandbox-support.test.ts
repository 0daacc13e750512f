// What the browser sandbox needs from the emulator beyond the tests' API: every Bot API method the bot's
// code calls, a chat's whole conversation (users' and bots' messages), files by id, change notifications.
import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { Api, InputFile, Keyboard } from "grammy";
import type { User } from "grammy/types";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type BotApiEmulator, startBotApiEmulator, supportedMethods } from "../../src/emulator/index.js";

const TOKEN = "123456:TEST-token";
const lan: User = { id: 1001, is_bot: false, first_name: "Lan", last_name: "Nguyễn Thị" };
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
afterEach(async () => emu.close());

/** The bot's code: everything but the emulator itself and the sandbox (whose own "api" is its page API). */
function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? entry.name === "emulator" || entry.name === "sandbox"
        ? []
        : sourceFiles(path.join(dir, entry.name))
      : entry.name.endsWith(".ts")
        ? [path.join(dir, entry.name)]
        : [],
  );
}

/** grammY context shortcuts and the Bot API methods they call. */
const SHORTCUTS: Record<string, string> = {
  reply: "sendMessage",
  replyWithPhoto: "sendPhoto",
  replyWithDocument: "sendDocument",
  replyWithChatAction: "sendChatAction",
  editMessageText: "editMessageText",
  editMessageReplyMarkup: "editMessageReplyMarkup",
  editMessageCaption: "editMessageCaption",
  answerCallbackQuery: "answerCallbackQuery",
  deleteMessage: "deleteMessage",
  leaveChat: "leaveChat",
};

describe("the emulator covers the bot", () => {
  it("when the bot's code calls a Bot API method (api.x, ctx shortcuts, outbox payloads), then the emulator implements it", () => {
    const used = new Set(["getMe", "getUpdates"]); // bot.init() and polling
    for (const file of sourceFiles(new URL("../../src", import.meta.url).pathname)) {
      const text = readFileSync(file, "utf8");
      for (const match of text.matchAll(/\bapi\.(?:raw\.)?([a-z][A-Za-z]+)\(/g)) used.add(match[1]!);
      for (const match of text.matchAll(/\bctx\.([a-z][A-Za-z]+)\(/g))
        if (SHORTCUTS[match[1]!]) used.add(SHORTCUTS[match[1]!]!);
      for (const match of text.matchAll(/method: "(send[A-Za-z]+)"/g)) used.add(match[1]!);
    }
    expect(used.size).toBeGreaterThan(8);
    expect([...used].filter((method) => !supportedMethods().includes(method))).toEqual([]);
  });
});

describe("conversation, files and changes", () => {
  it("when a user and the bot talk, then conversation() holds both sides in order, with edits applied and the reply keyboard", async () => {
    emu.sendMessage(TOKEN, { from: lan, text: "/start" });
    const sent = await api.sendMessage(lan.id, "<b>Chào</b> đồng chí", {
      parse_mode: "HTML",
      reply_markup: new Keyboard().requestContact("Chia sẻ số").oneTime(),
    });
    await api.editMessageText(lan.id, sent.message_id, "Đã sửa");
    const conversation = emu.conversation(lan.id);
    expect(conversation.map((entry) => [entry.fromBot, entry.message.text])).toEqual([
      [false, "/start"],
      [true, "Đã sửa"],
    ]);
    expect(conversation[1]!.message.edit_date).toBeGreaterThan(0);
    expect(conversation[1]!.message.keyboard).toMatchObject({
      keyboard: [[{ text: "Chia sẻ số", request_contact: true }]],
      one_time_keyboard: true,
    });
    expect(emu.conversation(999)).toEqual([]);
  });

  it("when the bot sends a photo and a document, then file() returns their bytes, type and name by file_id; an unknown id gives nothing", async () => {
    emu.sendMessage(TOKEN, { from: lan, text: "/xuat" });
    const photo = await api.sendPhoto(lan.id, new InputFile(PNG, "chart.png"));
    const bytes = Buffer.from("PK\u0003\u0004 not really a workbook");
    const document = await api.sendDocument(lan.id, new InputFile(bytes, "tien-do.xlsx"));
    const image = emu.file(photo.photo!.at(-1)!.file_id)!;
    expect(Buffer.from(image.data).equals(PNG)).toBe(true);
    expect(image.mimeType).toBe("image/png");
    const file = emu.file(document.document!.file_id)!;
    expect(Buffer.from(file.data).equals(bytes)).toBe(true);
    expect(file).toMatchObject({
      filename: "tien-do.xlsx",
      mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    });
    expect(emu.file("AgACnot-a-file")).toBeUndefined();
  });

  it("when something changes, then onChange listeners hear it until they unsubscribe", async () => {
    let heard = 0;
    const stop = emu.onChange(() => heard++);
    emu.sendMessage(TOKEN, { from: lan, text: "xin chào" });
    expect(heard).toBeGreaterThan(0);
    stop();
    const before = heard;
    await api.sendMessage(lan.id, "trả lời");
    expect(heard).toBe(before);
  });
});
