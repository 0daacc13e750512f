// Who may export what. The standing committee and admins: the unit they hold the role on (the whole
// organisation when that is the top). Working-group leaders: the units their groups follow. Secretaries
// of a grassroots (or higher) committee: their own subtree. Everyone else: nothing.
import type { Role, UnitLevel } from "./levels.js";

export interface ExportUnit {
  id: number;
  code: string;
  name: string;
  level: UnitLevel;
  /** Materialised path of ids, e.g. "/1/7/42/". */
  path: string;
}

export interface ExportPerson {
  roles: readonly { role: Role; unit: ExportUnit }[];
  ledGroupUnits: readonly ExportUnit[];
}

const secretaryLevels: readonly UnitLevel[] = ["province", "district", "grassroots"];

/** The tops of the subtrees the person may export, none inside another, in the order of their roles. */
export function exportRoots(person: ExportPerson): ExportUnit[] {
  const candidates = [
    ...person.roles
      .filter(({ role, unit }) => role === "standing" || role === "admin" || (role === "secretary" && secretaryLevels.includes(unit.level)))
      .map(({ unit }) => unit),
    ...person.ledGroupUnits,
  ];
  const roots: ExportUnit[] = [];
  for (const unit of candidates) {
    if (roots.some((root) => unit.path.startsWith(root.path))) continue;
    for (let index = roots.length - 1; index >= 0; index--) if (roots[index]!.path.startsWith(unit.path)) roots.splice(index, 1);
    roots.push(unit);
  }
  return roots;
}

export function mayExport(roots: readonly ExportUnit[], unit: { path: string }): boolean {
  return roots.some((root) => unit.path.startsWith(root.path));
}
