// Everything the emulator remembers per bot token: identity, the update
// queue with its single long-poll slot, commands, callback queries and the
// bot's membership in chats.
import type { BotCommand, CallbackQuery, MenuButton, Update, User, UserFromGetMe } from "grammy/types";
import { pollConflict } from "./errors.js";
import { SendLimiter } from "./rate-limit.js";
import type { BotConfig, CallbackAnswer, RateLimits } from "./types.js";

export type Membership = "member" | "left" | "kicked";

export type NewUpdate = Omit<Update, "update_id">;

interface PendingPoll {
  wake(): void;
  conflict(): void;
}

export const TOKEN_PATTERN = /^(\d+):(.+)$/;

export class BotState {
  readonly id: number;
  readonly me: UserFromGetMe;
  privacyMode = false;

  readonly commands = new Map<string, BotCommand[]>();
  readonly callbackQueries = new Map<string, { query: CallbackQuery; answered: boolean }>();
  readonly callbackAnswers: CallbackAnswer[] = [];
  /** Explicit membership per chat id; see World.membership for defaults. */
  readonly membership = new Map<number, Membership>();
  /** Menu button per chat id, "default" for the bot-wide one. */
  readonly menuButtons = new Map<string, MenuButton>();
  readonly limiter?: SendLimiter;

  private queue: Update[] = [];
  private nextUpdateId = 1;
  private poll?: PendingPoll;
  private closed = false;

  constructor(
    readonly token: string,
    limits: RateLimits | undefined,
  ) {
    const digits = TOKEN_PATTERN.exec(token)?.[1];
    if (digits === undefined) throw new Error(`Not a bot token: ${token}`);
    this.id = Number(digits);
    this.me = {
      id: this.id,
      is_bot: true,
      first_name: "Test Bot",
      username: `test_${digits}_bot`,
      can_join_groups: true,
      can_read_all_group_messages: true,
      supports_inline_queries: false,
      can_connect_to_business: false,
      has_main_web_app: false,
      has_topics_enabled: false,
      allows_users_to_create_topics: false,
      can_manage_bots: false,
      supports_join_request_queries: false,
    };
    if (limits) this.limiter = new SendLimiter(limits);
  }

  configure(config: BotConfig): void {
    if (config.username !== undefined) this.me.username = config.username;
    if (config.nextUpdateId !== undefined) this.nextUpdateId = config.nextUpdateId;
    if (config.firstName !== undefined) this.me.first_name = config.firstName;
    if (config.privacyMode !== undefined) {
      this.privacyMode = config.privacyMode;
      this.me.can_read_all_group_messages = !config.privacyMode;
    }
  }

  /** The bot as it appears in `from` of its messages. */
  get user(): User {
    return { id: this.id, is_bot: true, first_name: this.me.first_name, username: this.me.username };
  }

  enqueue(update: NewUpdate): Update {
    const full = { update_id: this.nextUpdateId++, ...update } as Update;
    this.queue.push(full);
    this.poll?.wake();
    return full;
  }

  pending(): Update[] {
    return [...this.queue];
  }

  /** getUpdates offset semantics, including negative offsets. */
  confirm(offset: number): void {
    if (offset < 0) this.queue = this.queue.slice(offset);
    else this.queue = this.queue.filter((u) => u.update_id >= offset);
  }

  dropPending(): void {
    this.queue = [];
  }

  /**
   * Waits until an update is queued, `ms` pass, the request is aborted or
   * the emulator closes. A newer getUpdates call makes this one fail with
   * 409, as on Telegram.
   */
  waitForUpdates(ms: number, signal?: AbortSignal): Promise<void> {
    if (this.closed || this.queue.length > 0 || ms <= 0) return Promise.resolve();
    return new Promise<void>((resolve, reject) => {
      const finish = (error?: unknown) => {
        clearTimeout(timer);
        signal?.removeEventListener("abort", onAbort);
        if (this.poll === poll) this.poll = undefined;
        if (error) reject(error);
        else resolve();
      };
      const onAbort = () => finish();
      const poll: PendingPoll = { wake: () => finish(), conflict: () => finish(pollConflict()) };
      const timer = setTimeout(() => finish(), ms);
      signal?.addEventListener("abort", onAbort);
      this.poll = poll;
    });
  }

  /** Called at the start of every getUpdates: the older waiting call loses. */
  supersedePoll(): void {
    this.poll?.conflict();
  }

  close(): void {
    this.closed = true;
    this.poll?.wake();
  }
}
