// Inline keyboards of the /baocao flow.
import { InlineKeyboard } from "grammy";
import { milestones, type Milestone } from "../../domain/levels.js";
import { formatLocalDate, type LocalDate } from "../../domain/local-date.js";
import { addDays } from "../../domain/user-date.js";
import type { Translate } from "../../i18n.js";
import { callbackData, type FlowStep } from "./flow-state.js";

type Step = FlowStep;

/** What a question's keyboard offers besides its answers. */
export interface AskButtons {
  /** "skip": leave the question unanswered (guided flow); "clear": make a known value unknown (edit). */
  unanswered: "skip" | "clear" | null;
  /** Back to the card without a change (when one field of a draft is edited). */
  back: boolean;
}

export function unitKeyboard(step: Step, units: { name: string }[], t: Translate): InlineKeyboard {
  const keyboard = new InlineKeyboard();
  for (const [index, unit] of units.entries()) keyboard.text(unit.name, callbackData(step, "u", String(index))).row();
  return keyboard.text(t("report-cancel"), callbackData(step, "cancel"));
}

export function milestoneKeyboard(step: Step, done: ReadonlySet<string>, t: Translate): InlineKeyboard {
  const keyboard = new InlineKeyboard();
  for (const milestone of milestones) {
    const name = t("milestone-name", { milestone });
    keyboard
      .text(
        t("report-milestone-button", { name, done: done.has(milestone) ? "yes" : "no" }),
        callbackData(step, "m", milestone),
      )
      .row();
  }
  return keyboard.text(t("report-cancel"), callbackData(step, "cancel"));
}

/**
 * A month calendar: ‹ month › on top, weekdays, the days (Monday first), then the usual answers: today and
 * yesterday for what has happened, today and tomorrow for a congress date being set.
 */
export function calendarKeyboard(
  step: Step,
  month: string,
  today: LocalDate,
  t: Translate,
  options: { milestone: Milestone; back: boolean },
): InlineKeyboard {
  const [year, monthNumber] = month.split("-").map(Number) as [number, number];
  const keyboard = new InlineKeyboard()
    .text("‹", callbackData(step, "cal", shiftMonth(month, -1)))
    .text(t("report-calendar-month", { month: String(monthNumber), year: String(year) }), callbackData(step, "noop"))
    .text("›", callbackData(step, "cal", shiftMonth(month, 1)))
    .row();
  for (const day of t("report-weekdays").split(" ")) keyboard.text(day, callbackData(step, "noop"));
  keyboard.row();
  const first = new Date(Date.UTC(year, monthNumber - 1, 1));
  const blanks = (first.getUTCDay() + 6) % 7;
  const days = new Date(Date.UTC(year, monthNumber, 0)).getUTCDate();
  const cells: (number | null)[] = [
    ...Array<null>(blanks).fill(null),
    ...Array.from({ length: days }, (_, i) => i + 1),
  ];
  while (cells.length % 7 !== 0) cells.push(null);
  for (let index = 0; index < cells.length; index++) {
    const day = cells[index];
    if (day === null || day === undefined) keyboard.text(" ", callbackData(step, "noop"));
    else keyboard.text(String(day), callbackData(step, "d", `${month}-${String(day).padStart(2, "0")}`));
    if (index % 7 === 6) keyboard.row();
  }
  const other = options.milestone === "scheduled" ? addDays(today, 1) : addDays(today, -1);
  keyboard
    .text(t("report-today-button", { date: formatLocalDate(today).slice(0, 5) }), callbackData(step, "d", today))
    .text(
      t("report-other-day-button", {
        day: options.milestone === "scheduled" ? "tomorrow" : "yesterday",
        date: formatLocalDate(other).slice(0, 5),
      }),
      callbackData(step, "d", other),
    )
    .row();
  return closingRow(keyboard, step, t, options.back);
}

export function yesNoKeyboard(step: Step, t: Translate, buttons: AskButtons): InlineKeyboard {
  const keyboard = new InlineKeyboard()
    .text(t("report-yes"), callbackData(step, "yn", "1"))
    .text(t("report-no"), callbackData(step, "yn", "0"));
  unansweredButton(keyboard, step, t, buttons.unanswered);
  return closingRow(keyboard.row(), step, t, buttons.back);
}

export function questionKeyboard(step: Step, t: Translate, buttons: AskButtons): InlineKeyboard {
  const keyboard = new InlineKeyboard();
  if (buttons.unanswered) unansweredButton(keyboard, step, t, buttons.unanswered).row();
  return closingRow(keyboard, step, t, buttons.back);
}

/** The edit menu: one button per field with its current value, then back to the card or cancel. */
export function editKeyboard(step: Step, entries: { field: string; label: string }[], t: Translate): InlineKeyboard {
  const keyboard = new InlineKeyboard();
  for (const entry of entries) keyboard.text(entry.label, callbackData(step, "f", entry.field)).row();
  return closingRow(keyboard, step, t, true);
}

export function confirmKeyboard(step: Step, t: Translate): InlineKeyboard {
  return new InlineKeyboard()
    .text(t("report-confirm"), callbackData(step, "ok"))
    .text(t("report-edit"), callbackData(step, "edit"))
    .text(t("report-cancel"), callbackData(step, "cancel"));
}

export function savedKeyboard(step: Step, t: Translate): InlineKeyboard {
  return new InlineKeyboard().text(t("report-edit"), callbackData(step, "fix"));
}

function unansweredButton(
  keyboard: InlineKeyboard,
  step: Step,
  t: Translate,
  kind: AskButtons["unanswered"],
): InlineKeyboard {
  if (kind === "skip") keyboard.text(t("report-skip"), callbackData(step, "skip"));
  if (kind === "clear") keyboard.text(t("report-clear"), callbackData(step, "clear"));
  return keyboard;
}

function closingRow(keyboard: InlineKeyboard, step: Step, t: Translate, back: boolean): InlineKeyboard {
  if (back) keyboard.text(t("report-back"), callbackData(step, "back"));
  return keyboard.text(t("report-cancel"), callbackData(step, "cancel"));
}

export function shiftMonth(month: string, delta: number): string {
  const [year, monthNumber] = month.split("-").map(Number) as [number, number];
  const date = new Date(Date.UTC(year, monthNumber - 1 + delta, 1));
  return date.toISOString().slice(0, 7);
}
