// What the narrative report says (the .docx an office edits and signs), as plain figures: the cells'
// congresses, the grassroots organisations' own, the pilot congresses, the preparation (draft documents,
// personnel plans), the election statistics and the difficulties. Read off the same export data as the
// workbook (the roll-up's counts per level, each organisation judged by its checklist), so the report and
// the summary sheet never say different things.
import type { ExportData } from "./export-rows.js";
import { exportSummary, type GrassrootsSummaryRow } from "./export-summary.js";
import type { LocalDate } from "./local-date.js";
import type { NamedUnit } from "./unit-label.js";

export type PilotState = "held" | "scheduled" | "planned" | "passed";

export interface ProgressNarrative {
  asOf: LocalDate;
  campaign: string | null;
  /** The cells' congresses; null when the subtree has no cells. */
  cells: { held: number; scheduled: number; total: number; committees: number } | null;
  partial: { held: number; total: number } | null;
  /** The grassroots organisations' own congresses and preparation; null when there are none below the top. */
  grassroots: {
    held: number;
    scheduled: number;
    total: number;
    documents: number;
    personnel: number;
    /** Still drafting their documents, in the organisation file's order. */
    drafting: NamedUnit[];
  } | null;
  /** Pilot congresses (đại hội điểm), in the organisation file's order. */
  pilots: { unit: NamedUnit; state: PilotState; date: LocalDate }[];
  /** Open difficulties; text null for a sensitive one (a complaint letter), whose text never leaves the bot. */
  difficulties: { unit: string; text: string | null }[];
}

function pilotOf(row: GrassrootsSummaryRow): ProgressNarrative["pilots"][number] | null {
  if (row.pilotDate === null) return null;
  if (row.state === "held") return { unit: row.unit, state: "held", date: row.congressDate ?? row.pilotDate };
  if (row.pilotPassed) return { unit: row.unit, state: "passed", date: row.pilotDate };
  if (row.state === "scheduled" && row.congressDate)
    return { unit: row.unit, state: "scheduled", date: row.congressDate };
  return { unit: row.unit, state: "planned", date: row.pilotDate };
}

export function progressNarrative(data: ExportData): ProgressNarrative {
  const summary = exportSummary(data);
  const level = (name: string) => data.statistics.levels.find((line) => line.level === name)?.counts ?? null;
  const shown = new Set(summary.levels.map((line) => line.level));
  const cells = shown.has("cell") ? level("cell") : null;
  const partial = shown.has("partial") ? level("partial") : null;
  const grassroots = shown.has("grassroots") ? level("grassroots") : null;
  return {
    asOf: data.today,
    campaign: data.campaign?.name ?? null,
    cells: cells && {
      held: cells.held,
      scheduled: cells.scheduled,
      total: cells.total,
      committees: summary.rows.filter((row) => row.cells !== null).length,
    },
    partial: partial && { held: partial.held, total: partial.total },
    grassroots: grassroots && {
      held: grassroots.held,
      scheduled: grassroots.scheduled,
      total: grassroots.total,
      documents: grassroots.documents,
      personnel: grassroots.personnel,
      drafting: summary.rows.filter((row) => !row.documents).map((row) => row.unit),
    },
    pilots: summary.rows.flatMap((row) => pilotOf(row) ?? []),
    difficulties: data.difficulties.map((difficulty) => ({ unit: difficulty.unitName, text: difficulty.text })),
  };
}
