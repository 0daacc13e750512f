// /trangthai (/status): the checklist and open difficulties of each unit the person is an officer of,
// then, for a working-group leader, the same list of units to chase that the morning list gives (one
// model, one rendering: they cannot disagree). Private chat only.
import { Composer } from "grammy";
import { openPausesOf, type ReminderPauseRecord } from "../../db/reminder-pause-store.js";
import { followedByGroup, loadReminderData } from "../../db/reminder-store.js";
import { loadUnitCards } from "../../db/status-store.js";
import { congressPlan } from "../../domain/campaign-plan.js";
import { mayAct } from "../../domain/scope.js";
import { formatLocalDate } from "../../domain/local-date.js";
import { buildWorkingGroupList } from "../../domain/working-group-list.js";
import type { Translate } from "../../i18n.js";
import { localDateOf } from "../../render/difficulty-text.js";
import { splitMessage } from "../../render/split-message.js";
import { renderUnitCard } from "../../render/status-card.js";
import { renderWorkingGroupList } from "../../render/working-group-list-text.js";
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
    ...new Set(
      person.roles
        .filter(({ role }) => role === "secretary" || role === "deputy" || role === "reporter")
        .map(({ unit }) => unit.id),
    ),
  ];
  if (ownUnitIds.length === 0 && person.ledGroups.length === 0) {
    await ctx.reply(ctx.t("status-card-nothing"));
    return;
  }

  const t: Translate = (key, args) => ctx.t(key, args);
  const today = todayFor(ctx);
  const timeZone = ctx.deps.config.timezone;
  const blocks: string[] = [];
  const lists: string[] = [];
  const pauses = await openPausesOf(ctx.deps.prisma, ownUnitIds);
  const since = (pause: ReminderPauseRecord) => formatLocalDate(localDateOf(pause.pausedAt, timeZone));
  for (const card of await loadUnitCards(ctx.deps.prisma, ownUnitIds, timeZone)) {
    const audience = {
      kind: "person" as const,
      personId: person.id,
      readsComplaints: mayAct(person, "complaints", card.unit),
    };
    const pause = pauses.get(card.unit.id);
    const pauseLine = pause ? `\n${t("status-pause-line", { since: since(pause), reason: pause.reason })}` : "";
    blocks.push(renderUnitCard(t, card, { today, timeZone, audience }) + pauseLine);
  }
  if (person.ledGroups.length > 0) {
    // The units the person's groups follow, read as the morning list reads them.
    const paths = person.ledGroupUnits.map((unit) => unit.path);
    const [organisation] = await loadReminderData(ctx.deps.prisma, {
      timeZone,
      organizationIds: [person.organizationId],
      paths,
    });
    for (const led of person.ledGroups) {
      const group = organisation?.groups.find((candidate) => candidate.id === led.id);
      if (!organisation || !group) {
        lists.push(t("status-card-group-none"));
        continue;
      }
      const list = buildWorkingGroupList({
        plan: congressPlan,
        today,
        groupName: group.name,
        ...followedByGroup(organisation, group.unitPaths),
      });
      // Each list is one message already (it keeps within Telegram's limit itself).
      lists.push(renderWorkingGroupList(t, list));
    }
  }
  for (const message of [...(blocks.length > 0 ? splitMessage(blocks.join("\n\n")) : []), ...lists])
    await ctx.reply(message);
});
