// One-time codes that link a Telegram group to a unit: issued by an admin in the bot (/malienket) or by the
// office on the command line (`group link-code`); the office lists and unlinks groups.
import {
  createGroupLinkCode,
  defaultGroupCodeLifetimeMs,
  listGroupBindings,
  unbindGroup,
  type GroupBinding,
} from "../db/group-binding-store.js";
import type { InvitableUnit } from "../db/invite-store.js";
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
