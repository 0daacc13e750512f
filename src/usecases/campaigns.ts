// The campaigns of templates other than the congress: where they stand under a unit (status, the digest,
// /tiendo read this one function), and recording a report of one of their milestones (the bot's one-line
// form and the web call this one function). The congress keeps its own use cases (reports.ts,
// progress-screen.ts); both judge units by the same checklist model.
import { figuresDay, localDateOf } from "../clock.js";
import type { PersonProfile } from "../db/people-store.js";
import { loadUnitContext, saveReport } from "../db/report-store.js";
import { loadCampaignUnits, type CampaignUnitRow } from "../db/template-progress-store.js";
import { loadTemplateCampaigns, type StoredTemplateCampaign } from "../db/template-campaign-store.js";
import { lateness, overdueItems, reachedFromReport, type ChecklistItem } from "../domain/checklist.js";
import {
  checkCampaignDate,
  checkCampaignValues,
  type CampaignValues,
  type ValueProblem,
} from "../domain/campaign-report.js";
import { templatePlan, type TemplateMilestone } from "../domain/campaign-template.js";
import type { UnitLevel } from "../domain/levels.js";
import type { LocalDate } from "../domain/local-date.js";
import { reportRight, type ReportRight } from "../domain/scope.js";
import { roundDeadlines, roundIsOpen, roundOf } from "../domain/template-campaign.js";
import {
  campaignFigures,
  campaignUnitStates,
  countStandings,
  type CampaignUnitState,
  type ComputedFigure,
  type StandingCounts,
} from "../domain/template-progress.js";
import type { UseCaseDeps } from "./deps.js";
import { exportScope, type ExportOutcome, type ExportRequest, type ScopeUnit } from "./export-progress.js";
import { visibleUnit, type Viewer } from "./progress-screen.js";

export type OpenCampaign = StoredTemplateCampaign;

/** The organisations' open campaigns of templates other than the congress, oldest first. */
export async function openCampaigns(
  deps: Pick<UseCaseDeps, "prisma">,
  organizationIds: readonly number[],
): Promise<OpenCampaign[]> {
  return loadTemplateCampaigns(deps.prisma, { organizationIds });
}

export interface CampaignProgress {
  campaign: OpenCampaign;
  /** The round judged ("2026-12" for a monthly campaign, "" for a once-only one). */
  round: string;
  /** False before a monthly campaign's first month: nothing is asked yet. */
  roundOpen: boolean;
  units: CampaignUnitState<CampaignUnitRow>[];
  counts: StandingCounts;
  figures: ComputedFigure[];
}

/**
 * Where a campaign stands under the unit whose path is `pathPrefix` (the whole organisation: its top
 * unit's) on the office's day `today`, in the round it falls in.
 */
export async function campaignProgress(
  deps: Pick<UseCaseDeps, "prisma" | "config">,
  input: { campaign: OpenCampaign; pathPrefix: string; today: LocalDate; recordedBefore?: Date | null },
): Promise<CampaignProgress> {
  const { today } = input;
  const round = roundOf(input.campaign, today);
  const roundOpen = roundIsOpen(input.campaign, round);
  const rows = roundOpen
    ? await loadCampaignUnits(deps.prisma, {
        campaign: input.campaign,
        round,
        scope: { pathPrefix: input.pathPrefix },
        timeZone: deps.config.timezone,
        recordedBefore: input.recordedBefore ?? null,
      })
    : [];
  const units = campaignUnitStates(input.campaign, rows, round, today);
  return {
    campaign: input.campaign,
    round,
    roundOpen,
    units,
    counts: countStandings(units),
    figures: campaignFigures(input.campaign, units),
  };
}

/** A report checked and ready to be confirmed: what its card says. */
export interface CampaignReportReady {
  status: "ready";
  unit: { id: number; code: string; name: string; parentName: string | null; organizationId: number; level: UnitLevel };
  milestone: TemplateMilestone;
  date: LocalDate | null;
  round: string;
  right: ReportRight;
  values: CampaignValues;
  /** Reported after the round's deadline; done after it (the day it names is past it). */
  late: { dueDate: LocalDate; doneLate: boolean } | null;
  /** Replaces an earlier report of the same milestone and round. */
  corrects: boolean;
}

export type CampaignReportRefusal =
  | { status: "unknown-unit"; code: string | null }
  | { status: "not-allowed"; unit: { name: string } }
  /** The unit's level is not asked by this campaign (a ward committee in a cells' meeting campaign). */
  | { status: "not-asked"; unit: { name: string } }
  | { status: "unknown-milestone"; word: string }
  | { status: "invalid"; problems: ValueProblem[]; milestone: TemplateMilestone };

export interface CampaignReportInput {
  person: PersonProfile;
  campaign: OpenCampaign;
  unit: { id: number } | { code: string };
  /** A word naming the milestone in the one-line form (kiemdiem), or its key. */
  milestone: string;
  date: LocalDate | null;
  raw: ReadonlyMap<string, string>;
}

export type CampaignUnitAccess =
  | { status: "granted"; unit: CampaignReportReady["unit"]; right: ReportRight }
  | Extract<CampaignReportRefusal, { status: "unknown-unit" | "not-allowed" | "not-asked" }>;

/** The unit (by id, or by code in any letter case), if the person may report for it and the campaign asks it. */
export async function campaignUnitAccess(
  deps: Pick<UseCaseDeps, "prisma">,
  input: Pick<CampaignReportInput, "person" | "campaign" | "unit">,
): Promise<CampaignUnitAccess> {
  const { person, campaign } = input;
  const unit = await loadUnitContext(
    deps.prisma,
    "id" in input.unit ? input.unit : { organizationId: person.organizationId, code: input.unit.code },
  );
  if (!unit || unit.organizationId !== person.organizationId || unit.organizationId !== campaign.organizationId)
    return { status: "unknown-unit", code: "code" in input.unit ? input.unit.code : null };
  const right = reportRight(person, unit);
  if (!right) return { status: "not-allowed", unit };
  if (!campaign.levels.includes(unit.level)) return { status: "not-asked", unit };
  const { id, code, name, parentName, organizationId, level } = unit;
  return { status: "granted", unit: { id, code, name, parentName, organizationId, level }, right };
}

/**
 * Checks a report of a template campaign's milestone, writing nothing: the person may report for the unit
 * (the one scope rule), the campaign asks the unit's level, the date and values fit the template. The
 * round is the month of the day it names (the day reported, when it names none) for a monthly campaign.
 */
export async function checkCampaignReport(
  deps: UseCaseDeps,
  input: CampaignReportInput,
): Promise<CampaignReportReady | CampaignReportRefusal> {
  const { campaign } = input;
  const today = localDateOf(deps.clock.now(), deps.config.timezone);
  const access = await campaignUnitAccess(deps, input);
  if (access.status !== "granted") return access;
  const { unit, right } = access;
  const milestone = campaign.template.milestones.find(
    (candidate) => candidate.key === input.milestone || candidate.words.includes(input.milestone),
  );
  if (!milestone) return { status: "unknown-milestone", word: input.milestone };
  const problems: ValueProblem[] = [];
  const dateProblem = checkCampaignDate(milestone, input.date, today);
  if (dateProblem) problems.push(dateProblem);
  const checked = checkCampaignValues(milestone, input.raw);
  if (!checked.ok) problems.push(...checked.problems);
  if (problems.length > 0 || !checked.ok) return { status: "invalid", problems, milestone };

  const date = milestone.date === "none" ? null : (input.date ?? today);
  const round = roundOf(campaign, date ?? today);
  const dueDate = roundDeadlines(campaign, unit.level, round)[milestone.key] ?? null;
  const reached = reachedFromReport(templatePlan(campaign.template), {
    milestone: milestone.key,
    eventDate: date,
    reportedOn: today,
  });
  const late = lateness(reached, dueDate);
  const [before] = await loadCampaignUnits(deps.prisma, {
    campaign,
    round,
    scope: { unitIds: [unit.id] },
    timeZone: deps.config.timezone,
  });
  return {
    status: "ready",
    unit,
    milestone,
    date,
    round,
    right,
    values: checked.values,
    late: dueDate && (late.doneLate || late.reportedLate) ? { dueDate, doneLate: late.doneLate } : null,
    corrects: before?.reports.some((report) => report.milestone === milestone.key) ?? false,
  };
}

export type CampaignReportOutcome =
  | CampaignReportRefusal
  | (Omit<CampaignReportReady, "status"> & {
      status: "recorded";
      /** The unit's checklist in the campaign's round, with this report. */
      checklist: ChecklistItem<string>[];
      /** The same request was recorded before (a confirmation delivered twice stores one event). */
      duplicate: boolean;
    });

/**
 * Records a confirmed report, checked again first (the card may have waited): a correction is a new report
 * that supersedes the last of the same milestone and round. `requestKey` makes a repeated request store
 * one event ("telegram:<update id>", "web:<form key>").
 */
export async function recordCampaignReport(
  deps: UseCaseDeps,
  input: CampaignReportInput & { source: "telegram" | "web"; requestKey: string },
): Promise<CampaignReportOutcome> {
  const ready = await checkCampaignReport(deps, input);
  if (ready.status !== "ready") return ready;
  const { campaign, person } = input;
  const today = localDateOf(deps.clock.now(), deps.config.timezone);
  const saved = await saveReport(deps.prisma, {
    organizationId: ready.unit.organizationId,
    campaignId: campaign.id,
    unitId: ready.unit.id,
    milestone: ready.milestone.key,
    round: ready.round,
    eventDate: ready.date,
    payload: { values: ready.values },
    authorId: person.id,
    onBehalf: ready.right === "on-behalf",
    // What was true when it was recorded: reported after the deadline (the checklist judges both kinds of late from the dates).
    late: ready.late !== null && today > ready.late.dueDate,
    source: input.source,
    requestKey: input.requestKey,
    actor: `person:${person.id}`,
    recordedAt: deps.clock.now(),
  });
  const [after] = await loadCampaignUnits(deps.prisma, {
    campaign,
    round: ready.round,
    scope: { unitIds: [ready.unit.id] },
    timeZone: deps.config.timezone,
  });
  const [state] = after ? campaignUnitStates(campaign, [after], ready.round, today) : [];
  return { ...ready, status: "recorded", checklist: state?.checklist ?? [], duplicate: !saved.saved };
}

/** A unit a leader should chase: its overdue milestones, longest overdue first. */
export interface LaggingUnit {
  unit: CampaignUnitRow;
  overdue: { milestone: string; days: number }[];
}

export type CampaignScreen =
  | { status: "unknown-campaign"; keys: string[] }
  | { status: "unknown-unit" }
  | { status: "out-of-scope"; unit: { name: string; code: string } }
  | {
      status: "shown";
      campaign: OpenCampaign;
      /** One per subtree shown (the viewer's scope roots, or the unit asked for). */
      sections: { root: { name: string; code: string }; progress: CampaignProgress; lagging: LaggingUnit[] }[];
    };

/**
 * /tiendo KEY [CODE]: where one campaign stands in what the viewer may see (the one scope rule), with
 * the units overdue in it, longest overdue first: the list a leader acts on.
 */
export async function campaignScreen(
  deps: UseCaseDeps,
  viewer: Viewer,
  input: { campaignKey: string; unitCode?: string },
): Promise<CampaignScreen> {
  const campaigns = await openCampaigns(deps, [viewer.organizationId]);
  const campaign = campaigns.find((candidate) => candidate.key === input.campaignKey.toLowerCase());
  if (!campaign) return { status: "unknown-campaign", keys: campaigns.map((candidate) => candidate.key) };
  let roots: { name: string; code: string; path: string }[] = viewer.scopes;
  if (input.unitCode !== undefined) {
    const found = await visibleUnit(deps, viewer, { code: input.unitCode });
    if (found.status === "unknown-unit") return found;
    if (found.status === "out-of-scope") return { status: "out-of-scope", unit: found.unit };
    roots = [found.unit];
  }
  const today = localDateOf(deps.clock.now(), deps.config.timezone);
  const sections = await Promise.all(
    roots.map(async (root) => {
      const progress = await campaignProgress(deps, { campaign, pathPrefix: root.path, today });
      return { root: { name: root.name, code: root.code }, progress, lagging: laggingUnits(progress) };
    }),
  );
  return { status: "shown", campaign, sections };
}

function laggingUnits(progress: CampaignProgress): LaggingUnit[] {
  return progress.units
    .filter((state) => state.standing === "overdue")
    .map((state) => ({
      unit: state.unit,
      overdue: overdueItems(state.checklist)
        .map((item) => ({ milestone: item.milestone, days: item.daysOverdue }))
        .sort((a, b) => b.days - a.days),
    }))
    .sort((a, b) => (b.overdue[0]?.days ?? 0) - (a.overdue[0]?.days ?? 0));
}

export type CampaignExportOutcome =
  | Exclude<ExportOutcome, { status: "exported" }>
  | { status: "unknown-campaign"; keys: string[] }
  | {
      status: "exported";
      campaign: OpenCampaign;
      organization: { name: string };
      exportedAt: Date;
      /** One per subtree exported, tops first. */
      sections: { root: ScopeUnit; progress: CampaignProgress }[];
    };

/**
 * A campaign's export (`export --campaign KEY`): for each subtree the requester may export (the same rule
 * as the congress's export), every unit asked with its milestones and values in the current round, and
 * the campaign's figures.
 */
export async function exportCampaign(
  deps: UseCaseDeps,
  input: ExportRequest & { campaignKey: string },
): Promise<CampaignExportOutcome> {
  const scoped = await exportScope(deps, input);
  if (scoped.status !== "scoped") return scoped;
  const campaigns = await openCampaigns(deps, [scoped.organizationId]);
  const campaign = campaigns.find((candidate) => candidate.key === input.campaignKey.toLowerCase());
  if (!campaign) return { status: "unknown-campaign", keys: campaigns.map((candidate) => candidate.key) };
  const exportedAt = deps.clock.now();
  const { today, recordedBefore } = figuresDay(exportedAt, deps.config.timezone, input.asOf);
  const organization = await deps.prisma.organization.findUniqueOrThrow({
    where: { id: scoped.organizationId },
    select: { name: true },
  });
  const sections = await Promise.all(
    scoped.scope.map(async (root) => ({
      root,
      progress: await campaignProgress(deps, { campaign, pathPrefix: root.path, today, recordedBefore }),
    })),
  );
  return { status: "exported", campaign, organization, exportedAt, sections };
}

/** One unit's state in a campaign's current round (its checklist and values), for its report pages. */
export async function campaignUnitState(
  deps: UseCaseDeps,
  input: { campaign: OpenCampaign; unitId: number },
): Promise<{ round: string; state: CampaignUnitState<CampaignUnitRow> | null }> {
  const today = localDateOf(deps.clock.now(), deps.config.timezone);
  const round = roundOf(input.campaign, today);
  const [row] = await loadCampaignUnits(deps.prisma, {
    campaign: input.campaign,
    round,
    scope: { unitIds: [input.unitId] },
    timeZone: deps.config.timezone,
  });
  return { round, state: row ? (campaignUnitStates(input.campaign, [row], round, today)[0] ?? null) : null };
}
