// Sliding-window flood control, per bot. Only accepted sends are counted, so
// a client that honours retry_after gets through on its next attempt.
import type { Chat } from "grammy/types";
import type { RateLimit, RateLimitKind, RateLimits } from "./types.js";

class SlidingWindow {
  private hits: number[] = [];

  constructor(private readonly rule: RateLimit) {}

  /** Milliseconds until one more send fits; 0 if it fits now. */
  waitMs(now: number): number {
    const from = now - this.rule.windowMs;
    while (this.hits.length > 0 && this.hits[0]! <= from) this.hits.shift();
    if (this.hits.length < this.rule.limit) return 0;
    // The window frees up when its oldest counted hit expires.
    return this.hits[this.hits.length - this.rule.limit]! + this.rule.windowMs - now;
  }

  record(now: number): void {
    this.hits.push(now);
  }
}

export interface LimitHit {
  kind: RateLimitKind;
  /** Whole seconds, at least 1, as Telegram reports retry_after. */
  retryAfter: number;
}

export class SendLimiter {
  private readonly global?: SlidingWindow;
  private readonly chats = new Map<number, SlidingWindow>();
  private readonly groups = new Map<number, SlidingWindow>();

  constructor(private readonly limits: RateLimits) {
    if (limits.global) this.global = new SlidingWindow(limits.global);
  }

  private windows(chat: Chat): Array<[RateLimitKind, SlidingWindow]> {
    const out: Array<[RateLimitKind, SlidingWindow]> = [];
    if (this.global) out.push(["global", this.global]);
    const { perChat, perGroup } = this.limits;
    if (perChat) out.push(["perChat", getOrAdd(this.chats, chat.id, () => new SlidingWindow(perChat))]);
    if (perGroup && (chat.type === "group" || chat.type === "supergroup")) {
      out.push(["perGroup", getOrAdd(this.groups, chat.id, () => new SlidingWindow(perGroup))]);
    }
    return out;
  }

  /** The most restrictive limit a send into `chat` would exceed now. */
  check(chat: Chat, now: number): LimitHit | undefined {
    let worst: LimitHit | undefined;
    for (const [kind, window] of this.windows(chat)) {
      const ms = window.waitMs(now);
      if (ms <= 0) continue;
      const retryAfter = Math.max(1, Math.ceil(ms / 1000));
      if (!worst || retryAfter > worst.retryAfter) worst = { kind, retryAfter };
    }
    return worst;
  }

  record(chat: Chat, now: number): void {
    for (const [, window] of this.windows(chat)) window.record(now);
  }
}

function getOrAdd<K, V>(map: Map<K, V>, key: K, make: () => V): V {
  let value = map.get(key);
  if (value === undefined) {
    value = make();
    map.set(key, value);
  }
  return value;
}
