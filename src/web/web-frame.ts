// What every page of the web app shares: its dependencies, the request's session, the page frame (language,
// sign-out form, stylesheet) and the refusals every route answers the same way.
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import type { PrismaClient } from "@prisma/client";
import type { Context } from "hono";
import type { Clock } from "../clock.js";
import type { Config } from "../config.js";
import { localeFromLanguageCode, type Locale, type Translate } from "../i18n.js";
import type { Logger } from "../logger.js";
import type { visibleUnit } from "../usecases/progress-screen.js";
import { mayHandSignInLinks, type WebSession } from "../usecases/web-sign-in.js";
import { messagePage, type PageFrame } from "./pages.js";

export interface WebDeps {
  prisma: PrismaClient;
  clock: Clock;
  config: Config;
  /** Texts in a language (the person's, or DEFAULT_LOCALE). */
  translate: (locale: Locale) => Translate;
  logger: Logger;
  /** Web Push: the server's VAPID public key and the push services' origins it sends to; null: off. */
  push: { publicKey: string; allowedOrigins: readonly string[] } | null;
}

export const sessionCookie = "dh_session";

export const css = readFileSync(new URL("./public/app.css", import.meta.url));
// The file's hash in its address: browsers keep it for a year and fetch a new one when it changes.
export const cssHref = `/static/app.${createHash("sha256").update(css).digest("hex").slice(0, 12)}.css`;

export type Env = { Variables: { session: WebSession | null } };

/** Every page's Content-Security-Policy: this site's own styles, images and forms, and no script. */
export const pagePolicy = {
  defaultSrc: ["'self'"],
  imgSrc: ["'self'"],
  styleSrc: ["'self'"],
  scriptSrc: ["'none'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
  baseUri: ["'none'"],
};

/** A policy as its header writes it ("default-src 'self'; script-src 'none'; …"). */
export function policyHeader(policy: Record<string, string[]>): string {
  return Object.entries(policy)
    .map(
      ([directive, sources]) =>
        `${directive.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`)} ${sources.join(" ")}`,
    )
    .join("; ");
}
export type WebContext = Context<Env>;

export function localeOf(deps: WebDeps, chosen: string | null): Locale {
  return localeFromLanguageCode(chosen ?? undefined) ?? deps.config.defaultLocale;
}

export function frameOf(deps: WebDeps, chosen: string | null, session: WebSession | null): PageFrame {
  const locale = localeOf(deps, chosen);
  return {
    t: deps.translate(locale),
    locale,
    title: "",
    session: session && {
      name: session.person.name,
      csrfToken: session.csrfToken,
      handsLinks: mayHandSignInLinks(session.person),
      notifications: deps.push !== null,
    },
    cssHref,
  };
}

export function forbidden(c: WebContext, deps: WebDeps, session: WebSession | null) {
  const frame = frameOf(deps, session?.person.locale ?? null, session);
  return c.html(messagePage({ ...frame, title: frame.t("web-forbidden-title") }, frame.t("web-forbidden")), 403);
}

export function unitRefused(
  c: WebContext,
  deps: WebDeps,
  session: WebSession,
  found: Awaited<ReturnType<typeof visibleUnit>> | null,
) {
  const frame = frameOf(deps, session.person.locale, session);
  const code = c.req.param("code") ?? "";
  // Unknown and out of scope answer with the same status: a page cannot probe which units exist elsewhere.
  const text =
    found?.status === "out-of-scope"
      ? frame.t("web-unit-out-of-scope", { unit: found.unit.name, code: found.unit.code })
      : frame.t("web-unit-unknown", { code: code.slice(0, 40) });
  return c.html(messagePage({ ...frame, title: frame.t("web-not-found-title") }, text), 404);
}
