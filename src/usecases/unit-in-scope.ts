// The unit a requester names for an action (invite people to it, link a group to it): found by its code in
// any letter case, in the organisation the office named or in the person's organisations, and allowed by
// the one scope rule (src/domain/scope.ts).
import { findInvitableUnits, type InvitableUnit } from "../db/invite-store.js";
import { findUnitByCode } from "../db/unit-lookup.js";
import { entryActingOn, grantsFor, type UnitAction } from "../domain/scope.js";
import type { Requester, UseCaseDeps } from "./deps.js";

export type UnitInScope =
  /** The person holds no role that allows the action anywhere. */
  | { status: "not-allowed" }
  | { status: "unknown-unit"; code: string }
  /** The unit exists but is outside what the person may act on. */
  | { status: "out-of-scope"; unit: { code: string; name: string } }
  /** `actor` is what audit rows name: "cli", or "person:<id>" for the roster entry that acts. */
  | { status: "found"; unit: InvitableUnit; actor: string };

export async function unitInScope(
  deps: UseCaseDeps,
  requester: Requester,
  action: UnitAction,
  code: string,
): Promise<UnitInScope> {
  if (requester.kind === "office") {
    const unit = await findUnitByCode(deps.prisma, requester.organizationId, code);
    return unit ? { status: "found", unit, actor: "cli" } : { status: "unknown-unit", code };
  }
  const allowed = requester.people.filter((person) => grantsFor(person, action).length > 0);
  if (allowed.length === 0) return { status: "not-allowed" };
  const units = await findInvitableUnits(
    deps.prisma,
    allowed.map((person) => person.organizationId),
    code,
  );
  if (units.length === 0) return { status: "unknown-unit", code };
  for (const unit of units) {
    const person = entryActingOn(allowed, action, unit);
    if (person) return { status: "found", unit, actor: `person:${person.id}` };
  }
  return { status: "out-of-scope", unit: units[0]! };
}
