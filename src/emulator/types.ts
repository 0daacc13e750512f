// Public types of the Telegram Bot API emulator. Telegram's own object types
// come from grammY so that emulator output type-checks against real bot code.
import type {
  BotCommand,
  BotCommandScope,
  Chat,
  Contact,
  ForceReply,
  InlineKeyboardMarkup,
  Message,
  MessageEntity,
  ReplyKeyboardMarkup,
  ReplyKeyboardRemove,
  Update,
  User,
} from "grammy/types";

export type {
  BotCommand,
  BotCommandScope,
  Chat,
  Contact,
  ForceReply,
  InlineKeyboardMarkup,
  Message,
  MessageEntity,
  ReplyKeyboardMarkup,
  ReplyKeyboardRemove,
  Update,
  User,
};

export type ReplyMarkup = InlineKeyboardMarkup | ReplyKeyboardMarkup | ReplyKeyboardRemove | ForceReply;

/** An error the emulator answers with instead of running a method. */
export interface InjectedError {
  error_code: number;
  description: string;
  retry_after?: number;
}

/** `limit` accepted sends per sliding window of `windowMs` milliseconds. */
export interface RateLimit {
  limit: number;
  windowMs: number;
}

/** Flood limits, applied per bot token. Every limit is optional. */
export interface RateLimits {
  /** All sends of one bot (Telegram: about 30 messages per second). */
  global?: RateLimit;
  /** Sends into one chat, any chat type (Telegram: about 1 per second). */
  perChat?: RateLimit;
  /** Sends into one group or supergroup (Telegram: 20 per minute). */
  perGroup?: RateLimit;
}

/** Telegram's documented broadcast limits. */
export const TELEGRAM_RATE_LIMITS: Required<RateLimits> = {
  global: { limit: 30, windowMs: 1000 },
  perChat: { limit: 1, windowMs: 1000 },
  perGroup: { limit: 20, windowMs: 60_000 },
};

export type RateLimitKind = keyof RateLimits;

export interface RateLimitViolation {
  token: string;
  method: string;
  chatId: number;
  kind: RateLimitKind;
  retryAfter: number;
  /** Emulator clock, milliseconds. */
  at: number;
}

export interface EmulatorStats {
  /** Messages the bots sent successfully (send* methods). */
  sent: number;
  /** Sends rejected with 429 by the rate limiter. */
  violations: number;
  violationLog: RateLimitViolation[];
}

export interface EmulatorOptions {
  /** Clock in milliseconds; drives `date` fields and rate-limit windows. */
  now?: () => number;
  /** `true` = Telegram's limits; off by default. */
  rateLimits?: RateLimits | true;
  /** Webhook delivery: wait before retrying a chat's failed update; doubles per failure in a row (default 50). */
  webhookRetryMs?: number;
  /** Webhook delivery: the longest wait between retries (default 1000). */
  webhookMaxRetryMs?: number;
  /** Webhook delivery: a request without a complete answer within this time fails (default 10 000). */
  webhookTimeoutMs?: number;
}

export interface BotConfig {
  username?: string;
  firstName?: string;
  /**
   * Telegram's privacy mode: in groups the bot only receives commands,
   * replies to its own messages and @mentions. Off by default so tests see
   * every message; turn it on to test what a real default bot would get.
   */
  privacyMode?: boolean;
  /** The id the next update gets: Telegram's ids keep growing across a bot's restarts. */
  nextUpdateId?: number;
}

/** A previous state of an edited message. */
export interface MessageVersion {
  date: number;
  edit_date?: number;
  text?: string;
  entities?: MessageEntity[];
  caption?: string;
  caption_entities?: MessageEntity[];
  reply_markup?: InlineKeyboardMarkup;
}

/**
 * A message as recorded by the emulator: the current Telegram state (edits
 * applied in place, `edit_date` set) plus emulator-only bookkeeping.
 */
export interface RecordedMessage extends Message {
  /** Earlier versions, oldest first; present once the message was edited. */
  editHistory?: MessageVersion[];
  /** Set when the message was deleted (it stays in the log). */
  deleted?: true;
  /**
   * A reply keyboard / keyboard removal / force reply the bot attached.
   * Telegram never echoes these in Message objects, so they live here.
   */
  keyboard?: ReplyKeyboardMarkup | ReplyKeyboardRemove | ForceReply;
}

export interface CallbackAnswer {
  callback_query_id: string;
  /** The `data` of the pressed button. */
  data?: string;
  from: User;
  text?: string;
  show_alert?: boolean;
  url?: string;
  cache_time?: number;
}

export interface RequestLogEntry {
  token: string;
  method: string;
  params: Record<string, unknown>;
  /** HTTP-like status of the answer (200 or the error_code). */
  status: number;
}

/** One POST of an update to a bot's webhook, in the order they ended. */
export interface WebhookAttempt {
  token: string;
  url: string;
  updateId: number;
  /** The HTTP status of the answer (2xx = delivered), or why there was none. */
  outcome: number | "network error" | "timeout";
}

/** One message of a chat's conversation: a user's or a bot's. */
export interface ConversationEntry {
  message: RecordedMessage;
  fromBot: boolean;
}
