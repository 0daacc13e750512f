// The demo district (examples/long-bien.yaml) with a fixed, varied state of congresses, for tests of
// what the office sees at a glance (the chart, the digest).
import { fileURLToPath } from "node:url";
import { expect } from "vitest";
import type { Database } from "../../src/db/client.js";
import type { ProgressBar } from "../../src/domain/progress-bars.js";
import { cli } from "./cli.js";
import { recordReport } from "./roster.js";

export const demoDistrictFile = fileURLToPath(new URL("../../examples/long-bien.yaml", import.meta.url));

export async function importDemoDistrict(database: Database): Promise<void> {
  const result = await cli(database, ["org", "import", demoDistrictFile]);
  expect(result.code, result.err.join("\n")).toBe(0);
}

/**
 * Records congresses held (20/02/2020) and scheduled (10/03/2020) so that the grassroots organisations
 * range from none held to all held, and returns what each one's bar must show. Organisation i (by code)
 * has the first ⌊n·((37·i) mod 101)/100⌋ of its n cells held and a third of the rest scheduled; a
 * grassroots organisation without cells is held when i mod 3 = 0, scheduled when i mod 3 = 1.
 */
export async function recordDemoProgress(
  database: Database,
  recordedAt: Date,
): Promise<(ProgressBar & { countsItself: boolean })[]> {
  const { prisma } = database;
  const organisations = await prisma.unit.findMany({
    where: { level: "grassroots", archivedAt: null },
    orderBy: { code: "asc" },
  });
  const bars: (ProgressBar & { countsItself: boolean })[] = [];
  for (const [index, organisation] of organisations.entries()) {
    const cells = await prisma.unit.findMany({
      where: { level: "cell", archivedAt: null, path: { startsWith: organisation.path } },
      orderBy: { code: "asc" },
    });
    const counted = cells.length > 0 ? cells : [organisation];
    const held = cells.length > 0 ? Math.floor((cells.length * ((37 * index) % 101)) / 100) : index % 3 === 0 ? 1 : 0;
    const scheduled = cells.length > 0 ? Math.floor((cells.length - held) / 3) : index % 3 === 1 ? 1 : 0;
    for (const [position, unit] of counted.entries()) {
      if (position < held)
        await recordReport(database, { unit: unit.code, milestone: "held", eventDate: "2020-02-20", recordedAt });
      else if (position < held + scheduled)
        await recordReport(database, { unit: unit.code, milestone: "scheduled", eventDate: "2020-03-10", recordedAt });
    }
    bars.push({ name: organisation.name, held, scheduled, total: counted.length, countsItself: cells.length === 0 });
  }
  return bars;
}
