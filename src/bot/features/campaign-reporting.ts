// /baocao for the campaigns of other templates than the congress (the annual review, a resolution's study,
// the monthly cell meeting, an office's own): which campaign, when several are open; then the guided
// flow (unit → milestone → date → each field, with buttons for yes/no and choices) or the one-line form
//   /baocao [MÃ_ĐƠN_VỊ] [MÃ_ĐỢT] NỘI_DUNG [ngày] [khóa=giá_trị …]
// Both end at the same confirmation card; nothing is written before ✅ Xác nhận, and the report is checked
// and recorded by the one use case the web calls too (src/usecases/campaigns.ts).
import { Composer, InlineKeyboard } from "grammy";
import { deleteFlow, loadFlow, saveFlow } from "../../db/chat-flow-store.js";
import type { PersonProfile } from "../../db/people-store.js";
import { findActiveCampaignId } from "../../db/unit-records.js";
import {
  splitCampaignLine,
  checkCampaignValues,
  exampleAssignment,
  exampleLine,
} from "../../domain/campaign-report.js";
import type { TemplateMilestone } from "../../domain/campaign-template.js";
import { formatLocalDate, type LocalDate } from "../../domain/local-date.js";
import { milestoneWords } from "../../domain/report-line.js";
import { addDays, parseUserDate, stripDiacritics } from "../../domain/user-date.js";
import type { Locale } from "../../i18n.js";
import {
  campaignProblemText,
  renderCampaignChecklistLine,
  renderReadyCard,
} from "../../render/campaign-report-text.js";
import {
  campaignUnitAccess,
  checkCampaignReport,
  openCampaigns,
  recordCampaignReport,
  type CampaignReportReady,
  type CampaignReportRefusal,
  type OpenCampaign,
} from "../../usecases/campaigns.js";
import type { BotContext } from "../context.js";
import { ownUnits, reportsBeyondOwnUnits } from "../reporting/report-context.js";
import {
  campaignCallback,
  campaignFlowKind,
  parseCampaignCallback,
  parseCampaignStart,
  type CampaignDraft,
  type CampaignFlowState,
} from "../reporting/campaign-flow-state.js";
import { flowMinutes, flowIdFor } from "../reporting/flow-state.js";
import { todayFor } from "../today.js";
// The congress's own guided flow, when it is the campaign chosen (reporting.ts calls this file first).
import { startCongressGuided } from "./reporting.js";

const maxButtons = 8;

export const campaignReportingFeature = new Composer<BotContext>();
const privateChat = campaignReportingFeature.chatType("private");

/**
 * Called first by /baocao: handles the command when it is about a campaign of another template (a
 * campaign's key or milestone word in the line), or asks which campaign when several are open. False:
 * the congress's own flow goes on (no other campaign is open, or the line is the congress's).
 */
export async function campaignReportCommand(ctx: BotContext, person: PersonProfile, args: string): Promise<boolean> {
  const campaigns = await openCampaigns(ctx.deps, [person.organizationId]);
  if (campaigns.length === 0) return false;
  const tokens = args.split(/\s+/).filter(Boolean);
  const congressOpen = (await findActiveCampaignId(ctx.deps.prisma, person.organizationId)) !== null;
  if (tokens.length === 0) {
    const options = [...(congressOpen ? [0] : []), ...campaigns.map((campaign) => campaign.id)];
    if (options.length === 1 && options[0] === 0) return false;
    if (options.length === 1) {
      await startCampaign(ctx, person, campaigns[0]!, null);
      return true;
    }
    const state: CampaignFlowState = { stage: "campaign", flowId: flowIdFor(ctx.update), step: 1, options };
    await persist(ctx, state);
    const keyboard = new InlineKeyboard();
    for (const [index, id] of options.entries()) {
      const name = id === 0 ? ctx.t("campaign-congress-button") : campaigns.find((c) => c.id === id)!.name;
      keyboard.text(name, campaignCallback(state, "c", String(index))).row();
    }
    keyboard.text(ctx.t("report-cancel"), campaignCallback(state, "cancel"));
    await ctx.reply(ctx.t("campaign-choose"), { reply_markup: keyboard });
    return true;
  }
  const normal = (token: string) => stripDiacritics(token.toLowerCase());
  const keys = new Set(campaigns.map((campaign) => campaign.key));
  const isWord = (word: string) => campaigns.some((campaign) => wordsOf(campaign).has(word));
  // The words before the first key=value: the first that names a campaign or a milestone decides whose
  // report it is (a unit code may come before it; a reason's words after it are not read).
  const pairAt = tokens.findIndex((token) => token.includes("="));
  const head = tokens.slice(0, pairAt < 0 ? tokens.length : pairAt).map(normal);
  const decisive = head.find((token) => keys.has(token) || isWord(token) || milestoneWords[token] !== undefined);
  const aboutCampaign = decisive !== undefined && (keys.has(decisive) || isWord(decisive));
  if (!aboutCampaign) {
    // A unit code alone: the congress's flow, unless no congress runs.
    if (congressOpen || tokens.length !== 1) return false;
    await startCampaign(ctx, person, campaigns[0]!, { code: tokens[0]! });
    return true;
  }
  await oneLine(ctx, person, args, campaigns);
  return true;
}

function wordsOf(campaign: OpenCampaign): Set<string> {
  return new Set(campaign.template.milestones.flatMap((milestone) => milestone.words));
}

async function oneLine(ctx: BotContext, person: PersonProfile, args: string, campaigns: OpenCampaign[]): Promise<void> {
  const today = todayFor(ctx);
  const keys = new Set(campaigns.map((campaign) => campaign.key));
  const split = splitCampaignLine(
    args,
    today,
    (word) => campaigns.some((campaign) => wordsOf(campaign).has(word)),
    (key) => keys.has(key),
  );
  const locale = await localeOf(ctx);
  if (!split.ok)
    return void (await replyProblems(
      ctx,
      split.problems.map((p) => campaignProblemText(tr(ctx), p, locale)),
    ));
  const line = split.line;
  const named = line.campaignKey ? campaigns.filter((campaign) => campaign.key === line.campaignKey) : campaigns;
  const candidates = named.filter((campaign) => wordsOf(campaign).has(line.word));
  if (candidates.length === 0) {
    const campaign = named[0]!;
    return void (await ctx.reply(
      ctx.t("campaign-unknown-milestone", {
        value: line.word,
        campaign: campaign.name,
        words: campaign.template.milestones.map((milestone) => milestone.words[0]).join(", "),
      }),
    ));
  }
  if (candidates.length > 1)
    return void (await ctx.reply(
      ctx.t("campaign-which", {
        word: line.word,
        keys: candidates.map((campaign) => campaign.key).join(", "),
        key: candidates[0]!.key,
      }),
    ));
  const campaign = candidates[0]!;
  let unit: { id: number } | { code: string };
  if (line.unitCode) unit = { code: line.unitCode };
  else {
    const own = ownUnitsIn(person, campaign);
    if (own.length !== 1) {
      if (own.length === 0 && !reportsBeyondOwnUnits(person)) return void (await ctx.reply(ctx.t("report-no-units")));
      const example = own[0]?.code ?? person.ledGroupUnits[0]?.code ?? "GT-01";
      return void (await ctx.reply(ctx.t("report-line-need-unit", { example })));
    }
    unit = { id: own[0]!.id };
  }
  const draft = { unit, milestone: line.word, date: line.date, raw: line.raw };
  const checked = await checkCampaignReport(ctx.deps, { person, campaign, ...draft });
  if (checked.status !== "ready") return void (await ctx.reply(await refusalText(ctx, campaign, checked)));
  await showCard(ctx, { flowId: flowIdFor(ctx.update), step: 0 }, campaign, checked, Object.fromEntries(line.raw));
}

/** The person's own units the campaign asks (its levels). */
function ownUnitsIn(person: PersonProfile, campaign: OpenCampaign) {
  const levels = new Map(person.roles.map(({ unit }) => [unit.id, unit.level]));
  return ownUnits(person).filter((unit) => campaign.levels.includes(levels.get(unit.id)!));
}

async function startCampaign(
  ctx: BotContext,
  person: PersonProfile,
  campaign: OpenCampaign,
  unit: { code: string } | null,
  from: { flowId: string; step: number } = { flowId: flowIdFor(ctx.update), step: 0 },
): Promise<void> {
  if (unit) return chooseMilestone(ctx, person, campaign, unit, from);
  const own = ownUnitsIn(person, campaign);
  const beyond = reportsBeyondOwnUnits(person);
  if (own.length === 0 && !beyond) return void (await ctx.reply(ctx.t("report-no-units")));
  if (own.length === 1 && !beyond) return chooseMilestone(ctx, person, campaign, { id: own[0]!.id }, from);
  const buttons = own.slice(0, maxButtons);
  const state: CampaignFlowState = {
    stage: "unit",
    flowId: from.flowId,
    step: from.step + 1,
    campaignId: campaign.id,
    unitOptions: buttons.map((candidate) => candidate.id),
  };
  await persist(ctx, state);
  const keyboard = new InlineKeyboard();
  for (const [index, candidate] of buttons.entries())
    keyboard.text(candidate.name, campaignCallback(state, "u", String(index))).row();
  keyboard.text(ctx.t("report-cancel"), campaignCallback(state, "cancel"));
  const text =
    own.length > maxButtons || beyond
      ? ctx.t("report-type-unit", { example: own[0]?.code ?? "GT-01" })
      : ctx.t("report-choose-unit");
  await ctx.reply(text, { reply_markup: keyboard });
}

async function chooseMilestone(
  ctx: BotContext,
  person: PersonProfile,
  campaign: OpenCampaign,
  unit: { id: number } | { code: string },
  from: { flowId: string; step: number },
): Promise<void> {
  const access = await campaignUnitAccess(ctx.deps, { person, campaign, unit });
  if (access.status !== "granted") return void (await ctx.reply(await refusalText(ctx, campaign, access)));
  const state: CampaignFlowState = {
    stage: "milestone",
    flowId: from.flowId,
    step: from.step + 1,
    campaignId: campaign.id,
    unitId: access.unit.id,
  };
  await persist(ctx, state);
  const locale = await localeOf(ctx);
  const keyboard = new InlineKeyboard();
  for (const milestone of campaign.template.milestones)
    keyboard.text(milestone.label[locale], campaignCallback(state, "m", milestone.key)).row();
  keyboard.text(ctx.t("report-cancel"), campaignCallback(state, "cancel"));
  await ctx.reply(ctx.t("campaign-choose-milestone", { unit: access.unit.name, campaign: campaign.name }), {
    reply_markup: keyboard,
  });
}

/** The next question of a draft: its date, then each field in the template's order, then the card. */
async function askNext(
  ctx: BotContext,
  person: PersonProfile,
  campaign: OpenCampaign,
  draft: CampaignDraft,
  from: { flowId: string; step: number },
  fieldIndex: number,
): Promise<void> {
  const milestone = milestoneOf(campaign, draft.milestone);
  const locale = await localeOf(ctx);
  if (fieldIndex < 0 && milestone.date !== "none" && draft.date === null) {
    const state: CampaignFlowState = { stage: "date", flowId: from.flowId, step: from.step + 1, draft };
    await persist(ctx, state);
    const today = todayFor(ctx);
    const yesterday = addDays(today, -1);
    const keyboard = new InlineKeyboard()
      .text(ctx.t("report-today-button", { date: formatLocalDate(today) }), campaignCallback(state, "d", today))
      .text(
        ctx.t("report-other-day-button", { day: "yesterday", date: formatLocalDate(yesterday) }),
        campaignCallback(state, "d", yesterday),
      )
      .row()
      .text(ctx.t("report-cancel"), campaignCallback(state, "cancel"));
    return void (await ctx.reply(
      ctx.t("campaign-ask-date", { milestone: milestone.label[locale], example: formatLocalDate(today) }),
      { reply_markup: keyboard },
    ));
  }
  const index = Math.max(fieldIndex, 0);
  const field = milestone.fields[index];
  if (!field) {
    const checked = await checkCampaignReport(ctx.deps, {
      person,
      campaign,
      unit: { id: draft.unitId },
      milestone: draft.milestone,
      date: draft.date,
      raw: new Map(Object.entries(draft.raw)),
    });
    if (checked.status === "invalid") {
      // A rule across fields is broken (present more than in all): the fields are asked again.
      await replyProblems(
        ctx,
        checked.problems.map((problem) => campaignProblemText(tr(ctx), problem, locale)),
      );
      return askNext(ctx, person, campaign, { ...draft, raw: {} }, from, 0);
    }
    if (checked.status !== "ready") return void (await ctx.reply(await refusalText(ctx, campaign, checked)));
    return showCard(ctx, from, campaign, checked, draft.raw);
  }
  const state: CampaignFlowState = { stage: "field", flowId: from.flowId, step: from.step + 1, draft, field: index };
  await persist(ctx, state);
  const keyboard = new InlineKeyboard();
  if (field.type === "yesno")
    keyboard
      .text(ctx.t("report-yes"), campaignCallback(state, "v", "co"))
      .text(ctx.t("report-no"), campaignCallback(state, "v", "khong"))
      .row();
  if (field.type === "choice")
    for (const choice of field.choices)
      keyboard.text(choice.label[locale], campaignCallback(state, "v", choice.key)).row();
  if (!field.required) keyboard.text(ctx.t("report-skip"), campaignCallback(state, "skip"));
  keyboard.text(ctx.t("report-cancel"), campaignCallback(state, "cancel"));
  await ctx.reply(
    ctx.t("campaign-ask-field", {
      question: field.question[locale],
      kind: field.type,
      example: exampleAssignment(field).split("=")[1]!,
      max: field.maxLength,
      optional: field.required ? "no" : "yes",
    }),
    { reply_markup: keyboard },
  );
}

async function showCard(
  ctx: BotContext,
  from: { flowId: string; step: number },
  campaign: OpenCampaign,
  ready: CampaignReportReady,
  raw: Record<string, string>,
): Promise<void> {
  const draft: CampaignDraft = {
    campaignId: campaign.id,
    unitId: ready.unit.id,
    milestone: ready.milestone.key,
    date: ready.date,
    raw,
  };
  const state: CampaignFlowState = { stage: "confirm", flowId: from.flowId, step: from.step + 1, draft };
  await persist(ctx, state);
  const keyboard = new InlineKeyboard()
    .text(ctx.t("report-confirm"), campaignCallback(state, "ok"))
    .text(ctx.t("report-cancel"), campaignCallback(state, "cancel"));
  await ctx.reply(cardText(ctx, await localeOf(ctx), campaign, ready), { reply_markup: keyboard });
}

function cardText(ctx: BotContext, locale: Locale, campaign: OpenCampaign, ready: CampaignReportReady): string {
  return renderReadyCard(tr(ctx), locale, campaign, ready);
}

async function confirm(
  ctx: BotContext,
  person: PersonProfile,
  campaign: OpenCampaign,
  state: Extract<CampaignFlowState, { stage: "confirm" }>,
): Promise<void> {
  const outcome = await recordCampaignReport(ctx.deps, {
    person,
    campaign,
    unit: { id: state.draft.unitId },
    milestone: state.draft.milestone,
    date: state.draft.date,
    raw: new Map(Object.entries(state.draft.raw)),
    source: "telegram",
    requestKey: `telegram:${ctx.update.update_id}`,
  });
  if (outcome.status !== "recorded") return void (await ctx.reply(await refusalText(ctx, campaign, outcome)));
  const locale = await localeOf(ctx);
  // The answers before the flow moves on, as for congress reports (src/bot/features/reporting.ts, confirm):
  // a press handled again after a crash then answers again instead of finding the flow moved on.
  await ctx
    .editMessageText(
      `${cardText(ctx, locale, campaign, { ...outcome, status: "ready" })}\n\n${ctx.t("report-card-saved")}`,
    )
    .catch(() => undefined);
  await ctx.reply(
    [
      outcome.duplicate ? ctx.t("campaign-duplicate") : ctx.t("campaign-saved", { campaign: campaign.name }),
      ...outcome.checklist.map((item) => renderCampaignChecklistLine(tr(ctx), locale, campaign.template, item)),
    ].join("\n"),
  );
  await persist(ctx, { stage: "saved", flowId: state.flowId, step: state.step + 1 });
}

async function refusalText(ctx: BotContext, campaign: OpenCampaign, refusal: CampaignReportRefusal): Promise<string> {
  const locale = await localeOf(ctx);
  switch (refusal.status) {
    case "unknown-unit":
      return ctx.t("report-unknown-unit", { code: refusal.code?.slice(0, 32) ?? "?" });
    case "not-allowed":
      return ctx.t("report-not-allowed", { unit: refusal.unit.name });
    case "not-asked":
      return ctx.t("campaign-not-asked", { campaign: campaign.name, unit: refusal.unit.name });
    case "unknown-milestone":
      return ctx.t("campaign-unknown-milestone", {
        value: refusal.word,
        campaign: campaign.name,
        words: campaign.template.milestones.map((milestone) => milestone.words[0]).join(", "),
      });
    case "invalid":
      return [
        ctx.t("report-line-problems"),
        ...refusal.problems.map((problem) => campaignProblemText(tr(ctx), problem, locale)),
      ].join("\n");
  }
}

async function replyProblems(ctx: BotContext, lines: string[]): Promise<void> {
  await ctx.reply([ctx.t("report-line-problems"), ...lines].join("\n"));
}

function milestoneOf(campaign: OpenCampaign, key: string): TemplateMilestone {
  return campaign.template.milestones.find((milestone) => milestone.key === key)!;
}

async function campaignById(ctx: BotContext, person: PersonProfile, id: number): Promise<OpenCampaign | null> {
  return (await openCampaigns(ctx.deps, [person.organizationId])).find((campaign) => campaign.id === id) ?? null;
}

// A reminder's button: a new report of the campaign's milestone for the unit, from its date question.
campaignReportingFeature.callbackQuery(/^cs:/, async (ctx) => {
  const pressed = parseCampaignStart(ctx.callbackQuery.data);
  const person = ctx.person;
  if (!pressed || !person || ctx.chat?.type !== "private") return stale(ctx);
  const campaign = await campaignById(ctx, person, pressed.campaignId);
  if (!campaign?.template.milestones.some((milestone) => milestone.key === pressed.milestone)) return stale(ctx);
  await ctx.answerCallbackQuery();
  const draft: CampaignDraft = {
    campaignId: campaign.id,
    unitId: pressed.unitId,
    milestone: pressed.milestone,
    date: null,
    raw: {},
  };
  const access = await campaignUnitAccess(ctx.deps, { person, campaign, unit: { id: pressed.unitId } });
  if (access.status !== "granted") return void (await ctx.reply(await refusalText(ctx, campaign, access)));
  await askNext(ctx, person, campaign, draft, { flowId: flowIdFor(ctx.update), step: 0 }, -1);
});

campaignReportingFeature.callbackQuery(/^cr:/, async (ctx) => {
  const person = ctx.person;
  const pressed = parseCampaignCallback(ctx.callbackQuery.data);
  const chatId = ctx.chat?.id;
  if (!pressed || !person || chatId === undefined || ctx.chat?.type !== "private") return stale(ctx);
  const flow = await loadFlow<CampaignFlowState>(ctx.deps.prisma, chatId, ctx.from.id);
  if (!flow || flow.kind !== campaignFlowKind || flow.state.flowId !== pressed.flowId) return stale(ctx);
  if (flow.expiresAt <= ctx.deps.clock.now()) {
    await deleteFlow(ctx.deps.prisma, chatId, ctx.from.id);
    await ctx.answerCallbackQuery();
    return void (await ctx.reply(ctx.t("report-expired", { minutes: flowMinutes })));
  }
  const state = flow.state;
  if (state.step !== pressed.step) return stale(ctx);
  await ctx.answerCallbackQuery();
  await ctx.editMessageReplyMarkup({ reply_markup: undefined }).catch(() => undefined);
  if (pressed.action === "cancel") {
    await deleteFlow(ctx.deps.prisma, chatId, ctx.from.id);
    return void (await ctx.reply(ctx.t("report-cancelled")));
  }
  const from = { flowId: state.flowId, step: state.step };
  if (state.stage === "campaign" && pressed.action === "c") {
    const id = state.options[Number(pressed.value)];
    if (id === undefined) return;
    if (id === 0) {
      await deleteFlow(ctx.deps.prisma, chatId, ctx.from.id);
      return startCongressGuided(ctx, person);
    }
    const campaign = await campaignById(ctx, person, id);
    return campaign ? startCampaign(ctx, person, campaign, null, from) : undefined;
  }
  if (state.stage === "saved" || state.stage === "campaign") return;
  const campaign = await campaignById(ctx, person, "draft" in state ? state.draft.campaignId : state.campaignId);
  if (!campaign) return void (await ctx.reply(ctx.t("report-stale-button")));
  switch (state.stage) {
    case "unit": {
      const unitId = pressed.action === "u" ? state.unitOptions[Number(pressed.value)] : undefined;
      return unitId === undefined ? undefined : chooseMilestone(ctx, person, campaign, { id: unitId }, from);
    }
    case "milestone": {
      if (pressed.action !== "m" || !campaign.template.milestones.some((m) => m.key === pressed.value)) return;
      const draft: CampaignDraft = {
        campaignId: campaign.id,
        unitId: state.unitId,
        milestone: pressed.value,
        date: null,
        raw: {},
      };
      return askNext(ctx, person, campaign, draft, from, -1);
    }
    case "date":
      if (pressed.action !== "d") return;
      return onDate(ctx, person, campaign, state, pressed.value);
    case "field": {
      const field = milestoneOf(campaign, state.draft.milestone).fields[state.field];
      if (!field) return;
      if (pressed.action === "skip" && !field.required)
        return askNext(ctx, person, campaign, state.draft, from, state.field + 1);
      if (pressed.action === "v") return onFieldAnswer(ctx, person, campaign, state, pressed.value);
      return;
    }
    case "confirm":
      if (pressed.action === "ok") return confirm(ctx, person, campaign, state);
  }
});

privateChat.on("message:text", async (ctx, next) => {
  const person = ctx.person;
  if (!person || ctx.message.text.startsWith("/")) return next();
  const flow = await loadFlow<CampaignFlowState>(ctx.deps.prisma, ctx.chat.id, ctx.from.id);
  if (!flow || flow.kind !== campaignFlowKind) return next();
  if (flow.expiresAt <= ctx.deps.clock.now()) {
    await deleteFlow(ctx.deps.prisma, ctx.chat.id, ctx.from.id);
    return void (await ctx.reply(ctx.t("report-expired", { minutes: flowMinutes })));
  }
  const state = flow.state;
  const text = ctx.message.text.trim().slice(0, 2000);
  if (state.stage === "unit") {
    const campaign = await campaignById(ctx, person, state.campaignId);
    if (!campaign) return next();
    return chooseMilestone(ctx, person, campaign, { code: text.split(/\s+/)[0]! }, state);
  }
  if (state.stage !== "date" && state.stage !== "field") return next();
  const campaign = await campaignById(ctx, person, state.draft.campaignId);
  if (!campaign) return next();
  if (state.stage === "date") {
    const parsed = parseUserDate(text.replace(/\b(h[oô]m|ng[aà]y)\s+(nay|qua|mai)\b/giu, "$1$2"), todayFor(ctx));
    if (!parsed.ok)
      return void (await ctx.reply(
        campaignProblemText(tr(ctx), { code: "date", value: text, problem: parsed.problem }, await localeOf(ctx)),
      ));
    return onDate(ctx, person, campaign, state, parsed.date);
  }
  return onFieldAnswer(ctx, person, campaign, state, text);
});

async function onDate(
  ctx: BotContext,
  person: PersonProfile,
  campaign: OpenCampaign,
  state: Extract<CampaignFlowState, { stage: "date" }>,
  date: LocalDate,
): Promise<void> {
  const checked = await checkCampaignReport(ctx.deps, {
    person,
    campaign,
    unit: { id: state.draft.unitId },
    milestone: state.draft.milestone,
    date,
    raw: new Map(),
  });
  const dateProblem =
    checked.status === "invalid" ? checked.problems.find((problem) => problem.code.startsWith("date")) : undefined;
  if (dateProblem) return void (await ctx.reply(campaignProblemText(tr(ctx), dateProblem, await localeOf(ctx))));
  if (checked.status !== "ready" && checked.status !== "invalid")
    return void (await ctx.reply(await refusalText(ctx, campaign, checked)));
  await askNext(ctx, person, campaign, { ...state.draft, date }, state, 0);
}

async function onFieldAnswer(
  ctx: BotContext,
  person: PersonProfile,
  campaign: OpenCampaign,
  state: Extract<CampaignFlowState, { stage: "field" }>,
  answer: string,
): Promise<void> {
  const milestone = milestoneOf(campaign, state.draft.milestone);
  const field = milestone.fields[state.field]!;
  // The answer alone against its field (its type, range, length); rules across fields are checked at the end.
  const checked = checkCampaignValues(
    { ...milestone, fields: [{ ...field, required: true }], rules: [] },
    new Map([[field.key, answer]]),
  );
  if (!checked.ok) {
    const locale = await localeOf(ctx);
    const example = exampleLine(milestone, todayFor(ctx));
    return void (await ctx.reply(
      checked.problems.map((problem) => campaignProblemText(tr(ctx), problem, locale)).join("\n") || example,
    ));
  }
  const draft = { ...state.draft, raw: { ...state.draft.raw, [field.key]: answer } };
  await askNext(ctx, person, campaign, draft, state, state.field + 1);
}

async function stale(ctx: BotContext): Promise<void> {
  await ctx
    .answerCallbackQuery({ text: ctx.t("report-stale-button"), show_alert: true })
    .catch((error) => ctx.log.debug({ err: error }, "press not answered"));
}

async function persist(ctx: BotContext, state: CampaignFlowState): Promise<void> {
  const expiresAt = new Date(ctx.deps.clock.now().getTime() + flowMinutes * 60_000);
  await saveFlow(ctx.deps.prisma, ctx.chat!.id, ctx.from!.id, {
    kind: campaignFlowKind,
    state,
    expiresAt,
    awaitingAnswer: state.stage !== "saved",
  });
}

function tr(ctx: BotContext) {
  return (key: string, args?: Record<string, string | number | Date>) => ctx.t(key, args);
}

async function localeOf(ctx: BotContext): Promise<Locale> {
  return (await ctx.i18n.getLocale()) === "en" ? "en" : "vi";
}
