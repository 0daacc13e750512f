// What the sandbox page can ask and do, independent of HTTP: list personas, read a chat as Telegram
// shows it, write, press buttons and share a phone as a persona (through the emulator, so the bot gets
// ordinary Telegram updates), download files, and move the sandbox clock.
import { readFileSync } from "node:fs";
import path from "node:path";
import type { User } from "grammy/types";
import type { App } from "../app.js";
import type { BotApiEmulator } from "../emulator/index.js";
import { createI18n, localeFromLanguageCode, localesDir, type Locale } from "../i18n.js";
import { currentReplyKeyboard, viewMessage, type ViewMessage, type ViewReplyKeyboard } from "./chat-view.js";
import type { Persona, Roster } from "./personas.js";
import { nextDigestTime, type SandboxClock } from "./sandbox-clock.js";

export class ApiProblem extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly detail?: string,
  ) {
    super(detail ? `${code}: ${detail}` : code);
  }
}

/** The group chat a visitor reads the digest in, and the member who speaks there. */
export interface SandboxGroup {
  chat: { id: number; type: "supergroup"; title: string };
  unitName: string;
  speaker: User;
}

export interface SandboxRuntime {
  app: App;
  emulator: BotApiEmulator;
  token: string;
  roster: Roster;
  clock: SandboxClock;
  group: SandboxGroup;
  featured: Persona["key"][];
  timezone: string;
  digestTime: string;
}

export interface ChatView {
  persona: Persona;
  messages: ViewMessage[];
  keyboard: ViewReplyKeyboard | null;
}

const maxTextLength = 4096;
const pageKeys = sandboxPageKeys();

/**
 * Keys of the page's own texts (locales/<lang>/sandbox.ftl, "sandbox-page-…") with their variables; the
 * page gets "{$name}" in place of each variable and fills it in itself.
 */
function sandboxPageKeys(): { key: string; args: Record<string, string> }[] {
  const text = readFileSync(path.join(localesDir, "vi", "sandbox.ftl"), "utf8");
  return [...text.matchAll(/^(sandbox-page-[a-z0-9-]+)\s*=(.*)$/gm)].map((match) => ({
    key: match[1]!,
    args: Object.fromEntries([...match[2]!.matchAll(/\{\s*\$([a-zA-Z_]+)\s*\}/g)].map((v) => [v[1]!, `{$${v[1]!}}`])),
  }));
}

export class SandboxApi {
  private phase: "starting" | "ready" | "failed" = "starting";
  private failure?: string;
  private runtime?: SandboxRuntime;
  private readonly listeners = new Set<() => void>();
  private readonly i18n = createI18n({ defaultLocale: "vi" });

  constructor(private readonly defaultLocale: Locale) {}

  ready(runtime: SandboxRuntime): void {
    this.runtime = runtime;
    this.phase = "ready";
    runtime.emulator.onChange(() => this.changed());
    this.changed();
  }

  failed(error: unknown): void {
    this.phase = "failed";
    this.failure = error instanceof Error ? error.message : String(error);
    this.changed();
  }

  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private changed(): void {
    for (const listener of [...this.listeners]) listener();
  }

  /** The running parts once ready (tests inspect the app, the emulator and the clock through it). */
  get current(): SandboxRuntime | undefined {
    return this.runtime;
  }

  private get rt(): SandboxRuntime {
    if (!this.runtime) throw new ApiProblem(503, this.phase === "failed" ? "failed" : "starting", this.failure);
    return this.runtime;
  }

  state() {
    const rt = this.runtime;
    return {
      sandbox: true,
      phase: this.phase,
      ...(this.failure && { error: this.failure }),
      defaultLocale: this.defaultLocale,
      ...(rt && {
        bot: {
          username: rt.emulator.world.bot(rt.token).me.username,
          name: rt.emulator.world.bot(rt.token).me.first_name,
        },
      }),
    };
  }

  strings(lang: string | null): Record<string, string> {
    const locale = localeFromLanguageCode(lang ?? undefined) ?? this.defaultLocale;
    return Object.fromEntries(pageKeys.map(({ key, args }) => [key, this.i18n.t(locale, key, args)]));
  }

  async personas(query: string) {
    const rt = this.rt;
    await rt.roster.refreshBindings();
    const groupPersona = await this.groupPersona();
    const featured = [
      groupPersona,
      ...rt.featured
        .map((key) => rt.roster.person(Number(key.slice("person-".length))))
        .flatMap((p) => (p ? [rt.roster.toPersona(p)] : [])),
    ];
    const trimmed = query.trim().slice(0, 100);
    if (!trimmed) return { featured, results: null, total: 0 };
    const { people, total } = rt.roster.search(trimmed, 40);
    return { featured, results: people.map((p) => rt.roster.toPersona(p)), total };
  }

  private async groupPersona(): Promise<Persona> {
    const { group, app } = this.rt;
    const binding = await app.database.prisma.chatBinding.findUnique({
      where: { chatId: BigInt(group.chat.id) },
      select: { id: true },
    });
    return {
      key: `group-${group.chat.id}`,
      kind: "group",
      name: group.chat.title,
      userId: group.speaker.id,
      chatId: group.chat.id,
      roles: [],
      workingGroups: [],
      bound: binding !== null,
    };
  }

  private async persona(key: string): Promise<{ persona: Persona; user: User; chat?: SandboxGroup["chat"] }> {
    const rt = this.rt;
    if (key === `group-${rt.group.chat.id}`)
      return { persona: await this.groupPersona(), user: rt.group.speaker, chat: rt.group.chat };
    const match = /^person-(\d{1,9})$/.exec(key);
    const person = match ? rt.roster.person(Number(match[1])) : undefined;
    if (!person) throw new ApiProblem(404, "unknown-persona");
    await rt.roster.refreshBindings();
    const persona = rt.roster.toPersona(person);
    return { persona, user: telegramUserOf(persona) };
  }

  async chat(key: string): Promise<ChatView> {
    const { persona } = await this.persona(key);
    const conversation = this.rt.emulator.conversation(persona.chatId);
    return { persona, messages: conversation.map(viewMessage), keyboard: currentReplyKeyboard(conversation) };
  }

  async send(key: string, body: Record<string, unknown>): Promise<{ ok: true }> {
    const { user, chat } = await this.persona(key);
    const text = body.text;
    if (typeof text !== "string" || text.trim() === "") throw new ApiProblem(400, "empty-text");
    if (text.length > maxTextLength) throw new ApiProblem(400, "text-too-long");
    this.act(() =>
      this.rt.emulator.sendMessage(this.rt.token, { from: withLanguage(user, body.lang), text, ...(chat && { chat }) }),
    );
    return { ok: true };
  }

  async press(key: string, body: Record<string, unknown>): Promise<{ ok: true }> {
    const { persona, user } = await this.persona(key);
    const messageId = body.messageId;
    const data = body.data;
    if (typeof messageId !== "number" || !Number.isInteger(messageId) || typeof data !== "string")
      throw new ApiProblem(400, "bad-button");
    const chat = this.rt.emulator.world.chat(persona.chatId)?.chat;
    if (!chat) throw new ApiProblem(400, "bad-button");
    this.act(() =>
      this.rt.emulator.pressButton(this.rt.token, {
        from: withLanguage(user, body.lang),
        message: { message_id: messageId, chat },
        data,
      }),
    );
    return { ok: true };
  }

  /** The request_contact button: Telegram sends the user's own number, here the roster's. */
  async shareContact(key: string, body: Record<string, unknown>): Promise<{ ok: true }> {
    const { persona, user, chat } = await this.persona(key);
    if (chat || !persona.phone) throw new ApiProblem(400, "no-phone");
    this.act(() =>
      this.rt.emulator.sendContact(this.rt.token, {
        from: withLanguage(user, body.lang),
        contact: {
          phone_number: persona.phone!,
          first_name: user.first_name,
          ...(user.last_name && { last_name: user.last_name }),
          user_id: user.id,
        },
      }),
    );
    return { ok: true };
  }

  /** Emulator refusals (a button that is not on the message, a chat the bot left) become 400s. */
  private act(action: () => unknown): void {
    try {
      action();
    } catch (error) {
      throw new ApiProblem(400, "refused", error instanceof Error ? error.message : String(error));
    }
  }

  commands(lang: string | null) {
    const { emulator, token } = this.rt;
    const locale = localeFromLanguageCode(lang ?? undefined);
    const list = locale ? emulator.commands(token, { language_code: locale }) : [];
    return list.length > 0 ? list : emulator.commands(token);
  }

  file(fileId: string) {
    const found = this.rt.emulator.file(fileId);
    if (!found) throw new ApiProblem(404, "unknown-file");
    return found;
  }

  clock() {
    const { clock, timezone, digestTime } = this.rt;
    const now = clock.now();
    return {
      now: now.toISOString(),
      timezone,
      digestTime,
      nextDigest: nextDigestTime(now, timezone, digestTime).toISOString(),
    };
  }

  /** tick: run the scheduler now; next-digest: jump to the next DIGEST_TIME and run it; advance: +hours. */
  async moveClock(action: string, body: Record<string, unknown>) {
    const rt = this.rt;
    if (action === "next-digest") rt.clock.jumpTo(nextDigestTime(rt.clock.now(), rt.timezone, rt.digestTime));
    else if (action === "advance") {
      const hours = body.hours;
      if (typeof hours !== "number" || !Number.isInteger(hours) || hours < 1 || hours > 24 * 7)
        throw new ApiProblem(400, "bad-hours");
      rt.clock.advance(hours * 3600_000);
    } else if (action !== "tick") throw new ApiProblem(404, "not-found");
    await rt.app.scheduler.tick();
    rt.app.sender.notify();
    this.changed();
    return this.clock();
  }
}

/** A roster person as a Telegram user: given name last, as Vietnamese names are written. */
export function telegramUserOf(persona: Persona): User {
  const words = persona.name.trim().split(/\s+/);
  const first = words.pop() ?? persona.name;
  return {
    id: persona.userId,
    is_bot: false,
    first_name: first,
    ...(words.length > 0 && { last_name: words.join(" ") }),
    language_code: "vi",
  };
}

/** The page's language becomes the user's Telegram language, so a visitor in English gets the bot in English. */
function withLanguage(user: User, lang: unknown): User {
  const locale = typeof lang === "string" ? localeFromLanguageCode(lang) : undefined;
  return locale ? { ...user, language_code: locale } : user;
}
