// Notifications in the browser (Web Push, docs/web-push.md): the page that turns them on (the web app's one
// script, allowed on this page alone) and off, and the address the script hands the subscription to.
// Entry point: parse, call src/usecases/web-push.ts, render.
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { Hono } from "hono";
import { html } from "hono/html";
import { allowNotifications, notificationBrowsers, stopNotifications } from "../usecases/web-push.js";
import { layout, type PageFrame } from "./pages.js";
import { frameOf, pagePolicy, policyHeader, type Env, type WebDeps } from "./web-frame.js";

export const notificationsPath = "/thong-bao";

const script = readFileSync(new URL("./public/push.js", import.meta.url));
const serviceWorker = readFileSync(new URL("./public/sw.js", import.meta.url));
const scriptHref = `/static/push.${createHash("sha256").update(script).digest("hex").slice(0, 12)}.js`;

/** The script and the service worker: public (they hold nothing of anyone's), before the session check. */
export function pushAssetRoutes(): Hono<Env> {
  const app = new Hono<Env>();
  app.get(scriptHref, (c) => {
    c.header("cache-control", "public, max-age=31536000, immutable");
    return c.body(script, 200, { "content-type": "text/javascript; charset=utf-8" });
  });
  // At the root, so that it may show notifications for the whole site; always checked for a newer one.
  app.get("/sw.js", (c) => {
    c.header("cache-control", "no-cache");
    return c.body(serviceWorker, 200, { "content-type": "text/javascript; charset=utf-8" });
  });
  return app;
}

export function pushRoutes(deps: WebDeps & { push: NonNullable<WebDeps["push"]> }): Hono<Env> {
  const app = new Hono<Env>();

  app.get(notificationsPath, async (c) => {
    const session = c.get("session")!;
    const page = frameOf(deps, session.person.locale, session);
    const browsers = await notificationBrowsers(deps, { personId: session.person.id });
    // This page alone runs a script (this site's own file).
    c.header("content-security-policy", policyHeader({ ...pagePolicy, scriptSrc: ["'self'"], workerSrc: ["'self'"] }));
    const stopped = c.req.query("tat");
    return c.html(
      notificationsPage(
        { ...page, title: page.t("web-push-title") },
        {
          browsers,
          publicKey: deps.push.publicKey,
          quietHours: `${deps.config.quietHours.start}–${deps.config.quietHours.end}`,
          stopped: stopped !== undefined && /^\d{1,3}$/.test(stopped) ? Number(stopped) : null,
        },
      ),
    );
  });

  app.post(`${notificationsPath}/dang-ky`, async (c) => {
    const session = c.get("session")!;
    const body = await c.req.parseBody();
    const outcome = await allowNotifications(deps, {
      personId: session.person.id,
      subscription: { endpoint: body.endpoint, p256dh: body.p256dh, auth: body.auth },
      allowedOrigins: deps.push.allowedOrigins,
    });
    if (outcome.status !== "allowed") {
      deps.logger.warn({ personId: session.person.id, outcome: outcome.status }, "web push: subscription refused");
      return c.text(outcome.status, 400);
    }
    deps.logger.info({ personId: session.person.id }, "web push: notifications allowed");
    return c.body(null, 204);
  });

  app.post(`${notificationsPath}/tat`, async (c) => {
    const session = c.get("session")!;
    const count = await stopNotifications(deps, { personId: session.person.id });
    return c.redirect(`${notificationsPath}?tat=${count}`, 303);
  });

  return app;
}

function notificationsPage(
  frame: PageFrame,
  view: { browsers: number; publicKey: string; quietHours: string; stopped: number | null },
) {
  const { t } = frame;
  const csrf = frame.session?.csrfToken ?? "";
  return layout(
    frame,
    html`<h1>${t("web-push-title")}</h1>
<p>${t("web-push-intro", { quiet: view.quietHours })}</p>
${view.stopped !== null ? html`<p class="card" role="status">${t("web-push-stopped", { count: view.stopped })}</p>` : ""}
<p><strong>${t("web-push-on-count", { count: view.browsers })}</strong></p>
<p class="actions"><button id="push-on" class="button" type="button" hidden data-key="${view.publicKey}" data-csrf="${csrf}"
 data-done="${t("web-push-done")}" data-denied="${t("web-push-denied")}" data-failed="${t("web-push-failed")}"
 data-unsupported="${t("web-push-unsupported")}">${t("web-push-enable")}</button></p>
<p id="push-status" role="status"></p>
<noscript><p>${t("web-push-script-needed")}</p></noscript>
${
  view.browsers > 0
    ? html`<form method="post" action="${notificationsPath}/tat"><input type="hidden" name="_csrf" value="${csrf}">
<button class="secondary" type="submit">${t("web-push-disable")}</button></form>`
    : ""
}
<script src="${scriptHref}" defer></script>`,
  );
}
