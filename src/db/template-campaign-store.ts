// Campaign templates an office imported, and the campaigns of templates other than the congress (the
// congress campaign is read and written by org-store.ts and unit-records.ts as before).
import type { Prisma, PrismaClient } from "@prisma/client";
import type { CampaignTemplate } from "../domain/campaign-template.js";
import type { UnitLevel } from "../domain/levels.js";
import { localDateToUtcDate, utcDateToLocalDate, type LocalDate } from "../domain/local-date.js";
import { policyFromStored, samePolicy } from "../domain/reminder-settings.js";
import type { TemplateCampaign } from "../domain/template-campaign.js";
import { policyJson } from "./policy-json.js";

type Db = Prisma.TransactionClient | PrismaClient;

/** The imported templates by key. */
export async function loadImportedTemplates(db: Db): Promise<Map<string, CampaignTemplate>> {
  const rows = await db.campaignTemplate.findMany({ orderBy: { id: "asc" }, select: { key: true, definition: true } });
  return new Map(rows.map((row) => [row.key, row.definition as unknown as CampaignTemplate]));
}

/** Stores a checked template under its key ("created", or "updated" when one had the key). */
export async function storeTemplate(
  db: Db,
  template: CampaignTemplate,
  source: string,
): Promise<"created" | "updated"> {
  const existing = await db.campaignTemplate.findUnique({ where: { key: template.key }, select: { id: true } });
  const definition = template as unknown as Prisma.InputJsonObject;
  await db.campaignTemplate.upsert({
    where: { key: template.key },
    create: { key: template.key, definition, source },
    update: { definition, source },
  });
  return existing ? "updated" : "created";
}

/** What `campaigns.definition` holds for a template campaign. */
interface StoredDefinition {
  template: CampaignTemplate;
  levels: UnitLevel[];
  opensOn: LocalDate | null;
  monthlyDays: TemplateCampaign["monthlyDays"];
}

/** A template campaign as stored, with its id and whether it is open. */
export interface StoredTemplateCampaign extends TemplateCampaign {
  id: number;
  organizationId: number;
  active: boolean;
}

/** The organisations' campaigns of templates other than the congress, oldest first (open ones only by default). */
export async function loadTemplateCampaigns(
  db: Db,
  where: { organizationIds?: readonly number[]; includeClosed?: boolean } = {},
): Promise<StoredTemplateCampaign[]> {
  const rows = await db.campaign.findMany({
    where: {
      template: { not: "congress" },
      ...(where.includeClosed ? {} : { active: true }),
      ...(where.organizationIds && { organizationId: { in: [...where.organizationIds] } }),
    },
    orderBy: { id: "asc" },
    select: {
      id: true,
      organizationId: true,
      key: true,
      name: true,
      active: true,
      definition: true,
      reminderPolicy: true,
      deadlines: { orderBy: { id: "asc" }, select: { level: true, milestone: true, dueDate: true } },
    },
  });
  return rows.map((row) => {
    const stored = row.definition as unknown as StoredDefinition;
    return {
      id: row.id,
      organizationId: row.organizationId,
      active: row.active,
      key: row.key ?? String(row.id),
      name: row.name,
      template: stored.template,
      opensOn: stored.opensOn,
      levels: stored.levels,
      deadlines: row.deadlines.map((d) => ({
        level: d.level,
        milestone: d.milestone,
        date: utcDateToLocalDate(d.dueDate),
      })),
      monthlyDays: stored.monthlyDays,
      reminders: policyFromStored(row.reminderPolicy),
    };
  });
}

/** What an import changes in the template campaigns: opened (new or reopened), changed, closed. */
export function diffTemplateCampaigns(
  stored: readonly StoredTemplateCampaign[],
  next: readonly TemplateCampaign[],
): { added: string[]; updated: string[]; closed: string[] } {
  const byKey = new Map(stored.map((campaign) => [campaign.key, campaign]));
  const added: string[] = [];
  const updated: string[] = [];
  for (const campaign of next) {
    const current = byKey.get(campaign.key);
    if (!current?.active) added.push(campaign.key);
    else if (!sameCampaign(current, campaign)) updated.push(campaign.key);
  }
  const listed = new Set(next.map((campaign) => campaign.key));
  const closed = stored.filter((campaign) => campaign.active && !listed.has(campaign.key)).map((c) => c.key);
  return { added, updated, closed };
}

function sameCampaign(a: TemplateCampaign, b: TemplateCampaign): boolean {
  const facts = (campaign: TemplateCampaign) =>
    canonicalJson([
      campaign.name,
      campaign.template,
      campaign.opensOn,
      [...campaign.levels].sort(),
      campaign.deadlines.map((d) => `${d.level}:${d.milestone}:${d.date}`).sort(),
      campaign.monthlyDays.map((d) => `${d.level}:${d.milestone}:${d.day}`).sort(),
    ]);
  return facts(a) === facts(b) && samePolicy(a.reminders, b.reminders);
}

/** JSON with every object's keys sorted: jsonb gives a stored template's keys back in its own order. */
function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, item: unknown) =>
    item && typeof item === "object" && !Array.isArray(item)
      ? Object.fromEntries(Object.entries(item).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : item,
  );
}

/** Writes the listed campaigns (by key) and closes the organisation's others; their reports stay. */
export async function syncTemplateCampaigns(
  tx: Prisma.TransactionClient,
  organizationId: number,
  campaigns: readonly TemplateCampaign[],
): Promise<void> {
  await tx.campaign.updateMany({
    where: { organizationId, template: { not: "congress" }, key: { notIn: campaigns.map((c) => c.key) } },
    data: { active: false },
  });
  for (const campaign of campaigns) {
    const definition: StoredDefinition = {
      template: campaign.template,
      levels: campaign.levels,
      opensOn: campaign.opensOn,
      monthlyDays: campaign.monthlyDays,
    };
    const data = {
      name: campaign.name,
      template: campaign.template.key,
      definition: definition as unknown as Prisma.InputJsonObject,
      active: true,
      reminderPolicy: policyJson(campaign.reminders),
    };
    // A closed campaign of another key may hold the name (names are unique in an organisation): it keeps
    // its reports under its name marked with its id.
    for (const holder of await tx.campaign.findMany({
      where: { organizationId, name: campaign.name, active: false, NOT: { key: campaign.key } },
      select: { id: true },
    }))
      await tx.campaign.update({ where: { id: holder.id }, data: { name: `${campaign.name} (#${holder.id})` } });
    const stored = await tx.campaign.upsert({
      where: { organizationId_key: { organizationId, key: campaign.key } },
      create: { organizationId, key: campaign.key, ...data },
      update: data,
    });
    await replaceDeadlines(tx, stored.id, campaign.deadlines);
  }
}

/** A campaign's deadlines become exactly these (an import writes the whole set). */
export async function replaceDeadlines(
  tx: Prisma.TransactionClient,
  campaignId: number,
  deadlines: readonly { level: UnitLevel; milestone: string; date: LocalDate }[],
): Promise<void> {
  await tx.campaignDeadline.deleteMany({ where: { campaignId } });
  await tx.campaignDeadline.createMany({
    data: deadlines.map((d) => ({
      campaignId,
      level: d.level,
      milestone: d.milestone,
      dueDate: localDateToUtcDate(d.date),
    })),
  });
}
