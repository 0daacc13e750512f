import type { BotState } from "../bot-state.js";
import type { Params } from "../params.js";
import type { World } from "../world.js";

/** What a Bot API method implementation gets to work with. */
export interface CallContext {
  world: World;
  bot: BotState;
  params: Params;
  /** Canonical method name, e.g. "sendMessage". */
  method: string;
  /** Aborted when the HTTP client goes away (long polling stops waiting). */
  signal?: AbortSignal;
}

export type MethodHandler = (ctx: CallContext) => unknown;
