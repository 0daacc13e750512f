// `progress import FILE`: loads what an office already knows of its congress campaign (a progress file,
// src/domain/progress-file.ts) as the reports its secretaries made, each on the day it reached the
// office, and the difficulties raised. Every report is checked by the rules a report typed in the bot
// is checked by (checkDraft, on the day it was reported); one problem anywhere and nothing is written.
import { createHash } from "node:crypto";
import { Prisma } from "@prisma/client";
import { atLocalTime, localToday } from "../clock.js";
import { storeImportedProgress, type ImportedReport } from "../db/progress-import-store.js";
import { driverSql } from "../db/driver-sql.js";
import { loadActiveCampaigns } from "../db/unit-records.js";
import { congressPlan } from "../domain/campaign-plan.js";
import { lateness, reachedFromReport } from "../domain/checklist.js";
import { committeeKindOf } from "../domain/election-results.js";
import type { UnitLevel } from "../domain/levels.js";
import { formatLocalDate, type LocalDate } from "../domain/local-date.js";
import type { OrgProblem } from "../domain/org-definition.js";
import type { ProgressFile } from "../domain/progress-file.js";
import { campaignWindow, checkDraft, type DraftProblem } from "../domain/report-draft.js";
import type { UseCaseDeps } from "./deps.js";

/**
 * The hour a loaded report or difficulty is taken to have reached the office on its day: the start of
 * the office's day, so a sandbox opening that morning already knows it.
 */
export const importedAtTime = "08:00";

export type ProgressImportProblem =
  | { kind: "file"; problem: OrgProblem }
  | { kind: "draft"; place: string; problem: DraftProblem };

export type ProgressImportOutcome =
  | { status: "invalid"; problems: ProgressImportProblem[] }
  | { status: "no-campaign" }
  /** `reports`/`difficulties`: how many were new (a file loaded twice adds nothing the second time). */
  | { status: "checked" | "imported"; reports: number; difficulties: number; known: number };

export async function importProgress(
  deps: UseCaseDeps,
  input: { organization: { id: number; code: string }; file: ProgressFile; dryRun: boolean; actor: string },
): Promise<ProgressImportOutcome> {
  const { file, organization } = input;
  const timeZone = deps.config.timezone;
  const today = localToday(deps.clock, timeZone);
  const problems: ProgressImportProblem[] = [];
  const fileProblem = (path: string, code: string, args?: Record<string, string>) =>
    problems.push({ kind: "file", problem: { path, code, ...(args && { args }) } });
  // Another organisation's file: none of its codes mean anything here.
  if (file.organizationCode.toUpperCase() !== organization.code.toUpperCase()) {
    fileProblem("organization", "progress-other-organization", {
      value: file.organizationCode,
      organization: organization.code,
    });
    return { status: "invalid", problems };
  }
  const campaign = (await loadActiveCampaigns(deps.prisma, [organization.id])).get(organization.id);
  if (!campaign) return { status: "no-campaign" };

  const codes = [...new Set([...file.reports, ...file.difficulties].map((entry) => entry.unitCode.toUpperCase()))];
  const units = await driverSql(deps.prisma).rows<{ id: number; code: string; level: UnitLevel; hasChildren: boolean }>(
    Prisma.sql`
    SELECT id, upper(code) AS code, level::text AS level,
           EXISTS (SELECT 1 FROM units c WHERE c."parentId" = units.id AND c."archivedAt" IS NULL) AS "hasChildren"
    FROM units
    WHERE "organizationId" = ${organization.id} AND "archivedAt" IS NULL AND upper(code) = ANY(${codes}::text[])`,
  );
  const unitOf = new Map(units.map((unit) => [unit.code, unit]));
  const known = (place: string, code: string) => {
    const unit = unitOf.get(code.toUpperCase());
    if (!unit) fileProblem(`${place}.unit`, "unknown-unit", { value: code });
    return unit;
  };
  const notAfterToday = (place: string, day: LocalDate) => {
    if (day <= today) return true;
    fileProblem(`${place}.on`, "progress-on-future", { value: formatLocalDate(day), today: formatLocalDate(today) });
    return false;
  };

  const reports: ImportedReport[] = [];
  for (const entry of file.reports) {
    const unit = known(entry.place, entry.unitCode);
    if (!unit || !notAfterToday(entry.place, entry.reportedOn)) continue;
    const deadlines = campaign.deadlines[unit.level] ?? {};
    const { line, reportedOn } = entry;
    const draft = { unitId: unit.id, milestone: line.milestone, date: line.date ?? reportedOn, results: line.results };
    const drafted = checkDraft(draft, reportedOn, campaignWindow(deadlines), committeeKindOf(unit));
    for (const problem of drafted) problems.push({ kind: "draft", place: `${entry.place}.report`, problem });
    if (drafted.length > 0) continue;
    reports.push({
      unitId: unit.id,
      milestone: draft.milestone,
      eventDate: draft.date,
      payload: draft.results ? { results: { ...draft.results } } : {},
      late: lateness(
        reachedFromReport(congressPlan, { milestone: draft.milestone, eventDate: draft.date, reportedOn }),
        deadlines[draft.milestone] ?? null,
      ).reportedLate,
      recordedAt: atLocalTime(reportedOn, importedAtTime, timeZone),
      // The entry itself is the key: the same file loaded again stores nothing new.
      requestKey: `progress:${createHash("sha256")
        .update(
          `${organization.id}|${unit.id}|${reportedOn}|${draft.milestone}|${draft.date}|${JSON.stringify(draft.results)}`,
        )
        .digest("hex")
        .slice(0, 32)}`,
    });
  }
  const difficulties = file.difficulties.flatMap((entry) => {
    const unit = known(entry.place, entry.unitCode);
    if (!unit || !notAfterToday(entry.place, entry.openedOn)) return [];
    return [{ unitId: unit.id, text: entry.text, openedAt: atLocalTime(entry.openedOn, importedAtTime, timeZone) }];
  });
  if (problems.length > 0) return { status: "invalid", problems };

  const total = reports.length + difficulties.length;
  if (input.dryRun) return { status: "checked", reports: reports.length, difficulties: difficulties.length, known: 0 };
  const stored = await storeImportedProgress(deps.prisma, {
    organizationId: organization.id,
    campaignId: campaign.id,
    reports,
    difficulties,
    actor: input.actor,
    at: deps.clock.now(),
  });
  return { status: "imported", ...stored, known: total - stored.reports - stored.difficulties };
}
