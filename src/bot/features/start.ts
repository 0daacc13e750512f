// /start: greets the person by name with their assignments, or tells a stranger how to get access.
import { Composer } from "grammy";
import type { BotContext } from "../context.js";

export const startFeature = new Composer<BotContext>();

startFeature.chatType("private").command("start", async (ctx) => {
  const person = ctx.person;
  if (!person) {
    await ctx.reply([ctx.t("start-welcome", { name: ctx.from.first_name }), "", ctx.t("start-unknown")].join("\n"));
    return;
  }
  const lines = [ctx.t("start-welcome", { name: person.name })];
  if (person.roles.length > 0) {
    lines.push("", ctx.t("start-known-roles"));
    for (const role of person.roles) {
      lines.push(ctx.t("start-role-line", { role: ctx.t("role-name", { role: role.role }), unit: role.unit.name }));
    }
  } else lines.push("", ctx.t("start-unknown"));
  lines.push("", ctx.t("start-next"));
  await ctx.reply(lines.join("\n"));
});

// In a group nothing personal is shown; until a group is linked to a unit it gets no data at all.
startFeature.chatType(["group", "supergroup"]).command("start", async (ctx) => {
  await ctx.reply(ctx.t("group-not-linked"));
});
