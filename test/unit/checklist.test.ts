// The one checklist model: each milestone in one state, what closes what, the two kinds of late, pauses,
// what a working group chases first, and what a secretary is reminded of. The SQL generated from the
// plan is checked against the checklist for every done set in test/integration/checklist-sql.test.ts.
import { describe, expect, it } from "vitest";
import { closedBy, closersOf, congressPlan, openMilestones } from "../../src/domain/campaign-plan.js";
import {
  compareAttention,
  lateness,
  nextOpen,
  standingOf,
  unitAttention,
  unitChecklist,
  type ListedUnit,
  type UnitFacts,
} from "../../src/domain/checklist.js";
import type { Milestone } from "../../src/domain/levels.js";
import { defaultReminderPolicy } from "../../src/domain/reminder-policy.js";
import { reminderIsDue, reminderItems } from "../../src/domain/reminders.js";

// A cell of the demo district: plan 31/01, documents 29/02, personnel 10/03, scheduled 15/03, held 31/03.
const deadlines = {
  plan: "2020-01-31",
  documents: "2020-02-29",
  personnel: "2020-03-10",
  scheduled: "2020-03-15",
  held: "2020-03-31",
};
const facts = (more: Partial<UnitFacts> = {}): UnitFacts => ({
  deadlines,
  reached: {},
  paused: false,
  pilotDate: null,
  ...more,
});
const on = (happenedOn: string, reportedOn = happenedOn) => ({ happenedOn, reportedOn });
const states = (items: ReturnType<typeof unitChecklist>) =>
  Object.fromEntries(items.map((item) => [item.milestone, item.state]));

describe("the checklist", () => {
  it("when a congress is held with no earlier milestone reported, then every earlier milestone is closed, none overdue", () => {
    const items = unitChecklist(congressPlan, facts({ reached: { held: on("2020-03-20") } }), "2020-03-24");
    expect(states(items)).toEqual({
      plan: "closed",
      documents: "closed",
      personnel: "closed",
      scheduled: "closed",
      held: "done",
    });
    expect(
      items.filter((item) => item.state === "closed").every((item) => item.state === "closed" && item.by === "held"),
    ).toBe(true);
    expect(standingOf(congressPlan, items)).toBe("done");
    expect(nextOpen(items)).toBeNull();
  });

  it("when the date is set, then what must precede it is closed, but the congress itself still falls due", () => {
    const items = unitChecklist(
      congressPlan,
      facts({ reached: { scheduled: on("2020-04-05", "2020-03-12") } }),
      "2020-04-02",
    );
    expect(states(items)).toEqual({
      plan: "closed",
      documents: "closed",
      personnel: "closed",
      scheduled: "done",
      held: "overdue",
    });
    expect(standingOf(congressPlan, items)).toBe("overdue");
  });

  it("when nothing is reported, then passed deadlines are overdue, a deadline within 7 days is due soon, a later one not yet due", () => {
    const items = unitChecklist(congressPlan, facts(), "2020-03-05");
    expect(states(items)).toEqual({
      plan: "overdue",
      documents: "overdue",
      personnel: "dueSoon",
      scheduled: "notYetDue",
      held: "notYetDue",
    });
    expect(items[0]).toEqual({ milestone: "plan", state: "overdue", dueDate: "2020-01-31", daysOverdue: 34 });
    expect(items[2]).toEqual({ milestone: "personnel", state: "dueSoon", dueDate: "2020-03-10", daysLeft: 5 });
    expect(nextOpen(items)?.milestone).toBe("plan");
  });

  it("when a unit is paused, then what it has not reached is paused, not overdue, and the unit is neither late nor on track", () => {
    const items = unitChecklist(
      congressPlan,
      facts({ paused: true, reached: { plan: on("2020-01-20") } }),
      "2020-03-05",
    );
    expect(states(items)).toEqual({
      plan: "done",
      documents: "paused",
      personnel: "paused",
      scheduled: "paused",
      held: "paused",
    });
    expect(standingOf(congressPlan, items)).toBe("paused");
  });

  it("when a plan issued on time is reported after its deadline, then it is reported late, not done late", () => {
    const [plan] = unitChecklist(
      congressPlan,
      facts({ reached: { plan: on("2020-01-15", "2020-02-20") } }),
      "2020-03-01",
    );
    expect(plan).toMatchObject({
      state: "done",
      happenedOn: "2020-01-15",
      reportedOn: "2020-02-20",
      doneLate: false,
      reportedLate: true,
    });
    expect(lateness(on("2020-02-03", "2020-02-03"), "2020-01-31")).toEqual({ doneLate: true, reportedLate: true });
    expect(lateness(on("2020-01-31", "2020-01-31"), "2020-01-31")).toEqual({ doneLate: false, reportedLate: false });
    expect(lateness(on("2020-05-01", "2020-05-01"), null)).toEqual({ doneLate: false, reportedLate: false });
  });

  it("a milestone is closed exactly when a later one that closes it is done, and the SQL reads the same closers", () => {
    expect(openMilestones(congressPlan, new Set<Milestone>(["documents"]))).toEqual(["personnel", "scheduled", "held"]);
    expect(closedBy(congressPlan, "plan", new Set<Milestone>(["documents", "held"]))).toBe("held");
    expect(closersOf(congressPlan, "plan")).toEqual(["documents", "personnel", "scheduled", "held"]);
    expect(closersOf(congressPlan, "scheduled")).toEqual(["held"]);
    expect(closersOf(congressPlan, "held")).toEqual([]);
  });
});

describe("what a working group chases", () => {
  it("when units lag in different ways, then the congress overdue comes first, then a congress soon with no date, a pilot passed, other milestones", () => {
    const today = "2020-03-28";
    const reasonsOf = (unitFacts: UnitFacts) =>
      unitAttention(congressPlan, unitFacts, unitChecklist(congressPlan, unitFacts, today), today);
    const held = on("2020-03-01");
    const overdueCongress = reasonsOf(
      facts({ deadlines: { ...deadlines, held: "2020-03-25" }, reached: { scheduled: held } }),
    );
    const soonUndated = reasonsOf(facts({ reached: { documents: held, personnel: held } }));
    const pilotPassed = reasonsOf(facts({ deadlines: { held: "2020-06-10" }, pilotDate: "2020-03-04" }));
    const planOverdue = reasonsOf(facts({ deadlines: { plan: "2020-03-20", held: "2020-06-10" } }));
    expect(overdueCongress).toEqual([{ kind: "finalOverdue", dueDate: "2020-03-25", days: 3 }]);
    // The date overdue is what "no date set" says: it is not repeated beside it.
    expect(soonUndated).toEqual([
      { kind: "finalSoonUndated", dueDate: "2020-03-31", daysLeft: 3, dateOverdueDays: 13 },
    ]);
    expect(pilotPassed).toEqual([{ kind: "pilotPassed", pilotDate: "2020-03-04", days: 24 }]);
    expect(planOverdue).toEqual([{ kind: "milestoneOverdue", milestone: "plan", dueDate: "2020-03-20", days: 8 }]);
    const sorted = [planOverdue, pilotPassed, soonUndated, overdueCongress].sort(compareAttention);
    expect(sorted).toEqual([overdueCongress, soonUndated, pilotPassed, planOverdue]);
    // Done or paused: nothing to chase.
    expect(reasonsOf(facts({ reached: { held } }))).toEqual([]);
    expect(reasonsOf(facts({ paused: true }))).toEqual([]);
  });
});

describe("what a secretary is reminded of", () => {
  const unit = (id: number, unitFacts: UnitFacts): ListedUnit => ({
    id,
    code: `C${id}`,
    name: `Chi bộ ${id}`,
    level: "cell",
    parentId: 1,
    parentName: "Đảng bộ phường A",
    nameShared: false,
    grassrootsId: 1,
    position: id,
    facts: unitFacts,
  });

  it("when a cell held its congress, then nothing of it is reminded; when it is paused, neither", () => {
    const items = reminderItems(
      congressPlan,
      [unit(2, facts({ reached: { held: on("2020-03-20") } })), unit(3, facts({ paused: true }))],
      "2020-03-24",
      () => defaultReminderPolicy,
    );
    expect(items).toEqual([]);
  });

  it("when several milestones have a reminder day in force, then all come in one message, sent only when one of the days is new", () => {
    // 12/03: documents 12 days overdue (every 3 days: reminded again today), personnel 2 days overdue (its
    // last reminder day was the deadline), the date to be set in 3 days (today is 3 days before); the
    // congress, due 31/03, has no reminder day yet.
    const today = "2020-03-12";
    const items = reminderItems(
      congressPlan,
      [unit(2, facts({ reached: { plan: on("2020-01-20") } }))],
      today,
      () => defaultReminderPolicy,
    );
    expect(items.map((entry) => [entry.item.milestone, entry.item.state, entry.trigger])).toEqual([
      ["documents", "overdue", "2020-03-12"],
      ["personnel", "overdue", "2020-03-10"],
      ["scheduled", "dueSoon", "2020-03-12"],
    ]);
    expect(reminderIsDue(items, null)).toBe(true); // a newcomer gets the backlog
    expect(reminderIsDue(items, "2020-03-11")).toBe(true); // 12/03 is new
    expect(reminderIsDue(items, "2020-03-12")).toBe(false); // already told today
  });
});
