// /khokhan (/problem): a unit's officers raise a difficulty for their working group; with no text, the
// open difficulties they follow, each with a button to confirm it resolved. Buttons carry no trusted
// ids: the choice of unit is an index into a list kept server-side (chat_flows), and every press is
// authorised again against the sender's current roles.
import { randomBytes } from "node:crypto";
import { Composer, InlineKeyboard } from "grammy";
import {
  cancelPendingDifficulty,
  completePendingDifficulty,
  findActiveUnits,
  findDifficulty,
  findDifficultyByUpdate,
  findPendingDifficulty,
  openDifficultiesIn,
  difficultyRecipients,
  openDifficulty,
  resolveDifficulty,
  type NoticeRecipient,
  savePendingDifficulty,
  type DifficultyUnit,
  type StoredDifficulty,
} from "../../db/difficulty-store.js";
import type { NewOutboxMessage } from "../../db/outbox-store.js";
import type { PersonProfile } from "../../db/people-store.js";
import { findUnitByCode, type CodedUnit } from "../../db/unit-lookup.js";
import { unitCodePattern } from "../../domain/unit-code.js";
import { afterQuietHours } from "../../clock.js";
import {
  canResolveDifficulty,
  checkDifficultyText,
  difficultyUnitChoices,
  isSensitiveDifficulty,
  type DifficultyAudience,
} from "../../domain/difficulty-rules.js";
import { formatLocalDate } from "../../domain/local-date.js";
import { grantsFor, mayAct, reportRight } from "../../domain/scope.js";
import { localeFromLanguageCode, type Translate } from "../../i18n.js";
import { localDateOf, renderDifficultyItem, renderUnitName, shortenText } from "../../render/difficulty-text.js";
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
const actorOf = (ctx: BotContext) => `telegram:${ctx.from!.id}`;

difficultiesFeature.chatType(["group", "supergroup"]).command(commands, async (ctx) => {
  await ctx.reply(ctx.t("difficulty-private-only", { bot: ctx.me.username }));
});

difficultiesFeature.chatType("private").command(commands, async (ctx) => {
  const person = ctx.person;
  if (!person) {
    await ctx.reply(ctx.t("start-unknown"));
    return;
  }
  const choices = difficultyUnitChoices(person);
  const check = checkDifficultyText(ctx.match);
  if (!check.ok && check.problem === "empty") {
    // The standing committee and admins raise none, but read the open ones under them.
    if (choices.length > 0 || grantsFor(person, "complaints").length > 0) return listOpenDifficulties(ctx, person);
    await ctx.reply(ctx.t("difficulty-not-allowed"));
    return;
  }
  if (choices.length === 0) {
    await ctx.reply(ctx.t("difficulty-not-allowed"));
    return;
  }
  if (!check.ok) {
    await ctx.reply(ctx.t("difficulty-too-long", { length: check.length, max: check.max }));
    return;
  }

  const updateId = ctx.update.update_id;
  const stored = await findDifficultyByUpdate(ctx.deps.prisma, updateId);
  if (stored) {
    // A redelivery answers as the first time (the notices went out with the first).
    const { leaders } = await openedNotices(ctx, stored.unit, {
      text: stored.text,
      sensitive: stored.sensitive,
      updateId,
    });
    await ctx.reply(recordedText(ctx, stored.unit, stored.text, stored.sensitive, leaders));
    return;
  }

  // "/khokhan GT-07 nội dung": a unit's code first names the unit. Another unit's code is refused rather
  // than filed, with its code in the text, against the person's own unit.
  const named = await unitNamedFirst(ctx, person.organizationId, check.text);
  if (named && !choices.some((unit) => unit.id === named.unit.id)) {
    await ctx.reply(
      ctx.t("difficulty-unit-code-not-yours", {
        code: named.unit.code,
        unit: renderUnitName(translator(ctx), named.unit),
      }),
    );
    return;
  }
  const text = named ? named.rest : check.text;
  if (text === "") {
    await ctx.reply(ctx.t("difficulty-example"));
    return;
  }
  const sensitive = isSensitiveDifficulty(text);
  const units = await findActiveUnits(ctx.deps.prisma, named ? [named.unit.id] : choices.map((unit) => unit.id));
  if (units.length === 0) {
    await ctx.reply(ctx.t("difficulty-not-allowed"));
    return;
  }
  if (units.length === 1) {
    const [unit] = units;
    const { leaders, notices } = await openedNotices(ctx, unit!, { text, sensitive, updateId });
    await openDifficulty(ctx.deps.prisma, {
      unit: unit!,
      text,
      sensitive,
      openedById: person.id,
      openedAt: ctx.deps.clock.now(),
      telegramUpdateId: updateId,
      actor: actorOf(ctx),
      notices,
    });
    await ctx.reply(recordedText(ctx, unit!, text, sensitive, leaders));
    return;
  }

  await askForUnit(ctx, units, { text, sensitive, updateId });
});

/** The unit whose code (of the person's organisation) starts the text, and the text after it. */
async function unitNamedFirst(
  ctx: BotContext,
  organizationId: number,
  text: string,
): Promise<{ unit: CodedUnit; rest: string } | null> {
  const first = text.split(/\s/, 1)[0]!;
  // A word that is no unit's code (an abbreviation, a number) is simply the start of the text.
  if (!unitCodePattern.test(first)) return null;
  const unit = await findUnitByCode(ctx.deps.prisma, organizationId, first);
  return unit && { unit, rest: text.slice(first.length).trim() };
}

difficultiesFeature.callbackQuery(/^difficulty:unit:([A-Za-z0-9_-]{1,16}):(\d{1,3})$/, async (ctx) => {
  const [, nonce, index] = ctx.match;
  if (ctx.chat?.type !== "private") return refuse(ctx, "difficulty-button-stale");
  const key = { chatId: ctx.chat.id, userId: ctx.from.id };
  const pending = await findPendingDifficulty(ctx.deps.prisma, key, ctx.deps.clock.now());
  const unitId = pending && pending.nonce === nonce ? pending.unitIds[Number(index)] : undefined;
  if (!pending || unitId === undefined) return refuse(ctx, "difficulty-button-stale");
  const [unit] = await findActiveUnits(ctx.deps.prisma, [unitId]);
  if (!unit) return refuse(ctx, "difficulty-button-stale");
  const person = ctx.person;
  if (!person || reportRight(person, unit) === null) return refuse(ctx, "difficulty-unit-not-allowed");
  const { leaders, notices } = await openedNotices(ctx, unit, pending);
  await completePendingDifficulty(
    ctx.deps.prisma,
    { ...key, nonce: pending.nonce },
    {
      unit,
      text: pending.text,
      sensitive: pending.sensitive,
      openedById: person.id,
      openedAt: ctx.deps.clock.now(),
      telegramUpdateId: pending.updateId,
      actor: actorOf(ctx),
      notices,
    },
  );
  await ctx.answerCallbackQuery();
  await ctx.editMessageText(recordedText(ctx, unit, pending.text, pending.sensitive, leaders));
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
  const difficulty = ctx.chat?.type === "private" ? await findDifficulty(ctx.deps.prisma, Number(ctx.match[1])) : null;
  // Unknown and forbidden look the same, so a press cannot probe which difficulties exist.
  if (!person || !difficulty || !canResolveDifficulty(person, difficulty.unit))
    return refuse(ctx, "difficulty-resolve-not-allowed");
  const now = ctx.deps.clock.now();
  const notices = await resolvedNotices(ctx, difficulty, person);
  const outcome = await resolveDifficulty(ctx.deps.prisma, {
    difficulty,
    resolvedById: person.id,
    resolvedAt: now,
    actor: actorOf(ctx),
    notices,
  });
  if (outcome === "already-resolved") return refuse(ctx, "difficulty-already-resolved");
  await ctx.answerCallbackQuery({ text: ctx.t("difficulty-resolved-answer") });
  const resolvedLine = ctx.t("difficulty-resolved-line", {
    date: formatLocalDate(localDateOf(now, ctx.deps.config.timezone)),
    name: person.name,
  });
  await ctx.editMessageText(`${itemText(ctx, person, difficulty)}\n${resolvedLine}`);
});

// Anything else under our prefix was not made by this bot (or by an older version of it).
difficultiesFeature.callbackQuery(/^difficulty:/, (ctx) => refuse(ctx, "difficulty-button-stale"));

/** Several units: the text waits server-side while the person picks one with a button. */
async function askForUnit(
  ctx: BotContext,
  units: DifficultyUnit[],
  raised: { text: string; sensitive: boolean; updateId: number },
): Promise<void> {
  const key = { chatId: ctx.chat!.id, userId: ctx.from!.id };
  const now = ctx.deps.clock.now();
  const earlier = await findPendingDifficulty(ctx.deps.prisma, key, now);
  // A redelivered /khokhan asks again with the same buttons, so either prompt works, once.
  const nonce = earlier?.updateId === raised.updateId ? earlier.nonce : randomBytes(6).toString("base64url");
  await savePendingDifficulty(
    ctx.deps.prisma,
    key,
    { ...raised, unitIds: units.map((unit) => unit.id), nonce },
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

/**
 * The notices telling the unit's working-group leaders of a new difficulty, keyed by the update that raised
 * it, so a redelivered /khokhan writes them once. A complaint is not quoted.
 */
async function openedNotices(
  ctx: BotContext,
  unit: DifficultyUnit,
  raised: { text: string; sensitive: boolean; updateId: number },
): Promise<{ leaders: NoticeRecipient[]; notices: NewOutboxMessage[] }> {
  const { leaders } = await difficultyRecipients(ctx.deps.prisma, unit);
  const today = formatLocalDate(localDateOf(ctx.deps.clock.now(), ctx.deps.config.timezone));
  const others = leaders.filter((leader) => leader.telegramUserId !== BigInt(ctx.from!.id));
  const notices = others.map((leader) =>
    notice(ctx, leader, `difficulty-opened:${raised.updateId}:${leader.telegramUserId}`, (t) =>
      t(raised.sensitive ? "difficulty-notice-opened-hidden" : "difficulty-notice-opened", {
        unit: renderUnitName(t, unit),
        date: today,
        text: raised.text,
      }),
    ),
  );
  return { leaders: others, notices };
}

/** The notices telling the unit's secretaries (but the one who resolved it) that a difficulty is resolved. */
async function resolvedNotices(
  ctx: BotContext,
  difficulty: StoredDifficulty,
  resolver: PersonProfile,
): Promise<NewOutboxMessage[]> {
  const { secretaries } = await difficultyRecipients(ctx.deps.prisma, difficulty.unit);
  const { timezone } = ctx.deps.config;
  const args = {
    opened: formatLocalDate(localDateOf(difficulty.openedAt, timezone)),
    text: difficulty.text,
    name: resolver.name,
    date: formatLocalDate(localDateOf(ctx.deps.clock.now(), timezone)),
  };
  return secretaries
    .filter((secretary) => secretary.personId !== resolver.id)
    .map((secretary) =>
      notice(ctx, secretary, `difficulty-resolved:${difficulty.id}:${secretary.telegramUserId}`, (t) =>
        t(difficulty.sensitive ? "difficulty-notice-resolved-hidden" : "difficulty-notice-resolved", {
          ...args,
          unit: renderUnitName(t, difficulty.unit),
        }),
      ),
    );
}

/** A notice to someone other than the sender: in their language, sent after the quiet hours at night. */
function notice(
  ctx: BotContext,
  to: NoticeRecipient,
  dedupeKey: string,
  text: (t: Translate) => string,
): NewOutboxMessage {
  const t = ctx.deps.translate(localeFromLanguageCode(to.locale ?? undefined) ?? ctx.deps.config.defaultLocale);
  return {
    dedupeKey,
    chatId: to.telegramUserId,
    kind: "difficulty-notice",
    payload: { method: "sendMessage", params: { text: text(t) } },
    notBefore: afterQuietHours(ctx.deps.clock.now(), ctx.deps.config.timezone, ctx.deps.config.quietHours),
  };
}

function audienceFor(person: PersonProfile, difficulty: StoredDifficulty): DifficultyAudience {
  return { kind: "person", personId: person.id, readsComplaints: mayAct(person, "complaints", difficulty.unit) };
}

function itemText(ctx: BotContext, person: PersonProfile, difficulty: StoredDifficulty): string {
  return renderDifficultyItem(translator(ctx), difficulty, audienceFor(person, difficulty), ctx.deps.config.timezone);
}

/**
 * The open difficulties a person follows: those they may resolve (their units', their working group's), and
 * for the standing committee and admins every one under them, to read (a complaint's text reaches them).
 */
async function listOpenDifficulties(ctx: BotContext, person: PersonProfile): Promise<void> {
  const officer = person.roles.filter(({ role }) => role === "secretary" || role === "deputy" || role === "reporter");
  const candidates = await openDifficultiesIn(ctx.deps.prisma, {
    unitIds: officer.map(({ unit }) => unit.id),
    subtreePaths: [
      ...officer.filter(({ role }) => role === "reporter").map(({ unit }) => unit.path),
      ...person.ledGroupUnits.map((unit) => unit.path),
      ...grantsFor(person, "complaints").map(({ unit }) => unit.path),
    ],
  });
  const open = candidates.filter(
    (difficulty) => canResolveDifficulty(person, difficulty.unit) || mayAct(person, "complaints", difficulty.unit),
  );
  if (open.length === 0) {
    await ctx.reply([ctx.t("difficulty-open-none"), "", ctx.t("difficulty-example")].join("\n"));
    return;
  }
  const shown = open.slice(0, listLimit);
  const header = [ctx.t("difficulty-open-title", { count: open.length })];
  if (shown.length < open.length) header.push(ctx.t("difficulty-open-more", { shown: shown.length }));
  header.push(ctx.t("difficulty-open-hint"), "", ctx.t("difficulty-example"));
  await ctx.reply(header.join("\n"));
  for (const difficulty of shown) {
    // Resolving stays with the unit and its working group; the standing committee and admins read.
    const resolvable = canResolveDifficulty(person, difficulty.unit);
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
