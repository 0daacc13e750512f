// Reading a unit's `unit_progress` row (kept by the database from the reports; see prisma/schema.prisma).
import type { UnitProgress } from "@prisma/client";
import type { Milestone } from "../domain/levels.js";

type ReportIds = Pick<UnitProgress, "planReportId" | "documentsReportId" | "personnelReportId" | "scheduledReportId" | "heldReportId">;

const currentReportOf: Record<Milestone, keyof ReportIds> = {
  plan: "planReportId",
  documents: "documentsReportId",
  personnel: "personnelReportId",
  scheduled: "scheduledReportId",
  held: "heldReportId",
};

/** The milestones the unit has reported in the row's campaign. */
export function milestonesDone(row: ReportIds): Set<Milestone> {
  return new Set((Object.keys(currentReportOf) as Milestone[]).filter((milestone) => row[currentReportOf[milestone]] !== null));
}
