// The transport-independent emulator: the test/sandbox API on top of World.
// BotApiEmulator adds the HTTP server; a browser sandbox can use this class
// directly together with call().
import type { BotCommand, BotCommandScope, Chat, Update } from "grammy/types";
import { callMethod, type CallOutcome } from "./api/index.js";
import { commandsKey, menuScopes } from "./api/bot-settings.js";
import type { FaultTarget, HeldResponse } from "./faults.js";
import { Params, type UploadedFile } from "./params.js";
import type {
  BotConfig,
  ConversationEntry,
  CallbackAnswer,
  EmulatorOptions,
  EmulatorStats,
  InjectedError,
  RecordedMessage,
  RequestLogEntry,
  WebhookAttempt,
} from "./types.js";
import * as users from "./users.js";
import { waitFor } from "./waiters.js";
import { World } from "./world.js";

const clone = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;

/** How long a waiter waits by default: only a guard against a hang, long enough for a machine under load. */
const patienceMs = 120_000;

export class EmulatorCore {
  readonly world: World;

  constructor(options: EmulatorOptions = {}) {
    this.world = new World(options);
  }

  // --- Bot API -----------------------------------------------------------

  /** Calls a Bot API method in-process, exactly as the HTTP server would. */
  call(
    token: string,
    method: string,
    params: Record<string, unknown> = {},
    uploads?: ReadonlyMap<string, UploadedFile>,
    signal?: AbortSignal,
  ): Promise<CallOutcome> {
    return callMethod(this.world, token, method, new Params(params, uploads), signal);
  }

  // --- Setup ---------------------------------------------------------------

  configureBot(token: string, config: BotConfig): void {
    this.world.bot(token).configure(config);
  }

  /** Makes a chat known to one bot, or to every bot when no token is given. */
  registerChat(chat: Chat, token?: string): void {
    this.world.upsertChat(chat);
    if (token === undefined) this.world.registeredChats.add(chat.id);
    else if (!this.world.bot(token).membership.has(chat.id)) this.world.bot(token).membership.set(chat.id, "member");
    this.world.changed();
  }

  /** The user blocks one bot, or every bot; bots that knew them get my_chat_member. */
  blockBot(userId: number, token?: string): void {
    users.blockBot(this.world, userId, token);
  }

  unblockBot(userId: number, token?: string): void {
    users.unblockBot(this.world, userId, token);
  }

  // --- Fault injection --------------------------------------------------------

  /** The next `times` calls of `method` (any bot; to one chat with `target.chatId`) fail with `error` without running. */
  failNext(method: string, error: InjectedError, times = 1, target: FaultTarget = {}): void {
    this.world.faults.failNext(method, error, times, target);
  }

  /** The next `times` calls of `method` (to one chat with `target.chatId`) run, but their HTTP answer is never sent. */
  dropResponseNext(method: string, times = 1, target: FaultTarget = {}): void {
    this.world.faults.dropResponseNext(method, times, target);
  }

  /**
   * The next call of `method` (to one chat with `target.chatId`) runs, and its HTTP answer waits until
   * `release()`: the caller is stuck in that call as long as the test wants.
   */
  holdResponseNext(method: string, target: FaultTarget = {}): HeldResponse {
    return this.world.faults.holdResponseNext(method, target);
  }

  // --- Users ---------------------------------------------------------------------

  sendMessage(token: string, input: users.UserMessageInput): users.UserAction {
    return users.sendUserMessage(this.world, token, input);
  }

  sendContact(token: string, input: users.ContactInput): users.UserAction {
    return users.sendUserContact(this.world, token, input);
  }

  pressButton(token: string, input: users.PressButtonInput): Update {
    return users.pressButton(this.world, token, input);
  }

  /** Queues my_chat_member (and a new_chat_members service message); returns them. */
  addBotToGroup(token: string, input: users.GroupInput): Update[] {
    return users.addBotToGroup(this.world, token, input);
  }

  /** Upgrades a group to a supergroup; queues migrate_to (old chat) and migrate_from (new chat). */
  migrateGroupToSupergroup(token: string, input: users.MigrateInput): Update[] {
    return users.migrateGroupToSupergroup(this.world, token, input);
  }

  removeBotFromGroup(token: string, input: users.GroupInput): void {
    users.removeBotFromGroup(this.world, token, input);
  }

  // --- Inspection ------------------------------------------------------------------

  get stats(): EmulatorStats {
    return this.world.stats;
  }

  /** Method names of all API calls, in arrival order. */
  get requests(): string[] {
    return this.world.requests;
  }

  get requestLog(): RequestLogEntry[] {
    return this.world.requestLog;
  }

  /** Everything bots sent to the chat, in order; edits applied, deletions flagged. */
  messages(chatId: number): RecordedMessage[] {
    return this.world.botMessages(chatId).map((s) => clone(s.message));
  }

  allBotMessages(): RecordedMessage[] {
    return this.world.botMessages().map((s) => clone(s.message));
  }

  /**
   * The whole conversation of a chat as its users see it: their own messages and the bots', in order,
   * edits applied and deletions flagged (the browser sandbox shows this).
   */
  conversation(chatId: number): ConversationEntry[] {
    return (this.world.chat(chatId)?.log ?? []).map((s) => ({
      message: clone(s.message),
      fromBot: s.botToken !== undefined,
    }));
  }

  /** A file any bot sent, by file_id, with its bytes (the sandbox page downloads it). */
  file(fileId: string): { data: Uint8Array; mimeType: string; filename?: string } | undefined {
    const file = this.world.files.find(fileId);
    return (
      file && {
        data: file.data,
        mimeType: file.mimeType,
        ...(file.filename !== undefined && { filename: file.filename }),
      }
    );
  }

  /** Calls `listener` after every change of the emulator's state; returns the unsubscribe function. */
  onChange(listener: () => void): () => void {
    return this.world.onChange(listener);
  }

  /** The reply keyboard a user of the chat currently sees, if any. */
  currentKeyboard(chatId: number) {
    const keyboard = this.world.chat(chatId)?.keyboard;
    return keyboard && clone(keyboard);
  }

  pendingUpdates(token: string): Update[] {
    return clone(this.world.bot(token).pending());
  }

  /** Webhook deliveries of one bot (or all bots), in the order they ended; a 2xx outcome means delivered. */
  webhookAttempts(token?: string): WebhookAttempt[] {
    const attempts = this.world.webhookAttempts;
    return clone(token === undefined ? attempts : attempts.filter((attempt) => attempt.token === token));
  }

  callbackAnswers(token: string): CallbackAnswer[] {
    return clone(this.world.bot(token).callbackAnswers);
  }

  commands(token: string, options: { scope?: BotCommandScope; language_code?: string } = {}): BotCommand[] {
    return clone(this.world.bot(token).commands.get(commandsKey(options.scope, options.language_code)) ?? []);
  }

  /**
   * The menu a user sees in a chat, as Telegram picks it: the first list set for the most specific scope,
   * in the user's language before the list without one. A chat not registered counts as private when its
   * id is positive.
   */
  commandsShown(
    token: string,
    options: { chatId: number; userId?: number; language_code?: string; isAdmin?: boolean },
  ): BotCommand[] {
    const chat = this.world.findChat(String(options.chatId))?.chat ?? {
      id: options.chatId,
      type: options.chatId > 0 ? "private" : "group",
    };
    const stored = this.world.bot(token).commands;
    const language = options.language_code?.toLowerCase().split(/[-_]/)[0];
    for (const scope of menuScopes(chat, options.userId, options.isAdmin ?? false)) {
      for (const code of language ? [language, undefined] : [undefined]) {
        const list = stored.get(commandsKey(scope, code));
        if (list) return clone(list);
      }
    }
    return [];
  }

  // --- Lifecycle -------------------------------------------------------------------

  /** Answers pending long polls, rejects pending waits and stops webhook deliveries (no timers are left). */
  close(): Promise<void> {
    this.world.close();
    return Promise.resolve();
  }

  // --- Waiting ---------------------------------------------------------------------

  /** Resolves with the first truthy value of `predicate`, re-checked on every change. */
  waitFor<T>(predicate: () => T | undefined | null | false, timeoutMs = patienceMs): Promise<T> {
    return waitFor(this.world, predicate, timeoutMs);
  }

  /** Resolves once the chat holds at least `count` bot messages in total (deleted ones included). */
  waitForBotMessages(chatId: number, count: number, timeoutMs = patienceMs): Promise<RecordedMessage[]> {
    return waitFor(
      this.world,
      () => {
        const messages = this.messages(chatId);
        return messages.length >= count ? messages : undefined;
      },
      timeoutMs,
      () => {
        const got = this.messages(chatId);
        const lines = got.map((m, i) => `  ${i + 1}. ${JSON.stringify(m.text ?? m.caption ?? "(media)")}`);
        return (
          `Expected at least ${count} bot message(s) in chat ${chatId} within ${timeoutMs} ms, got ${got.length}` +
          (lines.length > 0 ? `:\n${lines.join("\n")}` : "") +
          `\nLast API calls: ${this.world.requests.slice(-10).join(", ") || "none"}`
        );
      },
    );
  }
}
