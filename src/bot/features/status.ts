// /trangthai (/status): the checklist and open difficulties of each unit the person is an officer of,
// then, for a working-group leader, the followed units with the most lagging first. Private chat only.
import { Composer } from "grammy";
import { loadGroupProgress, loadUnitCards } from "../../db/status-store.js";
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
  for (const card of await loadUnitCards(ctx.deps.prisma, ownUnitIds)) {
    const audience = { kind: "person" as const, personId: person.id, followsAsWorkingGroup: followsAsWorkingGroup(person, card.unit) };
    blocks.push(renderUnitCard(t, card, { today, timeZone, audience }));
  }
  if (person.ledGroups.length > 0) {
    const data = await loadGroupProgress(ctx.deps.prisma, person.organizationId, person.ledGroupUnits);
    const progress = summariseGroupProgress({
      ...data,
      openDifficulties: data.openDifficulties.map((difficulty) => ({ unitPath: difficulty.unit.path })),
      today,
    });
    blocks.push(renderGroupSummary(t, { groups: person.ledGroups.map((group) => group.name), progress, today }));
  }
  for (const message of splitMessage(blocks.join("\n\n"))) await ctx.reply(message);
});
