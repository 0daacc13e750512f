// Membership changes of a bot in a chat, and the my_chat_member update
// Telegram sends the bot about each of them.
import type { Chat, ChatMember, User } from "grammy/types";
import type { BotState, Membership } from "./bot-state.js";
import type { World } from "./world.js";

function member(status: Membership | undefined, user: User, untilDate: number): ChatMember {
  if (status === "member") return { status: "member", user };
  if (status === "kicked") return { status: "kicked", user, until_date: untilDate };
  return { status: "left", user };
}

export function changeMembership(world: World, bot: BotState, chat: Chat, by: User, to: Membership): void {
  const from = world.membership(bot, chat);
  bot.membership.set(chat.id, to);
  if (from === to) return;
  bot.enqueue({
    my_chat_member: {
      chat,
      from: by,
      date: world.unixTime(),
      old_chat_member: member(from, bot.user, 0),
      new_chat_member: member(to, bot.user, 0),
    },
  });
  world.changed();
}
