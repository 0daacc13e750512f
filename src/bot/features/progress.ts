// /tiendo [CODE] (/progress): the progress of a unit's subtree, with buttons to go down a level (district
// → grassroots organisation → partial committee → cell) and back, filters, and pages. In private chat a
// person sees what their roles allow (src/domain/scope.ts); in a group bound to a unit, that
// unit's subtree. Every button press is parsed strictly and checked again against the database and the
// viewer's rights: a forged or old button changes nothing and says so. The counts are the roll-up's, the
// same the digest shows.
import { Composer, GrammyError, InlineKeyboard, InputFile } from "grammy";
import { findGroupBinding } from "../../db/group-binding-store.js";
import { congressDates, findProgressUnit, type ProgressUnitRow } from "../../db/progress-units.js";
import { loadElectionStats, loadSubtreeRollup, loadUnitsRollup } from "../../db/progress-rollup.js";
import { loadUnitCards } from "../../db/status-store.js";
import { scopeRoots, withinRoots } from "../../domain/scope.js";
import { levelTotals, progressFilters, summariseEntries, type ProgressFilter } from "../../domain/progress-rollup.js";
import {
  chartCallback,
  noopCallback,
  pageOf,
  parseChartCallback,
  parseScreenCallback,
  screenCallback,
  type ProgressPage,
  type ProgressScreen,
} from "../../domain/progress-view.js";
import { congressPlan } from "../../domain/campaign-plan.js";
import { unitChecklist } from "../../domain/checklist.js";
import { localeFromLanguageCode, type Locale, type Translate } from "../../i18n.js";
import { renderLeafScreen, renderSubtreeScreen } from "../../render/progress-text.js";
import { renderUnitLabel } from "../../render/unit-label.js";
import type { BotContext } from "../context.js";
import { progressChartFor } from "../progress-chart.js";
import { todayFor } from "../today.js";
import { unitCodePattern } from "../../domain/unit-code.js";

export const progressFeature = new Composer<BotContext>();

const commands = ["tiendo", "progress"];

/** The subtrees the viewer may see: a bound group's unit, or what the person's roles give. */
interface Viewer {
  scopes: { id: number; path: string }[];
  organizationId: number;
  group: { unit: { name: string; code: string } } | null;
}

async function viewerOf(ctx: BotContext): Promise<Viewer | null> {
  const chat = ctx.chat;
  if (chat && (chat.type === "group" || chat.type === "supergroup")) {
    // The group-binding feature lets only bound groups reach here; looked up again to know the unit.
    const binding = await findGroupBinding(ctx.deps.prisma, chat.id);
    if (!binding) return null;
    return { scopes: [binding.unit], organizationId: binding.organizationId, group: { unit: binding.unit } };
  }
  const person = ctx.person;
  if (!person) return null;
  const scopes = scopeRoots(person, "view");
  return scopes.length === 0 ? null : { scopes, organizationId: person.organizationId, group: null };
}

interface Rendered {
  text: string;
  keyboard: InlineKeyboard;
}

progressFeature.command(commands, async (ctx) => {
  const viewer = await viewerOf(ctx);
  if (!viewer) {
    await ctx.reply(ctx.t("progress-not-allowed"));
    return;
  }
  const args = ctx.match.trim().split(/\s+/).filter(Boolean);
  if (args.length > 1 || (args[0] !== undefined && !unitCodePattern.test(args[0]))) {
    await ctx.reply(ctx.t("progress-usage"));
    return;
  }
  let screen: ProgressScreen;
  if (args[0] !== undefined) {
    const unit = await findProgressUnit(ctx.deps.prisma, { organizationId: viewer.organizationId, code: args[0] });
    if (!unit) {
      await ctx.reply(ctx.t("progress-unknown-code", { code: args[0] }));
      return;
    }
    if (!withinRoots(viewer.scopes, unit)) {
      await ctx.reply(
        viewer.group
          ? ctx.t("progress-group-out-of-scope", { unit: viewer.group.unit.name, code: viewer.group.unit.code })
          : ctx.t("progress-out-of-scope", { unit: unit.name, code: unit.code }),
      );
      return;
    }
    screen = { kind: "unit", unitId: unit.id, filter: "all", page: 0 };
  } else {
    screen =
      viewer.scopes.length === 1
        ? { kind: "unit", unitId: viewer.scopes[0]!.id, filter: "all", page: 0 }
        : { kind: "home", filter: "all", page: 0 };
  }
  const rendered = await renderScreen(ctx, viewer, screen);
  if (!rendered) {
    await ctx.reply(ctx.t("progress-usage"));
    return;
  }
  await ctx.reply(rendered.text, { reply_markup: rendered.keyboard });
});

progressFeature.callbackQuery(noopCallback, async (ctx) => {
  await ctx.answerCallbackQuery();
});

progressFeature.callbackQuery(/^td:[uh]:/, async (ctx) => {
  const screen = parseScreenCallback(ctx.callbackQuery.data);
  const viewer = screen ? await viewerOf(ctx) : null;
  const rendered = screen && viewer ? await renderScreen(ctx, viewer, screen) : null;
  if (!rendered) {
    ctx.log.info({ data: ctx.callbackQuery.data.slice(0, 64) }, "progress button refused");
    await refuse(ctx);
    return;
  }
  try {
    await ctx.editMessageText(rendered.text, { reply_markup: rendered.keyboard });
  } catch (error) {
    // Pressing the filter already shown changes nothing; Telegram says so with a 400.
    if (!(error instanceof GrammyError && error.description.includes("message is not modified"))) throw error;
  }
  await ctx.answerCallbackQuery();
});

// The chart of a unit's subtree, sent as a photo. The unit is checked again as for its screen: the
// button may be old (unit archived, roles changed) or forged.
progressFeature.callbackQuery(/^td:c:/, async (ctx) => {
  const unitId = parseChartCallback(ctx.callbackQuery.data);
  const viewer = unitId === null ? null : await viewerOf(ctx);
  const unit = unitId !== null && viewer ? await visibleUnit(ctx, viewer, unitId) : null;
  const chart = unit?.hasChildren
    ? await progressChartFor(
        ctx.deps.prisma,
        unit.id,
        todayFor(ctx),
        (key, args) => ctx.t(key, args),
        await localeOf(ctx),
      )
    : null;
  if (!chart) {
    ctx.log.info({ data: ctx.callbackQuery.data.slice(0, 64) }, "progress chart refused");
    await refuse(ctx);
    return;
  }
  await ctx.answerCallbackQuery();
  await ctx.replyWithPhoto(new InputFile(chart.png, "bieu-do.png"), { caption: chart.caption });
});

// Anything else of ours (an old or forged button): nothing changes, and the person is told.
progressFeature.callbackQuery(/^td:/, refuse);

async function refuse(ctx: BotContext): Promise<void> {
  await ctx.answerCallbackQuery({ text: ctx.t("progress-button-stale"), show_alert: true });
}

async function localeOf(ctx: BotContext): Promise<Locale> {
  return localeFromLanguageCode(await ctx.i18n.getLocale()) ?? ctx.deps.config.defaultLocale;
}

/** The unit, if it still exists in the viewer's organisation and lies inside what they may see. */
async function visibleUnit(ctx: BotContext, viewer: Viewer, unitId: number): Promise<ProgressUnitRow | null> {
  const unit = await findProgressUnit(ctx.deps.prisma, { id: unitId });
  return unit && unit.organizationId === viewer.organizationId && withinRoots(viewer.scopes, unit) ? unit : null;
}

/** The screen's text and buttons, or null when the viewer may not see it or it no longer exists. */
async function renderScreen(ctx: BotContext, viewer: Viewer, screen: ProgressScreen): Promise<Rendered | null> {
  const t: Translate = (key, args) => ctx.t(key, args);
  const locale = await localeOf(ctx);
  const today = todayFor(ctx);
  const prisma = ctx.deps.prisma;

  if (screen.kind === "home") {
    if (viewer.scopes.length < 2) return null;
    const { entries, rows } = await loadUnitsRollup(
      prisma,
      viewer.scopes.map((scope) => scope.id),
      { today },
    );
    const summaries = summariseEntries(entries, rows);
    const page = pageOf(summaries, screen.filter, screen.page);
    if (!page) return null;
    const campaign = await prisma.campaign.findFirst({
      where: { organizationId: viewer.organizationId, active: true },
      orderBy: { id: "asc" },
      select: { id: true, deadlines: { select: { level: true, milestone: true, dueDate: true } } },
    });
    const [dates, elections] = await Promise.all([
      congressDates(
        prisma,
        campaign?.id ?? null,
        page.items.map((item) => item.entry.unit.id),
      ),
      loadElectionStats(
        prisma,
        entries.map((entry) => entry.id),
      ),
    ]);
    const text = renderSubtreeScreen(t, locale, {
      unit: null,
      unitsFollowed: entries.length,
      today,
      filter: screen.filter,
      hasCampaign: campaign !== null,
      levels: levelTotals(rows),
      page,
      dates,
      elections,
    });
    return { text, keyboard: keyboardFor(t, screen, page, null, null) };
  }

  const unit = await visibleUnit(ctx, viewer, screen.unitId);
  if (!unit) return null;
  const up = upTarget(viewer, unit);

  const [own] = await loadUnitCards(prisma, [unit.id], ctx.deps.config.timezone);
  if (!own) return null;
  const checklist = own.campaign ? unitChecklist(congressPlan, own.unit.facts, today) : null;

  if (!unit.hasChildren) {
    if (screen.page !== 0) return null;
    const text = renderLeafScreen(t, {
      name: unit.name,
      code: unit.code,
      parentName: unit.parent?.name ?? null,
      today,
      checklist,
      openDifficulties: own.openDifficulties.length,
    });
    return { text, keyboard: upKeyboard(t, new InlineKeyboard(), screen.filter, up) };
  }

  const rollup = await loadSubtreeRollup(prisma, unit.id, { today });
  if (!rollup) return null;
  const summaries = summariseEntries(rollup.entries, rollup.rows);
  const page = pageOf(summaries, screen.filter, screen.page);
  if (!page) return null;
  const [dates, elections] = await Promise.all([
    congressDates(
      prisma,
      rollup.campaign?.id ?? null,
      page.items.map((item) => item.entry.unit.id),
    ),
    loadElectionStats(prisma, [unit.id]),
  ]);
  const text = renderSubtreeScreen(t, locale, {
    unit: { name: unit.name, code: unit.code, checklist },
    today,
    filter: screen.filter,
    hasCampaign: rollup.campaign !== null,
    levels: levelTotals(rollup.rows),
    page,
    dates,
    elections,
  });
  return { text, keyboard: keyboardFor(t, screen, page, up, unit.id) };
}

type UpTarget = { kind: "unit"; unitId: number; name: string } | { kind: "home" } | null;

/** Where "up" leads: the parent inside the viewer's scope, the list of their units, or nowhere. */
function upTarget(viewer: Viewer, unit: ProgressUnitRow): UpTarget {
  const isScopeRoot = viewer.scopes.some((scope) => scope.id === unit.id);
  if (!isScopeRoot && unit.parent) return { kind: "unit", unitId: unit.parent.id, name: unit.parent.name };
  return viewer.scopes.length > 1 ? { kind: "home" } : null;
}

/** `chartOf`: the unit whose chart the screen offers (a unit with units below it), or null. */
function keyboardFor(
  t: Translate,
  screen: ProgressScreen,
  page: ProgressPage,
  up: UpTarget,
  chartOf: number | null,
): InlineKeyboard {
  const keyboard = new InlineKeyboard();
  const at = (filter: ProgressFilter, pageNumber: number): ProgressScreen =>
    screen.kind === "unit"
      ? { kind: "unit", unitId: screen.unitId, filter, page: pageNumber }
      : { kind: "home", filter, page: pageNumber };
  for (const item of page.items) {
    keyboard
      .text(
        `${item.index}. ${renderUnitLabel(t, item.entry.unit)}`,
        screenCallback({ kind: "unit", unitId: item.entry.unit.id, filter: screen.filter, page: 0 }),
      )
      .row();
  }
  if (page.pages > 1) {
    if (screen.page > 0) keyboard.text(t("progress-button-prev"), screenCallback(at(screen.filter, screen.page - 1)));
    keyboard.text(t("progress-button-page", { page: screen.page + 1, pages: page.pages }), noopCallback);
    if (screen.page < page.pages - 1)
      keyboard.text(t("progress-button-next"), screenCallback(at(screen.filter, screen.page + 1)));
    keyboard.row();
  }
  progressFilters.forEach((filter, index) => {
    const name = t("progress-filter", { filter });
    keyboard.text(
      filter === screen.filter ? t("progress-button-filter-active", { name }) : name,
      screenCallback(at(filter, 0)),
    );
    if (index % 2 === 1) keyboard.row();
  });
  if (chartOf !== null) keyboard.text(t("progress-button-chart"), chartCallback(chartOf)).row();
  return upKeyboard(t, keyboard, screen.filter, up);
}

function upKeyboard(t: Translate, keyboard: InlineKeyboard, filter: ProgressFilter, up: UpTarget): InlineKeyboard {
  if (up?.kind === "unit")
    keyboard.text(
      t("progress-button-up", { unit: up.name }),
      screenCallback({ kind: "unit", unitId: up.unitId, filter, page: 0 }),
    );
  else if (up?.kind === "home")
    keyboard.text(t("progress-button-home"), screenCallback({ kind: "home", filter, page: 0 }));
  return keyboard;
}
