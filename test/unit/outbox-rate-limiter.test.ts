import { GrammyError, HttpError } from "grammy";
import { describe, expect, it } from "vitest";
import { defaultTelegramLimits, rulesFromLimits, SendRateLimiter } from "../../src/outbox/rate-limiter.js";
import { backoffMs, classifySendError } from "../../src/outbox/sender.js";

describe("SendRateLimiter", () => {
  it("when a private chat had a send, then the next waits the per-chat window", () => {
    const limiter = new SendRateLimiter(rulesFromLimits(defaultTelegramLimits));
    expect(limiter.waitMs(42, 0)).toBe(0);
    limiter.reserve(42, 0).settle(0);
    expect(limiter.waitMs(42, 0)).toBe(1000);
    expect(limiter.waitMs(43, 10)).toBe(0);
    expect(limiter.heldChats(500)).toEqual([42]);
    expect(limiter.waitMs(42, 999)).toBe(1);
    expect(limiter.waitMs(42, 1000)).toBe(0);
    expect(limiter.heldChats(1000)).toEqual([]);
  });

  it("when a send is settled at the time of the answer, then the window counts from the answer", () => {
    const limiter = new SendRateLimiter({ perChat: { limit: 1, windowMs: 200 } });
    const reservation = limiter.reserve(1, 0);
    expect(limiter.waitMs(1, 0)).toBe(200);
    reservation.settle(50);
    expect(limiter.waitMs(1, 200)).toBe(50);
    expect(limiter.waitMs(1, 250)).toBe(0);
  });

  it("when the global limit is used up, then no chat may send until the oldest send expires", () => {
    const limiter = new SendRateLimiter({ global: { limit: 3, windowMs: 1000 } });
    for (const [chat, at] of [
      [1, 0],
      [2, 100],
      [3, 200],
    ] as const)
      limiter.reserve(chat, at);
    expect(limiter.globalAvailable(300)).toBe(0);
    expect(limiter.waitMs(4, 300)).toBe(700);
    expect(limiter.nextFreeInMs(300)).toBe(700);
    expect(limiter.globalAvailable(1000)).toBe(1);
    expect(limiter.globalAvailable(1200)).toBe(3);
  });

  it("when a group gets 20 messages in a minute, then the 21st waits for the minute (negative id = group)", () => {
    const limiter = new SendRateLimiter(rulesFromLimits(defaultTelegramLimits));
    for (let i = 0; i < 20; i++) limiter.reserve(-100, i * 1000);
    expect(limiter.waitMs(-100, 20_000)).toBe(40_000);
    // A private chat has no per-minute rule.
    for (let i = 0; i < 20; i++) limiter.reserve(7, i * 1000);
    expect(limiter.waitMs(7, 20_000)).toBe(0);
  });

  it("when a chat is held (retry_after), then it waits until then, and is forgotten afterwards", () => {
    const limiter = new SendRateLimiter({});
    limiter.hold(5, 3000);
    expect(limiter.waitMs(5, 1000)).toBe(2000);
    expect(limiter.heldChats(1000)).toEqual([5]);
    expect(limiter.nextFreeInMs(1000)).toBe(2000);
    expect(limiter.heldChats(3000)).toEqual([]);
    expect(limiter.nextFreeInMs(3000)).toBeUndefined();
  });

  it("when there are no rules, then everything fits", () => {
    const limiter = new SendRateLimiter();
    for (let i = 0; i < 1000; i++) limiter.reserve(1, 0);
    expect(limiter.waitMs(1, 0)).toBe(0);
    expect(limiter.globalAvailable(0)).toBe(Number.POSITIVE_INFINITY);
  });
});

describe("send error policy", () => {
  const grammyError = (error_code: number, description: string, parameters = {}) =>
    new GrammyError("call failed", { ok: false, error_code, description, parameters }, "sendMessage", {});

  it("classifies Telegram's answers", () => {
    expect(classifySendError(grammyError(429, "Too Many Requests: retry after 3", { retry_after: 3 }))).toMatchObject({
      kind: "flood",
      retryAfterMs: 3000,
    });
    expect(classifySendError(grammyError(403, "Forbidden: bot was blocked by the user")).kind).toBe("permanent");
    expect(classifySendError(grammyError(400, "Bad Request: chat not found")).kind).toBe("permanent");
    expect(classifySendError(grammyError(502, "Bad Gateway")).kind).toBe("transient");
    expect(
      classifySendError(new HttpError("Network request for 'sendMessage' failed!", new Error("socket hang up"))).kind,
    ).toBe("transient");
  });

  it("backs off exponentially up to the cap", () => {
    const backoff = { baseMs: 1000, maxMs: 10_000 };
    expect([1, 2, 3, 4, 5].map((n) => backoffMs(n, backoff))).toEqual([1000, 2000, 4000, 8000, 10_000]);
  });
});
