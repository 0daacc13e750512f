// Scripted failures for delivery tests. Method names are matched case-insensitively, like Telegram
// matches method names. Each fault may be limited to calls addressed to one chat (`chat_id`), so a test
// can make one person's replies fail while another's go through.
import type { InjectedError } from "./types.js";

/** Which calls a fault applies to: every call of the method, or only those to one chat. */
export interface FaultTarget {
  chatId?: number;
}

/** A response held back until the test releases it (the method itself has run). */
export interface HeldResponse {
  /** Resolves when a call has been caught and its answer is being held. */
  readonly caught: Promise<void>;
  /** Sends the held answer (at once, if it is released before a call is caught). */
  release(): void;
}

interface Pending<T> {
  chatId: number | undefined;
  value: T;
}

export class Faults {
  private readonly failures = new Map<string, Pending<InjectedError>[]>();
  private readonly drops = new Map<string, Pending<true>[]>();
  private readonly holds = new Map<string, Pending<{ caught: () => void; released: Promise<void> }>[]>();

  failNext(method: string, error: InjectedError, times = 1, target: FaultTarget = {}): void {
    for (let i = 0; i < times; i++) this.add(this.failures, method, target, { ...error });
  }

  takeFailure(method: string, chatId?: number): InjectedError | undefined {
    return this.take(this.failures, method, chatId);
  }

  dropResponseNext(method: string, times = 1, target: FaultTarget = {}): void {
    for (let i = 0; i < times; i++) this.add(this.drops, method, target, true);
  }

  takeDrop(method: string, chatId?: number): boolean {
    return this.take(this.drops, method, chatId) === true;
  }

  holdResponseNext(method: string, target: FaultTarget = {}): HeldResponse {
    let caught!: () => void;
    let release!: () => void;
    const caughtPromise = new Promise<void>((resolve) => (caught = resolve));
    const released = new Promise<void>((resolve) => (release = resolve));
    this.add(this.holds, method, target, { caught, released });
    return { caught: caughtPromise, release };
  }

  /** The hold that applies to this call, if any: the caller waits on it before answering. */
  takeHold(method: string, chatId?: number): Promise<void> | undefined {
    const hold = this.take(this.holds, method, chatId);
    if (!hold) return undefined;
    hold.caught();
    return hold.released;
  }

  private add<T>(faults: Map<string, Pending<T>[]>, method: string, target: FaultTarget, value: T): void {
    const key = method.toLowerCase();
    faults.set(key, [...(faults.get(key) ?? []), { chatId: target.chatId, value }]);
  }

  /** The first pending fault of the method that applies to the chat, removed. */
  private take<T>(faults: Map<string, Pending<T>[]>, method: string, chatId: number | undefined): T | undefined {
    const queue = faults.get(method.toLowerCase());
    const index = queue?.findIndex((fault) => fault.chatId === undefined || fault.chatId === chatId) ?? -1;
    if (index < 0) return undefined;
    return queue!.splice(index, 1)[0]!.value;
  }
}

/** The chat a call is addressed to, when its parameters name one by number. */
export function chatIdOfParams(raw: Readonly<Record<string, unknown>>): number | undefined {
  const value = raw.chat_id;
  if (typeof value === "number") return value;
  if (typeof value === "string" && /^-?\d+$/.test(value.trim())) return Number(value.trim());
  return undefined;
}
