// The one-line form for experienced users:
//   /baocao [CODE] MILESTONE [dd/mm/yyyy] [key=value …]
//   /baocao daihoi 04/03/2020 bch=15/15 btv=5 nu=4 tre=2 taicu=10 daibieu=17 bttructiep=co
// Only bch (elected/planned) is required for a congress held; a key left out is "not reported" (null),
// so /baocao daihoi 04/03/2020 bch=15/15 nu=4 tre=2 is a whole report. The full set, as the articles
// report a congress:
//   bch=15/15 btv=5 btvnu=2 nu=4 tre=2 tu35=9 tren50=4 taicu=10 trendh=3 daihoc=11 caocap=6 trungcap=8
//   phieuthap=61,25 phieucao=98,5 daibieu=16 duongnhien=1 trieutap=161 comat=158
import { emptyResults, maxNoteLength, type ElectionResults, type NumberField } from "./election-results.js";
import type { Milestone } from "./levels.js";
import type { LocalDate } from "./local-date.js";
import { parseUserDate, stripDiacritics } from "./user-date.js";

export const milestoneWords: Record<string, Milestone> = {
  kehoach: "plan",
  plan: "plan",
  vankien: "documents",
  documents: "documents",
  nhansu: "personnel",
  personnel: "personnel",
  lich: "scheduled",
  scheduled: "scheduled",
  daihoi: "held",
  held: "held",
};

/** The keys of the one-line form, in the order /trogiup lists them. */
export const resultKeys = [
  "bch",
  "btv",
  "btvnu",
  "nu",
  "tre",
  "tu35",
  "tren50",
  "taicu",
  "trendh",
  "daihoc",
  "caocap",
  "trungcap",
  "bttructiep",
  "motlan",
  "phieuthap",
  "phieucao",
  "daibieu",
  "duongnhien",
  "trieutap",
  "comat",
  "ghichu",
] as const;
export type ResultKey = (typeof resultKeys)[number];

/** The key of each number of the results (bch holds the two committee numbers). */
const numberKeys = {
  btv: "standingElected",
  btvnu: "standingWomen",
  nu: "women",
  tre: "underThirtyFive",
  tu35: "agedThirtyFiveToFifty",
  tren50: "overFifty",
  taicu: "reElected",
  trendh: "postgraduate",
  daihoc: "graduate",
  caocap: "theoryAdvanced",
  trungcap: "theoryIntermediate",
  phieuthap: "lowestVoteShare",
  phieucao: "highestVoteShare",
  daibieu: "delegates",
  duongnhien: "delegatesExOfficio",
  trieutap: "summoned",
  comat: "present",
} as const satisfies Partial<Record<ResultKey, Exclude<NumberField, "committeePlanned" | "committeeElected">>>;

/** A share as typed: 61,25 or 61.25 (at most two decimals), or a whole number. */
export function parseShare(text: string): number | null {
  const match = /^(\d{1,3})(?:[.,](\d{1,2}))?%?$/.exec(text.trim());
  return match ? Number(`${match[1]}.${match[2] ?? "0"}`) : null;
}

const requiredKeys: ResultKey[] = ["bch"];

export interface ParsedReportLine {
  unitCode: string | null;
  milestone: Milestone;
  date: LocalDate | null;
  results: ElectionResults | null;
}

export type LineProblem =
  | { code: "empty" }
  | { code: "unknown-milestone"; value: string }
  | { code: "date"; value: string; problem: "format" | "not-a-date" }
  | { code: "unknown-key"; value: string }
  | { code: "duplicate-key"; value: string }
  | { code: "not-a-number"; key: ResultKey; value: string }
  | { code: "not-a-share"; key: ResultKey; value: string }
  | { code: "not-yes-no"; key: ResultKey; value: string }
  | { code: "bch-format"; value: string }
  | { code: "results-only-for-held"; value: string }
  | { code: "missing-key"; key: ResultKey }
  | { code: "unexpected"; value: string }
  | { code: "date-required"; milestone: Milestone };

export type ReportLineResult = { ok: true; line: ParsedReportLine } | { ok: false; problems: LineProblem[] };

export function parseReportLine(text: string, today: LocalDate): ReportLineResult {
  const noteAt = text.search(/\bghichu=/i);
  const note =
    noteAt >= 0
      ? text
          .slice(noteAt + "ghichu=".length)
          .trim()
          .replace(/^"(.*)"$/, "$1")
      : null;
  // "hôm nay", "hôm qua", "ngày mai" are one date each.
  const head = (noteAt >= 0 ? text.slice(0, noteAt) : text).replace(/\b(h[oô]m|ng[aà]y)\s+(nay|qua|mai)\b/giu, "$1$2");
  const tokens = head.trim().split(/\s+/).filter(Boolean);
  if (tokens.length === 0) return { ok: false, problems: [{ code: "empty" }] };

  const word = (token: string) => milestoneWords[stripDiacritics(token.toLowerCase())];
  let unitCode: string | null = null;
  let index = 0;
  // Not a milestone first: it is a unit code, and the milestone follows.
  if (!word(tokens[0]!) && tokens.length > 1) {
    unitCode = tokens[0]!;
    index = 1;
  }
  const milestone = word(tokens[index]!);
  if (!milestone) return { ok: false, problems: [{ code: "unknown-milestone", value: tokens[index]! }] };
  index++;

  const problems: LineProblem[] = [];
  let date: LocalDate | null = null;
  const values = new Map<ResultKey, string>();
  for (const token of tokens.slice(index)) {
    const pair = /^([^=]+)=(.*)$/.exec(token);
    if (!pair) {
      if (date === null && values.size === 0) {
        const parsed = parseUserDate(token, today);
        if (parsed.ok) date = parsed.date;
        else problems.push({ code: "date", value: token, problem: parsed.problem });
      } else problems.push({ code: "unexpected", value: token });
      continue;
    }
    const key = stripDiacritics(pair[1]!.toLowerCase()) as ResultKey;
    if (!(resultKeys as readonly string[]).includes(key)) problems.push({ code: "unknown-key", value: pair[1]! });
    else if (values.has(key)) problems.push({ code: "duplicate-key", value: key });
    else values.set(key, pair[2]!);
  }
  if (note !== null) values.set("ghichu", note);

  if (milestone !== "held") {
    for (const key of values.keys()) problems.push({ code: "results-only-for-held", value: key });
    if (milestone === "scheduled" && date === null && problems.length === 0)
      problems.push({ code: "date-required", milestone });
    if (problems.length > 0) return { ok: false, problems };
    return { ok: true, line: { unitCode, milestone, date, results: null } };
  }

  if (date === null && !problems.some((problem) => problem.code === "date"))
    problems.push({ code: "date-required", milestone });
  for (const key of requiredKeys) if (!values.has(key)) problems.push({ code: "missing-key", key });
  const results = readResults(values, problems);
  if (problems.length > 0 || !results) return { ok: false, problems };
  return { ok: true, line: { unitCode, milestone, date, results } };
}

function readResults(values: Map<ResultKey, string>, problems: LineProblem[]): ElectionResults | null {
  const number = (key: keyof typeof numberKeys): number | null => {
    const raw = values.get(key);
    if (raw === undefined) return null;
    if (key === "phieuthap" || key === "phieucao") {
      const share = parseShare(raw);
      if (share === null) problems.push({ code: "not-a-share", key, value: raw });
      return share;
    }
    if (!/^\d{1,5}$/.test(raw)) {
      problems.push({ code: "not-a-number", key, value: raw });
      return null;
    }
    return Number(raw);
  };
  const yesNo = (key: ResultKey): boolean | null => {
    const raw = values.get(key);
    if (raw === undefined) return null;
    const value = stripDiacritics(raw.toLowerCase());
    if (["co", "yes", "y", "1"].includes(value)) return true;
    if (["khong", "no", "n", "0"].includes(value)) return false;
    problems.push({ code: "not-yes-no", key, value: raw });
    return null;
  };
  let elected = 0;
  let planned = 0;
  const bch = values.get("bch");
  if (bch !== undefined) {
    const match = /^(\d{1,3})(?:\/(\d{1,3}))?$/.exec(bch);
    if (!match) problems.push({ code: "bch-format", value: bch });
    else {
      elected = Number(match[1]);
      planned = match[2] === undefined ? elected : Number(match[2]);
    }
  }
  const results = emptyResults(planned, elected);
  for (const [key, field] of Object.entries(numberKeys) as [
    keyof typeof numberKeys,
    (typeof numberKeys)[keyof typeof numberKeys],
  ][])
    results[field] = number(key);
  results.secretaryDirect = yesNo("bttructiep");
  results.oneRound = yesNo("motlan");
  results.note = values.get("ghichu")?.slice(0, maxNoteLength) || null;
  return problems.length > 0 ? null : results;
}
