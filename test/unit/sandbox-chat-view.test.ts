// How the sandbox page shows Telegram messages: entities → escaped HTML, buttons, media, reply keyboards.
import { describe, expect, it } from "vitest";
import type { ConversationEntry, RecordedMessage } from "../../src/emulator/index.js";
import { currentReplyKeyboard, entitiesToHtml, viewMessage } from "../../src/sandbox/chat-view.js";

const chat = { id: 5, type: "private" as const, first_name: "Lan" };
const bot = { id: 1, is_bot: true, first_name: "Trợ lý Đại hội" };
const user = { id: 5, is_bot: false, first_name: "Lan", last_name: "Nguyễn Thị" };
const message = (fields: Partial<RecordedMessage>): RecordedMessage =>
  ({ message_id: 1, date: 1_584_928_800, chat, ...fields }) as RecordedMessage;
const fromBot = (fields: Partial<RecordedMessage>): ConversationEntry => ({
  fromBot: true,
  message: message({ from: bot, ...fields }),
});
const fromUser = (text: string): ConversationEntry => ({ fromBot: false, message: message({ from: user, text }) });

describe("entitiesToHtml", () => {
  it("when text holds HTML characters, then they are escaped, formatted or not", () => {
    expect(entitiesToHtml(`<script>alert("x")</script> & co`)).toBe(
      "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; co",
    );
    expect(entitiesToHtml("a <b> c", [{ type: "bold", offset: 2, length: 3 }])).toBe("a <b>&lt;b&gt;</b> c");
  });

  it("when entities nest, then the tags nest; when they cross, then the inner one is closed and reopened", () => {
    expect(
      entitiesToHtml("Tổ chức đại hội", [
        { type: "bold", offset: 0, length: 15 },
        { type: "italic", offset: 8, length: 7 },
      ]),
    ).toBe("<b>Tổ chức <i>đại hội</i></b>");
    expect(
      entitiesToHtml("abcdef", [
        { type: "bold", offset: 0, length: 4 },
        { type: "italic", offset: 2, length: 4 },
      ]),
    ).toBe("<b>ab<i>cd</i></b><i>ef</i>");
  });

  it("when a message has links, code, quotes and commands, then each gets its tag; unsafe link targets are dropped", () => {
    const text = "xem /tiendo tại https://a.vn hoặc đây, mã x1 trích";
    const html = entitiesToHtml(text, [
      { type: "bot_command", offset: 4, length: 7 },
      { type: "url", offset: 16, length: 12 },
      { type: "text_link", offset: 34, length: 3, url: "javascript:alert(1)" },
      { type: "code", offset: 42, length: 2 },
      { type: "blockquote", offset: 45, length: 5 },
    ]);
    expect(html).toBe(
      'xem <a href="#" class="command" data-command="/tiendo">/tiendo</a> tại <a href="https://a.vn" target="_blank" rel="noopener noreferrer">https://a.vn</a> hoặc đây, mã <code>x1</code> <blockquote>trích</blockquote>',
    );
  });

  it("when an entity points outside the text, then it is ignored", () => {
    expect(entitiesToHtml("ngắn", [{ type: "bold", offset: 2, length: 10 }])).toBe("ngắn");
  });
});

describe("viewMessage", () => {
  it("when the bot sent an edited photo with a caption and buttons, then the view has the image, caption HTML, buttons and the edit time", () => {
    const view = viewMessage(
      fromBot({
        photo: [{ file_id: "AgAC1", file_unique_id: "u", width: 800, height: 600 }],
        caption: "Biểu đồ",
        caption_entities: [{ type: "bold", offset: 0, length: 7 }],
        edit_date: 1_584_929_000,
        reply_markup: {
          inline_keyboard: [
            [
              { text: "Xem", callback_data: "v:1" },
              { text: "Web", url: "https://a.vn" },
            ],
          ],
        },
      }),
    );
    expect(view).toEqual({
      id: 1,
      fromBot: true,
      sender: "Trợ lý Đại hội",
      date: 1_584_928_800,
      editDate: 1_584_929_000,
      deleted: false,
      html: "<b>Biểu đồ</b>",
      photo: { fileId: "AgAC1", width: 800, height: 600 },
      buttons: [
        [
          { text: "Xem", data: "v:1" },
          { text: "Web", url: "https://a.vn" },
        ],
      ],
    });
  });

  it("when a user writes, then the sender is named family name first; a document keeps its name and size", () => {
    expect(viewMessage(fromUser("/baocao")).sender).toBe("Nguyễn Thị Lan");
    const doc = viewMessage(
      fromBot({
        document: {
          file_id: "BQAC1",
          file_unique_id: "u",
          file_name: "tien-do.xlsx",
          file_size: 2048,
          mime_type: "application/x",
        },
      }),
    );
    expect(doc.document).toEqual({ fileId: "BQAC1", name: "tien-do.xlsx", size: 2048, mimeType: "application/x" });
  });
});

describe("currentReplyKeyboard", () => {
  const share = fromBot({
    text: "Chia sẻ số điện thoại",
    keyboard: {
      keyboard: [[{ text: "📱 Chia sẻ số điện thoại", request_contact: true }]],
      one_time_keyboard: true,
      input_field_placeholder: "Bấm nút",
    },
  });

  it("when the bot asked for the phone, then the keyboard shows the contact button and the placeholder", () => {
    expect(currentReplyKeyboard([fromUser("/start"), share])).toEqual({
      rows: [[{ text: "📱 Chia sẻ số điện thoại", requestContact: true }]],
      placeholder: "Bấm nút",
    });
  });

  it("when a one-time keyboard was answered, or a later message removed it, then none is shown", () => {
    expect(currentReplyKeyboard([share, fromUser("xin chào")])).toBeNull();
    expect(currentReplyKeyboard([share, fromBot({ text: "ok", keyboard: { remove_keyboard: true } })])).toBeNull();
    expect(currentReplyKeyboard([fromUser("/start")])).toBeNull();
  });
});
