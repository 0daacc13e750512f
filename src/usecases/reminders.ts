// Writes the day's reminders to the outbox, each person at most one message a day:
// - a secretary: everything due for their units in one message (src/domain/reminders.ts), with a button
//   per milestone that starts its report; sent on a day when a reminder day is newer than their last one;
// - a working-group leader: the list of the group's units to chase (src/domain/working-group-list.ts),
//   on each working day something lags.
// Only on working days (not on days off, Vietnam's public holidays or the org file's holidays), from the
// reminder time until quiet hours. Someone in the middle of a conversation with the bot (a report being
// filled in) gets theirs at the first tick after it ends, with what is due then; someone linked to
// Telegram after today's reminder time gets theirs at the next reminder window. Keys
// (`remind:<chat>:<day>`, `wg:<group>:<day>:1`) make a repeated tick, a restart or a second instance
// harmless.
import type { PrismaClient } from "@prisma/client";
import dayjs from "dayjs";
import type { Clock } from "../clock.js";
import type { Config } from "../config.js";
import { enqueue, type NewOutboxMessage } from "../db/outbox-store.js";
import {
  chatsInConversation,
  lastReminderDays,
  loadActivePolicies,
  followedByGroup,
  loadReminderData,
  type ReminderPerson,
  type ReminderUnit,
} from "../db/reminder-store.js";
import { congressPlan } from "../domain/campaign-plan.js";
import type { Milestone } from "../domain/levels.js";
import { isQuietTime, remindersMayGoOut, type ReminderPolicy } from "../domain/reminder-policy.js";
import { reminderIsDue, reminderItems } from "../domain/reminders.js";
import { buildWorkingGroupList, hasSomethingToChase } from "../domain/working-group-list.js";
import { localeFromLanguageCode, type Locale, type Translate } from "../i18n.js";
import { renderReminder } from "../render/reminder-text.js";
import { renderWorkingGroupList } from "../render/working-group-list-text.js";
import "../clock.js";

export interface ReminderJobDeps {
  prisma: PrismaClient;
  clock: Clock;
  config: Pick<Config, "timezone" | "quietHours" | "defaultLocale">;
  translate: (locale: Locale) => Translate;
  /** The policy of campaigns whose org file sets none. */
  policy: ReminderPolicy;
  /** The callback data of a button that starts the report of a unit's milestone (the bot's /baocao flow). */
  reportButton: (unitId: number, milestone: Milestone) => string;
}

/** A secretary's chat and the units they are reminded for, each with its organisation's policy. */
interface SecretaryChat {
  chatId: bigint;
  person: ReminderPerson;
  units: { unit: ReminderUnit; policy: ReminderPolicy }[];
}

export async function planReminders(deps: ReminderJobDeps): Promise<number> {
  const now = deps.clock.now();
  const zone = deps.config.timezone;
  const local = dayjs(now).tz(zone);
  const today = local.format("YYYY-MM-DD");
  const time = local.format("HH:mm");
  // The scheduler ticks every minute: in quiet hours, before the reminder time and on days off, a tick
  // stops here after at most one small query.
  if (isQuietTime(time, deps.config.quietHours)) return 0;
  const policies = await loadActivePolicies(deps.prisma);
  const policyOf = (organizationId: number) => policies.get(organizationId) ?? deps.policy;
  const open = [...policies.keys()].filter((organizationId) =>
    remindersMayGoOut(today, time, policyOf(organizationId), deps.config.quietHours),
  );
  if (open.length === 0) return 0;
  const organisations = await loadReminderData(deps.prisma, { timeZone: zone, organizationIds: open });
  // Linked to Telegram after this organisation's reminder time today: the next window is theirs.
  const windowStart = (organizationId: number) =>
    dayjs.tz(`${today} ${policyOf(organizationId).time}`, "YYYY-MM-DD HH:mm", zone).toDate();
  const newcomer = (person: ReminderPerson, organizationId: number) =>
    person.linkedAt !== null && person.linkedAt >= windowStart(organizationId);

  const secretaries = new Map<bigint, SecretaryChat>();
  for (const organisation of organisations) {
    const policy = policyOf(organisation.organizationId);
    for (const unit of organisation.units) {
      for (const person of unit.secretaries) {
        if (person.telegramUserId === null || newcomer(person, organisation.organizationId)) continue;
        const chat = secretaries.get(person.telegramUserId) ?? { chatId: person.telegramUserId, person, units: [] };
        chat.units.push({ unit, policy });
        secretaries.set(person.telegramUserId, chat);
      }
    }
  }
  const leaders = organisations.flatMap((organisation) =>
    organisation.groups
      .filter((group) => group.leader?.telegramUserId != null && !newcomer(group.leader, organisation.organizationId))
      .map((group) => ({ organisation, group, chatId: group.leader!.telegramUserId!, leader: group.leader! })),
  );
  const chats = [...new Set([...secretaries.keys(), ...leaders.map((entry) => entry.chatId)])];
  const busy = await chatsInConversation(deps.prisma, chats, now);
  const reminderKey = (chatId: bigint) => `remind:${chatId}:${today}`;
  const listKey = (groupId: number) => `wg:${groupId}:${today}:1`;
  const written = new Set(
    (
      await deps.prisma.outboxMessage.findMany({
        where: {
          dedupeKey: {
            in: [...[...secretaries.keys()].map(reminderKey), ...leaders.map((entry) => listKey(entry.group.id))],
          },
        },
        select: { dedupeKey: true },
      })
    ).map((row) => row.dedupeKey),
  );
  const waiting = [...secretaries.values()].filter(
    (chat) => !busy.has(chat.chatId) && !written.has(reminderKey(chat.chatId)),
  );
  const lastDays = await lastReminderDays(
    deps.prisma,
    waiting.map((chat) => chat.chatId),
  );
  const localeOf = (person: ReminderPerson): Locale =>
    localeFromLanguageCode(person.locale ?? undefined) ?? deps.config.defaultLocale;

  const messages: NewOutboxMessage[] = [];
  for (const chat of waiting) {
    const policyByUnit = new Map(chat.units.map(({ unit, policy }) => [unit.id, policy]));
    const items = reminderItems(
      congressPlan,
      chat.units.map(({ unit }) => unit),
      today,
      (unit) => policyByUnit.get(unit.id)!,
    );
    if (!reminderIsDue(items, lastDays.get(chat.chatId) ?? null)) continue;
    const message = renderReminder(deps.translate(localeOf(chat.person)), {
      name: chat.person.name,
      items,
      today,
      startButton: deps.reportButton,
    });
    messages.push({
      dedupeKey: reminderKey(chat.chatId),
      chatId: chat.chatId,
      kind: "reminder",
      payload: {
        method: "sendMessage",
        params: { text: message.text, reply_markup: { inline_keyboard: message.buttons } },
      },
      notBefore: now,
    });
  }
  for (const { organisation, group, chatId, leader } of leaders) {
    if (busy.has(chatId) || written.has(listKey(group.id))) continue;
    const list = buildWorkingGroupList({
      plan: congressPlan,
      today,
      groupName: group.name,
      ...followedByGroup(organisation, group.unitPaths),
    });
    if (!hasSomethingToChase(list)) continue;
    messages.push({
      dedupeKey: listKey(group.id),
      chatId,
      kind: "group-reminder",
      payload: {
        method: "sendMessage",
        params: { text: renderWorkingGroupList(deps.translate(localeOf(leader)), list) },
      },
      notBefore: now,
    });
  }
  return messages.length === 0 ? 0 : enqueue(deps.prisma, messages);
}
