// The digest as the standing committee reads it in its group (see shared/domain/MESSAGES.md).
import { formatPercent, type Locale, type Translate } from "../i18n.js";
import type { Digest, OverdueGroup } from "../domain/digest.js";
import { formatLocalDate, type LocalDate } from "../domain/local-date.js";
import { renderElectionStats } from "./election-stats-text.js";
import { renderUnitLabel } from "./unit-label.js";

export interface DigestHeader {
  unitName: string;
  date: LocalDate;
  time: string; // HH:mm, local
}

const laggardLines = 3;
/** Congresses of the coming week named one by one up to this many; beyond, counted per day. */
const upcomingNamed = 10;
/** Grassroots organisations named in the overdue section; the rest are counted ("…và N đơn vị khác"). */
const overdueGroupLines = 10;
/** An organisation's overdue units are named up to this many; beyond, they are counted. */
const overdueNamesPerGroup = 4;

function headerLines(t: Translate, header: DigestHeader): string[] {
  return [
    t("digest-title", { unit: header.unitName }),
    t("digest-updated", {
      time: header.time,
      date: formatLocalDate(header.date),
      weekday: new Date(`${header.date}T00:00:00Z`).getUTCDay(),
    }),
    "",
  ];
}

/**
 * The digest of an organisation that runs no congress campaign (between congresses): its header and a
 * section per open campaign of another template (src/render/campaign-section-text.ts).
 */
export function renderCampaignsDigest(t: Translate, header: DigestHeader, sections: readonly string[][]): string {
  return [
    ...headerLines(t, header),
    ...sections.flatMap((section, index) => [...(index > 0 ? [""] : []), ...section]),
  ].join("\n");
}

export function renderDigest(t: Translate, locale: Locale, header: DigestHeader, digest: Digest): string {
  const dayMonth = (date: LocalDate) => formatLocalDate(date).slice(0, 5);
  const lines = headerLines(t, header);
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
    const pilots = digest.grassroots.pilotsHeld
      .map((pilot) => `${renderUnitLabel(t, pilot)}, ${dayMonth(pilot.date)}`)
      .join("; ");
    lines.push(
      t("digest-grassroots", {
        done: digest.grassroots.done,
        total: digest.grassroots.total,
        pilots: pilots || "none",
      }),
    );
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
    if (digest.laggards.length > laggardLines)
      lines.push(t("digest-more", { count: digest.laggards.length - laggardLines }));
  }
  lines.push("");
  if (digest.upcoming.length === 0) lines.push(t("digest-upcoming-none"));
  else {
    lines.push(t("digest-upcoming-title"));
    // Named while they are few; many congresses in a week are counted per day, pilot congresses always named.
    const named =
      digest.upcoming.length <= upcomingNamed ? digest.upcoming : digest.upcoming.filter((entry) => entry.pilot);
    const counted = new Map<LocalDate, number>();
    for (const entry of digest.upcoming)
      if (!named.includes(entry)) counted.set(entry.date, (counted.get(entry.date) ?? 0) + 1);
    const days = [...new Set([...named.map((entry) => entry.date), ...counted.keys()])].sort();
    for (const date of days) {
      for (const entry of named.filter((candidate) => candidate.date === date)) {
        lines.push(
          t("digest-upcoming", {
            date: dayMonth(date),
            name: renderUnitLabel(t, entry),
            pilot: entry.pilot ? "yes" : "no",
          }),
        );
      }
      if (counted.has(date))
        lines.push(t("digest-upcoming-count", { date: dayMonth(date), count: counted.get(date)! }));
    }
  }
  lines.push("");
  const deadline = digest.nextDeadline
    ? t("digest-deadline", {
        level: digest.nextDeadline.level,
        date: formatLocalDate(digest.nextDeadline.date),
        days: digest.nextDeadline.daysLeft,
      })
    : "";
  if (digest.overdue.count === 0) lines.push([t("digest-overdue-none"), deadline].filter(Boolean).join(" "));
  else {
    lines.push(t("digest-overdue-title", { count: digest.overdue.count }));
    const shown = digest.overdue.groups.slice(0, overdueGroupLines);
    for (const group of shown) lines.push(renderOverdueGroup(t, group));
    const rest = digest.overdue.groups
      .slice(shown.length)
      .reduce((sum, group) => sum + group.members.length + Number(group.self), 0);
    if (rest > 0) lines.push(t("digest-overdue-more", { count: rest }));
    if (deadline) lines.push(deadline);
  }
  if (digest.pilotsPassed.length > 0) {
    lines.push(
      t("digest-pilots-passed", {
        list: digest.pilotsPassed.map((pilot) => `${pilot.name} (${dayMonth(pilot.date)})`).join("; "),
      }),
    );
  }
  if (digest.openDifficulties.length === 0) lines.push(t("digest-difficulties-none"));
  else {
    const count = digest.openDifficulties.reduce((sum, entry) => sum + entry.count, 0);
    lines.push(
      t("digest-difficulties", {
        count,
        list: digest.openDifficulties.map((entry) => renderUnitLabel(t, entry)).join("; "),
      }),
    );
  }
  // The final section, once congresses are held: the same statistics /tiendo shows for the subtree.
  if (digest.elections) lines.push("", ...renderElectionStats(t, locale, digest.elections));
  return lines.join("\n");
}

/** "• Đảng bộ phường Gia Thụy: 2 chi bộ (Chi bộ Tổ dân phố số 3, Chi bộ Tổ dân phố số 7)". */
function renderOverdueGroup(t: Translate, group: OverdueGroup): string {
  const unit = renderUnitLabel(t, group.unit);
  if (group.members.length === 0) return t("digest-overdue-unit", { unit });
  const names =
    group.members.length <= overdueNamesPerGroup ? group.members.map((member) => member.name).join(", ") : "none";
  const members = t("digest-overdue-members", {
    count: group.members.length,
    cells: group.membersAreCells ? "yes" : "no",
  });
  return t("digest-overdue-group", { unit, self: group.self ? "yes" : "no", members, names });
}
