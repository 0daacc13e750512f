// The emulator's whole in-memory state, independent of HTTP so the same
// world can back an in-process sandbox. Every mutation calls changed() so
// waiters (waitFor, waitForBotMessages) re-check their condition.
import type { Chat } from "grammy/types";
import { BotState, type Membership, TOKEN_PATTERN } from "./bot-state.js";
import { ChatState, type StoredMessage } from "./chat-state.js";
import { unauthorized } from "./errors.js";
import { Faults } from "./faults.js";
import { FileStore } from "./file-store.js";
import {
  type EmulatorOptions,
  type EmulatorStats,
  type RateLimits,
  type RequestLogEntry,
  TELEGRAM_RATE_LIMITS,
  type WebhookAttempt,
} from "./types.js";
import type { WebhookTiming } from "./webhook-delivery.js";

export class World {
  readonly now: () => number;
  readonly stats: EmulatorStats = { sent: 0, violations: 0, violationLog: [] };
  /** Method names of every API call, in arrival order. */
  readonly requests: string[] = [];
  readonly requestLog: RequestLogEntry[] = [];
  /** Every webhook delivery attempt of every bot. */
  readonly webhookAttempts: WebhookAttempt[] = [];
  readonly faults = new Faults();
  readonly files = new FileStore();
  /** Users who blocked every bot. */
  readonly blockedUsers = new Set<number>();
  /** Chats every bot may use without having seen them. */
  readonly registeredChats = new Set<number>();
  closed = false;

  private readonly rateLimits?: RateLimits;
  private readonly webhookTiming: WebhookTiming;
  private readonly bots = new Map<string, BotState>();
  private readonly chats = new Map<number, ChatState>();
  /** All bot messages of all chats in send order. */
  private readonly botLog: StoredMessage[] = [];
  private readonly listeners = new Set<() => void>();
  private callbackSeq = 0;

  constructor(options: EmulatorOptions = {}) {
    this.now = options.now ?? Date.now;
    this.rateLimits = options.rateLimits === true ? TELEGRAM_RATE_LIMITS : options.rateLimits;
    this.webhookTiming = {
      retryMs: options.webhookRetryMs ?? 50,
      maxRetryMs: options.webhookMaxRetryMs ?? 1000,
      timeoutMs: options.webhookTimeoutMs ?? 10_000,
    };
  }

  static isToken(token: string): boolean {
    return TOKEN_PATTERN.test(token);
  }

  /** The bot behind a token, created on first use; 401 for malformed tokens. */
  bot(token: string): BotState {
    let bot = this.bots.get(token);
    if (!bot) {
      if (!World.isToken(token)) throw unauthorized();
      bot = new BotState(token, this.rateLimits, {
        timing: this.webhookTiming,
        unixTime: () => this.unixTime(),
        record: (attempt) => {
          this.webhookAttempts.push(attempt);
          this.changed();
        },
      });
      if (this.closed) bot.close();
      this.bots.set(token, bot);
    }
    return bot;
  }

  allBots(): BotState[] {
    return [...this.bots.values()];
  }

  /** Callback query ids are opaque numeric strings on Telegram. */
  nextCallbackQueryId(botId: number): string {
    return `${botId % 100_000}${String(++this.callbackSeq).padStart(8, "0")}`;
  }

  unixTime(): number {
    return Math.floor(this.now() / 1000);
  }

  chat(id: number): ChatState | undefined {
    return this.chats.get(id);
  }

  /** Resolves a chat_id parameter: a numeric id or "@username". */
  findChat(ref: number | string): ChatState | undefined {
    if (typeof ref === "number") return this.chats.get(ref);
    const trimmed = ref.trim();
    if (/^-?\d+$/.test(trimmed)) return this.chats.get(Number(trimmed));
    if (!trimmed.startsWith("@")) return undefined;
    const name = trimmed.slice(1).toLowerCase();
    return [...this.chats.values()].find((c) => c.chat.username?.toLowerCase() === name);
  }

  /** Creates the chat or refreshes its info (title, names…). */
  upsertChat(chat: Chat): ChatState {
    const existing = this.chats.get(chat.id);
    if (existing) {
      existing.chat = { ...existing.chat, ...chat } as Chat;
      return existing;
    }
    const state = new ChatState({ ...chat });
    this.chats.set(chat.id, state);
    return state;
  }

  /** The bot's standing in a chat; undefined = the bot does not know it. */
  membership(bot: BotState, chat: Chat): Membership | undefined {
    if (chat.type === "private" && this.blockedUsers.has(chat.id)) return "kicked";
    return bot.membership.get(chat.id) ?? (this.registeredChats.has(chat.id) ? "member" : undefined);
  }

  recordBotMessage(stored: StoredMessage): void {
    this.botLog.push(stored);
  }

  botMessages(chatId?: number): StoredMessage[] {
    return chatId === undefined ? [...this.botLog] : this.botLog.filter((m) => m.message.chat.id === chatId);
  }

  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  changed(): void {
    for (const listener of [...this.listeners]) listener();
  }

  /** Ends long polls and webhook deliveries (requests in flight are aborted, retries cancelled). */
  close(): void {
    this.closed = true;
    for (const bot of this.bots.values()) bot.close();
    this.changed();
  }
}
