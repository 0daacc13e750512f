// What a person is about to report, before it is confirmed and saved, and the rules it must meet.
import {
  checkElectionResults,
  type CommitteeKind,
  type ElectionProblem,
  type ElectionResults,
} from "./election-results.js";
import type { Milestone } from "./levels.js";
import { addYears, type LocalDate } from "./local-date.js";

export interface ReportDraft {
  unitId: number;
  milestone: Milestone;
  /** The congress date (scheduled, held) or the day the milestone was reached (others). */
  date: LocalDate;
  results: ElectionResults | null;
}

export type DraftProblem =
  | { code: "held-in-future"; args: { date: LocalDate } }
  | { code: "scheduled-in-past"; args: { date: LocalDate } }
  | { code: "done-in-future"; args: { date: LocalDate } }
  /** Outside the campaign: `from`–`to` is the range the date may take. */
  | { code: "outside-campaign"; args: { date: LocalDate; from: LocalDate; to: LocalDate } }
  | { code: "results-required"; args: Record<string, never> }
  /** A cell's committee (chi ủy) has no standing committee: btv/btvnu above 0 are for a committee with units under it. */
  | { code: "standing-for-cell"; args: Record<string, never> }
  | ({ code: "election" } & { problem: ElectionProblem });

const standingFields = new Set<string>(["standingElected", "standingWomen"]);

/** Milestones whose date is the congress date rather than the day the step was done. */
export function milestoneTakesDate(milestone: Milestone): "congress" | "done" {
  return milestone === "scheduled" || milestone === "held" ? "congress" : "done";
}

/**
 * The dates a report of a campaign may carry, from its deadlines (the campaign has no start date of its
 * own): work done from a year before the first deadline (a plan is issued months ahead, not years), a
 * congress until a year after the last deadline (an officially postponed congress comes months late, not
 * years). Null when the campaign has no deadlines. It catches a mistyped year (01/01/1900, 2100).
 */
export function campaignWindow(deadlines: Partial<Record<Milestone, LocalDate>>): CampaignWindow | null {
  const dates = Object.values(deadlines)
    .filter((date): date is LocalDate => date !== undefined)
    .sort();
  if (dates.length === 0) return null;
  return { from: addYears(dates[0]!, -1), to: addYears(dates.at(-1)!, 1) };
}

export interface CampaignWindow {
  from: LocalDate;
  to: LocalDate;
}

export function checkDraft(
  draft: ReportDraft,
  today: LocalDate,
  window: CampaignWindow | null,
  committee: CommitteeKind,
): DraftProblem[] {
  const problems: DraftProblem[] = [];
  if (draft.milestone === "held" && draft.date > today)
    problems.push({ code: "held-in-future", args: { date: draft.date } });
  if (draft.milestone === "scheduled" && draft.date < today)
    problems.push({ code: "scheduled-in-past", args: { date: draft.date } });
  if (milestoneTakesDate(draft.milestone) === "done" && draft.date > today)
    problems.push({ code: "done-in-future", args: { date: draft.date } });
  // A past event before the campaign, or a congress set after it: the range offered is what is left open.
  if (window && draft.date < window.from && draft.date <= today) {
    problems.push({ code: "outside-campaign", args: { date: draft.date, from: window.from, to: today } });
  }
  if (window && draft.milestone === "scheduled" && draft.date > window.to && draft.date >= today) {
    problems.push({
      code: "outside-campaign",
      args: { date: draft.date, from: today <= window.to ? today : window.from, to: window.to },
    });
  }
  if (draft.milestone === "held") {
    if (!draft.results) problems.push({ code: "results-required", args: {} });
    else {
      const { results } = draft;
      // A cell's standing committee members are refused as a whole, not checked one by one (0 says it has none).
      const standingForCell =
        committee === "cell" && ((results.standingElected ?? 0) > 0 || (results.standingWomen ?? 0) > 0);
      const aboutStanding = (problem: ElectionProblem) =>
        standingFields.has(problem.field) || standingFields.has(String(problem.args.limitField));
      for (const problem of checkElectionResults(results))
        if (!(standingForCell && aboutStanding(problem))) problems.push({ code: "election", problem });
      if (standingForCell) problems.push({ code: "standing-for-cell", args: {} });
    }
  }
  return problems;
}

/** The fields that differ between the current report and the draft, for the "old → new" card. */
export function changedFields(
  before: { date: LocalDate | null; results: ElectionResults | null },
  after: { date: LocalDate; results: ElectionResults | null },
): string[] {
  const fields: string[] = [];
  if (before.date !== after.date) fields.push("date");
  if (before.results && after.results) {
    for (const key of Object.keys(after.results) as (keyof ElectionResults)[]) {
      if (before.results[key] !== after.results[key]) fields.push(key);
    }
  } else if (before.results !== after.results) fields.push("results");
  return fields;
}
