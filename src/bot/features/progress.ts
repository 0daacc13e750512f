// /tiendo [CODE] (/progress): the progress of a unit's subtree, with buttons to go down a level (district
// → grassroots organisation → partial committee → cell) and back, filters, and pages. In private chat a
// person sees what their roles allow (src/domain/scope.ts); in a group bound to a unit, that
// unit's subtree. Every button press is parsed strictly and checked again against the database and the
// viewer's rights: a forged or old button changes nothing and says so. The counts are the roll-up's, the
// same the digest shows.
import { Composer, GrammyError, InlineKeyboard, InputFile } from "grammy";
import { progressFilters, type ProgressFilter } from "../../domain/progress-rollup.js";
import {
  chartCallback,
  noopCallback,
  parseChartCallback,
  parseScreenCallback,
  screenCallback,
  type ProgressPage,
  type ProgressScreen,
} from "../../domain/progress-view.js";
import { localeFromLanguageCode, type Locale, type Translate } from "../../i18n.js";
import { renderLeafScreen, renderSubtreeScreen } from "../../render/progress-text.js";
import { renderUnitLabel } from "../../render/unit-label.js";
import {
  groupViewer,
  personViewer,
  progressScreen,
  visibleUnit,
  type UpTarget,
  type Viewer,
} from "../../usecases/progress-screen.js";
import type { BotContext } from "../context.js";
import { findActiveCampaignId } from "../../db/unit-records.js";
import { renderCampaignScreen } from "../../render/campaign-screen-text.js";
import { splitMessage } from "../../render/split-message.js";
import { campaignScreen, openCampaigns } from "../../usecases/campaigns.js";
import { progressChartFor } from "../../usecases/progress-chart.js";
import { todayFor } from "../today.js";
import { unitCodePattern } from "../../domain/unit-code.js";

export const progressFeature = new Composer<BotContext>();

const commands = ["tiendo", "progress"];

async function viewerOf(ctx: BotContext): Promise<Viewer | null> {
  const chat = ctx.chat;
  // The group-binding feature lets only bound groups reach here; looked up again to know the unit.
  if (chat && (chat.type === "group" || chat.type === "supergroup")) return groupViewer(ctx.deps, chat.id);
  return ctx.person ? personViewer(ctx.person) : null;
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
  // /tiendo KEY [CODE]: another campaign than the congress (the year's review, a resolution's study…).
  const campaigns = await openCampaigns(ctx.deps, [viewer.organizationId]);
  const keyed = args[0] !== undefined && campaigns.some((campaign) => campaign.key === args[0]!.toLowerCase());
  const congressOpen = (await findActiveCampaignId(ctx.deps.prisma, viewer.organizationId)) !== null;
  if (keyed || (!congressOpen && campaigns.length > 0 && args.length === 0)) {
    const keys = keyed ? [args[0]!] : campaigns.map((campaign) => campaign.key);
    for (const key of keys) await replyCampaignScreen(ctx, viewer, key, args[1]);
    return;
  }
  if (args.length > 1 || (args[0] !== undefined && !unitCodePattern.test(args[0]))) {
    await ctx.reply(ctx.t("progress-usage"));
    return;
  }
  let screen: ProgressScreen;
  if (args[0] !== undefined) {
    const found = await visibleUnit(ctx.deps, viewer, { code: args[0] });
    if (found.status === "unknown-unit") {
      await ctx.reply(ctx.t("progress-unknown-code", { code: args[0] }));
      return;
    }
    if (found.status === "out-of-scope") {
      await ctx.reply(
        viewer.group
          ? ctx.t("progress-group-out-of-scope", { unit: viewer.group.unit.name, code: viewer.group.unit.code })
          : ctx.t("progress-out-of-scope", { unit: found.unit.name, code: found.unit.code }),
      );
      return;
    }
    screen = { kind: "unit", unitId: found.unit.id, filter: "all", page: 0 };
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
  if (campaigns.length > 0)
    await ctx.reply(
      ctx.t("campaign-screen-list", { commands: campaigns.map((campaign) => `/tiendo ${campaign.key}`).join(", ") }),
    );
});

async function replyCampaignScreen(ctx: BotContext, viewer: Viewer, key: string, unitCode: string | undefined) {
  const screen = await campaignScreen(ctx.deps, viewer, {
    campaignKey: key,
    ...(unitCode !== undefined && { unitCode }),
  });
  switch (screen.status) {
    case "unknown-campaign":
      return void (await ctx.reply(
        ctx.t("campaign-screen-unknown", { value: key, keys: screen.keys.join(", "), example: screen.keys[0] ?? "" }),
      ));
    case "unknown-unit":
      return void (await ctx.reply(ctx.t("progress-unknown-code", { code: unitCode ?? "" })));
    case "out-of-scope":
      return void (await ctx.reply(ctx.t("progress-out-of-scope", { unit: screen.unit.name, code: screen.unit.code })));
    case "shown": {
      const locale: Locale = (await ctx.i18n.getLocale()) === "en" ? "en" : "vi";
      for (const part of splitMessage(renderCampaignScreen(tr(ctx), locale, screen))) await ctx.reply(part);
    }
  }
}

function tr(ctx: BotContext): Translate {
  return (key, args) => ctx.t(key, args);
}

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
  const found = unitId !== null && viewer ? await visibleUnit(ctx.deps, viewer, { id: unitId }) : null;
  const unit = found?.status === "visible" ? found.unit : null;
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

/** The screen's text and buttons, or null when the viewer may not see it or it no longer exists. */
async function renderScreen(ctx: BotContext, viewer: Viewer, screen: ProgressScreen): Promise<Rendered | null> {
  const data = await progressScreen(ctx.deps, viewer, screen);
  if (!data) return null;
  const t: Translate = (key, args) => ctx.t(key, args);
  if (data.kind === "leaf") {
    return {
      text: renderLeafScreen(t, data.leaf),
      keyboard: upKeyboard(t, new InlineKeyboard(), screen.filter, data.up),
    };
  }
  return {
    text: renderSubtreeScreen(t, await localeOf(ctx), data.screen),
    keyboard: keyboardFor(t, screen, data.page, data.up, data.chartOf),
  };
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
