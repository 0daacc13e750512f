// A progress file: what an office already knows of its congress campaign, written down as the reports
// its secretaries made and the day each reached the office, with the difficulties raised. An office
// moving from its Excel tables loads one (`progress import`), and the demo's state as the district heard
// it on 26/02/2020 is one (examples/long-bien-2020-02-26.yaml). Each `report` is a one-line report as a
// secretary types it after /baocao ("daihoi 14/02/2020 bch=3/3 nu=1"), read by the same parser and,
// in the use case, checked by the same rules as one typed in the bot. Format: docs/progress-file.md.
import { z } from "zod";
import type { OrgProblem } from "./org-definition.js";
import { codeSchema, dateSchema, optional } from "./org-file-schema.js";
import { readYamlValue, zodProblems } from "./org-file.js";
import { parseLocalDate, type LocalDate } from "./local-date.js";
import { parseReportLine, type LineProblem, type ParsedReportLine } from "./report-line.js";

/** A file of a whole district's campaign is a few thousand lines; a larger one is not a progress file. */
export const maxProgressEntries = 200_000;

const progressFileSchema = z.strictObject({
  organization: codeSchema,
  reports: optional(
    z
      .array(
        z.strictObject({
          unit: codeSchema,
          on: dateSchema,
          report: z.string().trim().min(1).max(500),
        }),
      )
      .max(maxProgressEntries),
  ),
  difficulties: optional(
    z
      .array(
        z.strictObject({
          unit: codeSchema,
          on: dateSchema,
          text: z.string().trim().min(1).max(1000),
        }),
      )
      .max(maxProgressEntries),
  ),
});

export interface ProgressReportEntry {
  /** Where it is in the file ("reports[3]"), to name it in a problem. */
  place: string;
  unitCode: string;
  /** The office's day the report reached it: what "reported late" and "as of" are judged by. */
  reportedOn: LocalDate;
  line: ParsedReportLine;
}

export interface ProgressDifficultyEntry {
  place: string;
  unitCode: string;
  openedOn: LocalDate;
  text: string;
}

export interface ProgressFile {
  organizationCode: string;
  reports: ProgressReportEntry[];
  difficulties: ProgressDifficultyEntry[];
}

/** A problem of the file: of its shape (an org-file problem), or of one report line (the bot's words for it). */
export type ProgressFileProblem =
  | { kind: "file"; problem: OrgProblem }
  | { kind: "line"; place: string; problem: LineProblem; reportedOn: LocalDate };

export type ProgressFileResult = { ok: true; file: ProgressFile } | { ok: false; problems: ProgressFileProblem[] };

export function readProgressFile(text: string): ProgressFileResult {
  const value = readYamlValue(text);
  if (!value.ok) return { ok: false, problems: value.problems.map((problem) => ({ kind: "file", problem })) };
  const parsed = progressFileSchema.safeParse(value.value, { reportInput: true });
  if (!parsed.success)
    return { ok: false, problems: zodProblems(parsed.error).map((problem) => ({ kind: "file", problem })) };
  const problems: ProgressFileProblem[] = [];
  const reports: ProgressReportEntry[] = [];
  (parsed.data.reports ?? []).forEach((entry, index) => {
    const place = `reports[${index}]`;
    const reportedOn = parseLocalDate(entry.on)!;
    const line = parseReportLine(entry.report, reportedOn);
    if (!line.ok) {
      for (const problem of line.problems)
        problems.push({ kind: "line", place: `${place}.report`, problem, reportedOn });
      return;
    }
    // The line names the unit or the entry does; never two different ones.
    if (line.line.unitCode !== null && line.line.unitCode.toUpperCase() !== entry.unit.toUpperCase()) {
      problems.push({
        kind: "file",
        problem: {
          path: `${place}.report`,
          code: "progress-other-unit",
          args: { value: line.line.unitCode, unit: entry.unit },
        },
      });
      return;
    }
    reports.push({ place, unitCode: entry.unit, reportedOn, line: line.line });
  });
  if (problems.length > 0) return { ok: false, problems };
  return {
    ok: true,
    file: {
      organizationCode: parsed.data.organization,
      reports,
      difficulties: (parsed.data.difficulties ?? []).map((entry, index) => ({
        place: `difficulties[${index}]`,
        unitCode: entry.unit,
        openedOn: parseLocalDate(entry.on)!,
        text: entry.text,
      })),
    },
  };
}
