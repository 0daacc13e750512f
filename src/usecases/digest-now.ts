// A digest on demand (`digest send` on the command line): every linked group of the organisation (or of one
// unit) gets today's digest now, through the outbox like the scheduled one. Its messages are keyed by a run
// of their own, so they never collide with (or stand in for) the daily digest.
import { randomBytes } from "node:crypto";
import { localDateOf } from "../clock.js";
import { digestGroupsOf } from "../db/group-binding-store.js";
import { enqueue } from "../db/outbox-store.js";
import { localeFromLanguageCode } from "../i18n.js";
import { digestMessages, type DigestJobDeps } from "./daily-digest.js";

export type DigestNowDeps = Pick<DigestJobDeps, "prisma" | "clock" | "config" | "translate" | "translateFor">;

export type DigestNowOutcome = { status: "no-groups" } | { status: "queued"; groups: number };

export async function queueDigestNow(
  deps: DigestNowDeps,
  input: { organizationId: number; unitCode?: string },
): Promise<DigestNowOutcome> {
  const groups = await digestGroupsOf(deps.prisma, input.organizationId, input.unitCode);
  if (groups.length === 0) return { status: "no-groups" };
  const now = deps.clock.now();
  const due = { date: localDateOf(now, deps.config.timezone), at: now };
  const run = randomBytes(4).toString("hex");
  for (const group of groups) {
    const locale = localeFromLanguageCode(group.locale ?? undefined) ?? deps.config.defaultLocale;
    const parts = await digestMessages(deps, group.unitId, due, locale);
    await enqueue(
      deps.prisma,
      parts.map((text, index) => ({
        dedupeKey: `digest-now:${group.chatId}:${run}:${index + 1}`,
        chatId: group.chatId,
        kind: "digest",
        payload: { method: "sendMessage" as const, params: { text } },
        notBefore: now,
      })),
    );
  }
  return { status: "queued", groups: groups.length };
}
