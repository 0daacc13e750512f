// Telegram Bot API emulator: in-memory Telegram for tests and the sandbox.
export { BotApiEmulator, type StartOptions, startBotApiEmulator } from "./emulator.js";
export { EmulatorCore } from "./core.js";
export { supportedMethods, type CallOutcome } from "./api/index.js";
export { ApiError, type ApiResponse } from "./errors.js";
export type { FaultTarget, HeldResponse } from "./faults.js";
export type { UploadedFile } from "./params.js";
export type {
  ContactInput,
  GroupInput,
  PressButtonInput,
  UserAction,
  UserMessageInput,
} from "./users.js";
export { commandEntities, privateChatOf } from "./users.js";
export * from "./types.js";
