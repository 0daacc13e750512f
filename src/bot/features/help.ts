// /trogiup (/help): only what this person may do, from the same list as their command menu
// (src/domain/command-menu.ts): a section per command they may use, the one-line report form and its keys
// only for those who report, and how to be recognised for someone the bot does not know yet. In a group:
// what works in a group.
import { Composer } from "grammy";
import { findPeopleByTelegramId } from "../../db/people-store.js";
import { groupCommands, privateCommands, reportsInOneLine, strangerCommands } from "../../domain/command-menu.js";
import type { Translate } from "../../i18n.js";
import { helpSections } from "../../render/command-text.js";
import type { BotContext } from "../context.js";
import { exampleLine } from "../../domain/campaign-report.js";
import { openCampaigns } from "../../usecases/campaigns.js";
import { todayFor } from "../today.js";

export const helpFeature = new Composer<BotContext>();

helpFeature.command(["trogiup", "help"], async (ctx) => {
  const t: Translate = (key, args) => ctx.t(key, args);
  if (ctx.chat.type !== "private" || !ctx.from) {
    const lines = [
      t("help-title"),
      ...helpSections(groupCommands, "group", t),
      "",
      t("help-group-private", { bot: ctx.me.username }),
    ];
    await ctx.reply(lines.join("\n"), { parse_mode: "HTML" });
    return;
  }
  // Every roster entry of the account counts (one per organisation), as for the menu.
  const people = await findPeopleByTelegramId(ctx.deps.prisma, ctx.from.id);
  const commands = privateCommands(people, { web: ctx.deps.config.web !== null });
  const lines = [t("help-title"), ...helpSections(commands, "private", t)];
  if (people.length === 0) lines.push("", t("help-access"));
  // On the roster but given nothing yet: the office gives roles.
  else if (commands.every((id) => strangerCommands.includes(id))) lines.push("", t("start-unknown"));
  if (reportsInOneLine(commands)) {
    lines.push("", t("help-report-line"));
    // Each other open campaign: its key and a line per milestone, as they are typed.
    const today = todayFor(ctx);
    for (const campaign of await openCampaigns(ctx.deps, [...new Set(people.map((person) => person.organizationId))]))
      lines.push(
        "",
        t("help-campaign", {
          // The help is HTML: an office's campaign name may hold "&" or "<".
          campaign: campaign.name.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;"),
          key: campaign.key,
          lines: campaign.template.milestones.map((milestone) => `/baocao ${exampleLine(milestone, today)}`).join("\n"),
        }),
      );
  }
  lines.push("", t("help-support"));
  await ctx.reply(lines.join("\n"), { parse_mode: "HTML" });
});
