// The web's overview of a unit's subtree for the standing committee: the same model the daily digest is
// written from (src/usecases/daily-digest.ts digestModel), read now, with the counts per level. What the
// page shows and what the 17:00 digest says cannot differ but by the time between them.
import { localDateOf } from "../clock.js";
import type { Digest } from "../domain/digest.js";
import type { LocalDate } from "../domain/local-date.js";
import {
  levelTotals,
  sumCounts,
  type LevelLine,
  type ProgressCounts,
  type SubtreeRollup,
} from "../domain/progress-rollup.js";
import { digestModel } from "./daily-digest.js";
import type { UseCaseDeps } from "./deps.js";

export interface Overview {
  top: { id: number; name: string; code: string; hasChildren: boolean };
  campaign: { id: number; name: string } | null;
  today: LocalDate;
  /** Per level, top level first; `totals`: every unit below the top. */
  levels: LevelLine[];
  totals: ProgressCounts;
  digest: Digest;
  /** For the chart (src/render/unit-progress-chart.ts). */
  rollup: SubtreeRollup;
}

export async function overviewOf(deps: UseCaseDeps, input: { unitId: number }): Promise<Overview | null> {
  const at = deps.clock.now();
  const today = localDateOf(at, deps.config.timezone);
  const model = await digestModel(deps, input.unitId, { date: today, at });
  if (!model) return null;
  const { rollup } = model.data;
  return {
    top: { id: rollup.top.id, name: rollup.top.name, code: rollup.top.code, hasChildren: rollup.top.hasChildren },
    campaign: rollup.campaign,
    today,
    levels: levelTotals(rollup.rows),
    totals: sumCounts(rollup.rows),
    digest: model.digest,
    rollup,
  };
}
