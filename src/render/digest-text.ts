// The digest as the standing committee reads it in its group (see shared/domain/MESSAGES.md).
import { formatPercent, type Locale, type Translate } from "../i18n.js";
import type { Digest } from "../domain/digest.js";
import { formatLocalDate, type LocalDate } from "../domain/local-date.js";
import { renderElectionStats } from "./election-stats-text.js";

export interface DigestHeader {
  unitName: string;
  date: LocalDate;
  time: string; // HH:mm, local
}

const laggardLines = 3;

export function renderDigest(t: Translate, locale: Locale, header: DigestHeader, digest: Digest, overdueListAfterDays: number): string {
  const dayMonth = (date: LocalDate) => formatLocalDate(date).slice(0, 5);
  const lines = [
    t("digest-title", { unit: header.unitName }),
    t("digest-updated", { time: header.time, date: formatLocalDate(header.date), weekday: new Date(`${header.date}T00:00:00Z`).getUTCDay() }),
    "",
  ];
  if (digest.cells.total > 0) {
    lines.push(
      t("digest-cells", {
        done: digest.cells.done,
        total: digest.cells.total,
        share: formatPercent(digest.cells.done, digest.cells.total, locale),
        delta: digest.cells.sinceLast,
      }),
    );
  }
  if (digest.grassroots.total > 0) {
    const pilots = digest.grassroots.pilotsHeld.map((pilot) => `${pilot.name}, ${dayMonth(pilot.date)}`).join("; ");
    lines.push(t("digest-grassroots", { done: digest.grassroots.done, total: digest.grassroots.total, pilots: pilots || "none" }));
    lines.push(
      t("digest-preparation", {
        documents: `${digest.documents.done}/${digest.documents.total}`,
        personnel: `${digest.personnel.done}/${digest.personnel.total}`,
      }),
    );
  }
  if (digest.laggards.length > 0) {
    lines.push("", t("digest-laggards-title"));
    for (const line of digest.laggards.slice(0, laggardLines)) {
      lines.push(
        t("digest-laggard", {
          name: line.name,
          done: line.done,
          total: line.total,
          share: formatPercent(line.done, line.total, locale),
          difficulty: line.hasDifficulty ? "yes" : "no",
        }),
      );
    }
    if (digest.laggards.length > laggardLines) lines.push(t("digest-more", { count: digest.laggards.length - laggardLines }));
  }
  lines.push("");
  if (digest.upcoming.length === 0) lines.push(t("digest-upcoming-none"));
  else {
    lines.push(t("digest-upcoming-title"));
    for (const entry of digest.upcoming) lines.push(t("digest-upcoming", { date: dayMonth(entry.date), name: entry.name, pilot: entry.pilot ? "yes" : "no" }));
  }
  lines.push("");
  const deadline = digest.nextDeadline
    ? t("digest-deadline", { level: digest.nextDeadline.level, date: formatLocalDate(digest.nextDeadline.date), days: digest.nextDeadline.daysLeft })
    : "";
  if (digest.overdue.length === 0) lines.push([t("digest-overdue-none"), deadline].filter(Boolean).join(" "));
  else {
    lines.push(t("digest-overdue-title", { days: overdueListAfterDays, count: digest.overdue.length }));
    for (const entry of digest.overdue) lines.push(t("digest-overdue", { name: entry.name, days: entry.days }));
    if (deadline) lines.push(deadline);
  }
  if (digest.openDifficulties.length === 0) lines.push(t("digest-difficulties-none"));
  else {
    const count = digest.openDifficulties.reduce((sum, entry) => sum + entry.count, 0);
    lines.push(t("digest-difficulties", { count, list: digest.openDifficulties.map((entry) => entry.name).join("; ") }));
  }
  // The final section, once congresses are held: the same statistics /tiendo shows for the subtree.
  if (digest.elections) lines.push("", ...renderElectionStats(t, locale, digest.elections));
  return lines.join("\n");
}
