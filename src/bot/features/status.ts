// /trangthai (/status): the checklist and open difficulties of each unit the person is an officer of,
// then, for a working-group leader, the followed units with the most lagging first. Private chat only.
import { Composer } from "grammy";
import { openPausesOf, openPausesUnder, type ReminderPauseRecord } from "../../db/reminder-pause-store.js";
import { loadGroupProgress, loadUnitCards } from "../../db/status-store.js";
import { formatLocalDate } from "../../domain/local-date.js";
import { localDateOf } from "../../render/difficulty-text.js";
import { followsAsWorkingGroup } from "../../domain/difficulty-rules.js";
import { summariseGroupProgress } from "../../domain/group-progress.js";
import type { Translate } from "../../i18n.js";
import { splitMessage } from "../../render/split-message.js";
import { renderGroupSummary, renderUnitCard } from "../../render/status-card.js";
import type { BotContext } from "../context.js";
import { todayFor } from "../today.js";

export const statusFeature = new Composer<BotContext>();

const commands = ["trangthai", "status"];

statusFeature.chatType(["group", "supergroup"]).command(commands, async (ctx) => {
  await ctx.reply(ctx.t("status-card-private-only", { bot: ctx.me.username }));
});

statusFeature.chatType("private").command(commands, async (ctx) => {
  const person = ctx.person;
  if (!person) {
    await ctx.reply(ctx.t("start-unknown"));
    return;
  }
  const ownUnitIds = [
    ...new Set(person.roles.filter(({ role }) => role === "secretary" || role === "deputy" || role === "reporter").map(({ unit }) => unit.id)),
  ];
  if (ownUnitIds.length === 0 && person.ledGroups.length === 0) {
    await ctx.reply(ctx.t("status-card-nothing"));
    return;
  }

  const t: Translate = (key, args) => ctx.t(key, args);
  const today = todayFor(ctx);
  const timeZone = ctx.deps.config.timezone;
  const blocks: string[] = [];
  const pauses = await openPausesOf(ctx.deps.prisma, ownUnitIds);
  const since = (pause: ReminderPauseRecord) => formatLocalDate(localDateOf(pause.pausedAt, timeZone));
  for (const card of await loadUnitCards(ctx.deps.prisma, ownUnitIds)) {
    const audience = { kind: "person" as const, personId: person.id, followsAsWorkingGroup: followsAsWorkingGroup(person, card.unit) };
    const pause = pauses.get(card.unit.id);
    const pauseLine = pause ? `\n${t("status-pause-line", { since: since(pause), reason: pause.reason })}` : "";
    blocks.push(renderUnitCard(t, card, { today, timeZone, audience }) + pauseLine);
  }
  if (person.ledGroups.length > 0) {
    const data = await loadGroupProgress(ctx.deps.prisma, person.organizationId, person.ledGroupUnits);
    const progress = summariseGroupProgress({
      ...data,
      openDifficulties: data.openDifficulties.map((difficulty) => ({ unitPath: difficulty.unit.path })),
      today,
    });
    blocks.push(renderGroupSummary(t, { groups: person.ledGroups.map((group) => group.name), progress, today }));
    const postponed = await openPausesUnder(ctx.deps.prisma, person.organizationId, person.ledGroupUnits.map((unit) => unit.path));
    if (postponed.length > 0) {
      const parentOf = (unit: (typeof postponed)[number]["unit"]) => ((unit.level === "cell" || unit.level === "partial") && unit.parentName) || "none";
      blocks.push(
        [
          t("status-pauses-title", { count: postponed.length }),
          ...postponed.map(({ unit, pause }) => t("status-pauses-line", { unit: unit.name, parent: parentOf(unit), since: since(pause), reason: pause.reason })),
        ].join("\n"),
      );
    }
  }
  for (const message of splitMessage(blocks.join("\n\n"))) await ctx.reply(message);
});
