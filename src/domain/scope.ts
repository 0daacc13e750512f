// The one scope rule: which units a person may see, export, report for, pause, invite people to and link
// a group to. Every command and button asks here (through `mayAct` or `scopeRoots`), so one question
// never gets two answers: an admin of one ward sees, exports, invites to and links that ward's subtree,
// and nothing of the next ward. A right comes from a role held on a unit, or from leading a working group,
// and reaches the unit and everything under it, except where the table says the unit alone.
import type { Role, UnitLevel } from "./levels.js";

/** "complaints": read the text of a complaint or denunciation raised about a unit (src/domain/difficulty-rules.ts). */
/** `contacts`: the unit officers' names and phone numbers, for those who chase units by phone. */
export type UnitAction = "view" | "export" | "report" | "pause" | "invite" | "link" | "complaints" | "contacts";

export interface UnitRef {
  id: number;
  /** Materialised path of ids, e.g. "/1/7/42/". */
  path: string;
}

/** A unit a role is held on, or a working group follows. */
export interface HeldUnit extends UnitRef {
  level: UnitLevel;
}

export interface ScopePerson<U extends HeldUnit = HeldUnit> {
  roles: readonly { role: Role; unit: U }[];
  /** Units (with their subtrees) followed by the working groups this person leads. */
  ledGroupUnits: readonly U[];
}

type Reach = "subtree" | "unit";

/**
 * What holding a role on a unit grants. The standing committee follows and pauses; admins (the party
 * committee's office) do everything on the units under them; a unit's officers report for it, a
 * `reporter` on a committee also for the cells under it. Complaints and denunciations (they may name the
 * unit's own officers or the working group) are read by the standing committee and the office alone. The
 * officers' phone numbers are for the office and the working groups' leaders, who chase units by phone.
 */
const roleGrants: Record<Role, Partial<Record<UnitAction, Reach>>> = {
  standing: { view: "subtree", export: "subtree", pause: "subtree", complaints: "subtree" },
  admin: {
    view: "subtree",
    export: "subtree",
    report: "subtree",
    pause: "subtree",
    invite: "subtree",
    link: "subtree",
    complaints: "subtree",
    contacts: "subtree",
  },
  secretary: { view: "subtree", export: "subtree", report: "unit" },
  deputy: { view: "subtree", report: "unit" },
  reporter: { view: "subtree", report: "subtree" },
};

/**
 * A working group's leader, over the units the group follows: follow up (with the officers' phones),
 * export, report on behalf, pause.
 */
const leaderGrants: Partial<Record<UnitAction, Reach>> = {
  view: "subtree",
  export: "subtree",
  report: "subtree",
  pause: "subtree",
  contacts: "subtree",
};

/** The export is a committee's tool: a cell's secretary has nothing under their unit to export. */
const exportingSecretaryLevels: readonly UnitLevel[] = ["province", "district", "grassroots"];

/** Where one right applies, and what gives it. */
export interface Grant<U extends HeldUnit = HeldUnit> {
  unit: U;
  reach: Reach;
  /** The role, or "leader" of a working group. */
  via: Role | "leader";
}

/** Every grant of the person for the action, in the order of their roles, then their groups' units. */
export function grantsFor<U extends HeldUnit>(person: ScopePerson<U>, action: UnitAction): Grant<U>[] {
  const grants: Grant<U>[] = [];
  for (const { role, unit } of person.roles) {
    const reach = roleGrants[role][action];
    if (!reach) continue;
    if (action === "export" && role === "secretary" && !exportingSecretaryLevels.includes(unit.level)) continue;
    grants.push({ unit, reach, via: role });
  }
  const reach = leaderGrants[action];
  if (reach) for (const unit of person.ledGroupUnits) grants.push({ unit, reach, via: "leader" });
  return grants;
}

function covers(grant: Grant, unit: UnitRef): boolean {
  return grant.reach === "unit" ? grant.unit.id === unit.id : unit.path.startsWith(grant.unit.path);
}

/** The grant that lets the person act on the unit (the first, in the order of `grantsFor`), or null. */
export function grantOn<U extends HeldUnit>(
  person: ScopePerson<U>,
  action: UnitAction,
  unit: UnitRef,
): Grant<U> | null {
  return grantsFor(person, action).find((grant) => covers(grant, unit)) ?? null;
}

export function mayAct(person: ScopePerson, action: UnitAction, unit: UnitRef): boolean {
  return grantOn(person, action, unit) !== null;
}

/**
 * The tops of the subtrees the person may act on, none inside another, in the order of their grants
 * (for screens that start from "everything you may see": /tiendo's home, /xuat without a code).
 */
export function scopeRoots<U extends HeldUnit>(person: ScopePerson<U>, action: "view" | "export"): U[] {
  const roots: U[] = [];
  for (const { unit } of grantsFor(person, action)) {
    if (roots.some((root) => unit.path.startsWith(root.path))) continue;
    for (let index = roots.length - 1; index >= 0; index--)
      if (roots[index]!.path.startsWith(unit.path)) roots.splice(index, 1);
    roots.push(unit);
  }
  return roots;
}

/** Whether the unit lies in one of the subtrees (roots from `scopeRoots`). */
export function withinRoots(roots: readonly UnitRef[], unit: UnitRef): boolean {
  return roots.some((root) => unit.path.startsWith(root.path));
}

export type ReportRight = "own" | "on-behalf";

/** A report is the unit's own when one of its officers makes it; otherwise it is made on its behalf. */
export function reportRight(person: ScopePerson, unit: UnitRef): ReportRight | null {
  const grants = grantsFor(person, "report").filter((grant) => covers(grant, unit));
  if (grants.length === 0) return null;
  return grants.some((grant) => grant.via === "secretary" || grant.via === "deputy" || grant.via === "reporter")
    ? "own"
    : "on-behalf";
}

/**
 * Of a Telegram user's roster entries (one per organisation they are on), the one that may act on the
 * unit: only an entry of the unit's own organisation can.
 */
export function entryActingOn<P extends ScopePerson & { organizationId: number }>(
  people: readonly P[],
  action: UnitAction,
  unit: UnitRef & { organizationId: number },
): P | null {
  return people.find((person) => person.organizationId === unit.organizationId && mayAct(person, action, unit)) ?? null;
}
