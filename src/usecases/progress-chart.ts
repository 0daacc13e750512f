// The progress chart of any unit's subtree, for screens that show it on demand (/tiendo's button, the web's
// overview image). The daily
// digest draws the same chart from the roll-up it has already loaded (src/usecases/daily-digest.ts).
import type { PrismaClient } from "@prisma/client";
import { loadSubtreeRollup } from "../db/progress-rollup.js";
import type { LocalDate } from "../domain/local-date.js";
import type { Locale, Translate } from "../i18n.js";
import { renderUnitProgressChart, type UnitProgressChart } from "../render/unit-progress-chart.js";

/**
 * The chart (PNG and caption) of the unit's subtree on `today`; null for an unknown or archived unit or
 * one with nothing below it. The caller checks that the reader may see this unit.
 */
export async function progressChartFor(
  prisma: PrismaClient,
  unitId: number,
  today: LocalDate,
  translate: Translate,
  locale: Locale,
): Promise<UnitProgressChart | null> {
  const rollup = await loadSubtreeRollup(prisma, unitId, { today, byGrassroots: true });
  return rollup ? renderUnitProgressChart(translate, locale, rollup, today) : null;
}
