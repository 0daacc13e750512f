// /xuat (/export) [CODE]: the Excel workbook of the units the person may see (docs/export.md), sent
// as a document in private chat. Without a code: every subtree their roles cover; with one: that
// unit's subtree, if it lies inside them. /xuat KEY [CODE]: another campaign's workbook (docs/campaigns.md).
import { Composer, InputFile } from "grammy";
import { scopeRoots } from "../../domain/scope.js";
import { exportProgress } from "../../usecases/export-progress.js";
import { localDateTime } from "../../domain/invite-token.js";
import { formatLocalDate } from "../../domain/local-date.js";
import type { Locale, Translate } from "../../i18n.js";
import { buildCampaignSheets } from "../../render/campaign-export-sheets.js";
import { exportCampaign, openCampaigns } from "../../usecases/campaigns.js";
import { buildExportSheets } from "../../render/export-sheets.js";
import { writeExportWorkbook } from "../../render/export-workbook.js";
import { writeProgressReportDocx } from "../../render/progress-report-docx.js";
import type { BotContext } from "../context.js";
import { unitCodePattern } from "../../domain/unit-code.js";

export const exportFeature = new Composer<BotContext>();

const commands = ["xuat", "export"];
/** Subtrees named one by one in the caption; past this, their codes. */
const captionNames = 3;

exportFeature.chatType(["group", "supergroup"]).command(commands, async (ctx) => {
  await ctx.reply(ctx.t("export-private-only", { bot: ctx.me.username }));
});

exportFeature.chatType("private").command(commands, async (ctx) => {
  const person = ctx.person;
  if (!person) {
    await ctx.reply(ctx.t("start-unknown"));
    return;
  }
  // Refused before the argument is read: someone who may export nothing learns that first.
  const example = scopeRoots(person, "export")[0]?.code;
  if (example === undefined) {
    await ctx.reply(ctx.t("export-not-allowed"));
    return;
  }
  const args = ctx.match.trim().split(/\s+/).filter(Boolean);
  // /xuat KEY [CODE]: another campaign's workbook (its figures and its units).
  const campaigns = await openCampaigns(ctx.deps, [person.organizationId]);
  const campaign = campaigns.find((candidate) => candidate.key === args[0]?.toLowerCase());
  if (campaign) return sendCampaignWorkbook(ctx, person, campaign.key, args[1], example);
  const code = ctx.match.trim();
  if (code && !unitCodePattern.test(code)) {
    await ctx.reply(ctx.t("export-bad-code", { code: code.slice(0, 32), example }));
    return;
  }
  const outcome = await exportProgress(ctx.deps, {
    requester: { kind: "person", person },
    ...(code && { unitCode: code }),
  });
  switch (outcome.status) {
    case "not-allowed":
      await ctx.reply(ctx.t("export-not-allowed"));
      return;
    case "unknown-unit":
      await ctx.reply(ctx.t("export-unknown-unit", { code, example }));
      return;
    case "out-of-scope":
      await ctx.reply(
        ctx.t("export-unit-not-allowed", {
          unit: outcome.unit.name,
          code: outcome.unit.code,
          allowed: outcome.allowed.join(", "),
          example,
        }),
      );
      return;
  }

  await ctx.replyWithChatAction("upload_document");
  const t: Translate = (key, args) => ctx.t(key, args);
  const timeZone = ctx.deps.config.timezone;
  const { data, scope } = outcome;
  const locale: Locale = (await ctx.i18n.getLocale()) === "en" ? "en" : "vi";
  const workbook = await writeExportWorkbook(buildExportSheets(data, { t, locale, timeZone }), data.exportedAt);
  const local = localDateTime(data.exportedAt, timeZone);
  const fileName = `${ctx.t("export-file-name")}-${scope.length === 1 ? scope[0]!.code : data.organization.code}-${local.date.replaceAll("-", "")}-${local.time.replace(":", "")}.xlsx`;
  const scopeText =
    scope.length <= captionNames
      ? scope.map((unit) => `${unit.name} (${unit.code})`).join("; ")
      : scope.map((unit) => unit.code).join(", ");
  ctx.log.info(
    { personId: person.id, scope: scope.map((unit) => unit.code), units: data.units.length, bytes: workbook.length },
    "export sent",
  );
  await ctx.replyWithDocument(new InputFile(workbook, fileName), {
    caption: ctx
      .t("export-caption", { scope: scopeText, time: local.time, date: formatLocalDate(local.date) })
      .slice(0, 1024),
  });
  // Beside the workbook, the same figures as a report in the offices' words, to edit and sign.
  const report = await writeProgressReportDocx(data, { t, locale, timeZone });
  const reportName = `${ctx.t("narrative-file-name")}-${scope.length === 1 ? scope[0]!.code : data.organization.code}-${local.date.replaceAll("-", "")}.docx`;
  await ctx.replyWithDocument(new InputFile(report, reportName), {
    caption: ctx.t("narrative-caption", { scope: scopeText, date: formatLocalDate(data.today) }).slice(0, 1024),
  });
});

async function sendCampaignWorkbook(
  ctx: BotContext,
  person: NonNullable<BotContext["person"]>,
  key: string,
  code: string | undefined,
  example: string,
): Promise<void> {
  const outcome = await exportCampaign(ctx.deps, {
    requester: { kind: "person", person },
    campaignKey: key,
    ...(code !== undefined && { unitCode: code }),
  });
  switch (outcome.status) {
    case "not-allowed":
    case "unknown-campaign":
      return void (await ctx.reply(ctx.t("export-not-allowed")));
    case "unknown-unit":
      return void (await ctx.reply(ctx.t("export-unknown-unit", { code: code ?? "", example })));
    case "out-of-scope":
      return void (await ctx.reply(
        ctx.t("export-unit-not-allowed", {
          unit: outcome.unit.name,
          code: outcome.unit.code,
          allowed: outcome.allowed.join(", "),
          example,
        }),
      ));
  }
  await ctx.replyWithChatAction("upload_document");
  const t: Translate = (name, args) => ctx.t(name, args);
  const locale: Locale = (await ctx.i18n.getLocale()) === "en" ? "en" : "vi";
  const timeZone = ctx.deps.config.timezone;
  const sheets = buildCampaignSheets(t, locale, outcome, { timeZone });
  const workbook = await writeExportWorkbook(sheets, outcome.exportedAt);
  const local = localDateTime(outcome.exportedAt, timeZone);
  const scope = outcome.sections.map(({ root }) => root);
  const fileName = `${ctx.t("export-file-name")}-${key}-${scope.length === 1 ? scope[0]!.code : "all"}-${local.date.replaceAll("-", "")}.xlsx`;
  ctx.log.info({ personId: person.id, campaign: key, scope: scope.map((unit) => unit.code) }, "campaign export sent");
  await ctx.replyWithDocument(new InputFile(workbook, fileName), {
    caption: `${outcome.campaign.name}\n${ctx.t("export-caption", {
      scope: scope.map((unit) => `${unit.name} (${unit.code})`).join("; "),
      time: local.time,
      date: formatLocalDate(local.date),
    })}`.slice(0, 1024),
  });
}
