// The confirmation card shown before a report is saved (and kept, marked saved, afterwards). It shows only
// what is known: a count not reported (null) is left out, never shown as 0.
import { formatPercent, formatPercentValue, type Locale, type Translate } from "../i18n.js";
import {
  electedInFull,
  isShareField,
  makeUpFields,
  newMembersOf,
  type CommitteeKind,
  type ElectionResults,
} from "../domain/election-results.js";
import { formatLocalDate, type LocalDate } from "../domain/local-date.js";
import type { ReportDraft } from "../domain/report-draft.js";

export interface CardContext {
  unit: { name: string; parentName: string | null };
  /** Chi ủy for a cell, ban chấp hành for a committee. */
  committee: CommitteeKind;
  onBehalf: boolean;
  /** Reported after the deadline: whether the work itself was done after it too. */
  late: { dueDate: LocalDate; doneLate: boolean } | null;
  previous: { date: LocalDate | null; results: ElectionResults | null } | null;
}

export function renderReportCard(t: Translate, locale: Locale, draft: ReportDraft, context: CardContext): string {
  const lines = [
    t("report-card-title", { unit: context.unit.name, parent: context.unit.parentName ?? "none" }),
    t("report-card-milestone", { milestone: draft.milestone, date: formatLocalDate(draft.date) }),
  ];
  if (draft.results) lines.push(...renderResults(t, locale, draft.results, context.committee));
  if (context.previous) {
    const changes = describeChanges(t, locale, context.previous, draft);
    lines.push("", changes.length > 0 ? t("report-card-correction") : t("report-card-same"));
    lines.push(...changes);
  }
  if (context.onBehalf) lines.push("", t("report-card-on-behalf"));
  if (context.late)
    lines.push(
      t("report-card-late", {
        date: formatLocalDate(context.late.dueDate),
        done: context.late.doneLate ? "late" : "onTime",
      }),
    );
  return lines.join("\n");
}

export function renderResults(
  t: Translate,
  locale: Locale,
  results: ElectionResults,
  committee: CommitteeKind,
): string[] {
  const lines = [committeeLine(t, locale, results, committee)];
  const makeUp = makeUpFields
    .filter((field) => results[field] !== null)
    .map((field) =>
      t("election-count", {
        field,
        count: results[field]!,
        share: formatPercent(results[field]!, results.committeeElected, locale),
      }),
    );
  if (makeUp.length > 0) lines.push(t("election-make-up", { parts: makeUp.join("; ") }));
  if (results.standingElected !== null || results.standingWomen !== null)
    lines.push(
      t("report-card-standing", {
        count: results.standingElected ?? "—",
        women: results.standingWomen ?? "none",
      }),
    );
  if (results.secretaryDirect !== null)
    lines.push(t("report-card-secretary-direct", { answer: results.secretaryDirect ? "yes" : "no" }));
  if (results.oneRound !== null) lines.push(t("report-card-one-round", { answer: results.oneRound ? "yes" : "no" }));
  if (results.lowestVoteShare !== null || results.highestVoteShare !== null) {
    const shown = (value: number | null) => (value === null ? "—" : formatPercentValue(value, locale));
    lines.push(
      t("election-vote-shares", { lowest: shown(results.lowestVoteShare), highest: shown(results.highestVoteShare) }),
    );
  }
  if (results.delegates !== null || results.delegatesExOfficio !== null)
    lines.push(
      t("report-card-delegates", { count: results.delegates ?? "—", exOfficio: results.delegatesExOfficio ?? "none" }),
    );
  if (results.summoned !== null) {
    lines.push(t("report-card-attendance", { committee, present: results.present ?? "?", summoned: results.summoned }));
  }
  if (results.note) lines.push(t("report-card-note", { note: results.note }));
  return lines;
}

/** "Chi ủy: bầu 5/5 (đủ), nữ 2 (40,0%), dưới 35 tuổi 1 (20,0%), tái cử 3, tham gia lần đầu 2". */
function committeeLine(t: Translate, locale: Locale, results: ElectionResults, committee: CommitteeKind): string {
  const share = (value: number) => formatPercent(value, results.committeeElected, locale);
  const parts = [
    t("report-card-committee", {
      committee,
      elected: results.committeeElected,
      planned: results.committeePlanned,
      full: electedInFull(results) ? "yes" : "no",
    }),
  ];
  if (results.women !== null) parts.push(t("report-card-women", { count: results.women, share: share(results.women) }));
  if (results.underThirtyFive !== null)
    parts.push(t("report-card-young", { count: results.underThirtyFive, share: share(results.underThirtyFive) }));
  const newMembers = newMembersOf(results);
  if (results.reElected !== null && newMembers !== null)
    parts.push(t("report-card-re-elected", { count: results.reElected, newMembers }));
  return parts.join(", ");
}

function describeChanges(
  t: Translate,
  locale: Locale,
  before: NonNullable<CardContext["previous"]>,
  after: ReportDraft,
): string[] {
  const lines: string[] = [];
  if (before.date !== after.date) {
    lines.push(
      t("report-card-change", {
        field: t("report-field-date"),
        before: before.date ? formatLocalDate(before.date) : "—",
        after: formatLocalDate(after.date),
      }),
    );
  }
  if (before.results && after.results) {
    for (const key of Object.keys(after.results) as (keyof ElectionResults)[]) {
      const [was, now] = [before.results[key], after.results[key]];
      if (was !== now)
        lines.push(
          t("report-card-change", {
            field: t("report-field-name", { field: key }),
            before: showValue(t, was, { field: key, locale }),
            after: showValue(t, now, { field: key, locale }),
          }),
        );
    }
  }
  return lines;
}

/** A field's value as the card and the edit menu show it ("—" when not reported; a share as 61,25%). */
export function showValue(
  t: Translate,
  value: number | boolean | string | null | undefined,
  shown?: { field: string; locale: Locale },
): string {
  if (value === null || value === undefined) return "—";
  if (typeof value === "boolean") return t("report-yes-no", { answer: value ? "yes" : "no" });
  if (typeof value === "number" && shown && isShareField(shown.field)) return formatPercentValue(value, shown.locale);
  return String(value);
}
