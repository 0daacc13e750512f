// Which commands each person gets (the list behind /trogiup and their command menu). The menu must agree
// with the rules the features apply (the scope rule, src/domain/scope.ts), so it is checked against them
// for every combination of roles on a small tree.
import { describe, expect, it } from "vitest";
import { menuHash, privateCommands, type CommandId } from "../../src/domain/command-menu.js";
import { difficultyUnitChoices } from "../../src/domain/difficulty-rules.js";
import type { Role, UnitLevel } from "../../src/domain/levels.js";
import { mayAct, type UnitAction } from "../../src/domain/scope.js";

interface ExportUnit {
  id: number;
  code: string;
  name: string;
  level: UnitLevel;
  path: string;
}

const unit = (code: string, level: UnitLevel, path: string): ExportUnit => ({
  id: Number(path.split("/").at(-2)),
  code,
  name: code,
  level,
  path,
});
const LB = unit("LB", "district", "/1/");
const GT = unit("GT", "grassroots", "/1/2/");
const GT07 = unit("GT-07", "cell", "/1/2/3/");
const NT = unit("NT", "grassroots", "/1/4/");
const NT01 = unit("NT-01", "cell", "/1/4/5/");
const tree = [LB, GT, GT07, NT, NT01];

/** A MenuPerson whose units carry codes, for the labels of failures. */
interface TestPerson {
  roles: { role: Role; unit: ExportUnit }[];
  ledGroupUnits: ExportUnit[];
  ledGroups: { id: number }[];
}
const person = (
  roles: { role: Role; unit: ExportUnit }[],
  led: ExportUnit[] = [],
  ledGroups = led.length > 0 ? 1 : 0,
): TestPerson => ({
  roles,
  ledGroupUnits: led,
  ledGroups: Array.from({ length: ledGroups }, (_, index) => ({ id: index + 1 })),
});

describe("commands by role", () => {
  it("when someone is on no roster, then they get /start, /ngonngu and /trogiup only", () => {
    expect(privateCommands([])).toEqual(["start", "lang", "help"]);
  });

  it("when the office runs the web app, then everyone on the roster (not a stranger) gets /web", () => {
    expect(privateCommands([], { web: true })).toEqual(["start", "lang", "help"]);
    expect(privateCommands([person([], [], 1)], { web: true })).toEqual(["start", "status", "web", "lang", "help"]);
    expect(privateCommands([person([{ role: "standing", unit: LB }])], { web: true })).toContain("web");
    expect(privateCommands([person([{ role: "standing", unit: LB }])])).not.toContain("web");
  });

  it("when a person is a cell's secretary, then they report, see their status and progress, raise difficulties, and nothing of admins, working groups or exports", () => {
    expect(privateCommands([person([{ role: "secretary", unit: GT07 }])])).toEqual([
      "start",
      "report",
      "status",
      "problem",
      "progress",
      "lang",
      "help",
    ]);
  });

  it("when a person is a grassroots committee's secretary, then they also export their subtree", () => {
    expect(privateCommands([person([{ role: "secretary", unit: GT }])])).toContain("export");
  });

  it("when a person is an admin, then they get the invite and link-code commands, pausing, progress and export", () => {
    expect(privateCommands([person([{ role: "admin", unit: LB }])])).toEqual([
      "start",
      "report",
      "progress",
      "export",
      "postpone",
      "resume",
      "invite",
      "linkcode",
      "lang",
      "help",
    ]);
  });

  it("when a person is on the standing committee, then they see progress, export and may pause, but report nothing", () => {
    expect(privateCommands([person([{ role: "standing", unit: LB }])])).toEqual([
      "start",
      "progress",
      "export",
      "postpone",
      "resume",
      "lang",
      "help",
    ]);
  });

  it("when a person leads a working group, then they report on behalf, follow, export and pause its units; a group without units still has its status", () => {
    expect(privateCommands([person([], [GT])])).toEqual([
      "start",
      "report",
      "status",
      "problem",
      "progress",
      "export",
      "postpone",
      "resume",
      "lang",
      "help",
    ]);
    expect(privateCommands([person([], [], 1)])).toEqual(["start", "status", "lang", "help"]);
  });

  it("when a Telegram account is on two organisations' rosters, then it gets the commands of both", () => {
    expect(
      privateCommands([person([{ role: "secretary", unit: GT07 }]), person([{ role: "admin", unit: NT }])]),
    ).toEqual([
      "start",
      "report",
      "status",
      "problem",
      "progress",
      "export",
      "postpone",
      "resume",
      "invite",
      "linkcode",
      "lang",
      "help",
    ]);
  });

  it("when any combination of roles is given, then a command is listed exactly when the feature's own rule grants something", () => {
    const grants: { role: Role; unit: ExportUnit }[] = (
      ["secretary", "deputy", "reporter", "standing", "admin"] as const
    ).flatMap((role) => tree.map((held) => ({ role, unit: held })));
    const profiles: TestPerson[] = [];
    for (const first of grants) {
      for (const led of [[], [GT], [NT01]]) profiles.push(person([first], led));
      for (const second of grants.filter((_, index) => index % 4 === 0)) profiles.push(person([first, second]));
    }
    for (const profile of profiles) {
      const listed = new Set<CommandId>(privateCommands([profile]));
      const label = JSON.stringify({
        roles: profile.roles.map((r) => `${r.role}@${r.unit.code}`),
        led: profile.ledGroupUnits.map((u) => u.code),
      });
      const anywhere = (action: UnitAction) => tree.some((target) => mayAct(profile, action, target));
      expect(listed.has("report"), label).toBe(anywhere("report"));
      expect(listed.has("problem"), label).toBe(difficultyUnitChoices(profile).length > 0);
      expect(listed.has("progress"), label).toBe(anywhere("view"));
      expect(listed.has("export"), label).toBe(anywhere("export"));
      expect(listed.has("postpone"), label).toBe(anywhere("pause"));
      expect(listed.has("invite"), label).toBe(anywhere("invite"));
      expect(listed.has("linkcode"), label).toBe(anywhere("link"));
    }
  });
});

describe("menu hash", () => {
  it("when the list, a description or the language differs, then the hash differs; the same menu hashes the same", () => {
    const menu = [{ command: "start", description: "Bắt đầu" }];
    expect(menuHash("vi", menu)).toBe(menuHash("vi", [{ command: "start", description: "Bắt đầu" }]));
    expect(menuHash("vi", menu)).not.toBe(menuHash("en", menu));
    expect(menuHash("vi", menu)).not.toBe(menuHash("vi", [{ command: "start", description: "Bắt đầu, nhận diện" }]));
    expect(menuHash("vi", menu)).not.toBe(menuHash("vi", [...menu, { command: "trogiup", description: "Hướng dẫn" }]));
  });
});
