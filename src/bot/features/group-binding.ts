// Group binding: a group chat gets data only once it is bound to a unit with a one-time link code.
// Admins make a code with /malienket (/linkcode) in private chat (or `npm run cli -- group link-code`);
// /lienketnhom (/linkgroup) CODE in the group binds it, /huylienket (/unlinkgroup) unbinds it. Added to a
// group that is not bound, the bot says how to link it and waits `groupWaitMinutes`; after that, the
// next message in the group (or the scheduler's sweep, src/usecases/group-leaves.ts) makes it say
// goodbye and leave.
// This composer runs before every other feature: in a group that is not bound, only commands whose group
// answer holds no data reach them (deny by default). docs/groups.md explains the choices.
import type { Api } from "grammy";
import { Composer } from "grammy";
import type { Chat, Message } from "grammy/types";
import { findPeopleByTelegramId } from "../../db/people-store.js";
import {
  endGroupWait,
  findGroupBinding,
  groupWaitMinutes,
  groupWaitUntil,
  moveGroupBinding,
  startGroupWait,
  type GroupBinding,
} from "../../db/group-binding-store.js";
import { localDateTime } from "../../domain/invite-token.js";
import { grantsFor } from "../../domain/scope.js";
import { formatLocalDate } from "../../domain/local-date.js";
import { issueGroupLinkCode, linkGroup, unlinkGroup } from "../../usecases/group-link-codes.js";
import type { Logger } from "../../logger.js";
import type { BotContext } from "../context.js";
import type { PrismaClient } from "@prisma/client";

export const groupBindingFeature = new Composer<BotContext>();

const linkCommands = ["lienketnhom", "linkgroup"];
const unlinkCommands = ["huylienket", "unlinkgroup"];
const codeCommands = ["malienket", "linkcode"];

type GroupChat = Chat.GroupChat | Chat.SupergroupChat;
const isGroup = (chat: Chat | undefined): chat is GroupChat => chat?.type === "group" || chat?.type === "supergroup";
const actorOf = (ctx: BotContext) => (ctx.from ? `telegram:${ctx.from.id}` : "telegram");

function when(ctx: BotContext, instant: Date): { time: string; date: string } {
  const local = localDateTime(instant, ctx.deps.config.timezone);
  return { time: local.time, date: formatLocalDate(local.date) };
}

// --- The bot is added to (or removed from) a group --------------------------------------------------

groupBindingFeature.on("my_chat_member", async (ctx, next) => {
  const chat = ctx.chat;
  if (!isGroup(chat)) return next();
  const { old_chat_member: before, new_chat_member: after } = ctx.myChatMember;
  const present = (member: typeof after) =>
    member.status === "member" ||
    member.status === "administrator" ||
    member.status === "creator" ||
    (member.status === "restricted" && member.is_member);
  if (!present(after)) {
    await endGroupWait(ctx.deps.prisma, chat.id);
    ctx.log.info({ chatId: chat.id, status: after.status }, "bot removed from group");
    return;
  }
  if (present(before)) return; // e.g. made an administrator: nothing to say
  const binding = await findGroupBinding(ctx.deps.prisma, chat.id);
  if (binding) {
    await ctx.api.sendMessage(
      chat.id,
      ctx.t("group-added-bound", {
        unit: binding.unit.name,
        code: binding.unit.code,
        time: ctx.deps.config.digestTime,
      }),
    );
    return;
  }
  const until = new Date(ctx.deps.clock.now().getTime() + groupWaitMinutes * 60_000);
  await startGroupWait(ctx.deps.prisma, chat.id, until);
  ctx.log.info({ chatId: chat.id }, "bot added to an unbound group; waiting for a link code");
  await ctx.api.sendMessage(chat.id, ctx.t("group-added-unbound", { minutes: groupWaitMinutes, ...when(ctx, until) }));
});

// --- Commands of this feature, wherever they are sent --------------------------------------------------

groupBindingFeature.command(linkCommands, async (ctx) => {
  const chat = ctx.chat;
  if (!isGroup(chat)) {
    // The code is not looked at, so it stays usable in the group.
    await ctx.reply(ctx.t("group-link-in-group-only"));
    return;
  }
  const outcome = await linkGroup(ctx.deps, {
    chatId: chat.id,
    title: chat.title,
    code: ctx.match.trim(),
    actor: actorOf(ctx),
  });
  ctx.log.info({ chatId: chat.id, outcome: outcome.status }, "group link");
  switch (outcome.status) {
    case "usage":
      await ctx.reply(outcome.binding ? alreadyBoundText(ctx, outcome.binding) : ctx.t("group-link-usage"));
      return;
    case "bound":
      await ctx.reply(
        ctx.t("group-linked", {
          unit: outcome.binding.unit.name,
          code: outcome.binding.unit.code,
          time: ctx.deps.config.digestTime,
        }),
      );
      return;
    case "already-bound":
      await ctx.reply(alreadyBoundText(ctx, outcome.binding));
      return;
    case "unknown":
      await ctx.reply(ctx.t("group-code-invalid"));
      return;
    case "used":
      await ctx.reply(ctx.t("group-code-used"));
      return;
    case "revoked":
      await ctx.reply(ctx.t("group-code-revoked"));
      return;
    case "expired":
      await ctx.reply(ctx.t("group-code-expired", when(ctx, outcome.expiresAt)));
  }
});

function alreadyBoundText(ctx: BotContext, binding: GroupBinding): string {
  return ctx.t("group-already-linked", { unit: binding.unit.name, code: binding.unit.code });
}

groupBindingFeature.command(unlinkCommands, async (ctx) => {
  const chat = ctx.chat;
  if (!isGroup(chat)) {
    await ctx.reply(ctx.t("group-unlink-in-group-only"));
    return;
  }
  const people = ctx.from ? await findPeopleByTelegramId(ctx.deps.prisma, ctx.from.id) : [];
  const outcome = await unlinkGroup(ctx.deps, { chatId: chat.id, people, actor: actorOf(ctx) });
  if (outcome.status === "not-linked") {
    await ctx.reply(ctx.t("group-not-linked"));
    return;
  }
  const { unit } = outcome.binding;
  if (outcome.status === "not-allowed") {
    await ctx.reply(ctx.t("group-unlink-not-admin", { unit: unit.name, code: unit.code }));
    return;
  }
  ctx.log.info({ chatId: chat.id, unitId: unit.id }, "group unlinked");
  await ctx.reply(
    ctx.t("group-unlinked", {
      unit: unit.name,
      code: unit.code,
      minutes: groupWaitMinutes,
      ...when(ctx, outcome.waitUntil),
    }),
  );
});

groupBindingFeature.command(codeCommands, async (ctx) => {
  if (ctx.chat.type !== "private" || !ctx.from) {
    await ctx.reply(ctx.t("group-code-private-only"));
    return;
  }
  const people = await findPeopleByTelegramId(ctx.deps.prisma, ctx.from.id);
  if (!people.some((person) => grantsFor(person, "link").length > 0)) {
    await ctx.reply(ctx.t("group-code-not-admin"));
    return;
  }
  const [unitCode, ...rest] = ctx.match.split(/\s+/).filter(Boolean);
  if (!unitCode || rest.length > 0) {
    await ctx.reply(ctx.t("group-code-usage"));
    return;
  }
  const outcome = await issueGroupLinkCode(ctx.deps, { requester: { kind: "people", people }, unitCode });
  switch (outcome.status) {
    case "not-allowed":
      await ctx.reply(ctx.t("group-code-not-admin"));
      return;
    case "unknown-unit":
      await ctx.reply(ctx.t("group-code-unknown-unit", { code: unitCode.slice(0, 32) }));
      return;
    case "out-of-scope":
      await ctx.reply(ctx.t("group-code-out-of-scope", { unit: outcome.unit.name, code: outcome.unit.code }));
      return;
  }
  ctx.log.info({ inviteId: outcome.id, unitId: outcome.unit.id }, "group link code created");
  await ctx.reply(
    [
      ctx.t("group-code-created", {
        unit: outcome.unit.name,
        code: outcome.unit.code,
        ...when(ctx, outcome.expiresAt),
      }),
      ctx.t("group-code-instruction", { minutes: groupWaitMinutes }),
      `/lienketnhom ${outcome.token}`,
    ].join("\n"),
  );
});

// --- Everything else in a group ------------------------------------------------------------------------

const groups = groupBindingFeature.filter((ctx): ctx is BotContext & { chat: GroupChat } => isGroup(ctx.chat));

// A group upgraded to a supergroup: the old chat says where it went, the new one where it came from.
groups.on("message:migrate_to_chat_id", async (ctx) => {
  await migrate(ctx, ctx.chat.id, ctx.message.migrate_to_chat_id, null);
});
groups.on("message:migrate_from_chat_id", async (ctx) => {
  await migrate(ctx, ctx.message.migrate_from_chat_id, ctx.chat.id, ctx.chat.title);
});

async function migrate(ctx: BotContext, fromChatId: number, toChatId: number, title: string | null): Promise<void> {
  const moved = await moveGroupBinding(ctx.deps.prisma, { fromChatId, toChatId, title, actor: actorOf(ctx) });
  ctx.log.info({ fromChatId, toChatId, moved: moved !== null }, "group migrated to a supergroup");
}

/**
 * Commands whose answer in a group is only "use a private chat" (or help), so they may answer in a group
 * that is not bound. Any other command (e.g. /tiendo, /xuat, and every future one) gets group-not-linked
 * there: unbound groups are denied by default.
 */
const dataFreeInGroups = new Set([
  ...["start", "trogiup", "help", "trangthai", "status", "baocao", "report", "khokhan", "problem", "moi", "invite"],
  ...["hoan", "postpone", "tieptuc", "resume"],
]);

// The gate: a bound group goes on to the other features; an unbound one gets nothing with data from them.
groups.use(async (ctx, next) => {
  const binding = await findGroupBinding(ctx.deps.prisma, ctx.chat.id);
  if (binding) return next();
  if (ctx.callbackQuery) {
    await ctx.answerCallbackQuery();
    return;
  }
  const message = ctx.message ?? ctx.editedMessage;
  // Service messages (the bot's own arrival, pins, members joining) neither answer nor make it leave.
  if (!message || (message.text === undefined && message.caption === undefined)) return;
  // Only a wait the bot started itself (it was added, or the group was unlinked) ends with it leaving.
  const until = await groupWaitUntil(ctx.deps.prisma, ctx.chat.id);
  if (until && until.getTime() <= ctx.deps.clock.now().getTime()) {
    await leaveGroup(
      ctx.api,
      ctx.deps.prisma,
      ctx.chat.id,
      ctx.t("group-leaving", { minutes: groupWaitMinutes }),
      ctx.log,
    );
    return;
  }
  const command = ctx.message ? ownCommand(ctx.message, ctx.me.username) : null;
  if (command === null) return;
  if (dataFreeInGroups.has(command)) return next();
  const notLinked = ctx.t("group-not-linked");
  await ctx.reply(until ? [notLinked, ctx.t("group-how-to-link", when(ctx, until))].join("\n") : notLinked);
});

/** The command (lower case, without /) a message starts with when it is for this bot: /cmd or /cmd@this_bot. */
function ownCommand(message: Message, username: string): string | null {
  const entity = message.entities?.[0];
  if (!message.text || entity?.type !== "bot_command" || entity.offset !== 0) return null;
  const [name, target] = message.text.slice(1, entity.length).split("@");
  return target === undefined || target.toLowerCase() === username.toLowerCase() ? name!.toLowerCase() : null;
}

async function leaveGroup(api: Api, prisma: PrismaClient, chatId: number, goodbye: string, log: Logger): Promise<void> {
  log.info({ chatId }, "leaving an unbound group");
  // The goodbye is a courtesy: the bot leaves even if it cannot be said (e.g. a replay after leaving).
  await api
    .sendMessage(chatId, goodbye)
    .catch((error: unknown) => log.warn({ err: error, chatId }, "could not say goodbye"));
  await api.leaveChat(chatId).catch((error: unknown) => log.warn({ err: error, chatId }, "could not leave the group"));
  await endGroupWait(prisma, chatId);
}
