// The words of each command: its description in Telegram's command menu and its section of /trogiup, in
// the person's language. Which commands a person gets is decided in src/domain/command-menu.ts; the
// scheduler's menu planning (src/usecases/command-menus.ts) and /trogiup both render from here.
import { commandNames, type CommandId, type MenuCommand } from "../domain/command-menu.js";
import type { Locale, Translate } from "../i18n.js";

interface CommandText {
  /** Shown next to the command in Telegram's menu (at most 256 characters). */
  descriptionKey: string;
  /** Its lines in /trogiup; none when another command's section already covers it. */
  helpKey: string | null;
}

const privateTexts: Record<CommandId, CommandText> = {
  start: { descriptionKey: "command-start", helpKey: "help-start" },
  report: { descriptionKey: "command-report", helpKey: "help-report" },
  status: { descriptionKey: "status-card-command", helpKey: "help-status" },
  problem: { descriptionKey: "difficulty-command", helpKey: "help-difficulties" },
  progress: { descriptionKey: "progress-command", helpKey: "help-progress" },
  export: { descriptionKey: "export-command", helpKey: "help-export" },
  // One section tells both how to pause and how to resume.
  postpone: { descriptionKey: "reminder-pause-command", helpKey: "help-reminder-pause" },
  resume: { descriptionKey: "resume-command", helpKey: null },
  invite: { descriptionKey: "invite-command", helpKey: "help-invite" },
  linkcode: { descriptionKey: "command-link-code", helpKey: "help-link-code" },
  linkgroup: { descriptionKey: "command-link-group", helpKey: "help-group-link" },
  unlinkgroup: { descriptionKey: "command-unlink-group", helpKey: "help-group-unlink" },
  web: { descriptionKey: "web-command", helpKey: "help-web" },
  lang: { descriptionKey: "language-command", helpKey: "help-language" },
  help: { descriptionKey: "command-help", helpKey: "help-help" },
};

/** In a group the same command does something else (the linked unit's progress, the digest's language). */
const groupTexts: Partial<Record<CommandId, CommandText>> = {
  progress: { descriptionKey: "command-group-progress", helpKey: "help-group-progress" },
  lang: { descriptionKey: "command-group-language", helpKey: "help-group-language" },
};

export type CommandPlace = "private" | "group";

function textOf(id: CommandId, place: CommandPlace): CommandText {
  return (place === "group" ? groupTexts[id] : undefined) ?? privateTexts[id];
}

/** The menu Telegram shows for these commands, in one language. */
export function menuCommands(
  ids: readonly CommandId[],
  place: CommandPlace,
  locale: Locale,
  t: Translate,
): MenuCommand[] {
  return ids.map((id) => ({ command: commandNames[id][locale], description: t(textOf(id, place).descriptionKey) }));
}

/** The /trogiup sections of these commands, in their order. */
export function helpSections(ids: readonly CommandId[], place: CommandPlace, t: Translate): string[] {
  return ids.flatMap((id) => {
    const key = textOf(id, place).helpKey;
    return key === null ? [] : [t(key)];
  });
}
