// Everything the emulator remembers per bot token: identity, the update
// queue with its single long-poll slot or its webhook, commands, callback
// queries and the bot's membership in chats.
import type { BotCommand, CallbackQuery, MenuButton, Update, User, UserFromGetMe } from "grammy/types";
import { type ApiError, pollConflict, pollEndedByWebhook } from "./errors.js";
import { SendLimiter } from "./rate-limit.js";
import type { BotConfig, CallbackAnswer, RateLimits, WebhookAttempt } from "./types.js";
import { sameWebhook, WebhookDelivery, type WebhookSettings, type WebhookTiming } from "./webhook-delivery.js";

export type Membership = "member" | "left" | "kicked";

export type NewUpdate = Omit<Update, "update_id">;

interface PendingPoll {
  wake(): void;
  conflict(error: ApiError): void;
}

/** What a bot's webhook delivery needs from the world around the bot. */
export interface WebhookEnvironment {
  timing: WebhookTiming;
  /** Emulator clock, for last_error_date. */
  unixTime(): number;
  /** Logs a delivery attempt and announces the change. */
  record(attempt: WebhookAttempt): void;
}

export interface WebhookError {
  /** Unix seconds. */
  date: number;
  message: string;
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
  private delivery?: WebhookDelivery;
  private webhookError?: WebhookError;

  constructor(
    readonly token: string,
    limits: RateLimits | undefined,
    private readonly webhookEnvironment: WebhookEnvironment,
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
    this.delivery?.pump();
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

  /** The webhook while one is set; getUpdates is refused then. */
  get webhook(): WebhookSettings | undefined {
    return this.delivery?.settings;
  }

  /** The latest failed delivery to the current webhook. */
  get lastWebhookError(): WebhookError | undefined {
    return this.webhookError;
  }

  /**
   * Sets (or with undefined, deletes) the webhook. A different webhook replaces the delivery at once: its
   * requests in flight are abandoned and their updates go to the new webhook (or to getUpdates). Setting
   * the same webhook again changes nothing, so bot instances that all set it on start do not disturb
   * deliveries under way.
   */
  setWebhook(settings: WebhookSettings | undefined): void {
    if (settings && this.delivery && sameWebhook(settings, this.delivery.settings)) return;
    this.delivery?.stop();
    // An error of another URL says nothing about this one.
    if (settings?.url !== this.delivery?.settings.url) this.webhookError = undefined;
    this.delivery = undefined;
    if (!settings) return;
    this.poll?.conflict(pollEndedByWebhook());
    const delivery = new WebhookDelivery(settings, {
      timing: this.webhookEnvironment.timing,
      queued: () => this.queue,
      delivered: (updateId) => {
        this.queue = this.queue.filter((u) => u.update_id !== updateId);
      },
      attempted: (attempt, error) => {
        if (error !== undefined && this.delivery === delivery) {
          this.webhookError = { date: this.webhookEnvironment.unixTime(), message: error };
        }
        this.webhookEnvironment.record({ token: this.token, ...attempt });
      },
    });
    this.delivery = delivery;
    if (this.closed) delivery.stop();
    else delivery.pump();
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
      const poll: PendingPoll = { wake: () => finish(), conflict: (error) => finish(error) };
      const timer = setTimeout(() => finish(), ms);
      signal?.addEventListener("abort", onAbort);
      this.poll = poll;
    });
  }

  /** Called at the start of every getUpdates: the older waiting call loses. */
  supersedePoll(): void {
    this.poll?.conflict(pollConflict());
  }

  close(): void {
    this.closed = true;
    this.poll?.wake();
    this.delivery?.stop();
  }
}
