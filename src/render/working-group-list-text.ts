// The working-group leader's list as one Telegram message (see src/domain/working-group-list.ts for
// what it holds). When everything does not fit in 4,096 characters, the most urgent units are kept, and
// the rest are counted with a pointer to /tiendo: a less urgent unit is never shown while a more urgent
// one is left out.
import type { AttentionReason } from "../domain/checklist.js";
import { formatLocalDate, type LocalDate } from "../domain/local-date.js";
import { formatPhoneForDisplay } from "../domain/phone.js";
import {
  unitsToChase,
  type CampaignChase,
  type ChaseLine,
  type ChaseSection,
  type FollowedUnit,
  type WorkingGroupList,
} from "../domain/working-group-list.js";
import type { PushNotification } from "../db/outbox-store.js";
import type { Locale, Translate } from "../i18n.js";
import { roundLabel } from "./campaign-section-text.js";
import { telegramTextLimit } from "./split-message.js";
import { renderUnitLabel } from "./unit-label.js";

/** Difficulties and paused units named at most; the rest are counted. */
const sectionItems = 5;
/** Reasons named per unit: the most urgent, then the other overdue milestones. */
const reasonsPerLine = 3;

/** The list's text for the leader; `locale` names other campaigns' milestones (their template's labels). */
export function renderWorkingGroupList(
  t: Translate,
  list: WorkingGroupList,
  locale: Locale,
  limit: number = telegramTextLimit,
): string {
  const dayMonth = (date: LocalDate) => formatLocalDate(date).slice(0, 5);
  const head = [
    t("wg-list-title", { group: list.groupName, date: formatLocalDate(list.today) }),
    ...totalLines(t, list.congress, "congress"),
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

  // The parts in order: the congress, then each other campaign under its title with its totals.
  const parts: Part[] = [];
  if (list.congress) {
    const congress = list.congress;
    parts.push({
      heading: [],
      section: congress,
      line: (line) => renderChaseLine(t, line, groupKeyIn(congress, line.unit), congressReason(t, dayMonth)),
      organisation: (unit, done, total) => t("wg-list-organisation", { unit, held: done, total }),
      more: (count) => t("wg-list-more", { count }),
      nothing: t("wg-list-nothing"),
    });
  }
  for (const chase of list.campaigns) {
    parts.push({
      heading: [
        "",
        t("campaign-section-title", { name: chase.campaign.name, round: roundLabel(chase.round) || "none" }),
        ...totalLines(t, chase, "campaign"),
      ],
      section: chase,
      line: (line) =>
        renderChaseLine(t, line, groupKeyIn(chase, line.unit), campaignReason(t, chase, locale, dayMonth)),
      organisation: (unit, done, total) => t("wg-list-organisation-campaign", { unit, done, total }),
      more: (count) => t("wg-list-campaign-more", { count, key: chase.campaign.key }),
      nothing: null,
    });
  }

  // What is always shown: the heads, every part's title and totals, the tail, and a "more" line for each
  // part with units to chase. The units then fill the rest in order (the congress first, each part most
  // urgent first): once one does not fit, none after it is shown, so a less urgent unit never shows while a
  // more urgent one is left out.
  const fixed =
    [...head, ...parts.flatMap((part) => part.heading), "", ...tail].join("\n").length +
    parts.reduce(
      (sum, part) => sum + (part.section.lines.length > 0 ? part.more(part.section.lines.length).length + 2 : 0),
      0,
    ) +
    parts.reduce(
      (sum, part) => sum + (part.section.lines.length === 0 && part.nothing ? part.nothing.length + 2 : 0),
      0,
    );
  let used = fixed;
  let full = false;
  const body: string[] = [];
  for (const part of parts) {
    body.push(...part.heading);
    const { section } = part;
    if (section.lines.length === 0) {
      if (part.nothing) body.push("", part.nothing);
      continue;
    }
    // The units to chase, grouped under their grassroots organisation, kept in order of urgency while they fit.
    const kept = new Map<number, string[]>();
    let shown = 0;
    for (const line of full ? [] : section.lines) {
      const key = groupKeyIn(section, line.unit);
      const text = part.line(line);
      const header = kept.has(key) ? null : headingOf(section, key, part.organisation, t);
      const cost = text.length + 1 + (kept.has(key) ? 0 : (header?.length ?? 0) + 2);
      if (used + cost > limit) {
        full = true;
        break;
      }
      used += cost;
      shown++;
      kept.set(key, [...(kept.get(key) ?? []), text]);
    }
    for (const [key, lines] of kept) {
      const header = headingOf(section, key, part.organisation, t);
      body.push("", ...(header ? [header] : []), ...lines);
    }
    if (shown < section.lines.length) body.push("", part.more(section.lines.length - shown));
  }
  return [...head, ...body, ...tail].join("\n");
}

/** One part of the list: the congress's, or another campaign's. */
interface Part {
  /** Its title and totals (the congress's totals are the list's head). */
  heading: string[];
  section: ChaseSection<string>;
  line: (line: ChaseLine<string>) => string;
  organisation: (unit: string, done: number, total: number) => string;
  more: (count: number) => string;
  /** Said when it has no unit to chase (the congress); other campaigns' totals say enough. */
  nothing: string | null;
}

// An organisation with cells heads its units; a unit outside one (a grassroots cell) is its own group.
function groupKeyIn(section: ChaseSection<string>, unit: FollowedUnit<string>): number {
  return unit.grassrootsId !== null && section.organisations.has(unit.grassrootsId) ? unit.grassrootsId : -unit.id;
}

function headingOf(
  section: ChaseSection<string>,
  key: number,
  organisation: Part["organisation"],
  t: Translate,
): string | null {
  const found = section.organisations.get(key);
  if (!found || found.cellsTotal === 0) return null;
  return organisation(renderUnitLabel(t, found.unit), found.cellsDone, found.cellsTotal);
}

function congressReason(t: Translate, dayMonth: (date: LocalDate) => string) {
  return (reason: AttentionReason<string>) => renderReason(t, reason as AttentionReason, dayMonth);
}

/** Another campaign's reasons: its overdue milestones, by their template's names. */
function campaignReason(t: Translate, chase: CampaignChase, locale: Locale, dayMonth: (date: LocalDate) => string) {
  const final = chase.campaign.template.final;
  const label = (key: string) =>
    chase.campaign.template.milestones.find((milestone) => milestone.key === key)?.label[locale] ?? key;
  return (reason: AttentionReason<string>): string => {
    switch (reason.kind) {
      case "finalOverdue":
        return t("wg-reason-campaign-overdue", {
          milestone: label(final),
          days: reason.days,
          date: dayMonth(reason.dueDate),
        });
      case "milestoneOverdue":
        return t("wg-reason-campaign-overdue", {
          milestone: label(reason.milestone),
          days: reason.days,
          date: dayMonth(reason.dueDate),
        });
      // A campaign has no date to fix ahead of its final milestone, nor a pilot day.
      case "finalSoonUndated":
      case "pilotPassed":
        return renderReason(t, reason as AttentionReason, dayMonth);
    }
  };
}

function renderChaseLine(
  t: Translate,
  line: ChaseLine<string>,
  groupKey: number,
  reasonText: (reason: AttentionReason<string>) => string,
): string {
  const { unit } = line;
  // Under its organisation's heading a cell needs no more name, unless it sits in a partial committee.
  const parent =
    unit.parentId !== null && unit.parentId !== groupKey && unit.id !== groupKey ? (unit.parentName ?? "none") : "none";
  const reasons = line.reasons.slice(0, reasonsPerLine).map(reasonText);
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
      ...totalLines(t, list.congress, "congress"),
      ...list.campaigns.flatMap((chase) => [
        t("campaign-section-title", { name: chase.campaign.name, round: roundLabel(chase.round) || "none" }),
        ...totalLines(t, chase, "campaign"),
      ]),
      t("push-wg-action", { count: unitsToChase(list), difficulties: list.difficulties.length }),
    ].join("\n"),
    url: "/",
  };
}

/** One line per level: how many units, done (the congress held, or the campaign's work), on track, overdue, paused. */
function totalLines(t: Translate, section: ChaseSection<string> | null, kind: "congress" | "campaign"): string[] {
  return (section?.totals ?? []).map((line) =>
    t(kind === "congress" ? "wg-list-totals" : "wg-list-campaign-totals", {
      level: line.level,
      total: line.total,
      done: line.counts.done,
      onTrack: line.counts.onTrack,
      overdue: line.counts.overdue,
      paused: line.counts.paused,
    }),
  );
}
