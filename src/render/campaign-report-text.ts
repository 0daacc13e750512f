// A template campaign's report as the bot shows it: the confirmation card, the unit's checklist in the
// campaign after it is saved, and what is wrong with a report, each in the person's language with the
// template's own labels.
import type { ChecklistItem } from "../domain/checklist.js";
import type { CampaignValues, FieldValue, ValueProblem } from "../domain/campaign-report.js";
import type { CampaignTemplate, TemplateField, TemplateMilestone } from "../domain/campaign-template.js";
import { formatLocalDate, type LocalDate } from "../domain/local-date.js";
import { formatCount, type Locale, type Translate } from "../i18n.js";
import type { CampaignReportReady } from "../usecases/campaigns.js";
import { renderChecklistLine } from "./checklist-text.js";
import { roundLabel } from "./campaign-section-text.js";

export function fieldValueText(t: Translate, locale: Locale, field: TemplateField, value: FieldValue): string {
  switch (field.type) {
    case "count":
      return formatCount(Number(value), locale);
    case "yesno":
      return t(value === true ? "report-yes" : "report-no");
    case "choice":
      return field.choices.find((choice) => choice.key === value)?.label[locale] ?? String(value);
    case "text":
      return String(value);
  }
}

export interface CampaignCard {
  unit: { name: string; parentName: string | null };
  campaign: { name: string };
  round: string;
  milestone: TemplateMilestone;
  date: LocalDate | null;
  values: CampaignValues;
  onBehalf: boolean;
  late: { dueDate: LocalDate; doneLate: boolean } | null;
  corrects: boolean;
}

export function renderCampaignCard(t: Translate, locale: Locale, card: CampaignCard): string {
  const lines = [
    t("campaign-card-title", { unit: card.unit.name, parent: card.unit.parentName ?? "none" }),
    t("campaign-card-campaign", { campaign: card.campaign.name, round: roundLabel(card.round) || "none" }),
    t("campaign-card-milestone", {
      milestone: card.milestone.label[locale],
      date: card.date ? formatLocalDate(card.date) : "none",
    }),
  ];
  for (const field of card.milestone.fields) {
    const value = card.values[field.key];
    if (value === null || value === undefined) continue;
    lines.push(
      t("campaign-card-value", { label: field.label[locale], value: fieldValueText(t, locale, field, value) }),
    );
  }
  if (card.onBehalf) lines.push(t("report-card-on-behalf"));
  if (card.late)
    lines.push(
      t("report-card-late", { done: card.late.doneLate ? "late" : "onTime", date: formatLocalDate(card.late.dueDate) }),
    );
  if (card.corrects) lines.push(t("campaign-card-correction"));
  return lines.join("\n");
}

/** The card of a report checked and ready (or recorded), as the bot and the web show it. */
export function renderReadyCard(
  t: Translate,
  locale: Locale,
  campaign: { name: string },
  ready: Pick<CampaignReportReady, "unit" | "round" | "milestone" | "date" | "values" | "right" | "late" | "corrects">,
): string {
  return renderCampaignCard(t, locale, {
    unit: ready.unit,
    campaign,
    round: ready.round,
    milestone: ready.milestone,
    date: ready.date,
    values: ready.values,
    onBehalf: ready.right === "on-behalf",
    late: ready.late,
    corrects: ready.corrects,
  });
}

/** One checklist line of a template campaign's milestone, named by the template's label. */
export function renderCampaignChecklistLine(
  t: Translate,
  locale: Locale,
  template: CampaignTemplate,
  item: ChecklistItem<string>,
): string {
  const label = (key: string) => template.milestones.find((milestone) => milestone.key === key)?.label[locale] ?? key;
  if (item.state === "closed")
    return t("campaign-check-closed-by", { milestone: label(item.milestone), by: label(item.by) });
  return renderChecklistLine(t, item, label);
}

/** Fluent's variant keys are names: each comparison's. */
const operatorNames = { "<=": "le", "<": "lt", "=": "eq", ">=": "ge", ">": "gt" } as const;

export function campaignProblemText(t: Translate, problem: ValueProblem, locale: Locale): string {
  // A rule in the form's own words: "Đảng viên có mặt (16) không được lớn hơn Tổng số đảng viên (15)".
  if (problem.code === "rule") {
    const side = (fields: typeof problem.left) =>
      fields.map((field) => `${field.label[locale]} (${formatCount(field.value, locale)})`).join(" + ");
    return t("campaign-problem-rule", {
      left: side(problem.left),
      operator: operatorNames[problem.operator],
      right: side(problem.right),
      keys: problem.rule,
    });
  }
  if (problem.code === "date-in-future")
    return t("campaign-problem-date-in-future", { date: formatLocalDate(problem.date) });
  // The range reads as the office writes numbers (10.000); the example as it is typed (no separator).
  if (problem.code === "not-a-number")
    return t("campaign-problem-not-a-number", { ...problem, example: `${problem.key}=${problem.min}` });
  const { code, ...args } = problem;
  return t(`campaign-problem-${code}`, args as Record<string, string | number>);
}
