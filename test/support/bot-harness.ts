// The real app (bot, update inbox, database) talking HTTP to the in-repo Bot API emulator; tests act as
// Telegram users through the emulator and read what the bot sent back.
import type { User } from "grammy/types";
import { createApp, type App } from "../../src/app.js";
import type { Clock } from "../../src/clock.js";
import type { RateLimitOptions } from "../../src/bot/rate-limit.js";
import type { Database } from "../../src/db/client.js";
import { startBotApiEmulator, type BotApiEmulator, type RecordedMessage } from "../../src/emulator/index.js";
import { createLogger, type Logger } from "../../src/logger.js";
import { testBotToken, testConfig } from "./test-config.js";

export interface BotHarness {
  app: App;
  emulator: BotApiEmulator;
  token: string;
  /** Sends a text as `user` (in their private chat unless a chat is given) and waits for the bot's next message. */
  say(
    user: User,
    text: string,
    chat?: { id: number; type: "group" | "supergroup"; title: string },
  ): Promise<RecordedMessage>;
  /** Presses the button with this label on a bot message and waits for the bot's next new message. */
  press(user: User, message: RecordedMessage, label: string): Promise<RecordedMessage>;
  /** Everything the bot sent to a chat. */
  sent(chatId: number): RecordedMessage[];
  /** Stops the bot (not the database: the test owns it). */
  stop(): Promise<void>;
}

export async function startBotHarness(
  database: Database,
  options: {
    env?: Record<string, string>;
    emulator?: BotApiEmulator;
    clock?: Clock;
    rateLimit?: RateLimitOptions;
    scheduler?: boolean;
    /** The app's logger (e.g. one writing to memory); by default a silent one (TEST_LOG_LEVEL changes it). */
    logger?: Logger;
    /** Webhook mode: how often the app asks getWebhookInfo. */
    webhookCheckIntervalMs?: number;
  } = {},
): Promise<BotHarness> {
  const emulator = options.emulator ?? (await startBotApiEmulator());
  const config = testConfig({ TELEGRAM_API_ROOT: emulator.apiRoot, ...options.env });
  const app = await createApp({
    config,
    logger: options.logger ?? createLogger({ level: process.env.TEST_LOG_LEVEL ?? "silent" }),
    database,
    pollTimeoutSeconds: 1,
    // Scheduled reminders would interleave with the replies a test waits for; tests of the scheduler turn it on.
    scheduler: options.scheduler ?? false,
    // A script presses buttons faster than any person; the flood test passes the production limit.
    rateLimit: options.rateLimit ?? { limit: 10_000, windowMs: 10_000 },
    ...(options.clock && { clock: options.clock }),
    ...(options.webhookCheckIntervalMs !== undefined && { webhookCheckIntervalMs: options.webhookCheckIntervalMs }),
  });
  await app.start();
  const token = testBotToken;
  return {
    app,
    emulator,
    token,
    async say(user, text, chat) {
      const chatId = chat?.id ?? user.id;
      const before = emulator.messages(chatId).length;
      emulator.sendMessage(token, { from: user, text, ...(chat && { chat }) });
      const messages = await emulator.waitForBotMessages(chatId, before + 1);
      return messages[before]!;
    },
    async press(user, message, label) {
      const before = emulator.messages(message.chat.id).length;
      emulator.pressButton(token, { from: user, message, text: label });
      const messages = await emulator.waitForBotMessages(message.chat.id, before + 1);
      return messages[before]!;
    },
    sent: (chatId) => emulator.messages(chatId),
    async stop() {
      await app.stop();
      if (!options.emulator) await emulator.close();
    },
  };
}

let nextUserId = 700_000_001;

export function telegramUser(overrides: Partial<User> = {}): User {
  return { id: nextUserId++, is_bot: false, first_name: "Lan", language_code: "vi", ...overrides };
}

/** The callback data of an inline button (Telegram's button type is a union without it on every member). */
export function callbackDataOf(message: RecordedMessage, row = 0, column = 0): string {
  const button = message.reply_markup?.inline_keyboard[row]?.[column];
  if (!button || !("callback_data" in button)) throw new Error(`no callback button at ${row},${column}`);
  return button.callback_data;
}
