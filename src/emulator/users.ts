// Simulated users: they write to bots, press buttons, add bots to groups and
// block them. Each action produces the update Telegram would deliver.
import type { CallbackQuery, Chat, Message, MessageEntity, Update, User } from "grammy/types";
import { apiMessage } from "./api/outgoing.js";
import type { BotState } from "./bot-state.js";
import type { ChatState } from "./chat-state.js";
import { changeMembership } from "./membership.js";
import type { RecordedMessage } from "./types.js";
import type { World } from "./world.js";

export interface UserMessageInput {
  from: User;
  /** Default: the private chat of `from`. */
  chat?: Chat;
  text: string;
  /** Default: bot_command entities detected in `text`. */
  entities?: MessageEntity[];
  /** message_id in the same chat this message replies to. */
  replyToMessageId?: number;
}

export interface ContactInput {
  from: User;
  chat?: Chat;
  contact: { phone_number: string; first_name: string; last_name?: string; user_id?: number };
}

export interface PressButtonInput {
  from: User;
  /** A bot message; only chat.id and message_id are used. */
  message: Pick<Message, "message_id" | "chat">;
  /** callback_data of the button. */
  data?: string;
  /** Alternatively: the button's label. */
  text?: string;
  /** Press even if no such button is on the message (forged/stale data). */
  force?: boolean;
}

export interface GroupInput {
  chat: Chat.GroupChat | Chat.SupergroupChat;
  by: User;
  /** Also queue the "new_chat_members" service message (default true). */
  serviceMessage?: boolean;
}

export interface UserAction {
  /** Undefined when Telegram would not deliver it (privacy mode). */
  update?: Update;
  message: Message;
}

const clone = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;

export function privateChatOf(user: User): Chat.PrivateChat {
  return {
    id: user.id,
    type: "private",
    first_name: user.first_name,
    ...(user.last_name ? { last_name: user.last_name } : {}),
    ...(user.username ? { username: user.username } : {}),
  };
}

/** bot_command entities Telegram detects: "/cmd" or "/cmd@bot" after a space or at the start. */
export function commandEntities(text: string): MessageEntity[] {
  const re = /(^|\s)(\/[A-Za-z0-9_]{1,64}(?:@[A-Za-z0-9_]{3,32})?)(?=$|[^A-Za-z0-9_@])/g;
  return [...text.matchAll(re)].map((m) => ({
    type: "bot_command" as const,
    offset: m.index + m[1]!.length,
    length: m[2]!.length,
  }));
}

/** Makes the chat known to the bot, as Telegram does when a user writes. */
function enterChat(world: World, bot: BotState, chat: Chat): ChatState {
  const state = world.upsertChat(chat);
  const status = world.membership(bot, state.chat);
  if (status === "kicked" && chat.type === "private") {
    throw new Error(`User ${chat.id} blocked bot ${bot.id}; call unblockBot() before writing to it`);
  }
  if (status === "left" || status === "kicked") {
    throw new Error(`Bot ${bot.id} is not a member of chat ${chat.id} (${status}); call addBotToGroup() first`);
  }
  if (status === undefined) bot.membership.set(chat.id, "member");
  return state;
}

/** Privacy mode: in groups only commands, replies to the bot and mentions arrive. */
function delivered(bot: BotState, state: ChatState, message: RecordedMessage): boolean {
  if (!bot.privacyMode || state.chat.type === "private") return true;
  const text = message.text ?? "";
  const isCommand = (message.entities ?? []).some((e) => e.type === "bot_command");
  const repliesToBot = message.reply_to_message?.from?.id === bot.id;
  const mentions = text.toLowerCase().includes(`@${bot.me.username.toLowerCase()}`);
  return isCommand || repliesToBot || mentions;
}

function userMessage(
  world: World,
  token: string,
  input: { from: User; chat?: Chat; replyToMessageId?: number },
  content: Partial<Message>,
): UserAction {
  const bot = world.bot(token);
  const state = enterChat(world, bot, input.chat ?? privateChatOf(input.from));
  const replied = input.replyToMessageId === undefined ? undefined : state.get(input.replyToMessageId);
  if (input.replyToMessageId !== undefined && !replied) {
    throw new Error(`No message ${input.replyToMessageId} in chat ${state.chat.id} to reply to`);
  }
  const message = {
    message_id: state.nextMessageId(),
    from: input.from,
    date: world.unixTime(),
    chat: state.chat,
    ...(replied ? { reply_to_message: { ...apiMessage(replied.message), reply_to_message: undefined } } : {}),
    ...content,
  } as RecordedMessage;
  state.add({ message });
  const update = delivered(bot, state, message) ? bot.enqueue({ message } as Update) : undefined;
  world.changed();
  return clone({ update, message });
}

export function sendUserMessage(world: World, token: string, input: UserMessageInput): UserAction {
  const entities = input.entities ?? commandEntities(input.text);
  return userMessage(world, token, input, { text: input.text, ...(entities.length > 0 ? { entities } : {}) });
}

export function sendUserContact(world: World, token: string, input: ContactInput): UserAction {
  return userMessage(world, token, input, { contact: { ...input.contact } });
}

export function pressButton(world: World, token: string, input: PressButtonInput): Update {
  const bot = world.bot(token);
  const { chat, message_id } = input.message;
  const stored = world.chat(chat.id)?.get(message_id);
  if (!stored || stored.botToken !== token) {
    throw new Error(`Bot ${bot.id} has no message ${message_id} in chat ${chat.id}`);
  }
  if (stored.message.deleted) throw new Error(`Message ${message_id} in chat ${chat.id} was deleted`);
  const buttons = (stored.message.reply_markup?.inline_keyboard ?? []).flat();
  const button = buttons.find(
    (b) => "callback_data" in b && (input.text !== undefined ? b.text === input.text : b.callback_data === input.data),
  );
  if (!button && !input.force) {
    const wanted =
      input.text !== undefined ? `labelled ${JSON.stringify(input.text)}` : `with data ${JSON.stringify(input.data)}`;
    const shown = buttons.map((b) => `${JSON.stringify(b.text)}=${"callback_data" in b ? b.callback_data : "-"}`);
    throw new Error(
      `No button ${wanted} on message ${message_id} in chat ${chat.id}; buttons: ${shown.join(", ") || "none"}`,
    );
  }
  const data = button && "callback_data" in button ? button.callback_data : input.data;
  const query: CallbackQuery = {
    id: world.nextCallbackQueryId(bot.id),
    from: input.from,
    message: apiMessage(stored.message),
    chat_instance: String(BigInt(chat.id) * 1_000_003n + BigInt(bot.id)),
    ...(data !== undefined ? { data } : {}),
  };
  bot.callbackQueries.set(query.id, { query, answered: false });
  const update = bot.enqueue({ callback_query: query });
  world.changed();
  return clone(update);
}

export function addBotToGroup(world: World, token: string, input: GroupInput): Update[] {
  const bot = world.bot(token);
  const state = world.upsertChat(input.chat);
  const before = bot.pending().length;
  changeMembership(world, bot, state.chat, input.by, "member");
  if (input.serviceMessage !== false) {
    const message = {
      message_id: state.nextMessageId(),
      from: input.by,
      date: world.unixTime(),
      chat: state.chat,
      new_chat_members: [bot.user],
    } as RecordedMessage;
    state.add({ message });
    bot.enqueue({ message } as Update);
  }
  world.changed();
  return clone(bot.pending().slice(before));
}

export function removeBotFromGroup(world: World, token: string, input: GroupInput): void {
  const bot = world.bot(token);
  const state = world.upsertChat(input.chat);
  changeMembership(world, bot, state.chat, input.by, "kicked");
}

export interface MigrateInput {
  chat: Chat.GroupChat;
  /** The new chat (Telegram gives it a new id, -100…). */
  supergroup: Chat.SupergroupChat;
  by: User;
}

/**
 * A group upgraded to a supergroup: the bot moves to the new chat, and gets the two service messages
 * Telegram sends (migrate_to_chat_id in the old chat, then migrate_from_chat_id in the new one).
 */
export function migrateGroupToSupergroup(world: World, token: string, input: MigrateInput): Update[] {
  const bot = world.bot(token);
  const old = world.upsertChat(input.chat);
  const next = world.upsertChat(input.supergroup);
  const before = bot.pending().length;
  if (world.membership(bot, old.chat) === "member") bot.membership.set(next.chat.id, "member");
  const notes: [ChatState, Partial<Message>][] = [
    [old, { migrate_to_chat_id: next.chat.id }],
    [next, { migrate_from_chat_id: old.chat.id }],
  ];
  for (const [state, content] of notes) {
    const message = {
      message_id: state.nextMessageId(),
      from: input.by,
      date: world.unixTime(),
      chat: state.chat,
      ...content,
    } as RecordedMessage;
    state.add({ message });
    bot.enqueue({ message } as Update);
  }
  bot.membership.set(old.chat.id, "left");
  world.changed();
  return clone(bot.pending().slice(before));
}

function userOfPrivateChat(world: World, userId: number): { chat: Chat; user: User } {
  const chat = world.chat(userId)?.chat ?? { id: userId, type: "private" as const, first_name: "" };
  return { chat, user: { id: userId, is_bot: false, first_name: chat.first_name ?? "" } };
}

/** The user blocks one bot, or every bot when no token is given. */
export function blockBot(world: World, userId: number, token?: string): void {
  const { chat, user } = userOfPrivateChat(world, userId);
  for (const bot of token ? [world.bot(token)] : world.allBots()) {
    if (world.membership(bot, chat) === "member") changeMembership(world, bot, chat, user, "kicked");
    else bot.membership.set(userId, "kicked");
  }
  if (!token) world.blockedUsers.add(userId);
  world.changed();
}

export function unblockBot(world: World, userId: number, token?: string): void {
  const { chat, user } = userOfPrivateChat(world, userId);
  if (!token) world.blockedUsers.delete(userId);
  for (const bot of token ? [world.bot(token)] : world.allBots()) {
    if (bot.membership.get(userId) === "kicked") changeMembership(world, bot, chat, user, "member");
  }
  world.changed();
}
