// Onboarding: who a Telegram user is. An invite deep link (/start <token>) or the user's own shared phone
// number binds them to their roster entry; admins make invite links with /moi (/invite).
import { Composer } from "grammy";
import type { User } from "grammy/types";
import { issueInvite } from "../../usecases/invites.js";
import { onboardByInvite, onboardByPhone } from "../../usecases/onboarding.js";
import { findPeopleByTelegramId, type PersonProfile } from "../../db/people-store.js";
import { inviteLink, localDateTime, parseInviteRole } from "../../domain/invite-token.js";
import { formatLocalDate } from "../../domain/local-date.js";
import { grantsFor } from "../../domain/scope.js";
import { localeFromLanguageCode, type Locale } from "../../i18n.js";
import { planPersonMenu } from "../../usecases/command-menus.js";
import type { BotContext } from "../context.js";
import { greetingText } from "../onboarding-greeting.js";

export const onboardingFeature = new Composer<BotContext>();

type PrivateContext = BotContext & { from: User };

/** /start <token> in a private chat (called by the start feature). */
export async function redeemInviteStart(ctx: PrivateContext, token: string): Promise<void> {
  const outcome = await onboardByInvite(ctx.deps, { token, identity: telegramIdentity(ctx.from) });
  ctx.log.info(
    {
      outcome: outcome.status,
      ...(outcome.status === "bound" && { personId: outcome.personId, replay: outcome.replay }),
    },
    "invite start",
  );
  switch (outcome.status) {
    case "bound":
      return greetBound(ctx, outcome.people);
    case "unknown":
      await ctx.reply(ctx.t("onboarding-invite-invalid"));
      return;
    case "expired":
      await ctx.reply(
        ctx.t("onboarding-invite-expired", {
          date: formatLocalDate(localDateTime(outcome.expiresAt, ctx.deps.config.timezone).date),
        }),
      );
      return;
    case "used":
      await ctx.reply(ctx.t("onboarding-invite-used"));
      return;
    case "revoked":
      await ctx.reply(ctx.t("onboarding-invite-revoked"));
  }
}

// A shared contact counts only when it is the sender's own (the request_contact button sends exactly that).
onboardingFeature.chatType("private").on("message:contact", async (ctx) => {
  const contact = ctx.message.contact;
  if (contact.user_id !== ctx.from.id) {
    await ctx.reply(ctx.t("onboarding-contact-not-own"));
    return;
  }
  const outcome = await onboardByPhone(ctx.deps, { phone: contact.phone_number, identity: telegramIdentity(ctx.from) });
  ctx.log.info({ outcome: outcome.status }, "phone shared");
  switch (outcome.status) {
    case "bound":
      return greetBound(ctx, outcome.people);
    case "unknown-phone":
      await ctx.reply(ctx.t("onboarding-phone-unknown"), { reply_markup: { remove_keyboard: true } });
      return;
    case "phone-taken":
      await ctx.reply(ctx.t("onboarding-phone-taken"), { reply_markup: { remove_keyboard: true } });
      return;
    case "account-taken":
      await ctx.reply(ctx.t("onboarding-account-taken"), { reply_markup: { remove_keyboard: true } });
  }
});

onboardingFeature.command(["moi", "invite"], async (ctx) => {
  if (ctx.chat.type !== "private" || !ctx.from) {
    await ctx.reply(ctx.t("invite-private-only"));
    return;
  }
  const people = await findPeopleByTelegramId(ctx.deps.prisma, ctx.from.id);
  if (!people.some((person) => grantsFor(person, "invite").length > 0)) {
    await ctx.reply(ctx.t("invite-not-admin"));
    return;
  }
  const [code, roleWord, ...rest] = ctx.match.split(/\s+/).filter(Boolean);
  if (!code || rest.length > 0) {
    await ctx.reply(ctx.t("invite-usage"));
    return;
  }
  const role = roleWord === undefined ? "secretary" : parseInviteRole(roleWord);
  if (!role) {
    await ctx.reply(ctx.t("invite-unknown-role", { role: roleWord!.slice(0, 32) }));
    return;
  }
  const outcome = await issueInvite(ctx.deps, { requester: { kind: "people", people }, unitCode: code, role });
  switch (outcome.status) {
    case "not-allowed":
      await ctx.reply(ctx.t("invite-not-admin"));
      return;
    case "unknown-unit":
      await ctx.reply(ctx.t("invite-unknown-unit", { code: code.slice(0, 32) }));
      return;
    case "out-of-scope":
      await ctx.reply(ctx.t("invite-out-of-scope", { unit: outcome.unit.name, code: outcome.unit.code }));
      return;
  }
  ctx.log.info({ inviteId: outcome.id, unitId: outcome.unit.id, role }, "invite created");
  const expiry = localDateTime(outcome.expiresAt, ctx.deps.config.timezone);
  await ctx.reply(
    ctx.t("invite-created", {
      role: ctx.t("role-name", { role }),
      unit: outcome.unit.name,
      code: outcome.unit.code,
      time: expiry.time,
      date: formatLocalDate(expiry.date),
      link: inviteLink(ctx.me.username, outcome.token),
    }),
    { link_preview_options: { is_disabled: true } },
  );
});

/**
 * After a binding: the sender is now on the roster, in their own language; the phone keyboard goes away,
 * and their command menu is planned at once (rather than at the menu job's next run).
 */
async function greetBound(ctx: PrivateContext, people: PersonProfile[]): Promise<void> {
  // Read again by the use case, once: the binding changed who the sender is since the update came in. The
  // greeting and the menu are made from this reading.
  ctx.person = people[0] ?? null;
  await ctx.i18n.renegotiateLocale();
  const greeting = await greetingText(ctx, { justBound: true, people });
  await ctx.reply(greeting ?? ctx.t("onboarding-bound-no-roles"), { reply_markup: { remove_keyboard: true } });
  await planMenuOf(ctx, people);
}

/** The menu is decoration: a failure to plan it is logged and the person is greeted all the same. */
async function planMenuOf(ctx: PrivateContext, people: readonly PersonProfile[]): Promise<void> {
  try {
    const planned = await planPersonMenu(
      {
        prisma: ctx.deps.prisma,
        defaultLocale: ctx.deps.config.defaultLocale,
        web: ctx.deps.config.web !== null,
        translateFor: (locale: Locale) => (key, args) => ctx.i18n.fluent.translate(locale, key, args),
      },
      ctx.from.id,
      ctx.deps.clock.now(),
      people,
    );
    if (planned > 0) ctx.log.info("command menu planned");
  } catch (error) {
    ctx.log.warn({ err: error }, "could not plan the command menu");
  }
}

function telegramIdentity(user: User) {
  return {
    id: user.id,
    firstName: user.first_name,
    lastName: user.last_name,
    locale: localeFromLanguageCode(user.language_code) ?? null,
  };
}
