// The web's report form for the campaigns of other templates (the year's review, a resolution's study, the
// monthly meeting, an office's own): the offices where Telegram cannot be reached report here. Entry point
// only: read the form, call the use cases the bot's /baocao calls (campaignUnitAccess, checkCampaignReport,
// recordCampaignReport), render. Mounted behind the session and form-token checks of src/web/web-app.ts.
import { randomBytes } from "node:crypto";
import { Hono } from "hono";
import { localDateOf } from "../clock.js";
import type { ValueProblem } from "../domain/campaign-report.js";
import type { LocalDate } from "../domain/local-date.js";
import { parseUserDate } from "../domain/user-date.js";
import { localDateTime } from "../domain/invite-token.js";
import { buildCampaignSheets } from "../render/campaign-export-sheets.js";
import { campaignProblemText, renderReadyCard } from "../render/campaign-report-text.js";
import { writeExportWorkbook } from "../render/export-workbook.js";
import {
  campaignUnitAccess,
  campaignUnitState,
  checkCampaignReport,
  exportCampaign,
  openCampaigns,
  recordCampaignReport,
  type CampaignReportReady,
  type CampaignUnitAccess,
  type OpenCampaign,
} from "../usecases/campaigns.js";
import type { WebSession } from "../usecases/web-sign-in.js";
import {
  campaignChooserPage,
  campaignConfirmPage,
  campaignFormPage,
  campaignSavedPage,
  type CampaignFormValues,
} from "./campaign-pages.js";
import { messagePage, type PageFrame } from "./pages.js";
import { frameOf, type Env, type WebContext, type WebDeps } from "./web-frame.js";

/** A confirmation form's key: the request key of the report it confirms ("web:<key>"). */
const requestKeyPattern = /^[A-Za-z0-9_-]{24}$/;

export function campaignRoutes(deps: WebDeps): Hono<Env> {
  const app = new Hono<Env>();

  app.get("/don-vi/:code/dot/:key", async (c) => {
    const session = c.get("session")!;
    const found = await granted(deps, session, c.req.param("code"), c.req.param("key"));
    if (found.status !== "granted") return refused(c, deps, session, found);
    const { campaign, access } = found;
    const frame = pageFrame(deps, session, access.unit.name);
    const unit = unitView(access);
    const milestone = campaign.template.milestones.find((candidate) => candidate.key === c.req.query("moc"));
    if (!milestone) {
      const { state } = await campaignUnitState(deps, { campaign, unitId: access.unit.id });
      return c.html(campaignChooserPage(frame, { unit, campaign, checklist: state?.checklist ?? [] }));
    }
    const values: CampaignFormValues = { milestone: milestone.key, date: "", fields: {} };
    return c.html(
      campaignFormPage(frame, {
        unit,
        campaign,
        milestone,
        values,
        problems: [],
        today: todayOf(deps),
        csrfToken: session.csrfToken,
      }),
    );
  });

  app.post("/don-vi/:code/dot/:key", async (c) => {
    const session = c.get("session")!;
    const found = await granted(deps, session, c.req.param("code"), c.req.param("key"));
    if (found.status !== "granted") return refused(c, deps, session, found);
    const { campaign, access } = found;
    const frame = pageFrame(deps, session, access.unit.name);
    const unit = unitView(access);
    const body = await c.req.parseBody();
    const milestone = campaign.template.milestones.find((candidate) => candidate.key === body.moc);
    if (!milestone) return c.redirect(`/don-vi/${access.unit.code}/dot/${campaign.key}`, 303);
    const today = todayOf(deps);
    const text = (value: unknown, max: number) => (typeof value === "string" ? value.trim().slice(0, max) : "");
    const values: CampaignFormValues = {
      milestone: milestone.key,
      date: text(body.date, 20),
      fields: Object.fromEntries(
        milestone.fields.map((field) => [field.key, text(body[`f-${field.key}`], field.maxLength + 1)]),
      ),
    };
    const form = (problems: string[], status: 200 | 400) =>
      c.html(
        campaignFormPage(frame, {
          unit,
          campaign,
          milestone,
          values,
          problems,
          today,
          csrfToken: session.csrfToken,
        }),
        status,
      );
    if (body.action === "edit") return form([], 200);

    let date: LocalDate | null = null;
    if (values.date !== "" && milestone.date !== "none") {
      const parsed = parseUserDate(values.date, today);
      if (!parsed.ok)
        return form([problemText(frame, { code: "date", value: values.date, problem: parsed.problem })], 400);
      date = parsed.date;
    }
    const input = {
      person: session.person,
      campaign,
      unit: { id: access.unit.id },
      milestone: milestone.key,
      date,
      // A field left empty is not reported, as a key left out of the one-line form.
      raw: new Map(Object.entries(values.fields).filter(([, value]) => value !== "")),
    };
    if (body.action !== "confirm") {
      const checked = await checkCampaignReport(deps, input);
      if (checked.status === "invalid")
        return form(
          checked.problems.map((problem) => problemText(frame, problem)),
          400,
        );
      if (checked.status !== "ready") return refused(c, deps, session, checked);
      return c.html(
        campaignConfirmPage(frame, {
          unit,
          campaign,
          card: cardText(frame, campaign, checked),
          values,
          requestKey: randomBytes(18).toString("base64url"),
          csrfToken: session.csrfToken,
        }),
      );
    }
    const key = typeof body.key === "string" ? body.key : "";
    if (!requestKeyPattern.test(key)) return form([], 400);
    // The card's key: a double click or a reload of the answer stores one report.
    const outcome = await recordCampaignReport(deps, { ...input, source: "web", requestKey: `web:${key}` });
    if (outcome.status === "invalid")
      return form(
        outcome.problems.map((problem) => problemText(frame, problem)),
        400,
      );
    if (outcome.status !== "recorded") return refused(c, deps, session, outcome);
    deps.logger.info(
      { personId: session.person.id, unit: access.unit.code, campaign: campaign.key, duplicate: outcome.duplicate },
      "web campaign report",
    );
    return c.html(
      campaignSavedPage(frame, {
        unit,
        campaign,
        card: cardText(frame, campaign, { ...outcome, status: "ready" }),
        checklist: outcome.checklist,
        duplicate: outcome.duplicate,
      }),
    );
  });

  // A campaign's workbook of the unit's subtree, for whoever may export it (the export's one scope rule).
  app.get("/don-vi/:code/dot/:key/xuat.xlsx", async (c) => {
    const session = c.get("session")!;
    const outcome = await exportCampaign(deps, {
      requester: { kind: "person", person: session.person },
      campaignKey: c.req.param("key").slice(0, 40),
      unitCode: c.req.param("code").slice(0, 40),
    });
    if (outcome.status !== "exported") return c.notFound();
    const frame = frameOf(deps, session.person.locale, session);
    const workbook = await writeExportWorkbook(
      buildCampaignSheets(frame.t, frame.locale, outcome, { timeZone: deps.config.timezone }),
      outcome.exportedAt,
    );
    const local = localDateTime(outcome.exportedAt, deps.config.timezone);
    const name = `${frame.t("export-file-name")}-${outcome.campaign.key}-${outcome.sections[0]!.root.code}-${local.date.replaceAll("-", "")}.xlsx`;
    deps.logger.info({ personId: session.person.id, campaign: outcome.campaign.key }, "web campaign export");
    return c.body(new Uint8Array(workbook), 200, {
      "content-type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      "content-disposition": `attachment; filename="${encodeURIComponent(name)}"; filename*=UTF-8''${encodeURIComponent(name)}`,
      "cache-control": "private, no-store",
    });
  });

  return app;
}

type Found =
  | { status: "granted"; campaign: OpenCampaign; access: Extract<CampaignUnitAccess, { status: "granted" }> }
  | { status: "unknown-campaign" }
  | Exclude<CampaignUnitAccess, { status: "granted" }>;

async function granted(deps: WebDeps, session: WebSession, code: string, key: string): Promise<Found> {
  const campaign = (await openCampaigns(deps, [session.person.organizationId])).find(
    (candidate) => candidate.key === key.toLowerCase(),
  );
  if (!campaign) return { status: "unknown-campaign" };
  const access = await campaignUnitAccess(deps, {
    person: session.person,
    campaign,
    unit: { code: code.slice(0, 40) },
  });
  return access.status === "granted" ? { status: "granted", campaign, access } : access;
}

function cardText(frame: PageFrame, campaign: OpenCampaign, ready: CampaignReportReady): string {
  return renderReadyCard(frame.t, frame.locale, campaign, ready);
}

function problemText(frame: PageFrame, problem: ValueProblem): string {
  return campaignProblemText(frame.t, problem, frame.locale);
}

function todayOf(deps: WebDeps): LocalDate {
  return localDateOf(deps.clock.now(), deps.config.timezone);
}

function pageFrame(deps: WebDeps, session: WebSession, title: string): PageFrame {
  return { ...frameOf(deps, session.person.locale, session), title };
}

function unitView(access: Extract<CampaignUnitAccess, { status: "granted" }>) {
  return { name: access.unit.name, code: access.unit.code, onBehalf: access.right === "on-behalf" };
}

/**
 * A unit the person may not report for, or a campaign that is not open, answers as a page they may not see:
 * 404, so the form cannot probe which units exist elsewhere.
 */
function refused(
  c: WebContext,
  deps: WebDeps,
  session: WebSession,
  refusal: Exclude<Found, { status: "granted" }> | { status: "unknown-milestone"; word: string },
) {
  const frame = frameOf(deps, session.person.locale, session);
  const text =
    refusal.status === "not-allowed"
      ? frame.t("report-not-allowed", { unit: refusal.unit.name })
      : refusal.status === "not-asked"
        ? frame.t("web-campaign-not-asked", { unit: refusal.unit.name })
        : refusal.status === "unknown-campaign" || refusal.status === "unknown-milestone"
          ? frame.t("web-campaign-unknown")
          : frame.t("web-unit-unknown", { code: (c.req.param("code") ?? "").slice(0, 40) });
  return c.html(messagePage({ ...frame, title: frame.t("web-not-found-title") }, text), 404);
}
