// What the person reads when an answer or a line cannot be used: each problem in the office's words, the
// same for the guided flow and the one-line form (the rules are the domain's).
import type { CommitteeKind, ElectionProblem } from "../../domain/election-results.js";
import { formatLocalDate } from "../../domain/local-date.js";
import type { DraftProblem } from "../../domain/report-draft.js";
import type { LineProblem } from "../../domain/report-line.js";
import type { BotContext } from "../context.js";
import { todayFor } from "../today.js";
import type { NumberListProblem } from "./answers.js";

/** "số chi ủy viên theo đề án, số trúng cử, …": what each typed number is, in order. */
export function numberNames(ctx: BotContext, fields: readonly string[], committee: CommitteeKind): string {
  return fields.map((field) => ctx.t("report-number-name", { field, committee })).join(", ");
}

export function numberListProblemText(
  ctx: BotContext,
  problem: NumberListProblem,
  shape: { fields: readonly string[]; required: number; committee: CommitteeKind; example: string },
): string {
  const single = shape.fields.length === 1 ? "yes" : "no";
  if (problem.code === "not-a-number")
    return ctx.t("report-numbers-not-a-number", { value: problem.value.slice(0, 40), single, example: shape.example });
  if (problem.code === "too-many")
    return ctx.t("report-numbers-too-many", {
      given: problem.given,
      count: shape.fields.length,
      example: shape.example,
    });
  const fields = numberNames(ctx, shape.fields.slice(0, shape.required), shape.committee);
  return ctx.t("report-numbers-too-few", { fields, example: shape.example });
}

export function draftProblemText(ctx: BotContext, problem: DraftProblem): string {
  if (problem.code === "election") return electionProblemText(ctx, problem.problem);
  if (problem.code === "results-required") return ctx.t("report-results-required");
  if (problem.code === "outside-campaign") {
    const { date, from, to } = problem.args;
    return ctx.t("report-outside-campaign", {
      date: formatLocalDate(date),
      from: formatLocalDate(from),
      to: formatLocalDate(to),
    });
  }
  return ctx.t(`report-${problem.code}`, { date: formatLocalDate(problem.args.date) });
}

export function electionProblemText(ctx: BotContext, problem: ElectionProblem): string {
  const args: Record<string, string | number> = {
    ...problem.args,
    field: ctx.t("report-field-name", { field: problem.field }),
  };
  if (typeof problem.args.limitField === "string")
    args.limitField = ctx.t("report-field-name", { field: problem.args.limitField });
  return ctx.t(`report-election-${problem.code}`, args);
}

export function lineProblemText(ctx: BotContext, problem: LineProblem): string {
  const args: Record<string, string | number> = {};
  for (const [key, value] of Object.entries(problem))
    if (key !== "code" && typeof value === "string") args[key] = value.slice(0, 40);
  if (problem.code === "date") {
    const key = problem.problem === "format" ? "report-date-format" : "report-date-not-real";
    return ctx.t(key, { value: problem.value.slice(0, 40), example: formatLocalDate(todayFor(ctx)) });
  }
  return ctx.t(`report-line-${problem.code}`, args);
}
