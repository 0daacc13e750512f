// The confirmation card shown before a report is saved (and kept, marked saved, afterwards).
import { formatPercent, type Locale, type Translate } from "../i18n.js";
import { electedInFull, type ElectionResults } from "../domain/election-results.js";
import { formatLocalDate, type LocalDate } from "../domain/local-date.js";
import type { ReportDraft } from "../domain/report-draft.js";

export interface CardContext {
  unit: { name: string; parentName: string | null };
  onBehalf: boolean;
  late: { dueDate: LocalDate } | null;
  previous: { date: LocalDate | null; results: ElectionResults | null } | null;
}

export function renderReportCard(t: Translate, locale: Locale, draft: ReportDraft, context: CardContext): string {
  const lines = [
    t("report-card-title", { unit: context.unit.name, parent: context.unit.parentName ?? "none" }),
    t("report-card-milestone", { milestone: draft.milestone, date: formatLocalDate(draft.date) }),
  ];
  if (draft.results) lines.push(...renderResults(t, locale, draft.results));
  if (context.previous) {
    const changes = describeChanges(t, context.previous, draft);
    lines.push("", changes.length > 0 ? t("report-card-correction") : t("report-card-same"));
    lines.push(...changes);
  }
  if (context.onBehalf) lines.push("", t("report-card-on-behalf"));
  if (context.late) lines.push(t("report-card-late", { date: formatLocalDate(context.late.dueDate) }));
  return lines.join("\n");
}

export function renderResults(t: Translate, locale: Locale, results: ElectionResults): string[] {
  const share = (value: number) => formatPercent(value, results.committeeElected, locale);
  const lines = [
    t("report-card-committee", {
      elected: results.committeeElected,
      planned: results.committeePlanned,
      full: electedInFull(results) ? "yes" : "no",
      women: results.women,
      womenShare: share(results.women),
      young: results.underThirtyFive,
      youngShare: share(results.underThirtyFive),
      reElected: results.reElected,
      newMembers: results.committeeElected - results.reElected,
    }),
  ];
  if (results.standingElected !== null) lines.push(t("report-card-standing", { count: results.standingElected }));
  if (results.secretaryDirect !== null) lines.push(t("report-card-secretary-direct", { answer: results.secretaryDirect ? "yes" : "no" }));
  if (results.oneRound !== null) lines.push(t("report-card-one-round", { answer: results.oneRound ? "yes" : "no" }));
  if (results.delegates !== null) lines.push(t("report-card-delegates", { count: results.delegates }));
  if (results.summoned !== null) {
    lines.push(t("report-card-attendance", { present: results.present ?? "?", summoned: results.summoned }));
  }
  if (results.note) lines.push(t("report-card-note", { note: results.note }));
  return lines;
}

function describeChanges(t: Translate, before: NonNullable<CardContext["previous"]>, after: ReportDraft): string[] {
  const lines: string[] = [];
  if (before.date !== after.date) {
    lines.push(t("report-card-change", { field: t("report-field-date"), before: before.date ? formatLocalDate(before.date) : "—", after: formatLocalDate(after.date) }));
  }
  if (before.results && after.results) {
    for (const key of Object.keys(after.results) as (keyof ElectionResults)[]) {
      const [was, now] = [before.results[key], after.results[key]];
      if (was !== now) lines.push(t("report-card-change", { field: t("report-field-name", { field: key }), before: show(t, was), after: show(t, now) }));
    }
  }
  return lines;
}

function show(t: Translate, value: number | boolean | string | null): string {
  if (value === null) return "—";
  if (typeof value === "boolean") return t("report-yes-no", { answer: value ? "yes" : "no" });
  return String(value);
}
