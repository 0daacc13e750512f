// The web app (issue 13): the same use cases as the bot, behind one-time-link sign-in. Every page but the
// sign-in pages needs a session; every POST needs the request to come from this site (Origin) and, once
// signed in, the session's form token. The session cookie is httpOnly and SameSite=Strict. Entry point
// only: parse the request, call a use case, render a page (src/web/pages.ts).
import { Hono } from "hono";
import { deleteCookie, getCookie, setCookie } from "hono/cookie";
import { secureHeaders } from "hono/secure-headers";
import { localDateOf } from "../clock.js";
import { localDateTime } from "../domain/invite-token.js";
import { formatLocalDate } from "../domain/local-date.js";
import type { ExportData } from "../domain/export-rows.js";
import type { Locale, Translate } from "../i18n.js";
import { mayAct, reportRight } from "../domain/scope.js";
import { renderDigest } from "../render/digest-text.js";
import { buildExportSheets } from "../render/export-sheets.js";
import { writeExportWorkbook } from "../render/export-workbook.js";
import { writeProgressReportDocx } from "../render/progress-report-docx.js";
import { exportProgress } from "../usecases/export-progress.js";
import { overviewOf } from "../usecases/overview.js";
import { progressChartFor } from "../usecases/progress-chart.js";
import type { ProgressUnitRow } from "../db/progress-units.js";
import { personViewer, visibleUnit, type Viewer } from "../usecases/progress-screen.js";
import {
  subtreeTable,
  tableFilters,
  tableSorts,
  unitContacts,
  unitDetail,
  type TableFilter,
  type TableSort,
} from "../usecases/unit-pages.js";
import {
  looksLikeWebSecret,
  sessionMaxMs,
  signInWithLink,
  signOut,
  webSessionOf,
  type WebSession,
} from "../usecases/web-sign-in.js";
import { pushAssetRoutes, pushRoutes } from "./push-routes.js";
import { reportRoutes } from "./report-routes.js";
import { campaignRoutes } from "./campaign-routes.js";
import { campaignBlocks } from "./campaign-pages.js";
import { campaignProgress, openCampaigns } from "../usecases/campaigns.js";
import { signInLinkRoutes } from "./sign-in-link-routes.js";
import { homePage, messagePage, overviewPage, signInPage, unitPage } from "./pages.js";
import {
  css,
  cssHref,
  forbidden,
  frameOf,
  localeOf,
  pagePolicy,
  sessionCookie,
  unitRefused,
  type Env,
  type WebContext,
  type WebDeps,
} from "./web-frame.js";

export { sessionCookie, type WebDeps };

export function createWebApp(deps: WebDeps): Hono<Env> {
  const app = new Hono<Env>();
  const secure = deps.config.web?.publicUrl?.startsWith("https://") ?? false;

  app.use(
    secureHeaders({
      contentSecurityPolicy: pagePolicy,
      // No address (a sign-in link holds a token) goes to another site; "no-referrer" would also make
      // the browser send "Origin: null" with our own forms, which the Origin check refuses.
      referrerPolicy: "same-origin",
      // A page that sets its own policy keeps it (the notifications page allows this site's script).
      overwrite: false,
    }),
  );

  // Every POST comes from a page of this site: a browser always sends Origin with a form POST.
  app.use(async (c, next) => {
    if (c.req.method === "POST" && !sameSite(c.req.header("origin"), c.req.url, deps.config.web?.publicUrl ?? null)) {
      return forbidden(c, deps, null);
    }
    await next();
  });

  app.use(async (c, next) => {
    const id = getCookie(c, sessionCookie);
    c.set("session", id ? await webSessionOf(deps, { sessionId: id }) : null);
    await next();
  });

  app.route("/", pushAssetRoutes());

  app.get(cssHref, (c) => {
    c.header("cache-control", "public, max-age=31536000, immutable");
    return c.body(css, 200, { "content-type": "text/css; charset=utf-8" });
  });

  // The link opens a page with a button: link previews (Zalo, Telegram) fetch the address, and must not use
  // the link up; the POST that follows comes from this site, so the new cookie goes with the next page.
  app.get("/dang-nhap/:token", (c) => {
    const frame = frameOf(deps, deps.config.defaultLocale, null);
    const token = c.req.param("token");
    if (!looksLikeWebSecret(token)) {
      return c.html(
        messagePage({ ...frame, title: frame.t("web-sign-in-title") }, frame.t("web-sign-in-invalid")),
        404,
      );
    }
    return c.html(signInPage({ ...frame, title: frame.t("web-sign-in-title") }, token));
  });

  app.post("/dang-nhap", async (c) => {
    const form = await c.req.parseBody();
    const token = typeof form.token === "string" ? form.token : "";
    const outcome = await signInWithLink(deps, { token });
    const frame = frameOf(deps, deps.config.defaultLocale, null);
    const page = (text: string, status: 400 | 410) =>
      c.html(messagePage({ ...frame, title: frame.t("web-sign-in-title") }, text), status);
    switch (outcome.status) {
      case "invalid":
        return page(frame.t("web-sign-in-invalid"), 400);
      case "used":
        return page(frame.t("web-sign-in-used"), 410);
      case "expired": {
        const at = localDateTime(outcome.expiresAt, deps.config.timezone);
        return page(frame.t("web-sign-in-expired", { time: at.time, date: formatLocalDate(at.date) }), 410);
      }
    }
    deps.logger.info({ personId: outcome.personId }, "web sign-in");
    setCookie(c, sessionCookie, outcome.sessionId, {
      httpOnly: true,
      sameSite: "Strict",
      secure,
      path: "/",
      maxAge: Math.floor(sessionMaxMs / 1000),
    });
    return c.redirect("/", 303);
  });

  app.post("/dang-xuat", async (c) => {
    const session = c.get("session");
    const form = await c.req.parseBody();
    if (!session || form._csrf !== session.csrfToken) return forbidden(c, deps, session);
    await signOut(deps, { sessionId: getCookie(c, sessionCookie)! });
    deleteCookie(c, sessionCookie, { path: "/", secure });
    return c.redirect("/da-dang-xuat", 303);
  });

  app.get("/da-dang-xuat", (c) => {
    const frame = frameOf(deps, deps.config.defaultLocale, null);
    return c.html(messagePage({ ...frame, title: frame.t("web-signed-out-title") }, frame.t("web-signed-out")));
  });

  // Everything below needs a session.
  app.use(async (c, next) => {
    if (!c.get("session")) {
      const frame = frameOf(deps, deps.config.defaultLocale, null);
      return c.html(
        messagePage({ ...frame, title: frame.t("web-sign-in-needed-title") }, frame.t("web-sign-in-needed")),
        401,
      );
    }
    await next();
  });

  // Every signed-in POST carries the session's form token (CSRF), besides coming from this site.
  app.use(async (c, next) => {
    if (c.req.method === "POST") {
      const session = c.get("session")!;
      const form = await c.req.parseBody();
      if (form._csrf !== session.csrfToken) return forbidden(c, deps, session);
    }
    await next();
  });

  app.route("/", reportRoutes(deps));
  app.route("/", campaignRoutes(deps));
  app.route("/", signInLinkRoutes(deps));
  if (deps.push) app.route("/", pushRoutes({ ...deps, push: deps.push }));

  app.get("/", async (c) => {
    const session = c.get("session")!;
    const frame = frameOf(deps, session.person.locale, session);
    const viewer = personViewer(session.person);
    if (!viewer) return c.html(messagePage({ ...frame, title: frame.t("web-title") }, frame.t("web-nothing-to-see")));
    if (viewer.scopes.length === 1) {
      const found = await visibleUnit(deps, viewer, { id: viewer.scopes[0]!.id });
      if (found.status !== "visible") return unitRefused(c, deps, session, found);
      return unitScreen(c, deps, viewer, session, found.unit);
    }
    const units = viewer.scopes.map((scope) => ({ name: scope.name, code: scope.code }));
    return c.html(homePage({ ...frame, title: frame.t("web-home-title") }, units));
  });

  app.get("/don-vi/:code", async (c) => {
    const session = c.get("session")!;
    const viewer = personViewer(session.person);
    const found = viewer ? await visibleUnit(deps, viewer, { code: c.req.param("code").slice(0, 40) }) : null;
    if (!viewer || !found || found.status !== "visible") return unitRefused(c, deps, session, found);
    return unitScreen(c, deps, viewer, session, found.unit);
  });

  app.get("/don-vi/:code/bieu-do.png", async (c) => {
    const session = c.get("session")!;
    const viewer = personViewer(session.person);
    const found = viewer ? await visibleUnit(deps, viewer, { code: c.req.param("code").slice(0, 40) }) : null;
    if (found?.status !== "visible") return c.notFound();
    const locale = localeOf(deps, session.person.locale);
    const today = localDateOf(deps.clock.now(), deps.config.timezone);
    const chart = await progressChartFor(deps.prisma, found.unit.id, today, deps.translate(locale), locale);
    if (!chart) return c.notFound();
    c.header("cache-control", "private, max-age=300");
    return c.body(new Uint8Array(chart.png), 200, { "content-type": "image/png" });
  });

  // What /xuat sends, of the unit's subtree, for whoever may export it (the one scope rule): the workbook,
  // and beside it the Word report of the same figures.
  const downloads = {
    "xuat.xlsx": {
      name: "export-file-name",
      type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      write: (data: ExportData, t: Translate, locale: Locale) =>
        writeExportWorkbook(buildExportSheets(data, { t, locale, timeZone: deps.config.timezone }), data.exportedAt),
    },
    "bao-cao.docx": {
      name: "narrative-file-name",
      type: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
      write: (data: ExportData, t: Translate, locale: Locale) =>
        writeProgressReportDocx(data, { t, locale, timeZone: deps.config.timezone }),
    },
  } as const;
  for (const [file, download] of Object.entries(downloads)) {
    app.get(`/don-vi/:code/${file}`, async (c) => {
      const session = c.get("session")!;
      const outcome = await exportProgress(deps, {
        requester: { kind: "person", person: session.person },
        unitCode: c.req.param("code").slice(0, 40),
      });
      if (outcome.status !== "exported") return c.notFound();
      const locale = localeOf(deps, session.person.locale);
      const t = deps.translate(locale);
      const bytes = await download.write(outcome.data, t, locale);
      const local = localDateTime(outcome.data.exportedAt, deps.config.timezone);
      const extension = file.slice(file.lastIndexOf("."));
      const name = `${t(download.name)}-${outcome.scope[0]!.code}-${local.date.replaceAll("-", "")}${extension}`;
      deps.logger.info({ personId: session.person.id, unit: outcome.scope[0]!.code, file }, "web export");
      return c.body(new Uint8Array(bytes), 200, {
        "content-type": download.type,
        "content-disposition": `attachment; filename="${encodeURIComponent(name)}"; filename*=UTF-8''${encodeURIComponent(name)}`,
        "cache-control": "private, no-store",
      });
    });
  }

  app.notFound((c) => {
    const session = c.get("session") ?? null;
    const frame = frameOf(deps, session?.person.locale ?? null, session);
    return c.html(
      messagePage({ ...frame, title: frame.t("web-not-found-title") }, frame.t("web-not-found-title")),
      404,
    );
  });

  app.onError((error, c) => {
    deps.logger.error({ err: error, path: new URL(c.req.url).pathname }, "web: request failed");
    return c.text("500", 500);
  });

  return app;
}

/**
 * Whether a POST's Origin is this site: the address the request reached (the server itself), or the public
 * address people open (WEB_PUBLIC_URL), which an HTTPS proxy in front of the server does not pass on.
 */
export function sameSite(origin: string | undefined, requestUrl: string, publicUrl: string | null): boolean {
  if (!origin) return false;
  return origin === new URL(requestUrl).origin || (publicUrl !== null && origin === new URL(publicUrl).origin);
}

/**
 * A unit the viewer may see (the caller asked visibleUnit): with units under it, its overview and the table
 * of those units; without, its own page.
 */
async function unitScreen(c: WebContext, deps: WebDeps, viewer: Viewer, session: WebSession, unit: ProgressUnitRow) {
  const frame = frameOf(deps, session.person.locale, session);
  const isRoot = viewer.scopes.some((scope) => scope.id === unit.id);
  const up = !isRoot && unit.parent ? { name: unit.parent.name, code: unit.parent.code } : null;
  // The report form, for whoever may report for the unit (its officers; on its behalf, a working group's leader).
  const right = reportRight(session.person, unit);
  const report = right ? { href: `/don-vi/${unit.code}/bao-cao`, onBehalf: right === "on-behalf" } : null;
  // Every other open campaign under the unit (the same section as status and the digest), with its form.
  const today = localDateOf(deps.clock.now(), deps.config.timezone);
  const campaigns = campaignBlocks(
    frame,
    await Promise.all(
      (await openCampaigns(deps, [unit.organizationId])).map(async (campaign) => ({
        progress: await campaignProgress(deps, { campaign, pathPrefix: unit.path, today }),
        reportHref: right && campaign.levels.includes(unit.level) ? `/don-vi/${unit.code}/dot/${campaign.key}` : null,
        exportHref: mayAct(session.person, "export", unit)
          ? `/don-vi/${unit.code}/dot/${campaign.key}/xuat.xlsx`
          : null,
      })),
    ),
  );
  if (!unit.hasChildren) {
    const detail = await unitDetail(deps, { unitId: unit.id });
    if (!detail) return unitRefused(c, deps, session, null);
    const audience = {
      kind: "person" as const,
      personId: session.person.id,
      readsComplaints: mayAct(session.person, "complaints", unit),
    };
    const contacts = mayAct(session.person, "contacts", unit)
      ? ((await unitContacts(deps, { person: session.person, units: [unit] })).get(unit.id) ?? [])
      : null;
    return c.html(
      unitPage(
        { ...frame, title: unit.name },
        { unit, detail, audience, timeZone: deps.config.timezone, up, report, contacts, campaigns },
      ),
    );
  }
  const filter = parseFilter(c.req.query("loc"));
  const sort = parseSort(c.req.query("sx"));
  const q = (c.req.query("q") ?? "").slice(0, 100);
  const overview = await overviewOf(deps, { unitId: unit.id });
  if (!overview) return unitRefused(c, deps, session, null);
  const table = subtreeTable(overview.rollup, { filter, query: q, sort });
  const contacts = mayAct(session.person, "contacts", unit)
    ? await unitContacts(deps, { person: session.person, units: table.rows.map((row) => row.unit) })
    : null;
  const time = localDateTime(deps.clock.now(), deps.config.timezone).time;
  const digestText = renderDigest(
    frame.t,
    frame.locale,
    { unitName: unit.name, date: overview.today, time },
    overview.digest,
  );
  return c.html(
    overviewPage(
      { ...frame, title: unit.name },
      {
        unit,
        today: overview.today,
        levels: overview.levels,
        digestText,
        digestTime: time,
        chartHref:
          overview.rollup.grassroots && overview.rollup.grassroots.units.length > 0
            ? `/don-vi/${unit.code}/bieu-do.png`
            : null,
        table,
        query: { filter, q, sort },
        up,
        exportHref: mayAct(session.person, "export", unit) ? `/don-vi/${unit.code}/xuat.xlsx` : null,
        narrativeHref: mayAct(session.person, "export", unit) ? `/don-vi/${unit.code}/bao-cao.docx` : null,
        report,
        contacts,
        campaigns,
      },
    ),
  );
}

function parseFilter(value: string | undefined): TableFilter {
  return tableFilters.find((filter) => filter === value) ?? "all";
}

function parseSort(value: string | undefined): TableSort {
  return tableSorts.find((sort) => sort === value) ?? "progress";
}
