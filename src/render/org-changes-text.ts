// What an import did (or would do), as lines for the command line.
import type { Translate } from "../i18n.js";
import type { OrgChanges } from "../domain/org-diff.js";
import { formatHolidayRange, weekdayNames } from "../domain/reminder-policy.js";

const listLimit = 10;

export function renderOrgChanges(t: Translate, changes: OrgChanges): string[] {
  const lines: string[] = [];
  const list = (items: readonly string[]) =>
    items.length <= listLimit
      ? items.join(", ")
      : `${items.slice(0, listLimit).join(", ")}, … (+${items.length - listLimit})`;
  const add = (key: string, items: readonly string[], withList = false) => {
    if (items.length > 0)
      lines.push(t(key, withList ? { count: items.length, list: list(items) } : { count: items.length }));
  };
  if (changes.organization === "create") lines.push(t("cli-org-created"));
  if (changes.organization === "rename") lines.push(t("cli-org-renamed"));
  if (changes.organization === "letterhead") lines.push(t("cli-org-letterhead"));
  add("cli-org-units-added", changes.unitsAdded);
  add(
    "cli-org-units-updated",
    changes.unitsUpdated.map((update) => `${update.code} (${update.fields.join(", ")})`),
    true,
  );
  add("cli-org-units-restored", changes.unitsRestored, true);
  add(changes.prune ? "cli-org-units-archived" : "cli-org-units-missing", changes.unitsMissing, true);
  add("cli-org-people-added", changes.peopleAdded);
  add(
    "cli-org-people-updated",
    changes.peopleUpdated.map((update) => update.phone),
  );
  add(
    "cli-org-roles-added",
    changes.rolesAdded.map((role) => role.unitCode),
  );
  add(
    "cli-org-roles-removed",
    changes.rolesRemoved.map((role) => role.unitCode),
  );
  add("cli-org-groups-added", changes.groupsAdded);
  add("cli-org-groups-updated", changes.groupsUpdated, true);
  add(changes.prune ? "cli-org-groups-removed" : "cli-org-groups-missing", changes.groupsMissing, true);
  if (changes.campaign === "create") lines.push(t("cli-org-campaign-created"));
  if (changes.campaign === "update") lines.push(t("cli-org-campaign-updated"));
  add("cli-org-campaigns-opened", changes.templateCampaigns?.added ?? [], true);
  add("cli-org-campaigns-updated", changes.templateCampaigns?.updated ?? [], true);
  add("cli-org-campaigns-closed", changes.templateCampaigns?.closed ?? [], true);
  if (changes.reminders) {
    const { policy } = changes.reminders;
    lines.push(
      policy
        ? t("cli-org-reminders-set", {
            daysBefore: policy.daysBefore.length > 0 ? policy.daysBefore.join(", ") : "none",
            overdueEvery: policy.overdueEvery,
            time: policy.time,
            daysOff: policy.daysOff.length > 0 ? policy.daysOff.map((day) => weekdayNames[day]).join(", ") : "none",
            publicHolidays: policy.publicHolidays ? "on" : "off",
            holidays: policy.holidays.length > 0 ? policy.holidays.map(formatHolidayRange).join(", ") : "none",
          })
        : t("cli-org-reminders-default"),
    );
  }
  return lines;
}
