// The /baocao conversation's state, stored per user and chat (see db/chat-flow-store.ts). Buttons carry
// only the flow id, the step they belong to and an option index or value: the server checks each press
// against this state and re-authorises the unit, so a forged or stale button changes nothing.
import type { ElectionResults } from "../../domain/election-results.js";
import { milestones, type Milestone } from "../../domain/levels.js";
import type { LocalDate } from "../../domain/local-date.js";
import type { EditField, Question } from "./questions.js";

/** Versioned: a flow stored by an older release (another shape) is not read as this one. */
export const reportFlowKind = "report.v2";
export const flowMinutes = 30;

export interface FlowStep {
  flowId: string;
  step: number;
}

/** What the person is about to report; nothing of it is saved before ✅ Xác nhận. */
export interface FlowDraft {
  unitId: number;
  milestone: Milestone;
  date: LocalDate;
  results: ElectionResults | null;
}

export type ReportFlowState =
  | (FlowStep & { stage: "unit"; unitOptions: number[] })
  | (FlowStep & { stage: "milestone"; unitId: number })
  /** `draft`: the date of a draft being edited (the card comes back after it); null in a new report. */
  | (FlowStep & { stage: "date"; unitId: number; milestone: Milestone; month: string; draft: FlowDraft | null })
  /** `then`: "next" in the guided flow (the next question), "card" when one field is edited. */
  | (FlowStep & { stage: "ask"; draft: FlowDraft; question: Question; then: "next" | "card" })
  /** `fields`: the menu's entries, so a press is checked against what was offered. */
  | (FlowStep & { stage: "edit"; draft: FlowDraft; fields: EditField[] })
  | (FlowStep & { stage: "confirm"; draft: FlowDraft })
  | (FlowStep & { stage: "saved"; unitId: number; milestone: Milestone });

/**
 * A flow's id, from the update that starts it: an update handled again after a crash (src/bot/update-inbox.ts)
 * starts the same flow again, so the buttons of the card the first handling sent still work. Update ids are
 * unique per bot, so two flows never share one.
 */
export function flowIdFor(update: { update_id: number }): string {
  // Eight characters, as the buttons' data has always carried (random ones before): 36^8 ids.
  return update.update_id.toString(36).padStart(8, "0");
}

/** Callback data: rp:<flowId>:<step>:<action>[:<value>] (at most 64 bytes). */
export function callbackData(state: FlowStep, action: string, value = ""): string {
  return `rp:${state.flowId}:${state.step}:${action}${value ? `:${value}` : ""}`;
}

export interface ParsedCallback {
  flowId: string;
  step: number;
  action: string;
  value: string;
}

export function parseCallback(data: string): ParsedCallback | null {
  const match = /^rp:([A-Za-z0-9_-]{8}):(\d{1,4}):([a-z]{1,6})(?::([A-Za-z0-9-]{1,16}))?$/.exec(data);
  if (!match) return null;
  return { flowId: match[1]!, step: Number(match[2]), action: match[3]!, value: match[4] ?? "" };
}

/**
 * A button that starts a report for a unit and milestone (a reminder carries it): rs:<unitId>:<milestone>.
 * It holds no right: the press is authorised again for whoever presses it.
 */
export function reportStartCallback(unitId: number, milestone: Milestone): string {
  return `rs:${unitId}:${milestone}`;
}

const maxUnitId = 2_147_483_647; // units.id is a PostgreSQL integer

export function parseReportStart(data: string): { unitId: number; milestone: Milestone } | null {
  const match = /^rs:([1-9]\d{0,9}):([a-z]{1,12})$/.exec(data);
  if (!match) return null;
  const unitId = Number(match[1]);
  const milestone = milestones.find((candidate) => candidate === match[2]);
  return milestone && unitId <= maxUnitId ? { unitId, milestone } : null;
}
