// The secretary's daily reminder: everything due for them in one message, unit by unit, each milestone
// with its deadline, and a button per milestone that starts its report (see src/domain/reminders.ts).
import type { InlineKeyboardButton } from "grammy/types";
import type { PushNotification } from "../db/outbox-store.js";
import { formatLocalDate } from "../domain/local-date.js";
import type { Milestone, UnitLevel } from "../domain/levels.js";
import type { RemindedCampaign, ReminderItem } from "../domain/reminders.js";
import { shortUnitName } from "../domain/unit-label.js";
import { daysBetween } from "../domain/user-date.js";
import type { LocalDate } from "../domain/local-date.js";
import type { Locale, Translate } from "../i18n.js";

/** A unit as a reminder names it. */
export interface RemindedUnit {
  id: number;
  code: string;
  name: string;
  level: UnitLevel;
  parentName: string | null;
}

/** Buttons on one reminder at most (Telegram shows them one per row). */
const maxButtons = 6;

export interface ReminderMessage {
  text: string;
  buttons: InlineKeyboardButton[][];
}

export function renderReminder(
  t: Translate,
  input: {
    name: string;
    items: readonly ReminderItem<RemindedUnit>[];
    today: LocalDate;
    locale: Locale;
    startButton: (unitId: number, milestone: Milestone) => string;
    /** A button that starts the report of another campaign's milestone. */
    campaignButton: (campaignId: number, unitId: number, milestone: string) => string;
  },
): ReminderMessage {
  const { lines, units } = reminderLines(t, input);
  lines.push(t("reminder-action", { units: units.length === 1 ? "one" : "other" }));
  const buttons = input.items.slice(0, maxButtons).map(({ unit, item, campaign }) => [
    {
      text: t("reminder-button", {
        milestone: milestoneName(t, input.locale, item.milestone, campaign),
        unit: units.length > 1 ? unit.name : "none",
      }),
      callback_data: campaign
        ? input.campaignButton(campaign.id, unit.id, item.milestone)
        : input.startButton(unit.id, item.milestone as Milestone),
    },
  ]);
  return { text: lines.join("\n"), buttons };
}

/**
 * The same reminder as a Web Push notification: the same lines, the action a tap (see reminderPushUrl).
 */
export function renderReminderPush(
  t: Translate,
  input: { name: string; items: readonly ReminderItem<RemindedUnit>[]; today: LocalDate; locale: Locale },
): PushNotification {
  const { lines, units } = reminderLines(t, input);
  lines.push(t("push-reminder-action", { units: units.length === 1 ? "one" : "other" }));
  return { title: t("push-reminder-title"), body: lines.join("\n"), url: reminderPushUrl(input.items) };
}

/**
 * Where a tap on the reminder opens, as close to the report asked for as it names: the form of its one
 * milestone; the choice of milestones of its one campaign (the congress's report page, or the campaign's
 * page of the unit); the unit's page when it names several campaigns of one unit; the home page (the
 * person's units) when it names several units.
 */
export function reminderPushUrl(items: readonly ReminderItem<RemindedUnit>[]): string {
  const codes = new Set(items.map((entry) => entry.unit.code));
  if (codes.size !== 1) return "/";
  const code = encodeURIComponent([...codes][0]!);
  const campaigns = new Set(items.map((entry) => entry.campaign?.key ?? null));
  if (campaigns.size !== 1) return `/don-vi/${code}`;
  const campaign = [...campaigns][0]!;
  const page = campaign === null ? `/don-vi/${code}/bao-cao` : `/don-vi/${code}/dot/${encodeURIComponent(campaign)}`;
  const milestones = new Set(items.map((entry) => entry.item.milestone));
  return milestones.size === 1 ? `${page}?moc=${encodeURIComponent([...milestones][0]!)}` : page;
}

function milestoneName(t: Translate, locale: Locale, milestone: string, campaign: RemindedCampaign | null): string {
  return campaign
    ? (campaign.template.milestones.find((candidate) => candidate.key === milestone)?.label[locale] ?? milestone)
    : t("milestone-name", { milestone });
}

/**
 * The message's lines: to whom, then unit by unit what is due. Items of several campaigns (the congress
 * and the year's review, say) are grouped under each campaign's name, the congress first.
 */
function reminderLines(
  t: Translate,
  input: { name: string; items: readonly ReminderItem<RemindedUnit>[]; today: LocalDate; locale: Locale },
): { lines: string[]; units: RemindedUnit[] } {
  const units = [...new Map(input.items.map((entry) => [entry.unit.id, entry.unit])).values()];
  const parentOf = (unit: RemindedUnit) =>
    (unit.level === "cell" || unit.level === "partial") && unit.parentName ? shortUnitName(unit.parentName) : "none";
  const lines: string[] = [];
  if (units.length === 1)
    lines.push(t("reminder-to-one", { name: input.name, unit: units[0]!.name, parent: parentOf(units[0]!) }));
  else lines.push(t("reminder-to-many", { name: input.name }));
  const campaigns = [...new Map(input.items.map((entry) => [entry.campaign?.id ?? 0, entry.campaign])).values()];
  for (const campaign of campaigns) {
    const items = input.items.filter((entry) => (entry.campaign?.id ?? 0) === (campaign?.id ?? 0));
    if (campaigns.length > 1)
      lines.push(campaign ? t("reminder-campaign", { campaign: campaign.name }) : t("reminder-congress"));
    const itemUnits = [...new Map(items.map((entry) => [entry.unit.id, entry.unit])).values()];
    for (const unit of itemUnits) {
      if (units.length > 1) lines.push(t("reminder-unit", { unit: unit.name, parent: parentOf(unit) }));
      for (const { item } of items.filter((entry) => entry.unit.id === unit.id)) {
        const days = daysBetween(input.today, item.dueDate);
        lines.push(
          t("reminder-item", {
            milestone: milestoneName(t, input.locale, item.milestone, campaign),
            date: formatLocalDate(item.dueDate),
            state: days === 0 ? "today" : days < 0 ? "overdue" : "left",
            count: Math.abs(days),
          }),
        );
      }
    }
  }
  return { lines, units };
}
