// Writes due reminders to the outbox: to secretaries whose unit has not reached a milestone (by default 7,
// 3, 1 days before its deadline, on the day, then every 3 days overdue; each campaign's org file may set
// its own policy), and one list a day to each working-group leader whose units lag, with the units whose
// reminders are paused (/hoan) in a section of their own. Keys carry the trigger day, so each reminder is
// written once, and one postponed by a day off, a holiday or quiet hours goes out on the next allowed tick.
import type { PrismaClient } from "@prisma/client";
import dayjs from "dayjs";
import type { Clock } from "../clock.js";
import type { Config } from "../config.js";
import { enqueue, type NewOutboxMessage } from "../db/outbox-store.js";
import { loadActivePolicies, loadReminderData, type ReminderGroup, type ReminderUnit } from "../db/reminder-store.js";
import { milestones, type Milestone } from "../domain/levels.js";
import { formatLocalDate, type LocalDate } from "../domain/local-date.js";
import { formatPhoneForDisplay } from "../domain/phone.js";
import { currentTrigger, isQuietTime, remindersMayGoOut, type ReminderPolicy } from "../domain/reminder-policy.js";
import { daysBetween } from "../domain/user-date.js";
import { localeFromLanguageCode, type Locale, type Translate } from "../i18n.js";
import { splitMessage } from "../render/split-message.js";
import "../clock.js";

export interface ReminderJobDeps {
  prisma: PrismaClient;
  clock: Clock;
  config: Pick<Config, "timezone" | "quietHours" | "defaultLocale">;
  translate: (locale: Locale) => Translate;
  /** The policy of campaigns whose org file sets none. */
  policy: ReminderPolicy;
}

export async function planReminders(deps: ReminderJobDeps): Promise<number> {
  const now = deps.clock.now();
  const local = dayjs(now).tz(deps.config.timezone);
  const today = local.format("YYYY-MM-DD");
  const time = local.format("HH:mm");
  // The scheduler ticks every minute: in quiet hours, before the reminder time and on days off, a tick
  // stops here after at most one small query.
  if (isQuietTime(time, deps.config.quietHours)) return 0;
  const mayGoOutWith = (policies: Map<number, ReminderPolicy | null>) => {
    const open = new Map<number, boolean>();
    return (organizationId: number) => {
      if (!open.has(organizationId)) {
        open.set(organizationId, remindersMayGoOut(today, time, policies.get(organizationId) ?? deps.policy, deps.config.quietHours));
      }
      return open.get(organizationId)!;
    };
  };
  const activePolicies = await loadActivePolicies(deps.prisma);
  if (![...activePolicies.keys()].some(mayGoOutWith(activePolicies))) return 0;
  const { units, groups, policies } = await loadReminderData(deps.prisma);
  const policyOf = (organizationId: number) => policies.get(organizationId) ?? deps.policy;
  const mayGoOut = mayGoOutWith(policies);
  // Each candidate is rendered only if its key is new: most ticks of a day find them all written.
  const candidates: { dedupeKey: string; message: () => NewOutboxMessage[] }[] = [];
  const localeOf = (stored: string | null) => localeFromLanguageCode(stored ?? undefined) ?? deps.config.defaultLocale;

  for (const unit of units) {
    if (unit.pause || !mayGoOut(unit.organizationId)) continue;
    for (const milestone of milestones) {
      const deadline = unit.deadlines[milestone];
      if (!deadline || unit.done.has(milestone)) continue;
      const trigger = currentTrigger(deadline, today, policyOf(unit.organizationId));
      if (!trigger) continue;
      for (const secretary of unit.secretaries) {
        if (secretary.telegramUserId === null) continue;
        const dedupeKey = `remind:${secretary.personId}:${unit.id}:${milestone}:${trigger}`;
        candidates.push({
          dedupeKey,
          message: () => {
            const t = deps.translate(localeOf(secretary.locale));
            const text = secretaryReminder(t, unit, secretary.name, milestone, deadline, today);
            return [{ dedupeKey, chatId: secretary.telegramUserId!, kind: "reminder", payload: { method: "sendMessage", params: { text } }, notBefore: now }];
          },
        });
      }
    }
  }

  for (const group of groups) {
    if (!group.leader || !mayGoOut(group.organizationId)) continue;
    const followed = units.filter((unit) => unit.organizationId === group.organizationId && group.unitPaths.some((path) => unit.path.startsWith(path)));
    const lagging = followed.filter((unit) => !unit.pause).flatMap((unit) => overdueOf(unit, today));
    // A postponed unit stays in view (with the reason) until it has held its congress.
    const paused = followed.filter((unit) => unit.pause && !unit.done.has("held"));
    if (lagging.length === 0 && paused.length === 0) continue;
    candidates.push({ dedupeKey: `wg:${group.id}:${today}:1`, message: () => groupList(group, lagging, paused) });
  }

  function groupList(group: ReminderGroup, lagging: ReturnType<typeof overdueOf>, paused: ReminderUnit[]): NewOutboxMessage[] {
    const messages: NewOutboxMessage[] = [];
    const t = deps.translate(localeOf(group.leader!.locale));
    const lines = [t("reminder-group-title", { group: group.name, date: formatLocalDate(today) })];
    for (const { unit, milestone, days } of lagging) {
      const secretary = unit.secretaries[0];
      lines.push(
        t("reminder-group-line", {
          unit: unit.name,
          parent: parentShown(unit),
          milestone: t("milestone-name", { milestone }),
          days,
          secretary: secretary ? secretary.name : "none",
          phone: secretary?.phone ? formatPhoneForDisplay(secretary.phone) : "none",
        }),
      );
    }
    if (paused.length > 0) {
      lines.push(t("reminder-group-paused-title", { count: paused.length }));
      for (const unit of paused) {
        lines.push(
          t("reminder-group-paused-line", {
            unit: unit.name,
            parent: parentShown(unit),
            date: formatLocalDate(dayjs(unit.pause!.since).tz(deps.config.timezone).format("YYYY-MM-DD")),
            reason: unit.pause!.reason,
          }),
        );
      }
    }
    splitMessage(lines.join("\n")).forEach((text, index) =>
      messages.push({
        dedupeKey: `wg:${group.id}:${today}:${index + 1}`,
        chatId: group.leader!.telegramUserId,
        kind: "group-reminder",
        payload: { method: "sendMessage", params: { text } },
        notBefore: now,
      }),
    );
    return messages;
  }

  if (candidates.length === 0) return 0;
  const written = await deps.prisma.outboxMessage.findMany({
    where: { dedupeKey: { in: candidates.map((candidate) => candidate.dedupeKey) } },
    select: { dedupeKey: true },
  });
  const known = new Set(written.map((row) => row.dedupeKey));
  const messages = candidates.filter((candidate) => !known.has(candidate.dedupeKey)).flatMap((candidate) => candidate.message());
  return messages.length === 0 ? 0 : enqueue(deps.prisma, messages);
}

function secretaryReminder(t: Translate, unit: ReminderUnit, name: string, milestone: Milestone, deadline: LocalDate, today: LocalDate): string {
  const days = daysBetween(today, deadline);
  return [
    t("reminder-secretary-greeting", { name, unit: unit.name, parent: parentShown(unit) }),
    t("reminder-secretary-due", {
      milestone: t("milestone-name", { milestone }),
      date: formatLocalDate(deadline),
      state: days === 0 ? "today" : days < 0 ? "overdue" : "left",
      count: Math.abs(days),
    }),
    t("reminder-secretary-action"),
  ].join("\n");
}

/** The earliest overdue milestone of a unit, if any. */
function overdueOf(unit: ReminderUnit, today: LocalDate): { unit: ReminderUnit; milestone: Milestone; days: number }[] {
  for (const milestone of milestones) {
    const deadline = unit.deadlines[milestone];
    if (deadline && !unit.done.has(milestone) && deadline < today) return [{ unit, milestone, days: daysBetween(deadline, today) }];
  }
  return [];
}

/** Cells share names ("Chi bộ Tổ dân phố 7"): their committee tells them apart. Higher units need none. */
function parentShown(unit: ReminderUnit): string {
  return (unit.level === "cell" || unit.level === "partial") && unit.parentName ? unit.parentName : "none";
}
