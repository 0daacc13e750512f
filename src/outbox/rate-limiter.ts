// Telegram's flood limits as sliding windows (global, per chat, per group), kept by the sender before it
// claims work. Pure and clock-free: every method takes `now` in milliseconds.
//
// A send is counted from the moment it starts (so concurrent sends see each other) and, once Telegram
// answered, moved to the time of the answer: Telegram counted it somewhere in between, so measuring the
// window from the answer can never make the next send arrive early.

/** `limit` sends per sliding window of `windowMs` milliseconds. */
export interface RateWindow {
  limit: number;
  windowMs: number;
}

/** Every rule is optional; none at all means no limiting. */
export interface RateRules {
  /** All sends of the bot (Telegram: about 30 per second). */
  global?: RateWindow;
  /** Sends into one chat of any type (Telegram: about 1 per second). */
  perChat?: RateWindow;
  /** Sends into one group or supergroup, i.e. a negative chat id (Telegram: 20 per minute). */
  perGroup?: RateWindow;
}

/** The shorthand the issue speaks in. */
export interface TelegramLimits {
  globalPerSecond: number;
  privatePerSecond: number;
  groupPerMinute: number;
}

export const defaultTelegramLimits: TelegramLimits = { globalPerSecond: 30, privatePerSecond: 1, groupPerMinute: 20 };

export function rulesFromLimits(limits: TelegramLimits): RateRules {
  return {
    global: { limit: limits.globalPerSecond, windowMs: 1000 },
    // Telegram asks for at most one message per second in any single chat, groups included.
    perChat: { limit: limits.privatePerSecond, windowMs: 1000 },
    perGroup: { limit: limits.groupPerMinute, windowMs: 60_000 },
  };
}

export const isGroupChat = (chatId: number): boolean => chatId < 0;

interface Hit {
  at: number;
}

class SlidingWindow {
  private hits: Hit[] = [];

  constructor(private readonly rule: RateWindow) {}

  private prune(now: number): void {
    const from = now - this.rule.windowMs;
    if (this.hits.some((hit) => hit.at <= from)) this.hits = this.hits.filter((hit) => hit.at > from);
  }

  /** Milliseconds until one more send fits; 0 if it fits now. */
  waitMs(now: number): number {
    this.prune(now);
    if (this.hits.length < this.rule.limit) return 0;
    const times = this.hits.map((hit) => hit.at).sort((a, b) => a - b);
    // The window frees up when enough of its oldest hits expire.
    return Math.max(0, times[times.length - this.rule.limit]! + this.rule.windowMs - now);
  }

  /** Sends that still fit now. */
  available(now: number): number {
    this.prune(now);
    return Math.max(0, this.rule.limit - this.hits.length);
  }

  add(hit: Hit): void {
    this.hits.push(hit);
  }

  get empty(): boolean {
    return this.hits.length === 0;
  }
}

interface ChatState {
  perChat?: SlidingWindow;
  perGroup?: SlidingWindow;
  /** Held until this time (a 429 retry_after). */
  heldUntil: number;
}

/** A send that was counted; `settle` moves it to the time Telegram answered. */
export interface Reservation {
  settle(now: number): void;
}

export class SendRateLimiter {
  private readonly global?: SlidingWindow;
  private readonly chats = new Map<number, ChatState>();

  constructor(private readonly rules: RateRules = {}) {
    if (rules.global) this.global = new SlidingWindow(rules.global);
  }

  private chat(chatId: number): ChatState {
    let state = this.chats.get(chatId);
    if (!state) {
      state = { heldUntil: 0 };
      if (this.rules.perChat) state.perChat = new SlidingWindow(this.rules.perChat);
      if (this.rules.perGroup && isGroupChat(chatId)) state.perGroup = new SlidingWindow(this.rules.perGroup);
      this.chats.set(chatId, state);
    }
    return state;
  }

  private chatWaitMs(state: ChatState, now: number): number {
    return Math.max(state.heldUntil - now, state.perChat?.waitMs(now) ?? 0, state.perGroup?.waitMs(now) ?? 0, 0);
  }

  /** Milliseconds until a send into this chat fits every rule; 0 if it fits now. */
  waitMs(chatId: number, now: number): number {
    const state = this.chats.get(chatId);
    return Math.max(this.global?.waitMs(now) ?? 0, state ? this.chatWaitMs(state, now) : 0);
  }

  /** How many sends the global rule allows now (Infinity without one). */
  globalAvailable(now: number): number {
    return this.global ? this.global.available(now) : Number.POSITIVE_INFINITY;
  }

  /** Chats that cannot take a send now; forgets chats that have nothing left to remember. */
  heldChats(now: number): number[] {
    const held: number[] = [];
    for (const [chatId, state] of this.chats) {
      if (this.chatWaitMs(state, now) > 0) held.push(chatId);
      else if (state.heldUntil <= now && (state.perChat?.empty ?? true) && (state.perGroup?.empty ?? true))
        this.chats.delete(chatId);
    }
    return held;
  }

  /** The soonest a held chat or the global rule frees up, in ms from now; undefined when nothing waits. */
  nextFreeInMs(now: number): number | undefined {
    let soonest: number | undefined;
    const consider = (ms: number) => {
      if (ms > 0 && (soonest === undefined || ms < soonest)) soonest = ms;
    };
    consider(this.global?.waitMs(now) ?? 0);
    for (const state of this.chats.values()) consider(this.chatWaitMs(state, now));
    return soonest;
  }

  /** Counts a send into the chat, starting now. */
  reserve(chatId: number, now: number): Reservation {
    const hit: Hit = { at: now };
    this.global?.add(hit);
    const state = this.chat(chatId);
    state.perChat?.add(hit);
    state.perGroup?.add(hit);
    return {
      settle: (at) => {
        hit.at = Math.max(hit.at, at);
      },
    };
  }

  /** Counts a send made before this limiter existed (by the process before a restart), at `at`. */
  recordPast(chatId: number, at: number): void {
    this.reserve(chatId, at);
  }

  /** The longest window of the rules (how far back past sends matter), in ms. */
  get longestWindowMs(): number {
    return Math.max(
      this.rules.global?.windowMs ?? 0,
      this.rules.perChat?.windowMs ?? 0,
      this.rules.perGroup?.windowMs ?? 0,
    );
  }

  /** Nothing more into this chat until `until` (Telegram's retry_after). */
  hold(chatId: number, until: number): void {
    const state = this.chat(chatId);
    state.heldUntil = Math.max(state.heldUntil, until);
  }
}
