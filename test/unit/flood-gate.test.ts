// The flood gate at the inbox's door (src/bot/rate-limit.ts), on a hand-moved monotonic clock.
import type { Update } from "grammy/types";
import { describe, expect, it } from "vitest";
import { FloodGate } from "../../src/bot/rate-limit.js";

let nextUpdateId = 1;
function messageFrom(userId: number): Update {
  const from = { id: userId, is_bot: false, first_name: "Lan" };
  return {
    update_id: nextUpdateId++,
    message: {
      message_id: nextUpdateId,
      date: 0,
      chat: { id: userId, type: "private", first_name: "Lan" },
      from,
      text: "/tiendo",
    },
  };
}

describe("the flood gate", () => {
  it("when a person sends more than the limit in one window, then the limit is admitted, the next one is marked to be told, and the rest are only counted", () => {
    let now = 0;
    const gate = new FloodGate({ limit: 3, windowMs: 1_000 }, () => now);
    const flood = Array.from({ length: 10 }, () => messageFrom(1));
    const other = messageFrom(2);
    const result = gate.sort([...flood, other]);
    expect(result.admitted).toEqual([...flood.slice(0, 3), other]);
    expect(result.limited).toEqual([flood[3]]);
    expect(result.dropped).toBe(6);
    // Still the same window: nothing more is admitted, and nobody is told twice.
    now = 999;
    expect(gate.sort([messageFrom(1)])).toMatchObject({ admitted: [], limited: [], dropped: 1 });
    // The next window starts afresh.
    now = 1_000;
    expect(gate.sort([messageFrom(1)]).admitted).toHaveLength(1);
    expect(gate.droppedTotal).toBe(7);
  });

  it("when many people have written, then windows that have passed are forgotten and the number tracked never exceeds the cap", () => {
    let now = 0;
    const gate = new FloodGate({ limit: 3, windowMs: 1_000, maxTracked: 100 }, () => now);
    gate.sort(Array.from({ length: 250 }, (_, index) => messageFrom(10_000 + index)));
    expect(gate.tracked).toBe(100);
    now = 2_000;
    gate.sort([messageFrom(1)]);
    expect(gate.tracked).toBe(1);
  });

  it("when an update comes from no person, then it is admitted", () => {
    const gate = new FloodGate({ limit: 0, windowMs: 1_000 });
    const channelPost: Update = { update_id: nextUpdateId++ } as Update;
    expect(gate.sort([channelPost]).admitted).toEqual([channelPost]);
  });
});
