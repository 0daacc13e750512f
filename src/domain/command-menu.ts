// Which commands a person may use, from their roles: the one list behind /trogiup and each person's
// Telegram command menu, so that the help, the menu and the features' own checks cannot disagree. Each
// entry asks the rule the feature applies (the scope rule of src/domain/scope.ts; difficulty-rules for
// /khokhan) whether it grants the person anything at all.
import { createHash } from "node:crypto";
import { difficultyUnitChoices } from "./difficulty-rules.js";
import type { Role } from "./levels.js";
import { grantsFor, type HeldUnit, type UnitAction } from "./scope.js";

/** Every command, in the order menus and the help list them. */
export const commandIds = [
  "start",
  "report",
  "status",
  "problem",
  "progress",
  "export",
  "postpone",
  "resume",
  "invite",
  "linkcode",
  "linkgroup",
  "unlinkgroup",
  "web",
  "lang",
  "help",
] as const;
export type CommandId = (typeof commandIds)[number];

/** Telegram command names: the Vietnamese one is primary, the English one an alias answered the same. */
export const commandNames: Record<CommandId, { vi: string; en: string }> = {
  start: { vi: "start", en: "start" },
  report: { vi: "baocao", en: "report" },
  status: { vi: "trangthai", en: "status" },
  problem: { vi: "khokhan", en: "problem" },
  progress: { vi: "tiendo", en: "progress" },
  export: { vi: "xuat", en: "export" },
  postpone: { vi: "hoan", en: "postpone" },
  resume: { vi: "tieptuc", en: "resume" },
  invite: { vi: "moi", en: "invite" },
  linkcode: { vi: "malienket", en: "linkcode" },
  linkgroup: { vi: "lienketnhom", en: "linkgroup" },
  unlinkgroup: { vi: "huylienket", en: "unlinkgroup" },
  web: { vi: "web", en: "web" },
  lang: { vi: "ngonngu", en: "lang" },
  help: { vi: "trogiup", en: "help" },
};

/** Someone the bot does not know yet: how to be recognised, the language, the help. */
export const strangerCommands: readonly CommandId[] = ["start", "lang", "help"];

/**
 * What does something in a group chat (docs/groups.md): the linked unit's progress, linking and unlinking,
 * the digest's language (admins), the help. Everything personal is answered "use a private chat" there.
 */
export const groupCommands: readonly CommandId[] = ["progress", "linkgroup", "unlinkgroup", "lang", "help"];

/** Every command a person may have in a private chat: the bot's whole catalogue, group-only ones aside. */
export const privateCatalogue: readonly CommandId[] = commandIds.filter(
  (id) => id !== "linkgroup" && id !== "unlinkgroup",
);

/** A roster entry as the rules read it (src/db/people-store.ts PersonProfile is one). */
export interface MenuPerson {
  roles: { role: Role; unit: HeldUnit }[];
  ledGroupUnits: HeldUnit[];
  ledGroups: readonly { id: number }[];
}

const officerRoles: readonly Role[] = ["secretary", "deputy", "reporter"];

/**
 * The commands of a Telegram user in a private chat, from every roster entry bound to them (one per
 * organisation): none is a stranger. In the order of `commandIds`. `web`: the office runs the web app, so
 * everyone on the roster may ask for a sign-in link (/web).
 */
export function privateCommands(
  people: readonly MenuPerson[],
  options: { web: boolean } = { web: false },
): CommandId[] {
  const granted = new Set<CommandId>(strangerCommands);
  for (const person of people) for (const id of personalCommands(person)) granted.add(id);
  if (options.web && people.length > 0) granted.add("web");
  return commandIds.filter((id) => granted.has(id));
}

function personalCommands(person: MenuPerson): CommandId[] {
  // A command is listed when the scope rule grants its action on some unit (src/domain/scope.ts).
  const may = (action: UnitAction) => grantsFor(person, action).length > 0;
  const granted: CommandId[] = [];
  if (may("report")) granted.push("report");
  // /trangthai: the cards of one's own units, and a working-group leader's summary (even of a group not yet given units).
  if (person.roles.some(({ role }) => officerRoles.includes(role)) || person.ledGroups.length > 0)
    granted.push("status");
  // /khokhan is listed for those who raise difficulties; the standing committee and admins may also send it
  // to read the open ones under them, but its help is about raising one, so it is not offered to them.
  if (difficultyUnitChoices(person).length > 0) granted.push("problem");
  if (may("view")) granted.push("progress");
  if (may("export")) granted.push("export");
  if (may("pause")) granted.push("postpone", "resume");
  if (may("invite")) granted.push("invite");
  if (may("link")) granted.push("linkcode");
  return granted;
}

/** Those who report get the one-line form and its keys in /trogiup. */
export function reportsInOneLine(commands: readonly CommandId[]): boolean {
  return commands.includes("report");
}

/** A menu as Telegram stores it: the commands with their descriptions, in one language. */
export interface MenuCommand {
  command: string;
  description: string;
}

/**
 * Identifies a menu: equal lists in the same language give the same hash, so a menu is planned again only
 * when what the person would see changes (roles, language, or a description's wording).
 */
export function menuHash(locale: string, commands: readonly MenuCommand[]): string {
  const canonical = JSON.stringify([locale, commands.map(({ command, description }) => [command, description])]);
  return createHash("sha256").update(canonical).digest("hex").slice(0, 16);
}
