/**
 * Generates examples/long-bien-2020-02-26.yaml: the Long Biên congress campaign as the district's standing
 * committee heard it on 26/02/2020 (the article in ../shared/domain/articles/000_…): 253 of the 587 cells
 * under the 20 grassroots committees held their congress (43,1%); the pilot congress of the district court
 * (TAND) held on 20/02, the State Treasury's (KBNN) set for 04/03 and Gia Thụy ward's for 11/03; 44 of
 * the 49 grassroots organisations finished their draft reports, the 5 others still drafting; the bridge
 * company (CAU12) and the engineering company (CK121) in difficulty. Everything else (which cells, the
 * days, the election figures) is invented, from a seeded PRNG: the output only changes when this file does.
 *
 * Run: npx tsx examples/generate-long-bien-progress.ts
 * The file format is described in docs/progress-file.md.
 */
import { readFileSync, realpathSync, writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parse } from "yaml";
import { mulberry32 } from "./generate-long-bien.js";

interface Unit {
  code: string;
  name: string;
  level: "district" | "grassroots" | "partial" | "cell";
  parent?: string;
  pilot?: string;
}

/** The article's figures. */
export const asOf = "2020-02-26";
export const cellsHeld = 253;
export const grassrootsDocumentsDone = 44;
const pilotHeld = { unit: "TAND", on: "2020-02-20" };
const pilotsScheduled = [
  { unit: "KBNN", on: "2020-03-04" },
  { unit: "P-GIATHUY", on: "2020-03-11" },
];
/** Still drafting their reports on 26/02 (5 of 49); the two in difficulty among them. */
const stillDrafting = ["CAU12", "CK121", "P-THACHBAN", "THPT-TB", "BQLDA"];
/**
 * The sandbox's featured cell secretary (the first cell of the first ward): their congress is set for
 * 26/02 itself, so a visitor opening the sandbox that morning reports it held.
 */
const featuredCell = { unit: "P-BODE-01", scheduledOn: "2020-02-20", congress: "2020-02-26" };

const random = mulberry32(20200226);
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
const between = (low: number, high: number) => low + Math.floor(random() * (high - low + 1));

function day(iso: string, plus: number): string {
  const date = new Date(`${iso}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + plus);
  return date.toISOString().slice(0, 10);
}
const typed = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
const min = (a: string, b: string) => (a < b ? a : b);

export function generateProgress(units: readonly Unit[]): string {
  const byCode = new Map(units.map((unit) => [unit.code, unit]));
  const grassrootsOf = (unit: Unit): Unit => {
    let current = unit;
    while (current.level !== "grassroots") current = byCode.get(current.parent!)!;
    return current;
  };
  const missing = [...stillDrafting, featuredCell.unit, pilotHeld.unit, ...pilotsScheduled.map((p) => p.unit)].filter(
    (c) => !byCode.has(c),
  );
  if (missing.length > 0) throw new Error(`the demo organisation has no unit ${missing.join(", ")}`);

  const lines: string[] = [];
  const report = (unit: string, on: string, text: string) =>
    lines.push(`  - { unit: ${unit}, on: ${on}, report: "${text}" }`);

  // Cells: the plan in January (a few reported after the 31/01 deadline), then 253 congresses held from
  // 10/02 (after Tết): every cell of the pilot TAND before its congress on 20/02, the others in an order
  // that favours no ward; most of the rest have set their date.
  const cellsUnderCommittees = units.filter((unit) => unit.level === "cell");
  const pilotCells = cellsUnderCommittees.filter((cell) => grassrootsOf(cell).code === pilotHeld.unit);
  const order = cellsUnderCommittees
    .filter((cell) => !pilotCells.includes(cell) && cell.code !== featuredCell.unit)
    .map((cell) => ({ cell, key: random() }))
    .sort((a, b) => a.key - b.key);
  const held = new Set(
    [...pilotCells, ...order.slice(0, cellsHeld - pilotCells.length).map((entry) => entry.cell)].map(
      (cell) => cell.code,
    ),
  );
  lines.push("reports:");
  for (const cell of cellsUnderCommittees) {
    const planDay = day("2020-01-06", between(0, 23));
    const lateReport = random() < 0.06;
    report(
      cell.code,
      lateReport ? day("2020-02-03", between(0, 4)) : day(planDay, between(0, 2)),
      `kehoach ${typed(planDay)}`,
    );
    if (cell.code === featuredCell.unit) {
      report(cell.code, day("2020-02-10", 0), "vankien 10/02/2020");
      report(cell.code, featuredCell.scheduledOn, `lich ${typed(featuredCell.congress)}`);
    } else if (held.has(cell.code)) {
      const congress = pilotCells.includes(cell) ? day("2020-02-10", between(0, 8)) : day("2020-02-10", between(0, 16));
      const planned = pick([3, 3, 3, 5, 5, 1]);
      const elected = planned > 1 && random() < 0.05 ? planned - 1 : planned;
      const women = between(0, Math.min(2, elected));
      report(
        cell.code,
        min(day(congress, between(0, 2)), asOf),
        `daihoi ${typed(congress)} bch=${elected}/${planned} nu=${women}${random() < 0.5 ? ` tre=${between(0, 1)}` : ""}`,
      );
    } else if (random() < 0.7) {
      report(cell.code, day("2020-02-12", between(0, 14)), `lich ${typed(day("2020-03-02", between(0, 25)))}`);
    } else if (random() < 0.5) {
      const drafted = day("2020-02-10", between(0, 14));
      report(cell.code, day(drafted, 1), `vankien ${typed(drafted)}`);
    }
  }

  // Grassroots organisations: every plan by 15/02; the drafts of all but five; the pilot congresses.
  for (const unit of units.filter((candidate) => candidate.level === "grassroots")) {
    const planDay = day("2020-01-20", between(0, 24));
    report(unit.code, day(planDay, 1), `kehoach ${typed(planDay)}`);
    if (unit.code === pilotHeld.unit) {
      report(unit.code, day("2020-02-05", 0), `vankien 05/02/2020`);
      report(unit.code, day("2020-02-10", 0), `nhansu 10/02/2020`);
      report(
        unit.code,
        pilotHeld.on,
        `daihoi ${typed(pilotHeld.on)} bch=9/9 btv=3 btvnu=1 nu=3 tre=1 tu35=5 tren50=3 taicu=6 trendh=2 daihoc=7 caocap=3 trungcap=6 phieuthap=72,5 phieucao=100 daibieu=6 duongnhien=1 trieutap=62 comat=60`,
      );
      continue;
    }
    const pilot = pilotsScheduled.find((candidate) => candidate.unit === unit.code);
    if (pilot) {
      report(unit.code, day("2020-02-12", 0), `vankien 12/02/2020`);
      report(unit.code, day("2020-02-20", 0), `lich ${typed(pilot.on)}`);
      continue;
    }
    if (stillDrafting.includes(unit.code)) continue;
    const drafted = day("2020-02-03", between(0, 21));
    report(unit.code, min(day(drafted, between(0, 2)), asOf), `vankien ${typed(drafted)}`);
  }

  lines.push("difficulties:");
  lines.push(
    `  - { unit: CAU12, on: 2020-02-18, text: "Công ty đang sắp xếp lại sản xuất, nhiều đảng viên đi công trình xa; chưa thống nhất được phương án nhân sự cấp ủy" }`,
    `  - { unit: CK121, on: 2020-02-21, text: "Doanh nghiệp cổ phần hóa, chưa có ý kiến của Hội đồng quản trị về nhân sự bí thư; đề nghị Tổ công tác hướng dẫn" }`,
  );
  return lines.join("\n");
}

function header(): string {
  return [
    "# The Long Biên congress campaign as the district heard it on 26/02/2020: 253/587 cells under the",
    "# 20 grassroots committees held their congress (43,1%); the pilot congress of TAND held on 20/02, KBNN's",
    "# set for 04/03 and Gia Thụy's for 11/03; 44/49 grassroots organisations finished their draft reports.",
    "# Which cells, the days and the election figures are invented. Load it after examples/long-bien.yaml:",
    "#   npm run cli -- progress import examples/long-bien-2020-02-26.yaml",
    "#   npm run cli -- status --as-of 26/02/2020",
    "",
    "# GENERATED by examples/generate-long-bien-progress.ts; do not edit by hand.",
    "# Regenerate: npx tsx examples/generate-long-bien-progress.ts",
    "# Format: docs/progress-file.md",
    "",
    "organization: LB",
    "",
  ].join("\n");
}

const here = fileURLToPath(new URL(".", import.meta.url));
if (process.argv[1] && realpathSync(process.argv[1]) === realpathSync(fileURLToPath(import.meta.url))) {
  const organisation = parse(readFileSync(resolve(here, "long-bien.yaml"), "utf8")) as { units: Unit[] };
  writeFileSync(resolve(here, "long-bien-2020-02-26.yaml"), `${header()}${generateProgress(organisation.units)}\n`);
}
