// The demo district (49 grassroots organisations, 587 cells) with a deterministic set of reports, corrections
// and difficulties: /tiendo and the digest give the same numbers, and those equal an independent count made
// here from the raw tables. Also /tiendo's paging over the 49 organisations.
import { furtherParts, furtherResults, furtherTotals, makeUpLine } from "../support/election-oracle.js";
import { fileURLToPath } from "node:url";
import type { Message, User } from "grammy/types";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fixedClock } from "../../src/clock.js";
import { loadSubtreeRollup } from "../../src/db/progress-rollup.js";
import { emptyResults, type ElectionResults } from "../../src/domain/election-results.js";
import { grassrootsBars, levelCounts } from "../../src/domain/progress-rollup.js";
import type { RecordedMessage } from "../../src/emulator/index.js";
import { createI18n, formatPercent, translatorFor } from "../../src/i18n.js";
import { digestMessages } from "../../src/usecases/daily-digest.js";
import { startBotHarness, type BotHarness } from "../support/bot-harness.js";
import { cli } from "../support/cli.js";
import { bindTelegramUser, recordReport } from "../support/roster.js";
import { testConfig } from "../support/test-config.js";
import { createTestDatabase, type TestDatabase } from "../support/test-database.js";

// 17:00 on 20/04/2020 in Hà Nội: cells' deadline (31/03) passed, grassroots' (10/06) not.
const clock = fixedClock("2020-04-20T10:00:00Z");
const today = "2020-04-20";
const demo = fileURLToPath(new URL("../../examples/long-bien.yaml", import.meta.url));

/** Deterministic results for the i-th held congress; every 7th elects one member short. */
function resultsFor(i: number): ElectionResults {
  const planned = 3 + (i % 5);
  const elected = i % 7 === 0 ? planned - 1 : planned;
  const main = {
    ...emptyResults(planned, elected),
    women: i % 3,
    underThirtyFive: i % 2,
    reElected: Math.min(elected, 1 + (i % 4)),
    secretaryDirect: i % 4 === 0,
    oneRound: i % 6 !== 0,
    delegates: 2 + (i % 3),
  };
  return { ...main, ...furtherResults(i, main, "cell") };
}

describe("/tiendo and the digest agree with an independent count (demo district)", () => {
  let db: TestDatabase;
  let harness: BotHarness;
  let admin: User;
  let lbId: number;
  const prisma = () => db.database.prisma;

  beforeAll(async () => {
    db = await createTestDatabase();
    const imported = await cli(db.database, ["org", "import", demo]);
    expect(imported.code, imported.err.join("\n")).toBe(0);
    admin = await bindTelegramUser(db.database, "+84825014551"); // standing committee and admin
    const units = await prisma().unit.findMany({
      orderBy: [{ position: "asc" }, { id: "asc" }],
      select: { id: true, code: true, level: true },
    });
    lbId = units.find((unit) => unit.code === "LB")!.id;
    const at = (day: string) => new Date(`${day}T03:00:00Z`);
    let i = 0;
    for (const unit of units) {
      if (unit.level === "district") continue;
      i++;
      if (i % 5 === 0 || i % 11 === 0) {
        await recordReport(db.database, {
          unit: unit.code,
          milestone: "held",
          eventDate: "2020-03-20",
          recordedAt: at("2020-03-20"),
          payload: { results: resultsFor(i) },
        });
        // Every third held congress is corrected later: the statistics must use the correction.
        if (i % 3 === 0) {
          await recordReport(db.database, {
            unit: unit.code,
            milestone: "held",
            eventDate: "2020-03-21",
            recordedAt: at("2020-04-19"),
            payload: { results: resultsFor(i + 1) },
          });
        }
      } else if (i % 5 === 1) {
        await recordReport(db.database, {
          unit: unit.code,
          milestone: "scheduled",
          eventDate: i % 2 === 0 ? "2020-04-22" : "2020-05-05",
          recordedAt: at("2020-04-01"),
        });
      }
      if (i % 4 === 0)
        await recordReport(db.database, {
          unit: unit.code,
          milestone: "documents",
          eventDate: "2020-03-01",
          recordedAt: at("2020-03-01"),
        });
      if (i % 8 === 0)
        await recordReport(db.database, {
          unit: unit.code,
          milestone: "personnel",
          eventDate: "2020-03-05",
          recordedAt: at("2020-03-05"),
        });
      if (i % 37 === 0) await prisma().difficulty.create({ data: { unitId: unit.id, text: `Khó khăn ${i}` } });
    }
    harness = await startBotHarness(db.database, { clock });
  });
  afterAll(async () => {
    await harness?.stop();
    await db?.drop();
  });

  /** Counted here from the raw tables, without the roll-up's SQL. */
  async function independentCount() {
    const units = await prisma().unit.findMany({
      where: { archivedAt: null },
      select: { id: true, name: true, level: true, parentId: true },
    });
    const reports = await prisma().report.findMany({
      orderBy: { id: "asc" },
      select: { unitId: true, milestone: true, payload: true },
    });
    const byId = new Map(units.map((unit) => [unit.id, unit]));
    const done = (milestone: string) =>
      new Set(reports.filter((report) => report.milestone === milestone).map((report) => report.unitId));
    const [held, scheduled, documents, personnel] = [
      done("held"),
      done("scheduled"),
      done("documents"),
      done("personnel"),
    ];
    const latestHeld = new Map<number, ElectionResults>();
    for (const report of reports)
      if (report.milestone === "held")
        latestHeld.set(report.unitId, (report.payload as unknown as { results: ElectionResults }).results);
    const cells = units.filter((unit) => unit.level === "cell");
    const grassroots = units.filter((unit) => unit.level === "grassroots");
    const grassrootsOf = (id: number): number | null => {
      let unit = byId.get(id);
      while (unit && unit.level !== "grassroots") unit = unit.parentId === null ? undefined : byId.get(unit.parentId);
      return unit?.id ?? null;
    };
    const cellsOf = new Map<number, { held: number; total: number }>();
    for (const cell of cells) {
      const line = cellsOf.get(grassrootsOf(cell.id)!) ?? { held: 0, total: 0 };
      line.total++;
      if (held.has(cell.id)) line.held++;
      cellsOf.set(grassrootsOf(cell.id)!, line);
    }
    const heldCells = cells.filter((cell) => held.has(cell.id)).map((cell) => latestHeld.get(cell.id)!);
    const sum = (field: keyof ElectionResults) =>
      heldCells.reduce((total, results) => total + Number(results[field] ?? 0), 0);
    return {
      cells: {
        held: cells.filter((cell) => held.has(cell.id)).length,
        scheduled: cells.filter((c) => scheduled.has(c.id) && !held.has(c.id)).length,
        total: cells.length,
      },
      grassroots: {
        held: grassroots.filter((unit) => held.has(unit.id)).length,
        total: grassroots.length,
        // Reached: reported, or presumed by a later milestone reported (a date set, a congress held).
        documents: grassroots.filter((unit) => documents.has(unit.id) || scheduled.has(unit.id) || held.has(unit.id))
          .length,
        personnel: grassroots.filter((unit) => personnel.has(unit.id) || scheduled.has(unit.id) || held.has(unit.id))
          .length,
      },
      cellsOf: new Map(
        grassroots.filter((unit) => cellsOf.has(unit.id)).map((unit) => [unit.name, cellsOf.get(unit.id)!]),
      ),
      cellElections: {
        congresses: heldCells.length,
        elected: sum("committeeElected"),
        planned: sum("committeePlanned"),
        short: heldCells.filter((results) => results.committeeElected < results.committeePlanned).length,
        women: sum("women"),
        young: sum("underThirtyFive"),
        reElected: sum("reElected"),
        delegates: sum("delegates"),
        further: furtherTotals(heldCells),
      },
    };
  }

  async function press(
    user: User,
    message: Pick<Message, "message_id" | "chat">,
    label: string,
  ): Promise<RecordedMessage> {
    const update = harness.emulator.pressButton(harness.token, { from: user, message, text: label });
    const id = update.callback_query!.id;
    await harness.emulator.waitFor(() =>
      harness.emulator.callbackAnswers(harness.token).find((answer) => answer.callback_query_id === id),
    );
    return harness.sent(message.chat.id).find((sent) => sent.message_id === message.message_id)!;
  }

  it("when the digest and /tiendo show the district, then both give the independently counted numbers", async () => {
    const expected = await independentCount();
    expect(expected.cells.held).toBeGreaterThan(50); // the state is not trivial
    expect(expected.cellElections.short).toBeGreaterThan(0);
    const share = (part: number, total: number) => formatPercent(part, total, "vi");

    const translate = translatorFor(createI18n({ defaultLocale: "vi" }), "vi");
    const digest = (
      await digestMessages({ prisma: prisma(), config: testConfig(), translate }, lbId, {
        date: today,
        at: clock.now(),
      })
    ).join("\n");
    const digestLines = digest.split("\n");
    expect(digestLines).toContain(
      `Chi bộ trực thuộc đảng ủy cơ sở: ${expected.cells.held}/${expected.cells.total} (${share(expected.cells.held, expected.cells.total)}) đã đại hội`,
    );
    expect(
      digestLines.some((line) =>
        line.startsWith(`Tổ chức cơ sở đảng: ${expected.grassroots.held}/${expected.grassroots.total} đã đại hội`),
      ),
    ).toBe(true);
    expect(digestLines).toContain(
      `Dự thảo báo cáo chính trị, kiểm điểm: ${expected.grassroots.documents}/${expected.grassroots.total} • Phương án nhân sự: ${expected.grassroots.personnel}/${expected.grassroots.total}`,
    );
    // Each laggard line of the digest is its committee's independent count.
    const laggardsFrom = digestLines.indexOf("Chậm nhất (chi bộ đã đại hội / tổng):") + 1;
    const laggards = digestLines
      .slice(laggardsFrom, digestLines.indexOf("", laggardsFrom))
      .filter((line) => line.startsWith("• "));
    expect(laggards.length).toBeGreaterThan(0);
    for (const line of laggards) {
      const match = /^• (.+): (\d+)\/(\d+) \(/.exec(line)!;
      expect(expected.cellsOf.get(match[1]!), line).toEqual({ held: Number(match[2]), total: Number(match[3]) });
    }

    const tiendo = (await harness.say(admin, "/tiendo")).text!.split("\n");
    const cells = expected.cells;
    expect(tiendo).toContain(
      `Chi bộ trực thuộc: ${cells.held}/${cells.total} (${share(cells.held, cells.total)}) đã đại hội • ${cells.scheduled} đã có lịch • ${cells.total - cells.held - cells.scheduled} chưa có lịch • ⚠️ quá hạn ${cells.total - cells.held}`,
    );
    expect(
      tiendo.some((line) =>
        line.startsWith(`Tổ chức cơ sở đảng: ${expected.grassroots.held}/${expected.grassroots.total} (`),
      ),
    ).toBe(true);
    expect(tiendo).toContain(
      `Dự thảo báo cáo chính trị, kiểm điểm: ${expected.grassroots.documents}/${expected.grassroots.total} • Phương án nhân sự: ${expected.grassroots.personnel}/${expected.grassroots.total}`,
    );

    // The election section: the same lines in both, equal to the independent sums over current results.
    const e = expected.cellElections;
    const cellLine = `• Chi bộ trực thuộc (${e.congresses}): cấp ủy trúng cử ${e.elected}/${e.planned} (${share(e.elected, e.planned)}); bầu đủ ${e.congresses - e.short}, bầu thiếu ${e.short}`;
    const peopleLine = `   Nữ ${e.women} (${share(e.women, e.elected)}) • dưới 35 tuổi ${e.young} (${share(e.young, e.elected)}) • tái cử ${e.reElected} (${share(e.reElected, e.elected)}) • mới ${e.elected - e.reElected} (${share(e.elected - e.reElected, e.elected)})`;
    const makeUp = makeUpLine(e.further);
    expect(makeUp).not.toBeNull();
    for (const lines of [digestLines, tiendo]) {
      expect(lines).toContain(cellLine);
      expect(lines[lines.indexOf(cellLine) + 1]).toBe(peopleLine);
      expect(lines[lines.indexOf(cellLine) + 2]).toBe(makeUp);
      const last = lines[lines.indexOf(cellLine) + 3]!;
      expect(last).toContain(`Đại biểu dự đại hội cấp trên: ${e.delegates} được bầu`);
      for (const part of furtherParts(e.further)) expect(last).toContain(part);
    }
    const electionSection = (lines: string[]) =>
      lines.slice(lines.findIndex((line) => line.startsWith("Kết quả bầu cử")));
    expect(electionSection(tiendo)).toEqual(electionSection(digestLines));

    // The chart's bars (one per grassroots organisation) add up to the same cells.
    const rollup = await loadSubtreeRollup(prisma(), lbId, { today, byGrassroots: true });
    const bars = grassrootsBars(rollup!.grassroots!);
    expect(bars).toHaveLength(expected.grassroots.total);
    const cellBars = bars.filter((bar) => bar.counts === "cells");
    expect(cellBars.reduce((sum, bar) => sum + bar.held, 0)).toBe(cells.held);
    expect(cellBars.reduce((sum, bar) => sum + bar.total, 0)).toBe(cells.total);
    expect(levelCounts(rollup!.rows, "cell")).toMatchObject({
      held: cells.held,
      total: cells.total,
      scheduled: cells.scheduled,
    });
    for (const bar of cellBars) expect(expected.cellsOf.get(bar.name)).toEqual({ held: bar.held, total: bar.total });
  });

  it("when the list is longer than a page, then it pages forward and back, eight units a page", async () => {
    const first = await harness.say(admin, "/tiendo");
    const numbered = (message: RecordedMessage) =>
      message
        .text!.split("\n")
        .filter((line) => /^\d+\. /.test(line))
        .map((line) => Number(line.split(".")[0]));
    expect(numbered(first)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(first.text).toContain("Đơn vị trực thuộc (1–8/49):");
    const navigation = (message: RecordedMessage) =>
      message
        .reply_markup!.inline_keyboard.find((row) => row.some((button) => button.text.startsWith("Trang")))!
        .map((b) => b.text);
    expect(navigation(first)).toEqual(["Trang 1/7", "Sau ▶"]);
    const second = await press(admin, first, "Sau ▶");
    expect(numbered(second)).toEqual([9, 10, 11, 12, 13, 14, 15, 16]);
    expect(navigation(second)).toEqual(["◀ Trước", "Trang 2/7", "Sau ▶"]);
    let last = second;
    for (let page = 3; page <= 7; page++) last = await press(admin, first, "Sau ▶");
    expect(numbered(last)).toEqual([49]);
    expect(navigation(last)).toEqual(["◀ Trước", "Trang 7/7"]);
    expect(last.reply_markup!.inline_keyboard[0]![0]!.text).toBe("49. Chi bộ Công ty CP Xây lắp điện Long Biên");
    expect(numbered(await press(admin, first, "◀ Trước"))).toEqual([41, 42, 43, 44, 45, 46, 47, 48]);
    // Pressing the page number changes nothing.
    const same = await press(admin, first, "Trang 6/7");
    expect(numbered(same)).toEqual([41, 42, 43, 44, 45, 46, 47, 48]);
  });
});
