// Many small writes as few statements: items added while a flush is running wait for it to end and then go
// together in the next one. The first item of a quiet moment is flushed at once (no timer, no added delay);
// under load, a batch holds whatever arrived during one round trip.

/** Returns `add`: resolves when the item's batch is written, rejects with the batch's error. */
export function groupCommit<T>(flush: (items: T[]) => Promise<void>): (item: T) => Promise<void> {
  let pending: { item: T; resolve: () => void; reject: (error: unknown) => void }[] = [];
  let flushing = false;

  async function run(): Promise<void> {
    flushing = true;
    while (pending.length > 0) {
      const batch = pending;
      pending = [];
      try {
        await flush(batch.map((entry) => entry.item));
        for (const entry of batch) entry.resolve();
      } catch (error) {
        for (const entry of batch) entry.reject(error);
      }
    }
    flushing = false;
  }

  return (item) =>
    new Promise<void>((resolve, reject) => {
      pending.push({ item, resolve, reject });
      if (!flushing) void run();
    });
}
