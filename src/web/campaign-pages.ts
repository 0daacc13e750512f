// The web's pages for the campaigns of other templates: each campaign's section on a unit's page (the
// same lines as status and the digest), and the report form built from the template's fields. The card
// and the checklist are the bot's own texts (src/render), so a report reads the same on both channels.
import { html } from "hono/html";
import type { ChecklistItem } from "../domain/checklist.js";
import type { TemplateMilestone } from "../domain/campaign-template.js";
import { formatLocalDate, type LocalDate } from "../domain/local-date.js";
import { renderCampaignChecklistLine } from "../render/campaign-report-text.js";
import { renderCampaignSection } from "../render/campaign-section-text.js";
import type { CampaignProgress, OpenCampaign } from "../usecases/campaigns.js";
import { layout, type PageFrame } from "./pages.js";

type Html = ReturnType<typeof html>;

/**
 * A campaign's section on a unit's page, with its report link when the person may report for the unit
 * and its workbook's when they may export the unit's subtree.
 */
export function campaignBlocks(
  frame: PageFrame,
  blocks: { progress: CampaignProgress; reportHref: string | null; exportHref: string | null }[],
): Html | string {
  if (blocks.length === 0) return "";
  const { t, locale } = frame;
  return html`<h2>${t("web-campaigns")}</h2>${blocks.map(
    ({
      progress,
      reportHref,
      exportHref,
    }) => html`<div class="card"><p class="digest">${renderCampaignSection(t, locale, progress).join("\n")}</p>
${reportHref ? html`<p><a class="button" href="${reportHref}">${t("web-campaign-report", { campaign: progress.campaign.name })}</a></p>` : ""}
${exportHref ? html`<p><a href="${exportHref}" download>${t("web-campaign-export", { campaign: progress.campaign.name })}</a></p>` : ""}</div>`,
  )}`;
}

interface UnitView {
  name: string;
  code: string;
  onBehalf: boolean;
}

const base = (unit: UnitView, campaign: OpenCampaign) => `/don-vi/${unit.code}/dot/${campaign.key}`;

export function campaignChooserPage(
  frame: PageFrame,
  view: { unit: UnitView; campaign: OpenCampaign; checklist: ChecklistItem<string>[] },
): Html {
  const { t, locale } = frame;
  const reported = new Set(view.checklist.filter((item) => item.state === "done").map((item) => item.milestone));
  return layout(
    frame,
    html`<p><a href="/don-vi/${view.unit.code}">${t("web-report-back")}</a></p>
<h1>${t("web-campaign-title", { unit: view.unit.name, campaign: view.campaign.name })}</h1>
${view.unit.onBehalf ? html`<p class="muted">${t("report-card-on-behalf")}</p>` : ""}
<ul class="plain card">${view.checklist.map(
      (item) => html`<li>${renderCampaignChecklistLine(t, locale, view.campaign.template, item)}</li>`,
    )}</ul>
<p>${t("web-report-choose")}</p>
<ul class="plain choices">${view.campaign.template.milestones.map(
      (milestone) =>
        html`<li><a class="choice" href="${base(view.unit, view.campaign)}?moc=${milestone.key}">${t(
          "report-milestone-button",
          { done: reported.has(milestone.key) ? "yes" : "no", name: milestone.label[locale] },
        )}</a></li>`,
    )}</ul>`,
  );
}

/** The form's values as typed: the date and each field (choices and yes/no as their keys). */
export interface CampaignFormValues {
  milestone: string;
  date: string;
  fields: Record<string, string>;
}

export function campaignFormPage(
  frame: PageFrame,
  view: {
    unit: UnitView;
    campaign: OpenCampaign;
    milestone: TemplateMilestone;
    values: CampaignFormValues;
    problems: string[];
    today: LocalDate;
    csrfToken: string;
  },
): Html {
  const { t, locale } = frame;
  const { milestone, values } = view;
  const input = (field: TemplateMilestone["fields"][number]) => {
    const value = values.fields[field.key] ?? "";
    const label = html`<label for="f-${field.key}">${field.question[locale]}${
      field.required ? html` <span class="muted">${t("web-report-required-mark")}</span>` : ""
    }</label>`;
    switch (field.type) {
      case "count":
        return html`<div class="field">${label}
<input id="f-${field.key}" name="f-${field.key}" inputmode="numeric" autocomplete="off" maxlength="7" value="${value}"${field.required ? " required" : ""}></div>`;
      case "text":
        return html`<div class="field">${label}
<textarea id="f-${field.key}" name="f-${field.key}" rows="3" maxlength="${field.maxLength}"${field.required ? " required" : ""}>${value}</textarea></div>`;
      case "yesno":
      case "choice": {
        const options =
          field.type === "yesno"
            ? [
                { key: "co", label: t("report-yes") },
                { key: "khong", label: t("report-no") },
              ]
            : field.choices.map((choice) => ({ key: choice.key, label: choice.label[locale] }));
        return html`<fieldset class="field"><legend>${field.question[locale]}${
          field.required ? html` <span class="muted">${t("web-report-required-mark")}</span>` : ""
        }</legend>
${[...options, ...(field.required ? [] : [{ key: "", label: t("web-report-unknown") }])].map(
  (option) =>
    html`<label class="inline"><input type="radio" name="f-${field.key}" value="${option.key}"${value === option.key ? " checked" : ""}> ${option.label}</label>`,
)}</fieldset>`;
      }
    }
  };
  return layout(
    frame,
    html`<p><a href="${base(view.unit, view.campaign)}">${t("web-campaign-back", { campaign: view.campaign.name })}</a></p>
<h1>${t("web-report-form-title", { unit: view.unit.name, milestone: milestone.label[locale] })}</h1>
${view.unit.onBehalf ? html`<p class="muted">${t("report-card-on-behalf")}</p>` : ""}
${
  view.problems.length > 0
    ? html`<div class="problems" role="alert"><p>${t("web-report-problems")}</p><ul>${view.problems.map(
        (problem) => html`<li>${problem}</li>`,
      )}</ul></div>`
    : ""
}
<form class="report" method="post" action="${base(view.unit, view.campaign)}" novalidate>
<input type="hidden" name="_csrf" value="${view.csrfToken}">
<input type="hidden" name="moc" value="${milestone.key}">
${
  milestone.date === "none"
    ? ""
    : html`<div class="field"><label for="date">${t("web-campaign-date", { milestone: milestone.label[locale] })}</label>
<span class="muted" id="date-hint">${t("web-report-date-hint", { example: formatLocalDate(view.today) })}</span>
<input id="date" name="date" inputmode="numeric" autocomplete="off" maxlength="20" placeholder="dd/mm/yyyy" value="${values.date}" aria-describedby="date-hint"${milestone.date === "optional" ? "" : " required"}></div>`
}
${milestone.fields.map(input)}
<p class="actions"><button class="button" type="submit" name="action" value="check">${t("web-report-check")}</button>
<a href="/don-vi/${view.unit.code}">${t("web-report-cancel")}</a></p>
</form>`,
  );
}

export function campaignConfirmPage(
  frame: PageFrame,
  view: {
    unit: UnitView;
    campaign: OpenCampaign;
    card: string;
    values: CampaignFormValues;
    requestKey: string;
    csrfToken: string;
  },
): Html {
  const { t } = frame;
  const hidden: [string, string][] = [
    ["moc", view.values.milestone],
    ["date", view.values.date],
    ...Object.entries(view.values.fields).map(([key, value]): [string, string] => [`f-${key}`, value]),
  ];
  return layout(
    frame,
    html`<h1>${t("web-report-confirm-title")}</h1>
<div class="card"><p class="digest">${view.card}</p></div>
<p>${t("web-report-confirm-hint")}</p>
<form method="post" action="${base(view.unit, view.campaign)}">
<input type="hidden" name="_csrf" value="${view.csrfToken}">
<input type="hidden" name="key" value="${view.requestKey}">
${hidden.map(([name, value]) => html`<input type="hidden" name="${name}" value="${value}">`)}
<p class="actions"><button class="button" type="submit" name="action" value="confirm">${t("report-confirm")}</button>
<button class="secondary" type="submit" name="action" value="edit">${t("report-edit")}</button>
<a href="/don-vi/${view.unit.code}">${t("web-report-cancel")}</a></p>
</form>`,
  );
}

export function campaignSavedPage(
  frame: PageFrame,
  view: {
    unit: UnitView;
    campaign: OpenCampaign;
    card: string;
    checklist: ChecklistItem<string>[];
    duplicate: boolean;
  },
): Html {
  const { t, locale } = frame;
  return layout(
    frame,
    html`<h1>${t("web-report-saved-title")}</h1>
<div class="card" role="status"><p class="digest">${view.card}\n\n${t(view.duplicate ? "campaign-duplicate" : "report-card-saved")}</p></div>
<h2>${t("campaign-saved", { campaign: view.campaign.name })}</h2>
<ul class="plain card">${view.checklist.map(
      (item) => html`<li>${renderCampaignChecklistLine(t, locale, view.campaign.template, item)}</li>`,
    )}</ul>
<p><a href="/don-vi/${view.unit.code}">${t("web-report-back")}</a></p>`,
  );
}
