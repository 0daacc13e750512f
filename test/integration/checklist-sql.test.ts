// The roll-up counts and the lists' narrowing run in SQL (src/db/unit-progress.ts), generated from the
// campaign plan. Here that SQL is run on the real database for every set of reported milestones and
// compared with the checklist (src/domain/checklist.ts): which milestones are reached (done or closed)
// and the earliest deadline still open, which is what "overdue" compares with the day.
import { Prisma } from "@prisma/client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { congressPlan } from "../../src/domain/campaign-plan.js";
import { unitChecklist } from "../../src/domain/checklist.js";
import type { Milestone } from "../../src/domain/levels.js";
import {
  currentReportColumn,
  earliestOpenDeadlineSql,
  finalReportedSql,
  reachedSql,
} from "../../src/db/unit-progress.js";
import { createEmptyTestDatabase, type TestDatabase } from "../support/test-database.js";

// Deadlines out of the plan's order, so "the earliest open" is not simply "the first open".
const deadlines: Record<Milestone, string> = {
  plan: "2020-02-10",
  documents: "2020-01-31",
  personnel: "2020-03-10",
  scheduled: "2020-03-05",
  held: "2020-03-31",
};
const keys = congressPlan.milestones.map((item) => item.key);
const doneSets = Array.from({ length: 1 << keys.length }, (_, mask) =>
  keys.filter((_, index) => (mask & (1 << index)) !== 0),
);

describe("the roll-up's SQL and the checklist", () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createEmptyTestDatabase();
  });
  afterAll(async () => {
    await db?.drop();
  });

  it("when any set of milestones is reported, then the SQL reaches, leaves open and dates exactly what the checklist does", async () => {
    // One row per done set, shaped like a unit_progress row (a report id where reported) and a deadline row.
    const progressRows = doneSets.map(
      (done, index) =>
        Prisma.sql`(${index}::int, ${Prisma.join(keys.map((key) => (done.includes(key) ? Prisma.sql`1::int` : Prisma.sql`NULL::int`)))})`,
    );
    const columns = Prisma.raw(keys.map((key) => `"${currentReportColumn[key]}"`).join(", "));
    const deadlineColumns = Prisma.join(
      keys.map((key) => Prisma.sql`${deadlines[key]}::date AS ${Prisma.raw(`"${key}"`)}`),
    );
    const reached = Prisma.join(
      keys.map((key) => Prisma.sql`${reachedSql(congressPlan, "st", key)} AS ${Prisma.raw(`"${key}"`)}`),
    );
    const rows = await db.database.prisma.$queryRaw<
      ({ doneSet: number; earliest: string | null; final: boolean } & Record<Milestone, boolean>)[]
    >`
      SELECT st."doneSet", ${reached},
             to_char(${earliestOpenDeadlineSql(congressPlan, "st", "dl")}, 'YYYY-MM-DD') AS earliest,
             ${finalReportedSql(congressPlan, "st")} AS final
      FROM (VALUES ${Prisma.join(progressRows)}) AS st("doneSet", ${columns})
      CROSS JOIN (SELECT ${deadlineColumns}) AS dl
      ORDER BY st."doneSet"`;
    expect(rows).toHaveLength(doneSets.length);

    for (const row of rows) {
      const done = doneSets[row.doneSet]!;
      const reachedFacts = Object.fromEntries(
        done.map((key) => [key, { happenedOn: "2020-01-05", reportedOn: "2020-01-05" }]),
      );
      const items = unitChecklist(
        congressPlan,
        { deadlines, reached: reachedFacts, paused: false, pilotDate: null },
        "2020-06-01",
      );
      const open = items.filter((item) => item.state !== "done" && item.state !== "closed");
      const label = `reported: ${done.join(", ") || "nothing"}`;
      expect(Object.fromEntries(keys.map((key) => [key, row[key]])), label).toEqual(
        Object.fromEntries(items.map((item) => [item.milestone, item.state === "done" || item.state === "closed"])),
      );
      expect(row.earliest, label).toBe(open.map((item) => item.dueDate!).sort()[0] ?? null);
      expect(row.final, label).toBe(done.includes(congressPlan.final));
    }
    // The sets cover the cases that matter: nothing reached, all closed by the congress, a closed plan.
    expect(rows[0]!.earliest).toBe("2020-01-31");
    expect(rows.filter((row) => row.earliest === null).length).toBe(1 << (keys.length - 1));
  });
});
