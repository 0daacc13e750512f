// Keeping one of the leaderships (Database.acquireLeadership: the scheduler's, the outbox sender's) for as
// long as the database lets this instance: ask for it, notice when it was lost with its connection (the
// server dropped the lock, another instance may hold it now), let go of it on release, ask again. The
// scheduler and the outbox's sender keep theirs the same way.
import type { Leadership } from "./client.js";

export interface LeadershipKeeper {
  /** Whether this instance leads now, asking for the leadership when it does not (at most every `retryMs`). */
  hold(): Promise<boolean>;
  /** Whether this instance leads now, without asking. */
  holds(): boolean;
  /** Lets go of it (another instance takes over at once); the next hold() asks at once. */
  release(): Promise<void>;
}

export function leadershipKeeper(options: {
  acquire: () => Promise<Leadership | null>;
  /** The least time between two asks (real time: it is how often the database is asked); default 0. */
  retryMs?: number;
  /** The lock was lost with its connection (it is released, and asked for again). */
  onLost: () => void;
  /** This instance leads from now on. */
  onGained?: () => void;
}): LeadershipKeeper {
  const retryMs = options.retryMs ?? 0;
  let leadership: Leadership | null = null;
  let askedAt = Number.NEGATIVE_INFINITY;
  return {
    async hold() {
      if (leadership?.held()) return true;
      if (leadership) {
        options.onLost();
        await leadership.release();
        leadership = null;
      }
      if (Date.now() - askedAt < retryMs) return false;
      askedAt = Date.now();
      leadership = await options.acquire();
      if (!leadership) return false;
      options.onGained?.();
      return true;
    },
    holds: () => leadership?.held() ?? false,
    async release() {
      await leadership?.release();
      leadership = null;
      askedAt = Number.NEGATIVE_INFINITY;
    },
  };
}
