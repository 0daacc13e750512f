// Pausing reminders for a unit whose congress is officially postponed: what `/hoan CODE reason` must
// hold, and who may pause. A postponement is decided above the unit, so its own officers may not silence
// their reminders: only the leader of a working group following the unit, and standing-committee members
// and admins on the unit or above it, may pause or resume (issue #11; the "pause" action of
// src/domain/scope.ts).
import { unitCodePattern } from "./unit-code.js";

/** Long enough for "Hoãn theo Công văn số 123-CV/QU ngày … do …", short enough for a line of a daily list. */
export const pauseReasonMaxLength = 300;

export type PauseCommand =
  | { ok: true; code: string; reason: string }
  | { ok: false; problem: "usage" }
  | { ok: false; problem: "bad-code"; code: string }
  | { ok: false; problem: "no-reason"; code: string }
  | { ok: false; problem: "too-long"; code: string; length: number; max: number };

/** `CODE reason…`; the reason is one line (whitespace collapsed), counted in characters as people see them. */
export function parsePauseCommand(input: string | undefined): PauseCommand {
  const text = (input ?? "").normalize("NFC").trim();
  if (text === "") return { ok: false, problem: "usage" };
  const [code = "", ...rest] = text.split(/\s+/);
  if (!unitCodePattern.test(code)) return { ok: false, problem: "bad-code", code };
  const reason = rest.join(" ").trim();
  if (reason === "") return { ok: false, problem: "no-reason", code };
  const length = [...reason].length;
  if (length > pauseReasonMaxLength) return { ok: false, problem: "too-long", code, length, max: pauseReasonMaxLength };
  return { ok: true, code, reason };
}

export type ResumeCommand =
  | { ok: true; code: string }
  | { ok: false; problem: "usage" }
  | { ok: false; problem: "bad-code"; code: string };

export function parseResumeCommand(input: string | undefined): ResumeCommand {
  const words = (input ?? "").trim().split(/\s+/).filter(Boolean);
  if (words.length !== 1) return { ok: false, problem: "usage" };
  const code = words[0]!;
  return unitCodePattern.test(code) ? { ok: true, code } : { ok: false, problem: "bad-code", code };
}
