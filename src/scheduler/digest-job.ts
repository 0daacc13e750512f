// Decides which daily digests are due and writes them to the outbox. It never sends: the outbox's unique
// dedupe key (`digest:<chat>:<local date>:<part>`) makes a repeated tick, a second instance or a restart
// harmless, and a digest written is never lost.
import type { PrismaClient } from "@prisma/client";
import dayjs from "dayjs";
import type { Clock } from "../clock.js";
import type { Config } from "../config.js";
import { loadDigestData } from "../db/digest-store.js";
import { enqueue } from "../db/outbox-store.js";
import { buildDigest } from "../domain/digest.js";
import type { LocalDate } from "../domain/local-date.js";
import type { Locale, Translate } from "../i18n.js";
import { renderDigest } from "../render/digest-text.js";
import { splitMessage } from "../render/split-message.js";
import "../clock.js"; // installs dayjs' utc and timezone plugins

export interface DigestJobDeps {
  prisma: PrismaClient;
  clock: Clock;
  config: Pick<Config, "timezone" | "digestTime" | "defaultLocale">;
  translate: Translate;
  /** A digest missed while the process was down is still sent within this many hours. */
  catchUpHours: number;
}

export const overdueListAfterDays = 7;
/** Congresses in the next this many days are listed as upcoming. */
export const upcomingHorizonDays = 7;

/** The local date whose digest is due now, or null outside [DIGEST_TIME, DIGEST_TIME + catch-up window). */
export function dueDigestDate(now: Date, config: DigestJobDeps["config"], catchUpHours: number): { date: LocalDate; at: Date } | null {
  const local = dayjs(now).tz(config.timezone);
  const date = local.format("YYYY-MM-DD");
  const at = dayjs.tz(`${date} ${config.digestTime}`, "YYYY-MM-DD HH:mm", config.timezone);
  if (local.isBefore(at) || !local.isBefore(at.add(catchUpHours, "hour"))) return null;
  return { date, at: at.toDate() };
}

/** Writes today's digest for every bound group that has not had it; returns how many groups got one. */
export async function planDailyDigests(deps: DigestJobDeps): Promise<number> {
  const due = dueDigestDate(deps.clock.now(), deps.config, deps.catchUpHours);
  if (!due) return 0;
  const bindings = await deps.prisma.chatBinding.findMany({ where: { purpose: "digest" }, orderBy: { id: "asc" } });
  const firstParts = bindings.map((binding) => digestKey(binding.chatId, due.date, 1));
  const done = new Set(
    (await deps.prisma.outboxMessage.findMany({ where: { dedupeKey: { in: firstParts } }, select: { dedupeKey: true } })).map((row) => row.dedupeKey),
  );
  let planned = 0;
  for (const binding of bindings) {
    if (done.has(digestKey(binding.chatId, due.date, 1))) continue;
    const parts = await digestMessages(deps, binding.unitId, due);
    if (parts.length === 0) continue;
    planned += (await enqueue(
      deps.prisma,
      parts.map((text, index) => ({
        dedupeKey: digestKey(binding.chatId, due.date, index + 1),
        chatId: binding.chatId,
        kind: "digest",
        payload: { method: "sendMessage" as const, params: { text } },
        // The app's clock, not the database's: tests move time, and the sender reads the same clock.
        notBefore: deps.clock.now(),
      })),
    )) > 0
      ? 1
      : 0;
  }
  return planned;
}

/** The digest of a unit's subtree as messages under Telegram's length limit. */
export async function digestMessages(deps: Pick<DigestJobDeps, "prisma" | "config" | "translate">, unitId: number, due: { date: LocalDate; at: Date }): Promise<string[]> {
  const data = await loadDigestData(deps.prisma, unitId, {
    today: due.date,
    since: new Date(due.at.getTime() - 24 * 3600 * 1000),
    horizonDays: upcomingHorizonDays,
    overdueAfterDays: overdueListAfterDays,
  });
  if (!data) return [];
  const digest = buildDigest({ ...data, today: due.date });
  const time = dayjs(due.at).tz(deps.config.timezone).format("HH:mm");
  const locale: Locale = deps.config.defaultLocale;
  return splitMessage(renderDigest(deps.translate, locale, { unitName: data.top.name, date: due.date, time }, digest, overdueListAfterDays));
}

export function digestKey(chatId: bigint | number, date: LocalDate, part: number): string {
  return `digest:${chatId}:${date}:${part}`;
}
