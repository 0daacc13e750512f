// The scheduler's command-menu job: when to compare everyone's menus with what they should be (at the first
// run, when the inputs' signature changes, and hourly). What a menu holds is src/usecases/command-menus.ts.
import type { Clock } from "../clock.js";
import { menuInputsSignature } from "../db/command-menu-store.js";
import type { Logger } from "../logger.js";
import { planAllMenus, type CommandMenuDeps } from "../usecases/command-menus.js";

const fullComparisonEveryMs = 60 * 60_000;

/** The scheduler job: the full comparison at its first run, when the inputs' signature changes, and hourly. */
export function createCommandMenuJob(
  deps: CommandMenuDeps & { clock: Clock; logger: Pick<Logger, "debug"> },
): () => Promise<number> {
  let lastSignature: string | null = null;
  let lastFullAt = Number.NEGATIVE_INFINITY;
  return async () => {
    const now = deps.clock.now();
    const signature = await menuInputsSignature(deps.prisma);
    if (signature === lastSignature && now.getTime() - lastFullAt < fullComparisonEveryMs) return 0;
    const count = await planAllMenus(deps, now);
    // Read before the comparison: a change made meanwhile shows as a new signature next minute.
    lastSignature = signature;
    lastFullAt = now.getTime();
    deps.logger.debug({ planned: count }, "command menus compared");
    return count;
  };
}
