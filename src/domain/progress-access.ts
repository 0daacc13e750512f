// Who may see the progress of which units (/tiendo): the standing committee and admins see their whole
// organisation, a working-group leader the units the group follows, a secretary (deputy, reporter) their
// own unit; each with everything under it. A group bound to a unit sees that unit's subtree.
import type { Role } from "./levels.js";
import type { UnitRef } from "./report-permissions.js";

export interface ProgressViewer<U extends UnitRef = UnitRef> {
  roles: { role: Role; unit: U }[];
  ledGroupUnits: U[];
}

/**
 * The units whose subtrees the person may see, none inside another, in a stable order: the organisation's
 * top unit for standing committee members and admins, then followed units, then own units.
 */
export function progressScopes<U extends UnitRef>(viewer: ProgressViewer<U>, organisationTop: U | null): U[] {
  const candidates: U[] = [];
  if (organisationTop && viewer.roles.some(({ role }) => role === "standing" || role === "admin")) candidates.push(organisationTop);
  candidates.push(...viewer.ledGroupUnits);
  for (const { role, unit } of viewer.roles) if (role === "secretary" || role === "deputy" || role === "reporter") candidates.push(unit);
  const scopes: U[] = [];
  for (const unit of candidates) {
    if (candidates.some((other) => other.id !== unit.id && unit.path.startsWith(other.path))) continue;
    if (!scopes.some((kept) => kept.id === unit.id)) scopes.push(unit);
  }
  return scopes;
}

export function mayViewProgress(scopes: readonly UnitRef[], unit: UnitRef): boolean {
  return scopes.some((scope) => unit.path.startsWith(scope.path));
}
