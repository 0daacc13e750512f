// The per-person flood gate at the door of the inbox. It runs on each batch from getUpdates before
// anything is stored or looked up: a person past the limit costs no database work, and their updates
// beyond it are counted, not stored (so a flood cannot grow the backlog that others wait behind). The
// first update over the limit in a window is let through to be told once to slow down. Counts live in
// memory (a restart resets them), one fixed window per person, and are forgotten once their window has
// passed, with a hard cap on how many people are tracked at once. Timed by the monotonic clock: a flood
// is about real seconds, not the business date.
import type { Update } from "grammy/types";

export interface RateLimitOptions {
  /** Updates a person may send within one window. */
  limit: number;
  windowMs: number;
  /** People tracked at once at most (default 100 000); the oldest window is forgotten first. */
  maxTracked?: number;
}

export const defaultRateLimit: RateLimitOptions = { limit: 30, windowMs: 10_000 };

interface SenderWindow {
  startedAt: number;
  count: number;
}

export interface GateResult {
  /** To be stored and handled. */
  admitted: Update[];
  /** The first update over the limit of each person newly limited: they are told once, nothing else. */
  limited: Update[];
  /** Updates neither stored nor answered. */
  dropped: number;
}

/** The person an update comes from, when it comes from one. */
export function senderIdOf(update: Update): number | undefined {
  return (update.message ?? update.edited_message ?? update.callback_query ?? update.my_chat_member)?.from?.id;
}

export class FloodGate {
  private readonly windows = new Map<number, SenderWindow>();
  private readonly maxTracked: number;
  private lastSweep: number;
  /** Updates dropped since start (neither stored nor answered). */
  droppedTotal = 0;

  constructor(
    private readonly options: RateLimitOptions,
    private readonly now: () => number = () => performance.now(),
  ) {
    this.maxTracked = options.maxTracked ?? 100_000;
    this.lastSweep = now();
  }

  /** How many people are tracked now (bounded by `maxTracked`). */
  get tracked(): number {
    return this.windows.size;
  }

  sort(updates: readonly Update[]): GateResult {
    const now = this.now();
    this.sweep(now);
    const result: GateResult = { admitted: [], limited: [], dropped: 0 };
    for (const update of updates) {
      const senderId = senderIdOf(update);
      if (senderId === undefined) {
        result.admitted.push(update);
        continue;
      }
      let window = this.windows.get(senderId);
      if (!window || now - window.startedAt >= this.options.windowMs) {
        // A new window moves the person to the end of the map's order, which is oldest-window-first.
        this.windows.delete(senderId);
        window = { startedAt: now, count: 0 };
        this.windows.set(senderId, window);
        this.evictOverCap();
      }
      window.count++;
      if (window.count <= this.options.limit) result.admitted.push(update);
      else if (window.count === this.options.limit + 1) result.limited.push(update);
      else result.dropped++;
    }
    this.droppedTotal += result.dropped;
    return result;
  }

  /** Forgets windows that have passed; run at most once per window length. */
  private sweep(now: number): void {
    if (now - this.lastSweep < this.options.windowMs) return;
    this.lastSweep = now;
    for (const [senderId, window] of this.windows) {
      // The map is in window order: the first window still open ends the sweep.
      if (now - window.startedAt < this.options.windowMs) break;
      this.windows.delete(senderId);
    }
  }

  private evictOverCap(): void {
    while (this.windows.size > this.maxTracked) {
      const oldest = this.windows.keys().next().value as number;
      this.windows.delete(oldest);
    }
  }
}
