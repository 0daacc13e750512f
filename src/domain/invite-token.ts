// Invite tokens for deep links (t.me/<bot>?start=<token>): random, single use, expiring. Only the
// SHA-256 hash is stored, so a database dump cannot be used to join as someone else.
import { createHash, randomBytes } from "node:crypto";
import { roles, type Role } from "./levels.js";
import type { LocalDate } from "./local-date.js";

/** 24 random bytes: 192 bits, 32 base64url characters (a /start payload may hold 64 of [A-Za-z0-9_-]). */
const tokenBytes = 24;

export function newInviteToken(): string {
  return randomBytes(tokenBytes).toString("base64url");
}

export function hashInviteToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

/** Whether a /start payload can be a token at all; anything else is refused without a database lookup. */
export function looksLikeInviteToken(text: string): boolean {
  return /^[A-Za-z0-9_-]{22,64}$/.test(text);
}

/** The token from what an office may paste: the token itself, or the whole t.me link. */
export function inviteTokenFromText(text: string): string {
  const match = /[?&]start=([^&#\s]+)/.exec(text.trim());
  return match ? match[1]! : text.trim();
}

export function inviteLink(botUsername: string, token: string): string {
  return `https://t.me/${botUsername}?start=${token}`;
}

export const defaultInviteLifetimeMs = 14 * 24 * 3600 * 1000;
const maxInviteLifetimeMs = 90 * 24 * 3600 * 1000;

/** "14d" or "12h" (1 hour to 90 days) in milliseconds; null for anything else. */
export function parseInviteLifetime(text: string): number | null {
  const match = /^(\d{1,4})([dh])$/i.exec(text.trim());
  if (!match) return null;
  const ms = Number(match[1]) * (match[2]!.toLowerCase() === "d" ? 24 : 1) * 3600 * 1000;
  return ms >= 3600 * 1000 && ms <= maxInviteLifetimeMs ? ms : null;
}

/** Vietnamese words an office types without diacritics, next to the role names of the CLI contract. */
const roleAliases: Record<string, Role> = {
  bithu: "secretary",
  phobithu: "deputy",
  baocao: "reporter",
  thuongvu: "standing",
  quantri: "admin",
};

export function parseInviteRole(text: string): Role | null {
  const word = text.trim().toLowerCase();
  return (roles as readonly string[]).includes(word) ? (word as Role) : (roleAliases[word] ?? null);
}

export type InviteState = "active" | "used" | "revoked" | "expired";

export function inviteState(
  invite: { usedAt: Date | null; revokedAt: Date | null; expiresAt: Date },
  now: Date,
): InviteState {
  if (invite.usedAt) return "used";
  if (invite.revokedAt) return "revoked";
  return invite.expiresAt.getTime() <= now.getTime() ? "expired" : "active";
}

/** An instant as the office reads it: its local date and hh:mm in the given time zone. */
export function localDateTime(instant: Date, timeZone: string): { date: LocalDate; time: string } {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat("en-CA", {
      timeZone,
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      hourCycle: "h23",
    })
      .formatToParts(instant)
      .map((part) => [part.type, part.value]),
  );
  return { date: `${parts.year}-${parts.month}-${parts.day}`, time: `${parts.hour}:${parts.minute}` };
}
