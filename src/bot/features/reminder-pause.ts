// /hoan (/postpone) CODE reason: pause reminders for a unit whose congress is officially postponed;
// /tieptuc (/resume) CODE: remind it again. Private chat only. While paused, the unit's secretaries get no
// reminders and the working group's daily list shows the unit with the reason (the reason is written
// for the working group to read). Every step is authorised against the sender's current roles: only
// working-group leaders, standing-committee members and admins may pause (reminder-pause-rules.ts); anyone
// else on the roster is told who can, with the working group to ask, and nothing changes.
import { Composer } from "grammy";
import dayjs from "dayjs";
import type { PauseUnit, ReminderPauseRecord } from "../../db/reminder-pause-store.js";
import { formatLocalDate } from "../../domain/local-date.js";
import { formatPhoneForDisplay } from "../../domain/phone.js";
import { parsePauseCommand, parseResumeCommand } from "../../domain/reminder-pause-rules.js";
import { grantsFor } from "../../domain/scope.js";
import { pauseUnitReminders, resumeUnitReminders, whoMayPause } from "../../usecases/reminder-pauses.js";
import type { BotContext } from "../context.js";
import "../../clock.js";

export const reminderPauseFeature = new Composer<BotContext>();

const pauseCommands = ["hoan", "postpone"];
const resumeCommands = ["tieptuc", "resume"];

const actorOf = (ctx: BotContext) => `telegram:${ctx.from!.id}`;

reminderPauseFeature.chatType(["group", "supergroup"]).command([...pauseCommands, ...resumeCommands], async (ctx) => {
  await ctx.reply(ctx.t("pause-private-only", { bot: ctx.me.username }));
});

reminderPauseFeature.chatType("private").command(pauseCommands, async (ctx) => {
  const person = ctx.person;
  if (!person) return void (await ctx.reply(ctx.t("start-unknown")));
  if (grantsFor(person, "pause").length === 0) return refuseNonPauser(ctx, "pause", ctx.match);
  const command = parsePauseCommand(ctx.match);
  if (!command.ok) {
    const problem =
      command.problem === "usage"
        ? ctx.t("pause-usage")
        : command.problem === "bad-code"
          ? ctx.t("pause-unknown-unit", { code: command.code.slice(0, 32) })
          : command.problem === "no-reason"
            ? ctx.t("pause-no-reason", { code: command.code })
            : ctx.t("pause-too-long", { code: command.code, length: command.length, max: command.max });
    return void (await ctx.reply([problem, ctx.t("pause-example")].join("\n")));
  }
  const outcome = await pauseUnitReminders(ctx.deps, {
    person,
    unitCode: command.code,
    reason: command.reason,
    requestKey: ctx.update.update_id,
    actor: actorOf(ctx),
  });
  if (outcome.status === "unknown-unit" || outcome.status === "not-allowed") return refuse(ctx, outcome);
  ctx.log.info({ unitId: outcome.unit.id, outcome: outcome.status }, "reminder pause");
  const args = { ...unitArgs(outcome.unit), ...pauseArgs(ctx, outcome.pause) };
  await ctx.reply(ctx.t(outcome.status === "paused" ? "pause-done" : "pause-already", args));
});

reminderPauseFeature.chatType("private").command(resumeCommands, async (ctx) => {
  const person = ctx.person;
  if (!person) return void (await ctx.reply(ctx.t("start-unknown")));
  if (grantsFor(person, "pause").length === 0) return refuseNonPauser(ctx, "resume", ctx.match);
  const command = parseResumeCommand(ctx.match);
  if (!command.ok) {
    const key = command.problem === "usage" ? "resume-usage" : "pause-unknown-unit";
    return void (await ctx.reply(
      [ctx.t(key, { code: "code" in command ? command.code.slice(0, 32) : "" }), ctx.t("resume-example")].join("\n"),
    ));
  }
  const outcome = await resumeUnitReminders(ctx.deps, {
    person,
    unitCode: command.code,
    requestKey: ctx.update.update_id,
    actor: actorOf(ctx),
  });
  if (outcome.status === "unknown-unit" || outcome.status === "not-allowed") return refuse(ctx, outcome);
  ctx.log.info({ unitId: outcome.unit.id, outcome: outcome.status }, "reminder resume");
  await ctx.reply(
    outcome.status === "resumed"
      ? ctx.t("resume-done", { ...unitArgs(outcome.unit), ...pauseArgs(ctx, outcome.pause) })
      : ctx.t("resume-not-paused", unitArgs(outcome.unit)),
  );
});

/**
 * For someone on the roster who may pause no unit at all (a secretary asking for their own unit): who may,
 * and the working group to ask about the unit named, if the first word is one's code. The reason is not read.
 */
async function refuseNonPauser(ctx: BotContext, action: "pause" | "resume", input: string): Promise<void> {
  const code = parseResumeCommand(input.trim().split(/\s+/)[0]);
  const { unit, groups: following } = await whoMayPause(ctx.deps, {
    person: ctx.person!,
    unitCode: code.ok ? code.code : null,
  });
  let ask: string;
  if (!unit) ask = ctx.t("pause-ask-anyone");
  else {
    const groups = following.map((group) =>
      ctx.t("pause-group-contact", {
        group: group.name,
        leader: group.leaderName ?? "none",
        phone: group.leaderPhone ? formatPhoneForDisplay(group.leaderPhone) : "none",
      }),
    );
    ask =
      groups.length > 0
        ? ctx.t("pause-ask-group", { ...unitArgs(unit), groups: groups.join("; ") })
        : ctx.t("pause-ask-office", unitArgs(unit));
  }
  ctx.log.info(
    { action, unitId: unit?.id },
    "reminder pause refused: not a working-group leader, standing member or admin",
  );
  await ctx.reply([ctx.t("pause-who-may", { action }), ask].join("\n"));
}

/** Why the unit named cannot be paused or resumed by this person. */
async function refuse(
  ctx: BotContext,
  refusal: { status: "unknown-unit"; code: string } | { status: "not-allowed"; unit: PauseUnit },
): Promise<void> {
  if (refusal.status === "unknown-unit") {
    await ctx.reply([ctx.t("pause-unknown-unit", { code: refusal.code }), ctx.t("pause-example")].join("\n"));
  } else await ctx.reply(ctx.t("pause-not-allowed", unitArgs(refusal.unit)));
}

function unitArgs(unit: PauseUnit): Record<string, string> {
  const parent = (unit.level === "cell" || unit.level === "partial") && unit.parentName ? unit.parentName : "none";
  return { unit: unit.name, code: unit.code, parent };
}

function pauseArgs(ctx: BotContext, pause: ReminderPauseRecord): Record<string, string> {
  const local = (at: Date) => formatLocalDate(dayjs(at).tz(ctx.deps.config.timezone).format("YYYY-MM-DD"));
  return { reason: pause.reason, since: local(pause.pausedAt), by: pause.pausedBy ?? "none" };
}
