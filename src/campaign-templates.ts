// The built-in campaign templates (templates/*.yaml), read once with the same checks as an office's own
// template file: a built-in that does not read cleanly stops the program at its first use.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { builtInTemplateKeys, readTemplateFile } from "./domain/campaign-template-file.js";
import type { CampaignTemplate } from "./domain/campaign-template.js";

export const templatesDir = fileURLToPath(new URL("../templates", import.meta.url));

let builtIns: Map<string, CampaignTemplate> | null = null;

/** The built-in templates by key: congress, review, study, meeting. */
export function builtInTemplates(): ReadonlyMap<string, CampaignTemplate> {
  if (builtIns) return builtIns;
  const read = new Map<string, CampaignTemplate>();
  for (const key of builtInTemplateKeys) {
    const result = readTemplateFile(readFileSync(`${templatesDir}/${key}.yaml`, "utf8"), { builtIn: true });
    if (!result.ok)
      throw new Error(`templates/${key}.yaml: ${result.problems.map((p) => `${p.path} ${p.code}`).join("; ")}`);
    read.set(key, result.template);
  }
  builtIns = read;
  return read;
}
