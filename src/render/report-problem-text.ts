// What is wrong with a report, in the office's words: the same sentence whether the draft came from the
// bot's guided flow, its one-line form or the web form (the rules are the domain's).
import type { ElectionProblem } from "../domain/election-results.js";
import { formatLocalDate } from "../domain/local-date.js";
import type { DraftProblem } from "../domain/report-draft.js";
import type { LineProblem } from "../domain/report-line.js";
import type { LocalDate } from "../domain/local-date.js";
import type { Translate } from "../i18n.js";

export function draftProblemText(t: Translate, problem: DraftProblem): string {
  if (problem.code === "election") return electionProblemText(t, problem.problem);
  if (problem.code === "results-required") return t("report-results-required");
  if (problem.code === "standing-for-cell") return t("report-standing-for-cell");
  if (problem.code === "outside-campaign") {
    const { date, from, to } = problem.args;
    return t("report-outside-campaign", {
      date: formatLocalDate(date),
      from: formatLocalDate(from),
      to: formatLocalDate(to),
    });
  }
  return t(`report-${problem.code}`, { date: formatLocalDate(problem.args.date) });
}

export function electionProblemText(t: Translate, problem: ElectionProblem): string {
  const args: Record<string, string | number> = {
    ...problem.args,
    field: t("report-field-name", { field: problem.field }),
  };
  if (typeof problem.args.limitField === "string")
    args.limitField = t("report-field-name", { field: problem.args.limitField });
  return t(`report-election-${problem.code}`, args);
}

/** A one-line report that cannot be read (the bot's /baocao line, a progress file's `report`); `today` gives the example date. */
export function reportLineProblemText(t: Translate, problem: LineProblem, today: LocalDate): string {
  const args: Record<string, string | number> = {};
  for (const [key, value] of Object.entries(problem))
    if (key !== "code" && typeof value === "string") args[key] = value.slice(0, 40);
  if (problem.code === "date") {
    const key = problem.problem === "format" ? "report-date-format" : "report-date-not-real";
    return t(key, { value: problem.value.slice(0, 40), example: formatLocalDate(today) });
  }
  return t(`report-line-${problem.code}`, args);
}
