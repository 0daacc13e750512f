// The /baocao conversation for a campaign of another template than the congress (the annual review, a
// resolution's study, the monthly meeting, an office's own), stored per user and chat like the congress
// flow. Buttons carry the flow id, the step and an option: each press is checked against this state, and
// the unit is authorised again when the report is recorded.
import type { LocalDate } from "../../domain/local-date.js";

export const campaignFlowKind = "campaign-report.v1";

/** What is about to be reported; nothing is saved before ✅ Xác nhận. `raw`: the fields' values as typed. */
export interface CampaignDraft {
  campaignId: number;
  unitId: number;
  milestone: string;
  date: LocalDate | null;
  raw: Record<string, string>;
}

interface Step {
  flowId: string;
  step: number;
}

export type CampaignFlowState =
  /** `options`: the campaigns offered (0: the congress). */
  | (Step & { stage: "campaign"; options: number[] })
  | (Step & { stage: "unit"; campaignId: number; unitOptions: number[] })
  | (Step & { stage: "milestone"; campaignId: number; unitId: number })
  | (Step & { stage: "date"; draft: CampaignDraft })
  /** `field`: the index of the milestone's field asked. */
  | (Step & { stage: "field"; draft: CampaignDraft; field: number })
  | (Step & { stage: "confirm"; draft: CampaignDraft })
  | (Step & { stage: "saved" });

/** Callback data: cr:<flowId>:<step>:<action>[:<value>] (at most 64 bytes). */
export function campaignCallback(state: Step, action: string, value = ""): string {
  return `cr:${state.flowId}:${state.step}:${action}${value ? `:${value}` : ""}`;
}

export function parseCampaignCallback(
  data: string,
): { flowId: string; step: number; action: string; value: string } | null {
  const match = /^cr:([A-Za-z0-9_-]{8}):(\d{1,4}):([a-z]{1,6})(?::([A-Za-z0-9-]{1,24}))?$/.exec(data);
  if (!match) return null;
  return { flowId: match[1]!, step: Number(match[2]), action: match[3]!, value: match[4] ?? "" };
}

/**
 * A reminder's button that starts a report of a campaign's milestone for a unit:
 * cs:<campaignId>:<unitId>:<milestone>. It holds no right: the press is authorised again.
 */
export function campaignStartCallback(campaignId: number, unitId: number, milestone: string): string {
  return `cs:${campaignId}:${unitId}:${milestone}`;
}

export function parseCampaignStart(data: string): { campaignId: number; unitId: number; milestone: string } | null {
  const match = /^cs:([1-9]\d{0,9}):([1-9]\d{0,9}):([a-z][a-z0-9]{0,19})$/.exec(data);
  if (!match) return null;
  const [campaignId, unitId] = [Number(match[1]), Number(match[2])];
  return campaignId <= 2_147_483_647 && unitId <= 2_147_483_647 ? { campaignId, unitId, milestone: match[3]! } : null;
}
