// One Fluent key space (locales/*.ftl) for the bot, the CLI and rendered texts.
import { fileURLToPath } from "node:url";
import { I18n } from "@grammyjs/i18n";
import type { Context } from "grammy";

export const localesDir = fileURLToPath(new URL("../locales", import.meta.url));
export const supportedLocales = ["vi", "en"] as const;
export type Locale = (typeof supportedLocales)[number];

export type Translate = (key: string, args?: Record<string, string | number | Date>) => string;

export function createI18n<C extends Context>(options: {
  defaultLocale: Locale;
  localeNegotiator?: (ctx: C) => Promise<string | undefined> | string | undefined;
}): I18n<C> {
  const i18n = new I18n<C>({
    defaultLocale: options.defaultLocale,
    useSession: false,
    // Without this Fluent wraps every placeable in Unicode isolation marks, which end up in Telegram texts.
    fluentBundleOptions: { useIsolating: false },
    ...(options.localeNegotiator && { localeNegotiator: options.localeNegotiator }),
  });
  i18n.loadLocalesDirSync(localesDir);
  return i18n;
}

export function translatorFor<C extends Context>(i18n: I18n<C>, locale: Locale): Translate {
  return (key, args) => i18n.t(locale, key, args);
}

/** Maps a Telegram language code (e.g. "en-US", "vi") to a supported locale. */
export function localeFromLanguageCode(code: string | undefined): Locale | undefined {
  const base = code?.toLowerCase().split(/[-_]/)[0];
  return supportedLocales.find((locale) => locale === base);
}

/** The language a person is answered in: the one they chose (/ngonngu), else their Telegram app's, else the office's. */
export function preferredLocale(
  chosen: string | null | undefined,
  telegramLanguageCode: string | undefined,
  fallback: Locale,
): Locale {
  return localeFromLanguageCode(chosen ?? undefined) ?? localeFromLanguageCode(telegramLanguageCode) ?? fallback;
}

/**
 * 43,1% in Vietnamese, 43.1% in English; one decimal (2,0%, 100,0%) as every figure the office reports,
 * unless a campaign's template asks for another number (ratings are reported to two: 21,26%).
 */
export function formatPercent(part: number, total: number, locale: Locale, decimals = 1): string {
  const share = total === 0 ? 0 : (part / total) * 100;
  return `${new Intl.NumberFormat(locale === "vi" ? "vi-VN" : "en-US", { minimumFractionDigits: decimals, maximumFractionDigits: decimals }).format(share)}%`;
}

/** A percentage as reported (a share of votes: 61.25 → "61,25%"), up to two decimals, none added. */
export function formatPercentValue(percent: number, locale: Locale): string {
  return `${new Intl.NumberFormat(locale === "vi" ? "vi-VN" : "en-US", { maximumFractionDigits: 2 }).format(percent)}%`;
}

/** A count as the office writes it: 1.234 in Vietnamese, 1,234 in English. */
export function formatCount(count: number, locale: Locale): string {
  return new Intl.NumberFormat(locale === "vi" ? "vi-VN" : "en-US").format(count);
}
