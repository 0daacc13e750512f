// The election figures beyond the committee's numbers (ages, education, political theory, the standing
// committee's women, shares of votes, delegates ex officio, attendance): deterministic values for test
// congresses, and their totals counted here, independently of the SQL sums and renderers under test,
// in the lines /tiendo, the digest and the Word report must show.
import type { ElectionResults } from "../../src/domain/election-results.js";
import type { UnitLevel } from "../../src/domain/levels.js";
import { formatPercent } from "../../src/i18n.js";

/**
 * The i-th congress's further figures, valid with its committee numbers (checkElectionResults), some
 * left unknown so that each share is taken over the congresses that reported it.
 */
export function furtherResults(
  i: number,
  base: Pick<ElectionResults, "committeeElected" | "underThirtyFive" | "women">,
  level: UnitLevel,
): Partial<ElectionResults> {
  const elected = base.committeeElected;
  const young = base.underThirtyFive ?? 0;
  const middle = Math.floor((elected - young) / 2);
  const summoned = i % 6 === 5 ? null : 20 + (i % 10);
  return {
    // All three bands add up to the members elected; one in three reports only 35–50, one in three neither.
    agedThirtyFiveToFifty: i % 3 === 0 ? null : middle,
    overFifty: i % 3 === 2 && base.underThirtyFive !== null ? elected - young - middle : null,
    postgraduate: i % 4 === 0 ? null : i % 2,
    graduate: i % 4 === 0 ? null : elected - 1 - (i % 2),
    theoryAdvanced: i % 5 === 0 ? null : 1,
    theoryIntermediate: i % 5 === 0 ? null : Math.min(1, elected - 1),
    standingWomen: level !== "cell" && i % 2 === 0 ? Math.min(1, base.women ?? 0) : null,
    lowestVoteShare: i % 4 === 3 ? null : 51 + (i % 40) + 0.25,
    highestVoteShare: i % 4 === 3 ? null : 95 + (i % 5) + 0.5,
    delegatesExOfficio: i % 3 === 0 ? 1 : null,
    summoned,
    present: summoned === null ? null : summoned - (i % 3),
  };
}

const makeUpFields = [
  ["agedThirtyFiveToFifty", "từ 35 đến 50 tuổi"],
  ["overFifty", "trên 50 tuổi"],
  ["postgraduate", "trình độ trên đại học"],
  ["graduate", "cao đẳng, đại học"],
  ["theoryAdvanced", "lý luận chính trị cao cấp, cử nhân"],
  ["theoryIntermediate", "trung cấp lý luận chính trị"],
] as const;

export interface FurtherTotals {
  /** Per make-up field: its sum and the members elected in the congresses that reported it. */
  makeUp: Record<(typeof makeUpFields)[number][0], { count: number; base: number }>;
  standing: number;
  standingWomen: { count: number; base: number };
  votes: { lowest: number | null; highest: number | null };
  delegates: { elected: number; electedKnown: number; exOfficio: number; exOfficioKnown: number };
  attendance: { present: number; summoned: number; known: number };
}

export function furtherTotals(congresses: readonly ElectionResults[]): FurtherTotals {
  const counted = (value: (r: ElectionResults) => number | null, base: (r: ElectionResults) => number) => {
    const known = congresses.filter((r) => value(r) !== null);
    return { count: known.reduce((s, r) => s + value(r)!, 0), base: known.reduce((s, r) => s + base(r), 0) };
  };
  const makeUp = Object.fromEntries(
    makeUpFields.map(([field]) => [
      field,
      counted(
        (r) => r[field],
        (r) => r.committeeElected,
      ),
    ]),
  ) as FurtherTotals["makeUp"];
  const lows = congresses.flatMap((r) => (r.lowestVoteShare === null ? [] : [r.lowestVoteShare]));
  const highs = congresses.flatMap((r) => (r.highestVoteShare === null ? [] : [r.highestVoteShare]));
  const both = congresses.filter((r) => r.summoned !== null && r.present !== null);
  const withStanding = congresses.filter((r) => r.standingElected !== null && r.standingWomen !== null);
  return {
    makeUp,
    standing: congresses.reduce((s, r) => s + (r.standingElected ?? 0), 0),
    standingWomen: {
      count: withStanding.reduce((s, r) => s + r.standingWomen!, 0),
      base: withStanding.reduce((s, r) => s + r.standingElected!, 0),
    },
    votes: {
      lowest: lows.length > 0 ? Math.min(...lows) : null,
      highest: highs.length > 0 ? Math.max(...highs) : null,
    },
    delegates: {
      elected: congresses.reduce((s, r) => s + (r.delegates ?? 0), 0),
      electedKnown: congresses.filter((r) => r.delegates !== null).length,
      exOfficio: congresses.reduce((s, r) => s + (r.delegatesExOfficio ?? 0), 0),
      exOfficioKnown: congresses.filter((r) => r.delegatesExOfficio !== null).length,
    },
    attendance: {
      present: both.reduce((s, r) => s + r.present!, 0),
      summoned: both.reduce((s, r) => s + r.summoned!, 0),
      known: both.length,
    },
  };
}

const count = (value: number) => new Intl.NumberFormat("vi-VN").format(value);
const share = (part: number, whole: number) => formatPercent(part, whole, "vi");
const percent = (value: number) => `${String(value).replace(".", ",")}%`;

/** "   Cơ cấu: từ 35 đến 50 tuổi 9 (60,0%) • … • Ban Thường vụ 5, trong đó nữ 2 (40,0%)", as the Vietnamese texts write it. */
export function makeUpLine(totals: FurtherTotals): string | null {
  const parts = makeUpFields
    .filter(([field]) => totals.makeUp[field].base > 0)
    .map(([field, words]) => {
      const { count: part, base } = totals.makeUp[field];
      return `${words} ${count(part)} (${share(part, base)})`;
    });
  if (totals.standing > 0) {
    const women = totals.standingWomen;
    parts.push(
      `Ban Thường vụ ${count(totals.standing)}${women.base > 0 ? `, trong đó nữ ${count(women.count)} (${share(women.count, women.base)})` : ""}`,
    );
  }
  return parts.length > 0 ? `   Cơ cấu: ${parts.join(" • ")}` : null;
}

/** The parts of the level's last line this module's figures make (after the yes/no answers). */
export function furtherParts(totals: FurtherTotals): string[] {
  const parts: string[] = [];
  const { votes, delegates, attendance } = totals;
  if (votes.lowest !== null || votes.highest !== null)
    parts.push(
      `Tỷ lệ phiếu trúng cử: thấp nhất ${votes.lowest === null ? "—" : percent(votes.lowest)}, cao nhất ${votes.highest === null ? "—" : percent(votes.highest)}`,
    );
  if (delegates.electedKnown > 0 || delegates.exOfficioKnown > 0)
    parts.push(
      `Đại biểu dự đại hội cấp trên: ${delegates.electedKnown > 0 ? count(delegates.elected) : "—"} được bầu${delegates.exOfficioKnown > 0 ? `, ${count(delegates.exOfficio)} đương nhiên` : ""}`,
    );
  if (attendance.known > 0)
    parts.push(
      `Có mặt ${count(attendance.present)}/${count(attendance.summoned)} được triệu tập (${share(attendance.present, attendance.summoned)})`,
    );
  return parts;
}
