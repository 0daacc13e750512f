// /khokhan (/problem): a unit's officers raise a difficulty for their working group; with no text, the
// open difficulties they follow, each with a button to confirm it resolved. Buttons carry no trusted
// ids: the choice of unit is an index into a list kept server-side (chat_flows), and every press is
// authorised again against the sender's current roles.
import { randomBytes } from "node:crypto";
import { Composer, InlineKeyboard } from "grammy";
import {
  cancelPendingDifficulty,
  findPendingDifficulty,
  savePendingDifficulty,
  type DifficultyUnit,
  type NoticeRecipient,
  type StoredDifficulty,
} from "../../db/difficulty-store.js";
import type { PersonProfile } from "../../db/people-store.js";
import type { DifficultyAudience } from "../../domain/difficulty-rules.js";
import { formatLocalDate } from "../../domain/local-date.js";
import { mayAct } from "../../domain/scope.js";
import type { Translate } from "../../i18n.js";
import { localDateOf, renderDifficultyItem, renderUnitName, shortenText } from "../../render/difficulty-text.js";
import {
  completeDifficultyChoice,
  openDifficultiesFor,
  raiseDifficulty,
  resolveDifficulty,
  type Raised,
} from "../../usecases/difficulties.js";
import type { BotContext } from "../context.js";

export const difficultiesFeature = new Composer<BotContext>();

const commands = ["khokhan", "problem"];
/** How long the choice of unit stays open. */
const choiceMinutes = 30;
/** Open difficulties listed at once, one message each. */
const listLimit = 10;
/** How much of the text the choice of unit repeats. */
const promptTextMax = 200;

const translator =
  (ctx: BotContext): Translate =>
  (key, args) =>
    ctx.t(key, args);
const actorOf = (ctx: BotContext, person: PersonProfile) => ({
  person,
  telegramUserId: ctx.from!.id,
  actor: `telegram:${ctx.from!.id}`,
});

difficultiesFeature.chatType(["group", "supergroup"]).command(commands, async (ctx) => {
  await ctx.reply(ctx.t("difficulty-private-only", { bot: ctx.me.username }));
});

difficultiesFeature.chatType("private").command(commands, async (ctx) => {
  const person = ctx.person;
  if (!person) {
    await ctx.reply(ctx.t("start-unknown"));
    return;
  }
  const outcome = await raiseDifficulty(ctx.deps, {
    ...actorOf(ctx, person),
    text: ctx.match,
    requestKey: ctx.update.update_id,
  });
  switch (outcome.status) {
    case "empty":
      if (outcome.mayList) return listOpenDifficulties(ctx, person);
      await ctx.reply(ctx.t("difficulty-not-allowed"));
      return;
    case "not-allowed":
      await ctx.reply(ctx.t("difficulty-not-allowed"));
      return;
    case "too-long":
      await ctx.reply(ctx.t("difficulty-too-long", { length: outcome.length, max: outcome.max }));
      return;
    case "not-yours":
      await ctx.reply(
        ctx.t("difficulty-unit-code-not-yours", {
          code: outcome.unit.code,
          unit: renderUnitName(translator(ctx), outcome.unit),
        }),
      );
      return;
    case "text-missing":
      await ctx.reply(ctx.t("difficulty-example"));
      return;
    case "choose-unit":
      return askForUnit(ctx, outcome.units, outcome.raised);
    case "recorded":
      await ctx.reply(recordedText(ctx, outcome.unit, outcome.raised.text, outcome.raised.sensitive, outcome.leaders));
  }
});

difficultiesFeature.callbackQuery(/^difficulty:unit:([A-Za-z0-9_-]{1,16}):(\d{1,3})$/, async (ctx) => {
  const [, nonce, index] = ctx.match;
  if (ctx.chat?.type !== "private") return refuse(ctx, "difficulty-button-stale");
  const key = { chatId: ctx.chat.id, userId: ctx.from.id };
  const pending = await findPendingDifficulty(ctx.deps.prisma, key, ctx.deps.clock.now());
  if (!pending || pending.nonce !== nonce) return refuse(ctx, "difficulty-button-stale");
  const person = ctx.person;
  if (!person) return refuse(ctx, "difficulty-unit-not-allowed");
  const outcome = await completeDifficultyChoice(ctx.deps, {
    ...actorOf(ctx, person),
    pending,
    choiceKey: key,
    index: Number(index),
  });
  if (outcome.status === "stale") return refuse(ctx, "difficulty-button-stale");
  if (outcome.status === "not-allowed") return refuse(ctx, "difficulty-unit-not-allowed");
  await ctx.answerCallbackQuery();
  await ctx.editMessageText(
    recordedText(ctx, outcome.unit, outcome.raised.text, outcome.raised.sensitive, outcome.leaders),
  );
});

difficultiesFeature.callbackQuery(/^difficulty:cancel:([A-Za-z0-9_-]{1,16})$/, async (ctx) => {
  if (ctx.chat?.type !== "private") return refuse(ctx, "difficulty-button-stale");
  const cancelled = await cancelPendingDifficulty(ctx.deps.prisma, {
    chatId: ctx.chat.id,
    userId: ctx.from.id,
    nonce: ctx.match[1]!,
  });
  if (!cancelled) return refuse(ctx, "difficulty-button-stale");
  await ctx.answerCallbackQuery();
  await ctx.editMessageText(ctx.t("difficulty-cancelled"));
});

difficultiesFeature.callbackQuery(/^difficulty:resolve:(\d{1,9})$/, async (ctx) => {
  const person = ctx.person;
  const outcome =
    person && ctx.chat?.type === "private"
      ? await resolveDifficulty(ctx.deps, { ...actorOf(ctx, person), difficultyId: Number(ctx.match[1]) })
      : ({ status: "not-allowed" } as const);
  if (outcome.status === "not-allowed") return refuse(ctx, "difficulty-resolve-not-allowed");
  if (outcome.status === "already-resolved") return refuse(ctx, "difficulty-already-resolved");
  await ctx.answerCallbackQuery({ text: ctx.t("difficulty-resolved-answer") });
  const resolvedLine = ctx.t("difficulty-resolved-line", {
    date: formatLocalDate(localDateOf(outcome.resolvedAt, ctx.deps.config.timezone)),
    name: person!.name,
  });
  await ctx.editMessageText(`${itemText(ctx, person!, outcome.difficulty)}\n${resolvedLine}`);
});

// Anything else under our prefix was not made by this bot (or by an older version of it).
difficultiesFeature.callbackQuery(/^difficulty:/, (ctx) => refuse(ctx, "difficulty-button-stale"));

/** Several units: the text waits server-side while the person picks one with a button. */
async function askForUnit(ctx: BotContext, units: DifficultyUnit[], raised: Raised): Promise<void> {
  const key = { chatId: ctx.chat!.id, userId: ctx.from!.id };
  const now = ctx.deps.clock.now();
  const earlier = await findPendingDifficulty(ctx.deps.prisma, key, now);
  // A redelivered /khokhan asks again with the same buttons, so either prompt works, once.
  const nonce = earlier?.updateId === raised.requestKey ? earlier.nonce : randomBytes(6).toString("base64url");
  await savePendingDifficulty(
    ctx.deps.prisma,
    key,
    {
      text: raised.text,
      sensitive: raised.sensitive,
      updateId: raised.requestKey,
      unitIds: units.map((unit) => unit.id),
      nonce,
    },
    new Date(now.getTime() + choiceMinutes * 60_000),
  );
  const keyboard = new InlineKeyboard();
  for (const [index, unit] of units.entries()) {
    keyboard.text(renderUnitName(translator(ctx), unit), `difficulty:unit:${nonce}:${index}`).row();
  }
  keyboard.text(ctx.t("difficulty-button-cancel"), `difficulty:cancel:${nonce}`);
  await ctx.reply(ctx.t("difficulty-choose-unit", { text: shortenText(raised.text, promptTextMax) }), {
    reply_markup: keyboard,
  });
}

async function refuse(ctx: BotContext, key: string): Promise<void> {
  await ctx.answerCallbackQuery({ text: ctx.t(key), show_alert: true });
}

/** What the person is told once the difficulty is stored, with who was told of it. */
function recordedText(
  ctx: BotContext,
  unit: DifficultyUnit,
  text: string,
  sensitive: boolean,
  leaders: readonly NoticeRecipient[],
): string {
  const lines = [ctx.t("difficulty-recorded", { unit: renderUnitName(translator(ctx), unit), text })];
  lines.push(
    leaders.length > 0
      ? ctx.t("difficulty-recorded-notified", { names: leaders.map((leader) => leader.name).join(", ") })
      : ctx.t("difficulty-recorded-nobody"),
  );
  if (sensitive) lines.push(ctx.t("difficulty-recorded-sensitive"));
  return lines.join("\n");
}

function audienceFor(person: PersonProfile, difficulty: StoredDifficulty): DifficultyAudience {
  return { kind: "person", personId: person.id, readsComplaints: mayAct(person, "complaints", difficulty.unit) };
}

function itemText(ctx: BotContext, person: PersonProfile, difficulty: StoredDifficulty): string {
  return renderDifficultyItem(translator(ctx), difficulty, audienceFor(person, difficulty), ctx.deps.config.timezone);
}

/** The open difficulties the person follows (src/usecases/difficulties.ts), one message each. */
async function listOpenDifficulties(ctx: BotContext, person: PersonProfile): Promise<void> {
  const open = await openDifficultiesFor(ctx.deps, person);
  if (open.length === 0) {
    await ctx.reply([ctx.t("difficulty-open-none"), "", ctx.t("difficulty-example")].join("\n"));
    return;
  }
  const shown = open.slice(0, listLimit);
  const header = [ctx.t("difficulty-open-title", { count: open.length })];
  if (shown.length < open.length) header.push(ctx.t("difficulty-open-more", { shown: shown.length }));
  header.push(ctx.t("difficulty-open-hint"), "", ctx.t("difficulty-example"));
  await ctx.reply(header.join("\n"));
  for (const { difficulty, resolvable } of shown) {
    // Resolving stays with the unit and its working group; the standing committee and admins read.
    await ctx.reply(itemText(ctx, person, difficulty), {
      ...(resolvable && {
        reply_markup: new InlineKeyboard().text(
          ctx.t("difficulty-button-resolve"),
          `difficulty:resolve:${difficulty.id}`,
        ),
      }),
    });
  }
}
