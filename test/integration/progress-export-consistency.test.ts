// Issue #5, "done when": /tiendo, the daily digest and the /xuat workbook (and, since issue 13, the command
// line's `status`), for the same state of the demo
// district (49 grassroots organisations, 3 partial committees, 587 cells), give the same numbers, and
// those equal a count made here from the raw tables. /tiendo and /xuat are read as a user gets them, over
// the emulator (the workbook downloaded and opened with exceljs); the digest is the text a bound group
// receives (digestMessages, what the digest job sends).
//
// One definition differs on purpose and is checked as such: the export counts the exported unit itself
// (a "Đảng bộ quận, huyện" row of 1), while /tiendo and the digest count the units below it and show the
// unit's own congress on a line of its own. Election statistics include the unit's own congress in all three.
import type { User } from "grammy/types";
import {
  furtherParts,
  furtherResults,
  furtherTotals,
  makeUpLine,
  type FurtherTotals,
} from "../support/election-oracle.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fixedClock } from "../../src/clock.js";
import { emptyResults, type ElectionResults } from "../../src/domain/election-results.js";
import type { UnitLevel } from "../../src/domain/levels.js";
import { createI18n, translatorFor } from "../../src/i18n.js";
import { digestMessages } from "../../src/usecases/daily-digest.js";
import { startBotHarness, type BotHarness } from "../support/bot-harness.js";
import { importDemoDistrict, recordDemoProgress } from "../support/demo-district.js";
import { cli } from "../support/cli.js";
import { bindTelegramUser, recordReport } from "../support/roster.js";
import { testConfig } from "../support/test-config.js";
import { createTestDatabase, type TestDatabase } from "../support/test-database.js";
import { downloadDocument, readWorkbook, sheetRecords } from "../support/workbook.js";

// 17:00 on 20/04/2020 in Hà Nội: the cells' deadline (31/03) has passed, the grassroots one (10/06) not.
const clock = fixedClock("2020-04-20T10:00:00Z");
const today = "2020-04-20";
const at = (day: string) => new Date(`${day}T03:00:00Z`);

/** Deterministic election results for the i-th unit; some elect short, some leave questions unanswered. */
function resultsFor(i: number, level: UnitLevel): ElectionResults {
  const committee = level === "cell" ? 3 + (i % 5) : level === "district" ? 45 : 9 + (i % 7);
  const elected = i % 7 === 0 ? committee - 1 : i % 13 === 0 ? committee - 2 : committee;
  const main = {
    ...emptyResults(committee, elected),
    standingElected: level === "cell" ? null : 3 + (i % 3),
    women: i % 3,
    underThirtyFive: i % 2,
    reElected: Math.min(elected, 1 + (i % 4)),
    secretaryDirect: i % 5 === 0 ? null : i % 4 === 0,
    oneRound: i % 6 === 0 ? null : i % 6 !== 1,
    delegates: level === "cell" ? null : 5 + (i % 10),
  };
  return { ...main, ...furtherResults(i, main, level) };
}

/** Held over total for one group of units. */
type HeldOf = [held: number, total: number];

/** What the three show of one level's election results, in one shape. */
interface LevelElections {
  congresses: number;
  withResults: number;
  planned: number;
  elected: number;
  inFull: number;
  short: number;
  women: number;
  underThirtyFive: number;
  reElected: number;
  newMembers: number;
  secretaryDirect: number;
  delegates: number;
}

const electionLevels = ["district", "grassroots", "partial", "cell"] as const satisfies readonly UnitLevel[];
/** The level names /tiendo and the digest use (locales/vi/progress.ftl), and the export's (export.ftl). */
const textLabel: Record<(typeof electionLevels)[number], string> = {
  district: "Đảng bộ quận, huyện",
  grassroots: "Tổ chức cơ sở đảng",
  partial: "Đảng bộ bộ phận",
  cell: "Chi bộ trực thuộc",
};
const sheetLabel: Record<(typeof electionLevels)[number], string> = {
  district: "Đảng bộ quận, huyện",
  grassroots: "Tổ chức cơ sở đảng",
  partial: "Đảng bộ bộ phận",
  cell: "Chi bộ",
};

/** A number as the texts write it: "1.127" is 1127 (Vietnamese thousands separator). */
const num = (text: string | undefined): number => Number((text ?? "0").replaceAll(".", ""));
const n = String.raw`(\d{1,3}(?:\.\d{3})*)`;

/** The detail lines under each level's line of an election section ("   Cơ cấu: …", "   Bí thư …"), by label. */
function electionDetails(lines: readonly string[]): Map<string, { makeUp: string | null; last: string }> {
  const from = lines.findIndex((line) => line.startsWith("Kết quả bầu cử ("));
  const details = new Map<string, { makeUp: string | null; last: string }>();
  for (let index = from + 1; index < lines.length && lines[index] !== ""; index++) {
    const head = /^• (.+?) \(\d[\d.]*\): /.exec(lines[index]!);
    if (!head) continue;
    let end = index + 1;
    while (lines[end]?.startsWith("   ")) end++;
    const under = lines.slice(index + 1, end);
    details.set(head[1]!, {
      makeUp: under.find((line) => line.startsWith("   Cơ cấu: ")) ?? null,
      last: under.at(-1)!,
    });
  }
  return details;
}

/** The "Kết quả bầu cử" section of /tiendo or the digest, read back into numbers per level label. */
function parseElectionSection(lines: readonly string[]): Map<string, LevelElections> {
  const from = lines.findIndex((line) => line.startsWith("Kết quả bầu cử ("));
  expect(from, "the text has an election section").toBeGreaterThan(-1);
  const levels = new Map<string, LevelElections>();
  for (let index = from + 1; index < lines.length; index++) {
    const head = new RegExp(
      `^• (.+) \\(${n}\\): cấp ủy trúng cử ${n}/${n} \\([^)]*\\); bầu đủ ${n}, bầu thiếu ${n}(?:; ${n} đại hội chưa báo cáo số liệu)?$`,
    ).exec(lines[index]!);
    if (!head) continue;
    const people = new RegExp(
      `^ {3}Nữ ${n} \\([^)]*\\) • dưới 35 tuổi ${n} \\([^)]*\\) • tái cử ${n} \\([^)]*\\) • mới ${n} \\([^)]*\\)$`,
    ).exec(lines[index + 1]!);
    expect(people, lines[index + 1]).not.toBeNull();
    // The yes/no answers, shares of votes, delegates and attendance close the level's lines.
    let end = index + 2;
    while (lines[end]?.startsWith("   ")) end++;
    const extra = end > index + 2 && !lines[end - 1]!.startsWith("   Cơ cấu: ") ? lines[end - 1]! : "";
    const congresses = num(head[2]);
    levels.set(head[1]!, {
      congresses,
      withResults: congresses - num(head[7]),
      planned: num(head[4]),
      elected: num(head[3]),
      inFull: num(head[5]),
      short: num(head[6]),
      women: num(people![1]),
      underThirtyFive: num(people![2]),
      reElected: num(people![3]),
      newMembers: num(people![4]),
      secretaryDirect: num(new RegExp(`Bí thư bầu trực tiếp: ${n}/`).exec(extra)?.[1]),
      delegates: num(new RegExp(`Đại biểu dự đại hội cấp trên: ${n}`).exec(extra)?.[1]),
    });
  }
  return levels;
}

/** "<label>: H/T …" lines of a text, by label. */
function heldLines(lines: readonly string[]): Map<string, HeldOf> {
  const found = new Map<string, HeldOf>();
  for (const line of lines) {
    const match = new RegExp(`^([^:•]+): ${n}/${n} (?:\\([^)]*\\) )?đã đại hội`).exec(line);
    if (match) found.set(match[1]!, [num(match[2]), num(match[3])]);
  }
  return found;
}

describe("/tiendo, the digest and the export agree with each other and with an independent count (demo district)", () => {
  let db: TestDatabase;
  let harness: BotHarness;
  let admin: User;
  let lbId: number;
  const prisma = () => db.database.prisma;

  beforeAll(async () => {
    db = await createTestDatabase();
    await importDemoDistrict(db.database);
    // Cells and grassroots cells held (20/02) or scheduled, from none to all per organisation.
    await recordDemoProgress(db.database, new Date("2020-02-20T10:00:00Z"));
    admin = await bindTelegramUser(db.database, "+84825014551"); // standing committee and admin of LB
    const units = await prisma().unit.findMany({
      orderBy: [{ position: "asc" }, { id: "asc" }],
      select: { id: true, code: true, level: true, parentId: true },
    });
    const held = new Set(
      (await prisma().report.findMany({ where: { milestone: "held" }, select: { unitId: true } })).map(
        (report) => report.unitId,
      ),
    );
    const parents = new Set(units.map((unit) => unit.parentId));
    lbId = units.find((unit) => unit.code === "LB")!.id;
    let partials = 0;
    for (const [i, unit] of units.entries()) {
      const record = (day: string, results: ElectionResults) =>
        recordReport(db.database, {
          unit: unit.code,
          milestone: "held",
          eventDate: day,
          recordedAt: at(day),
          payload: { results },
        });
      if (held.has(unit.id)) {
        // Results added later by a correction for three in four; every fifth corrected once more.
        if (i % 4 === 3) continue;
        await record("2020-03-01", resultsFor(i, unit.level));
        if (i % 5 === 0) await record("2020-04-18", resultsFor(i + 1, unit.level));
      } else if (
        unit.level === "district" ||
        (unit.level === "grassroots" && parents.has(unit.id) && i % 6 === 0) ||
        (unit.level === "partial" && partials++ === 0)
      ) {
        // The district's own congress, a few grassroots committees and one partial committee, with results.
        await record("2020-04-15", resultsFor(i, unit.level));
      }
    }
    harness = await startBotHarness(db.database, { clock });
  });
  afterAll(async () => {
    await harness?.stop();
    await db?.drop();
  });

  /** Counted here from the raw tables, without the roll-up's SQL: current held report per unit, by id. */
  async function independentCount() {
    const units = await prisma().unit.findMany({
      where: { archivedAt: null },
      select: { id: true, code: true, level: true, parentId: true },
    });
    const reports = await prisma().report.findMany({
      where: { milestone: "held" },
      orderBy: { id: "asc" },
      select: { unitId: true, payload: true },
    });
    const current = new Map<number, ElectionResults | null>();
    for (const report of reports)
      current.set(report.unitId, (report.payload as { results?: ElectionResults }).results ?? null);
    const parents = new Set(units.map((unit) => unit.parentId));
    const heldOf = (group: typeof units): HeldOf => [group.filter((unit) => current.has(unit.id)).length, group.length];
    const ofLevel = (level: UnitLevel) => units.filter((unit) => unit.level === level);
    const grassroots = ofLevel("grassroots");
    const elections = (level: UnitLevel): LevelElections & { shortCodes: string[]; further: FurtherTotals } => {
      const rows = ofLevel(level).filter((unit) => current.has(unit.id));
      const known = rows.flatMap((unit) =>
        current.get(unit.id) ? [{ code: unit.code, results: current.get(unit.id)! }] : [],
      );
      const sum = (value: (results: ElectionResults) => number) =>
        known.reduce((total, row) => total + value(row.results), 0);
      const short = known.filter((row) => row.results.committeeElected < row.results.committeePlanned);
      return {
        congresses: rows.length,
        withResults: known.length,
        planned: sum((r) => r.committeePlanned),
        elected: sum((r) => r.committeeElected),
        inFull: known.length - short.length,
        short: short.length,
        women: sum((r) => r.women ?? 0),
        underThirtyFive: sum((r) => r.underThirtyFive ?? 0),
        reElected: sum((r) => r.reElected ?? 0),
        newMembers: sum((r) => r.committeeElected - (r.reElected ?? 0)),
        secretaryDirect: known.filter((row) => row.results.secretaryDirect === true).length,
        delegates: sum((r) => r.delegates ?? 0),
        shortCodes: short.map((row) => row.code).sort(),
        further: furtherTotals(known.map((row) => row.results)),
      };
    };
    return {
      held: {
        district: heldOf(ofLevel("district")),
        grassroots: heldOf(grassroots),
        committees: heldOf(grassroots.filter((unit) => parents.has(unit.id))),
        grassrootsCells: heldOf(grassroots.filter((unit) => !parents.has(unit.id))),
        partial: heldOf(ofLevel("partial")),
        cell: heldOf(ofLevel("cell")),
        all: heldOf(units),
      },
      elections: Object.fromEntries(electionLevels.map((level) => [level, elections(level)])) as Record<
        (typeof electionLevels)[number],
        ReturnType<typeof elections>
      >,
    };
  }

  it("when the admin reads /tiendo, the digest and /xuat for the district, then every count and election figure is the same in all three and equals the count made here", async () => {
    const expected = await independentCount();
    // The state is not trivial: every level has congresses with results, some short, some without results.
    for (const level of electionLevels) {
      expect(expected.elections[level].withResults, level).toBeGreaterThan(0);
    }
    expect(expected.elections.cell.short).toBeGreaterThan(0);
    expect(expected.elections.cell.congresses).toBeGreaterThan(expected.elections.cell.withResults);
    expect(expected.held.committees[0]).toBeGreaterThan(0);

    const tiendo = (await harness.say(admin, "/tiendo")).text!.split("\n");
    const translate = translatorFor(createI18n({ defaultLocale: "vi" }), "vi");
    const digest = (
      await digestMessages({ prisma: prisma(), config: testConfig(), translate }, lbId, {
        date: today,
        at: clock.now(),
      })
    )
      .join("\n")
      .split("\n");
    const document = await harness.say(admin, "/xuat");
    const workbook = await readWorkbook(await downloadDocument(harness, document));
    const statistics = new Map(
      sheetRecords(workbook.getWorksheet("Thống kê theo cấp")!).map((record) => [String(record.Cấp), record]),
    );
    const unitRows = sheetRecords(workbook.getWorksheet("Tiến độ đơn vị")!);

    // --- Held / total per level ---
    const tiendoHeld = heldLines(tiendo);
    expect(tiendoHeld.get("Tổ chức cơ sở đảng")).toEqual(expected.held.grassroots);
    expect(tiendoHeld.get("trong đó đảng bộ cơ sở")).toEqual(expected.held.committees);
    expect(tiendoHeld.get("trong đó chi bộ cơ sở")).toEqual(expected.held.grassrootsCells);
    expect(tiendoHeld.get("Đảng bộ bộ phận")).toEqual(expected.held.partial);
    expect(tiendoHeld.get("Chi bộ trực thuộc")).toEqual(expected.held.cell);
    expect(tiendo).toContain("Đại hội của đơn vị: ✅ đã tổ chức ngày 15/04/2020.");
    // The command line's `status` (lines "Tổ chức cơ sở đảng: 12/49 đã tổ chức đại hội (24,5%)").
    const status = await cli(db.database, ["status"], {}, clock);
    expect(status.code, status.err.join("\n")).toBe(0);
    const statusHeld = new Map(
      status.out.flatMap((line) => {
        const match = new RegExp(`^\\s*([^:]+): ${n}/${n} đã tổ chức đại hội`).exec(line);
        return match ? [[match[1]!, [num(match[2]), num(match[3])] as HeldOf] as const] : [];
      }),
    );
    expect(statusHeld.get("Tổ chức cơ sở đảng")).toEqual(expected.held.grassroots);
    expect(statusHeld.get("trong đó đảng bộ cơ sở")).toEqual(expected.held.committees);
    expect(statusHeld.get("trong đó chi bộ cơ sở")).toEqual(expected.held.grassrootsCells);
    expect(statusHeld.get("Đảng bộ bộ phận")).toEqual(expected.held.partial);
    expect(statusHeld.get("Chi bộ trực thuộc")).toEqual(expected.held.cell);
    const below = (["grassroots", "partial", "cell"] as const).map((level) => expected.held[level]);
    expect(status.out.at(-1)).toBe(
      `Tổng số: ${below.reduce((sum, [, total]) => sum + total, 0)} đơn vị, ${below.reduce((sum, [held]) => sum + held, 0)} đại hội đã tổ chức.`,
    );
    const digestHeld = heldLines(digest);
    expect(digestHeld.get("Tổ chức cơ sở đảng")).toEqual(expected.held.grassroots);
    expect(digestHeld.get("Chi bộ trực thuộc đảng ủy cơ sở")).toEqual(expected.held.cell);
    const sheetHeld = (label: string): HeldOf => [
      Number(statistics.get(label)!["Đã đại hội"]),
      Number(statistics.get(label)!["Số đơn vị"]),
    ];
    // One row per level: never a total over levels.
    expect([...statistics.keys()]).toEqual(electionLevels.map((level) => sheetLabel[level]));
    for (const level of electionLevels) expect(sheetHeld(sheetLabel[level]), level).toEqual(expected.held[level]);
    // The summary sheet's total rows: the cells in their columns, the grassroots organisations as "held/total (share)".
    const summary = workbook.getWorksheet("Tổng hợp")!;
    const summaryRow = (label: string) => {
      for (let row = 1; row <= summary.rowCount; row++)
        if (summary.getCell(row, 2).value === label)
          return Array.from({ length: 10 }, (_, index) => summary.getCell(row, index + 1).value);
      throw new Error(`no summary row ${label}`);
    };
    const cellsRow = summaryRow("Cộng chi bộ trực thuộc");
    expect([cellsRow[2], cellsRow[3]]).toEqual(expected.held.cell);
    const [grassrootsHeld, grassrootsTotal] = expected.held.grassroots;
    expect(String(summaryRow("Cộng tổ chức cơ sở đảng")[5])).toMatch(
      new RegExp(`^${grassrootsHeld}/${grassrootsTotal} \\(`),
    );
    // The export counts the exported unit itself (the district, held on 15/04); /tiendo shows it on its own line.
    expect(expected.held.district).toEqual([1, 1]);
    // The export's per-unit sheet lists the same units and the same held congresses.
    for (const level of electionLevels) {
      const rows = unitRows.filter((row) => row.Cấp === sheetLabel[level]);
      expect([rows.filter((row) => row["Ngày đã đại hội"] !== null).length, rows.length], level).toEqual(
        expected.held[level],
      );
    }

    // --- Election statistics per level ---
    const electionSection = (lines: string[]) =>
      lines.slice(lines.findIndex((line) => line.startsWith("Kết quả bầu cử (")));
    const tiendoElections = parseElectionSection(tiendo);
    const digestElections = parseElectionSection(digest);
    expect(electionSection(tiendo)).toEqual(electionSection(digest));
    const tiendoDetails = electionDetails(tiendo);
    const digestDetails = electionDetails(digest);
    for (const level of electionLevels) {
      const { shortCodes, further, ...figures } = expected.elections[level];
      expect(tiendoElections.get(textLabel[level]), `/tiendo ${level}`).toEqual(figures);
      expect(digestElections.get(textLabel[level]), `digest ${level}`).toEqual(figures);
      // Ages, education, theory, the standing committees' women, votes, delegates ex officio, attendance.
      for (const details of [tiendoDetails, digestDetails]) {
        const shown = details.get(textLabel[level])!;
        expect(shown.makeUp, `make-up ${level}`).toBe(makeUpLine(further));
        for (const part of furtherParts(further)) expect(shown.last, `${level}`).toContain(part);
      }
      const row = statistics.get(sheetLabel[level])!;
      expect(
        {
          congresses: row["Đã đại hội"],
          withResults: row["Có kết quả bầu cử"],
          planned: row["BCH theo đề án"],
          elected: row["BCH trúng cử"],
          inFull: row["Số đơn vị bầu đủ"],
          short: row["Số đơn vị bầu thiếu"],
          women: row.Nữ,
          underThirtyFive: row["Dưới 35 tuổi"],
          reElected: row["Tái cử"],
          newMembers: row["Tham gia lần đầu"],
          secretaryDirect: row["Số bí thư bầu trực tiếp"],
          delegates: row["Đại biểu được bầu dự đại hội cấp trên"],
        },
        `export ${level}`,
      ).toEqual(figures);
      const known = (total: { count: number; base: number }) => (total.base > 0 ? total.count : null);
      expect(
        {
          middle: row["Từ 35 đến 50 tuổi"] ?? null,
          over: row["Trên 50 tuổi"] ?? null,
          postgraduate: row["Trên đại học"] ?? null,
          graduate: row["Cao đẳng, đại học"] ?? null,
          advanced: row["LLCT cao cấp, cử nhân"] ?? null,
          intermediate: row["Trung cấp LLCT"] ?? null,
          standingWomen: row["Nữ trong BTV"] ?? null,
          exOfficio: row["Đại biểu đương nhiên"],
          summoned: row["Số được triệu tập"],
          present: row["Số có mặt"],
        },
        `export ${level} further`,
      ).toEqual({
        middle: known(further.makeUp.agedThirtyFiveToFifty),
        over: known(further.makeUp.overFifty),
        postgraduate: known(further.makeUp.postgraduate),
        graduate: known(further.makeUp.graduate),
        advanced: known(further.makeUp.theoryAdvanced),
        intermediate: known(further.makeUp.theoryIntermediate),
        standingWomen: known(further.standingWomen),
        exOfficio: further.delegates.exOfficio,
        summoned: further.attendance.summoned,
        present: further.attendance.present,
      });
      // A share of votes is kept as its fraction and shown as a percentage with two decimals.
      expect(row["Tỷ lệ phiếu thấp nhất"], `${level} lowest`).toBeCloseTo(further.votes.lowest! / 100, 6);
      expect(row["Tỷ lệ phiếu cao nhất"], `${level} highest`).toBeCloseTo(further.votes.highest! / 100, 6);
      expect(
        String(row["Đơn vị bầu thiếu"] ?? "")
          .split(", ")
          .filter(Boolean)
          .sort(),
        `export ${level} short`,
      ).toEqual(shortCodes);
    }
    const sumOf = (field: keyof LevelElections) =>
      electionLevels.reduce((sum, level) => sum + expected.elections[level][field], 0);
    expect(tiendo).toContain(`Kết quả bầu cử (${sumOf("congresses")} đại hội đã tổ chức):`);
  });
});
