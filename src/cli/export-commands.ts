// `export --format xlsx|csv [--unit CODE] [--org CODE] --out FILE`: the same workbook /xuat sends, for
// the whole organisation or one unit's subtree. CSV writes one file per sheet next to FILE
// (FILE-units.csv, FILE-elections.csv, FILE-statistics.csv, FILE-difficulties.csv).
import { writeFile } from "node:fs/promises";
import type { Config } from "../config.js";
import type { Database } from "../db/client.js";
import { loadExportData } from "../db/export-store.js";
import { localDateTime } from "../domain/invite-token.js";
import type { Locale, Translate } from "../i18n.js";
import { writeExportCsv } from "../render/export-csv.js";
import { buildExportSheets } from "../render/export-sheets.js";
import { writeExportWorkbook } from "../render/export-workbook.js";
import type { CliIo } from "./run-cli.js";

interface ExportArgs {
  words: readonly string[];
  flags: ReadonlyMap<string, string | true>;
}

interface ExportCliContext {
  t: Translate;
  locale: Locale;
  config: Config;
  io: CliIo;
}

/** An argument error (exit 2) or a failure to do what was asked (exit 1), printed as one line. */
class ExportCliError extends Error {
  constructor(
    message: string,
    readonly exitCode: 1 | 2 = 2,
  ) {
    super(message);
  }
}

const formats = ["xlsx", "csv"] as const;
type Format = (typeof formats)[number];

export async function exportCommand(args: ExportArgs, database: Database, context: ExportCliContext): Promise<number> {
  const { t, io } = context;
  try {
    return await runExport(args, database, context);
  } catch (error) {
    if (!(error instanceof ExportCliError)) throw error;
    io.err(t("cli-error", { message: error.message }));
    return error.exitCode;
  }
}

async function runExport(
  args: ExportArgs,
  database: Database,
  { t, locale, config, io }: ExportCliContext,
): Promise<number> {
  if (args.words.length > 1) throw new ExportCliError(t("cli-unknown-command", { command: args.words.join(" ") }));
  const requested = args.flags.get("--format") ?? "xlsx";
  const format = formats.find((candidate) => candidate === requested);
  if (!format) throw new ExportCliError(t("export-cli-bad-format", { value: String(requested) }));
  const out = args.flags.get("--out");
  if (typeof out !== "string") throw new ExportCliError(t("cli-missing-argument", { name: "--out" }));
  if (!out.toLowerCase().endsWith(`.${format}`))
    throw new ExportCliError(t("export-cli-bad-out", { file: out, format }));

  const organization = await resolveOrganization(args, database, t);
  const unitCode = args.flags.get("--unit");
  const unit = await database.prisma.unit.findFirst({
    where: {
      organizationId: organization.id,
      archivedAt: null,
      ...(typeof unitCode === "string"
        ? { code: { equals: unitCode, mode: "insensitive" as const } }
        : { parentId: null }),
    },
    select: { id: true, code: true, name: true, path: true },
  });
  if (!unit) throw new ExportCliError(t("cli-unit-unknown", { value: String(unitCode ?? organization.code) }));

  const exportedAt = new Date();
  const today = localDateTime(exportedAt, config.timezone).date;
  const data = await loadExportData(database.prisma, {
    organizationId: organization.id,
    roots: [unit],
    exportedAt,
    today,
    timeZone: config.timezone,
  });
  const sheets = buildExportSheets(data, { t, timeZone: config.timezone });
  const files = await filesFor(format, out, sheets, locale, data.exportedAt);
  for (const file of files) {
    try {
      await writeFile(file.path, file.content);
    } catch (error) {
      const reason = (error as NodeJS.ErrnoException).code ?? (error as Error).message.split("\n")[0];
      throw new ExportCliError(t("export-cli-cannot-write", { file: file.path, reason: String(reason) }), 1);
    }
    io.out(t("cli-exported", { file: file.path }));
  }
  io.out(
    t("export-cli-summary", {
      units: data.units.length,
      elections: data.elections.length,
      difficulties: data.difficulties.length,
    }),
  );
  return 0;
}

async function filesFor(
  format: Format,
  out: string,
  sheets: ReturnType<typeof buildExportSheets>,
  locale: Locale,
  exportedAt: Date,
): Promise<{ path: string; content: string | Buffer }[]> {
  if (format === "xlsx") return [{ path: out, content: await writeExportWorkbook(sheets, exportedAt) }];
  const base = out.slice(0, -".csv".length);
  return writeExportCsv(sheets, locale).map((file) => ({ path: `${base}-${file.key}.csv`, content: file.content }));
}

async function resolveOrganization(
  args: ExportArgs,
  database: Database,
  t: Translate,
): Promise<{ id: number; code: string }> {
  const requested = args.flags.get("--org");
  const organizations = await database.prisma.organization.findMany({
    select: { id: true, code: true },
    orderBy: { id: "asc" },
  });
  if (typeof requested === "string") {
    const organization = organizations.find((candidate) => candidate.code === requested);
    if (!organization) throw new ExportCliError(t("cli-org-unknown", { value: requested }));
    return organization;
  }
  if (organizations.length === 0) throw new ExportCliError(t("cli-org-not-found"), 1);
  if (organizations.length > 1)
    throw new ExportCliError(t("cli-org-choose", { list: organizations.map((o) => o.code).join(", ") }));
  return organizations[0]!;
}
