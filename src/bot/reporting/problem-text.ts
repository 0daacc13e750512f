// What the person reads when a typed answer or a line cannot be used (the bot's own ways of typing a
// report); problems of the draft itself are src/render/report-problem-text.ts, shared with the web form.
import { isShareField, type CommitteeKind } from "../../domain/election-results.js";
import type { LineProblem } from "../../domain/report-line.js";
import { reportLineProblemText } from "../../render/report-problem-text.js";
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
  if (problem.code === "not-a-number") {
    // A group of shares (the votes) is typed with decimals: the example says so, not "whole numbers".
    const shares = shape.fields.every(isShareField);
    const kind = shares ? (single === "yes" ? "share" : "shares") : single;
    return ctx.t("report-numbers-not-a-number", {
      value: problem.value.slice(0, 40),
      single: kind,
      example: shape.example,
    });
  }
  if (problem.code === "too-many")
    return ctx.t("report-numbers-too-many", {
      given: problem.given,
      count: shape.fields.length,
      example: shape.example,
    });
  const fields = numberNames(ctx, shape.fields.slice(0, shape.required), shape.committee);
  return ctx.t("report-numbers-too-few", { fields, example: shape.example });
}

export function lineProblemText(ctx: BotContext, problem: LineProblem): string {
  return reportLineProblemText((key, args) => ctx.t(key, args), problem, todayFor(ctx));
}
