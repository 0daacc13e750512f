// Invite tokens and the rules around them: randomness, format, hashing, lifetimes, roles, states, scope.
import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import {
  hashInviteToken,
  inviteLink,
  inviteState,
  inviteTokenFromText,
  localDateTime,
  looksLikeInviteToken,
  newInviteToken,
  parseInviteLifetime,
  parseInviteRole,
} from "../../src/domain/invite-token.js";

describe("invite tokens", () => {
  it("when a token is made, then it carries 192 random bits as 32 base64url characters, fit for a /start payload", () => {
    const tokens = Array.from({ length: 200 }, () => newInviteToken());
    for (const token of tokens) {
      expect(token).toMatch(/^[A-Za-z0-9_-]{32}$/);
      expect(Buffer.from(token, "base64url")).toHaveLength(24);
      expect(looksLikeInviteToken(token)).toBe(true);
    }
    expect(new Set(tokens).size).toBe(tokens.length);
  });

  it("when a token is hashed, then the hash is its SHA-256 in hex and differs from the token", () => {
    const token = newInviteToken();
    expect(hashInviteToken(token)).toBe(createHash("sha256").update(token).digest("hex"));
    expect(hashInviteToken(token)).toMatch(/^[0-9a-f]{64}$/);
    expect(hashInviteToken(token)).not.toContain(token);
  });

  it("when a payload cannot be a token, then it is recognised before any lookup", () => {
    expect(looksLikeInviteToken("x".repeat(300))).toBe(false);
    expect(looksLikeInviteToken("🎉🎉🎉🎉🎉🎉🎉🎉🎉🎉🎉🎉🎉🎉🎉🎉🎉🎉🎉🎉🎉🎉🎉🎉")).toBe(false);
    expect(looksLikeInviteToken("abc")).toBe(false);
    expect(looksLikeInviteToken("abcdefghij abcdefghij abcdefghij")).toBe(false);
    expect(looksLikeInviteToken("abcdefghij+bcdefghij/bcdefghij==")).toBe(false);
  });

  it("when an office pastes a whole link, then the token is taken from it", () => {
    expect(inviteTokenFromText("https://t.me/daihoi_bot?start=AbC_-123")).toBe("AbC_-123");
    expect(inviteTokenFromText("  AbC_-123 ")).toBe("AbC_-123");
    expect(inviteLink("daihoi_bot", "AbC_-123")).toBe("https://t.me/daihoi_bot?start=AbC_-123");
  });

  it("when a lifetime is written as days or hours, then up to 90 days are accepted", () => {
    expect(parseInviteLifetime("14d")).toBe(14 * 24 * 3600 * 1000);
    expect(parseInviteLifetime("12h")).toBe(12 * 3600 * 1000);
    expect(parseInviteLifetime("90d")).toBe(90 * 24 * 3600 * 1000);
    expect(parseInviteLifetime("2160h")).toBe(90 * 24 * 3600 * 1000);
    for (const bad of ["91d", "2161h", "0d", "0h", "14", "d", "1w", "-1d", "1.5d", "14 d"])
      expect(parseInviteLifetime(bad), bad).toBeNull();
  });

  it("when a role is written as in the contract or as an office says it, then it is understood", () => {
    expect(parseInviteRole("secretary")).toBe("secretary");
    expect(parseInviteRole("ADMIN")).toBe("admin");
    expect(parseInviteRole("bithu")).toBe("secretary");
    expect(parseInviteRole("phobithu")).toBe("deputy");
    expect(parseInviteRole("baocao")).toBe("reporter");
    expect(parseInviteRole("thuongvu")).toBe("standing");
    expect(parseInviteRole("quantri")).toBe("admin");
    expect(parseInviteRole("chairman")).toBeNull();
    expect(parseInviteRole("wg_leader")).toBeNull();
  });

  it("when an invite is used, revoked or past its expiry, then its state says so (used first)", () => {
    const now = new Date("2020-02-26T03:00:00Z");
    const expiresAt = new Date("2020-03-11T03:00:00Z");
    expect(inviteState({ usedAt: null, revokedAt: null, expiresAt }, now)).toBe("active");
    expect(inviteState({ usedAt: null, revokedAt: null, expiresAt: now }, now)).toBe("expired");
    expect(inviteState({ usedAt: null, revokedAt: now, expiresAt }, now)).toBe("revoked");
    expect(inviteState({ usedAt: now, revokedAt: null, expiresAt: new Date(0) }, now)).toBe("used");
  });

  it("when an instant is shown to the office, then it is read in the office's time zone", () => {
    expect(localDateTime(new Date("2020-03-10T20:30:00Z"), "Asia/Ho_Chi_Minh")).toEqual({
      date: "2020-03-11",
      time: "03:30",
    });
    expect(localDateTime(new Date("2020-03-10T17:00:00Z"), "Asia/Ho_Chi_Minh")).toEqual({
      date: "2020-03-11",
      time: "00:00",
    });
  });
});
