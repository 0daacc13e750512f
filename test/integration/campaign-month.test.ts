// March 2020 on the clock for the demo district (examples/long-bien.yaml: 49 grassroots organisations,
// 587 cells): the scheduler ticks at the times that decide something (around the reminder time, the
// report time, the digest time and quiet hours; a tick in between plans nothing new), reports arrive on a fixed schedule, one unit is
// postponed for ten days, and the org file adds a two-day holiday. The exact digests and reminders
// written and delivered are compared with what a small oracle below derives from the policy, the
// deadlines and the report schedule alone: one reminder a day at most per recipient, on the days a
// reminder day is new, naming exactly what is open (not reported, not presumed by a later milestone, not
// paused), none in quiet hours, on a Sunday or a holiday, and exactly one digest per group per day.
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import dayjs from "dayjs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Milestone } from "../../src/domain/levels.js";
import { fixedClock } from "../../src/clock.js";
import { pauseReminders, resumeReminders } from "../../src/db/reminder-pause-store.js";
import { createOutboxApi, createOutboxSender, type OutboxSender } from "../../src/outbox/sender.js";
import { createLogger } from "../../src/logger.js";
import { startBotHarness, telegramUser, type BotHarness } from "../support/bot-harness.js";
import {
  addDays,
  milestoneOrder,
  reachedOn,
  reminderDayOn,
  reminderDaysOf,
  toldInReminder,
  type DueItem,
} from "../support/checklist-oracle.js";
import { cli } from "../support/cli.js";
import { testConfig } from "../support/test-config.js";
import { createTestDatabase, type TestDatabase } from "../support/test-database.js";

const zone = "Asia/Ho_Chi_Minh";
const first = "2020-03-01";
const last = "2020-03-31";
// The policy the test writes into the org file, and the oracle reads.
const policy = {
  daysBefore: [7, 3, 1, 0],
  overdueEvery: 3,
  time: "08:00",
  sunday: 0,
  holidays: ["2020-03-19", "2020-03-20"],
};
const pauseFrom = "2020-03-09";
const pauseUntil = "2020-03-18"; // resumed at 07:00 that day
const groups = [
  { id: -1002000001, type: "supergroup" as const, title: "Ban Thường vụ Quận ủy", unit: "LB" },
  { id: -1002000002, type: "supergroup" as const, title: "Đảng ủy phường Gia Thụy", unit: "P-GIATHUY" },
];

/** 07:00 pauses and resumes, 08:00 reminders, 14:00 reports, 17:00 digests, 21:00 quiet hours begin. */
const ticks = ["00:00", "07:00", "08:00", "12:00", "14:00", "17:00", "17:30", "21:00"];
const clock = fixedClock(`${first}T00:00:00+07:00`);
const localAt = (date: string, time: string) => dayjs.tz(`${date} ${time}`, zone).toDate();
const localDay = (instant: Date) => dayjs(instant).tz(zone).format("YYYY-MM-DD");

/** When unit number `index` reports a milestone due on `deadline`: 12 days early to 7 days late, or never (about 1 in 8). */
function reportDay(index: number, milestone: Milestone, deadline: string): string | null {
  const h = (index * 37 + milestoneOrder.indexOf(milestone) * 11) % 23;
  return h >= 20 ? null : addDays(deadline, h - 12);
}

// --- The oracle: plain rules over plain data ---------------------------------------------------------

interface OracleUnit {
  id: number;
  path: string;
  pilot: string | null;
  deadlines: Partial<Record<Milestone, string>>;
  /** Day each milestone is reported (at 14:00), if ever. */
  reported: Partial<Record<Milestone, string>>;
}

const workingDay = (date: string) => dayjs.utc(date).day() !== policy.sunday && !policy.holidays.includes(date);
/** Reported before the day's reminders are planned (08:00): reports arrive at 14:00. */
const doneBy = (unit: OracleUnit, milestone: Milestone, day: string) =>
  unit.reported[milestone] !== undefined && unit.reported[milestone]! < day;
const reachedBy = (unit: OracleUnit, milestone: Milestone, day: string) =>
  reachedOn((m) => unit.reported[m], milestone, day);
const openOn = (unit: OracleUnit, milestone: Milestone, day: string) =>
  unit.deadlines[milestone] !== undefined && !reachedBy(unit, milestone, day);
const pausedOn = (unitId: number, pausedUnitId: number, day: string) =>
  unitId === pausedUnitId && day >= pauseFrom && day < pauseUntil;

describe("a campaign month on the demo district", () => {
  let db: TestDatabase;
  let harness: BotHarness;
  let sender: OutboxSender;
  let units: (OracleUnit & { code: string; organizationId: number; campaignId: number })[];
  let secretaries: { chatId: number; unitIds: number[] }[];
  let leaders: { chatId: number; paths: string[] }[];
  let pausedUnitId: number;
  const prisma = () => db.database.prisma;

  beforeAll(async () => {
    db = await createTestDatabase();
    const demo = readFileSync(new URL("../../examples/long-bien.yaml", import.meta.url), "utf8");
    const terms = `  terms: { cell: "2020-2022", partial: "2020-2022", grassroots: "2020-2025", district: "2020-2025" }\n`;
    if (!demo.includes(terms)) throw new Error("demo file changed");
    const file = path.join(mkdtempSync(path.join(tmpdir(), "daihoi-month-")), "long-bien.yaml");
    writeFileSync(
      file,
      demo.replace(terms, `${terms}  reminders: { holidays: ["${policy.holidays[0]}..${policy.holidays[1]}"] }\n`),
    );
    expect((await cli(db.database, ["org", "import", file])).code).toBe(0);

    const campaign = await prisma().campaign.findFirstOrThrow({
      where: { active: true },
      include: { deadlines: true },
    });
    const rows = await prisma().unit.findMany({ orderBy: [{ position: "asc" }, { id: "asc" }] });
    units = rows.map((row, index) => {
      const deadlines: OracleUnit["deadlines"] = {};
      for (const d of campaign.deadlines.filter((d) => d.level === row.level))
        deadlines[d.milestone as Milestone] = d.dueDate.toISOString().slice(0, 10);
      const reported: OracleUnit["reported"] = {};
      for (const milestone of milestoneOrder) {
        const day = deadlines[milestone] && reportDay(index, milestone, deadlines[milestone]!);
        if (day) reported[milestone] = day;
      }
      const pilot = row.pilotDate ? row.pilotDate.toISOString().slice(0, 10) : null;
      return {
        id: row.id,
        code: row.code,
        path: row.path,
        pilot,
        organizationId: row.organizationId,
        campaignId: campaign.id,
        deadlines,
        reported,
      };
    });
    // Reports made before the month began are already in.
    await recordReportsOf((day) => day < first);

    // On Telegram: every 8th secretary on the roster, the seven working-group leaders, two groups.
    const people = await prisma().person.findMany({
      where: { roles: { some: { role: "secretary" } } },
      orderBy: { id: "asc" },
      include: { roles: true },
    });
    secretaries = [];
    for (const person of people.filter((_, index) => index % 8 === 0)) {
      const user = telegramUser();
      await prisma().person.update({ where: { id: person.id }, data: { telegramUserId: BigInt(user.id) } });
      secretaries.push({
        chatId: user.id,
        unitIds: person.roles.filter((role) => role.role === "secretary").map((role) => role.unitId),
      });
    }
    const workingGroups = await prisma().workingGroup.findMany({
      include: { members: { where: { role: "leader" } }, units: { include: { unit: true } } },
    });
    leaders = [];
    for (const group of workingGroups) {
      const user = telegramUser();
      await prisma().person.update({
        where: { id: group.members[0]!.personId },
        data: { telegramUserId: BigInt(user.id) },
      });
      leaders.push({ chatId: user.id, paths: group.units.map((link) => link.unit.path) });
    }
    for (const group of groups) {
      const unit = await prisma().unit.findFirstOrThrow({ where: { code: group.unit } });
      await prisma().chatBinding.create({
        data: { organizationId: unit.organizationId, unitId: unit.id, chatId: BigInt(group.id), title: group.title },
      });
    }
    // A cell of the first secretary on Telegram whose cell still has something to report is postponed.
    pausedUnitId = secretaries
      .flatMap((s) => s.unitIds)
      .find((id) => Object.keys(units.find((u) => u.id === id)!.deadlines).length > 0)!;

    harness = await startBotHarness(db.database, { clock });
    for (const chat of [...secretaries, ...leaders])
      harness.emulator.registerChat({ id: chat.chatId, type: "private", first_name: "X" });
    for (const group of groups) harness.emulator.registerChat(group);
    // Delivery is not what this test measures: a sender with Telegram's limits off drains each tick. It is
    // the only one: the app's own sender would hold leases on a clock this test moves by hours.
    await harness.app.sender.stop();
    sender = createOutboxSender({
      prisma: prisma(),
      api: createOutboxApi(testConfig({ TELEGRAM_API_ROOT: harness.emulator.apiRoot })),
      logger: createLogger({ level: "silent" }),
      clock,
      limits: null,
    });

    const leader = await prisma().person.findFirstOrThrow({ where: { telegramUserId: BigInt(leaders[0]!.chatId) } });
    const pausedUnit = {
      ...units.find((u) => u.id === pausedUnitId)!,
      name: "",
      level: "cell" as const,
      parentName: null,
    };
    for (let day = first; day <= last; day = addDays(day, 1)) {
      for (const time of ticks) {
        clock.set(localAt(day, time));
        if (time === "07:00" && day === pauseFrom) {
          await pauseReminders(prisma(), {
            unit: pausedUnit,
            reason: "Hoãn theo công văn",
            personId: leader.id,
            at: clock.now(),
            telegramUpdateId: 1,
            actor: "test",
          });
        }
        if (time === "07:00" && day === pauseUntil) {
          await resumeReminders(prisma(), {
            unit: pausedUnit,
            personId: leader.id,
            at: clock.now(),
            telegramUpdateId: 2,
            actor: "test",
          });
        }
        if (time === "14:00") await recordReportsOf((reported) => reported === day);
        await harness.app.scheduler.tick();
        while ((await sender.drainOnce()).claimed > 0);
      }
    }
  });
  afterAll(async () => {
    await harness?.stop();
    await db?.drop();
  });

  async function recordReportsOf(when: (day: string) => boolean): Promise<void> {
    const data = units.flatMap((unit) =>
      milestoneOrder
        .filter((milestone) => unit.reported[milestone] && when(unit.reported[milestone]!))
        .map((milestone) => ({
          organizationId: unit.organizationId,
          campaignId: unit.campaignId,
          unitId: unit.id,
          milestone,
          eventDate: new Date(`${unit.reported[milestone]}T00:00:00Z`),
          source: "cli" as const,
          createdAt: localAt(unit.reported[milestone]!, "14:00"),
        })),
    );
    if (data.length > 0) await prisma().report.createMany({ data });
  }

  /** Rows of the outbox as recipient → local day → count. */
  async function planned(kinds: string[], part1Only = false): Promise<Map<number, Map<string, number>>> {
    const rows = await prisma().outboxMessage.findMany({
      where: { kind: { in: kinds } },
      select: { chatId: true, notBefore: true, dedupeKey: true },
    });
    const result = new Map<number, Map<string, number>>();
    for (const row of rows.filter((row) => !part1Only || row.dedupeKey.endsWith(":1"))) {
      const perDay = result.get(Number(row.chatId)) ?? new Map<string, number>();
      perDay.set(localDay(row.notBefore), (perDay.get(localDay(row.notBefore)) ?? 0) + 1);
      result.set(Number(row.chatId), perDay);
    }
    return result;
  }

  const asObject = (map: Map<number, Map<string, number>>) =>
    Object.fromEntries(
      [...map].filter(([, days]) => days.size > 0).map(([chat, days]) => [chat, Object.fromEntries([...days].sort())]),
    );

  /** What a secretary is to be told on `day`: each open milestone of their units not paused, with its reminder day. */
  type Unit = (typeof units)[number];
  function dueItems(unitIds: number[], day: string): DueItem<Unit>[] {
    return unitIds.flatMap((unitId) => {
      const unit = units.find((u) => u.id === unitId)!;
      if (pausedOn(unit.id, pausedUnitId, day)) return [];
      return milestoneOrder.flatMap((milestone) => {
        const trigger = openOn(unit, milestone, day)
          ? reminderDayOn(unit.deadlines[milestone]!, day, policy)
          : undefined;
        return trigger ? [{ unit, milestone, trigger }] : [];
      });
    });
  }
  const workingDays = Array.from({ length: 31 }, (_, i) => addDays(first, i)).filter(workingDay);
  const secretaryDays = (unitIds: number[]) => reminderDaysOf(workingDays, (day) => dueItems(unitIds, day));

  it("when the month has run, then each secretary got one reminder on exactly the days the rule calls for", async () => {
    const expected = new Map<number, Map<string, number>>();
    for (const secretary of secretaries) {
      expected.set(secretary.chatId, new Map([...secretaryDays(secretary.unitIds).keys()].map((day) => [day, 1])));
    }
    const actual = await planned(["reminder"]);
    expect(asObject(actual)).toEqual(asObject(expected));
    const total = [...expected.values()].reduce((sum, days) => sum + days.size, 0);
    expect(total).toBeGreaterThan(50); // the month is not trivially empty
  });

  it("when the month has run, then each reminder named exactly what was open that day: nothing reported, presumed or paused", async () => {
    const rows = await prisma().outboxMessage.findMany({ where: { kind: "reminder" } });
    const names = new Map(
      (await prisma().unit.findMany({ select: { id: true, name: true } })).map((unit) => [unit.id, unit.name]),
    );
    const daysOf = new Map(secretaries.map((secretary) => [secretary.chatId, secretaryDays(secretary.unitIds)]));
    for (const row of rows) {
      const secretary = secretaries.find((s) => s.chatId === Number(row.chatId))!;
      const expected = daysOf.get(secretary.chatId)!.get(row.dedupeKey.split(":").at(-1)!)!;
      const own = secretary.unitIds.map((id) => ({
        code: units.find((unit) => unit.id === id)!.code,
        name: names.get(id)!,
      }));
      const told = toldInReminder((row.payload as { params: { text: string } }).params.text, own);
      expect(told, row.dedupeKey).toEqual(expected.map((item) => `${item.unit.code}:${item.milestone}`).sort());
    }
    expect(rows.length).toBeGreaterThan(50);
  });

  it("when the month has run, then each working-group leader got one list on each working day something was to chase", async () => {
    const expected = new Map<number, Map<string, number>>();
    for (const leader of leaders) {
      const followed = units.filter((unit) => leader.paths.some((p) => unit.path.startsWith(p)));
      const perDay = new Map<string, number>();
      for (let day = first; day <= last; day = addDays(day, 1)) {
        if (!workingDay(day)) continue;
        const chase = (unit: OracleUnit) => {
          if (pausedOn(unit.id, pausedUnitId, day) || doneBy(unit, "held", day)) return false;
          const overdue = milestoneOrder.some((m) => openOn(unit, m, day) && unit.deadlines[m]! < day);
          const held = unit.deadlines.held;
          const soonUndated =
            held !== undefined && held >= day && held <= addDays(day, 7) && !reachedBy(unit, "scheduled", day);
          const pilotPassed = unit.pilot !== null && unit.pilot < day;
          return overdue || soonUndated || pilotPassed;
        };
        const postponed = followed.some((unit) => pausedOn(unit.id, pausedUnitId, day) && !doneBy(unit, "held", day));
        if (followed.some(chase) || postponed) perDay.set(day, 1);
      }
      expected.set(leader.chatId, perDay);
    }
    expect(asObject(await planned(["group-reminder"], true))).toEqual(asObject(expected));
  });

  it("when the month has run, then each bound group got exactly one digest a day, at 17:00, Sundays and holidays included", async () => {
    const days = Array.from({ length: 31 }, (_, i) => addDays(first, i));
    const expected = new Map(groups.map((group) => [group.id, new Map(days.map((day) => [day, 1]))]));
    expect(asObject(await planned(["digest"], true))).toEqual(asObject(expected));
    const digests = await prisma().outboxMessage.findMany({ where: { kind: "digest" } });
    for (const row of digests) expect(dayjs(row.notBefore).tz(zone).format("HH:mm")).toBe("17:00");
    // Text parts of one digest are numbered 1..n without a gap, and each digest carries one chart.
    const parts = new Map<string, number[]>();
    const charts = new Map<string, number>();
    for (const row of digests) {
      const [, chat, day, part] = row.dedupeKey.split(":");
      if (part === "chart") charts.set(`${chat}:${day}`, (charts.get(`${chat}:${day}`) ?? 0) + 1);
      else parts.set(`${chat}:${day}`, [...(parts.get(`${chat}:${day}`) ?? []), Number(part)]);
    }
    for (const numbers of parts.values()) expect(numbers.sort((a, b) => a - b)).toEqual(numbers.map((_, i) => i + 1));
    expect([...charts.keys()].sort()).toEqual([...parts.keys()].sort());
    expect(new Set(charts.values())).toEqual(new Set([1]));
  });

  it("when a reminder was written, then it was in working hours of a working day", async () => {
    const rows = await prisma().outboxMessage.findMany({ where: { kind: { in: ["reminder", "group-reminder"] } } });
    for (const row of rows) {
      const local = dayjs(row.notBefore).tz(zone);
      expect(local.format("HH:mm") >= policy.time && local.format("HH:mm") < "21:00", row.dedupeKey).toBe(true);
      expect(workingDay(local.format("YYYY-MM-DD")), row.dedupeKey).toBe(true);
    }
  });

  it("when the month has run, then the emulator received every message written, once", async () => {
    const rows = await prisma().outboxMessage.findMany({ select: { chatId: true, status: true } });
    expect(rows.every((row) => row.status === "sent")).toBe(true);
    const perChat = new Map<number, number>();
    for (const row of rows) perChat.set(Number(row.chatId), (perChat.get(Number(row.chatId)) ?? 0) + 1);
    for (const [chatId, count] of perChat) expect(harness.sent(chatId), String(chatId)).toHaveLength(count);
  });
});
