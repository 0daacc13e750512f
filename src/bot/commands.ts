// The command menu, in both languages. Vietnamese names are primary; English ones are aliases.
import type { Api } from "grammy";
import type { I18n } from "@grammyjs/i18n";
import type { BotContext } from "./context.js";

export interface CommandSpec {
  vi: string;
  en: string;
  descriptionKey: string;
}

export const menuCommands: readonly CommandSpec[] = [
  { vi: "start", en: "start", descriptionKey: "command-start" },
  { vi: "baocao", en: "report", descriptionKey: "command-report" },
  { vi: "trangthai", en: "status", descriptionKey: "status-card-command" },
  { vi: "khokhan", en: "problem", descriptionKey: "difficulty-command" },
  { vi: "tiendo", en: "progress", descriptionKey: "progress-command" },
  { vi: "xuat", en: "export", descriptionKey: "export-command" },
  { vi: "hoan", en: "postpone", descriptionKey: "reminder-pause-command" },
  { vi: "ngonngu", en: "lang", descriptionKey: "language-command" },
  { vi: "trogiup", en: "help", descriptionKey: "command-help" },
];

export async function registerCommands(api: Api, i18n: I18n<BotContext>, defaultLocale: "vi" | "en"): Promise<void> {
  const list = (locale: "vi" | "en") =>
    menuCommands.map((command) => ({ command: command[locale], description: i18n.t(locale, command.descriptionKey) }));
  // Users whose Telegram language has no list of its own see the default locale's.
  await api.setMyCommands(list(defaultLocale));
  await api.setMyCommands(list("vi"), { language_code: "vi" });
  await api.setMyCommands(list("en"), { language_code: "en" });
}
