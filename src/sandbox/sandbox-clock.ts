// The sandbox's clock: real time plus an offset the page can move forward, kept in the sandbox data dir
// so a restart continues at the same sandbox time. The bot, the scheduler, the sender and the emulator
// all read it, so moving it is exactly what waiting would have done.
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import dayjs from "dayjs";
import type { Clock } from "../clock.js";
import "../clock.js"; // installs dayjs' utc and timezone plugins

export interface SandboxClock extends Clock {
  offsetMs(): number;
  /** Sets the sandbox time (never backwards: the outbox and digests only ever move forward). */
  jumpTo(to: Date): void;
  advance(ms: number): void;
}

export function createSandboxClock(options: {
  file: string;
  initial: () => Date;
  realNow?: () => number;
}): SandboxClock {
  const realNow = options.realNow ?? Date.now;
  let offset = readOffset(options.file) ?? options.initial().getTime() - realNow();
  const save = () => writeFileSync(options.file, `${JSON.stringify({ offsetMs: offset }, null, 2)}\n`);
  save();
  const now = () => new Date(realNow() + offset);
  return {
    now,
    offsetMs: () => offset,
    jumpTo(to) {
      offset += Math.max(0, to.getTime() - now().getTime());
      save();
    },
    advance(ms) {
      offset += Math.max(0, ms);
      save();
    },
  };
}

function readOffset(file: string): number | undefined {
  if (!existsSync(file)) return undefined;
  try {
    const value = (JSON.parse(readFileSync(file, "utf8")) as { offsetMs?: unknown }).offsetMs;
    return typeof value === "number" && Number.isFinite(value) ? value : undefined;
  } catch {
    return undefined;
  }
}

/** The next moment the daily digest is due: today at DIGEST_TIME if that is still ahead, else tomorrow. */
export function nextDigestTime(now: Date, timezone: string, digestTime: string): Date {
  const local = dayjs(now).tz(timezone);
  const today = dayjs.tz(`${local.format("YYYY-MM-DD")} ${digestTime}`, "YYYY-MM-DD HH:mm", timezone);
  return (today.isAfter(local) ? today : today.add(1, "day")).toDate();
}

/**
 * Where a new sandbox starts. With the demo's progress loaded: 09:00 on the day of its latest report (the
 * morning after the office's figures were known, when the campaign is in motion). Without: 09:00 eight days
 * before the earliest "congress held" deadline, so a visitor arrives with reminders due within the week.
 */
export function campaignStartTime(
  heldDeadlines: Date[],
  timezone: string,
  fallback: Date,
  latestReport: Date | null = null,
): Date {
  if (latestReport) {
    const day = dayjs(latestReport).tz(timezone).format("YYYY-MM-DD");
    return dayjs.tz(`${day} 09:00`, "YYYY-MM-DD HH:mm", timezone).toDate();
  }
  const earliest = heldDeadlines.map((d) => d.toISOString().slice(0, 10)).sort()[0];
  if (!earliest) return fallback;
  return dayjs.tz(`${earliest} 09:00`, "YYYY-MM-DD HH:mm", timezone).subtract(8, "day").toDate();
}
