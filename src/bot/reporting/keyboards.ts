// Inline keyboards of the /baocao flow.
import { InlineKeyboard } from "grammy";
import { milestones } from "../../domain/levels.js";
import { formatLocalDate, type LocalDate } from "../../domain/local-date.js";
import type { Translate } from "../../i18n.js";
import { callbackData } from "./flow-state.js";

type Step = { flowId: string; step: number };

export function unitKeyboard(step: Step, units: { name: string }[], t: Translate): InlineKeyboard {
  const keyboard = new InlineKeyboard();
  units.forEach((unit, index) => keyboard.text(unit.name, callbackData(step, "u", String(index))).row());
  return keyboard.text(t("report-cancel"), callbackData(step, "cancel"));
}

export function milestoneKeyboard(step: Step, done: ReadonlySet<string>, t: Translate): InlineKeyboard {
  const keyboard = new InlineKeyboard();
  for (const milestone of milestones) {
    const name = t("milestone-name", { milestone });
    keyboard.text(t("report-milestone-button", { name, done: done.has(milestone) ? "yes" : "no" }), callbackData(step, "m", milestone)).row();
  }
  return keyboard.text(t("report-cancel"), callbackData(step, "cancel"));
}

/** A month calendar: ‹ month › on top, weekdays, then the days (Monday first). */
export function calendarKeyboard(step: Step, month: string, today: LocalDate, t: Translate): InlineKeyboard {
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
  const cells: (number | null)[] = [...Array<null>(blanks).fill(null), ...Array.from({ length: days }, (_, i) => i + 1)];
  while (cells.length % 7 !== 0) cells.push(null);
  for (let index = 0; index < cells.length; index++) {
    const day = cells[index];
    if (day === null || day === undefined) keyboard.text(" ", callbackData(step, "noop"));
    else keyboard.text(String(day), callbackData(step, "d", `${month}-${String(day).padStart(2, "0")}`));
    if (index % 7 === 6) keyboard.row();
  }
  return keyboard
    .text(t("report-today-button", { date: formatLocalDate(today).slice(0, 5) }), callbackData(step, "d", today))
    .row()
    .text(t("report-cancel"), callbackData(step, "cancel"));
}

export function yesNoKeyboard(step: Step, t: Translate, optional: boolean): InlineKeyboard {
  const keyboard = new InlineKeyboard().text(t("report-yes"), callbackData(step, "yn", "1")).text(t("report-no"), callbackData(step, "yn", "0"));
  if (optional) keyboard.text(t("report-skip"), callbackData(step, "skip"));
  return keyboard.row().text(t("report-cancel"), callbackData(step, "cancel"));
}

export function questionKeyboard(step: Step, t: Translate, optional: boolean): InlineKeyboard {
  const keyboard = new InlineKeyboard();
  if (optional) keyboard.text(t("report-skip"), callbackData(step, "skip"));
  return keyboard.text(t("report-cancel"), callbackData(step, "cancel"));
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

export function shiftMonth(month: string, delta: number): string {
  const [year, monthNumber] = month.split("-").map(Number) as [number, number];
  const date = new Date(Date.UTC(year, monthNumber - 1 + delta, 1));
  return date.toISOString().slice(0, 7);
}
