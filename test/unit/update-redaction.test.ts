// What a handled update keeps: no invite token, no group link code, no shared phone number.
import type { Message, Update } from "grammy/types";
import { describe, expect, it } from "vitest";
import { redactUpdate } from "../../src/db/update-store.js";

const code = "3q9VbX1k_Pz8Lm2Nw4Rt6Ys0Ua5Oc7E";
const chat = { id: -4_000_001, type: "group" as const, title: "Ban Thường vụ" };
const from = { id: 700_000_001, is_bot: false, first_name: "Lan" };

function textUpdate(text: string, key: "message" | "edited_message" | "channel_post" = "message"): Update {
  const command = /^\/\S+/.exec(text);
  const message = {
    message_id: 1,
    date: 1,
    chat,
    from,
    text,
    ...(command && { entities: [{ type: "bot_command" as const, offset: 0, length: command[0].length }] }),
    ...(key === "edited_message" && { edit_date: 2 }),
  } as Message;
  return { update_id: 1, [key]: message } as Update;
}

describe("handled updates", () => {
  it.each([
    [`/start ${code}`, "/start [redacted]"],
    [`/start@test_bot ${code}`, "/start@test_bot [redacted]"],
    [`/lienketnhom ${code}`, "/lienketnhom [redacted]"],
    [`/lienketnhom   ${code} `, "/lienketnhom [redacted]"],
    [`/linkgroup@test_bot ${code}`, "/linkgroup@test_bot [redacted]"],
    [`/LienKetNhom\n${code}`, "/LienKetNhom [redacted]"],
    ["/lienketnhom sai-ma", "/lienketnhom [redacted]"],
    [code, "[redacted]"],
    [` ${code}\n`, "[redacted]"],
    [`mã đây: https://t.me/test_bot?start=${code} nhé`, "mã đây: https://t.me/test_bot?start=[redacted] nhé"],
  ])("when %j is handled, then it is kept as %j with only the command's entity", (text, expected) => {
    const redacted = redactUpdate(textUpdate(text));
    expect(redacted?.message?.text).toBe(expected);
    expect(JSON.stringify(redacted)).not.toContain(code);
    for (const entity of redacted!.message!.entities ?? [])
      expect(entity.offset + entity.length).toBeLessThanOrEqual(expected.length);
  });

  it("when the code is in an edited message, a channel post or a caption, then it is not kept either", () => {
    expect(redactUpdate(textUpdate(`/lienketnhom ${code}`, "edited_message"))?.edited_message?.text).toBe(
      "/lienketnhom [redacted]",
    );
    expect(redactUpdate(textUpdate(`/linkgroup ${code}`, "channel_post"))?.channel_post?.text).toBe(
      "/linkgroup [redacted]",
    );
    const photo = {
      update_id: 2,
      message: { message_id: 2, date: 1, chat, from, photo: [], caption: `/start ${code}` },
    } as unknown as Update;
    expect(redactUpdate(photo)?.message?.caption).toBe("/start [redacted]");
  });

  it("when a contact is shared, then its phone number is not kept, and the rest of the update is", () => {
    const update = {
      update_id: 3,
      message: {
        message_id: 3,
        date: 1,
        chat: { id: 1, type: "private", first_name: "Lan" },
        from,
        contact: { phone_number: "+84904333444", first_name: "Lan", user_id: from.id },
      },
    } as Update;
    expect(redactUpdate(update)).toEqual({
      ...update,
      message: { ...update.message, contact: { phone_number: "[redacted]", first_name: "Lan", user_id: from.id } },
    });
  });

  it("when an update holds no credential, then it is kept as it is", () => {
    for (const text of ["/start", "/lienketnhom", "/baocao kehoach", "/starter abc", "xin chào", "/tiendo"])
      expect(redactUpdate(textUpdate(text)), text).toBeNull();
    expect(
      redactUpdate({
        update_id: 4,
        callback_query: { id: "1", from, chat_instance: "1", data: "td:u:1:a:0" },
      } as Update),
    ).toBeNull();
  });
});
