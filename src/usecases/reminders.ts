// Writes the day's reminders to the outbox, each person at most one message a day:
// - a secretary: everything due for their units in one message (src/domain/reminders.ts), with a button
//   per milestone that starts its report; sent on a day when a reminder day is newer than their last one;
// - a working-group leader: the list of the group's units to chase (src/domain/working-group-list.ts),
//   on each working day something lags.
// Only on working days (not on days off, Vietnam's public holidays or the org file's holidays), from the
// reminder time until quiet hours. Someone in the middle of a conversation with the bot (a report being
// filled in) gets theirs at the first tick after it ends, with what is due then; someone linked to
// Telegram (or allowed notifications) after today's reminder time gets theirs at the next reminder window.
// Each goes to one channel: the browsers the person allowed notifications in (Web Push), else Telegram.
// Keys (`remind:<chat>:<day>` or `remind:push-<person>:<day>`, `wg:<group>:<day>:1`) make a repeated tick,
// a restart or a second instance harmless.
import type { PrismaClient } from "@prisma/client";
import dayjs from "dayjs";
import type { Clock } from "../clock.js";
import type { Config } from "../config.js";
import { enqueue, type NewOutboxMessage, type OutboxChannel, type OutboxPayload } from "../db/outbox-store.js";
import { pushRecipients } from "../db/web-push-store.js";
import type { LocalDate } from "../domain/local-date.js";
import {
  chatsInConversation,
  lastReminderDays,
  loadActivePolicies,
  loadReminderData,
  type ReminderPerson,
  type ReminderUnit,
} from "../db/reminder-store.js";
import { congressPlan } from "../domain/campaign-plan.js";
import type { Milestone } from "../domain/levels.js";
import { isQuietTime, remindersMayGoOut, type ReminderPolicy } from "../domain/reminder-policy.js";
import { reminderIsDue, reminderItems, type ReminderItem } from "../domain/reminders.js";
import { templatePlan } from "../domain/campaign-template.js";
import { hasSomethingToChase } from "../domain/working-group-list.js";
import { localeFromLanguageCode, type Locale, type Translate } from "../i18n.js";
import { renderReminder, renderReminderPush, type RemindedUnit } from "../render/reminder-text.js";
import { renderWorkingGroupList, renderWorkingGroupListPush } from "../render/working-group-list-text.js";
import { openCampaignStates, workingGroupList } from "./working-group-lists.js";
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
  /** The same for a milestone of a campaign of another template. */
  campaignReportButton: (campaignId: number, unitId: number, milestone: string) => string;
  /**
   * The channels this server delivers on: Telegram (a bot token), Web Push (the web app). Default: both.
   * Someone who allowed notifications in a browser is reminded there; else on Telegram, if linked.
   */
  channels?: { telegram: boolean; webPush: boolean };
}

/**
 * Where one person's messages go: a browser they allowed notifications in (their choice, made on the web
 * page, wins), else their Telegram chat. `key`: the recipient in dedupe keys; `since`: when they became
 * reachable there (a newcomer's first reminder waits for the next window).
 */
interface Recipient {
  channel: OutboxChannel;
  /** The Telegram chat, or the person's id. */
  address: bigint;
  key: string;
  since: Date | null;
  person: ReminderPerson;
}

/** A secretary and the units they are reminded for, each with its organisation's policy. */
interface SecretaryChat {
  recipient: Recipient;
  units: { unit: ReminderUnit; policy: ReminderPolicy }[];
}

export async function planReminders(deps: ReminderJobDeps): Promise<number> {
  const now = deps.clock.now();
  const zone = deps.config.timezone;
  const channels = deps.channels ?? { telegram: true, webPush: true };
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
  const everyone = organisations.flatMap((organisation) => [
    ...organisation.units.flatMap((unit) => unit.secretaries),
    ...organisation.groups.flatMap((group) => (group.leader ? [group.leader] : [])),
  ]);
  const pushSince = channels.webPush
    ? await pushRecipients(
        deps.prisma,
        everyone.map((person) => person.personId),
      )
    : new Map<number, Date>();
  const recipientOf = (person: ReminderPerson): Recipient | null => {
    const since = pushSince.get(person.personId);
    if (since)
      return { channel: "webpush", address: BigInt(person.personId), key: `push-${person.personId}`, since, person };
    if (channels.telegram && person.telegramUserId !== null)
      return {
        channel: "telegram",
        address: person.telegramUserId,
        key: String(person.telegramUserId),
        since: person.linkedAt,
        person,
      };
    return null;
  };
  // Reachable only after this organisation's reminder time today: the next window is theirs.
  const windowStart = (organizationId: number) =>
    dayjs.tz(`${today} ${policyOf(organizationId).time}`, "YYYY-MM-DD HH:mm", zone).toDate();
  const newcomer = (recipient: Recipient, organizationId: number) =>
    recipient.since !== null && recipient.since >= windowStart(organizationId);

  const secretaries = new Map<string, SecretaryChat>();
  for (const organisation of organisations) {
    const policy = policyOf(organisation.organizationId);
    for (const unit of organisation.units) {
      for (const person of unit.secretaries) {
        const recipient = recipientOf(person);
        if (!recipient || newcomer(recipient, organisation.organizationId)) continue;
        const chat = secretaries.get(recipient.key) ?? { recipient, units: [] };
        chat.units.push({ unit, policy });
        secretaries.set(recipient.key, chat);
      }
    }
  }
  const leaders = organisations.flatMap((organisation) =>
    organisation.groups.flatMap((group) => {
      const recipient = group.leader ? recipientOf(group.leader) : null;
      return recipient && !newcomer(recipient, organisation.organizationId) ? [{ organisation, group, recipient }] : [];
    }),
  );
  // Only a Telegram chat can be in the middle of a conversation with the bot.
  const telegramChats = [...secretaries.values(), ...leaders]
    .filter((entry) => entry.recipient.channel === "telegram")
    .map((entry) => entry.recipient.address);
  const busy = await chatsInConversation(deps.prisma, [...new Set(telegramChats)], now);
  const isBusy = (recipient: Recipient) => recipient.channel === "telegram" && busy.has(recipient.address);
  const reminderKey = (recipient: Recipient) => `remind:${recipient.key}:${today}`;
  const listKey = (groupId: number) => `wg:${groupId}:${today}:1`;
  const written = new Set(
    (
      await deps.prisma.outboxMessage.findMany({
        where: {
          dedupeKey: {
            in: [
              ...[...secretaries.values()].map((chat) => reminderKey(chat.recipient)),
              ...leaders.map((entry) => listKey(entry.group.id)),
            ],
          },
        },
        select: { dedupeKey: true },
      })
    ).map((row) => row.dedupeKey),
  );
  const waiting = [...secretaries.values()].filter(
    (chat) => !isBusy(chat.recipient) && !written.has(reminderKey(chat.recipient)),
  );
  // The last reminder on either channel: someone who just turned notifications on is not reminded twice.
  const lastDays = await lastReminderDays(deps.prisma, {
    telegram: waiting.flatMap((chat) =>
      chat.recipient.person.telegramUserId === null ? [] : [chat.recipient.person.telegramUserId],
    ),
    webpush: waiting.map((chat) => BigInt(chat.recipient.person.personId)),
  });
  const lastDayOf = (person: ReminderPerson) => {
    const days = [
      person.telegramUserId === null ? undefined : lastDays.telegram.get(person.telegramUserId),
      lastDays.webpush.get(BigInt(person.personId)),
    ].filter((day): day is LocalDate => day !== undefined);
    return days.sort().at(-1) ?? null;
  };
  const localeOf = (person: ReminderPerson): Locale =>
    localeFromLanguageCode(person.locale ?? undefined) ?? deps.config.defaultLocale;

  const waitingLeaders = leaders.filter(
    ({ group, recipient }) => !isBusy(recipient) && !written.has(listKey(group.id)),
  );
  // Read only when someone is waiting for today's message: most ticks of the window have nobody.
  const campaignStates =
    waiting.length === 0 && waitingLeaders.length === 0 ? [] : await openCampaignStates(deps, open, today);
  const messages: NewOutboxMessage[] = [];
  for (const { recipient, units } of waiting) {
    const policyByUnit = new Map(units.map(({ unit, policy }) => [unit.id, policy]));
    // Everything due for the person, across the congress and every other open campaign: one message.
    const items: ReminderItem<RemindedUnit>[] = [
      ...reminderItems(
        congressPlan,
        units.map(({ unit }) => unit),
        today,
        (unit) => policyByUnit.get(unit.id)!,
      ),
      ...campaignStates.flatMap(({ campaign, states }) =>
        reminderItems(
          templatePlan(campaign.template),
          units.flatMap(({ unit }) => {
            const state = states.get(unit.id);
            return state ? [{ ...state.unit, facts: state.facts }] : [];
          }),
          today,
          () => campaign.reminders ?? deps.policy,
          campaign,
        ),
      ),
    ];
    if (!reminderIsDue(items, lastDayOf(recipient.person))) continue;
    const locale = localeOf(recipient.person);
    const t = deps.translate(locale);
    const content = { name: recipient.person.name, items, today, locale };
    let payload: OutboxPayload;
    if (recipient.channel === "webpush") {
      payload = { method: "webPush", params: { ...renderReminderPush(t, content) } };
    } else {
      const message = renderReminder(t, {
        ...content,
        startButton: deps.reportButton,
        campaignButton: deps.campaignReportButton,
      });
      payload = {
        method: "sendMessage",
        params: { text: message.text, reply_markup: { inline_keyboard: message.buttons } },
      };
    }
    messages.push({
      dedupeKey: reminderKey(recipient),
      channel: recipient.channel,
      chatId: recipient.address,
      kind: "reminder",
      payload,
      notBefore: now,
    });
  }
  for (const { organisation, group, recipient } of waitingLeaders) {
    const list = workingGroupList(organisation, group, campaignStates, today);
    if (!hasSomethingToChase(list)) continue;
    const locale = localeOf(recipient.person);
    const t = deps.translate(locale);
    messages.push({
      dedupeKey: listKey(group.id),
      channel: recipient.channel,
      chatId: recipient.address,
      kind: "group-reminder",
      payload:
        recipient.channel === "webpush"
          ? { method: "webPush", params: { ...renderWorkingGroupListPush(t, list) } }
          : { method: "sendMessage", params: { text: renderWorkingGroupList(t, list, locale) } },
      notBefore: now,
    });
  }
  return messages.length === 0 ? 0 : enqueue(deps.prisma, messages);
}
