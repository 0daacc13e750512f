// `progress import FILE [--dry-run] [--org CODE]`: loads a progress file (docs/progress-file.md), the
// reports an office already has and the difficulties raised, each on the day it reached the office.
// A file with any problem writes nothing; every problem is listed with its place in the file.
import { readFile } from "node:fs/promises";
import { readProgressFile, type ProgressFileProblem } from "../domain/progress-file.js";
import type { Translate } from "../i18n.js";
import { draftProblemText, reportLineProblemText } from "../render/report-problem-text.js";
import type { UseCaseDeps } from "../usecases/deps.js";
import { importProgress, type ProgressImportProblem } from "../usecases/progress-import.js";
import { CliError, fileArgument, organizationOf, type ParsedArgs } from "./cli-error.js";
import type { CliIo } from "./run-cli.js";

/** A district's whole campaign is well under 1 MB; a far larger file is not a progress file. */
const maxProgressFileBytes = 32 * 1024 * 1024;

export async function progressCommand(
  args: ParsedArgs,
  context: { open: () => Promise<UseCaseDeps>; t: Translate; io: CliIo },
): Promise<number> {
  const { t, io } = context;
  if (args.words[1] !== "import" || args.words.length > 3)
    throw new CliError(t("cli-unknown-command", { command: args.words.join(" ") }));
  const { file, size } = await fileArgument(args, t);
  if (size > maxProgressFileBytes) throw new CliError(t("cli-progress-too-large", { file }), 1);
  const read = readProgressFile(await readFile(file, "utf8"));
  if (!read.ok) return invalid(read.problems, file, t, io);
  const deps = await context.open();
  const organization = await organizationOf(deps, args, t);
  const dryRun = args.flags.has("--dry-run");
  const outcome = await importProgress(deps, { organization, file: read.file, dryRun, actor: "cli" });
  if (outcome.status === "invalid") return invalid(outcome.problems, file, t, io);
  if (outcome.status === "no-campaign") throw new CliError(t("cli-progress-no-campaign"), 1);
  io.out(t(outcome.status === "checked" ? "cli-progress-checked" : "cli-progress-imported", { ...outcome }));
  return 0;
}

function invalid(
  problems: readonly (ProgressFileProblem | ProgressImportProblem)[],
  file: string,
  t: Translate,
  io: CliIo,
) {
  io.err(t("cli-org-invalid", { file, count: problems.length }));
  for (const problem of problems) io.err(problemText(t, problem));
  return 1;
}

function problemText(t: Translate, problem: ProgressFileProblem | ProgressImportProblem): string {
  if (problem.kind === "file")
    return `${problem.problem.path}: ${t(`org-problem-${problem.problem.code}`, problem.problem.args)}`;
  if (problem.kind === "line")
    return `${problem.place}: ${reportLineProblemText(t, problem.problem, problem.reportedOn)}`;
  return `${problem.place}: ${draftProblemText(t, problem.problem)}`;
}
