// Decides which daily digests are due and writes them to the outbox. It never sends: the outbox's unique
// dedupe key (`digest:<chat>:<local date>:<part>`, and `…:chart` for the chart photo) makes a repeated
// tick, a second instance or a restart harmless, and a digest written is never lost. The chart's PNG is
// stored in the database (outbox_attachments), so whichever instance sends it has the bytes.
import type { PrismaClient } from "@prisma/client";
import dayjs from "dayjs";
import { dailyWindow, type Clock } from "../clock.js";
import type { Config } from "../config.js";
import { loadDigestData } from "../db/digest-store.js";
import { enqueue, pruneAttachments, storeAttachment, type NewOutboxMessage } from "../db/outbox-store.js";
import { buildDigest } from "../domain/digest.js";
import type { LocalDate } from "../domain/local-date.js";
import { localeFromLanguageCode, type Locale, type Translate } from "../i18n.js";
import type { Logger } from "../logger.js";
import { renderCampaignSection } from "../render/campaign-section-text.js";
import { renderCampaignsDigest, renderDigest } from "../render/digest-text.js";
import { campaignProgress, openCampaigns } from "./campaigns.js";
import { renderUnitProgressChart, type UnitProgressChart } from "../render/unit-progress-chart.js";
import { splitMessage } from "../render/split-message.js";

export interface DigestJobDeps {
  prisma: PrismaClient;
  clock: Clock;
  config: Pick<Config, "timezone" | "digestTime" | "defaultLocale">;
  /** Texts in DEFAULT_LOCALE. */
  translate: Translate;
  /** Texts in a group's own language (/ngonngu); without it every digest is in DEFAULT_LOCALE. */
  translateFor?: (locale: Locale) => Translate;
  /** A digest missed while the process was down is still sent within this many hours. */
  catchUpHours: number;
  /** Told when a chart could not be drawn (the digest's text is sent without it). */
  logger?: Pick<Logger, "warn">;
  /**
   * The channels this server delivers on (default: both): Telegram (the groups linked for the digest),
   * Web Push (the standing committee's members who allowed notifications in a browser).
   */
  channels?: { telegram: boolean; webPush: boolean };
}

export interface DigestContent {
  texts: string[];
  chart: UnitProgressChart | null;
}

/** Stored charts are kept this long after they were drawn, unless a pending message still needs them. */
const attachmentKeepDays = 7;

/** Congresses in the next this many days are listed as upcoming. */
export const upcomingHorizonDays = 7;

/** The local date whose digest is due now, or null outside [DIGEST_TIME, DIGEST_TIME + catch-up window). */
export function dueDigestDate(
  now: Date,
  config: DigestJobDeps["config"],
  catchUpHours: number,
): { date: LocalDate; at: Date } | null {
  return dailyWindow(now, config.timezone, config.digestTime, catchUpHours);
}

/**
 * Writes today's digest for every bound group, and every standing committee member who allowed
 * notifications, that has not had it; returns how many got one.
 */
export async function planDailyDigests(deps: DigestJobDeps): Promise<number> {
  const due = dueDigestDate(deps.clock.now(), deps.config, deps.catchUpHours);
  if (!due) return 0;
  const channels = deps.channels ?? { telegram: true, webPush: true };
  const pushed = channels.webPush ? await planPushDigests(deps, due) : 0;
  if (!channels.telegram) return pushed;
  const bindings = await deps.prisma.chatBinding.findMany({ where: { purpose: "digest" }, orderBy: { id: "asc" } });
  const firstParts = bindings.map((binding) => digestKey(binding.chatId, due.date, 1));
  const done = new Set(
    (
      await deps.prisma.outboxMessage.findMany({
        where: { dedupeKey: { in: firstParts } },
        select: { dedupeKey: true },
      })
    ).map((row) => row.dedupeKey),
  );
  let planned = 0;
  // Groups bound to the same unit in the same language get the same digest: built and drawn once per run.
  const contents = new Map<string, Promise<{ content: DigestContent; attachment: string | null } | null>>();
  const contentOf = (unitId: number, locale: Locale) => {
    let entry = contents.get(`${unitId}:${locale}`);
    if (!entry) {
      entry = digestContent(deps, unitId, due, locale).then(async (content) =>
        content
          ? {
              content,
              attachment: content.chart
                ? await storeAttachment(deps.prisma, content.chart.png, deps.clock.now())
                : null,
            }
          : null,
      );
      contents.set(`${unitId}:${locale}`, entry);
    }
    return entry;
  };
  for (const binding of bindings) {
    if (done.has(digestKey(binding.chatId, due.date, 1))) continue;
    const locale = localeFromLanguageCode(binding.locale ?? undefined) ?? deps.config.defaultLocale;
    const prepared = await contentOf(binding.unitId, locale);
    if (!prepared || prepared.content.texts.length === 0) continue;
    // The app's clock, not the database's: tests move time, and the sender reads the same clock.
    const notBefore = deps.clock.now();
    const messages: NewOutboxMessage[] = prepared.content.texts.map((text, index) => ({
      dedupeKey: digestKey(binding.chatId, due.date, index + 1),
      chatId: binding.chatId,
      kind: "digest",
      payload: { method: "sendMessage" as const, params: { text } },
      notBefore,
    }));
    if (prepared.content.chart && prepared.attachment) {
      messages.push({
        dedupeKey: digestKey(binding.chatId, due.date, "chart"),
        chatId: binding.chatId,
        kind: "digest",
        payload: {
          method: "sendPhoto",
          params: {
            photo: { attachment: prepared.attachment, filename: "tien-do.png" },
            caption: prepared.content.chart.caption,
          },
        },
        notBefore,
      });
    }
    // One statement: the text parts and the chart are queued together or not at all.
    planned += (await enqueue(deps.prisma, messages)) > 0 ? 1 : 0;
  }
  if (planned > 0)
    await pruneAttachments(deps.prisma, new Date(deps.clock.now().getTime() - attachmentKeepDays * 24 * 3600 * 1000));
  return planned + pushed;
}

/**
 * The digest as a Web Push notification to each member of a unit's standing committee who allowed
 * notifications: its first lines (the counts and the change since yesterday); a tap opens the unit's
 * overview, which reads the same model. Key: `digest:push-<person>:<date>:<unit>`.
 */
async function planPushDigests(deps: DigestJobDeps, due: { date: LocalDate; at: Date }): Promise<number> {
  const members = await deps.prisma.roleAssignment.findMany({
    where: { role: "standing", unit: { archivedAt: null }, person: { pushBrowsers: { some: {} } } },
    orderBy: { id: "asc" },
    select: { unit: { select: { id: true, code: true } }, person: { select: { id: true, locale: true } } },
  });
  const key = (personId: number, unitId: number) => `digest:push-${personId}:${due.date}:${unitId}`;
  const done = new Set(
    (
      await deps.prisma.outboxMessage.findMany({
        where: { dedupeKey: { in: members.map((member) => key(member.person.id, member.unit.id)) } },
        select: { dedupeKey: true },
      })
    ).map((row) => row.dedupeKey),
  );
  // Members of the same committee reading the same language get the same digest: built once per run.
  const built = new Map<string, Promise<string[]>>();
  const textsOf = (unitId: number, locale: Locale) => {
    const cacheKey = `${unitId}:${locale}`;
    if (!built.has(cacheKey)) built.set(cacheKey, digestMessages(deps, unitId, due, locale));
    return built.get(cacheKey)!;
  };
  const messages: NewOutboxMessage[] = [];
  for (const { unit, person } of members) {
    if (done.has(key(person.id, unit.id))) continue;
    const locale = localeFromLanguageCode(person.locale ?? undefined) ?? deps.config.defaultLocale;
    const texts = await textsOf(unit.id, locale);
    if (texts.length === 0) continue;
    const [title, ...lines] = texts[0]!.split("\n").filter((line) => line.trim() !== "");
    messages.push({
      dedupeKey: key(person.id, unit.id),
      channel: "webpush",
      chatId: person.id,
      kind: "digest",
      payload: {
        method: "webPush",
        params: { title: title ?? "", body: lines.slice(0, 3).join("\n"), url: `/don-vi/${unit.code}` },
      },
      notBefore: deps.clock.now(),
    });
  }
  return messages.length === 0 ? 0 : enqueue(deps.prisma, messages);
}

/** The digest of a unit's subtree as messages under Telegram's length limit. */
export async function digestMessages(
  deps: Pick<DigestJobDeps, "prisma" | "config" | "translate" | "translateFor">,
  unitId: number,
  due: { date: LocalDate; at: Date },
  locale: Locale = deps.config.defaultLocale,
): Promise<string[]> {
  return (await digestContent(deps, unitId, due, locale, { chart: false }))?.texts ?? [];
}

/**
 * The digest's model of a unit's subtree at a moment: the roll-up, the lists and what the digest says of
 * them (src/domain/digest.ts). The daily digest, the digest on demand and the web's overview all read this.
 */
export async function digestModel(
  deps: { prisma: PrismaClient; config: Pick<Config, "timezone"> },
  unitId: number,
  due: { date: LocalDate; at: Date },
) {
  const data = await loadDigestData(deps.prisma, unitId, {
    today: due.date,
    since: new Date(due.at.getTime() - 24 * 3600 * 1000),
    horizonDays: upcomingHorizonDays,
    timeZone: deps.config.timezone,
  });
  return data && { data, digest: buildDigest({ ...data, today: due.date }) };
}

/** The digest's text parts and its chart (null when there is nothing to draw or drawing failed). */
export async function digestContent(
  deps: Pick<DigestJobDeps, "prisma" | "config" | "translate" | "translateFor" | "logger">,
  unitId: number,
  due: { date: LocalDate; at: Date },
  locale: Locale = deps.config.defaultLocale,
  options: { chart?: boolean } = {},
): Promise<DigestContent | null> {
  const model = await digestModel(deps, unitId, due);
  if (!model) return null;
  const { data, digest } = model;
  const time = dayjs(due.at).tz(deps.config.timezone).format("HH:mm");
  const translate =
    locale === deps.config.defaultLocale || !deps.translateFor ? deps.translate : deps.translateFor(locale);
  const shown: Locale = translate === deps.translate ? deps.config.defaultLocale : locale;
  const header = { unitName: data.top.name, date: due.date, time };
  // A section per open campaign of another template (the year's review, a resolution's study…), read by
  // the same use case as `status` and /tiendo.
  const sections = await Promise.all(
    (await openCampaigns(deps, [data.top.organizationId])).map(async (campaign) =>
      renderCampaignSection(
        translate,
        shown,
        await campaignProgress(deps, { campaign, pathPrefix: data.top.path, today: due.date }),
      ),
    ),
  );
  const text =
    !data.congress && sections.length > 0
      ? renderCampaignsDigest(translate, header, sections)
      : [renderDigest(translate, shown, header, digest), ...sections.map((section) => `\n${section.join("\n")}`)].join(
          "\n",
        );
  const texts = splitMessage(text);
  let chart: UnitProgressChart | null = null;
  if (options.chart !== false && data.congress) {
    try {
      chart = await renderUnitProgressChart(translate, shown, data.rollup, due.date);
    } catch (error) {
      deps.logger?.warn({ err: error, unitId }, "digest: the progress chart could not be drawn; sending the text only");
    }
  }
  return { texts, chart };
}

export function digestKey(chatId: bigint | number, date: LocalDate, part: number | "chart"): string {
  return `digest:${chatId}:${date}:${part}`;
}
