// The organisation file (YAML or CSV): imported by the office (`org import`, and the sandbox's demo), and
// written back from the database (`org export`) so that it imports to the same state.
import {
  importOrganization,
  loadStoredOrganization,
  type ImportOutcome,
  type ImportProgress,
} from "../db/org-store.js";
import type { OrgDefinition } from "../domain/org-definition.js";
import { availableTemplates } from "./campaign-templates.js";
import type { UseCaseDeps } from "./deps.js";

/**
 * Checks the definition against the database and, unless `dryRun`, applies it: all or nothing. Throws
 * OrgImportConflictError when another import landed between the read and the write, and
 * CampaignProblemsError (nothing written) when a `campaigns:` entry does not fit its template.
 */
export async function importOrganizationDefinition(
  deps: Pick<UseCaseDeps, "prisma">,
  definition: OrgDefinition,
  options: { prune: boolean; dryRun: boolean; progress?: ImportProgress; actor?: "cli" | "sandbox" },
): Promise<ImportOutcome> {
  const templates = definition.templateCampaigns ? await availableTemplates(deps) : undefined;
  return importOrganization(deps.prisma, definition, {
    ...options,
    actor: options.actor ?? "cli",
    ...(templates && { templates }),
  });
}

/** The organisation as its file would describe it; null when there is no organisation with this code. */
export async function organizationDefinition(
  deps: Pick<UseCaseDeps, "prisma">,
  code: string,
): Promise<OrgDefinition | null> {
  return (await loadStoredOrganization(deps.prisma, code))?.definition ?? null;
}
