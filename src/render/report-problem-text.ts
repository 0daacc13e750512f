// What is wrong with a report, in the office's words: the same sentence whether the draft came from the
// bot's guided flow, its one-line form or the web form (the rules are the domain's).
import type { ElectionProblem } from "../domain/election-results.js";
import { formatLocalDate } from "../domain/local-date.js";
import type { DraftProblem } from "../domain/report-draft.js";
import type { Translate } from "../i18n.js";

export function draftProblemText(t: Translate, problem: DraftProblem): string {
  if (problem.code === "election") return electionProblemText(t, problem.problem);
  if (problem.code === "results-required") return t("report-results-required");
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
