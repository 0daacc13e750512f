// Method table and the single entry point for API calls, shared by the HTTP
// server and in-process callers.
import { ApiError, type ApiResponse, methodNotFound } from "../errors.js";
import { chatIdOfParams } from "../faults.js";
import type { Params } from "../params.js";
import type { World } from "../world.js";
import { answerCallbackQuery, deleteMyCommands, getMe, getMyCommands, setMyCommands } from "./bot-settings.js";
import { getChat, getChatMenuButton, leaveChat, setChatMenuButton } from "./chats.js";
import type { MethodHandler } from "./context.js";
import { getFile, sendDocument, sendPhoto } from "./files.js";
import {
  deleteMessage,
  editMessageCaption,
  editMessageReplyMarkup,
  editMessageText,
  sendChatAction,
  sendMessage,
} from "./messages.js";
import { deleteWebhook, getUpdates, getWebhookInfo, setWebhook } from "./updates.js";

const METHODS: Record<string, MethodHandler> = {
  getMe,
  getUpdates,
  setWebhook,
  deleteWebhook,
  getWebhookInfo,
  setMyCommands,
  getMyCommands,
  deleteMyCommands,
  sendMessage,
  editMessageText,
  editMessageCaption,
  editMessageReplyMarkup,
  deleteMessage,
  answerCallbackQuery,
  sendChatAction,
  sendPhoto,
  sendDocument,
  getFile,
  leaveChat,
  getChat,
  setChatMenuButton,
  getChatMenuButton,
};

// Telegram matches method names case-insensitively.
const BY_LOWER_NAME = new Map(Object.entries(METHODS).map(([name, fn]) => [name.toLowerCase(), { name, fn }]));

export const supportedMethods = (): string[] => Object.keys(METHODS);

export interface CallOutcome {
  /** Canonical method name (or the name as sent, if unknown). */
  method: string;
  response: ApiResponse;
}

export async function callMethod(
  world: World,
  token: string,
  methodName: string,
  params: Params,
  signal?: AbortSignal,
): Promise<CallOutcome> {
  const entry = BY_LOWER_NAME.get(methodName.toLowerCase());
  const method = entry?.name ?? methodName;
  // Logged on arrival so the log shows call order even for long polls.
  world.requests.push(method);
  const logEntry = { token, method, params: { ...params.raw }, status: 0 };
  world.requestLog.push(logEntry);
  world.changed();
  const response = await run();
  logEntry.status = response.ok ? 200 : response.error_code;
  world.changed();
  return { method, response };

  async function run(): Promise<ApiResponse> {
    try {
      const bot = world.bot(token);
      if (!entry) throw methodNotFound();
      const injected = world.faults.takeFailure(method, chatIdOfParams(params.raw));
      if (injected) {
        const { retry_after, ...rest } = injected;
        throw new ApiError(rest.error_code, rest.description, retry_after !== undefined ? { retry_after } : undefined);
      }
      const result = await entry.fn({ world, bot, params, method, signal });
      // A JSON round trip gives callers a snapshot, never live state.
      return { ok: true, result: JSON.parse(JSON.stringify(result)) as unknown };
    } catch (error) {
      if (error instanceof ApiError) return error.toResponse();
      const description = error instanceof Error ? error.message : String(error);
      return { ok: false, error_code: 500, description: `Internal Server Error: ${description}` };
    }
  }
}
