// The one scope rule (src/domain/scope.ts): what each role and a working group's leadership grants, over
// which units, for every action; the subtrees screens start from; paths compared whole.
import { describe, expect, it } from "vitest";
import type { Role, UnitLevel } from "../../src/domain/levels.js";
import {
  mayAct,
  reportRight,
  scopeRoots,
  withinRoots,
  type ScopePerson,
  type UnitAction,
} from "../../src/domain/scope.js";

interface TestUnit {
  id: number;
  code: string;
  level: UnitLevel;
  path: string;
}
const unit = (code: string, level: UnitLevel, path: string): TestUnit => ({
  id: Number(path.split("/").at(-2)),
  code,
  level,
  path,
});
const LB = unit("LB", "district", "/1/");
const GT = unit("GT", "grassroots", "/1/2/");
const GT07 = unit("GT-07", "cell", "/1/2/3/");
const NT = unit("NT", "grassroots", "/1/4/");
const NTA = unit("NT-A", "partial", "/1/4/5/");
const KB = unit("KB", "grassroots", "/1/6/");
const all = [LB, GT, GT07, NT, NTA, KB];

const codes = (units: readonly TestUnit[]) => units.map((root) => root.code);
const holding = (role: Role, held: TestUnit): ScopePerson<TestUnit> => ({
  roles: [{ role, unit: held }],
  ledGroupUnits: [],
});
const actions: UnitAction[] = ["view", "export", "report", "pause", "invite", "link", "complaints", "contacts"];

/** The units each person may act on, per action: the table an office would write down. */
const table: [string, ScopePerson<TestUnit>, Record<UnitAction, TestUnit[]>][] = [
  [
    "standing committee of the district",
    holding("standing", LB),
    { view: all, export: all, report: [], pause: all, invite: [], link: [], complaints: all, contacts: [] },
  ],
  [
    "admin of the district",
    holding("admin", LB),
    { view: all, export: all, report: all, pause: all, invite: all, link: all, complaints: all, contacts: all },
  ],
  // An admin of one grassroots organisation: that subtree only, never the next one.
  [
    "admin of GT",
    holding("admin", GT),
    {
      view: [GT, GT07],
      export: [GT, GT07],
      report: [GT, GT07],
      pause: [GT, GT07],
      invite: [GT, GT07],
      link: [GT, GT07],
      complaints: [GT, GT07],
      contacts: [GT, GT07],
    },
  ],
  [
    "standing committee of NT",
    holding("standing", NT),
    {
      view: [NT, NTA],
      export: [NT, NTA],
      report: [],
      pause: [NT, NTA],
      invite: [],
      link: [],
      complaints: [NT, NTA],
      contacts: [],
    },
  ],
  [
    "secretary of GT",
    holding("secretary", GT),
    {
      view: [GT, GT07],
      export: [GT, GT07],
      report: [GT],
      pause: [],
      invite: [],
      link: [],
      complaints: [],
      contacts: [],
    },
  ],
  [
    "secretary of the cell GT-07",
    holding("secretary", GT07),
    { view: [GT07], export: [], report: [GT07], pause: [], invite: [], link: [], complaints: [], contacts: [] },
  ],
  [
    "secretary of the partial committee NT-A",
    holding("secretary", NTA),
    { view: [NTA], export: [], report: [NTA], pause: [], invite: [], link: [], complaints: [], contacts: [] },
  ],
  [
    "deputy of GT",
    holding("deputy", GT),
    { view: [GT, GT07], export: [], report: [GT], pause: [], invite: [], link: [], complaints: [], contacts: [] },
  ],
  [
    "reporter of GT",
    holding("reporter", GT),
    { view: [GT, GT07], export: [], report: [GT, GT07], pause: [], invite: [], link: [], complaints: [], contacts: [] },
  ],
  [
    "leader of the group following GT and KB",
    { roles: [], ledGroupUnits: [GT, KB] },
    {
      view: [GT, GT07, KB],
      export: [GT, GT07, KB],
      report: [GT, GT07, KB],
      pause: [GT, GT07, KB],
      invite: [],
      link: [],
      complaints: [],
      contacts: [GT, GT07, KB],
    },
  ],
  [
    "stranger to every unit",
    { roles: [], ledGroupUnits: [] },
    { view: [], export: [], report: [], pause: [], invite: [], link: [], complaints: [], contacts: [] },
  ],
];

describe("the scope rule", () => {
  it.each(table)(
    "when the person is the %s, then each action reaches exactly the units of the table",
    (_name, person, expected) => {
      for (const action of actions) {
        expect(codes(all.filter((target) => mayAct(person, action, target))), action).toEqual(codes(expected[action]));
      }
    },
  );

  it("when a report is allowed, then it is the unit's own for its officers and on behalf for the office and working groups", () => {
    expect(reportRight(holding("secretary", GT07), GT07)).toBe("own");
    expect(reportRight(holding("reporter", GT), GT07)).toBe("own");
    expect(reportRight(holding("admin", LB), GT07)).toBe("on-behalf");
    expect(reportRight({ roles: [], ledGroupUnits: [GT] }, GT07)).toBe("on-behalf");
    // Both: the officer's right wins, so the report is the unit's own.
    expect(reportRight({ roles: [{ role: "secretary", unit: GT07 }], ledGroupUnits: [GT] }, GT07)).toBe("own");
    expect(reportRight(holding("secretary", GT07), GT)).toBeNull();
  });

  it("when roles overlap, then the screens start from the widest subtrees only, whatever the order", () => {
    expect(
      codes(
        scopeRoots(
          {
            roles: [
              { role: "secretary", unit: GT },
              { role: "standing", unit: LB },
            ],
            ledGroupUnits: [KB],
          },
          "export",
        ),
      ),
    ).toEqual(["LB"]);
    expect(
      codes(
        scopeRoots(
          {
            roles: [
              { role: "admin", unit: NT },
              { role: "secretary", unit: NT },
            ],
            ledGroupUnits: [NT, GT],
          },
          "export",
        ),
      ),
    ).toEqual(["NT", "GT"]);
    expect(
      codes(
        scopeRoots(
          {
            roles: [
              { role: "deputy", unit: GT07 },
              { role: "reporter", unit: NT },
            ],
            ledGroupUnits: [],
          },
          "view",
        ),
      ),
    ).toEqual(["GT-07", "NT"]);
    expect(scopeRoots({ roles: [{ role: "secretary", unit: GT07 }], ledGroupUnits: [] }, "export")).toEqual([]);
  });

  it("when a unit is checked against subtrees, then paths are compared whole (/1/2/ is not /1/22/)", () => {
    expect(withinRoots([GT, KB], GT07)).toBe(true);
    expect(withinRoots([GT, KB], NT)).toBe(false);
    expect(withinRoots([GT, KB], LB)).toBe(false);
    expect(withinRoots([GT], unit("X", "cell", "/1/22/"))).toBe(false);
  });
});
