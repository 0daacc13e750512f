// Loads what a report screen needs about a unit, re-checking the person's right to report for it.
import type { PersonProfile } from "../../db/people-store.js";
import { currentReports, loadUnitContext, type StoredReport, type UnitContext } from "../../db/report-store.js";
import { emptyResults, type ElectionResults } from "../../domain/election-results.js";
import type { Milestone } from "../../domain/levels.js";
import { reportRight, type ReportRight } from "../../domain/scope.js";
import type { BotContext } from "../context.js";

export type UnitAccess =
  | { ok: true; unit: UnitContext & { campaign: NonNullable<UnitContext["campaign"]> }; right: ReportRight }
  | { ok: false; reason: "unknown" | "not-allowed" | "no-campaign"; message: string };

export async function unitAccess(
  ctx: BotContext,
  person: PersonProfile,
  where: { id: number } | { code: string },
): Promise<UnitAccess> {
  const unit = await loadUnitContext(
    ctx.deps.prisma,
    "id" in where ? where : { organizationId: person.organizationId, code: where.code },
  );
  if (!unit || unit.organizationId !== person.organizationId) {
    return {
      ok: false,
      reason: "unknown",
      message: ctx.t("report-unknown-unit", { code: "code" in where ? where.code.slice(0, 32) : "?" }),
    };
  }
  const right = reportRight(person, unit);
  if (!right) return { ok: false, reason: "not-allowed", message: ctx.t("report-not-allowed", { unit: unit.name }) };
  if (!unit.campaign) return { ok: false, reason: "no-campaign", message: ctx.t("report-no-campaign") };
  return { ok: true, unit: { ...unit, campaign: unit.campaign }, right };
}

export async function unitReports(
  ctx: BotContext,
  unit: { id: number; campaign: { id: number } },
): Promise<StoredReport[]> {
  return currentReports(ctx.deps.prisma, unit.campaign.id, [unit.id]);
}

export function previousOf(
  reports: StoredReport[],
  milestone: Milestone,
): { date: string | null; results: ElectionResults | null } | null {
  const report = reports.find((candidate) => candidate.milestone === milestone);
  if (!report) return null;
  return { date: report.eventDate ?? report.reportedOn, results: storedResults(report.payload) };
}

/** The results of a saved report; a field it does not hold (an older report) is unknown, not 0. */
export function storedResults(payload: Record<string, unknown>): ElectionResults | null {
  const stored = payload.results;
  if (typeof stored !== "object" || stored === null) return null;
  const results = stored as Partial<ElectionResults>;
  if (typeof results.committeePlanned !== "number" || typeof results.committeeElected !== "number") return null;
  return { ...emptyResults(results.committeePlanned, results.committeeElected), ...withoutUndefined(results) };
}

function withoutUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, field]) => field !== undefined)) as Partial<T>;
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
