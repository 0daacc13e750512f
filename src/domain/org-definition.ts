// An organisation as the org file describes it, after validation: the shape import, export and diff share.
import type { LocalDate } from "./local-date.js";
import type { Milestone, Role, UnitLevel } from "./levels.js";
import type { ReminderPolicy } from "./reminder-policy.js";
import type { TemplateCampaignEntry } from "./template-campaign.js";

export interface OrgDefinition {
  organization: { code: string; name: string } & Partial<Letterhead>;
  /** The congress campaign. null: the file does not describe one (CSV form), so the stored one is left as it is. */
  campaign: CampaignDefinition | null;
  /**
   * The other campaigns (`campaigns:` entries with another template), as written. Null or absent: the file
   * does not list campaigns, so the stored ones are left as they are; a list closes the stored ones not on it.
   */
  templateCampaigns?: TemplateCampaignEntry[] | null;
  units: UnitDefinition[];
  people: PersonDefinition[];
  /** null: the file does not describe working groups (CSV form). */
  workingGroups: WorkingGroupDefinition[] | null;
  /** "exact": each listed person's roles become the listed ones; "add": listed roles are added to theirs. */
  rolesMode: "exact" | "add";
}

export interface CampaignDefinition {
  /** Its key when the file lists it under `campaigns:`; null for the single `campaign:` form. */
  key?: string | null;
  name: string;
  deadlines: { level: UnitLevel; milestone: Milestone; date: LocalDate }[];
  terms: { level: UnitLevel; term: string }[];
  /** The `reminders` section with the defaults filled in; null or absent: the file has none (defaults apply). */
  reminders?: ReminderPolicy | null;
}

export interface UnitDefinition {
  code: string;
  name: string;
  level: UnitLevel;
  parentCode: string | null;
  pilotDate: LocalDate | null;
  term: string | null;
}

export interface PersonDefinition {
  name: string;
  phone: string; // normalised +84…
  locale: "vi" | "en" | null;
  roles: { role: Role; unitCode: string }[];
}

export interface WorkingGroupDefinition {
  name: string;
  leaderPhone: string;
  memberPhones: string[];
  unitCodes: string[];
}

/** One problem found in a file, rendered through the locale files as `<path>: <message>`. */
export interface OrgProblem {
  path: string;
  code: string;
  args?: Record<string, string | number>;
}

/**
 * What the office's documents carry at their head (the summary workbook, the narrative report): the
 * superior party organisation ("Đảng bộ thành phố Hà Nội"), the issuing committee ("Quận ủy Long Biên")
 * and the place the documents are dated at ("Long Biên"). Null: not given (the committee and place are
 * then read off the organisation's name, src/domain/letterhead.ts). Absent from a definition: the file
 * does not describe them (CSV form), so the stored ones are left as they are.
 */
export interface Letterhead {
  superior: string | null;
  committee: string | null;
  place: string | null;
}
