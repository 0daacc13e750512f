// /trangthai (/status): the checklist and open difficulties of each unit the person is an officer of,
// then, for a working-group leader, the same list of units to chase that the morning list gives (one
// model, one rendering: they cannot disagree). Private chat only.
import { Composer } from "grammy";
import type { ReminderPauseRecord } from "../../db/reminder-pause-store.js";
import { mayAct } from "../../domain/scope.js";
import { formatLocalDate } from "../../domain/local-date.js";
import type { Locale, Translate } from "../../i18n.js";
import { localDateOf } from "../../render/difficulty-text.js";
import { splitMessage } from "../../render/split-message.js";
import { renderUnitCard } from "../../render/status-card.js";
import { renderWorkingGroupList } from "../../render/working-group-list-text.js";
import { personStatus } from "../../usecases/unit-status.js";
import type { BotContext } from "../context.js";

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
  const shown = await personStatus(ctx.deps, person);
  if (shown.status === "nothing") {
    await ctx.reply(ctx.t("status-card-nothing"));
    return;
  }
  const t: Translate = (key, args) => ctx.t(key, args);
  const timeZone = ctx.deps.config.timezone;
  const since = (pause: ReminderPauseRecord) => formatLocalDate(localDateOf(pause.pausedAt, timeZone));
  const blocks = shown.cards.map(({ card, pause }) => {
    const audience = {
      kind: "person" as const,
      personId: person.id,
      readsComplaints: mayAct(person, "complaints", card.unit),
    };
    const pauseLine = pause ? `\n${t("status-pause-line", { since: since(pause), reason: pause.reason })}` : "";
    return renderUnitCard(t, card, { today: shown.today, timeZone, audience }) + pauseLine;
  });
  // Each list is one message already (it keeps within Telegram's limit itself).
  const locale: Locale = (await ctx.i18n.getLocale()) === "en" ? "en" : "vi";
  const lists = shown.groups.map((list) =>
    list ? renderWorkingGroupList(t, list, locale) : t("status-card-group-none"),
  );
  for (const message of [...(blocks.length > 0 ? splitMessage(blocks.join("\n\n")) : []), ...lists])
    await ctx.reply(message);
});
