// The working-group leader's list between congresses: the demo district runs the year's review and a
// resolution's study (December 2026) and no congress. Each morning the leader of Tổ công tác số 1 gets one
// list naming, campaign by campaign, how the followed cells stand and which are behind, with their
// secretaries; /trangthai shows the same text. Checked against an independent count made here from the
// units and reports tables: the totals, each ward's "done/total" heading, and the cells listed (most overdue
// first, then in the file's order, as many as fit, the rest counted).
import type { User } from "grammy/types";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fixedClock } from "../../src/clock.js";
import { startBotHarness, type BotHarness } from "../support/bot-harness.js";
import {
  importDemoWithCampaigns,
  officeTime,
  reviewAndStudy,
  secretaryOnTelegram,
  tickAndDrain,
} from "../support/demo-campaigns.js";
import { bindTelegramUser } from "../support/roster.js";
import { createTestDatabase, type TestDatabase } from "../support/test-database.js";

const at = officeTime;
const review = { key: "kiemdiem2026", name: "Kiểm điểm, đánh giá, xếp loại năm 2026" };
const study = { key: "hoctap-nq14", name: "Học tập Nghị quyết Hội nghị Trung ương 14" };

/** A cell as the oracle sees it, read from the tables. */
interface OracleCell {
  id: number;
  name: string;
  position: number;
  ward: string;
  secretary: { name: string; phone: string } | null;
}

describe("the working-group leader's list of campaigns between congresses", () => {
  const clock = fixedClock(at("2026-12-14 09:00"));
  let db: TestDatabase;
  let harness: BotHarness;
  let leader: User;
  let cells: OracleCell[];
  /** The grassroots organisations the group follows: the review asks them too (its template's levels). */
  let grassroots: number;

  const prisma = () => db.database.prisma;

  beforeAll(async () => {
    db = await createTestDatabase();
    await importDemoWithCampaigns(db.database, reviewAndStudy, { withoutCongress: true });
    harness = await startBotHarness(db.database, { clock });
    leader = await bindTelegramUser(db.database, "+84817209914"); // Tổ công tác số 1
    harness.emulator.registerChat({ id: leader.id, type: "private", first_name: leader.first_name });
    const report = async (code: string, line: string) => {
      const secretary = await secretaryOnTelegram(db.database, harness, code);
      const card = await harness.say(secretary, line);
      expect((await harness.press(secretary, card, "✅ Xác nhận")).text).toMatch(/^Đã lưu báo cáo/);
    };
    // Three cells of Bồ Đề and two of Cự Khối study the resolution; one of them also holds its review meeting.
    await report("P-BODE-04", "/baocao hoctap 12/12/2026 thamdu=14 phaidu=15");
    await report("P-BODE-05", "/baocao hoctap 12/12/2026 thamdu=9 phaidu=9");
    await report("P-BODE-09", "/baocao hoctap 13/12/2026 thamdu=20 phaidu=22");
    await report("P-CUKHOI-02", "/baocao hoctap 11/12/2026 thamdu=12 phaidu=12");
    await report("P-CUKHOI-07", "/baocao hoctap 14/12/2026 thamdu=8 phaidu=10");
    const secretary = await secretaryOnTelegram(db.database, harness, "P-BODE-05");
    const card = await harness.say(secretary, "/baocao kiemdiem 13/12/2026 comat=9 tong=9");
    await harness.press(secretary, card, "✅ Xác nhận");

    // The oracle's cells: every cell under the units the group follows, with its ward and first secretary.
    const group = await prisma().workingGroup.findFirstOrThrow({
      where: { name: "Tổ công tác số 1" },
      select: { units: { select: { unit: { select: { path: true } } } } },
    });
    const paths = group.units.map(({ unit }) => unit.path);
    const units = await prisma().unit.findMany({
      where: { archivedAt: null },
      select: {
        id: true,
        name: true,
        level: true,
        path: true,
        position: true,
        parentId: true,
        roles: {
          where: { role: "secretary" },
          orderBy: { id: "asc" },
          select: { person: { select: { name: true, phone: true } } },
        },
      },
    });
    const byId = new Map(units.map((unit) => [unit.id, unit]));
    grassroots = units.filter(
      (unit) => unit.level === "grassroots" && paths.some((path) => unit.path.startsWith(path)),
    ).length;
    cells = units
      .filter((unit) => unit.level === "cell" && paths.some((path) => unit.path.startsWith(path)))
      .map((unit) => {
        let ward = byId.get(unit.parentId!)!;
        while (ward.level !== "grassroots") ward = byId.get(ward.parentId!)!;
        const first = unit.roles[0]?.person;
        return {
          id: unit.id,
          name: unit.name,
          position: unit.position,
          ward: ward.name,
          secretary: first ? { name: first.name, phone: first.phone ?? "" } : null,
        };
      })
      .sort((a, b) => a.position - b.position || a.id - b.id);
  });
  afterAll(async () => {
    await harness?.stop();
    await db?.drop();
  });

  /** The cells that reported this milestone of this campaign. */
  async function reported(campaignKey: string, milestone: string): Promise<Set<number>> {
    const rows = await prisma().report.findMany({
      where: { campaign: { key: campaignKey }, milestone },
      select: { unitId: true },
    });
    return new Set(rows.map((row) => row.unitId));
  }

  /** A campaign's part of the list: its title, totals, each ward's heading and the cells under it, the "more" line. */
  function partOf(text: string, name: string) {
    const lines = text.split("\n");
    const start = lines.indexOf(`📋 ${name}`);
    expect(start, text).toBeGreaterThan(0);
    const end = lines.findIndex((line, index) => index > start && line.startsWith("📋 "));
    const part = lines.slice(start + 1, end === -1 ? undefined : end);
    const wards = new Map<string, { done: number; total: number; cells: string[] }>();
    let ward: { done: number; total: number; cells: string[] } | null = null;
    const listed: { ward: string; line: string }[] = [];
    let wardName = "";
    for (const line of part) {
      const heading = /^(.+) \((\d+)\/(\d+) chi bộ đã hoàn thành\):$/.exec(line);
      if (heading) {
        wardName = heading[1]!;
        ward = { done: Number(heading[2]), total: Number(heading[3]), cells: [] };
        wards.set(wardName, ward);
      } else if (line.startsWith("• ")) {
        ward?.cells.push(line);
        listed.push({ ward: wardName, line });
      }
    }
    const more = /^…và (\d+) đơn vị khác chậm — \/tiendo (\S+) để xem đủ$/.exec(part.find((l) => l.startsWith("…và"))!);
    const totals = part.slice(0, part.indexOf(""));
    return { totals, wards, listed, more: more ? { count: Number(more[1]), key: more[2] } : null };
  }

  /** The line the oracle expects for an overdue cell. */
  function expectedLine(cell: OracleCell, milestone: string, days: number, due: string): string {
    const secretary = cell.secretary
      ? ` — Bí thư ${cell.secretary.name}, ${cell.secretary.phone.replace(/^\+84(\d{3})(\d{3})(\d{3})$/, "0$1 $2 $3")}`
      : " — chưa có bí thư trong danh sách";
    return `• ${cell.name}: ${milestone} quá hạn ${days} ngày (hạn ${due})${secretary}`;
  }

  /** Checks a part against the oracle: totals, every ward's heading, the cells listed in order, the rest counted. */
  function checkPart(
    part: ReturnType<typeof partOf>,
    key: string,
    done: Set<number>,
    overdue: { cell: OracleCell; line: string }[],
  ) {
    const onTrack = cells.length - done.size - overdue.length;
    expect(part.totals).toEqual([
      // The review asks grassroots organisations too; this campaign set them no deadline: never behind.
      ...(key === review.key
        ? [`${grassroots} tổ chức cơ sở đảng: 0 đã hoàn thành, ${grassroots} đúng tiến độ, 0 chậm`]
        : []),
      `${cells.length} chi bộ: ${done.size} đã hoàn thành, ${onTrack} đúng tiến độ, ${overdue.length} chậm`,
    ]);
    // Most overdue first, then in the file's order: here all are overdue by the same days.
    const shown = part.listed.length;
    expect(part.listed).toEqual(overdue.slice(0, shown).map(({ cell, line }) => ({ ward: cell.ward, line })));
    expect(shown + (part.more?.count ?? 0)).toBe(overdue.length);
    if (shown < overdue.length) expect(part.more?.key).toBe(key);
    for (const [ward, heading] of part.wards) {
      const inWard = cells.filter((cell) => cell.ward === ward);
      expect([heading.done, heading.total], ward).toEqual([
        inWard.filter((cell) => done.has(cell.id)).length,
        inWard.length,
      ]);
    }
  }

  async function statusText(): Promise<string> {
    const before = harness.sent(leader.id).length;
    harness.emulator.sendMessage(harness.token, { from: leader, text: "/trangthai" });
    await harness.emulator.waitForBotMessages(leader.id, before + 1);
    await harness.app.inbox.drain();
    return harness.sent(leader.id).at(-1)!.text!;
  }

  it("when the study's deadline has passed, then the list names the cells that have not studied, under their wards, and the review's standing", async () => {
    await tickAndDrain(harness, clock, at("2026-12-16 08:30"));
    const lists = harness.sent(leader.id).filter((m) => m.text?.startsWith("Tổ công tác số 1 — việc cần đôn đốc"));
    expect(lists).toHaveLength(1);
    const text = lists[0]!.text!;
    expect(text.length).toBeLessThanOrEqual(4096);
    const lines = text.split("\n");
    // No congress runs: the list starts with the first campaign, not with congress figures.
    expect(lines.slice(0, 3)).toEqual([
      "Tổ công tác số 1 — việc cần đôn đốc hôm nay (16/12/2026)",
      "",
      `📋 ${review.name}`,
    ]);
    expect(text).not.toContain("đại hội");

    const studied = await reported(study.key, "studied");
    const notStudied = cells.filter((cell) => !studied.has(cell.id));
    checkPart(
      partOf(text, study.name),
      study.key,
      studied,
      notStudied.map((cell) => ({ cell, line: expectedLine(cell, "Tổ chức học tập, quán triệt", 1, "15/12") })),
    );
    // The review's meeting is due on 20/12: nobody is behind yet, and none has finished it.
    checkPart(partOf(text, review.name), review.key, new Set(), []);

    // /trangthai shows the leader the same list.
    expect(await statusText()).toBe(text);
  });

  it("when the review meeting's deadline has passed too, then its laggards come first and the study's are counted", async () => {
    await tickAndDrain(harness, clock, at("2026-12-21 08:30"));
    const text = harness.sent(leader.id).filter((m) => m.text?.includes("(21/12/2026)"))[0]!.text!;
    expect(text.length).toBeLessThanOrEqual(4096);
    const met = await reported(review.key, "meeting");
    expect(met.size).toBe(1);
    checkPart(
      partOf(text, review.name),
      review.key,
      new Set(),
      cells
        .filter((cell) => !met.has(cell.id))
        .map((cell) => ({ cell, line: expectedLine(cell, "Hội nghị kiểm điểm", 1, "20/12") })),
    );
    const studied = await reported(study.key, "studied");
    checkPart(
      partOf(text, study.name),
      study.key,
      studied,
      cells
        .filter((cell) => !studied.has(cell.id))
        .map((cell) => ({ cell, line: expectedLine(cell, "Tổ chức học tập, quán triệt", 6, "15/12") })),
    );
    expect(await statusText()).toBe(text);
  });
});
