// Who a Telegram user is: they redeem an invite link (/start <token>) or share their own phone number,
// which is matched with the roster. On success the person's profile is read again (the binding changed
// who they are) for the greeting and the command menu.
import { bindByPhone, type PhoneBindOutcome } from "../db/binding-store.js";
import { redeemInvite, type RedeemOutcome, type TelegramIdentity } from "../db/invite-store.js";
import { findPeopleByTelegramId, type PersonProfile } from "../db/people-store.js";
import { looksLikeInviteToken } from "../domain/invite-token.js";
import { normalizeVietnamesePhone } from "../domain/phone.js";
import type { UseCaseDeps } from "./deps.js";

export type OnboardByInviteOutcome =
  | Exclude<RedeemOutcome, { status: "bound" }>
  | { status: "bound"; personId: number; replay: boolean; people: PersonProfile[] };

export async function onboardByInvite(
  deps: UseCaseDeps,
  input: { token: string; identity: TelegramIdentity },
): Promise<OnboardByInviteOutcome> {
  // Anything that cannot be a token (too long, emoji, a truncated link) is refused without a lookup.
  if (!looksLikeInviteToken(input.token)) return { status: "unknown" };
  const outcome = await redeemInvite(deps.prisma, input.token, input.identity, deps.clock.now());
  if (outcome.status !== "bound") return outcome;
  return {
    status: "bound",
    personId: outcome.personId,
    replay: outcome.replay,
    people: await findPeopleByTelegramId(deps.prisma, input.identity.id),
  };
}

export type OnboardByPhoneOutcome =
  | Exclude<PhoneBindOutcome, { status: "bound" }>
  | { status: "bound"; people: PersonProfile[] };

/** `phone` as the phone gave it (+84…, 0…, spaces): written as the roster writes phones before matching. */
export async function onboardByPhone(
  deps: UseCaseDeps,
  input: { phone: string; identity: TelegramIdentity },
): Promise<OnboardByPhoneOutcome> {
  const phone = normalizeVietnamesePhone(input.phone);
  if (!phone) return { status: "unknown-phone" };
  const outcome = await bindByPhone(deps.prisma, phone, input.identity, deps.clock.now());
  if (outcome.status !== "bound") return outcome;
  return { status: "bound", people: await findPeopleByTelegramId(deps.prisma, input.identity.id) };
}
