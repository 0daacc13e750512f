// The greeting of a person the bot knows: by roster name, each unit with their roles, and for units
// they report for, the next thing due. Shown by /start and right after an invite or a shared phone binds them.
import { findPeopleByTelegramId, type PersonProfile } from "../db/people-store.js";
import { loadUnitsById } from "../db/unit-records.js";
import { congressPlan } from "../domain/campaign-plan.js";
import { nextOpen, unitChecklist, type ChecklistItem } from "../domain/checklist.js";
import type { Role } from "../domain/levels.js";
import type { LocalDate } from "../domain/local-date.js";
import type { Translate } from "../i18n.js";
import { renderNextDue } from "../render/checklist-text.js";
import type { BotContext, BotDeps } from "./context.js";
import { todayFor } from "./today.js";

const reportingRoles: readonly Role[] = ["secretary", "deputy", "reporter"];

/**
 * Null when the Telegram user is on no roster. `people`: their roster entries when the caller has just read
 * them (findPeopleByTelegramId), so that they are not read again.
 */
export async function greetingText(
  ctx: BotContext & { from: { id: number } },
  options: { justBound?: boolean; people?: readonly PersonProfile[] } = {},
): Promise<string | null> {
  const t: Translate = (key, args) => ctx.t(key, args);
  const people = options.people ?? (await findPeopleByTelegramId(ctx.deps.prisma, ctx.from.id));
  if (people.length === 0) return null;
  // One row per unit, in the order the roles were given, across every roster the user is on.
  const units = new Map<number, { name: string; roles: Role[] }>();
  for (const { role, unit } of people.flatMap((person) => person.roles)) {
    const entry = units.get(unit.id) ?? { name: unit.name, roles: [] };
    if (!entry.roles.includes(role)) entry.roles.push(role);
    units.set(unit.id, entry);
  }
  const lines = [t("start-welcome", { name: people[0]!.name }), ""];
  if (units.size === 0) {
    lines.push(t(options.justBound ? "onboarding-bound-no-roles" : "start-unknown"));
  } else {
    lines.push(t(options.justBound ? "onboarding-bound-roles" : "start-known-roles"));
    const reporting = [...units]
      .filter(([, unit]) => unit.roles.some((role) => reportingRoles.includes(role)))
      .map(([unitId]) => unitId);
    const nextDue = await nextDueOf(ctx.deps, reporting, todayFor(ctx));
    for (const [unitId, unit] of units) {
      lines.push(
        t("start-role-line", { role: unit.roles.map((role) => t("role-name", { role })).join(", "), unit: unit.name }),
      );
      const next = nextDue.get(unitId);
      if (next !== undefined) lines.push(`   ${renderNextDue(t, next)}`);
    }
  }
  lines.push("", t("start-next"));
  return lines.join("\n");
}

/** By unit, the next thing due (null: nothing left); units whose organisation has no campaign running are left out. All in one lookup. */
async function nextDueOf(
  deps: BotDeps,
  unitIds: readonly number[],
  today: LocalDate,
): Promise<Map<number, ChecklistItem | null>> {
  const found = await loadUnitsById(deps.prisma, unitIds, deps.config.timezone);
  return new Map(
    found.flatMap(({ record, campaign }) =>
      campaign ? [[record.id, nextOpen(unitChecklist(congressPlan, record.facts, today))] as const] : [],
    ),
  );
}
