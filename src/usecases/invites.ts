// Invite links: issued by an admin in the bot (/moi) or by the office on the command line (`invite create`),
// listed and revoked by the office. The token is returned once, at issue; only its hash is stored.
import {
  createInvite,
  listInvites as listStoredInvites,
  revokeInvite as revokeStoredInvite,
} from "../db/invite-store.js";
import type { InviteRow, RevokeOutcome } from "../db/invite-store.js";
import type { InvitableUnit } from "../db/invite-store.js";
import { defaultInviteLifetimeMs } from "../domain/invite-token.js";
import type { Role } from "../domain/levels.js";
import type { Requester, UseCaseDeps } from "./deps.js";
import { unitInScope, type UnitInScope } from "./unit-in-scope.js";

export type IssueInviteOutcome =
  | Exclude<UnitInScope, { status: "found" }>
  | { status: "issued"; id: number; token: string; unit: InvitableUnit; role: Role; expiresAt: Date };

export async function issueInvite(
  deps: UseCaseDeps,
  input: { requester: Requester; unitCode: string; role: Role; lifetimeMs?: number },
): Promise<IssueInviteOutcome> {
  const found = await unitInScope(deps, input.requester, "invite", input.unitCode);
  if (found.status !== "found") return found;
  const expiresAt = new Date(deps.clock.now().getTime() + (input.lifetimeMs ?? defaultInviteLifetimeMs));
  const invite = await createInvite(deps.prisma, {
    organizationId: found.unit.organizationId,
    unitId: found.unit.id,
    role: input.role,
    expiresAt,
    createdBy: found.actor,
  });
  return { status: "issued", ...invite, unit: found.unit, role: input.role, expiresAt };
}

export type ListInvitesOutcome = { status: "unknown-unit"; code: string } | { status: "listed"; invites: InviteRow[] };

/** The organisation's invites (of one unit when a code is given), each with its state now. */
export async function listInvites(
  deps: UseCaseDeps,
  input: { organizationId: number; unitCode?: string },
): Promise<ListInvitesOutcome> {
  let unitId: number | undefined;
  if (input.unitCode !== undefined) {
    const found = await unitInScope(
      deps,
      { kind: "office", organizationId: input.organizationId },
      "invite",
      input.unitCode,
    );
    if (found.status !== "found") return { status: "unknown-unit", code: input.unitCode };
    unitId = found.unit.id;
  }
  return {
    status: "listed",
    invites: await listStoredInvites(deps.prisma, input.organizationId, deps.clock.now(), unitId),
  };
}

/** Revokes an unused invite found by its id or its token; revoking twice changes nothing. */
export async function revokeInvite(
  deps: UseCaseDeps,
  input: { which: { id: number } | { token: string }; organizationId?: number },
): Promise<RevokeOutcome> {
  return revokeStoredInvite(deps.prisma, input.which, {
    ...(input.organizationId !== undefined && { organizationId: input.organizationId }),
    now: deps.clock.now(),
    actor: "cli",
  });
}
