// Chat-level methods: getChat, leaveChat, menu buttons.
import type { ChatFullInfo, MenuButton } from "grammy/types";
import { badRequest } from "../errors.js";
import { changeMembership } from "../membership.js";
import type { CallContext } from "./context.js";
import { targetChat } from "./outgoing.js";

export function getChat(ctx: CallContext): ChatFullInfo {
  const { world, bot, params } = ctx;
  const ref = params.string("chat_id");
  if (!ref) throw badRequest("chat_id is empty");
  const state = world.findChat(ref);
  if (!state || world.membership(bot, state.chat) === undefined) throw badRequest("chat not found");
  return {
    ...state.chat,
    accent_color_id: 0,
    max_reaction_count: 11,
    accepted_gift_types: {
      unlimited_gifts: false,
      limited_gifts: false,
      unique_gifts: false,
      premium_subscription: false,
      gifts_from_channels: false,
    },
  } as ChatFullInfo;
}

export function leaveChat(ctx: CallContext): true {
  const { world, bot } = ctx;
  const chat = targetChat(world, bot, ctx.params);
  if (chat.chat.type === "private") throw badRequest("chat member status can't be changed in private chats");
  changeMembership(world, bot, chat.chat, bot.user, "left");
  return true;
}

export function setChatMenuButton(ctx: CallContext): true {
  const { world, bot, params } = ctx;
  const key = params.has("chat_id") ? String(targetChat(world, bot, params).chat.id) : "default";
  const button = params.json<MenuButton>("menu_button", "can't parse menu button JSON object") ?? { type: "default" };
  bot.menuButtons.set(key, button);
  return true;
}

export function getChatMenuButton(ctx: CallContext): MenuButton {
  const { world, bot, params } = ctx;
  const key = params.has("chat_id") ? String(targetChat(world, bot, params).chat.id) : "default";
  return bot.menuButtons.get(key) ?? bot.menuButtons.get("default") ?? { type: "default" };
}
