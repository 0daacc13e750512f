// The `daihoi` command line. Parses arguments, opens the database, calls the same domain and store
// functions as the bot, and prints results. Returns an exit code; never calls process.exit itself.
import { readFile, writeFile } from "node:fs/promises";
import { localToday, systemClock, type Clock } from "../clock.js";
import type { Config } from "../config.js";
import { databaseTarget, openDatabase, type Database } from "../db/client.js";
import { DataDirLockedError, setDataDirOwner } from "../db/data-dir-lock.js";
import { CampaignProblemsError, OrgImportConflictError, type ImportOutcome } from "../db/org-store.js";
import { hasChanges } from "../domain/org-diff.js";
import { readOrgFile } from "../domain/org-file.js";
import { writeOrgCsv, writeOrgYaml } from "../domain/org-file-writer.js";
import type { OrgProblem } from "../domain/org-definition.js";
import { createI18n, translatorFor, type Locale, type Translate } from "../i18n.js";
import { renderOrgChanges } from "../render/org-changes-text.js";
import { renderStatusText } from "../render/status-text.js";
import { systemProblem, systemProblemMessage } from "../system-errors.js";
import { availableTemplates, importTemplateFile } from "../usecases/campaign-templates.js";
import type { UseCaseDeps } from "../usecases/deps.js";
import { importOrganizationDefinition, organizationDefinition } from "../usecases/organization-file.js";
import { subtreeStatus } from "../usecases/status.js";
import { asOfFlag, CliError, fileArgument, organizationOf, stringFlag, type ParsedArgs } from "./cli-error.js";
import { groupCommand } from "./group-commands.js";
import { inviteCommand } from "./invite-commands.js";
import { digestCommand, remindCommand } from "./schedule-commands.js";
import { exportCommand } from "./export-commands.js";
import { outboxCommand } from "./outbox-commands.js";
import { progressCommand } from "./progress-commands.js";
import { dbCommand } from "./db-commands.js";
import { personCommand } from "./person-commands.js";
import { webCommand } from "./web-commands.js";

export interface CliIo {
  out: (line: string) => void;
  err: (line: string) => void;
}

export interface CliDeps {
  config: Config;
  /** Tests pass an open database; otherwise one is opened from the config and closed at the end. */
  database?: Database;
  /** What "now" is for the commands (invites' expiry, today's digest, overdue): the system's unless given. */
  clock?: Clock;
}

const valueFlags = new Set([
  "--format",
  "--out",
  "--unit",
  "--campaign",
  "--org",
  "--lang",
  "--role",
  "--expires",
  "--token",
  "--id",
  "--chat",
  "--phone",
  "--as-of",
]);
const booleanFlags = new Set(["--dry-run", "--prune", "--help"]);

export async function runCli(argv: readonly string[], deps: CliDeps, io: CliIo): Promise<number> {
  const i18n = createI18n({ defaultLocale: deps.config.defaultLocale });
  let locale: Locale = deps.config.defaultLocale;
  let t: Translate = translatorFor(i18n, locale);
  let database: Database | undefined;
  // The language is chosen first, so that even an argument error is reported in it.
  const lang = argv[argv.indexOf("--lang") + 1];
  if (argv.includes("--lang") && (lang === "vi" || lang === "en")) {
    locale = lang;
    t = translatorFor(i18n, locale);
  }
  try {
    const args = parseArgs(argv, t);
    const command = args.words.join(" ");
    setDataDirOwner(`cli ${args.words.slice(0, 2).join(" ")}`);
    if (args.words.length === 0 || args.flags.has("--help")) {
      io.out(t("cli-usage"));
      return args.words.length === 0 && !args.flags.has("--help") ? 2 : 0;
    }
    const open = async (): Promise<UseCaseDeps> => {
      database ??= deps.database ?? (await openMigrated(deps.config));
      return { prisma: database.prisma, clock: deps.clock ?? systemClock, config: deps.config };
    };
    const config = deps.config;
    const [first, second] = args.words;
    if (first === "org" && second === "import") return await orgImport(args, open, t, io);
    if (first === "org" && second === "export") return await orgExport(args, await open(), t, io);
    if (first === "template" && second === "import") return await templateImport(args, open, t, io);
    if (first === "template" && second === "list") return await templateList(await open(), t, locale, io);
    if (first === "progress") return await progressCommand(args, { open, t, io });
    if (first === "status") return await status(args, await open(), t, locale, io);
    if (first === "invite") return await inviteCommand(args, { deps: await open(), t, config, io });
    if (first === "group") return await groupCommand(args, { deps: await open(), t, config, io });
    if (first === "outbox") return await outboxCommand(args, { deps: await open(), t, config, io });
    if (first === "digest") return await digestCommand(args, { deps: await open(), t, config, io });
    if (first === "remind") return await remindCommand(args, { deps: await open(), t, config, io });
    if (first === "export") return await exportCommand(args, { deps: await open(), t, locale, config, io });
    if (first === "web") return await webCommand(args, { deps: await open(), t, config, io });
    if (first === "person") return await personCommand(args, { deps: await open(), t, io });
    if (first === "db")
      return await dbCommand(args, {
        config,
        database: deps.database ?? null,
        opened: (opened) => {
          database = opened;
        },
        t,
        locale,
        io,
        now: (deps.clock ?? systemClock).now(),
      });
    throw new CliError(t("cli-unknown-command", { command }));
  } catch (error) {
    if (error instanceof CliError) {
      io.err(t("cli-error", { message: error.message }));
      return error.exitCode;
    }
    if (error instanceof DataDirLockedError) {
      io.err(t("cli-error", { message: error.explain(t) }));
      return 1;
    }
    // A data directory that cannot be written, a full disk: what is wrong and what to do, not a raw errno.
    const problem = systemProblem(error, deps.config.databaseUrl ? null : deps.config.dataDir);
    if (problem) {
      io.err(t("cli-error", { message: systemProblemMessage(t, problem) }));
      return 1;
    }
    io.err(t("cli-error", { message: (error as Error).message?.split("\n")[0] ?? String(error) }));
    return 1;
  } finally {
    if (database && database !== deps.database) await database.close();
  }
}

async function openMigrated(config: Config): Promise<Database> {
  const database = await openDatabase(databaseTarget(config));
  await database.migrate();
  return database;
}

function parseArgs(argv: readonly string[], t: Translate): ParsedArgs & { words: string[] } {
  const words: string[] = [];
  const flags = new Map<string, string | true>();
  for (let index = 0; index < argv.length; index++) {
    const arg = argv[index]!;
    if (!arg.startsWith("--")) {
      words.push(arg);
      continue;
    }
    const [name, inline] = arg.split("=", 2) as [string, string | undefined];
    if (booleanFlags.has(name)) flags.set(name, true);
    else if (valueFlags.has(name)) {
      const value = inline ?? argv[++index];
      if (value === undefined || value.startsWith("--")) throw new CliError(t("cli-missing-argument", { name }));
      flags.set(name, value);
    } else throw new CliError(t("cli-unknown-option", { option: name }));
  }
  return { words, flags };
}

function renderProblem(t: Translate, problem: OrgProblem): string {
  return `${problem.path}: ${t(`org-problem-${problem.code}`, problem.args)}`;
}

/** `template import FILE`: checks a campaign template file and stores it; a file with problems writes nothing. */
async function templateImport(
  args: ParsedArgs,
  open: () => Promise<UseCaseDeps>,
  t: Translate,
  io: CliIo,
): Promise<number> {
  const file = args.words[2];
  if (!file) throw new CliError(t("cli-missing-argument", { name: "FILE" }));
  const text = await readFile(file, "utf8").catch(() => null);
  if (text === null) throw new CliError(t("cli-file-not-found", { file }));
  if (text.length > maxTemplateFileChars) throw new CliError(t("cli-template-too-large", { file }));
  const result = await importTemplateFile(await open(), text);
  if (!result.ok) {
    io.err(t("cli-template-invalid", { file, count: result.problems.length }));
    for (const problem of result.problems) io.err(renderProblem(t, problem));
    return 1;
  }
  io.out(t("cli-template-imported", { key: result.template.key, outcome: result.outcome }));
  return 0;
}

/** A template is a page of text; a larger file is not one. */
const maxTemplateFileChars = 256 * 1024;

/** `template list`: the templates campaigns may name. */
async function templateList(deps: UseCaseDeps, t: Translate, locale: Locale, io: CliIo): Promise<number> {
  for (const template of (await availableTemplates(deps)).values())
    io.out(
      t("cli-template-line", {
        key: template.key,
        name: template.name[locale],
        recurrence: template.recurrence,
        milestones: template.milestones.map((milestone) => milestone.words[0]).join(", "),
      }),
    );
  return 0;
}

/** Larger files are refused before they are read (a 100,000-unit organisation is about 12 MB). */
export const maxOrgFileBytes = 64 * 1024 * 1024;

/** The file is read and checked before the database is opened: a bad file never touches it, and the two never share memory. */
async function orgImport(args: ParsedArgs, open: () => Promise<UseCaseDeps>, t: Translate, io: CliIo): Promise<number> {
  const { file, size } = await fileArgument(args, t);
  if (size > maxOrgFileBytes) {
    io.err(t("cli-org-too-large", { file, size: megabytes(size), max: megabytes(maxOrgFileBytes) }));
    return 1;
  }
  const progress = terminalProgress();
  try {
    progress.show(t("cli-progress-checking"));
    const result = await readAndCheck(file, t);
    if (!result.ok) {
      progress.clear();
      io.err(t("cli-org-invalid", { file, count: result.problems.length }));
      for (const problem of result.problems) io.err(renderProblem(t, problem));
      return 1;
    }
    progress.clear();
    for (const warning of result.warnings) {
      io.out(t("cli-org-warning", { place: warning.path, message: t(`org-problem-${warning.code}`, warning.args) }));
    }
    const dryRun = args.flags.has("--dry-run");
    const definition = result.definition;
    const deps = await open();
    let outcome: ImportOutcome;
    try {
      outcome = await importOrganizationDefinition(deps, definition, {
        prune: args.flags.has("--prune"),
        dryRun,
        progress: (step, done, total) =>
          progress.show(
            t("cli-progress-import", {
              step,
              done: done ?? 0,
              total: total ?? 0,
              counted: total === undefined ? "no" : "yes",
            }),
          ),
      });
    } catch (error) {
      progress.clear();
      if (error instanceof CampaignProblemsError) {
        io.err(t("cli-org-invalid", { file, count: error.problems.length }));
        for (const problem of error.problems) io.err(renderProblem(t, problem));
        return 1;
      }
      if (!(error instanceof OrgImportConflictError)) throw error;
      io.err(t("cli-org-conflict", { file }));
      return 1;
    }
    progress.clear();
    const lines = renderOrgChanges(t, outcome.changes);
    // Nothing to apply may still list what the file leaves out (units kept until --prune).
    if (!hasChanges(outcome.changes)) io.out(t("cli-org-no-changes"));
    else io.out(dryRun ? t("cli-org-dry-run") : t("cli-org-applied", { organization: definition.organization.name }));
    for (const line of lines) io.out(line);
    return 0;
  } finally {
    progress.clear();
  }
}

/** In a function of its own, so that the file's text and its parsed values are garbage before the database opens. */
async function readAndCheck(file: string, t: Translate): Promise<ReturnType<typeof readOrgFile>> {
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch {
    throw new CliError(t("cli-file-not-found", { file }));
  }
  return readOrgFile(text, /\.csv$/i.test(file) ? "csv" : "yaml");
}

const megabytes = (bytes: number) => Math.ceil(bytes / (1024 * 1024));

/** One line of progress on a terminal (stderr), rewritten in place, at most 5 times a second; nothing in a pipe. */
function terminalProgress(): { show(line: string): void; clear(): void } {
  const stream = process.stderr;
  if (!stream.isTTY) return { show: () => undefined, clear: () => undefined };
  let shown = false;
  let last = 0;
  return {
    show(line) {
      const now = Date.now();
      if (shown && now - last < 200) return;
      last = now;
      shown = true;
      stream.write(`\r${line.slice(0, Math.max(10, (stream.columns ?? 80) - 1))}\x1b[K`);
    },
    clear() {
      if (shown) stream.write("\r\x1b[K");
      shown = false;
    },
  };
}

async function orgExport(args: ParsedArgs, deps: UseCaseDeps, t: Translate, io: CliIo): Promise<number> {
  const format = args.flags.get("--format") ?? "yaml";
  if (format !== "yaml" && format !== "csv")
    throw new CliError(t("org-problem-one-of", { value: String(format), values: "yaml, csv" }));
  const organization = await organizationOf(deps, args, t);
  const definition = await organizationDefinition(deps, organization.code);
  if (!definition) throw new CliError(t("cli-org-unknown", { value: organization.code }), 1);
  const text = format === "csv" ? writeOrgCsv(definition) : writeOrgYaml(definition);
  const out = stringFlag(args, "--out");
  if (out !== undefined) {
    await writeFile(out, text, "utf8");
    io.out(t("cli-exported", { file: out }));
  } else io.out(text.trimEnd());
  return 0;
}

async function status(args: ParsedArgs, deps: UseCaseDeps, t: Translate, locale: Locale, io: CliIo): Promise<number> {
  const organization = await organizationOf(deps, args, t);
  const unitCode = stringFlag(args, "--unit");
  const asOf = asOfFlag(args, t, localToday(deps.clock, deps.config.timezone));
  const outcome = await subtreeStatus(deps, {
    organizationId: organization.id,
    ...(unitCode !== undefined && { unitCode }),
    ...(asOf !== undefined && { asOf }),
  });
  if (outcome.status === "unknown-unit")
    throw new CliError(t("cli-unit-unknown", { value: unitCode ?? organization.code }));
  io.out(renderStatusText(t, locale, outcome));
  return 0;
}
