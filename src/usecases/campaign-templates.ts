// Campaign templates: the built-in ones and those an office imported (`template import FILE`), which
// the org file's `campaigns:` entries name by key.
import { builtInTemplates } from "../campaign-templates.js";
import { loadImportedTemplates, storeTemplate } from "../db/template-campaign-store.js";
import { readTemplateFile } from "../domain/campaign-template-file.js";
import type { CampaignTemplate } from "../domain/campaign-template.js";
import type { OrgProblem } from "../domain/org-definition.js";
import type { UseCaseDeps } from "./deps.js";

/** Every template a campaign may name, by key: the built-in ones first. */
export async function availableTemplates(deps: Pick<UseCaseDeps, "prisma">): Promise<Map<string, CampaignTemplate>> {
  return new Map([...builtInTemplates(), ...(await loadImportedTemplates(deps.prisma))]);
}

export type TemplateImportResult =
  | { ok: true; template: CampaignTemplate; outcome: "created" | "updated" }
  | { ok: false; problems: OrgProblem[] };

/**
 * Checks a template file and stores it under its key; a file with any problem writes nothing. Campaigns
 * already imported keep the template as it was; an org file imported afterwards takes the new one.
 */
export async function importTemplateFile(
  deps: Pick<UseCaseDeps, "prisma">,
  text: string,
): Promise<TemplateImportResult> {
  const result = readTemplateFile(text);
  if (!result.ok) return result;
  const outcome = await storeTemplate(deps.prisma, result.template, text);
  return { ok: true, template: result.template, outcome };
}
