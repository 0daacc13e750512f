// One meaning of "overdue" everywhere. The demo district (examples/long-bien.yaml: 49 grassroots
// organisations, 587 cells) runs a scripted campaign from 01/02 to 20/04/2020: reports in and out of
// order, congresses reported with no earlier milestone, work done late, on-time work reported late,
// units that never report, pauses, difficulties. The scheduler runs every morning. At five dates, the
// reminders, the working-group lists, /trangthai (leaders and secretaries), /tiendo's overdue filter, the
// digest and the /xuat workbook must name exactly the overdue units an oracle written here finds from the
// script alone (its own closure rules, reminder days and calendar); over the whole campaign, no reminder
// may name anything reached, presumed by a later milestone, or paused.
import { readFileSync, writeFileSync } from "node:fs";
import type { Message, User } from "grammy/types";
import dayjs from "dayjs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fixedClock } from "../../src/clock.js";
import { openDifficulty, findActiveUnits } from "../../src/db/difficulty-store.js";
import { pauseReminders, resumeReminders } from "../../src/db/reminder-pause-store.js";
import { findUnitByCode } from "../../src/db/unit-lookup.js";
import type { Milestone, UnitLevel } from "../../src/domain/levels.js";
import type { RecordedMessage } from "../../src/emulator/index.js";
import { createI18n, translatorFor } from "../../src/i18n.js";
import { digestMessages } from "../../src/usecases/daily-digest.js";
import { startBotHarness, telegramUser, type BotHarness } from "../support/bot-harness.js";
import {
  addDays,
  milestoneNames,
  milestoneOrder,
  reachedOn,
  reminderDayOn,
  reminderDaysOf,
  toldInReminder,
} from "../support/checklist-oracle.js";
import { cli } from "../support/cli.js";
import { testConfig } from "../support/test-config.js";
import { createTestDatabase, type TestDatabase } from "../support/test-database.js";
import { downloadDocument, readWorkbook, sheetRecords } from "../support/workbook.js";

const zone = "Asia/Ho_Chi_Minh";
const start = "2020-02-01";
const end = "2020-04-20";
const checkDates = ["2020-02-26", "2020-03-12", "2020-03-24", "2020-04-03", "2020-04-20"];
const docsFile = new URL("../../docs/examples/long-bien-2020-03-24.md", import.meta.url);

// --- The oracle's own rules (with test/support/checklist-oracle.ts), written from the issue, not from src/ ---

/** Sundays, and Vietnam's public holidays of the period: Giỗ Tổ Hùng Vương, 10/3 of the lunar year = 02/04/2020. */
const publicHolidays = ["2020-04-02"];
const workingDay = (day: string) => dayjs.utc(day).day() !== 0 && !publicHolidays.includes(day);
const localAt = (day: string, time: string) => dayjs.tz(`${day} ${time}`, zone).toDate();
/** Reports never fall on a check date, so every screen of that day sees the same reports. */
const offCheckDate = (day: string) => (checkDates.includes(day) ? addDays(day, 1) : day);

interface ScriptUnit {
  id: number;
  code: string;
  name: string;
  level: UnitLevel;
  parentId: number | null;
  parentName: string | null;
  grassrootsId: number | null;
  path: string;
  pilot: string | null;
  deadlines: Partial<Record<Milestone, string>>;
  /** Each milestone's report: the day it names, the day it is reported (at 14:00). */
  reports: Partial<Record<Milestone, { event: string; reported: string }>>;
  pauses: { from: string; to: string }[];
  label: string;
}

const reached = (unit: ScriptUnit, milestone: Milestone, day: string) =>
  reachedOn((m) => unit.reports[m]?.reported, milestone, day);
const pausedOn = (unit: ScriptUnit, day: string) => unit.pauses.some((pause) => pause.from <= day && day < pause.to);
/** The overdue milestones of a unit on a day: deadline passed, not reached, not paused. */
function overdueOn(unit: ScriptUnit, day: string): Milestone[] {
  if (pausedOn(unit, day)) return [];
  return milestoneOrder.filter(
    (m) => unit.deadlines[m] !== undefined && unit.deadlines[m]! < day && !reached(unit, m, day),
  );
}
/** Why a working group chases a unit (any of the four reasons), as a set of kinds. */
function chasedFor(unit: ScriptUnit, day: string): string[] {
  if (pausedOn(unit, day) || reached(unit, "held", day)) return [];
  const kinds: string[] = [];
  const held = unit.deadlines.held;
  if (held !== undefined && held < day) kinds.push("finalOverdue");
  if (held !== undefined && held >= day && held <= addDays(day, 7) && !reached(unit, "scheduled", day))
    kinds.push("finalSoonUndated");
  if (unit.pilot !== null && unit.pilot < day) kinds.push("pilotPassed");
  if (overdueOn(unit, day).some((m) => m !== "held")) kinds.push("milestoneOverdue");
  return kinds;
}

/** The script: what each unit reports and when, by kind of unit and its place in the file. */
function script(unit: ScriptUnit, index: number): void {
  const report = (milestone: Milestone, event: string, reported = event) =>
    (unit.reports[milestone] = { event, reported: offCheckDate(reported) });
  if (unit.level === "cell") {
    switch (index % 40) {
      case 0: // a congress reported with no earlier milestone
        report("held", "2020-03-10", "2020-03-11");
        return;
      case 1: // late work: the plan and the documents done after their deadlines
        report("plan", "2020-02-05");
        report("documents", "2020-03-03");
        report("personnel", "2020-03-08");
        report("scheduled", "2020-03-27", "2020-03-13");
        report("held", "2020-03-27");
        return;
      case 2: // on-time work reported late
        report("plan", "2020-01-20", "2020-02-10");
        report("documents", "2020-02-25", "2020-03-05");
        report("personnel", "2020-03-08");
        report("scheduled", "2020-03-25", "2020-03-14");
        report("held", "2020-03-25");
        return;
      case 3: // lags: no documents nor personnel plan; the date set late, the congress held late
        report("plan", "2020-01-25");
        report("scheduled", "2020-04-10", "2020-03-30");
        report("held", "2020-04-10", "2020-04-11");
        return;
      case 4: // out of order: the documents before the plan
        report("documents", "2020-02-20");
        report("plan", "2020-01-15", "2020-02-25");
        report("personnel", "2020-03-08");
        report("scheduled", "2020-03-21", "2020-03-13");
        report("held", "2020-03-21");
        return;
      case 5: // never sets a date
        report("documents", "2020-02-25");
        report("personnel", "2020-03-08");
        return;
      case 6: // postponed from 05/03 to 25/03, then catches up
        report("plan", "2020-01-25");
        report("documents", "2020-02-25");
        report("personnel", "2020-03-30");
        report("scheduled", "2020-04-15", "2020-04-01");
        report("held", "2020-04-15");
        unit.pauses.push({ from: "2020-03-05", to: "2020-03-25" });
        return;
      case 7: // reports nothing at all
        return;
      default: {
        report("plan", "2020-01-25");
        report("documents", "2020-02-25");
        report("personnel", "2020-03-08");
        const congress = addDays("2020-03-20", index % 10);
        report("scheduled", congress, "2020-03-13");
        report("held", congress);
      }
    }
    return;
  }
  if (unit.level !== "grassroots") return;
  if (unit.code === "TAND") report("held", "2020-02-20");
  else if (unit.code === "KBNN")
    report("held", "2020-03-13"); // its pilot congress was planned for 04/03
  else if (unit.code === "P-GIATHUY") report("held", "2020-03-11");
  else if (index % 10 === 3)
    report("documents", "2020-03-28"); // no plan (due 15/02) until the documents close it
  else if (index % 10 === 5) {
    report("plan", "2020-02-10"); // documents never come; postponed 20/03–10/04
    unit.pauses.push({ from: "2020-03-20", to: "2020-04-10" });
  } else if (index % 10 === 7)
    report("plan", "2020-02-10"); // documents (due 31/03) never come
  else {
    report("plan", "2020-02-10");
    report("documents", "2020-03-25");
  }
}

describe("one checklist behind every message: a scripted campaign on the demo district", () => {
  const clock = fixedClock(localAt(start, "00:00"));
  let db: TestDatabase;
  let harness: BotHarness;
  let admin: User;
  let units: ScriptUnit[];
  let campaignId: number;
  const prisma = () => db.database.prisma;
  /** Every secretary on Telegram: their chat and units. */
  const secretaries: { chatId: number; user: User; unitIds: number[] }[] = [];
  const leaders: { chatId: number; user: User; paths: string[]; name: string }[] = [];
  /** What each check date produced, read by the tests. */
  const seen = new Map<
    string,
    {
      lists: Map<number, string>;
      status: Map<number, string>;
      tiendo: Set<string>;
      tiendoEntries: Set<string>;
      digest: string;
      exportOverdue: Set<string>;
      cards: Map<string, Milestone[]>;
    }
  >();

  beforeAll(async () => {
    db = await createTestDatabase();
    expect((await cli(db.database, ["org", "import", "examples/long-bien.yaml"])).code).toBe(0);
    const campaign = await prisma().campaign.findFirstOrThrow({
      where: { active: true },
      include: { deadlines: true },
    });
    campaignId = campaign.id;
    const rows = await prisma().unit.findMany({
      where: { archivedAt: null },
      orderBy: [{ position: "asc" }, { id: "asc" }],
      include: { parent: true },
    });
    const byId = new Map(rows.map((row) => [row.id, row]));
    const grassrootsOf = (id: number): number | null => {
      let row = byId.get(id);
      while (row && row.level !== "grassroots") row = row.parentId === null ? undefined : byId.get(row.parentId);
      return row?.id ?? null;
    };
    const nameCount = new Map<string, number>();
    for (const row of rows) nameCount.set(row.name, (nameCount.get(row.name) ?? 0) + 1);
    const short = (name: string) => name.replace(/^(Đảng bộ|Chi bộ|Đảng ủy) /, "");
    let cellIndex = 0;
    let grassrootsIndex = 0;
    units = rows.map((row) => {
      const deadlines: ScriptUnit["deadlines"] = {};
      for (const d of campaign.deadlines.filter((d) => d.level === row.level))
        deadlines[d.milestone as Milestone] = d.dueDate.toISOString().slice(0, 10);
      const unit: ScriptUnit = {
        id: row.id,
        code: row.code,
        name: row.name,
        level: row.level,
        parentId: row.parentId,
        parentName: row.parent?.name ?? null,
        grassrootsId: grassrootsOf(row.id),
        path: row.path,
        pilot: row.pilotDate ? row.pilotDate.toISOString().slice(0, 10) : null,
        deadlines,
        reports: {},
        pauses: [],
        label: nameCount.get(row.name)! > 1 && row.parent ? `${row.name} — ${short(row.parent.name)}` : row.name,
      };
      script(unit, row.level === "cell" ? cellIndex++ : row.level === "grassroots" ? grassrootsIndex++ : 0);
      return unit;
    });

    // Everyone concerned is on Telegram: every secretary, the seven working-group leaders, an admin.
    const people = await prisma().person.findMany({
      include: {
        roles: true,
        workingGroups: { include: { workingGroup: { include: { units: { include: { unit: true } } } } } },
      },
    });
    for (const person of people) {
      const secretaryOf = person.roles.filter((role) => role.role === "secretary").map((role) => role.unitId);
      const leads = person.workingGroups.filter((member) => member.role === "leader");
      if (secretaryOf.length === 0 && leads.length === 0 && person.phone !== "+84825014551") continue;
      const user = telegramUser({ first_name: person.name.split(" ").at(-1)! });
      await prisma().person.update({ where: { id: person.id }, data: { telegramUserId: BigInt(user.id) } });
      if (secretaryOf.length > 0) secretaries.push({ chatId: user.id, user, unitIds: secretaryOf });
      for (const lead of leads)
        leaders.push({
          chatId: user.id,
          user,
          name: lead.workingGroup.name,
          paths: lead.workingGroup.units.map((link) => link.unit.path),
        });
      if (person.phone === "+84825014551") admin = user;
    }
    expect(leaders).toHaveLength(7);

    // Difficulties, opened and one resolved: they are in the lists, they change nothing overdue.
    const opener = await prisma().person.findFirstOrThrow({ where: { phone: "+84825014551" } });
    for (const [index, code] of ["P-BODE-05", "CAU12", "P-NGOCTHUY"].entries()) {
      const [unit] = await findActiveUnits(prisma(), [units.find((u) => u.code === code)!.id]);
      await openDifficulty(prisma(), {
        unit: unit!,
        text: `Khó khăn ${index + 1}`,
        sensitive: false,
        openedById: opener.id,
        openedAt: localAt("2020-02-20", "10:00"),
        telegramUpdateId: 970_000 + index,
        actor: "test",
        notices: [],
      });
    }

    harness = await startBotHarness(db.database, { clock });
    // What the scheduler writes is read from the outbox; nothing needs delivering but the screens asked for.
    await harness.app.sender.stop();
    await recordReports((day) => day < start);

    for (let day = start; day <= end; day = addDays(day, 1)) {
      clock.set(localAt(day, "07:00"));
      for (const unit of units) {
        for (const pause of unit.pauses) {
          const pauseUnit = (await findUnitByCode(prisma(), 1, unit.code))!;
          const order = { personId: opener.id, at: clock.now(), actor: "test" };
          if (pause.from === day)
            await pauseReminders(prisma(), {
              ...order,
              unit: pauseUnit,
              reason: "Hoãn theo công văn",
              telegramUpdateId: 980_000 + unit.id,
            });
          if (pause.to === day)
            await resumeReminders(prisma(), { ...order, unit: pauseUnit, telegramUpdateId: 990_000 + unit.id });
        }
      }
      if (day === "2020-03-15")
        await prisma().difficulty.updateMany({
          where: { text: "Khó khăn 1" },
          data: { resolvedAt: localAt(day, "07:00") },
        });
      clock.set(localAt(day, "08:00"));
      await harness.app.scheduler.tick();
      if (checkDates.includes(day)) {
        clock.set(localAt(day, "10:00"));
        seen.set(day, await lookAtEveryScreen(day));
      }
      clock.set(localAt(day, "14:00"));
      await recordReports((reported) => reported === day);
    }
  }, 600_000);
  afterAll(async () => {
    await harness?.stop();
    await db?.drop();
  });

  async function recordReports(when: (day: string) => boolean): Promise<void> {
    const data = units.flatMap((unit) =>
      milestoneOrder.flatMap((milestone) => {
        const report = unit.reports[milestone];
        if (!report || !when(report.reported)) return [];
        return [
          {
            organizationId: 1,
            campaignId,
            unitId: unit.id,
            milestone,
            eventDate: new Date(`${report.event}T00:00:00Z`),
            source: "cli" as const,
            createdAt: localAt(report.reported, "14:00"),
          },
        ];
      }),
    );
    if (data.length > 0) await prisma().report.createMany({ data });
  }

  const textOf = (row: { payload: unknown }) => (row.payload as { params: { text: string } }).params.text;
  const unitByCode = (code: string) => units.find((unit) => unit.code === code)!;

  /** Presses a button by its label and returns the message as it is once the bot has answered. */
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
    await harness.app.inbox.drain();
    return harness.sent(message.chat.id).find((sent) => sent.message_id === message.message_id)!;
  }
  const buttonLabels = (message: RecordedMessage) =>
    (message.reply_markup?.inline_keyboard ?? []).flat().map((button) => button.text);

  /** /tiendo as the admin, filter "Quá hạn", down every listed unit with units under it, every page. */
  async function tiendoOverdue(): Promise<{ flagged: Set<string>; entries: Set<string> }> {
    const flagged = new Set<string>();
    const entries = new Set<string>();
    const screen = await harness.say(admin, "/tiendo");
    let message = await press(admin, screen, "Quá hạn");
    // Going up lands on the first page: `page` is pressed forward again to come back.
    const visit = async (): Promise<void> => {
      for (let page = 0; ; page++) {
        const lines = message.text!.split("\n").filter((line) => /^\d+\. /.test(line));
        const withChildren: string[] = [];
        for (const line of lines) {
          const [, index, icon, label] = /^(\d+)\. (\S+) (.+?)(?:: .*)?$/.exec(line)!;
          entries.add(label!);
          if (icon === "⚠️") flagged.add(label!);
          if (/(chi bộ|đảng bộ bộ phận) \d+\/\d+/.test(line)) withChildren.push(`${index}. ${label}`);
        }
        for (const button of withChildren) {
          message = await press(admin, message, button);
          await visit();
          message = await press(admin, message, buttonLabels(message).find((label) => label.startsWith("⬆"))!);
          for (let forward = 0; forward < page; forward++) message = await press(admin, message, "Sau ▶");
        }
        if (!buttonLabels(message).includes("Sau ▶")) return;
        message = await press(admin, message, "Sau ▶");
      }
    };
    await visit();
    return { flagged, entries };
  }

  async function lookAtEveryScreen(day: string) {
    const lists = new Map<number, string>();
    const status = new Map<number, string>();
    for (const leader of leaders) {
      const row = await prisma().outboxMessage.findFirst({
        where: { kind: "group-reminder", chatId: BigInt(leader.chatId), dedupeKey: { contains: `:${day}:` } },
      });
      if (row) lists.set(leader.chatId, textOf(row));
      const before = harness.sent(leader.chatId).length;
      harness.emulator.sendMessage(harness.token, { from: leader.user, text: "/trangthai" });
      await harness.emulator.waitForBotMessages(leader.chatId, before + 1);
      await harness.app.inbox.drain();
      // The list is the last message of the answer (a leader who is also an officer gets their cards first).
      status.set(leader.chatId, harness.sent(leader.chatId).at(-1)!.text!);
    }
    // Secretaries' cards (the leaders' /trangthai above names every overdue unit): every third unit
    // overdue by the oracle, and every thirtieth cell, overdue or not.
    const cards = new Map<string, Milestone[]>();
    const overdueNow = units.filter((unit) => overdueOn(unit, day).length > 0);
    const asked = units.filter(
      (unit, index) => overdueNow.indexOf(unit) % 3 === 0 || (unit.level === "cell" && index % 30 === 0),
    );
    for (const unit of asked) {
      const secretary = secretaries.find((s) => s.unitIds.includes(unit.id));
      if (!secretary) continue;
      const before = harness.sent(secretary.chatId).length;
      harness.emulator.sendMessage(harness.token, { from: secretary.user, text: "/trangthai" });
      await harness.emulator.waitForBotMessages(secretary.chatId, before + 1);
      await harness.app.inbox.drain();
      const answer = harness
        .sent(secretary.chatId)
        .slice(before)
        .map((m) => m.text)
        .join("\n\n");
      const block = answer
        .split("\n\n")
        .find((candidate) => candidate.startsWith(`${unit.name} (`) || candidate.startsWith(`${unit.name} —`))!;
      cards.set(
        unit.code,
        block
          .split("\n")
          .filter((line) => line.startsWith("⚠️ "))
          .map((line) => milestoneNames[line.slice(3).split(" — ")[0]!]!),
      );
    }
    const { flagged, entries } = await tiendoOverdue();
    const translate = translatorFor(createI18n({ defaultLocale: "vi" }), "vi");
    const lb = unitByCode("LB");
    const digest = (
      await digestMessages({ prisma: prisma(), config: testConfig(), translate }, lb.id, {
        date: day,
        at: localAt(day, "17:00"),
      })
    ).join("\n");
    const exportMessage = await harness.say(admin, "/xuat");
    const workbook = await readWorkbook(await downloadDocument(harness, exportMessage));
    const exportOverdue = new Set(
      sheetRecords(workbook.getWorksheet("Tiến độ đơn vị")!)
        .filter((record) => record["Mốc quá hạn"] !== null)
        .map((record) => String(record.Mã)),
    );
    return { lists, status, tiendo: flagged, tiendoEntries: entries, digest, exportOverdue, cards };
  }

  const overdueCodes = (day: string) =>
    new Set(units.filter((unit) => overdueOn(unit, day).length > 0).map((unit) => unit.code));

  it("the scripted campaign is not trivial: at every check date some units are overdue, some paused, some done", () => {
    for (const day of checkDates) {
      expect(overdueCodes(day).size, day).toBeGreaterThan(10);
      expect(
        units.some((unit) => reached(unit, "held", day)),
        day,
      ).toBe(day > "2020-02-20");
    }
    expect(units.some((unit) => pausedOn(unit, "2020-03-12"))).toBe(true);
    // Overdue units are few enough for every list to name them all (none is cut short).
    expect(Math.max(...checkDates.map((day) => overdueCodes(day).size))).toBeLessThan(90);
  });

  it.each(checkDates)(
    "on %s, the working-group lists name exactly the units the oracle chases, the overdue ones as overdue",
    (day) => {
      const { lists } = seen.get(day)!;
      for (const leader of leaders) {
        const followed = units.filter((unit) => leader.paths.some((path) => unit.path.startsWith(path)));
        const chased = followed.filter((unit) => chasedFor(unit, day).length > 0);
        const paused = followed.filter((unit) => pausedOn(unit, day) && !reached(unit, "held", day));
        const text = lists.get(leader.chatId);
        if (text === undefined) {
          // No list that day: nothing to chase, nothing paused.
          expect(
            [...chased, ...paused].map((unit) => unit.code),
            `${leader.name} ${day}`,
          ).toEqual([]);
          continue;
        }
        expect(text).not.toContain("đơn vị khác cần đôn đốc");
        const named = new Map<string, string>(); // code → the line
        let organisation: ScriptUnit | undefined;
        for (const line of text!.split("\n")) {
          if (line.startsWith("Khó khăn đang mở") || line.startsWith("Đã hoãn")) break;
          if (line === "") organisation = undefined;
          const heading = /^(.+) \(\d+\/\d+ chi bộ đã đại hội\):$/.exec(line);
          if (heading) organisation = followed.find((unit) => unit.level === "grassroots" && unit.label === heading[1]);
          const item = /^• (.+?)(?: \((.+?)\))?: /.exec(line);
          if (!item) continue;
          // Under a heading: the organisation itself or one of its units; alone: a grassroots organisation.
          const unit = organisation
            ? item[1] === organisation.name
              ? organisation
              : followed.find(
                  (u) =>
                    u.name === item[1] &&
                    u.grassrootsId === organisation!.id &&
                    (item[2] === undefined || u.parentName === item[2]),
                )
            : followed.find((u) => u.level === "grassroots" && u.name === item[1]);
          expect(unit, line).toBeDefined();
          named.set(unit!.code, line);
        }
        expect([...named.keys()].sort(), `${leader.name} ${day}`).toEqual(chased.map((unit) => unit.code).sort());
        const overdueNamed = [...named].filter(([, line]) => line.includes("quá hạn")).map(([code]) => code);
        expect(overdueNamed.sort(), `${leader.name} ${day}`).toEqual(
          followed
            .filter((unit) => overdueOn(unit, day).length > 0)
            .map((unit) => unit.code)
            .sort(),
        );
        for (const unit of paused) expect(text).toContain(`• ${unit.label}: hoãn từ`);
      }
    },
  );

  it.each(checkDates)("on %s, a leader's /trangthai is the morning list word for word", (day) => {
    const { lists, status } = seen.get(day)!;
    for (const leader of leaders) {
      const list = lists.get(leader.chatId);
      if (list) expect(status.get(leader.chatId), leader.name).toBe(list);
      else
        expect(status.get(leader.chatId), leader.name).toContain(
          "Không có đơn vị nào chậm hay sắp đến hạn mà chưa chuẩn bị.",
        );
    }
  });

  it.each(checkDates)(
    "on %s, each secretary's /trangthai shows as overdue exactly the oracle's overdue milestones",
    (day) => {
      const { cards } = seen.get(day)!;
      expect(cards.size).toBeGreaterThan(25);
      for (const [code, overdue] of cards) expect(overdue, `${code} ${day}`).toEqual(overdueOn(unitByCode(code), day));
    },
  );

  it.each(checkDates)(
    "on %s, /tiendo's overdue filter flags exactly the overdue units, and lists only those with one below",
    (day) => {
      const { tiendo, tiendoEntries } = seen.get(day)!;
      const expected = units.filter((unit) => overdueOn(unit, day).length > 0);
      expect([...tiendo].sort()).toEqual(expected.map((unit) => unit.label).sort());
      // An entry is listed only when it or a unit under it is overdue.
      for (const label of tiendoEntries) {
        const unit = units.find((u) => u.label === label)!;
        expect(
          units.some((u) => u.path.startsWith(unit.path) && overdueOn(u, day).length > 0),
          label,
        ).toBe(true);
      }
    },
  );

  it.each(checkDates)("on %s, the digest counts and names the overdue units by grassroots organisation", (day) => {
    const { digest } = seen.get(day)!;
    const lines = digest.split("\n");
    const expected = units.filter((unit) => unit.level !== "district" && overdueOn(unit, day).length > 0);
    const title = lines.find((line) => line.startsWith("Quá hạn"))!;
    expect(title).toBe(
      expected.length === 0
        ? expect.stringMatching(/^Quá hạn: không có/)
        : `Quá hạn (${expected.length} đơn vị có mốc quá hạn):`,
    );
    const groups = new Map<number, ScriptUnit[]>();
    for (const unit of expected)
      groups.set(unit.grassrootsId ?? unit.id, [...(groups.get(unit.grassrootsId ?? unit.id) ?? []), unit]);
    let counted = 0;
    for (const line of lines.slice(lines.indexOf(title) + 1)) {
      const more = /^…và (\d+) đơn vị khác/.exec(line);
      if (more) {
        counted += Number(more[1]);
        break;
      }
      const group = /^• (.+?)(?:( và |: )(\d+) (chi bộ|đơn vị))?(?: \((.+)\))?$/.exec(line);
      if (!group) break;
      const organisation = units.find((unit) => unit.label === group[1])!;
      const members = groups.get(organisation.id)!;
      expect(members, line).toBeDefined();
      const below = members.filter((unit) => unit.id !== organisation.id);
      expect(
        members.some((unit) => unit.id === organisation.id),
        line,
      ).toBe(group[2] !== ": ");
      expect(Number(group[3] ?? 0), line).toBe(below.length);
      if (group[5]) expect(group[5].split(", ").sort(), line).toEqual(below.map((unit) => unit.name).sort());
      counted += members.length;
    }
    expect(counted).toBe(expected.length);
    // A pilot congress past its planned day with no report is flagged (KBNN, planned 04/03, reported 13/03).
    if (day === "2020-03-12")
      expect(lines).toContain(
        "Đại hội điểm đã qua ngày dự kiến, chưa báo cáo: Chi bộ Kho bạc Nhà nước Long Biên (04/03).",
      );
  });

  it.each(checkDates)("on %s, the export's 'Mốc quá hạn' column names exactly the overdue units", (day) => {
    expect([...seen.get(day)!.exportOverdue].sort()).toEqual([...overdueCodes(day)].sort());
  });

  it("over the whole campaign, each reminder named exactly what was open for the secretary's units, and only on the days it was due", async () => {
    const rows = await prisma().outboxMessage.findMany({ where: { kind: "reminder" }, orderBy: { id: "asc" } });
    const sent = new Map<number, Map<string, string>>();
    for (const row of rows) {
      const day = row.dedupeKey.split(":").at(-1)!;
      sent.set(Number(row.chatId), (sent.get(Number(row.chatId)) ?? new Map()).set(day, textOf(row)));
    }
    const unitById = new Map(units.map((unit) => [unit.id, unit]));
    const workingDays: string[] = [];
    for (let day = start; day <= end; day = addDays(day, 1)) if (workingDay(day)) workingDays.push(day);
    let reminders = 0;
    for (const secretary of secretaries) {
      const own = secretary.unitIds.map((id) => unitById.get(id)!);
      const dueOn = (day: string) =>
        own.flatMap((unit) =>
          pausedOn(unit, day)
            ? []
            : milestoneOrder.flatMap((milestone) => {
                const trigger =
                  unit.deadlines[milestone] === undefined || reached(unit, milestone, day)
                    ? undefined
                    : reminderDayOn(unit.deadlines[milestone]!, day);
                return trigger ? [{ unit, milestone, trigger }] : [];
              }),
        );
      const expected = reminderDaysOf(workingDays, dueOn);
      const received = sent.get(secretary.chatId) ?? new Map<string, string>();
      expect([...received.keys()].sort(), String(secretary.chatId)).toEqual([...expected.keys()]);
      for (const [day, items] of expected) {
        expect(toldInReminder(received.get(day)!, own), `${secretary.chatId} ${day}`).toEqual(
          items.map((item) => `${item.unit.code}:${item.milestone}`).sort(),
        );
        reminders++;
      }
    }
    expect(reminders).toBe(rows.length);
    expect(reminders).toBeGreaterThan(500);
  });

  it("docs/ shows the working-group list and the digest of 24/03/2020 exactly as they are produced", () => {
    const day = "2020-03-24";
    const { lists, digest } = seen.get(day)!;
    const leader = leaders.find((l) => l.name === "Tổ công tác số 3")!;
    const produced = [
      "# The demo district on 24/03/2020",
      "",
      "Produced by `test/integration/campaign-checklist.test.ts` (a scripted campaign on `examples/long-bien.yaml`;",
      "run it with `UPDATE_DOCS=1` to rewrite this file). See [checklist.md](../checklist.md) for what each line means.",
      "",
      "## Tổ công tác số 3 — the list its leader gets at 08:00 (and by /trangthai)",
      "",
      "```",
      lists.get(leader.chatId)!,
      "```",
      "",
      "## The standing committee's digest (17:00)",
      "",
      "```",
      digest,
      "```",
      "",
    ].join("\n");
    if (process.env.UPDATE_DOCS === "1") writeFileSync(docsFile, produced);
    expect(readFileSync(docsFile, "utf8")).toBe(produced);
  });
});
