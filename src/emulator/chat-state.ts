// A chat as the emulator sees it: Telegram's Chat object plus its message
// log. Message ids are per chat and shared by users and bots, so a reply
// can point at any earlier message.
import type { Chat, ReplyKeyboardMarkup } from "grammy/types";
import type { RecordedMessage } from "./types.js";

export interface StoredMessage {
  message: RecordedMessage;
  /** Token of the bot that sent it; undefined for user messages. */
  botToken?: string;
}

export class ChatState {
  readonly log: StoredMessage[] = [];
  /** The reply keyboard currently shown to users of this chat. */
  keyboard?: ReplyKeyboardMarkup;
  private nextId = 1;
  private readonly byId = new Map<number, StoredMessage>();

  constructor(public chat: Chat) {}

  nextMessageId(): number {
    return this.nextId++;
  }

  add(stored: StoredMessage): void {
    this.log.push(stored);
    this.byId.set(stored.message.message_id, stored);
  }

  get(messageId: number): StoredMessage | undefined {
    return this.byId.get(messageId);
  }
}
