// What /trangthai shows for a person's own units, read in a few set-based queries: each unit as the
// checklist reads it (src/db/unit-records.ts) with its campaign, and its open difficulties.
import type { PrismaClient } from "@prisma/client";
import { openDifficultiesIn, type StoredDifficulty } from "./difficulty-store.js";
import { loadUnitsById, type ActiveCampaign, type UnitRecord } from "./unit-records.js";

export interface UnitCardData {
  unit: UnitRecord;
  campaign: ActiveCampaign | null;
  openDifficulties: StoredDifficulty[];
}

/** Each unit (archived ones left out) with its campaign and open difficulties, in the order given. */
export async function loadUnitCards(
  prisma: PrismaClient,
  unitIds: readonly number[],
  timeZone: string,
): Promise<UnitCardData[]> {
  const units = await loadUnitsById(prisma, unitIds, timeZone);
  const difficulties = await openDifficultiesIn(prisma, {
    unitIds: units.map(({ record }) => record.id),
    subtreePaths: [],
  });
  return units.map(({ record, campaign }) => ({
    unit: record,
    campaign,
    openDifficulties: difficulties.filter((difficulty) => difficulty.unit.id === record.id),
  }));
}
