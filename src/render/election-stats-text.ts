// Election statistics as the offices write them: per level, committee members elected against the plan,
// full and short elections, women, under 35, re-elected and new members with their shares; the other age
// bands, education and political theory; the standing committees and their women; secretaries elected
// directly, in one round, the lowest and highest share of votes, delegates to the higher congress
// (elected, ex officio) and attendance; then which units elected short. Computed shares have one decimal
// like every share the product shows (43,1%); shares of votes are shown as reported (61,25%).
import {
  newMembers,
  shareBase,
  sortLevels,
  type ElectionLevelStats,
  type ElectionStats,
  type OptionalCount,
} from "../domain/election-stats.js";
import { makeUpFields } from "../domain/election-results.js";
import { formatPercent, formatPercentValue, type Locale, type Translate } from "../i18n.js";
import { renderUnitLabel } from "./unit-label.js";

/** Detail lines sit under their level's line. */
const indent = "   ";
const unknown = "—";

export function renderElectionStats(
  t: Translate,
  locale: Locale,
  stats: ElectionStats,
  options: { shortListMax?: number } = {},
): string[] {
  const levels = sortLevels(stats.levels);
  if (levels.length === 0) return [];
  const share = (part: number, total: number) => formatPercent(part, total, locale);
  // A count no congress of the level reported is unknown ("—"), not 0 (0,0%).
  const known = (part: number, base: number) => (base > 0 ? part : unknown);
  const knownShare = (part: number, base: number) => (base > 0 ? share(part, base) : unknown);
  const lines = [t("election-title", { count: levels.reduce((sum, line) => sum + line.congresses, 0) })];
  for (const line of levels) {
    const label = t("progress-level", { kind: line.level });
    if (line.withResults === 0) {
      lines.push(t("election-no-results", { label, count: line.congresses }));
      continue;
    }
    const elected = line.committeeElected;
    lines.push(
      t("election-level", {
        label,
        count: line.congresses,
        elected,
        planned: line.committeePlanned,
        share: share(elected, line.committeePlanned),
        full: line.inFull,
        short: line.short,
        missing: line.congresses - line.withResults,
      }),
      t("election-people", {
        women: known(line.women, shareBase(line, "women")),
        womenShare: knownShare(line.women, shareBase(line, "women")),
        young: known(line.underThirtyFive, shareBase(line, "underThirtyFive")),
        youngShare: knownShare(line.underThirtyFive, shareBase(line, "underThirtyFive")),
        reElected: known(line.reElected, shareBase(line, "reElected")),
        reElectedShare: knownShare(line.reElected, shareBase(line, "reElected")),
        fresh: known(newMembers(line), shareBase(line, "reElected")),
        freshShare: knownShare(newMembers(line), shareBase(line, "reElected")),
      }),
    );
    // Only what some congress of the level reported: a line of unknowns tells nobody anything.
    const counts = (fields: readonly OptionalCount[]) =>
      fields
        .filter((field) => shareBase(line, field) > 0)
        .map((field) =>
          t("election-count", {
            field,
            count: line[field],
            share: share(line[field], shareBase(line, field)),
          }),
        );
    const makeUp = [...counts(makeUpFields), ...standingParts(t, line, share)];
    if (makeUp.length > 0) lines.push(`${indent}${t("election-make-up", { parts: makeUp.join(" • ") })}`);
    const extra = [
      line.secretaryDirectKnown > 0
        ? t("election-direct", { yes: line.secretaryDirect, known: line.secretaryDirectKnown })
        : null,
      line.oneRoundKnown > 0 ? t("election-one-round", { yes: line.oneRound, known: line.oneRoundKnown }) : null,
      line.voteSharesKnown > 0
        ? t("election-vote-shares", {
            lowest: line.lowestVoteShare === null ? unknown : formatPercentValue(line.lowestVoteShare, locale),
            highest: line.highestVoteShare === null ? unknown : formatPercentValue(line.highestVoteShare, locale),
          })
        : null,
      line.delegatesKnown > 0 || line.delegatesExOfficioKnown > 0
        ? t("election-delegates", {
            elected: known(line.delegates, line.delegatesKnown),
            exOfficio: line.delegatesExOfficioKnown > 0 ? line.delegatesExOfficio : "none",
          })
        : null,
      line.attendanceKnown > 0
        ? t("election-attendance", {
            present: line.present,
            summoned: line.summoned,
            share: share(line.present, line.summoned),
          })
        : null,
    ].filter((part) => part !== null);
    if (extra.length > 0) lines.push(`${indent}${extra.join(" • ")}`);
  }
  const shortTotal = levels.reduce((sum, line) => sum + line.short, 0);
  if (shortTotal > 0) {
    const shown = stats.shortUnits.slice(0, options.shortListMax ?? 5);
    lines.push(
      t("election-short", {
        list: shown
          .map((unit) =>
            t("election-short-unit", { name: renderUnitLabel(t, unit), elected: unit.elected, planned: unit.planned }),
          )
          .join("; "),
        more: shortTotal - shown.length,
      }),
    );
  }
  return lines;
}

/** "Ban Thường vụ 5, trong đó nữ 2 (40,0%)": the standing committees' members, and their women where reported. */
function standingParts(
  t: Translate,
  line: ElectionLevelStats,
  share: (part: number, total: number) => string,
): string[] {
  if (line.standingElected === 0) return [];
  const women = shareBase(line, "standingWomen");
  return [
    t("election-standing", {
      count: line.standingElected,
      women: women > 0 ? line.standingWomen : "none",
      share: women > 0 ? share(line.standingWomen, women) : "",
    }),
  ];
}
