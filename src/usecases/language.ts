// The language the bot writes in: a person's own (any roster entry bound to their Telegram account), and a
// linked group's digest, which only whoever may link a group to its unit may change.
import { findGroupBinding, type GroupBinding } from "../db/group-binding-store.js";
import { setGroupLocale, setPersonLocale } from "../db/language-store.js";
import { findPeopleByTelegramId } from "../db/people-store.js";
import type { Locale } from "../i18n.js";
import type { UseCaseDeps } from "./deps.js";
import { mayLinkTo } from "./group-link-codes.js";

export async function choosePersonLanguage(
  deps: UseCaseDeps,
  input: { telegramUserId: number; locale: Locale; actor: string },
): Promise<void> {
  await setPersonLocale(deps.prisma, input);
}

export type GroupLanguageAccess =
  | { status: "not-linked" }
  | { status: "not-allowed"; binding: GroupBinding }
  | { status: "allowed"; binding: GroupBinding };

/** Whether the Telegram user may choose the linked group's language. */
export async function groupLanguageAccess(
  deps: UseCaseDeps,
  input: { chatId: number; telegramUserId: number | null },
): Promise<GroupLanguageAccess> {
  const binding = await findGroupBinding(deps.prisma, input.chatId);
  if (!binding) return { status: "not-linked" };
  const people = input.telegramUserId === null ? [] : await findPeopleByTelegramId(deps.prisma, input.telegramUserId);
  return mayLinkTo(people, binding) ? { status: "allowed", binding } : { status: "not-allowed", binding };
}

/** Sets the group's digest language when the user may; the access outcome otherwise. */
export async function chooseGroupLanguage(
  deps: UseCaseDeps,
  input: { chatId: number; telegramUserId: number; locale: Locale; actor: string },
): Promise<GroupLanguageAccess> {
  const access = await groupLanguageAccess(deps, input);
  if (access.status === "allowed") {
    await setGroupLocale(deps.prisma, { chatId: access.binding.chatId, locale: input.locale, actor: input.actor });
  }
  return access;
}
