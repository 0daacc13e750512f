// The working-group leader's list as one Telegram message (see src/domain/working-group-list.ts for
// what it holds). When everything does not fit in 4,096 characters, the most urgent units are kept, and
// the rest are counted with a pointer to /tiendo: a less urgent unit is never shown while a more urgent
// one is left out.
import type { AttentionReason } from "../domain/checklist.js";
import { formatLocalDate, type LocalDate } from "../domain/local-date.js";
import { formatPhoneForDisplay } from "../domain/phone.js";
import type { ChaseLine, FollowedUnit, WorkingGroupList } from "../domain/working-group-list.js";
import type { PushNotification } from "../db/outbox-store.js";
import type { Translate } from "../i18n.js";
import { telegramTextLimit } from "./split-message.js";
import { renderUnitLabel } from "./unit-label.js";

/** Difficulties and paused units named at most; the rest are counted. */
const sectionItems = 5;
/** Reasons named per unit: the most urgent, then the other overdue milestones. */
const reasonsPerLine = 3;

export function renderWorkingGroupList(
  t: Translate,
  list: WorkingGroupList,
  limit: number = telegramTextLimit,
): string {
  const dayMonth = (date: LocalDate) => formatLocalDate(date).slice(0, 5);
  const head = [
    t("wg-list-title", { group: list.groupName, date: formatLocalDate(list.today) }),
    ...totalLines(t, list),
  ];

  const tail: string[] = [];
  if (list.difficulties.length > 0) {
    tail.push("", t("wg-list-difficulties-title", { count: list.difficulties.length }));
    for (const difficulty of list.difficulties.slice(0, sectionItems)) {
      const unit = renderUnitLabel(t, difficulty.unit);
      const date = dayMonth(difficulty.openedOn);
      tail.push(
        difficulty.text === null
          ? t("wg-list-difficulty-hidden", { unit, date })
          : t("wg-list-difficulty", { unit, text: difficulty.text, date }),
      );
    }
    if (list.difficulties.length > sectionItems)
      tail.push(t("wg-list-difficulties-more", { count: list.difficulties.length - sectionItems }));
  }
  if (list.pauses.length > 0) {
    tail.push("", t("wg-list-paused-title", { count: list.pauses.length }));
    for (const pause of list.pauses.slice(0, sectionItems)) {
      tail.push(
        t("wg-list-paused-line", {
          unit: renderUnitLabel(t, pause.unit),
          date: formatLocalDate(pause.since),
          reason: pause.reason,
        }),
      );
    }
    if (list.pauses.length > sectionItems)
      tail.push(t("wg-list-paused-more", { count: list.pauses.length - sectionItems }));
  }

  if (list.lines.length === 0) return [...head, "", t("wg-list-nothing"), ...tail].join("\n");

  // The units to chase, grouped under their grassroots organisation; kept in order of urgency while they fit.
  const groupKey = (unit: FollowedUnit) =>
    unit.grassrootsId !== null && list.organisations.has(unit.grassrootsId) ? unit.grassrootsId : -unit.id;
  // An organisation with cells heads its units; one without (a grassroots cell) is its own line.
  const heading = (key: number) => {
    const organisation = list.organisations.get(key);
    if (!organisation || organisation.cellsTotal === 0) return null;
    return t("wg-list-organisation", {
      unit: renderUnitLabel(t, organisation.unit),
      held: organisation.cellsHeld,
      total: organisation.cellsTotal,
    });
  };
  const moreLine = (count: number) => t("wg-list-more", { count });
  const fixed = [...head, "", ...tail].join("\n").length + 1 + moreLine(list.lines.length).length + 1;
  const kept = new Map<number, string[]>();
  let used = fixed;
  let shown = 0;
  for (const line of list.lines) {
    const key = groupKey(line.unit);
    const text = renderChaseLine(t, line, key, dayMonth);
    const header = kept.has(key) ? null : heading(key);
    const cost = text.length + 1 + (kept.has(key) ? 0 : (header?.length ?? 0) + 2);
    if (used + cost > limit) break;
    used += cost;
    shown++;
    kept.set(key, [...(kept.get(key) ?? []), text]);
  }
  const body: string[] = [];
  for (const [key, lines] of kept) {
    const header = heading(key);
    body.push("", ...(header ? [header] : []), ...lines);
  }
  if (shown < list.lines.length) body.push("", moreLine(list.lines.length - shown));
  return [...head, ...body, ...tail].join("\n");
}

function renderChaseLine(
  t: Translate,
  line: ChaseLine,
  groupKey: number,
  dayMonth: (date: LocalDate) => string,
): string {
  const { unit } = line;
  // Under its organisation's heading a cell needs no more name, unless it sits in a partial committee.
  const parent =
    unit.parentId !== null && unit.parentId !== groupKey && unit.id !== groupKey ? (unit.parentName ?? "none") : "none";
  const reasons = line.reasons.slice(0, reasonsPerLine).map((reason) => renderReason(t, reason, dayMonth));
  const secretary = unit.secretary
    ? t("wg-list-secretary", {
        name: unit.secretary.name,
        phone: unit.secretary.phone ? formatPhoneForDisplay(unit.secretary.phone) : "none",
      })
    : t("wg-list-no-secretary");
  return t("wg-list-line", { unit: unit.name, parent, reasons: reasons.join("; "), secretary });
}

export function renderReason(t: Translate, reason: AttentionReason, dayMonth: (date: LocalDate) => string): string {
  switch (reason.kind) {
    case "finalOverdue":
      return t("wg-reason-final-overdue", { days: reason.days, date: dayMonth(reason.dueDate) });
    case "finalSoonUndated":
      return t("wg-reason-final-soon-undated", {
        days: reason.daysLeft,
        date: dayMonth(reason.dueDate),
        overdue: reason.dateOverdueDays ?? 0,
      });
    case "pilotPassed":
      return t("wg-reason-pilot-passed", { date: dayMonth(reason.pilotDate) });
    case "milestoneOverdue":
      return t("wg-reason-milestone-overdue", {
        milestone: t("milestone-name", { milestone: reason.milestone }),
        days: reason.days,
      });
  }
}

/**
 * The list as a Web Push notification: its title and totals, and how many units to chase; a tap opens the
 * leader's page, where the table and its filters hold the whole list.
 */
export function renderWorkingGroupListPush(t: Translate, list: WorkingGroupList): PushNotification {
  return {
    title: t("wg-list-title", { group: list.groupName, date: formatLocalDate(list.today) }),
    body: [
      ...totalLines(t, list),
      t("push-wg-action", { count: list.lines.length, difficulties: list.difficulties.length }),
    ].join("\n"),
    url: "/",
  };
}

/** One line per level: how many units, done, on track, overdue, paused. */
function totalLines(t: Translate, list: WorkingGroupList): string[] {
  return list.totals.map((line) =>
    t("wg-list-totals", {
      level: line.level,
      total: line.total,
      done: line.counts.done,
      onTrack: line.counts.onTrack,
      overdue: line.counts.overdue,
      paused: line.counts.paused,
    }),
  );
}
