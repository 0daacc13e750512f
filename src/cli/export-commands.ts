// `export --format xlsx|csv|docx [--unit CODE] [--org CODE] [--campaign KEY] [--as-of dd/mm/yyyy] --out FILE`:
// the same workbook /xuat sends, for the whole organisation or one unit's subtree; with --campaign, that
// campaign's (its figures and its units: src/render/campaign-export-sheets.ts). CSV writes one file per sheet
// next to FILE (FILE-summary.csv, FILE-units.csv, …); docx the congress's narrative report
// (src/render/progress-report-docx.ts).
import { writeFile } from "node:fs/promises";
import { localToday } from "../clock.js";
import type { Config } from "../config.js";
import type { Locale, Translate } from "../i18n.js";
import { writeExportCsv } from "../render/export-csv.js";
import { buildCampaignSheets } from "../render/campaign-export-sheets.js";
import { buildExportSheets, type ExportSheets } from "../render/export-sheets.js";
import { exportCampaign } from "../usecases/campaigns.js";
import { writeExportWorkbook } from "../render/export-workbook.js";
import { writeProgressReportDocx } from "../render/progress-report-docx.js";
import type { UseCaseDeps } from "../usecases/deps.js";
import { exportProgress } from "../usecases/export-progress.js";
import { asOfFlag, CliError, organizationOf, requiredFlag, stringFlag, type ParsedArgs } from "./cli-error.js";
import type { CliIo } from "./run-cli.js";

interface ExportCliContext {
  deps: UseCaseDeps;
  t: Translate;
  locale: Locale;
  config: Config;
  io: CliIo;
}

const formats = ["xlsx", "csv", "docx"] as const;
type Format = (typeof formats)[number];

export async function exportCommand(
  args: ParsedArgs,
  { deps, t, locale, config, io }: ExportCliContext,
): Promise<number> {
  if (args.words.length > 1) throw new CliError(t("cli-unknown-command", { command: args.words.join(" ") }));
  const requested = args.flags.get("--format") ?? "xlsx";
  const format = formats.find((candidate) => candidate === requested);
  if (!format) throw new CliError(t("export-cli-bad-format", { value: String(requested) }));
  const out = requiredFlag(args, "--out", t);
  if (!out.toLowerCase().endsWith(`.${format}`)) throw new CliError(t("export-cli-bad-out", { file: out, format }));

  const organization = await organizationOf(deps, args, t);
  const unitCode = stringFlag(args, "--unit");
  const asOf = asOfFlag(args, t, localToday(deps.clock, config.timezone));
  const campaignKey = stringFlag(args, "--campaign");
  if (campaignKey !== undefined) {
    if (format === "docx") throw new CliError(t("export-cli-docx-congress-only", { key: campaignKey }));
    const exported = await exportCampaign(deps, {
      requester: { kind: "office", organizationId: organization.id },
      campaignKey,
      ...(unitCode !== undefined && { unitCode }),
      ...(asOf !== undefined && { asOf }),
    });
    if (exported.status === "unknown-campaign")
      throw new CliError(t("campaign-export-unknown", { value: campaignKey, keys: exported.keys.join(", ") || "—" }));
    if (exported.status !== "exported")
      throw new CliError(t("cli-unit-unknown", { value: unitCode ?? organization.code }));
    const sheets = buildCampaignSheets(t, locale, exported, { timeZone: config.timezone });
    await writeFiles(await filesFor(format, out, sheets, locale, exported.exportedAt), t, io);
    io.out(
      t("campaign-export-summary", {
        units: sheets.tables[1]!.rows.length,
        figures: sheets.tables[0]!.rows.length,
      }),
    );
    return 0;
  }
  const outcome = await exportProgress(deps, {
    requester: { kind: "office", organizationId: organization.id },
    ...(unitCode !== undefined && { unitCode }),
    ...(asOf !== undefined && { asOf }),
  });
  if (outcome.status !== "exported") {
    throw new CliError(t("cli-unit-unknown", { value: unitCode ?? organization.code }));
  }
  const { data } = outcome;
  if (format === "docx") {
    await writeFiles(
      [{ path: out, content: await writeProgressReportDocx(data, { t, locale, timeZone: config.timezone }) }],
      t,
      io,
    );
  } else {
    const sheets = buildExportSheets(data, { t, locale, timeZone: config.timezone });
    await writeFiles(await filesFor(format, out, sheets, locale, data.exportedAt), t, io);
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

async function writeFiles(files: { path: string; content: string | Buffer }[], t: Translate, io: CliIo): Promise<void> {
  for (const file of files) {
    try {
      await writeFile(file.path, file.content);
    } catch (error) {
      const reason = (error as NodeJS.ErrnoException).code ?? (error as Error).message.split("\n")[0];
      throw new CliError(t("export-cli-cannot-write", { file: file.path, reason: String(reason) }), 1);
    }
    io.out(t("cli-exported", { file: file.path }));
  }
}

async function filesFor(
  format: Exclude<Format, "docx">,
  out: string,
  sheets: ExportSheets,
  locale: Locale,
  exportedAt: Date,
): Promise<{ path: string; content: string | Buffer }[]> {
  if (format === "xlsx") return [{ path: out, content: await writeExportWorkbook(sheets, exportedAt) }];
  const base = out.slice(0, -".csv".length);
  return writeExportCsv(sheets, locale).map((file) => ({ path: `${base}-${file.key}.csv`, content: file.content }));
}
