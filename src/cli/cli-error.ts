// What the command line's parts share: an error printed as one line with its exit code, and the
// organisation a command means (--org, or the only one in the database).
import { stat } from "node:fs/promises";
import type { OrganizationRef } from "../db/org-store.js";
import { formatLocalDate, type LocalDate } from "../domain/local-date.js";
import { parseUserDate } from "../domain/user-date.js";
import type { Translate } from "../i18n.js";
import type { UseCaseDeps } from "../usecases/deps.js";
import { resolveOrganization } from "../usecases/organization.js";

/** An argument error (exit 2, the default) or a refusal or failure (exit 1), printed as one line. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: 1 | 2 = 2,
  ) {
    super(message);
  }
}

export interface ParsedArgs {
  words: readonly string[];
  flags: ReadonlyMap<string, string | true>;
}

/** The value of a flag that takes one, or undefined when it is absent. */
export function stringFlag(args: ParsedArgs, name: string): string | undefined {
  const value = args.flags.get(name);
  return typeof value === "string" ? value : undefined;
}

export function requiredFlag(args: ParsedArgs, name: string, t: Translate): string {
  const value = stringFlag(args, name);
  if (value === undefined) throw new CliError(t("cli-missing-argument", { name }));
  return value;
}

export async function organizationOf(deps: UseCaseDeps, args: ParsedArgs, t: Translate): Promise<OrganizationRef> {
  const choice = await resolveOrganization(deps, stringFlag(args, "--org"));
  switch (choice.status) {
    case "found":
      return choice.organization;
    case "unknown":
      throw new CliError(t("cli-org-unknown", { value: choice.code }));
    case "none":
      throw new CliError(t("cli-org-not-found"), 1);
    case "choose":
      throw new CliError(t("cli-org-choose", { list: choice.codes.join(", ") }));
  }
}

/** The FILE a command names as its third word, and its size; a missing argument or file is an argument error. */
export async function fileArgument(args: ParsedArgs, t: Translate): Promise<{ file: string; size: number }> {
  const file = args.words[2];
  if (!file) throw new CliError(t("cli-missing-argument", { name: "FILE" }));
  const size = await stat(file).then(
    (stats) => stats.size,
    () => null,
  );
  if (size === null) throw new CliError(t("cli-file-not-found", { file }));
  return { file, size };
}

/**
 * `--as-of dd/mm/yyyy`: the office's day the figures are computed for (the reports known by its end).
 * A day after today is refused: nothing is known of it yet.
 */
export function asOfFlag(args: ParsedArgs, t: Translate, today: LocalDate): LocalDate | undefined {
  const value = stringFlag(args, "--as-of");
  if (value === undefined) return undefined;
  const parsed = /\d{4}/.test(value) ? parseUserDate(value, today) : null;
  if (!parsed?.ok) throw new CliError(t("cli-as-of-invalid", { value }));
  if (parsed.date > today)
    throw new CliError(t("cli-as-of-future", { date: formatLocalDate(parsed.date), today: formatLocalDate(today) }));
  return parsed.date;
}
