// Signing in to the web app without a password: a one-time link (sent by the bot on /web, printed by the
// command line's `web link`, or made by an admin on the web for someone without Telegram, to send by Zalo
// or SMS) opens a session. Links are valid for minutes and work once; a session lives in the database (the
// cookie holds only a random id, the database its hash), expires, and ends on sign-out. Only hashes of
// links and session ids are stored.
import { createHash, randomBytes } from "node:crypto";
import {
  consumeSignInLink,
  createSignInLink,
  createWebSession,
  endWebSession,
  findWebSession,
  touchWebSession,
} from "../db/web-session-store.js";
import { findPersonIdByPhone, findPersonProfile, type PersonProfile } from "../db/people-store.js";
import { normalizeVietnamesePhone } from "../domain/phone.js";
import { grantsFor, mayAct, type ScopePerson } from "../domain/scope.js";
import type { UseCaseDeps } from "./deps.js";

/** A sign-in link is valid this long: long enough to open it from the message, too short to be forwarded far. */
export const signInLinkLifetimeMs = 15 * 60_000;
/** A link made by an admin for someone without Telegram travels by hand (Zalo, SMS): a day. */
export const handedSignInLinkLifetimeMs = 24 * 3600_000;
/** A session ends after this long without use, and in any case after `sessionMaxMs`. */
export const sessionIdleMs = 7 * 24 * 3600_000;
export const sessionMaxMs = 30 * 24 * 3600_000;
/** The session's last use is written at most this often (not on every page). */
const touchEveryMs = 5 * 60_000;

const secret = () => randomBytes(32).toString("base64url");
const hash = (value: string) => createHash("sha256").update(value, "utf8").digest("hex");

/** Whether a text can be one of our secrets (a link's token, a session id): else refused without a lookup. */
export function looksLikeWebSecret(text: string): boolean {
  return /^[A-Za-z0-9_-]{43}$/.test(text);
}

export interface IssuedSignInLink {
  token: string;
  expiresAt: Date;
}

/** A link for the person themselves (the bot's /web: they are who Telegram says they are). */
export async function issueOwnSignInLink(
  deps: UseCaseDeps,
  input: { person: { id: number; organizationId: number }; actor: string },
): Promise<IssuedSignInLink> {
  return issue(deps, input.person, input.actor, signInLinkLifetimeMs);
}

export type HandedSignInLinkOutcome =
  | { status: "unknown-person" }
  /** The person is outside what the admin may invite to (the one scope rule's "invite"). */
  | { status: "not-allowed" }
  | { status: "issued"; link: IssuedSignInLink; person: { id: number; name: string } };

/** Whether the person may hand sign-in links to anyone: an admin of some unit (the scope rule's "invite"). */
export function mayHandSignInLinks(person: ScopePerson): boolean {
  return grantsFor(person, "invite").length > 0;
}

/**
 * A link for someone else, sent by hand: by the office (command line) for anyone on its roster, or by an admin
 * for a person who holds a role on a unit the admin may invite people to.
 */
export async function issueHandedSignInLink(
  deps: UseCaseDeps,
  input: {
    requester: { kind: "office"; organizationId: number } | { kind: "person"; person: PersonProfile };
    /** The person by their id, or by their phone as written anywhere (+84…, 0…, spaces). */
    who: { personId: number } | { phone: string };
    actor: string;
  },
): Promise<HandedSignInLinkOutcome> {
  const organizationId =
    input.requester.kind === "office" ? input.requester.organizationId : input.requester.person.organizationId;
  const personId =
    "personId" in input.who
      ? input.who.personId
      : await findPersonIdByPhone(deps.prisma, organizationId, normalizeVietnamesePhone(input.who.phone));
  const person = personId === null ? null : await findPersonProfile(deps.prisma, personId);
  if (!person || person.organizationId !== organizationId) return { status: "unknown-person" };
  if (input.requester.kind === "person") {
    const admin = input.requester.person;
    const reachable =
      person.roles.some(({ unit }) => mayAct(admin, "invite", unit)) ||
      person.ledGroupUnits.some((unit) => mayAct(admin, "invite", unit));
    if (!reachable) return { status: "not-allowed" };
  }
  const link = await issue(deps, person, input.actor, handedSignInLinkLifetimeMs);
  return { status: "issued", link, person: { id: person.id, name: person.name } };
}

async function issue(
  deps: UseCaseDeps,
  person: { id: number; organizationId: number },
  actor: string,
  lifetimeMs: number,
): Promise<IssuedSignInLink> {
  const token = secret();
  const expiresAt = new Date(deps.clock.now().getTime() + lifetimeMs);
  await createSignInLink(deps.prisma, {
    personId: person.id,
    organizationId: person.organizationId,
    tokenHash: hash(token),
    expiresAt,
    createdBy: actor,
  });
  return { token, expiresAt };
}

export type SignInOutcome =
  | { status: "invalid" | "used" }
  | { status: "expired"; expiresAt: Date }
  /** `sessionId` goes in the cookie and nowhere else; `csrfToken` in every form of the session. */
  | { status: "signed-in"; sessionId: string; csrfToken: string; expiresAt: Date; personId: number };

/** Opens a session with a link's token; the link is used up in the same statement, so it works once. */
export async function signInWithLink(deps: UseCaseDeps, input: { token: string }): Promise<SignInOutcome> {
  if (!looksLikeWebSecret(input.token)) return { status: "invalid" };
  const now = deps.clock.now();
  const consumed = await consumeSignInLink(deps.prisma, { tokenHash: hash(input.token), now });
  if (consumed.status !== "consumed") return consumed;
  const sessionId = secret();
  const csrfToken = secret();
  const expiresAt = new Date(now.getTime() + sessionMaxMs);
  await createWebSession(deps.prisma, {
    personId: consumed.personId,
    idHash: hash(sessionId),
    csrfToken,
    createdAt: now,
    expiresAt,
  });
  return { status: "signed-in", sessionId, csrfToken, expiresAt, personId: consumed.personId };
}

export interface WebSession {
  person: PersonProfile;
  csrfToken: string;
}

/** The session's person, read fresh (roles change), or null when there is no such session or it ended. */
export async function webSessionOf(deps: UseCaseDeps, input: { sessionId: string }): Promise<WebSession | null> {
  if (!looksLikeWebSecret(input.sessionId)) return null;
  const now = deps.clock.now();
  const session = await findWebSession(deps.prisma, hash(input.sessionId));
  if (!session || session.endedAt || session.expiresAt <= now) return null;
  if (now.getTime() - session.lastSeenAt.getTime() > sessionIdleMs) return null;
  const person = await findPersonProfile(deps.prisma, session.personId);
  if (!person) return null;
  if (now.getTime() - session.lastSeenAt.getTime() > touchEveryMs) await touchWebSession(deps.prisma, session.id, now);
  return { person, csrfToken: session.csrfToken };
}

export async function signOut(deps: UseCaseDeps, input: { sessionId: string }): Promise<void> {
  await endWebSession(deps.prisma, { idHash: hash(input.sessionId), now: deps.clock.now() });
}
