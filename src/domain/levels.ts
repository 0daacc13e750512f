// The levels of the party organisation tree, top first, and which level may sit under which.

export const unitLevels = ["province", "district", "grassroots", "partial", "cell"] as const;
export type UnitLevel = (typeof unitLevels)[number];

export const milestones = ["plan", "documents", "personnel", "scheduled", "held"] as const;
export type Milestone = (typeof milestones)[number];

export const roles = ["secretary", "deputy", "reporter", "standing", "admin"] as const;
export type Role = (typeof roles)[number];

/** Levels a unit of the given level may be placed under. Levels may be skipped (wards under a province). */
const allowedParents: Record<UnitLevel, readonly UnitLevel[]> = {
  province: [],
  district: ["province"],
  grassroots: ["province", "district"],
  partial: ["grassroots"],
  cell: ["grassroots", "partial"],
};

export function canBeUnder(child: UnitLevel, parent: UnitLevel): boolean {
  return allowedParents[child].includes(parent);
}

export function allowedParentLevels(child: UnitLevel): readonly UnitLevel[] {
  return allowedParents[child];
}
