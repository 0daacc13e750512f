// /baocao (/report): the guided flow with buttons and the one-line form. Nothing is written before the
// person confirms the card; every button press is checked against the stored flow and re-authorised.
import { Composer } from "grammy";
import type { PersonProfile } from "../../db/people-store.js";
import { saveReport } from "../../db/report-store.js";
import { deleteFlow, loadFlow, saveFlow } from "../../db/chat-flow-store.js";
import type { ElectionProblem } from "../../domain/election-results.js";
import { milestones, type Milestone } from "../../domain/levels.js";
import { formatLocalDate, parseLocalDate, type LocalDate } from "../../domain/local-date.js";
import { isLate, unitChecklist } from "../../domain/milestone-status.js";
import { checkDraft, type DraftProblem, type ReportDraft } from "../../domain/report-draft.js";
import { milestoneWords, parseReportLine, type LineProblem } from "../../domain/report-line.js";
import { parseUserDate, stripDiacritics } from "../../domain/user-date.js";
import type { Locale } from "../../i18n.js";
import { renderChecklistLine, renderChecklistTitle } from "../../render/checklist-text.js";
import { renderReportCard } from "../../render/report-card.js";
import type { BotContext } from "../context.js";
import { todayFor } from "../today.js";
import { flowMinutes, newFlowId, parseCallback, reportFlowKind, type ReportFlowState } from "../reporting/flow-state.js";
import {
  calendarKeyboard,
  confirmKeyboard,
  milestoneKeyboard,
  questionKeyboard,
  savedKeyboard,
  unitKeyboard,
  yesNoKeyboard,
} from "../reporting/keyboards.js";
import { completeResults, nextQuestion, optionalFields, questionRange, yesNoFields, type QuestionField } from "../reporting/questions.js";
import { ownUnits, previousOf, reportsBeyondOwnUnits, unitAccess, unitReports } from "../reporting/report-context.js";

const maxTextLength = 1000;
const maxUnitButtons = 8;

export const reportingFeature = new Composer<BotContext>();

reportingFeature.chatType(["group", "supergroup", "channel"]).command(["baocao", "report"], async (ctx) => {
  await ctx.reply(ctx.t("report-private-only"));
});

const privateChat = reportingFeature.chatType("private");

privateChat.command(["baocao", "report"], async (ctx) => {
  const person = ctx.person;
  if (!person) return void (await ctx.reply(ctx.t("report-no-units")));
  const args = ctx.match.trim();
  if (args.length > maxTextLength) return void (await ctx.reply(ctx.t("report-text-too-long", { max: maxTextLength })));
  const tokens = args.split(/\s+/).filter(Boolean);
  if (tokens.length === 0) return startGuided(ctx, person);
  if (tokens.length === 1 && !milestoneWords[stripDiacritics(tokens[0]!.toLowerCase())]) {
    return chooseMilestone(ctx, person, { code: tokens[0]! });
  }
  return oneLine(ctx, person, args);
});

reportingFeature.callbackQuery(/^rp:/, async (ctx) => {
  const person = ctx.person;
  const pressed = parseCallback(ctx.callbackQuery.data);
  const chatId = ctx.chat?.id;
  if (!pressed || !person || chatId === undefined || ctx.chat?.type !== "private") return stale(ctx);
  const flow = await loadFlow<ReportFlowState>(ctx.deps.prisma, chatId, ctx.from.id);
  if (!flow || flow.kind !== reportFlowKind || flow.state.flowId !== pressed.flowId) return stale(ctx);
  if (flow.expiresAt <= ctx.deps.clock.now()) {
    await deleteFlow(ctx.deps.prisma, chatId, ctx.from.id);
    await ctx.answerCallbackQuery();
    return void (await ctx.reply(ctx.t("report-expired", { minutes: flowMinutes })));
  }
  if (flow.state.step !== pressed.step) return stale(ctx);
  if (pressed.action === "noop") return void (await ctx.answerCallbackQuery());
  if (pressed.action === "cancel" && !pressed.value) {
    await ctx.answerCallbackQuery();
    return cancel(ctx, chatId);
  }
  // A press that does not fit the flow's current step is refused before anything is done.
  const action = buttonAction(flow.state, pressed.action, pressed.value);
  if (!action) return stale(ctx);
  await ctx.answerCallbackQuery();
  await action(ctx, person);
});

privateChat.on("message:text", async (ctx, next) => {
  const person = ctx.person;
  if (!person || ctx.message.text.startsWith("/")) return next();
  const flow = await loadFlow<ReportFlowState>(ctx.deps.prisma, ctx.chat.id, ctx.from.id);
  if (!flow || flow.kind !== reportFlowKind) return next();
  if (flow.expiresAt <= ctx.deps.clock.now()) {
    await deleteFlow(ctx.deps.prisma, ctx.chat.id, ctx.from.id);
    return void (await ctx.reply(ctx.t("report-expired", { minutes: flowMinutes })));
  }
  const text = ctx.message.text.trim();
  if (text.length > maxTextLength) return void (await ctx.reply(ctx.t("report-text-too-long", { max: maxTextLength })));
  const state = flow.state;
  switch (state.stage) {
    case "unit":
    case "unit-code":
      return chooseMilestone(ctx, person, { code: text.split(/\s+/)[0]! });
    case "date":
      return onDateText(ctx, person, state, text);
    case "field":
      return onFieldText(ctx, person, state, text);
    default:
      return next();
  }
});

async function startGuided(ctx: BotContext, person: PersonProfile): Promise<void> {
  const own = ownUnits(person);
  const beyond = reportsBeyondOwnUnits(person);
  if (own.length === 0 && !beyond) return void (await ctx.reply(ctx.t("report-no-units")));
  if (own.length === 1 && !beyond) return chooseMilestone(ctx, person, { id: own[0]!.id });
  const buttons = own.slice(0, maxUnitButtons);
  const state: ReportFlowState = { stage: "unit", flowId: newFlowId(), step: 1, unitOptions: buttons.map((unit) => unit.id) };
  await persist(ctx, state);
  const text = own.length > maxUnitButtons || beyond ? ctx.t("report-type-unit", { example: own[0]?.code ?? "GT-01" }) : ctx.t("report-choose-unit");
  await ctx.reply(text, buttons.length > 0 ? { reply_markup: unitKeyboard(state, buttons, t(ctx)) } : {});
}

async function chooseMilestone(ctx: BotContext, person: PersonProfile, where: { id: number } | { code: string }, previous?: ReportFlowState): Promise<void> {
  const access = await unitAccess(ctx, person, where);
  if (!access.ok) return void (await ctx.reply(access.message));
  const reports = await unitReports(ctx, access.unit);
  const state: ReportFlowState = { stage: "milestone", flowId: previous?.flowId ?? newFlowId(), step: (previous?.step ?? 0) + 1, unitId: access.unit.id };
  await persist(ctx, state);
  await ctx.reply(ctx.t("report-choose-milestone", { unit: access.unit.name }), {
    reply_markup: milestoneKeyboard(state, new Set(reports.map((report) => report.milestone)), t(ctx)),
  });
}

async function askDate(ctx: BotContext, state: { flowId: string; step: number }, unitId: number, milestone: Milestone): Promise<void> {
  const today = todayFor(ctx);
  const next: ReportFlowState = { stage: "date", flowId: state.flowId, step: state.step + 1, unitId, milestone, month: today.slice(0, 7) };
  await persist(ctx, next);
  await ctx.reply(ctx.t("report-ask-date", { milestone, example: formatLocalDate(today) }), {
    reply_markup: calendarKeyboard(next, next.month, today, t(ctx)),
  });
}

type ButtonAction = (ctx: BotContext, person: PersonProfile) => Promise<void>;

/** What a press does in the current state, or null when the press does not belong to it. */
function buttonAction(state: ReportFlowState, action: string, value: string): ButtonAction | null {
  const withValue = new Set(["u", "m", "cal", "d", "yn"]);
  if (withValue.has(action) !== Boolean(value)) return null;
  if (state.stage === "unit" && action === "u") {
    const unitId = state.unitOptions[Number(value)];
    return unitId === undefined ? null : (ctx, person) => chooseMilestone(ctx, person, { id: unitId }, state);
  }
  if (state.stage === "milestone" && action === "m") {
    if (!(milestones as readonly string[]).includes(value)) return null;
    return async (ctx, person) => {
      const access = await unitAccess(ctx, person, { id: state.unitId });
      if (!access.ok) return void (await ctx.reply(access.message));
      await askDate(ctx, state, state.unitId, value as Milestone);
    };
  }
  if (state.stage === "date" && action === "cal") {
    if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(value)) return null;
    return async (ctx) => {
      await persist(ctx, { ...state, month: value });
      await ctx.editMessageReplyMarkup({ reply_markup: calendarKeyboard(state, value, todayFor(ctx), t(ctx)) });
    };
  }
  if (state.stage === "date" && action === "d") {
    const date = parseLocalDate(value);
    return date ? (ctx, person) => onDate(ctx, person, state, date) : null;
  }
  if (state.stage === "field" && action === "yn" && yesNoFields.includes(state.field) && (value === "1" || value === "0")) {
    return (ctx, person) => answerField(ctx, person, state, value === "1");
  }
  if (state.stage === "field" && action === "skip" && optionalFields.includes(state.field)) {
    return (ctx, person) => answerField(ctx, person, state, null);
  }
  if (state.stage === "confirm" && action === "ok") return (ctx, person) => confirm(ctx, person, state);
  if (state.stage === "confirm" && action === "edit") return (ctx) => askDate(ctx, state, state.unitId, state.milestone);
  if (state.stage === "saved" && action === "fix") {
    return async (ctx, person) => {
      const access = await unitAccess(ctx, person, { id: state.unitId });
      if (!access.ok) return void (await ctx.reply(access.message));
      await askDate(ctx, state, state.unitId, state.milestone);
    };
  }
  return null;
}

async function onDateText(ctx: BotContext, person: PersonProfile, state: Extract<ReportFlowState, { stage: "date" }>, text: string): Promise<void> {
  const today = todayFor(ctx);
  const parsed = parseUserDate(text, today);
  if (!parsed.ok) {
    const key = parsed.problem === "format" ? "report-date-format" : "report-date-not-real";
    return void (await ctx.reply(ctx.t(key, { value: text.slice(0, 40), example: formatLocalDate(today) })));
  }
  return onDate(ctx, person, state, parsed.date);
}

async function onDate(ctx: BotContext, person: PersonProfile, state: Extract<ReportFlowState, { stage: "date" }>, date: LocalDate): Promise<void> {
  const problems = checkDraft({ unitId: state.unitId, milestone: state.milestone, date, results: null }, todayFor(ctx)).filter(
    (problem) => problem.code !== "results-required",
  );
  if (problems.length > 0) return void (await ctx.reply(problems.map((problem) => draftProblemText(ctx, problem)).join("\n")));
  if (state.milestone !== "held") return showCard(ctx, person, { ...state, stage: "confirm", date, results: null });
  const access = await unitAccess(ctx, person, { id: state.unitId });
  if (!access.ok) return void (await ctx.reply(access.message));
  const field = nextQuestion(null, {}, access.unit.hasChildren)!;
  return askField(ctx, { stage: "field", flowId: state.flowId, step: state.step + 1, unitId: state.unitId, milestone: state.milestone, date, field, results: {} });
}

async function askField(ctx: BotContext, state: Extract<ReportFlowState, { stage: "field" }>): Promise<void> {
  await persist(ctx, state);
  const question = ctx.t("report-question", { field: state.field });
  const optional = optionalFields.includes(state.field);
  if (yesNoFields.includes(state.field)) {
    return void (await ctx.reply(ctx.t("report-ask-yes-no", { question }), { reply_markup: yesNoKeyboard(state, t(ctx), optional) }));
  }
  const [min, max] = questionRange(state.field, state.results);
  await ctx.reply(ctx.t("report-ask-number", { question, min, max }), { reply_markup: questionKeyboard(state, t(ctx), optional) });
}

async function onFieldText(ctx: BotContext, person: PersonProfile, state: Extract<ReportFlowState, { stage: "field" }>, text: string): Promise<void> {
  if (yesNoFields.includes(state.field)) {
    const answer = stripDiacritics(text.toLowerCase());
    if (["co", "yes", "y"].includes(answer)) return answerField(ctx, person, state, true);
    if (["khong", "no", "n"].includes(answer)) return answerField(ctx, person, state, false);
    return void (await ctx.reply(ctx.t("report-yes-no-invalid")));
  }
  const [min, max] = questionRange(state.field, state.results);
  const value = /^\d{1,5}$/.test(text) ? Number(text) : Number.NaN;
  if (!(value >= min && value <= max)) {
    return void (await ctx.reply(ctx.t("report-number-invalid", { value: text.slice(0, 40), min, max, example: Math.min(max, Math.max(min, 5)) })));
  }
  return answerField(ctx, person, state, value);
}

async function answerField(ctx: BotContext, person: PersonProfile, state: Extract<ReportFlowState, { stage: "field" }>, value: number | boolean | null): Promise<void> {
  const results = { ...state.results, [state.field]: value };
  const access = await unitAccess(ctx, person, { id: state.unitId });
  if (!access.ok) return void (await ctx.reply(access.message));
  const field: QuestionField | null = nextQuestion(state.field, results, access.unit.hasChildren);
  if (field) return askField(ctx, { ...state, step: state.step + 1, field, results });
  return showCard(ctx, person, { stage: "confirm", flowId: state.flowId, step: state.step, unitId: state.unitId, milestone: state.milestone, date: state.date, results: completeResults(results) });
}

/** Shows the confirmation card (for both the guided flow and the one-line form). */
async function showCard(ctx: BotContext, person: PersonProfile, draftState: Extract<ReportFlowState, { stage: "confirm" }>): Promise<void> {
  const access = await unitAccess(ctx, person, { id: draftState.unitId });
  if (!access.ok) return void (await ctx.reply(access.message));
  const draft: ReportDraft = { unitId: draftState.unitId, milestone: draftState.milestone, date: draftState.date, results: draftState.results };
  const problems = checkDraft(draft, todayFor(ctx));
  if (problems.length > 0) {
    return void (await ctx.reply([ctx.t("report-line-problems"), ...problems.map((problem) => draftProblemText(ctx, problem))].join("\n")));
  }
  const state = { ...draftState, step: draftState.step + 1 };
  await persist(ctx, state);
  await ctx.reply(await cardText(ctx, access, draft, await unitReports(ctx, access.unit)), { reply_markup: confirmKeyboard(state, t(ctx)) });
}

async function cardText(
  ctx: BotContext,
  access: Extract<Awaited<ReturnType<typeof unitAccess>>, { ok: true }>,
  draft: ReportDraft,
  reports: Awaited<ReturnType<typeof unitReports>>,
): Promise<string> {
  const dueDate = access.unit.campaign.deadlines[draft.milestone] ?? null;
  const late = isLate(draft.milestone, draft.date, todayFor(ctx), dueDate);
  return renderReportCard(t(ctx), await localeOf(ctx), draft, {
    unit: { name: access.unit.name, parentName: access.unit.parentName },
    onBehalf: access.right === "on-behalf",
    late: late && dueDate ? { dueDate } : null,
    previous: previousOf(reports, draft.milestone),
  });
}

async function confirm(ctx: BotContext, person: PersonProfile, state: Extract<ReportFlowState, { stage: "confirm" }>): Promise<void> {
  const access = await unitAccess(ctx, person, { id: state.unitId });
  if (!access.ok) return void (await ctx.reply(access.message));
  const today = todayFor(ctx);
  const draft: ReportDraft = { unitId: state.unitId, milestone: state.milestone, date: state.date, results: state.results };
  const problems = checkDraft(draft, today);
  if (problems.length > 0) return void (await ctx.reply(problems.map((problem) => draftProblemText(ctx, problem)).join("\n")));
  const before = await unitReports(ctx, access.unit);
  const card = await cardText(ctx, access, draft, before);
  const dueDate = access.unit.campaign.deadlines[state.milestone] ?? null;
  await saveReport(ctx.deps.prisma, {
    organizationId: access.unit.organizationId,
    campaignId: access.unit.campaign.id,
    unitId: access.unit.id,
    milestone: state.milestone,
    eventDate: state.date,
    payload: state.results ? { results: { ...state.results } } : {},
    authorId: person.id,
    onBehalf: access.right === "on-behalf",
    late: isLate(state.milestone, state.date, today, dueDate),
    source: "telegram",
    // A confirmation delivered twice stores one event.
    telegramUpdateId: ctx.update.update_id,
    actor: `person:${person.id}`,
    recordedAt: ctx.deps.clock.now(),
  });
  const saved: ReportFlowState = { stage: "saved", flowId: state.flowId, step: state.step + 1, unitId: state.unitId, milestone: state.milestone };
  await persist(ctx, saved);
  await ctx.editMessageText(`${card}\n\n${ctx.t("report-card-saved")}`, { reply_markup: savedKeyboard(saved, t(ctx)) }).catch(() => undefined);
  const after = await unitReports(ctx, access.unit);
  const checklist = unitChecklist(after, access.unit.campaign.deadlines, today);
  await ctx.reply(
    [
      ctx.t("report-saved"),
      renderChecklistTitle(t(ctx), { name: access.unit.name, parentName: access.unit.parentName, term: access.unit.term ?? access.unit.campaign.term }),
      ...checklist.map((item) => renderChecklistLine(t(ctx), item)),
    ].join("\n"),
  );
}

async function oneLine(ctx: BotContext, person: PersonProfile, args: string): Promise<void> {
  const today = todayFor(ctx);
  const parsed = parseReportLine(args, today);
  if (!parsed.ok) {
    return void (await ctx.reply([ctx.t("report-line-problems"), ...parsed.problems.map((problem) => lineProblemText(ctx, problem))].join("\n")));
  }
  const line = parsed.line;
  let where: { id: number } | { code: string };
  if (line.unitCode) where = { code: line.unitCode };
  else {
    const own = ownUnits(person);
    const beyond = reportsBeyondOwnUnits(person);
    if (own.length === 0 && !beyond) return void (await ctx.reply(ctx.t("report-no-units")));
    if (own.length !== 1) {
      const example = own[0]?.code ?? person.ledGroupUnits[0]?.code ?? "GT-01";
      return void (await ctx.reply(ctx.t("report-line-need-unit", { example })));
    }
    where = { id: own[0]!.id };
  }
  const access = await unitAccess(ctx, person, where);
  if (!access.ok) return void (await ctx.reply(access.message));
  await showCard(ctx, person, {
    stage: "confirm",
    flowId: newFlowId(),
    step: 0,
    unitId: access.unit.id,
    milestone: line.milestone,
    date: line.date ?? today,
    results: line.results,
  });
}

async function cancel(ctx: BotContext, chatId: number): Promise<void> {
  await deleteFlow(ctx.deps.prisma, chatId, ctx.from!.id);
  await ctx.editMessageReplyMarkup({ reply_markup: undefined }).catch(() => undefined);
  await ctx.reply(ctx.t("report-cancelled"));
}

async function stale(ctx: BotContext): Promise<void> {
  // A replayed press (after a restart) can no longer be answered; it changes nothing either way.
  await ctx.answerCallbackQuery({ text: ctx.t("report-stale-button"), show_alert: true }).catch((error) => ctx.log.debug({ err: error }, "stale press not answered"));
}

async function persist(ctx: BotContext, state: ReportFlowState): Promise<void> {
  const expiresAt = new Date(ctx.deps.clock.now().getTime() + flowMinutes * 60_000);
  await saveFlow(ctx.deps.prisma, ctx.chat!.id, ctx.from!.id, { kind: reportFlowKind, state, expiresAt });
}

function t(ctx: BotContext) {
  return (key: string, args?: Record<string, string | number | Date>) => ctx.t(key, args);
}

async function localeOf(ctx: BotContext): Promise<Locale> {
  return (await ctx.i18n.getLocale()) === "en" ? "en" : "vi";
}

function draftProblemText(ctx: BotContext, problem: DraftProblem): string {
  if (problem.code === "election") return electionProblemText(ctx, problem.problem);
  if (problem.code === "results-required") return ctx.t("report-results-required");
  return ctx.t(`report-${problem.code}`, { date: formatLocalDate(problem.args.date) });
}

function electionProblemText(ctx: BotContext, problem: ElectionProblem): string {
  const args: Record<string, string | number> = { ...problem.args, field: ctx.t("report-field-name", { field: problem.field }) };
  if (typeof problem.args.limitField === "string") args.limitField = ctx.t("report-field-name", { field: problem.args.limitField });
  return ctx.t(`report-election-${problem.code}`, args);
}

function lineProblemText(ctx: BotContext, problem: LineProblem): string {
  const args: Record<string, string | number> = {};
  for (const [key, value] of Object.entries(problem)) if (key !== "code" && typeof value === "string") args[key] = value.slice(0, 40);
  if (problem.code === "date") {
    const key = problem.problem === "format" ? "report-date-format" : "report-date-not-real";
    return ctx.t(key, { value: problem.value.slice(0, 40), example: formatLocalDate(todayFor(ctx)) });
  }
  return ctx.t(`report-line-${problem.code}`, args);
}
