// What a report screen needs about a unit, through the reporting use case (src/usecases/reports.ts), with
// the person's refusal in their language.
import type { PersonProfile } from "../../db/people-store.js";
import type { StoredReport } from "../../db/report-store.js";
import type { ReportRight } from "../../domain/scope.js";
import { reportAccess, unitReports as loadUnitReports, type ReportUnit } from "../../usecases/reports.js";
import type { BotContext } from "../context.js";

export { previousOf } from "../../usecases/reports.js";

export type UnitAccess =
  | { ok: true; unit: ReportUnit; right: ReportRight }
  | { ok: false; reason: "unknown" | "not-allowed" | "no-campaign"; message: string };

export async function unitAccess(
  ctx: BotContext,
  person: PersonProfile,
  where: { id: number } | { code: string },
): Promise<UnitAccess> {
  const access = await reportAccess(ctx.deps, person, where);
  switch (access.status) {
    case "granted":
      return { ok: true, unit: access.unit, right: access.right };
    case "unknown-unit":
      return {
        ok: false,
        reason: "unknown",
        message: ctx.t("report-unknown-unit", { code: access.code?.slice(0, 32) ?? "?" }),
      };
    case "not-allowed":
      return { ok: false, reason: "not-allowed", message: ctx.t("report-not-allowed", { unit: access.unit.name }) };
    case "no-campaign":
      return { ok: false, reason: "no-campaign", message: ctx.t("report-no-campaign") };
  }
}

export async function unitReports(
  ctx: BotContext,
  unit: { id: number; campaign: { id: number } },
): Promise<StoredReport[]> {
  return loadUnitReports(ctx.deps, unit);
}

/** Units the person reports for as their own (the buttons of the first step). */
export function ownUnits(person: PersonProfile): { id: number; name: string; code: string }[] {
  const seen = new Map<number, { id: number; name: string; code: string }>();
  for (const { role, unit } of person.roles) {
    if ((role === "secretary" || role === "deputy" || role === "reporter") && !seen.has(unit.id))
      seen.set(unit.id, unit);
  }
  return [...seen.values()];
}

/** Whether the person may report for units other than their own (and so may type a unit code). */
export function reportsBeyondOwnUnits(person: PersonProfile): boolean {
  return (
    person.ledGroupUnits.length > 0 ||
    person.roles.some(({ role, unit }) => role === "admin" || (role === "reporter" && unit.level !== "cell"))
  );
}
