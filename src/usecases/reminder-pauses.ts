// Pausing a unit's reminders while its congress is officially postponed (/hoan), and resuming them
// (/tieptuc): who may (the one scope rule's "pause"), for which unit, and who to ask when one may not.
import type { PersonProfile } from "../db/people-store.js";
import {
  followingGroups,
  pauseReminders,
  resumeReminders,
  type FollowingGroup,
  type PauseUnit,
  type ReminderPauseRecord,
} from "../db/reminder-pause-store.js";
import { findUnitByCode } from "../db/unit-lookup.js";
import { mayAct } from "../domain/scope.js";
import type { UseCaseDeps } from "./deps.js";

type PauseRefusal = { status: "unknown-unit"; code: string } | { status: "not-allowed"; unit: PauseUnit };

export type PauseRemindersOutcome =
  | PauseRefusal
  | { status: "paused" | "already-paused"; unit: PauseUnit; pause: ReminderPauseRecord };

export type ResumeRemindersOutcome =
  | PauseRefusal
  | { status: "resumed"; unit: PauseUnit; pause: ReminderPauseRecord }
  | { status: "not-paused"; unit: PauseUnit };

interface PauseRequest {
  person: PersonProfile;
  unitCode: string;
  /** The request's own key: the same request delivered twice changes the unit once. */
  requestKey: number;
  /** Who the audit log names. */
  actor: string;
}

export async function pauseUnitReminders(
  deps: UseCaseDeps,
  input: PauseRequest & { reason: string },
): Promise<PauseRemindersOutcome> {
  const found = await pausableUnit(deps, input.person, input.unitCode);
  if (found.status !== "found") return found;
  const outcome = await pauseReminders(deps.prisma, {
    unit: found.unit,
    reason: input.reason,
    personId: input.person.id,
    at: deps.clock.now(),
    telegramUpdateId: input.requestKey,
    actor: input.actor,
  });
  return {
    status: outcome.status === "paused" ? "paused" : "already-paused",
    unit: found.unit,
    pause: outcome.pause,
  };
}

export async function resumeUnitReminders(deps: UseCaseDeps, input: PauseRequest): Promise<ResumeRemindersOutcome> {
  const found = await pausableUnit(deps, input.person, input.unitCode);
  if (found.status !== "found") return found;
  const outcome = await resumeReminders(deps.prisma, {
    unit: found.unit,
    personId: input.person.id,
    at: deps.clock.now(),
    telegramUpdateId: input.requestKey,
    actor: input.actor,
  });
  return outcome.status === "resumed"
    ? { status: "resumed", unit: found.unit, pause: outcome.pause }
    : { status: "not-paused", unit: found.unit };
}

/**
 * For someone who may pause nothing (a secretary asking for their own unit): the unit they named, if it
 * exists, and the working groups that follow it (whom to ask). Null unit: ask anyone who may.
 */
export async function whoMayPause(
  deps: UseCaseDeps,
  input: { person: PersonProfile; unitCode: string | null },
): Promise<{ unit: PauseUnit | null; groups: FollowingGroup[] }> {
  const unit =
    input.unitCode === null ? null : await findUnitByCode(deps.prisma, input.person.organizationId, input.unitCode);
  return { unit, groups: unit ? await followingGroups(deps.prisma, unit) : [] };
}

async function pausableUnit(
  deps: UseCaseDeps,
  person: PersonProfile,
  code: string,
): Promise<PauseRefusal | { status: "found"; unit: PauseUnit }> {
  const unit = await findUnitByCode(deps.prisma, person.organizationId, code);
  if (!unit) return { status: "unknown-unit", code };
  if (!mayAct(person, "pause", unit)) return { status: "not-allowed", unit };
  return { status: "found", unit };
}
