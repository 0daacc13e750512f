// The whole app (createApp: database, bot, update inbox, outbox sender, scheduler) as a child process whose
// clock the test drives over IPC, for tests of several instances on one PostgreSQL database.
//
// The clock runs in real time from the instant the test last set, so the sender's per-second limits
// work as in production, while the test jumps between the times that matter. No cron: the test asks for
// each scheduler tick. Every instance polls getUpdates with the same token (the emulator answers the
// older of two concurrent polls with 409 Conflict, as Telegram does, and the app logs it and polls again),
// or, with WEBHOOK_URL in its environment, serves the webhook.
//
// Messages: { id, type: "set-time", at } | { id, type: "tick" } | { id, type: "stop" }; each is answered
// with { id, ok: true } or { id, ok: false, error }. "ready" is sent once the app has started.
import { createApp } from "../../src/app.js";
import type { Clock } from "../../src/clock.js";
import { createConfig } from "../../src/config.js";
import { createLogger } from "../../src/logger.js";

type Request =
  | { id: number; type: "set-time"; at: string }
  | { id: number; type: "tick" }
  | { id: number; type: "stop" };

let base = new Date(process.env.START_AT ?? Date.now()).getTime();
let setAt = Date.now();
const clock: Clock = { now: () => new Date(base + (Date.now() - setAt)) };

const config = createConfig(process.env);
const logger = createLogger({ level: process.env.LOG_LEVEL ?? "warn", destination: process.stderr });
const app = await createApp({ config, logger, clock, scheduler: false, pollTimeoutSeconds: 1 });
await app.start();

process.on("message", async (request: Request) => {
  try {
    if (request.type === "set-time") {
      base = new Date(request.at).getTime();
      setAt = Date.now();
    } else if (request.type === "tick") {
      await app.scheduler.tick();
    } else {
      await app.stop();
      process.send!({ id: request.id, ok: true }, () => process.exit(0));
      return;
    }
    process.send!({ id: request.id, ok: true });
  } catch (error) {
    process.send!({ id: request.id, ok: false, error: String(error) });
  }
});
process.send!("ready");
