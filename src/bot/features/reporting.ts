// /baocao (/report): the guided flow with buttons and the one-line form. Nothing is written before the
// person confirms the card; every button press is checked against the stored flow and re-authorised.
// The guided "congress held" report: date → the committee's numbers in one message → yes/no buttons →
// the delegates in one message (or Bỏ qua) → the card; ✏️ Sửa opens a menu to change one field.
import { Composer } from "grammy";
import type { PersonProfile } from "../../db/people-store.js";
import { deleteFlow, loadFlow, saveFlow } from "../../db/chat-flow-store.js";
import {
  checkElectionResults,
  committeeKindOf,
  groupFields,
  isShareField,
  numberBounds,
  resultsFromPayload,
  type CommitteeKind,
  type ElectionResults,
} from "../../domain/election-results.js";
import { milestones, type Milestone } from "../../domain/levels.js";
import { formatLocalDate, parseLocalDate, type LocalDate } from "../../domain/local-date.js";
import type { ReportDraft } from "../../domain/report-draft.js";
import { milestoneWords, parseReportLine } from "../../domain/report-line.js";
import { parseUserDate, stripDiacritics } from "../../domain/user-date.js";
import type { Locale } from "../../i18n.js";
import { renderChecklistLine, renderChecklistTitle } from "../../render/checklist-text.js";
import { renderReportCard, showValue } from "../../render/report-card.js";
import { draftProblems, recordReport, reportCard } from "../../usecases/reports.js";
import type { BotContext } from "../context.js";
import { campaignReportCommand } from "./campaign-reporting.js";
import { todayFor } from "../today.js";
import { parseNumberList, parseYesNo } from "../reporting/answers.js";
import {
  flowMinutes,
  flowIdFor,
  parseCallback,
  parseReportStart,
  reportFlowKind,
  type FlowDraft,
  type FlowStep,
  type ReportFlowState,
} from "../reporting/flow-state.js";
import {
  calendarKeyboard,
  confirmKeyboard,
  editKeyboard,
  milestoneKeyboard,
  questionKeyboard,
  savedKeyboard,
  unitKeyboard,
  yesNoKeyboard,
  type AskButtons,
} from "../reporting/keyboards.js";
import {
  answerShape,
  editableFields,
  exampleOf,
  firstGuided,
  isNumberGroup,
  isSkippable,
  isOptional,
  isYesNo,
  nextGuided,
  withAnswer,
  withNumbers,
  type EditField,
  type Question,
} from "../reporting/questions.js";
import { lineProblemText, numberListProblemText, numberNames } from "../reporting/problem-text.js";
import { draftProblemText, electionProblemText } from "../../render/report-problem-text.js";
import {
  ownUnits,
  reportsBeyondOwnUnits,
  unitAccess,
  unitReports,
  type UnitAccess,
} from "../reporting/report-context.js";

const maxTextLength = 1000;
const maxUnitButtons = 8;

type Granted = Extract<UnitAccess, { ok: true }>;
type Stage<S extends ReportFlowState["stage"]> = Extract<ReportFlowState, { stage: S }>;

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
  // Another campaign's report (or the question which campaign, when several are open) first.
  if (await campaignReportCommand(ctx, person, args)) return;
  const tokens = args.split(/\s+/).filter(Boolean);
  if (tokens.length === 0) return startGuided(ctx, person);
  if (tokens.length === 1 && !milestoneWords[stripDiacritics(tokens[0]!.toLowerCase())]) {
    return chooseMilestone(ctx, person, { code: tokens[0]! });
  }
  return oneLine(ctx, person, args);
});

// A reminder's button: starts a new report for its unit and milestone at the date question. The button
// grants nothing by itself: the presser is authorised for the unit as if they had typed /baocao CODE.
reportingFeature.callbackQuery(/^rs:/, async (ctx) => {
  const pressed = parseReportStart(ctx.callbackQuery.data);
  if (!pressed) return stale(ctx);
  if (ctx.chat?.type !== "private") return alert(ctx, ctx.t("report-private-only"));
  const person = ctx.person;
  if (!person) return alert(ctx, ctx.t("report-no-units"));
  const access = await unitAccess(ctx, person, { id: pressed.unitId });
  if (!access.ok) return access.reason === "unknown" ? stale(ctx) : alert(ctx, access.message);
  await ctx.answerCallbackQuery();
  await askDate(ctx, { flowId: flowIdFor(ctx.update), step: 0 }, access, pressed.milestone, null, { titled: true });
});

/**
 * The person's flow, its draft's results read as a saved report's are: a draft begun before an upgrade
 * added a figure holds no such field, and the figure is then unknown (null), like an older report's.
 */
async function loadReportFlow(ctx: BotContext, chatId: number, userId: number) {
  const flow = await loadFlow<ReportFlowState>(ctx.deps.prisma, chatId, userId);
  const draft = flow && "draft" in flow.state ? flow.state.draft : null;
  if (draft?.results) draft.results = resultsFromPayload({ results: draft.results });
  return flow;
}

reportingFeature.callbackQuery(/^rp:/, async (ctx) => {
  const person = ctx.person;
  const pressed = parseCallback(ctx.callbackQuery.data);
  const chatId = ctx.chat?.id;
  if (!pressed || !person || chatId === undefined || ctx.chat?.type !== "private") return stale(ctx);
  const flow = await loadReportFlow(ctx, chatId, ctx.from.id);
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
  const flow = await loadReportFlow(ctx, ctx.chat.id, ctx.from.id);
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
      return chooseMilestone(ctx, person, { code: text.split(/\s+/)[0]! });
    case "date":
      return onDateText(ctx, person, state, text);
    case "ask":
      return onAskText(ctx, person, state, text);
    default:
      return next();
  }
});

/** The congress's guided report from its first step (also when the congress is chosen among campaigns). */
export async function startCongressGuided(ctx: BotContext, person: PersonProfile): Promise<void> {
  return startGuided(ctx, person);
}

async function startGuided(ctx: BotContext, person: PersonProfile): Promise<void> {
  const own = ownUnits(person);
  const beyond = reportsBeyondOwnUnits(person);
  if (own.length === 0 && !beyond) return void (await ctx.reply(ctx.t("report-no-units")));
  if (own.length === 1 && !beyond) return chooseMilestone(ctx, person, { id: own[0]!.id });
  const buttons = own.slice(0, maxUnitButtons);
  const state: ReportFlowState = {
    stage: "unit",
    flowId: flowIdFor(ctx.update),
    step: 1,
    unitOptions: buttons.map((unit) => unit.id),
  };
  await persist(ctx, state);
  const text =
    own.length > maxUnitButtons || beyond
      ? ctx.t("report-type-unit", { example: own[0]?.code ?? "GT-01" })
      : ctx.t("report-choose-unit");
  await ctx.reply(text, buttons.length > 0 ? { reply_markup: unitKeyboard(state, buttons, t(ctx)) } : {});
}

async function chooseMilestone(
  ctx: BotContext,
  person: PersonProfile,
  where: { id: number } | { code: string },
  previous?: FlowStep,
): Promise<void> {
  const access = await unitAccess(ctx, person, where);
  if (!access.ok) return void (await ctx.reply(access.message));
  const reports = await unitReports(ctx, access.unit);
  const state: ReportFlowState = {
    stage: "milestone",
    flowId: previous?.flowId ?? flowIdFor(ctx.update),
    step: (previous?.step ?? 0) + 1,
    unitId: access.unit.id,
  };
  await persist(ctx, state);
  await ctx.reply(ctx.t("report-choose-milestone", { unit: access.unit.name }), {
    reply_markup: milestoneKeyboard(state, new Set(reports.map((report) => report.milestone)), t(ctx)),
  });
}

/**
 * Asks the date. `draft`: the date of a draft is being edited (the card comes back after it). A report
 * started from a reminder's button names the unit and milestone first, as no earlier step did.
 */
async function askDate(
  ctx: BotContext,
  from: FlowStep,
  access: Granted,
  milestone: Milestone,
  draft: FlowDraft | null,
  options: { titled?: boolean } = {},
): Promise<void> {
  const today = todayFor(ctx);
  const state: Stage<"date"> = {
    stage: "date",
    flowId: from.flowId,
    step: from.step + 1,
    unitId: access.unit.id,
    milestone,
    month: (draft?.date ?? today).slice(0, 7),
    draft,
  };
  await persist(ctx, state);
  const question = ctx.t("report-ask-date", { milestone, example: formatLocalDate(today) });
  const text = options.titled
    ? `${ctx.t("report-start-title", { unit: access.unit.name, milestone: ctx.t("milestone-name", { milestone }) })}\n${question}`
    : question;
  await ctx.reply(text, {
    reply_markup: calendarKeyboard(state, state.month, today, t(ctx), { milestone, back: draft !== null }),
  });
}

type ButtonAction = (ctx: BotContext, person: PersonProfile) => Promise<void>;

const actionsWithValue = new Set(["u", "m", "cal", "d", "yn", "f"]);

/** What a press does in the current state, or null when the press does not belong to it. */
function buttonAction(state: ReportFlowState, action: string, value: string): ButtonAction | null {
  if (actionsWithValue.has(action) !== Boolean(value)) return null;
  switch (state.stage) {
    case "unit":
      return unitAction(state, action, value);
    case "milestone":
      return milestoneAction(state, action, value);
    case "date":
      return dateAction(state, action, value);
    case "ask":
      return askAction(state, action, value);
    case "edit":
      return editAction(state, action, value);
    case "confirm":
      if (action === "ok") return (ctx, person) => confirm(ctx, person, state);
      if (action === "edit")
        return withUnit(state.draft.unitId, (ctx, access) => openEdit(ctx, access, state, state.draft));
      return null;
    case "saved":
      return action === "fix" ? withUnit(state.unitId, (ctx, access) => correct(ctx, access, state)) : null;
  }
}

/** Runs `run` once the person is authorised again for the unit (rights may change between presses). */
function withUnit(
  unitId: number,
  run: (ctx: BotContext, access: Granted, person: PersonProfile) => Promise<void>,
): ButtonAction {
  return async (ctx, person) => {
    const access = await granted(ctx, person, unitId);
    if (access) await run(ctx, access, person);
  };
}

async function granted(ctx: BotContext, person: PersonProfile, unitId: number): Promise<Granted | null> {
  const access = await unitAccess(ctx, person, { id: unitId });
  if (access.ok) return access;
  await ctx.reply(access.message);
  return null;
}

function unitAction(state: Stage<"unit">, action: string, value: string): ButtonAction | null {
  const unitId = action === "u" ? state.unitOptions[Number(value)] : undefined;
  return unitId === undefined ? null : (ctx, person) => chooseMilestone(ctx, person, { id: unitId }, state);
}

function milestoneAction(state: Stage<"milestone">, action: string, value: string): ButtonAction | null {
  const milestone = milestones.find((candidate) => candidate === value);
  if (action !== "m" || !milestone) return null;
  return withUnit(state.unitId, (ctx, access) => askDate(ctx, state, access, milestone, null));
}

function dateAction(state: Stage<"date">, action: string, value: string): ButtonAction | null {
  if (action === "cal" && /^\d{4}-(0[1-9]|1[0-2])$/.test(value)) {
    return async (ctx) => {
      await persist(ctx, { ...state, month: value });
      const keyboard = calendarKeyboard(state, value, todayFor(ctx), t(ctx), {
        milestone: state.milestone,
        back: state.draft !== null,
      });
      await ctx.editMessageReplyMarkup({ reply_markup: keyboard });
    };
  }
  const date = action === "d" ? parseLocalDate(value) : null;
  if (date) return (ctx, person) => onDate(ctx, person, state, date);
  const draft = state.draft;
  if (action === "back" && draft) return withUnit(state.unitId, (ctx, access) => showCard(ctx, access, state, draft));
  return null;
}

function askAction(state: Stage<"ask">, action: string, value: string): ButtonAction | null {
  const question = state.question;
  const results = state.draft.results;
  if (action === "yn" && isYesNo(question) && results && (value === "1" || value === "0")) {
    return withUnit(state.draft.unitId, (ctx, access) =>
      answered(ctx, access, state, withAnswer(results, question, value === "1")),
    );
  }
  if ((action === "skip" || action === "clear") && results && unansweredButton(question, state.then) === action) {
    return withUnit(state.draft.unitId, (ctx, access) =>
      answered(ctx, access, state, unanswered(question, results, committeeKindOf(access.unit))),
    );
  }
  if (action === "back" && state.then === "card")
    return withUnit(state.draft.unitId, (ctx, access) => showCard(ctx, access, state, state.draft));
  return null;
}

function editAction(state: Stage<"edit">, action: string, value: string): ButtonAction | null {
  if (action === "back")
    return withUnit(state.draft.unitId, (ctx, access) => showCard(ctx, access, state, state.draft));
  const field = action === "f" ? state.fields.find((candidate) => candidate === value) : undefined;
  if (!field) return null;
  if (field === "date")
    return withUnit(state.draft.unitId, (ctx, access) =>
      askDate(ctx, state, access, state.draft.milestone, state.draft),
    );
  return withUnit(state.draft.unitId, (ctx, access) => ask(ctx, access, state, state.draft, field, "card"));
}

async function onDateText(ctx: BotContext, person: PersonProfile, state: Stage<"date">, text: string): Promise<void> {
  const today = todayFor(ctx);
  const parsed = parseUserDate(text, today);
  if (!parsed.ok) {
    const key = parsed.problem === "format" ? "report-date-format" : "report-date-not-real";
    return void (await ctx.reply(ctx.t(key, { value: text.slice(0, 40), example: formatLocalDate(today) })));
  }
  return onDate(ctx, person, state, parsed.date);
}

async function onDate(ctx: BotContext, person: PersonProfile, state: Stage<"date">, date: LocalDate): Promise<void> {
  const access = await granted(ctx, person, state.unitId);
  if (!access) return;
  const problems = draftProblems(
    access.unit,
    { unitId: state.unitId, milestone: state.milestone, date, results: null },
    todayFor(ctx),
  ).filter((problem) => problem.code !== "results-required");
  if (problems.length > 0)
    return void (await ctx.reply(problems.map((problem) => draftProblemText(t(ctx), problem)).join("\n")));
  if (state.draft) return showCard(ctx, access, state, { ...state.draft, date });
  const draft: FlowDraft = { unitId: state.unitId, milestone: state.milestone, date, results: null };
  if (state.milestone !== "held") return showCard(ctx, access, state, draft);
  return ask(ctx, access, state, draft, firstGuided(), "next");
}

/** Asks one question of a held report: several numbers, one number, or yes/no. */
async function ask(
  ctx: BotContext,
  access: Granted,
  from: FlowStep,
  draft: FlowDraft,
  question: Question,
  then: "next" | "card",
): Promise<void> {
  const state: Stage<"ask"> = { stage: "ask", flowId: from.flowId, step: from.step + 1, draft, question, then };
  await persist(ctx, state);
  const committee = committeeKindOf(access.unit);
  const buttons: AskButtons = { unanswered: unansweredButton(question, then), back: then === "card" };
  if (isYesNo(question)) {
    return void (await ctx.reply(ctx.t("report-question", { field: question, committee }), {
      reply_markup: yesNoKeyboard(state, t(ctx), buttons),
    }));
  }
  if (isNumberGroup(question)) {
    const fields = groupFields(question, committee);
    const text = ctx.t(`report-ask-${question}`, {
      fields: numberNames(ctx, fields, committee),
      example: exampleOf(fields, committee, await localeOf(ctx)),
    });
    return void (await ctx.reply(text, { reply_markup: questionKeyboard(state, t(ctx), buttons) }));
  }
  const [min, max] = numberBounds[question];
  const text = ctx.t("report-ask-number", {
    question: ctx.t("report-question", { field: question, committee }),
    min,
    max,
  });
  await ctx.reply(text, { reply_markup: questionKeyboard(state, t(ctx), buttons) });
}

/**
 * The button that leaves a question without an answer: every group after the committee's numbers may be
 * skipped in the guided flow; a field being edited that is not required may be made unknown again.
 */
function unansweredButton(question: Question, then: "next" | "card"): AskButtons["unanswered"] {
  if (then === "next") return isSkippable(question) ? "skip" : null;
  return !isNumberGroup(question) && isOptional(question) ? "clear" : null;
}

/** The results with the question's fields unknown. */
function unanswered(question: Question, results: ElectionResults, committee: CommitteeKind): ElectionResults {
  const fields = isNumberGroup(question) ? groupFields(question, committee) : [question];
  return fields.reduce((current, field) => withAnswer(current, field, null), results);
}

async function onAskText(ctx: BotContext, person: PersonProfile, state: Stage<"ask">, text: string): Promise<void> {
  const access = await granted(ctx, person, state.draft.unitId);
  if (!access) return;
  const question = state.question;
  if (isYesNo(question)) {
    const answer = parseYesNo(text);
    if (answer === undefined || !state.draft.results) return void (await ctx.reply(ctx.t("report-yes-no-invalid")));
    return answered(ctx, access, state, withAnswer(state.draft.results, question, answer));
  }
  const committee = committeeKindOf(access.unit);
  const { fields, required } = answerShape(question, committee);
  const example = exampleOf(fields, committee, await localeOf(ctx));
  const parsed = parseNumberList(text, fields.length, required, fields.map(isShareField));
  if (!parsed.ok)
    return void (await ctx.reply(numberListProblemText(ctx, parsed.problem, { fields, required, committee, example })));
  const results = withNumbers(state.draft.results, fields, parsed.values, parsed.note);
  // The same rules, in the same words, as the one-line form.
  const problems = checkElectionResults(results);
  if (problems.length > 0) {
    const retry = ctx.t("report-numbers-retry", { single: fields.length === 1 ? "yes" : "no", example });
    return void (await ctx.reply(
      [...problems.map((problem) => electionProblemText(t(ctx), problem)), retry].join("\n"),
    ));
  }
  return answered(ctx, access, state, results);
}

/** After an answer: the next question of the guided flow, or the card. */
async function answered(
  ctx: BotContext,
  access: Granted,
  state: Stage<"ask">,
  results: ElectionResults,
): Promise<void> {
  const draft: FlowDraft = { ...state.draft, results };
  const next = state.then === "next" ? nextGuided(state.question) : null;
  if (next) return ask(ctx, access, state, draft, next, "next");
  return showCard(ctx, access, state, draft);
}

/** ✏️ Sửa: the fields with their current values; a draft with only a date goes straight to the date. */
async function openEdit(ctx: BotContext, access: Granted, from: FlowStep, draft: FlowDraft): Promise<void> {
  const committee = committeeKindOf(access.unit);
  const fields = editableFields(draft.results, committee);
  if (fields.length === 1) return askDate(ctx, from, access, draft.milestone, draft);
  const locale = await localeOf(ctx);
  const state: Stage<"edit"> = { stage: "edit", flowId: from.flowId, step: from.step + 1, draft, fields };
  await persist(ctx, state);
  const entries = fields.map((field) => ({
    field,
    label: ctx.t("report-edit-entry", {
      field: editFieldName(ctx, field),
      value: editFieldValue(ctx, draft, field, locale),
    }),
  }));
  await ctx.reply(ctx.t("report-edit-menu"), { reply_markup: editKeyboard(state, entries, t(ctx)) });
}

/** ✏️ Sửa on a saved card: a correction starts from what is saved now. */
async function correct(ctx: BotContext, access: Granted, state: Stage<"saved">): Promise<void> {
  const current = (await unitReports(ctx, access.unit)).find((report) => report.milestone === state.milestone);
  if (!current) return askDate(ctx, state, access, state.milestone, null);
  const date = current.eventDate ?? current.reportedOn;
  const draft: FlowDraft = {
    unitId: state.unitId,
    milestone: state.milestone,
    date,
    results: resultsFromPayload(current.payload),
  };
  return openEdit(ctx, access, state, draft);
}

function editFieldName(ctx: BotContext, field: EditField): string {
  return field === "date" ? ctx.t("report-field-date") : ctx.t("report-field-name", { field });
}

function editFieldValue(ctx: BotContext, draft: FlowDraft, field: EditField, locale: Locale): string {
  return field === "date" ? formatLocalDate(draft.date) : showValue(t(ctx), draft.results?.[field], { field, locale });
}

/** Shows the confirmation card (for both the guided flow and the one-line form). */
async function showCard(ctx: BotContext, access: Granted, from: FlowStep, draft: FlowDraft): Promise<void> {
  const problems = draftProblems(access.unit, draft, todayFor(ctx));
  if (problems.length > 0) {
    return void (await ctx.reply(
      [ctx.t("report-line-problems"), ...problems.map((problem) => draftProblemText(t(ctx), problem))].join("\n"),
    ));
  }
  const state: Stage<"confirm"> = { stage: "confirm", flowId: from.flowId, step: from.step + 1, draft };
  await persist(ctx, state);
  await ctx.reply(await cardText(ctx, access, draft, await unitReports(ctx, access.unit)), {
    reply_markup: confirmKeyboard(state, t(ctx)),
  });
}

async function cardText(
  ctx: BotContext,
  access: Granted,
  draft: ReportDraft,
  reports: Awaited<ReturnType<typeof unitReports>>,
): Promise<string> {
  return renderReportCard(t(ctx), await localeOf(ctx), draft, reportCard(access, draft, reports, todayFor(ctx)));
}

async function confirm(ctx: BotContext, person: PersonProfile, state: Stage<"confirm">): Promise<void> {
  const outcome = await recordReport(ctx.deps, {
    person,
    draft: { ...state.draft },
    source: "telegram",
    // A confirmation delivered twice stores one event.
    requestKey: `telegram:${ctx.update.update_id}`,
  });
  switch (outcome.status) {
    case "unknown-unit":
      return void (await ctx.reply(ctx.t("report-unknown-unit", { code: "?" })));
    case "not-allowed":
      return void (await ctx.reply(ctx.t("report-not-allowed", { unit: outcome.unit.name })));
    case "no-campaign":
      return void (await ctx.reply(ctx.t("report-no-campaign")));
    case "invalid":
      return void (await ctx.reply(outcome.problems.map((problem) => draftProblemText(t(ctx), problem)).join("\n")));
  }
  const card = renderReportCard(t(ctx), await localeOf(ctx), state.draft, outcome.card);
  const saved: ReportFlowState = {
    stage: "saved",
    flowId: state.flowId,
    step: state.step + 1,
    unitId: state.draft.unitId,
    milestone: state.draft.milestone,
  };
  const unit = outcome.unit;
  // The answers before the flow moves on: if the process dies in between, the press is handled again
  // (src/bot/update-inbox.ts), finds the flow still at this step, stores nothing new (the request key) and
  // answers again. The other way round, the replay would find the flow moved on and say nothing. (The
  // card's new buttons wait for nothing: a press on them is this chat's next update, handled after this one.)
  await ctx
    .editMessageText(`${card}\n\n${ctx.t("report-card-saved")}`, { reply_markup: savedKeyboard(saved, t(ctx)) })
    .catch(() => undefined);
  await ctx.reply(
    [
      ctx.t("report-saved"),
      renderChecklistTitle(t(ctx), {
        name: unit.name,
        parentName: unit.parentName,
        term: unit.term ?? unit.campaign.term,
      }),
      ...outcome.checklist.map((item) => renderChecklistLine(t(ctx), item)),
    ].join("\n"),
  );
  await persist(ctx, saved);
}

async function oneLine(ctx: BotContext, person: PersonProfile, args: string): Promise<void> {
  const today = todayFor(ctx);
  const parsed = parseReportLine(args, today);
  if (!parsed.ok) {
    return void (await ctx.reply(
      [ctx.t("report-line-problems"), ...parsed.problems.map((problem) => lineProblemText(ctx, problem))].join("\n"),
    ));
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
  const draft: FlowDraft = {
    unitId: access.unit.id,
    milestone: line.milestone,
    date: line.date ?? today,
    results: line.results,
  };
  await showCard(ctx, access, { flowId: flowIdFor(ctx.update), step: 0 }, draft);
}

async function cancel(ctx: BotContext, chatId: number): Promise<void> {
  await deleteFlow(ctx.deps.prisma, chatId, ctx.from!.id);
  await ctx.editMessageReplyMarkup({ reply_markup: undefined }).catch(() => undefined);
  await ctx.reply(ctx.t("report-cancelled"));
}

async function stale(ctx: BotContext): Promise<void> {
  // A replayed press (after a restart) can no longer be answered; it changes nothing either way.
  await alert(ctx, ctx.t("report-stale-button"));
}

async function alert(ctx: BotContext, text: string): Promise<void> {
  await ctx
    .answerCallbackQuery({ text, show_alert: true })
    .catch((error) => ctx.log.debug({ err: error }, "press not answered"));
}

async function persist(ctx: BotContext, state: ReportFlowState): Promise<void> {
  const expiresAt = new Date(ctx.deps.clock.now().getTime() + flowMinutes * 60_000);
  // Once saved, the report waits for nothing (its flow stays only for the ✏️ Sửa button).
  await saveFlow(ctx.deps.prisma, ctx.chat!.id, ctx.from!.id, {
    kind: reportFlowKind,
    state,
    expiresAt,
    awaitingAnswer: state.stage !== "saved",
  });
}

function t(ctx: BotContext) {
  return (key: string, args?: Record<string, string | number | Date>) => ctx.t(key, args);
}

async function localeOf(ctx: BotContext): Promise<Locale> {
  return (await ctx.i18n.getLocale()) === "en" ? "en" : "vi";
}
