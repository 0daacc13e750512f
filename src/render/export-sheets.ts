// The export's four tables (unit status, election results, statistics per level, open difficulties)
// as typed columns and rows, with headers in the reader's language. The xlsx and csv writers only lay
// these out, so both formats always hold the same figures.
import { electedInFull } from "../domain/election-results.js";
import { newMembers, shareBase, type OptionalCount } from "../domain/election-stats.js";
import type { ExportData, ExportUnitRow } from "../domain/export-rows.js";
import { localDateTime } from "../domain/invite-token.js";
import { milestones, type UnitLevel } from "../domain/levels.js";
import { statisticsByLevel, type LevelStatistics } from "../domain/level-statistics.js";
import { formatLocalDate, type LocalDate } from "../domain/local-date.js";
import { congressPlan } from "../domain/campaign-plan.js";
import { overdueItems, unitChecklist } from "../domain/checklist.js";
import type { Locale, Translate } from "../i18n.js";
import { buildSummarySheet, type SummarySheet } from "./export-summary-sheet.js";
import { renderUnitLabel } from "./unit-label.js";

/** The congress's four tables, and a campaign's two (src/render/campaign-export-sheets.ts). */
export type SheetKey =
  | "summary"
  | "units"
  | "elections"
  | "statistics"
  | "difficulties"
  | "campaign-figures"
  | "campaign-units";

/**
 * text: a string; integer: a whole number; share: a fraction (0.431 shows as 43,1%); percent: a share as
 * reported, in percent with up to two decimals (61.25 shows as 61,25%); date: a LocalDate; dateTime:
 * local wall-clock time "YYYY-MM-DDTHH:mm" in the office's time zone.
 */
export type ColumnKind = "text" | "integer" | "share" | "percent" | "date" | "dateTime";
export type CellValue = string | number | null;

export interface SheetColumn {
  key: string;
  header: string;
  kind: ColumnKind;
}

export interface SheetTable {
  key: SheetKey;
  name: string;
  columns: SheetColumn[];
  rows: CellValue[][];
  /** Rows shown in bold (totals). */
  boldRows: number[];
}

export interface ExportSheets {
  /** "Organisation — scope — time — campaign", the first row of every detailed sheet. */
  title: string;
  /** The congress export's first sheet, with its official head and signature blocks. */
  summary?: SummarySheet;
  tables: SheetTable[];
}

export interface SheetOptions {
  t: Translate;
  locale: Locale;
  timeZone: string;
}

/** Builds a table from [column key, kind, value of a row] triples, so headers and values stay side by side. */
function table<Row>(
  key: SheetKey,
  t: Translate,
  rows: readonly Row[],
  spec: readonly (readonly [string, ColumnKind, (row: Row) => CellValue])[],
): SheetTable {
  return {
    key,
    name: t("export-sheet", { sheet: key }),
    columns: spec.map(([column, kind]) => ({ key: column, header: t("export-column", { column }), kind })),
    rows: rows.map((row) => spec.map(([, , value]) => value(row))),
    boldRows: [],
  };
}

const share = (part: number, whole: number): number | null => (whole === 0 ? null : part / whole);

/** Column keys of the statistics' optional counts, each with its share beside it. */
const countColumnKeys = {
  women: "women",
  underThirtyFive: "under-35",
  agedThirtyFiveToFifty: "aged-35-to-50",
  overFifty: "over-50",
  reElected: "re-elected",
  postgraduate: "postgraduate",
  graduate: "graduate",
  theoryAdvanced: "theory-advanced",
  theoryIntermediate: "theory-intermediate",
  standingWomen: "standing-women",
} as const satisfies Record<OptionalCount, string>;

/** A count and its share over the members of the congresses that reported it (unknown: empty, not 0). */
function countColumns(
  counts: readonly OptionalCount[],
): (readonly [string, ColumnKind, (row: LevelStatistics) => CellValue])[] {
  return counts.flatMap(
    (count) =>
      [
        [countColumnKeys[count], "integer", (row: LevelStatistics) => (shareBase(row, count) > 0 ? row[count] : null)],
        [
          `${countColumnKeys[count]}-share`,
          "share",
          (row: LevelStatistics) => share(row[count], shareBase(row, count)),
        ],
      ] as const,
  );
}

export function buildExportSheets(data: ExportData, { t, locale, timeZone }: SheetOptions): ExportSheets {
  const now = localDateTime(data.exportedAt, timeZone);
  const yesNo = (value: boolean | null) => (value === null ? null : t(value ? "export-yes" : "export-no"));
  const levelName = (level: UnitLevel | null) => t("export-level", { level: level ?? "all" });

  // Each unit judged by its checklist on the day the export is "as of", as every screen judges it.
  const statusOf = (unit: ExportUnitRow) => {
    const checklist = unitChecklist(congressPlan, unit.facts, data.today);
    const names = (items: typeof checklist) =>
      items.map((item) => t("milestone-short", { milestone: item.milestone })).join(", ") || null;
    const done = checklist.filter((item) => item.state === "done");
    const overdue = overdueItems(checklist);
    return {
      doneLate: names(done.filter((item) => item.doneLate)),
      reportedLate: names(done.filter((item) => item.reportedLate && !item.doneLate)),
      overdue: names(overdue),
      overdueDays: overdue.length === 0 ? null : Math.max(...overdue.map((item) => item.daysOverdue)),
      paused: checklist.some((item) => item.state === "paused") ? t("export-yes") : null,
    };
  };
  const units = data.units.map((unit) => ({ unit, status: statusOf(unit) }));
  const milestoneDate = (unit: ExportUnitRow, milestone: (typeof milestones)[number]): LocalDate | null =>
    unit.facts.reached[milestone]?.eventOn ?? unit.facts.reached[milestone]?.happenedOn ?? null;

  const unitTable = table("units", t, units, [
    ["code", "text", ({ unit }) => unit.code],
    ["unit", "text", ({ unit }) => renderUnitLabel(t, unit)],
    ["level", "text", ({ unit }) => levelName(unit.level)],
    ["parent-code", "text", ({ unit }) => unit.parentCode],
    ["parent", "text", ({ unit }) => unit.parentName],
    ["pilot", "date", ({ unit }) => unit.facts.pilotDate],
    ...milestones.map(
      (milestone) => [milestone, "date", ({ unit }: (typeof units)[number]) => milestoneDate(unit, milestone)] as const,
    ),
    ["held-deadline", "date", ({ unit }) => unit.facts.deadlines.held ?? null],
    ["done-late", "text", ({ status }) => status.doneLate],
    ["reported-late", "text", ({ status }) => status.reportedLate],
    ["overdue", "text", ({ status }) => status.overdue],
    ["overdue-days", "integer", ({ status }) => status.overdueDays],
    ["paused", "text", ({ status }) => status.paused],
    ["difficulties", "integer", ({ unit }) => unit.openDifficulties],
    ["secretary", "text", ({ unit }) => unit.secretaryName],
  ]);

  const electionTable = table("elections", t, data.elections, [
    ["code", "text", (row) => row.code],
    ["unit", "text", (row) => row.name],
    ["level", "text", (row) => levelName(row.level)],
    ["congress-date", "date", (row) => row.heldOn],
    ["planned", "integer", (row) => row.results?.committeePlanned ?? null],
    ["elected", "integer", (row) => row.results?.committeeElected ?? null],
    ["in-full", "text", (row) => (row.results ? yesNo(electedInFull(row.results)) : null)],
    ["standing", "integer", (row) => row.results?.standingElected ?? null],
    ["standing-women", "integer", (row) => row.results?.standingWomen ?? null],
    ["women", "integer", (row) => row.results?.women ?? null],
    ["under-35", "integer", (row) => row.results?.underThirtyFive ?? null],
    ["aged-35-to-50", "integer", (row) => row.results?.agedThirtyFiveToFifty ?? null],
    ["over-50", "integer", (row) => row.results?.overFifty ?? null],
    ["re-elected", "integer", (row) => row.results?.reElected ?? null],
    // New members are known only when the re-elected are (both are optional in a report).
    [
      "new",
      "integer",
      (row) =>
        row.results && row.results.reElected !== null
          ? Math.max(0, row.results.committeeElected - row.results.reElected)
          : null,
    ],
    ["postgraduate", "integer", (row) => row.results?.postgraduate ?? null],
    ["graduate", "integer", (row) => row.results?.graduate ?? null],
    ["theory-advanced", "integer", (row) => row.results?.theoryAdvanced ?? null],
    ["theory-intermediate", "integer", (row) => row.results?.theoryIntermediate ?? null],
    ["secretary-direct", "text", (row) => yesNo(row.results?.secretaryDirect ?? null)],
    ["one-round", "text", (row) => yesNo(row.results?.oneRound ?? null)],
    ["lowest-vote-share", "percent", (row) => row.results?.lowestVoteShare ?? null],
    ["highest-vote-share", "percent", (row) => row.results?.highestVoteShare ?? null],
    ["delegates", "integer", (row) => row.results?.delegates ?? null],
    ["delegates-ex-officio", "integer", (row) => row.results?.delegatesExOfficio ?? null],
    ["summoned", "integer", (row) => row.results?.summoned ?? null],
    ["present", "integer", (row) => row.results?.present ?? null],
    ["note", "text", (row) => (row.results ? row.results.note : t("export-no-results"))],
  ]);

  // Counted by the shared roll-up (the same numbers as /tiendo and the digest), not from the rows above;
  // a row per level only (units of different levels added together mean nothing).
  const summaries = statisticsByLevel(data.statistics.levels, data.statistics.elections);
  const codeOf = new Map(data.units.map((unit) => [unit.id, unit.code]));
  const statisticsTable = table<LevelStatistics>("statistics", t, summaries, [
    ["level", "text", (row) => levelName(row.level)],
    ["units", "integer", (row) => row.units],
    ["held-count", "integer", (row) => row.held],
    ["held-share", "share", (row) => share(row.held, row.units)],
    ["with-results", "integer", (row) => row.withResults],
    ["planned", "integer", (row) => row.committeePlanned],
    ["elected", "integer", (row) => row.committeeElected],
    ["elected-share", "share", (row) => share(row.committeeElected, row.committeePlanned)],
    ["in-full-count", "integer", (row) => row.inFull],
    ["short-count", "integer", (row) => row.short],
    ["short-units", "text", (row) => row.shortUnits.map((unit) => codeOf.get(unit.id) ?? unit.name).join(", ") || null],
    ["women", "integer", (row) => row.women],
    // Shares of optional counts are taken over the members of the congresses that reported them.
    ["women-share", "share", (row) => share(row.women, shareBase(row, "women"))],
    ["under-35", "integer", (row) => row.underThirtyFive],
    ["under-35-share", "share", (row) => share(row.underThirtyFive, shareBase(row, "underThirtyFive"))],
    ...countColumns(["agedThirtyFiveToFifty", "overFifty"]),
    ["re-elected", "integer", (row) => row.reElected],
    ["re-elected-share", "share", (row) => share(row.reElected, shareBase(row, "reElected"))],
    ["new", "integer", (row) => newMembers(row)],
    ["new-share", "share", (row) => share(newMembers(row), shareBase(row, "reElected"))],
    ...countColumns(["postgraduate", "graduate", "theoryAdvanced", "theoryIntermediate"]),
    ["standing", "integer", (row) => row.standingElected],
    ...countColumns(["standingWomen"]),
    ["secretary-direct-count", "integer", (row) => row.secretaryDirect],
    ["one-round-count", "integer", (row) => row.oneRound],
    ["lowest-vote-share", "percent", (row) => row.lowestVoteShare],
    ["highest-vote-share", "percent", (row) => row.highestVoteShare],
    ["delegates", "integer", (row) => row.delegates],
    ["delegates-ex-officio", "integer", (row) => row.delegatesExOfficio],
    ["summoned", "integer", (row) => row.summoned],
    ["present", "integer", (row) => row.present],
    ["present-share", "share", (row) => share(row.present, row.summoned)],
  ]);

  const difficultyTable = table("difficulties", t, data.difficulties, [
    ["code", "text", (row) => row.unitCode],
    ["unit", "text", (row) => row.unitName],
    [
      "opened-at",
      "dateTime",
      (row) => {
        const local = localDateTime(row.openedAt, timeZone);
        return `${local.date}T${local.time}`;
      },
    ],
    ["text", "text", (row) => row.text ?? t("export-sensitive-text")],
  ]);

  // The whole organisation is named once; a part of it after the organisation's name.
  const whole = data.scope.length === 1 && data.scope[0]!.code === data.organization.code;
  const title = t("export-title", {
    organization: data.organization.name,
    scope: whole ? "whole" : data.scope.map((unit) => `${unit.name} (${unit.code})`).join("; "),
    time: now.time,
    date: formatLocalDate(now.date),
    campaign: data.campaign?.name ?? "none",
  });
  return {
    title,
    summary: buildSummarySheet(data, t, locale, timeZone),
    tables: [unitTable, electionTable, statisticsTable, difficultyTable],
  };
}
