// What every use case is given: the database, the clock and the office's time zone. The bot's, the web's,
// the scheduler's and the command line's dependencies all have this shape, so each entry point hands its
// own over as it is.
import type { PrismaClient } from "@prisma/client";
import type { Clock } from "../clock.js";
import type { Config } from "../config.js";
import type { PersonProfile } from "../db/people-store.js";

export interface UseCaseDeps {
  prisma: PrismaClient;
  clock: Clock;
  config: Pick<Config, "timezone">;
}

/**
 * Who asks. The office (the command line, run on the office's own server) acts on the whole organisation
 * it names; a person acts through their roster entries (one per organisation), within the one scope rule
 * of src/domain/scope.ts.
 */
export type Requester =
  | { kind: "office"; organizationId: number }
  | { kind: "people"; people: readonly PersonProfile[] };
