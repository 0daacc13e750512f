// Reporting a milestone: who may report for which unit, what the confirmation card says besides the draft,
// and recording the confirmed report. The bot's guided flow and one-line form (and the web's form) only
// collect the draft and render these outcomes; the rules are here and in src/domain.
import { localDateOf } from "../clock.js";
import type { PersonProfile } from "../db/people-store.js";
import {
  currentReports,
  loadUnitContext,
  saveReport,
  type StoredReport,
  type UnitContext,
} from "../db/report-store.js";
import { loadUnitRecords } from "../db/unit-records.js";
import { congressPlan } from "../domain/campaign-plan.js";
import { lateness, reachedFromReport, unitChecklist, type ChecklistItem } from "../domain/checklist.js";
import { committeeKindOf, resultsFromPayload, type ElectionResults } from "../domain/election-results.js";
import type { Milestone } from "../domain/levels.js";
import type { LocalDate } from "../domain/local-date.js";
import { campaignWindow, checkDraft, type DraftProblem, type ReportDraft } from "../domain/report-draft.js";
import { reportRight, type ReportRight } from "../domain/scope.js";
import type { CardContext } from "../render/report-card.js";
import type { UseCaseDeps } from "./deps.js";

export type ReportUnit = UnitContext & { campaign: NonNullable<UnitContext["campaign"]> };

export type ReportAccess =
  | { status: "granted"; unit: ReportUnit; right: ReportRight }
  /** No such unit in the person's organisation (`code`: as typed, when the unit was named by code). */
  | { status: "unknown-unit"; code: string | null }
  | { status: "not-allowed"; unit: { name: string } }
  | { status: "no-campaign" };

/** The unit (by id, or by code in any letter case) with its campaign, if the person may report for it. */
export async function reportAccess(
  deps: UseCaseDeps,
  person: PersonProfile,
  where: { id: number } | { code: string },
): Promise<ReportAccess> {
  const unit = await loadUnitContext(
    deps.prisma,
    "id" in where ? where : { organizationId: person.organizationId, code: where.code },
  );
  if (!unit || unit.organizationId !== person.organizationId) {
    return { status: "unknown-unit", code: "code" in where ? where.code : null };
  }
  const right = reportRight(person, unit);
  if (!right) return { status: "not-allowed", unit };
  if (!unit.campaign) return { status: "no-campaign" };
  return { status: "granted", unit: { ...unit, campaign: unit.campaign }, right };
}

/** The unit's current report of each milestone (the latest event), oldest milestone first. */
export async function unitReports(deps: UseCaseDeps, unit: { id: number; campaign: { id: number } }) {
  return currentReports(deps.prisma, unit.campaign.id, [unit.id]);
}

/** What is wrong with the draft today (a date outside the campaign, results missing…); empty when nothing. */
export function draftProblems(unit: ReportUnit, draft: ReportDraft, today: LocalDate): DraftProblem[] {
  return checkDraft(draft, today, campaignWindow(unit.campaign.deadlines), committeeKindOf(unit));
}

/** What the confirmation card says besides the draft: on behalf, late (and which kind), what it corrects. */
export function reportCard(
  access: { unit: ReportUnit; right: ReportRight },
  draft: ReportDraft,
  reports: readonly StoredReport[],
  today: LocalDate,
): CardContext {
  const dueDate = access.unit.campaign.deadlines[draft.milestone] ?? null;
  // Doing the work late and reporting on-time work late are told apart.
  const late = lateness(
    reachedFromReport(congressPlan, { milestone: draft.milestone, eventDate: draft.date, reportedOn: today }),
    dueDate,
  );
  return {
    unit: { name: access.unit.name, parentName: access.unit.parentName },
    committee: committeeKindOf(access.unit),
    onBehalf: access.right === "on-behalf",
    late: dueDate && (late.doneLate || late.reportedLate) ? { dueDate, doneLate: late.doneLate } : null,
    previous: previousOf(reports, draft.milestone),
  };
}

export type RecordReportOutcome =
  | Exclude<ReportAccess, { status: "granted" }>
  | { status: "invalid"; problems: DraftProblem[] }
  /**
   * `card`: the confirmation card as it was confirmed (its correction lines compare with what was saved
   * before); `checklist`: the unit's checklist with this report; `duplicate`: the same request was
   * recorded before (a confirmation delivered twice stores one event).
   */
  | { status: "recorded"; unit: ReportUnit; card: CardContext; checklist: ChecklistItem[]; duplicate: boolean };

/**
 * Records a confirmed report: the person's right and the draft are checked again (the card may have
 * waited), then the event is stored with the audit row. `requestKey` makes a repeated request store one
 * event: "telegram:<update id>", or "web:<key>" of the confirmation form (a double click, a reload).
 */
export async function recordReport(
  deps: UseCaseDeps,
  input: { person: PersonProfile; draft: ReportDraft; source: "telegram" | "web"; requestKey: string },
): Promise<RecordReportOutcome> {
  const { person, draft } = input;
  const reportedOn = localDateOf(deps.clock.now(), deps.config.timezone);
  const access = await reportAccess(deps, person, { id: draft.unitId });
  if (access.status !== "granted") return access;
  const problems = draftProblems(access.unit, draft, reportedOn);
  if (problems.length > 0) return { status: "invalid", problems };
  const card = reportCard(access, draft, await unitReports(deps, access.unit), reportedOn);
  const dueDate = access.unit.campaign.deadlines[draft.milestone] ?? null;
  const saved = await saveReport(deps.prisma, {
    organizationId: access.unit.organizationId,
    campaignId: access.unit.campaign.id,
    unitId: access.unit.id,
    milestone: draft.milestone,
    eventDate: draft.date,
    payload: draft.results ? { results: { ...draft.results } } : {},
    authorId: person.id,
    onBehalf: access.right === "on-behalf",
    // What was true when it was recorded: reported after the deadline (the checklist judges both kinds of late from the dates).
    late: lateness(
      reachedFromReport(congressPlan, { milestone: draft.milestone, eventDate: draft.date, reportedOn }),
      dueDate,
    ).reportedLate,
    source: input.source,
    requestKey: input.requestKey,
    actor: `person:${person.id}`,
    recordedAt: deps.clock.now(),
  });
  // The unit and its campaign were read above: only its record (now with this report) is read.
  const campaign = { id: access.unit.campaign.id, deadlines: { [access.unit.level]: access.unit.campaign.deadlines } };
  const [after] = await loadUnitRecords(deps.prisma, {
    campaign,
    scope: { unitIds: [access.unit.id] },
    timeZone: deps.config.timezone,
  });
  return {
    status: "recorded",
    unit: access.unit,
    card,
    checklist: after ? unitChecklist(congressPlan, after.facts, reportedOn) : [],
    duplicate: !saved.saved,
  };
}

export function previousOf(
  reports: readonly StoredReport[],
  milestone: Milestone,
): { date: LocalDate | null; results: ElectionResults | null } | null {
  const report = reports.find((candidate) => candidate.milestone === milestone);
  if (!report) return null;
  return { date: report.eventDate ?? report.reportedOn, results: resultsFromPayload(report.payload) };
}
