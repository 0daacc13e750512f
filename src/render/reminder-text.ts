// The secretary's daily reminder: everything due for them in one message, unit by unit, each milestone
// with its deadline, and a button per milestone that starts its report (see src/domain/reminders.ts).
import type { InlineKeyboardButton } from "grammy/types";
import type { PushNotification } from "../db/outbox-store.js";
import { formatLocalDate } from "../domain/local-date.js";
import type { Milestone } from "../domain/levels.js";
import type { ReminderItem } from "../domain/reminders.js";
import { shortUnitName } from "../domain/unit-label.js";
import { daysBetween } from "../domain/user-date.js";
import type { LocalDate } from "../domain/local-date.js";
import type { Translate } from "../i18n.js";

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
    items: readonly ReminderItem[];
    today: LocalDate;
    startButton: (unitId: number, milestone: Milestone) => string;
  },
): ReminderMessage {
  const { lines, units } = reminderLines(t, input);
  lines.push(t("reminder-action", { units: units.length === 1 ? "one" : "other" }));
  const buttons = input.items.slice(0, maxButtons).map(({ unit, item }) => [
    {
      text: t("reminder-button", {
        milestone: t("milestone-name", { milestone: item.milestone }),
        unit: units.length > 1 ? unit.name : "none",
      }),
      callback_data: input.startButton(unit.id, item.milestone),
    },
  ]);
  return { text: lines.join("\n"), buttons };
}

/**
 * The same reminder as a Web Push notification: the same lines, the action a tap (it opens the unit's
 * report form, or the person's home page when they are reminded for several units).
 */
export function renderReminderPush(
  t: Translate,
  input: { name: string; items: readonly ReminderItem[]; today: LocalDate },
): PushNotification {
  const { lines, units } = reminderLines(t, input);
  lines.push(t("push-reminder-action", { units: units.length === 1 ? "one" : "other" }));
  return {
    title: t("push-reminder-title"),
    body: lines.join("\n"),
    url: units.length === 1 ? `/don-vi/${units[0]!.code}/bao-cao` : "/",
  };
}

function reminderLines(
  t: Translate,
  input: { name: string; items: readonly ReminderItem[]; today: LocalDate },
): { lines: string[]; units: ReminderItem["unit"][] } {
  const units = [...new Map(input.items.map((entry) => [entry.unit.id, entry.unit])).values()];
  const parentOf = (unit: ReminderItem["unit"]) =>
    (unit.level === "cell" || unit.level === "partial") && unit.parentName ? shortUnitName(unit.parentName) : "none";
  const lines: string[] = [];
  if (units.length === 1)
    lines.push(t("reminder-to-one", { name: input.name, unit: units[0]!.name, parent: parentOf(units[0]!) }));
  else lines.push(t("reminder-to-many", { name: input.name }));
  for (const unit of units) {
    if (units.length > 1) lines.push(t("reminder-unit", { unit: unit.name, parent: parentOf(unit) }));
    for (const { item } of input.items.filter((entry) => entry.unit.id === unit.id)) {
      const days = daysBetween(input.today, item.dueDate);
      lines.push(
        t("reminder-item", {
          milestone: t("milestone-name", { milestone: item.milestone }),
          date: formatLocalDate(item.dueDate),
          state: days === 0 ? "today" : days < 0 ? "overdue" : "left",
          count: Math.abs(days),
        }),
      );
    }
  }
  return { lines, units };
}
