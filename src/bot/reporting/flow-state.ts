// The /baocao conversation's state, stored per user and chat (see db/chat-flow-store.ts). Buttons carry
// only the flow id, the step they belong to and an option index or value: the server checks each press
// against this state and re-authorises the unit, so a forged or stale button changes nothing.
import { randomBytes } from "node:crypto";
import type { ElectionResults } from "../../domain/election-results.js";
import type { Milestone } from "../../domain/levels.js";
import type { LocalDate } from "../../domain/local-date.js";
import type { QuestionField } from "./questions.js";

export const reportFlowKind = "report";
export const flowMinutes = 30;

export type ReportFlowState =
  | { stage: "unit"; flowId: string; step: number; unitOptions: number[] }
  | { stage: "unit-code"; flowId: string; step: number }
  | { stage: "milestone"; flowId: string; step: number; unitId: number }
  | { stage: "date"; flowId: string; step: number; unitId: number; milestone: Milestone; month: string }
  | {
      stage: "field";
      flowId: string;
      step: number;
      unitId: number;
      milestone: Milestone;
      date: LocalDate;
      field: QuestionField;
      results: Partial<ElectionResults>;
    }
  | { stage: "confirm"; flowId: string; step: number; unitId: number; milestone: Milestone; date: LocalDate; results: ElectionResults | null }
  | { stage: "saved"; flowId: string; step: number; unitId: number; milestone: Milestone };

export function newFlowId(): string {
  return randomBytes(6).toString("base64url");
}

/** Callback data: rp:<flowId>:<step>:<action>[:<value>] (at most 64 bytes). */
export function callbackData(state: { flowId: string; step: number }, action: string, value = ""): string {
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
