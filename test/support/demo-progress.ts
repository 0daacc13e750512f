// What the demo's progress file (examples/long-bien-2020-02-26.yaml) says, counted from the file itself,
// for tests of screens that show the demo as the sandbox opens on it.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { parse } from "yaml";

export const demoProgressFile = fileURLToPath(new URL("../../examples/long-bien-2020-02-26.yaml", import.meta.url));

export interface DemoProgressEntry {
  unit: string;
  on: string;
  report: string;
}

export function demoProgressEntries(): DemoProgressEntry[] {
  return (parse(readFileSync(demoProgressFile, "utf8")) as { reports: DemoProgressEntry[] }).reports;
}

/** Units whose congress the file reports held (by `on`, when given), among the codes `which` accepts. */
export function demoCongressesHeld(which: (code: string) => boolean, on = "9999-12-31"): number {
  const held = demoProgressEntries().filter(
    (entry) => entry.on <= on && entry.report.startsWith("daihoi") && which(entry.unit),
  );
  return new Set(held.map((entry) => entry.unit)).size;
}

/** A working group's cells (level cell, under its units) and how many the file reports held. */
export function groupCellsHeld(groupName: string): { cells: number; held: number } {
  const file = fileURLToPath(new URL("../../examples/long-bien.yaml", import.meta.url));
  const demo = parse(readFileSync(file, "utf8")) as {
    units: { code: string; level: string; parent?: string }[];
    workingGroups: { name: string; units: string[] }[];
  };
  const parentOf = new Map(demo.units.map((unit) => [unit.code, unit.parent]));
  const group = new Set(demo.workingGroups.find((candidate) => candidate.name === groupName)!.units);
  const under = (code: string): boolean => {
    for (let at: string | undefined = code; at !== undefined; at = parentOf.get(at)) if (group.has(at)) return true;
    return false;
  };
  const cells = new Set(
    demo.units.filter((unit) => unit.level === "cell" && under(unit.code)).map((unit) => unit.code),
  );
  return { cells: cells.size, held: demoCongressesHeld((code) => cells.has(code)) };
}
