// /tiendo screens: a unit's subtree (totals per level, its own congress, its children page by page,
// election statistics), the list of a viewer's units, or the checklist of a unit with nothing under it.
// No names of people appear: the same text may be shown in a group.
import type { ChecklistItem } from "../domain/checklist.js";
import type { ElectionStats } from "../domain/election-stats.js";
import { formatLocalDate, type LocalDate } from "../domain/local-date.js";
import type { EntrySummary, LevelLine, ProgressFilter } from "../domain/progress-rollup.js";
import type { ProgressPage } from "../domain/progress-view.js";
import { formatPercent, type Locale, type Translate } from "../i18n.js";
import { renderChecklistLine } from "./checklist-text.js";
import { renderElectionStats } from "./election-stats-text.js";
import { renderUnitLabel } from "./unit-label.js";

/** Dates of the current `held` and `scheduled` reports of the units on the page. */
export type EntryDates = ReadonlyMap<number, { held?: LocalDate; scheduled?: LocalDate }>;

export interface SubtreeScreen {
  /** The unit looked at (with its own checklist, null without a campaign), or null for the list of the viewer's units. */
  unit: { name: string; code: string; checklist: ChecklistItem[] | null } | null;
  unitsFollowed?: number;
  today: LocalDate;
  filter: ProgressFilter;
  hasCampaign: boolean;
  levels: LevelLine[];
  page: ProgressPage;
  dates: EntryDates;
  elections: ElectionStats;
}

export function renderSubtreeScreen(t: Translate, locale: Locale, screen: SubtreeScreen): string {
  const lines = [
    screen.unit
      ? t("progress-title", { unit: screen.unit.name, code: screen.unit.code })
      : t("progress-home-title", { count: screen.unitsFollowed ?? 0 }),
    t("progress-date", {
      date: formatLocalDate(screen.today),
      filter: screen.filter === "all" ? "none" : t("progress-filter", { filter: screen.filter }),
    }),
  ];
  if (!screen.hasCampaign) lines.push(t("progress-no-campaign"));
  lines.push("", ...renderLevelLines(t, locale, screen.levels));
  if (screen.unit?.checklist) lines.push(renderOwnState(t, screen.unit.checklist));

  lines.push("");
  const filterName = screen.filter === "all" ? "none" : t("progress-filter", { filter: screen.filter });
  if (screen.page.matching === 0) lines.push(t("progress-list-empty", { filter: filterName }));
  else {
    const first = screen.page.items[0]!.index;
    lines.push(
      t(screen.unit ? "progress-list-title" : "progress-home-list-title", {
        filter: filterName,
        from: first,
        to: first + screen.page.items.length - 1,
        count: screen.page.matching,
      }),
    );
    for (const item of screen.page.items)
      lines.push(
        renderEntryLine(t, locale, item.index, item.entry, {
          ...screen.dates.get(item.entry.unit.id),
          today: screen.today,
        }),
      );
  }
  const elections = renderElectionStats(t, locale, screen.elections);
  if (elections.length > 0) lines.push("", ...elections);
  return lines.join("\n");
}

/** Per level: held / total (share), scheduled, not scheduled, overdue; then preparation and difficulties. */
export function renderLevelLines(t: Translate, locale: Locale, levels: readonly LevelLine[]): string[] {
  const lines: string[] = [];
  for (const line of levels) {
    const { counts } = line;
    lines.push(
      t("progress-level-line", {
        label: t("progress-level", { kind: line.kind ?? line.level }),
        held: counts.held,
        total: counts.total,
        share: formatPercent(counts.held, counts.total, locale),
        scheduled: counts.scheduled,
        notScheduled: counts.notScheduled,
        overdue: counts.overdue,
        paused: counts.paused,
      }),
    );
  }
  const grassroots = levels.find((line) => line.level === "grassroots" && line.kind === undefined);
  if (grassroots) {
    const { counts } = grassroots;
    lines.push(
      t("progress-preparation", {
        documents: `${counts.documents}/${counts.total}`,
        personnel: `${counts.personnel}/${counts.total}`,
      }),
    );
  }
  const all = levels.filter((line) => line.kind === undefined);
  const open = all.reduce((sum, line) => sum + line.counts.openDifficulties, 0);
  const units = all.reduce((sum, line) => sum + line.counts.withDifficulties, 0);
  lines.push(open === 0 ? t("progress-difficulties-none") : t("progress-difficulties", { count: open, units }));
  return lines;
}

/** The unit's own congress, as its checklist has it: held, postponed, overdue (and what), scheduled, or due. */
function renderOwnState(t: Translate, checklist: readonly ChecklistItem[]): string {
  const of = (milestone: string) => checklist.find((item) => item.milestone === milestone);
  const held = of("held");
  if (held?.state === "done") return t("progress-own-held", { date: formatLocalDate(held.happenedOn) });
  if (checklist.some((item) => item.state === "paused")) return t("progress-own-paused");
  const scheduled = of("scheduled");
  const date = scheduled?.state === "done" ? formatLocalDate(scheduled.eventOn ?? scheduled.happenedOn) : "none";
  const overdue = checklist.filter((item) => item.state === "overdue");
  if (overdue.length > 0) {
    const list = overdue.map((item) =>
      t("progress-own-overdue-item", {
        milestone: t("milestone-short", { milestone: item.milestone }),
        days: item.daysOverdue,
      }),
    );
    return t("progress-own-overdue", { list: list.join(", "), date });
  }
  if (date !== "none") return t("progress-own-scheduled", { date });
  return t("progress-own-due", { date: held?.dueDate ? formatLocalDate(held.dueDate) : "none" });
}

export function renderEntryLine(
  t: Translate,
  locale: Locale,
  index: number,
  entry: EntrySummary,
  dates: { held?: LocalDate; scheduled?: LocalDate; today?: LocalDate },
): string {
  const parts: string[] = [];
  if (entry.own.held && dates.held)
    parts.push(t("progress-part-held", { date: formatLocalDate(dates.held).slice(0, 5) }));
  else if (entry.own.scheduled && dates.scheduled)
    parts.push(t("progress-part-scheduled", { date: formatLocalDate(dates.scheduled).slice(0, 5) }));
  // A pilot congress is named until it is held, and flagged once its planned day has passed unreported.
  const pilot = entry.unit.pilotDate;
  if (pilot && !entry.own.held && dates.today)
    parts.push(
      t(pilot < dates.today ? "progress-part-pilot-passed" : "progress-part-pilot", {
        date: formatLocalDate(pilot).slice(0, 5),
      }),
    );
  for (const line of entry.below) {
    if (line.kind !== undefined) continue;
    const { counts } = line;
    parts.push(
      t("progress-part-level", {
        level: line.level,
        held: counts.held,
        total: counts.total,
        share: formatPercent(counts.held, counts.total, locale),
      }),
    );
  }
  const overdueBelow = entry.subtree.overdue - (entry.own.overdue ? 1 : 0);
  if (overdueBelow > 0) parts.push(t("progress-part-overdue", { count: overdueBelow }));
  if (entry.subtree.openDifficulties > 0)
    parts.push(t("progress-part-difficulties", { count: entry.subtree.openDifficulties }));
  const state = entry.own.held
    ? "held"
    : entry.own.paused
      ? "paused"
      : entry.own.overdue
        ? "overdue"
        : entry.own.scheduled
          ? "scheduled"
          : "due";
  return t("progress-line", {
    index,
    state,
    unit: renderUnitLabel(t, entry.unit),
    parts: parts.length > 0 ? parts.join(" • ") : "none",
  });
}

/** A unit with nothing under it: its checklist and how many difficulties it has open. */
export interface LeafScreen {
  name: string;
  code: string;
  parentName: string | null;
  today: LocalDate;
  checklist: ChecklistItem[] | null;
  openDifficulties: number;
}

export function renderLeafScreen(t: Translate, input: LeafScreen): string {
  const lines = [
    t("progress-title", { unit: input.name, code: input.code }),
    t("progress-date", { date: formatLocalDate(input.today), filter: "none" }),
  ];
  if (input.parentName) lines.push(t("progress-leaf-parent", { parent: input.parentName }));
  lines.push("");
  if (input.checklist) for (const item of input.checklist) lines.push(renderChecklistLine(t, item));
  else lines.push(t("progress-no-campaign"));
  lines.push(t("progress-leaf-difficulties", { count: input.openDifficulties }));
  return lines.join("\n");
}
