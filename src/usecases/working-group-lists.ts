// A working group's list of units to chase (src/domain/working-group-list.ts), as the morning job sends it
// and /trangthai shows it: one function, so the two cannot disagree. It covers the congress and every other
// campaign open today (the year's review, a resolution's study, the month's cell meeting), each unit judged
// by its checklist in the campaign's current round.
import type { PrismaClient } from "@prisma/client";
import type { Config } from "../config.js";
import { followedByGroup, type ReminderGroup, type ReminderOrganisation } from "../db/reminder-store.js";
import { loadCampaignUnits, type CampaignUnitRow } from "../db/template-progress-store.js";
import { congressPlan } from "../domain/campaign-plan.js";
import { templatePlan } from "../domain/campaign-template.js";
import type { LocalDate } from "../domain/local-date.js";
import { roundIsOpen, roundOf } from "../domain/template-campaign.js";
import { campaignUnitStates, type CampaignUnitState } from "../domain/template-progress.js";
import { buildWorkingGroupList, type WorkingGroupList } from "../domain/working-group-list.js";
import { openCampaigns, type OpenCampaign } from "./campaigns.js";

/** An open campaign of another template, with the units it asks judged in the round today falls in. */
export interface OpenCampaignStates {
  campaign: OpenCampaign;
  round: string;
  /** By unit id; empty before a monthly campaign's first month (it asks nothing yet). */
  states: Map<number, CampaignUnitState<CampaignUnitRow>>;
}

/**
 * Each open campaign of another template in these organisations, with every unit it asks (of `unitIds`,
 * when given) judged in the round today falls in.
 */
export async function openCampaignStates(
  deps: { prisma: PrismaClient; config: Pick<Config, "timezone"> },
  organizationIds: readonly number[],
  today: LocalDate,
  unitIds?: readonly number[],
): Promise<OpenCampaignStates[]> {
  const campaigns = await openCampaigns(deps, organizationIds);
  return Promise.all(
    campaigns.map(async (campaign) => {
      const round = roundOf(campaign, today);
      if (!roundIsOpen(campaign, round)) return { campaign, round, states: new Map() };
      const rows = await loadCampaignUnits(deps.prisma, {
        campaign,
        round,
        scope: unitIds ? { unitIds } : {},
        timeZone: deps.config.timezone,
      });
      const states = campaignUnitStates(campaign, rows, round, today);
      return { campaign, round, states: new Map(states.map((state) => [state.unit.id, state])) };
    }),
  );
}

/** The group's list today: the congress's part, then each other open campaign's, then difficulties and pauses. */
export function workingGroupList(
  organisation: ReminderOrganisation,
  group: ReminderGroup,
  campaigns: readonly OpenCampaignStates[],
  today: LocalDate,
): WorkingGroupList {
  const followed = followedByGroup(organisation, group.unitPaths);
  return buildWorkingGroupList({
    plan: congressPlan,
    today,
    groupName: group.name,
    ...followed,
    campaigns: campaigns
      .filter(({ campaign }) => campaign.organizationId === organisation.organizationId)
      .map(({ campaign, round, states }) => ({
        campaign,
        round,
        plan: templatePlan(campaign.template),
        // The followed units the campaign asks, with their facts in it.
        units: followed.units.flatMap((unit) => {
          const state = states.get(unit.id);
          return state ? [{ ...unit, facts: state.facts }] : [];
        }),
      })),
  });
}
