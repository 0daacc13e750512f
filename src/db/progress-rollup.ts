// The one aggregation module behind the digest, /tiendo and the exports: a few set-based queries over a
// subtree, whatever its size (one district or the whole country), never a query per unit.
//
// A subtree is a prefix of the materialised path (`units.path`, "/1/7/42/"), a constant `LIKE 'P%'` read
// through its text_pattern_ops index; which child (or listed unit) a unit falls under is read off its
// path too, so no query joins units to units by range. A unit's state in the active campaign of its
// organisation is its `unit_progress` row, which the database folds from the reports as they are
// written (one row per unit, not one per report event): any report of a milestone means the milestone
// is done (reports are never deleted; a correction supersedes, it does not undo), the election results
// are those of the current `held` report.
import { Prisma, type PrismaClient } from "@prisma/client";
import type { ElectionLevelStats, ElectionStats, ShortUnit } from "../domain/election-stats.js";
import type { Milestone, UnitLevel } from "../domain/levels.js";
import type { NamedUnit } from "../domain/unit-label.js";
import { utcDateToLocalDate, type LocalDate } from "../domain/local-date.js";
import { congressPlan } from "../domain/campaign-plan.js";
import {
  countFields,
  type DeadlineTable,
  type GrassrootsRow,
  type ProgressCounts,
  type RollupRow,
  type RollupUnit,
  type SubtreeRollup,
} from "../domain/progress-rollup.js";
import {
  deadlinePivotSql,
  difficultyOpening,
  earliestOpenDeadlineSql,
  openAtSql,
  pauseOpening,
  progressAsOfSql,
  reachedSql,
} from "./unit-progress.js";

export interface RollupOptions {
  today: LocalDate;
  /** Held congresses first recorded after this instant are counted in `heldSince` (the digest's "since yesterday"). */
  since?: Date | null;
  /** Also group the counts by grassroots organisation (the digest's laggards, the chart's bars). */
  byGrassroots?: boolean;
  /**
   * Count from the reports recorded before this instant only, with the difficulties and reminder pauses
   * open then ("as of" a past day: `status --as-of`); absent, from everything recorded.
   */
  recordedBefore?: Date | null;
}

interface UnitRow {
  id: number;
  code: string;
  name: string;
  parentName: string | null;
  nameShared: boolean;
  level: UnitLevel;
  path: string;
  parentId: number | null;
  hasChildren: boolean;
  pilotDate: LocalDate | null;
  organizationId: number;
}

const toRollupUnit = (row: UnitRow): RollupUnit => ({
  id: row.id,
  code: row.code,
  name: row.name,
  parentName: row.parentName,
  nameShared: row.nameShared,
  level: row.level,
  path: row.path,
  parentId: row.parentId,
  hasChildren: row.hasChildren,
  pilotDate: row.pilotDate,
});

const unitColumns = Prisma.sql`u.id, u.code, u.name, u.level::text AS level, u.path, u."parentId", to_char(u."pilotDate", 'YYYY-MM-DD') AS "pilotDate", u."organizationId",
  EXISTS (SELECT 1 FROM units c WHERE c."parentId" = u.id AND c."archivedAt" IS NULL) AS "hasChildren",
  (SELECT pu.name FROM units pu WHERE pu.id = u."parentId") AS "parentName",
  EXISTS (SELECT 1 FROM units o WHERE o."organizationId" = u."organizationId" AND o.name = u.name AND o.id <> u.id AND o."archivedAt" IS NULL) AS "nameShared"`;

/**
 * The rows of a query handed over as one JSON value. The embedded database spends more on handing over
 * many rows than on computing them (a district's 300 roll-up rows: 10 ms as rows, 4 ms as one value);
 * on PostgreSQL it makes no difference that matters. `order` keeps the rows' order in the array.
 */
async function jsonRows<T>(prisma: PrismaClient, query: Prisma.Sql, order: Prisma.Sql = Prisma.empty): Promise<T[]> {
  const [result] = await prisma.$queryRaw<
    [{ rows: T[] }]
  >`SELECT coalesce(json_agg(t ${order}), '[]'::json) AS rows FROM (${query}) t`;
  return result.rows;
}

/** A unit with its organisation's active campaign (the oldest, if several are active) and that campaign's deadlines. */
export interface RollupTop {
  unit: UnitRow;
  campaign: SubtreeRollup["campaign"];
  deadlines: DeadlineTable;
}

/** The unit and its campaign in one query; null when the unit does not exist or is archived. */
export async function loadRollupTop(prisma: PrismaClient, unitId: number): Promise<RollupTop | null> {
  const [row] = await prisma.$queryRaw<
    (UnitRow & {
      campaignId: number | null;
      campaignName: string | null;
      deadlines: { level: UnitLevel; milestone: Milestone; dueDate: string }[];
    })[]
  >`
    SELECT ${unitColumns}, c.id AS "campaignId", c.name AS "campaignName",
           (SELECT coalesce(json_agg(json_build_object('level', d.level, 'milestone', d.milestone, 'dueDate', d."dueDate")), '[]'::json)
            FROM campaign_deadlines d WHERE d."campaignId" = c.id) AS deadlines
    FROM units u
    LEFT JOIN LATERAL (SELECT id, name FROM campaigns WHERE "organizationId" = u."organizationId" AND active ORDER BY id LIMIT 1) c ON true
    WHERE u.id = ${unitId} AND u."archivedAt" IS NULL`;
  if (!row) return null;
  const deadlines: DeadlineTable = {};
  for (const deadline of row.deadlines) {
    deadlines[deadline.level] ??= {};
    deadlines[deadline.level]![deadline.milestone] = deadline.dueDate.slice(0, 10);
  }
  const { campaignId, campaignName, deadlines: _, ...unit } = row;
  return { unit, campaign: campaignId === null ? null : { id: campaignId, name: campaignName! }, deadlines };
}

/**
 * The subtree of a unit: the unit, its direct children (the entries), and for each child the counts of
 * its subtree per level. Null when the unit does not exist or is archived. One query for the unit (none
 * when it is given), then two or three that run side by side.
 */
export async function loadSubtreeRollup(
  prisma: PrismaClient,
  unit: number | RollupTop,
  options: RollupOptions,
): Promise<SubtreeRollup | null> {
  const top = typeof unit === "number" ? await loadRollupTop(prisma, unit) : unit;
  if (!top) return null;
  const { id, path } = top.unit;
  const [units, grouped] = await Promise.all([
    // The children, and when asked the grassroots organisations of the subtree, in one list.
    jsonRows<UnitRow & { isEntry: boolean }>(
      prisma,
      Prisma.sql`
        SELECT ${unitColumns}, u."parentId" = ${id} AS "isEntry", u.position FROM units u
        WHERE u."archivedAt" IS NULL
          AND (u."parentId" = ${id} OR (${options.byGrassroots === true} AND u.path LIKE ${`${path}%`} AND u.id <> ${id} AND u.level = 'grassroots'))`,
      Prisma.sql`ORDER BY t.position, t.id`,
    ),
    rollupRows(
      prisma,
      { childrenOf: { id, path, parentId: top.unit.parentId, organizationId: top.unit.organizationId } },
      path,
      options,
    ),
  ]);
  const entries = units.filter((unit) => unit.isEntry);
  const grassroots = options.byGrassroots
    ? units.filter((unit) => unit.level === "grassroots" && unit.id !== id)
    : null;
  const rollup: SubtreeRollup = {
    top: { ...toRollupUnit(top.unit), organizationId: top.unit.organizationId },
    campaign: top.campaign,
    deadlines: top.deadlines,
    today: options.today,
    entries: entries.map(toRollupUnit),
    rows: grouped.rows,
  };
  if (grassroots) {
    const ids = new Set(grassroots.map((row) => row.id));
    rollup.grassroots = {
      units: grassroots.map(toRollupUnit),
      rows: grouped.grassroots.filter((row) => ids.has(row.grassrootsId)),
    };
  }
  return rollup;
}

/**
 * Any set of units (a working group's units, the provinces of the country), each counted with its
 * subtree (the unit itself included), in the order given. Units of several organisations may be mixed:
 * each unit is judged by its own organisation's active campaign. Two queries.
 */
export async function loadUnitsRollup(
  prisma: PrismaClient,
  unitIds: readonly number[],
  options: Omit<RollupOptions, "byGrassroots">,
): Promise<{ entries: RollupUnit[]; rows: RollupRow[] }> {
  if (unitIds.length === 0) return { entries: [], rows: [] };
  const found = await prisma.$queryRaw<UnitRow[]>`
    SELECT ${unitColumns} FROM units u WHERE u.id = ANY(${[...unitIds]}::int[]) AND u."archivedAt" IS NULL`;
  const byId = new Map(found.map((row) => [row.id, row]));
  const entries = [...new Set(unitIds)].map((id) => byId.get(id)).filter((row): row is UnitRow => row !== undefined);
  const { rows } = await rollupRows(prisma, entries, commonPathPrefix(entries.map((entry) => entry.path)), options);
  return { entries: entries.map(toRollupUnit), rows };
}

/** The longest path that is an ancestor-or-self of every path given ("/" when they share nothing). */
export function commonPathPrefix(paths: readonly string[]): string {
  if (paths.length === 0) return "/";
  let prefix = paths[0]!;
  for (const path of paths) {
    while (!path.startsWith(prefix)) prefix = prefix.slice(0, prefix.lastIndexOf("/", prefix.length - 2) + 1);
  }
  return prefix || "/";
}

/**
 * Units under any of the entries, each with its entry. An entry at depth k (k ids in its path) is the
 * (k+1)-th part of the path of every unit under it, so each distinct depth is one hash join on that part
 * of the path: linear in the units, however many entries (a range join per entry was 63 × 355,000
 * comparisons for the country). Nested entries count under the outermost one.
 */
function entriesSql(entries: readonly ScopeEntry[], within: string): Prisma.Sql {
  if (entries.length === 1) {
    // One unit (a digest's statistics): its subtree is its path's prefix, no join needed.
    const [entry] = entries;
    return Prisma.sql`
      SELECT ${entry!.id}::int AS "entryId", u.id, u.level, u."parentId", u."organizationId", u.name, u.position
      FROM units u
      WHERE u.path LIKE ${`${entry!.path}%`} AND u."archivedAt" IS NULL`;
  }
  // An organisation's top unit has every unit of the organisation under it: matched by organisation.
  const tops = entries.filter((entry) => entry.parentId === null);
  const inner = entries.filter((entry) => entry.parentId !== null);
  const depths = [...new Set(inner.map((entry) => entry.path.split("/").filter(Boolean).length))].sort((a, b) => a - b);
  const ids = inner.map((entry) => entry.id);
  const joins = depths.map(
    (depth, index) =>
      Prisma.sql`LEFT JOIN (SELECT unnest(${ids}::int[]) AS id) ${Prisma.raw(`e${index}`)} ON ${Prisma.raw(`e${index}`)}.id = NULLIF(split_part(u.path, '/', ${depth + 1}), '')::int`,
  );
  if (tops.length > 0) {
    joins.unshift(
      Prisma.sql`LEFT JOIN (SELECT * FROM unnest(${tops.map((top) => top.id)}::int[], ${tops.map((top) => top.organizationId)}::int[]) AS t(id, org)) et ON et.org = u."organizationId"`,
    );
  }
  const entryId = Prisma.raw(
    `coalesce(${[...(tops.length > 0 ? ["et.id"] : []), ...depths.map((_, index) => `e${index}.id`)].join(", ")})`,
  );
  return Prisma.sql`
    SELECT * FROM (
      SELECT ${entryId} AS "entryId", u.id, u.level, u."parentId", u."organizationId", u.name, u.position
      FROM units u ${Prisma.join(joins, " ")}
      WHERE u.path LIKE ${`${within}%`} AND u."archivedAt" IS NULL
    ) x WHERE x."entryId" IS NOT NULL`;
}

/**
 * The `unit_progress` row of each unit, joined as `<this> alias ON true`. For whole organisations every
 * row is read (a hash join); for part of one, a lookup per unit, fenced by OFFSET 0 so the plan does not
 * hang on the planner's estimate of the subtree's size: a 500-unit district estimated at 3,600 units
 * turned the join into a scan of the whole country's rows (355,763 on the national benchmark). With
 * `recordedBefore`, the row as it stood then, folded from the reports (progressAsOfSql).
 */
function progressJoin(
  whole: boolean,
  unitId: Prisma.Sql,
  campaignId: Prisma.Sql,
  recordedBefore?: Date | null,
): Prisma.Sql {
  if (recordedBefore)
    return Prisma.sql`LEFT JOIN LATERAL (${progressAsOfSql(congressPlan, unitId, campaignId, recordedBefore)})`;
  const fence = whole ? Prisma.empty : Prisma.sql`OFFSET 0`;
  return Prisma.sql`LEFT JOIN LATERAL (SELECT * FROM unit_progress p WHERE p."unitId" = ${unitId} AND p."campaignId" = ${campaignId} ${fence})`;
}

/** A unit whose subtree is counted as one entry. */
export interface ScopeEntry {
  id: number;
  path: string;
  parentId: number | null;
  organizationId: number;
}

type CountRow = Record<keyof ProgressCounts, number> & {
  entryId: number | null;
  grassrootsId: number | null;
  level: UnitLevel;
  hasChildren: boolean | null;
};

/**
 * The counting query over the entries (the children of one unit, or any list of units). `facts` holds
 * one line per unit of the entries' subtrees with what is true of it; the outer query counts them per (entry, level, has children) and, when asked, per (grassroots
 * organisation, level). `within` is a path every entry lies under: a plain prefix the planner can
 * estimate, so a district stays a district-sized query even on a national database.
 */
async function rollupRows(
  prisma: PrismaClient,
  entries: readonly ScopeEntry[] | { childrenOf: ScopeEntry },
  within: string,
  options: RollupOptions,
): Promise<{ rows: RollupRow[]; grassroots: GrassrootsRow[] }> {
  const organizations =
    "childrenOf" in entries
      ? [entries.childrenOf.organizationId]
      : [...new Set(entries.map((entry) => entry.organizationId))];
  // Whole organisations (the country's provinces, or a district's own database): every open difficulty
  // and progress row of theirs counts, so they are read in one pass instead of looked up unit by unit.
  const wholeOrganisations =
    "childrenOf" in entries ? entries.childrenOf.parentId === null : entries.every((entry) => entry.parentId === null);
  const difficultyInScope = wholeOrganisations ? Prisma.sql`true` : Prisma.sql`d."unitId" IN (SELECT id FROM sub)`;
  const before = options.recordedBefore ?? null;
  const difficultyOpen = openAtSql("d", difficultyOpening, before);
  const pauseOpen = openAtSql("rp", pauseOpening, before);
  const since = options.since ? options.since.toISOString() : null;
  // The children of one unit: each unit's entry is the first id of its path below the unit's, so no join
  // is needed. Any other set of entries: see entriesSql.
  const subSql =
    "childrenOf" in entries
      ? Prisma.sql`
          SELECT split_part(substr(u.path, ${entries.childrenOf.path.length + 1}), '/', 1)::int AS "entryId", u.id, u.level, u."parentId", u."organizationId"
          FROM units u
          WHERE u.path LIKE ${`${within}%`} AND u.id <> ${entries.childrenOf.id} AND u."archivedAt" IS NULL`
      : entriesSql(entries, within);
  const groupingSets = options.byGrassroots
    ? Prisma.sql`GROUPING SETS ((f."entryId", f.level, f."hasChildren"), (f."grassrootsId", f.level))`
    : Prisma.sql`f."entryId", f.level, f."hasChildren"`;
  const grassrootsColumn = options.byGrassroots ? Prisma.sql`f."grassrootsId"` : Prisma.sql`NULL::int`;
  // A unit's grassroots organisation: itself, its parent, or for a cell under a partial committee its
  // grandparent. Read off the parent (one more join) only when the grassroots counts are asked for.
  const grassrootsOf = options.byGrassroots
    ? Prisma.sql`CASE WHEN s.level = 'grassroots' THEN s.id
                      WHEN up.level = 'grassroots' THEN up.id
                      WHEN s.level IN ('partial', 'cell') THEN up."parentId" END`
    : Prisma.sql`NULL::int`;
  const rows = await jsonRows<CountRow>(
    prisma,
    Prisma.sql`
    WITH sub AS (${subSql}),
    campaign AS (
      SELECT DISTINCT ON (c."organizationId") c.id, c."organizationId" FROM campaigns c
      WHERE c.active AND c.template = 'congress' AND c."organizationId" = ANY(${organizations}::int[])
      ORDER BY c."organizationId", c.id
    ),
    open AS (
      SELECT d."unitId", count(*)::int AS n FROM difficulties d
      WHERE ${difficultyOpen} AND ${difficultyInScope}
      GROUP BY d."unitId"
    ),
    deadline AS (${deadlinePivotSql(congressPlan, "campaign")}),
    -- Units whose reminders are paused (/hoan): neither overdue nor on track, counted apart.
    paused AS (
      SELECT DISTINCT rp."unitId" FROM reminder_pauses rp
      WHERE ${pauseOpen} AND ${wholeOrganisations ? Prisma.sql`true` : Prisma.sql`rp."unitId" IN (SELECT id FROM sub)`}
    ),
    -- A subtree holds its units' children, so the units with children are the parents named in it.
    parent AS (SELECT DISTINCT "parentId" AS id FROM sub),
    facts AS (
      SELECT s."entryId", s.level::text AS level, (p.id IS NOT NULL) AS "hasChildren",
             ${grassrootsOf} AS "grassrootsId",
             st."heldReportId" IS NOT NULL AS held,
             st."scheduledReportId" IS NOT NULL AS scheduled,
             ${reachedSql(congressPlan, "st", "documents")} AS documents,
             ${reachedSql(congressPlan, "st", "personnel")} AS personnel,
             st."heldFirstAt" > ${since}::timestamp AS "heldSince",
             pz."unitId" IS NOT NULL AS paused,
             -- The checklist's "overdue": a milestone neither done nor closed whose deadline has passed.
             pz."unitId" IS NULL AND ${earliestOpenDeadlineSql(congressPlan, "st", "dl")} < ${options.today}::date AS overdue,
             coalesce(o.n, 0) AS difficulties
      FROM sub s
      LEFT JOIN parent p ON p.id = s.id
      ${options.byGrassroots ? Prisma.sql`LEFT JOIN units up ON up.id = s."parentId"` : Prisma.empty}
      LEFT JOIN campaign c ON c."organizationId" = s."organizationId"
      ${progressJoin(wholeOrganisations, Prisma.sql`s.id`, Prisma.sql`c.id`, before)} st ON true
      LEFT JOIN open o ON o."unitId" = s.id
      LEFT JOIN paused pz ON pz."unitId" = s.id
      LEFT JOIN deadline dl ON dl."campaignId" = c.id AND dl.level = s.level
    )
    SELECT f."entryId", ${grassrootsColumn} AS "grassrootsId", f.level, f."hasChildren",
           count(*)::int AS total,
           count(*) FILTER (WHERE f.held)::int AS held,
           count(*) FILTER (WHERE f.scheduled AND NOT f.held)::int AS scheduled,
           count(*) FILTER (WHERE NOT f.held AND NOT f.scheduled)::int AS "notScheduled",
           count(*) FILTER (WHERE f.overdue)::int AS overdue,
           count(*) FILTER (WHERE f.paused AND NOT f.held)::int AS paused,
           count(*) FILTER (WHERE f.difficulties > 0)::int AS "withDifficulties",
           coalesce(sum(f.difficulties), 0)::int AS "openDifficulties",
           count(*) FILTER (WHERE f.documents)::int AS documents,
           count(*) FILTER (WHERE f.personnel)::int AS personnel,
           count(*) FILTER (WHERE f."heldSince")::int AS "heldSince"
    FROM facts f
    GROUP BY ${groupingSets}`,
  );
  const counts = (row: CountRow): ProgressCounts =>
    Object.fromEntries(countFields.map((field) => [field, row[field]])) as unknown as ProgressCounts;
  const result: { rows: RollupRow[]; grassroots: GrassrootsRow[] } = { rows: [], grassroots: [] };
  for (const row of rows) {
    if (row.entryId !== null)
      result.rows.push({
        entryId: row.entryId,
        level: row.level,
        hasChildren: row.hasChildren === true,
        counts: counts(row),
      });
    else if (row.grassrootsId !== null)
      result.grassroots.push({ grassrootsId: row.grassrootsId, level: row.level, counts: counts(row) });
  }
  return result;
}

// --- Election statistics ---------------------------------------------------------------------------

export const shortListLimit = 20;

/**
 * Election statistics of the congresses held under the given units (each unit itself included), per
 * level, summed in SQL over the current `held` reports' results, and the units that elected fewer
 * committee members than planned (lowest share first, at most `shortListLimit`). One query, and one more
 * to find the units when ids are given.
 */
export async function loadElectionStats(
  prisma: PrismaClient,
  units: readonly number[] | readonly ScopeEntry[],
  options: { shortLimit?: number; recordedBefore?: Date | null } = {},
): Promise<ElectionStats> {
  // The roots' paths are needed as constants: a prefix the planner can estimate keeps a district's
  // statistics a district-sized query (an index walk, not a scan of every held report).
  const roots =
    typeof units[0] === "number"
      ? await prisma.$queryRaw<ScopeEntry[]>`
          SELECT id, path, "parentId", "organizationId" FROM units WHERE id = ANY(${[...(units as readonly number[])]}::int[]) AND "archivedAt" IS NULL`
      : (units as readonly ScopeEntry[]);
  if (roots.length === 0) return { levels: [], shortUnits: [] };
  const held = Prisma.sql`
    WITH scope AS (${entriesSql(roots, commonPathPrefix(roots.map((root) => root.path)))}),
    campaign AS (
      SELECT DISTINCT ON (c."organizationId") c.id, c."organizationId" FROM campaigns c
      WHERE c.active AND c.template = 'congress' AND c."organizationId" = ANY(${[...new Set(roots.map((root) => root.organizationId))]}::int[])
      ORDER BY c."organizationId", c.id
    ),
    h AS (
      SELECT s.id, s.name, s.level, s.position, CASE WHEN jsonb_typeof(p."heldResults") = 'object' THEN p."heldResults" END AS res
      FROM scope s
      JOIN campaign c ON c."organizationId" = s."organizationId"
      ${progressJoin(
        roots.every((root) => root.parentId === null),
        Prisma.sql`s.id`,
        Prisma.sql`c.id`,
        options.recordedBefore,
      )} p ON true
      WHERE p."heldReportId" IS NOT NULL
    ),
    -- Results are checked as a whole before they are saved (checkElectionResults), so each field is a
    -- whole number, a share with up to two decimals or a boolean (or null): read once per congress, typed.
    v AS (
      SELECT h.id, h.name, h.level, h.position, h.res IS NOT NULL AS "hasResults",
             x."committeePlanned" AS planned, x."committeeElected" AS elected, x."standingElected" AS standing,
             x.women, x."underThirtyFive" AS young, x."agedThirtyFiveToFifty", x."overFifty", x."reElected",
             x.postgraduate, x.graduate, x."theoryAdvanced", x."theoryIntermediate", x."standingWomen",
             x.delegates, x."delegatesExOfficio", x.summoned, x.present, x."lowestVoteShare", x."highestVoteShare",
             x."secretaryDirect", x."oneRound"
      FROM h LEFT JOIN LATERAL jsonb_to_record(h.res) AS x(
        "committeePlanned" int, "committeeElected" int, "standingElected" int, women int, "underThirtyFive" int,
        "agedThirtyFiveToFifty" int, "overFifty" int, "reElected" int, postgraduate int, graduate int,
        "theoryAdvanced" int, "theoryIntermediate" int, "standingWomen" int, delegates int, "delegatesExOfficio" int,
        summoned int, present int, "lowestVoteShare" numeric, "highestVoteShare" numeric,
        "secretaryDirect" boolean, "oneRound" boolean) ON true
    )`;
  // One statement for both (the embedded database plans and runs statements one at a time).
  const [row] = await prisma.$queryRaw<
    [{ levels: ElectionLevelStats[] | null; shortUnits: ShortUnit[] | null }]
  >`${held}
    SELECT
      (SELECT json_agg(l ORDER BY l.level) FROM (
        SELECT v.level::text AS level,
               count(*)::int AS congresses,
               count(*) FILTER (WHERE v."hasResults")::int AS "withResults",
               coalesce(sum(v.planned), 0)::int AS "committeePlanned",
               coalesce(sum(v.elected), 0)::int AS "committeeElected",
               count(*) FILTER (WHERE v.elected >= v.planned)::int AS "inFull",
               count(*) FILTER (WHERE v.elected < v.planned)::int AS short,
               coalesce(sum(v.standing), 0)::int AS "standingElected",
               coalesce(sum(v.women), 0)::int AS women,
               coalesce(sum(v.young), 0)::int AS "underThirtyFive",
               coalesce(sum(v."agedThirtyFiveToFifty"), 0)::int AS "agedThirtyFiveToFifty",
               coalesce(sum(v."overFifty"), 0)::int AS "overFifty",
               coalesce(sum(v."reElected"), 0)::int AS "reElected",
               coalesce(sum(v.postgraduate), 0)::int AS postgraduate,
               coalesce(sum(v.graduate), 0)::int AS graduate,
               coalesce(sum(v."theoryAdvanced"), 0)::int AS "theoryAdvanced",
               coalesce(sum(v."theoryIntermediate"), 0)::int AS "theoryIntermediate",
               coalesce(sum(v.elected) FILTER (WHERE v.women IS NOT NULL), 0)::int AS "womenBase",
               coalesce(sum(v.elected) FILTER (WHERE v.young IS NOT NULL), 0)::int AS "underThirtyFiveBase",
               coalesce(sum(v.elected) FILTER (WHERE v."agedThirtyFiveToFifty" IS NOT NULL), 0)::int AS "agedThirtyFiveToFiftyBase",
               coalesce(sum(v.elected) FILTER (WHERE v."overFifty" IS NOT NULL), 0)::int AS "overFiftyBase",
               coalesce(sum(v.elected) FILTER (WHERE v."reElected" IS NOT NULL), 0)::int AS "reElectedBase",
               coalesce(sum(v.elected) FILTER (WHERE v.postgraduate IS NOT NULL), 0)::int AS "postgraduateBase",
               coalesce(sum(v.elected) FILTER (WHERE v.graduate IS NOT NULL), 0)::int AS "graduateBase",
               coalesce(sum(v.elected) FILTER (WHERE v."theoryAdvanced" IS NOT NULL), 0)::int AS "theoryAdvancedBase",
               coalesce(sum(v.elected) FILTER (WHERE v."theoryIntermediate" IS NOT NULL), 0)::int AS "theoryIntermediateBase",
               -- Women of a standing committee count where its size is known too: their share is of its members.
               coalesce(sum(v."standingWomen") FILTER (WHERE v.standing IS NOT NULL), 0)::int AS "standingWomen",
               coalesce(sum(v.standing) FILTER (WHERE v."standingWomen" IS NOT NULL), 0)::int AS "standingWomenBase",
               count(*) FILTER (WHERE v."secretaryDirect")::int AS "secretaryDirect",
               count(v."secretaryDirect")::int AS "secretaryDirectKnown",
               count(*) FILTER (WHERE v."oneRound")::int AS "oneRound",
               count(v."oneRound")::int AS "oneRoundKnown",
               coalesce(sum(v.delegates), 0)::int AS delegates,
               count(v.delegates)::int AS "delegatesKnown",
               coalesce(sum(v."delegatesExOfficio"), 0)::int AS "delegatesExOfficio",
               count(v."delegatesExOfficio")::int AS "delegatesExOfficioKnown",
               -- Attendance over the congresses that reported both numbers, so its share means something.
               coalesce(sum(v.summoned) FILTER (WHERE v.present IS NOT NULL), 0)::int AS summoned,
               coalesce(sum(v.present) FILTER (WHERE v.summoned IS NOT NULL), 0)::int AS present,
               count(*) FILTER (WHERE v.summoned IS NOT NULL AND v.present IS NOT NULL)::int AS "attendanceKnown",
               min(v."lowestVoteShare")::float8 AS "lowestVoteShare",
               max(v."highestVoteShare")::float8 AS "highestVoteShare",
               count(*) FILTER (WHERE v."lowestVoteShare" IS NOT NULL OR v."highestVoteShare" IS NOT NULL)::int AS "voteSharesKnown"
        FROM v GROUP BY v.level) l) AS levels,
      (SELECT json_agg(u) FROM (
        SELECT v.id, v.name, v.level::text AS level, v.elected, v.planned,
               (SELECT pu.name FROM units pu JOIN units su ON su."parentId" = pu.id WHERE su.id = v.id) AS "parentName",
               EXISTS (SELECT 1 FROM units su JOIN units o ON o."organizationId" = su."organizationId" AND o.name = su.name
                       AND o.id <> su.id AND o."archivedAt" IS NULL WHERE su.id = v.id) AS "nameShared"
        FROM v
        WHERE v.elected < v.planned
        ORDER BY v.elected::float / v.planned, v.position, v.id
        LIMIT ${options.shortLimit ?? shortListLimit}) u) AS "shortUnits"`;
  return { levels: row.levels ?? [], shortUnits: row.shortUnits ?? [] };
}

// --- Lists the digest names ------------------------------------------------------------------------

export interface DigestLists {
  /** Not held, congress (or pilot congress) date within [today, today + horizon]. */
  upcoming: (NamedUnit & { date: LocalDate; pilot: boolean })[];
  /** Grassroots organisations chosen for a pilot congress that held it. */
  pilotsHeld: (NamedUnit & { date: LocalDate })[];
  /** Units with open difficulties, in the organisation file's order. */
  openDifficulties: (NamedUnit & { count: number })[];
}

/**
 * The named lists of a unit's digest (units below it only), in one query, each unit with what its label
 * needs (src/domain/unit-label.ts). The overdue units are not here: the digest judges them one by one by
 * the checklist (src/db/unit-records.ts).
 */
export async function loadDigestLists(
  prisma: PrismaClient,
  top: { id: number; path: string; parentId: number | null; campaignId: number | null },
  options: { today: LocalDate; horizonDays: number },
): Promise<DigestLists> {
  const rows = await prisma.$queryRaw<
    {
      kind: keyof DigestLists;
      name: string;
      parentName: string | null;
      nameShared: boolean;
      date: Date | null;
      count: number | null;
      pilot: boolean;
    }[]
  >`
    WITH sub AS (
      SELECT u.id, u.name, u.level, u.position, u."pilotDate", u."organizationId", u."parentId" FROM units u
      WHERE u.path LIKE ${`${top.path}%`} AND u.id <> ${top.id} AND u."archivedAt" IS NULL
    ),
    state AS (
      SELECT s.*, p."heldOn", p."scheduledOn"
      FROM sub s
      ${progressJoin(top.parentId === null, Prisma.sql`s.id`, Prisma.sql`${top.campaignId ?? -1}::int`)} p ON true
    ),
    listed AS (
      SELECT 'upcoming' AS kind, id, position, coalesce("scheduledOn", "pilotDate") AS date, NULL::int AS count, ("pilotDate" IS NOT NULL) AS pilot
      FROM state
      WHERE "heldOn" IS NULL
        AND coalesce("scheduledOn", CASE WHEN "pilotDate" >= ${options.today}::date THEN "pilotDate" END)
            BETWEEN ${options.today}::date AND ${options.today}::date + ${options.horizonDays}::int
      UNION ALL
      SELECT 'pilotsHeld', id, position, "heldOn", NULL, true
      FROM state WHERE level = 'grassroots' AND "pilotDate" IS NOT NULL AND "heldOn" IS NOT NULL
      UNION ALL
      SELECT 'openDifficulties', s.id, s.position, NULL, count(*)::int, false
      FROM sub s JOIN difficulties d ON d."unitId" = s.id AND d."resolvedAt" IS NULL
      GROUP BY s.id, s.position
    )
    SELECT l.kind, u.name, pu.name AS "parentName",
           EXISTS (SELECT 1 FROM units o WHERE o."organizationId" = u."organizationId" AND o.name = u.name AND o.id <> u.id AND o."archivedAt" IS NULL) AS "nameShared",
           l.date, l.count, l.pilot
    FROM listed l JOIN units u ON u.id = l.id LEFT JOIN units pu ON pu.id = u."parentId"
    ORDER BY l.position, l.id`;
  const lists: DigestLists = { upcoming: [], pilotsHeld: [], openDifficulties: [] };
  const day = (date: Date | null) => utcDateToLocalDate(date!);
  for (const { kind, name, parentName, nameShared, date, count, pilot } of rows) {
    const unit = { name, parentName, nameShared };
    if (kind === "upcoming") lists.upcoming.push({ ...unit, date: day(date), pilot });
    else if (kind === "pilotsHeld") lists.pilotsHeld.push({ ...unit, date: day(date) });
    else lists.openDifficulties.push({ ...unit, count: count! });
  }
  return lists;
}
