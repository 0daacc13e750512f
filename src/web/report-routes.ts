// The web's report form (issue 13): a secretary (or a working group's leader, on the unit's behalf) reports a
// milestone without Telegram. Entry point only: read the form, call the use case the bot's /baocao calls
// (reportAccess, draftProblems, reportCard, recordReport), render. The same rules refuse the same drafts with
// the same words; a correction is a new report, as in the bot. Mounted behind the session and form-token
// checks of src/web/web-app.ts.
import { randomBytes } from "node:crypto";
import { Hono } from "hono";
import { localDateOf } from "../clock.js";
import type { PersonProfile } from "../db/people-store.js";
import { committeeKindOf } from "../domain/election-results.js";
import { milestones } from "../domain/levels.js";
import { formatLocalDate, type LocalDate } from "../domain/local-date.js";
import type { DraftProblem } from "../domain/report-draft.js";
import { renderReportCard } from "../render/report-card.js";
import { draftProblemText } from "../render/report-problem-text.js";
import {
  draftProblems,
  previousOf,
  recordReport,
  reportAccess,
  reportCard,
  unitReports,
  type ReportAccess,
} from "../usecases/reports.js";
import type { WebSession } from "../usecases/web-sign-in.js";
import { messagePage, type PageFrame } from "./pages.js";
import { formValues, parseMilestone, readReportForm, valuesOf, type FormProblem } from "./report-form.js";
import {
  reportChooserPage,
  reportConfirmPage,
  reportFormPage,
  reportSavedPage,
  type ReportUnitView,
  type ShownProblem,
} from "./report-pages.js";
import { frameOf, type Env, type WebContext, type WebDeps } from "./web-frame.js";

type Granted = Extract<ReportAccess, { status: "granted" }>;

/** A confirmation form's key: the request key of the report it confirms ("web:<key>"). */
const requestKeyPattern = /^[A-Za-z0-9_-]{24}$/;

export function reportRoutes(deps: WebDeps): Hono<Env> {
  const app = new Hono<Env>();

  app.get("/don-vi/:code/bao-cao", async (c) => {
    const session = c.get("session")!;
    const access = await accessOf(deps, session.person, c.req.param("code"));
    if (access.status !== "granted") return refused(c, deps, session, access);
    const frame = pageFrame(deps, session, access.unit.name);
    const unit = unitView(access);
    const reports = await unitReports(deps, access.unit);
    const milestone = parseMilestone(c.req.query("moc"));
    if (!milestone) {
      const reported = new Set(reports.map((report) => report.milestone));
      return c.html(
        reportChooserPage(frame, {
          unit,
          milestones: milestones.map((item) => ({ milestone: item, reported: reported.has(item) })),
        }),
      );
    }
    // A milestone reported before opens with its current report filled in: the person corrects what differs.
    const values = valuesOf(milestone, previousOf(reports, milestone));
    return c.html(
      reportFormPage(frame, { unit, values, problems: [], today: todayOf(deps), csrfToken: session.csrfToken }),
    );
  });

  app.post("/don-vi/:code/bao-cao", async (c) => {
    const session = c.get("session")!;
    const access = await accessOf(deps, session.person, c.req.param("code"));
    if (access.status !== "granted") return refused(c, deps, session, access);
    const frame = pageFrame(deps, session, access.unit.name);
    const unit = unitView(access);
    const body = await c.req.parseBody();
    const milestone = parseMilestone(body.moc);
    if (!milestone) return c.redirect(`/don-vi/${access.unit.code}/bao-cao`, 303);
    const today = todayOf(deps);
    const values = formValues(body, milestone);
    const form = (problems: ShownProblem[], status: 200 | 400) =>
      c.html(reportFormPage(frame, { unit, values, problems, today, csrfToken: session.csrfToken }), status);
    if (body.action === "edit") return form([], 200);

    const read = readReportForm(values, { id: access.unit.id, committee: unit.committee }, today);
    if (!read.ok)
      return form(
        read.problems.map((problem) => formProblemText(frame, problem, today)),
        400,
      );
    const problems = draftProblems(access.unit, read.draft, today);
    if (problems.length > 0)
      return form(
        problems.map((problem) => shownDraftProblem(frame, problem)),
        400,
      );

    if (body.action !== "confirm") {
      const card = reportCard(access, read.draft, await unitReports(deps, access.unit), today);
      return c.html(
        reportConfirmPage(frame, {
          unit,
          card: renderReportCard(frame.t, frame.locale, read.draft, card),
          values,
          requestKey: randomBytes(18).toString("base64url"),
          csrfToken: session.csrfToken,
        }),
      );
    }
    const key = typeof body.key === "string" ? body.key : "";
    if (!requestKeyPattern.test(key)) return form([], 400);
    // The card's key: a double click or a reload of the answer stores one report.
    const outcome = await recordReport(deps, {
      person: session.person,
      draft: read.draft,
      source: "web",
      requestKey: `web:${key}`,
    });
    if (outcome.status === "invalid")
      return form(
        outcome.problems.map((p) => shownDraftProblem(frame, p)),
        400,
      );
    if (outcome.status !== "recorded") return refused(c, deps, session, outcome);
    deps.logger.info(
      { personId: session.person.id, unit: outcome.unit.code, milestone, duplicate: outcome.duplicate },
      "web report",
    );
    return c.html(
      reportSavedPage(frame, {
        unit: { ...unit, parentName: outcome.unit.parentName, term: outcome.unit.term ?? outcome.unit.campaign.term },
        card: renderReportCard(frame.t, frame.locale, read.draft, outcome.card),
        checklist: outcome.checklist,
      }),
    );
  });

  return app;
}

function accessOf(deps: WebDeps, person: PersonProfile, code: string): Promise<ReportAccess> {
  return reportAccess(deps, person, { code: code.slice(0, 40) });
}

function todayOf(deps: WebDeps): LocalDate {
  return localDateOf(deps.clock.now(), deps.config.timezone);
}

function pageFrame(deps: WebDeps, session: WebSession, title: string): PageFrame {
  return { ...frameOf(deps, session.person.locale, session), title };
}

function unitView(access: Granted): ReportUnitView {
  return {
    name: access.unit.name,
    code: access.unit.code,
    committee: committeeKindOf(access.unit),
    onBehalf: access.right === "on-behalf",
  };
}

/**
 * A unit the person may not report for answers as a page they may not see: 404 whether it does not exist
 * or is another's, so the form cannot probe which units exist elsewhere.
 */
function refused(
  c: WebContext,
  deps: WebDeps,
  session: WebSession,
  access: Exclude<ReportAccess, { status: "granted" }>,
) {
  const frame = frameOf(deps, session.person.locale, session);
  const text =
    access.status === "no-campaign"
      ? frame.t("report-no-campaign")
      : access.status === "not-allowed"
        ? frame.t("report-not-allowed", { unit: access.unit.name })
        : frame.t("web-unit-unknown", { code: (c.req.param("code") ?? "").slice(0, 40) });
  return c.html(messagePage({ ...frame, title: frame.t("web-not-found-title") }, text), 404);
}

function formProblemText(frame: PageFrame, problem: FormProblem, today: LocalDate): ShownProblem {
  const { t } = frame;
  if (problem.field === "date") {
    const key = problem.code === "format" ? "report-date-format" : "report-date-not-real";
    return { field: "date", text: t(key, { value: problem.value, example: formatLocalDate(today) }) };
  }
  const field = t("report-field-name", { field: problem.field });
  return problem.code === "required"
    ? { field: problem.field, text: t("web-report-required", { field }) }
    : { field: problem.field, text: t(`web-report-${problem.code}`, { field, value: problem.value }) };
}

function shownDraftProblem(frame: PageFrame, problem: DraftProblem): ShownProblem {
  const field =
    problem.code === "election"
      ? problem.problem.field
      : problem.code === "results-required"
        ? null
        : ("date" as const);
  return { field, text: draftProblemText(frame.t, problem) };
}
