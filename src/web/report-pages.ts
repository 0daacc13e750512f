// The web's report pages: choose the milestone, fill in the form, read the card and confirm, saved. The card
// and the checklist are the bot's own texts (src/render), so a report reads the same on both channels.
import { html } from "hono/html";
import type { ChecklistItem } from "../domain/checklist.js";
import {
  groupFields,
  isShareField,
  maxNoteLength,
  requiredResultFields,
  type CommitteeKind,
  type NumberField,
  type YesNoField,
} from "../domain/election-results.js";
import type { Milestone } from "../domain/levels.js";
import { formatLocalDate, type LocalDate } from "../domain/local-date.js";
import type { Translate } from "../i18n.js";
import { renderChecklistLine, renderChecklistTitle } from "../render/checklist-text.js";
import { layout, type PageFrame } from "./pages.js";
import type { ReportFormValues } from "./report-form.js";

type Html = ReturnType<typeof html>;

export interface ReportUnitView {
  name: string;
  code: string;
  committee: CommitteeKind;
  /** The person reports for a unit not their own (a working group's leader, the office). */
  onBehalf: boolean;
}

/** A problem to show: on a field of the form (marked there too), or on the form as a whole. */
export interface ShownProblem {
  field: "date" | NumberField | YesNoField | "note" | null;
  text: string;
}

export function reportChooserPage(
  frame: PageFrame,
  view: { unit: ReportUnitView; milestones: { milestone: Milestone; reported: boolean }[] },
): Html {
  const { t } = frame;
  return layout(
    frame,
    html`${backLink(t, view.unit)}
<h1>${t("web-report-choose-title", { unit: view.unit.name })}</h1>
${view.unit.onBehalf ? html`<p class="muted">${t("report-card-on-behalf")}</p>` : ""}
<p>${t("web-report-choose")}</p>
<ul class="plain choices">${view.milestones.map(
      (item) =>
        html`<li><a class="choice" href="/don-vi/${view.unit.code}/bao-cao?moc=${item.milestone}">${t(
          "report-milestone-button",
          { done: item.reported ? "yes" : "no", name: t("milestone-name", { milestone: item.milestone }) },
        )}</a></li>`,
    )}</ul>`,
  );
}

export function reportFormPage(
  frame: PageFrame,
  view: {
    unit: ReportUnitView;
    values: ReportFormValues;
    problems: ShownProblem[];
    today: LocalDate;
    csrfToken: string;
  },
): Html {
  const { t } = frame;
  const { unit, values } = view;
  const committee = unit.committee;
  const problemOf = (field: ShownProblem["field"]) => view.problems.filter((problem) => problem.field === field);
  const described = (field: NonNullable<ShownProblem["field"]>, hint: string | null) => {
    const ids = [hint, problemOf(field).length > 0 ? `${field}-problem` : null].filter(Boolean).join(" ");
    return ids ? html` aria-describedby="${ids}"` : "";
  };
  const invalid = (field: NonNullable<ShownProblem["field"]>) =>
    problemOf(field).length > 0 ? html` aria-invalid="true"` : "";
  const fieldProblems = (field: NonNullable<ShownProblem["field"]>) =>
    problemOf(field).length > 0
      ? html`<span class="field-problem" id="${field}-problem">${problemOf(field)
          .map((problem) => problem.text)
          .join(" ")}</span>`
      : "";
  const numberInput = (field: NumberField) => {
    const required = requiredResultFields.includes(field);
    return html`<div class="field"><label for="${field}">${t("report-question", { field, committee })}${
      required ? html` <span class="muted">${t("web-report-required-mark")}</span>` : ""
    }</label>
<input id="${field}" name="${field}" inputmode="${isShareField(field) ? "decimal" : "numeric"}" autocomplete="off" maxlength="6" value="${values.numbers[field]}"${required ? " required" : ""}${invalid(field)}${described(field, null)}>
${fieldProblems(field)}</div>`;
  };
  const yesNoInput = (field: YesNoField) =>
    html`<fieldset class="field"${invalid(field)}><legend>${t("report-question", { field, committee })}</legend>
${(["yes", "no", ""] as const).map(
  (answer) =>
    html`<label class="inline"><input type="radio" name="${field}" value="${answer}"${values.answers[field] === answer ? " checked" : ""}> ${
      answer === "yes" ? t("report-yes") : answer === "no" ? t("report-no") : t("web-report-unknown")
    }</label>`,
)}${fieldProblems(field)}</fieldset>`;
  return layout(
    frame,
    html`${backLink(t, unit)}
<h1>${t("web-report-form-title", { unit: unit.name, milestone: t("milestone-name", { milestone: values.milestone }) })}</h1>
${unit.onBehalf ? html`<p class="muted">${t("report-card-on-behalf")}</p>` : ""}
${
  view.problems.length > 0
    ? html`<div class="problems" role="alert"><p>${t("web-report-problems")}</p><ul>${view.problems.map(
        (problem) => html`<li>${problem.text}</li>`,
      )}</ul></div>`
    : ""
}
<form class="report" method="post" action="/don-vi/${unit.code}/bao-cao" novalidate>
<input type="hidden" name="_csrf" value="${view.csrfToken}">
<input type="hidden" name="moc" value="${values.milestone}">
<div class="field"><label for="date">${t("web-report-date-label", { milestone: values.milestone })}</label>
<span class="muted" id="date-hint">${t("web-report-date-hint", { example: formatLocalDate(view.today) })}</span>
<input id="date" name="date" inputmode="numeric" autocomplete="off" maxlength="20" placeholder="dd/mm/yyyy" value="${values.date}" required${invalid("date")}${described("date", "date-hint")}>
${fieldProblems("date")}</div>
${
  values.milestone === "held"
    ? html`<h2>${t("web-report-results")}</h2>
<p class="muted">${t("web-report-optional-hint")}</p>
${groupFields("numbers", committee).map(numberInput)}
<h3>${t("web-report-group", { group: "composition" })}</h3>
${groupFields("composition", committee).map(numberInput)}
${yesNoInput("secretaryDirect")}
${yesNoInput("oneRound")}
<h3>${t("web-report-group", { group: "votes" })}</h3>
${groupFields("votes", committee).map(numberInput)}
<h3>${t("web-report-group", { group: "attendance" })}</h3>
${groupFields("attendance", committee).map(numberInput)}
<div class="field"><label for="note">${t("report-field-name", { field: "note" })}</label>
<span class="muted" id="note-hint">${t("web-report-note-hint")}</span>
<textarea id="note" name="note" rows="3" maxlength="${maxNoteLength}"${invalid("note")}${described("note", "note-hint")}>${values.note}</textarea>
${fieldProblems("note")}</div>`
    : ""
}
<p class="actions"><button class="button" type="submit" name="action" value="check">${t("web-report-check")}</button>
<a href="/don-vi/${unit.code}">${t("web-report-cancel")}</a></p>
</form>`,
  );
}

export function reportConfirmPage(
  frame: PageFrame,
  view: { unit: ReportUnitView; card: string; values: ReportFormValues; requestKey: string; csrfToken: string },
): Html {
  const { t } = frame;
  const { values } = view;
  return layout(
    frame,
    html`${backLink(t, view.unit)}
<h1>${t("web-report-confirm-title")}</h1>
<div class="card"><p class="digest">${view.card}</p></div>
<p>${t("web-report-confirm-hint")}</p>
<form method="post" action="/don-vi/${view.unit.code}/bao-cao">
<input type="hidden" name="_csrf" value="${view.csrfToken}">
<input type="hidden" name="key" value="${view.requestKey}">
${hiddenValues(values)}
<p class="actions"><button class="button" type="submit" name="action" value="confirm">${t("report-confirm")}</button>
<button class="secondary" type="submit" name="action" value="edit">${t("report-edit")}</button>
<a href="/don-vi/${view.unit.code}">${t("web-report-cancel")}</a></p>
</form>`,
  );
}

export function reportSavedPage(
  frame: PageFrame,
  view: {
    unit: ReportUnitView & { parentName: string | null; term: string | null };
    card: string;
    checklist: ChecklistItem[];
  },
): Html {
  const { t } = frame;
  return layout(
    frame,
    html`<h1>${t("web-report-saved-title")}</h1>
<div class="card" role="status"><p class="digest">${view.card}\n\n${t("report-card-saved")}</p></div>
<h2>${renderChecklistTitle(t, { name: view.unit.name, parentName: view.unit.parentName, term: view.unit.term })}</h2>
<ul class="plain card">${view.checklist.map((item) => html`<li>${renderChecklistLine(t, item)}</li>`)}</ul>
<p><a href="/don-vi/${view.unit.code}">${t("web-report-back")}</a></p>`,
  );
}

/** The form's values carried through the confirmation page (checked again when confirmed). */
function hiddenValues(values: ReportFormValues): Html {
  const fields: [string, string][] = [
    ["moc", values.milestone],
    ["date", values.date],
    ...Object.entries(values.numbers),
    ...Object.entries(values.answers),
    ["note", values.note],
  ];
  return html`${fields.map(([name, value]) => html`<input type="hidden" name="${name}" value="${value}">`)}`;
}

function backLink(t: Translate, unit: { name: string; code: string }): Html {
  return html`<p><a href="/don-vi/${unit.code}">${t("web-up", { unit: unit.name })}</a></p>`;
}
