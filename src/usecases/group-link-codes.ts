// One-time codes that link a Telegram group to a unit: issued by an admin in the bot (/malienket) or by the
// office on the command line (`group link-code`), sent in the group (/lienketnhom); an admin unlinks a group
// in it (/huylienket), the office from the command line (`group unlink`).
import {
  bindGroup,
  createGroupLinkCode,
  defaultGroupCodeLifetimeMs,
  findGroupBinding,
  groupWaitMinutes,
  listGroupBindings,
  startGroupWait,
  unbindGroup,
  type BindOutcome,
  type GroupBinding,
} from "../db/group-binding-store.js";
import type { InvitableUnit } from "../db/invite-store.js";
import type { PersonProfile } from "../db/people-store.js";
import { looksLikeInviteToken } from "../domain/invite-token.js";
import { entryActingOn } from "../domain/scope.js";
import type { Requester, UseCaseDeps } from "./deps.js";
import { unitInScope, type UnitInScope } from "./unit-in-scope.js";

export type IssueGroupLinkCodeOutcome =
  | Exclude<UnitInScope, { status: "found" }>
  | { status: "issued"; id: number; token: string; unit: InvitableUnit; expiresAt: Date };

export async function issueGroupLinkCode(
  deps: UseCaseDeps,
  input: { requester: Requester; unitCode: string; lifetimeMs?: number },
): Promise<IssueGroupLinkCodeOutcome> {
  const found = await unitInScope(deps, input.requester, "link", input.unitCode);
  if (found.status !== "found") return found;
  const expiresAt = new Date(deps.clock.now().getTime() + (input.lifetimeMs ?? defaultGroupCodeLifetimeMs));
  const created = await createGroupLinkCode(deps.prisma, {
    organizationId: found.unit.organizationId,
    unitId: found.unit.id,
    expiresAt,
    createdBy: found.actor,
  });
  return { status: "issued", ...created, unit: found.unit, expiresAt };
}

export async function listLinkedGroups(deps: UseCaseDeps, input: { organizationId: number }): Promise<GroupBinding[]> {
  return listGroupBindings(deps.prisma, input.organizationId);
}

/** Unlinks a group by the office's command; null when the chat was not linked. */
export async function unlinkGroupByOffice(deps: UseCaseDeps, input: { chatId: number }) {
  return unbindGroup(deps.prisma, { chatId: input.chatId, actor: "cli" });
}

export type LinkGroupOutcome = BindOutcome | { status: "usage"; binding: GroupBinding | null };

/** A group sends its one-time code: it is linked to the code's unit, once. No code: what the group is linked to. */
export async function linkGroup(
  deps: UseCaseDeps,
  input: { chatId: number; title: string | null; code: string; actor: string },
): Promise<LinkGroupOutcome> {
  if (!input.code) return { status: "usage", binding: await findGroupBinding(deps.prisma, input.chatId) };
  if (!looksLikeInviteToken(input.code)) {
    // Garbage is refused without a lookup of the code.
    const binding = await findGroupBinding(deps.prisma, input.chatId);
    return binding ? { status: "already-bound", binding } : { status: "unknown" };
  }
  return bindGroup(deps.prisma, {
    token: input.code,
    chatId: input.chatId,
    title: input.title,
    actor: input.actor,
    now: deps.clock.now(),
  });
}

export type UnlinkGroupOutcome =
  | { status: "not-linked" }
  | { status: "not-allowed"; binding: GroupBinding }
  /** `waitUntil`: the group may be linked again until then, else the bot leaves it. */
  | { status: "unlinked"; binding: GroupBinding; waitUntil: Date };

/** Someone in a linked group unlinks it: whoever may link a group to its unit (an admin on it or above) may. */
export async function unlinkGroup(
  deps: UseCaseDeps,
  input: { chatId: number; people: readonly PersonProfile[]; actor: string },
): Promise<UnlinkGroupOutcome> {
  const binding = await findGroupBinding(deps.prisma, input.chatId);
  if (!binding) return { status: "not-linked" };
  if (!mayLinkTo(input.people, binding)) return { status: "not-allowed", binding };
  await unbindGroup(deps.prisma, { chatId: input.chatId, actor: input.actor });
  // Unlinked, the group is like one the bot was just added to: it may be linked again, else the bot leaves.
  const waitUntil = new Date(deps.clock.now().getTime() + groupWaitMinutes * 60_000);
  await startGroupWait(deps.prisma, input.chatId, waitUntil);
  return { status: "unlinked", binding, waitUntil };
}

/** Whether one of the person's roster entries may link a group to the binding's unit. */
export function mayLinkTo(people: readonly PersonProfile[], binding: GroupBinding): boolean {
  return entryActingOn(people, "link", { ...binding.unit, organizationId: binding.organizationId }) !== null;
}
