// The web app's pages as HTML (hono/html escapes every value put in a template). Vietnamese first, the
// person's language when they chose English. No script: forms and links only.
import { html } from "hono/html";
import { localDateOf } from "../clock.js";
import type { UnitOfficer } from "../db/contact-store.js";
import type { ReportEvent } from "../db/report-store.js";
import { formatPhoneForDisplay } from "../domain/phone.js";
import { formatLocalDate, type LocalDate } from "../domain/local-date.js";
import type { EntrySummary, LevelLine } from "../domain/progress-rollup.js";
import { formatPercent, type Locale, type Translate } from "../i18n.js";
import { renderChecklistLine } from "../render/checklist-text.js";
import { renderDifficultyItem } from "../render/difficulty-text.js";
import type { DifficultyAudience } from "../domain/difficulty-rules.js";
import type { UnitDetail } from "../usecases/unit-pages.js";
import {
  tableFilters,
  tableSorts,
  type SubtreeTable,
  type TableFilter,
  type TableSort,
} from "../usecases/unit-pages.js";

type Html = ReturnType<typeof html>;

export interface PageFrame {
  t: Translate;
  locale: Locale;
  title: string;
  /**
   * The signed-in person, with the session's form token (for sign-out) and whether they may hand sign-in
   * links to others (an admin); null on pages before sign-in.
   */
  session: { name: string; csrfToken: string; handsLinks: boolean; notifications: boolean } | null;
  cssHref: string;
}

export function layout(frame: PageFrame, body: Html): Html {
  const { t } = frame;
  return html`<!doctype html>
<html lang="${frame.locale}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="same-origin">
<title>${frame.title} · ${t("web-title")}</title>
<link rel="stylesheet" href="${frame.cssHref}">
</head>
<body>
<a class="skip" href="#main">${t("web-skip")}</a>
<header class="top">
  <a href="/">${t("web-title")}</a>
  ${
    frame.session
      ? html`${frame.session.notifications ? html`<a href="/thong-bao">${t("web-push-nav")}</a>` : ""}${frame.session.handsLinks ? html`<a href="/lien-ket-dang-nhap">${t("web-links-nav")}</a>` : ""}<span>${t("web-signed-in-as", { name: frame.session.name })}
  <form method="post" action="/dang-xuat"><input type="hidden" name="_csrf" value="${frame.session.csrfToken}"><button type="submit">${t("web-sign-out")}</button></form></span>`
      : ""
  }
</header>
<main id="main">
${body}
</main>
</body>
</html>`;
}

export function messagePage(frame: PageFrame, text: string): Html {
  return layout(frame, html`<h1>${frame.title}</h1><p>${text}</p>`);
}

export function signInPage(frame: PageFrame, token: string): Html {
  const { t } = frame;
  return layout(
    frame,
    html`<h1>${t("web-sign-in-title")}</h1>
<p>${t("web-sign-in-confirm")}</p>
<form method="post" action="/dang-nhap">
  <input type="hidden" name="token" value="${token}">
  <button class="button" type="submit">${t("web-sign-in-button")}</button>
</form>`,
  );
}

function levelRows(t: Translate, locale: Locale, levels: readonly LevelLine[]): Html {
  // A table wider than a phone scrolls sideways: its box takes the keyboard's focus, so it can be scrolled without a mouse.
  return html`<div class="table-wrap" tabindex="0" role="region" aria-label="${t("web-overview-levels")}"><table>
<caption class="muted">${t("web-overview-levels")}</caption>
<thead><tr><th scope="col">${t("web-col-level")}</th><th scope="col" class="num">${t("web-col-held")}</th><th scope="col" class="num">${t("web-col-share")}</th><th scope="col" class="num">${t("web-col-scheduled")}</th><th scope="col" class="num">${t("web-col-overdue")}</th></tr></thead>
<tbody>${levels.map(
    (line) => html`<tr><th scope="row">${t("progress-level", { kind: line.kind ?? line.level })}</th>
<td class="num">${line.counts.held}/${line.counts.total}</td>
<td class="num">${formatPercent(line.counts.held, line.counts.total, locale)}</td>
<td class="num">${line.counts.scheduled}</td>
<td class="num">${line.counts.overdue}</td></tr>`,
  )}</tbody></table></div>`;
}

export interface OverviewView {
  unit: { name: string; code: string };
  today: LocalDate;
  levels: LevelLine[];
  digestText: string;
  digestTime: string;
  chartHref: string | null;
  table: SubtreeTable;
  query: { filter: TableFilter; q: string; sort: TableSort };
  up: { name: string; code: string } | null;
  /** The workbook of this subtree, when the person may export it. */
  exportHref: string | null;
  /** The narrative report (.docx) of the same figures, offered beside the workbook. */
  narrativeHref: string | null;
  report: ReportLink | null;
  /** The officers of each unit in the table, when the person may see their numbers (else no column). */
  contacts: Map<number, UnitOfficer[]> | null;
  /** The other open campaigns' sections (src/web/campaign-pages.ts). */
  campaigns?: Html | string;
}

/** The unit's report form, when the person may report for it (`onBehalf`: not as its officer). */
export interface ReportLink {
  href: string;
  onBehalf: boolean;
}

function reportLink(t: Translate, report: ReportLink | null): Html | string {
  return report
    ? html`<p><a class="button" href="${report.href}">${t("web-report-link", { onBehalf: report.onBehalf ? "yes" : "no" })}</a></p>`
    : "";
}

export function overviewPage(frame: PageFrame, view: OverviewView): Html {
  const { t, locale } = frame;
  return layout(
    frame,
    html`${view.up ? html`<p><a href="/don-vi/${view.up.code}">${t("web-up", { unit: view.up.name })}</a></p>` : ""}
<h1>${t("web-overview-title", { unit: view.unit.name, code: view.unit.code })}</h1>
<p class="muted">${t("web-overview-date", { date: formatLocalDate(view.today) })}</p>
${reportLink(t, view.report)}
${view.exportHref ? html`<p><a href="${view.exportHref}" download>${t("web-export")}</a>${view.narrativeHref ? html` • <a href="${view.narrativeHref}" download>${t("web-export-narrative")}</a>` : ""}</p>` : ""}
${view.campaigns ?? ""}
${levelRows(t, locale, view.levels)}
${view.chartHref ? html`<p><img class="chart" src="${view.chartHref}" alt="${t("web-chart-alt", { unit: view.unit.name })}"></p>` : ""}
<h2>${t("web-units-title")}</h2>
${tableForm(t, view)}
${unitTable(t, locale, view.table, view.contacts)}
<h2>${t("web-overview-digest", { time: view.digestTime })}</h2>
<div class="card"><p class="digest">${view.digestText}</p></div>`,
  );
}

function tableForm(t: Translate, view: OverviewView): Html {
  return html`<form class="filters" method="get" action="/don-vi/${view.unit.code}">
<label>${t("web-filter-label")}
<select name="loc">${tableFilters.map(
    (filter) =>
      html`<option value="${filter}"${filter === view.query.filter ? " selected" : ""}>${filter === "paused" ? t("web-filter-paused") : t("progress-filter", { filter })}</option>`,
  )}</select></label>
<label>${t("web-search-label")}
<input type="search" name="q" value="${view.query.q}" maxlength="100"></label>
<label>${t("web-sort-label")}
<select name="sx">${tableSorts.map(
    (sort) =>
      html`<option value="${sort}"${sort === view.query.sort ? " selected" : ""}>${t("web-sort", { sort })}</option>`,
  )}</select></label>
<button class="button" type="submit">${t("web-search-button")}</button>
</form>`;
}

function unitTable(
  t: Translate,
  locale: Locale,
  table: SubtreeTable,
  contacts: Map<number, UnitOfficer[]> | null,
): Html {
  if (table.rows.length === 0) return html`<p>${t("web-units-none")}</p>`;
  return html`<p class="muted">${t("web-units-count", { shown: table.rows.length, total: table.total })}</p>
<div class="table-wrap" tabindex="0" role="region" aria-label="${t("web-units-title")}"><table>
<thead><tr><th scope="col">${t("web-col-unit")}</th><th scope="col" class="num">${t("web-col-held")}</th><th scope="col" class="num">${t("web-col-share")}</th><th scope="col" class="num">${t("web-col-overdue")}</th><th scope="col" class="num">${t("web-col-difficulties")}</th>${
    contacts ? html`<th scope="col">${t("web-col-contact")}</th>` : ""
  }</tr></thead>
<tbody>${table.rows.map(
    (entry: EntrySummary) => html`<tr>
<th scope="row"><a href="/don-vi/${entry.unit.code}">${entry.unit.name}</a> <span class="muted">(${entry.unit.code})</span></th>
<td class="num">${entry.subtree.held}/${entry.subtree.total}</td>
<td class="num">${formatPercent(entry.subtree.held, entry.subtree.total, locale)}</td>
<td class="num">${entry.subtree.overdue}</td>
<td class="num">${entry.subtree.openDifficulties}</td>${
      contacts ? html`<td>${officerList(t, contacts.get(entry.unit.id) ?? [])}</td>` : ""
    }</tr>`,
  )}</tbody></table></div>`;
}

/** "Đoàn Văn Tiến 0846 131 004" with the number a link that calls it from a phone. */
function officerList(t: Translate, officers: readonly UnitOfficer[]): Html {
  if (officers.length === 0) return html`<span class="muted">${t("web-contact-none")}</span>`;
  return html`${officers.map(
    (officer, index) =>
      html`${index > 0 ? html`<br>` : ""}${t("web-contact", { role: officer.role, name: officer.name })} ${
        officer.phone
          ? html`<a class="tel" href="tel:${officer.phone}">${formatPhoneForDisplay(officer.phone)}</a>`
          : html`<span class="muted">${t("web-contact-no-phone")}</span>`
      }`,
  )}`;
}

export function homePage(frame: PageFrame, units: { name: string; code: string }[]): Html {
  const { t } = frame;
  return layout(
    frame,
    html`<h1>${t("web-home-title")}</h1>
<ul class="plain">${units.map((unit) => html`<li><a href="/don-vi/${unit.code}">${unit.name}</a> <span class="muted">(${unit.code})</span></li>`)}</ul>`,
  );
}

export function unitPage(
  frame: PageFrame,
  view: {
    unit: { name: string; code: string };
    detail: UnitDetail;
    audience: DifficultyAudience;
    timeZone: string;
    up: { name: string; code: string } | null;
    report: ReportLink | null;
    /** The unit's officers, when the person may see their numbers. */
    contacts: UnitOfficer[] | null;
    /** The other open campaigns' sections (src/web/campaign-pages.ts). */
    campaigns?: Html | string;
  },
): Html {
  const { t } = frame;
  const { detail } = view;
  return layout(
    frame,
    html`${view.up ? html`<p><a href="/don-vi/${view.up.code}">${t("web-up", { unit: view.up.name })}</a></p>` : ""}
<h1>${t("web-overview-title", { unit: view.unit.name, code: view.unit.code })}</h1>
${reportLink(t, view.report)}
${view.contacts ? html`<p>${t("web-col-contact")}: ${officerList(t, view.contacts)}</p>` : ""}
${view.campaigns ?? ""}
<h2>${t("web-unit-checklist")}</h2>
<ul class="plain card">${(detail.checklist ?? []).map((item) => html`<li>${renderChecklistLine(t, item)}</li>`)}</ul>
<h2>${t("web-unit-difficulties")}</h2>
${
  detail.card.openDifficulties.length === 0
    ? html`<p>${t("web-unit-difficulties-none")}</p>`
    : html`<ul class="plain card">${detail.card.openDifficulties.map(
        (difficulty) => html`<li>${renderDifficultyItem(t, difficulty, view.audience, view.timeZone)}</li>`,
      )}</ul>`
}
<h2>${t("web-unit-history")}</h2>
${
  detail.history.length === 0
    ? html`<p>${t("web-unit-history-none")}</p>`
    : html`<ul class="plain card">${detail.history.map((event) => historyLine(t, event, view.timeZone))}</ul>`
}`,
  );
}

function historyLine(t: Translate, event: ReportEvent, timeZone: string): Html {
  return html`<li${event.superseded ? html` class="muted"` : ""}>${t("web-history-line", {
    date: formatLocalDate(localDateOf(event.recordedAt, timeZone)),
    milestone: t("milestone-name", { milestone: event.milestone }),
    event: event.eventDate ? formatLocalDate(event.eventDate) : "—",
    by: event.authorName ?? "none",
    superseded: event.superseded ? "yes" : "no",
  })}</li>`;
}
