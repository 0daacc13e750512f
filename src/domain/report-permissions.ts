// Who may report for which unit. A report is either for one's own unit, or made on behalf of a unit by
// its working group's leader or the district office (admin).
import type { Role } from "./levels.js";

export interface UnitRef {
  id: number;
  /** Materialised path of ids, e.g. "/1/7/42/". */
  path: string;
}

export interface ReporterProfile {
  roles: { role: Role; unit: UnitRef }[];
  /** Units (with their subtrees) followed by working groups this person leads. */
  ledGroupUnits: UnitRef[];
}

export type ReportRight = "own" | "on-behalf";

export function reportRight(person: ReporterProfile, unit: UnitRef): ReportRight | null {
  for (const { role, unit: held } of person.roles) {
    if ((role === "secretary" || role === "deputy" || role === "reporter") && held.id === unit.id) return "own";
    // `reporter` on a grassroots committee covers the cells (and partial committees) under it.
    if (role === "reporter" && unit.path.startsWith(held.path) && unit.id !== held.id) return "own";
  }
  if (person.ledGroupUnits.some((followed) => unit.path.startsWith(followed.path))) return "on-behalf";
  if (person.roles.some(({ role, unit: held }) => role === "admin" && unit.path.startsWith(held.path))) return "on-behalf";
  return null;
}
