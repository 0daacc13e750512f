// Sign-in links for people without Telegram (issue 13): an admin types the person's phone number, the page
// shows a one-time link (valid a day) to send by hand, by Zalo or SMS. The same use case as the command
// line's `web link --phone`; who may hand a link to whom is the one scope rule's "invite".
import { Hono } from "hono";
import { html } from "hono/html";
import { localDateTime } from "../domain/invite-token.js";
import { formatLocalDate } from "../domain/local-date.js";
import { normalizeVietnamesePhone } from "../domain/phone.js";
import { issueHandedSignInLink, mayHandSignInLinks } from "../usecases/web-sign-in.js";
import { layout, messagePage, type PageFrame } from "./pages.js";
import { frameOf, type Env, type WebDeps } from "./web-frame.js";

export const signInLinksPath = "/lien-ket-dang-nhap";

export function signInLinkRoutes(deps: WebDeps): Hono<Env> {
  const app = new Hono<Env>();

  app.use(signInLinksPath, async (c, next) => {
    const session = c.get("session")!;
    if (!mayHandSignInLinks(session.person)) {
      const frame = frameOf(deps, session.person.locale, session);
      return c.html(
        messagePage({ ...frame, title: frame.t("web-forbidden-title") }, frame.t("web-links-not-allowed")),
        403,
      );
    }
    await next();
  });

  app.get(signInLinksPath, (c) => {
    const session = c.get("session")!;
    const frame = frameOf(deps, session.person.locale, session);
    return c.html(
      linksPage({ ...frame, title: frame.t("web-links-title") }, { phone: "", problem: null, issued: null }),
    );
  });

  app.post(signInLinksPath, async (c) => {
    const session = c.get("session")!;
    const page = frameOf(deps, session.person.locale, session);
    const frame = { ...page, title: page.t("web-links-title") };
    const { t } = frame;
    const body = await c.req.parseBody();
    const phone = typeof body.phone === "string" ? body.phone.trim().slice(0, 30) : "";
    if (!normalizeVietnamesePhone(phone)) {
      const problem = t("web-links-bad-phone", { phone });
      return c.html(linksPage(frame, { phone, problem, issued: null }), 400);
    }
    const outcome = await issueHandedSignInLink(deps, {
      requester: { kind: "person", person: session.person },
      who: { phone },
      actor: `person:${session.person.id}`,
    });
    // Someone outside the admin's units reads as no one: the page cannot probe the rest of the roster.
    if (outcome.status !== "issued") {
      return c.html(linksPage(frame, { phone, problem: t("web-links-unknown", { phone }), issued: null }), 400);
    }
    deps.logger.info({ personId: session.person.id, for: outcome.person.id }, "web: sign-in link handed");
    const address = deps.config.web?.publicUrl ?? new URL(c.req.url).origin;
    const expiry = localDateTime(outcome.link.expiresAt, deps.config.timezone);
    return c.html(
      linksPage(frame, {
        phone: "",
        problem: null,
        issued: {
          text: t("web-links-issued", {
            name: outcome.person.name,
            time: expiry.time,
            date: formatLocalDate(expiry.date),
          }),
          link: `${address}/dang-nhap/${outcome.link.token}`,
        },
      }),
    );
  });

  return app;
}

function linksPage(
  frame: PageFrame,
  view: { phone: string; problem: string | null; issued: { text: string; link: string } | null },
) {
  const { t } = frame;
  return layout(
    frame,
    html`<h1>${t("web-links-title")}</h1>
${
  view.issued
    ? html`<div class="card" role="status"><p>${view.issued.text}</p>
<p><label for="link">${t("web-links-link-label")}</label><br><input id="link" class="link" readonly value="${view.issued.link}"></p></div>`
    : ""
}
<p>${t("web-links-intro")}</p>
${view.problem ? html`<div class="problems" role="alert"><p>${view.problem}</p></div>` : ""}
<form class="report" method="post" action="${signInLinksPath}">
<input type="hidden" name="_csrf" value="${frame.session?.csrfToken ?? ""}">
<div class="field"><label for="phone">${t("web-links-phone")}</label>
<span class="muted" id="phone-hint">${t("web-links-phone-hint")}</span>
<input id="phone" name="phone" type="tel" autocomplete="off" maxlength="30" value="${view.phone}" required aria-describedby="phone-hint"${view.problem ? html` aria-invalid="true"` : ""}></div>
<p class="actions"><button class="button" type="submit">${t("web-links-button")}</button></p>
</form>`,
  );
}
