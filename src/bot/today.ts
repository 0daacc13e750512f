import { localToday } from "../clock.js";
import type { LocalDate } from "../domain/local-date.js";
import type { BotContext } from "./context.js";

/** Today in the office's time zone, from the app's clock. */
export function todayFor(ctx: Pick<BotContext, "deps">): LocalDate {
  return localToday(ctx.deps.clock, ctx.deps.config.timezone);
}
