// Scripted failures for delivery tests. Method names are matched
// case-insensitively, like Telegram matches method names.
import type { InjectedError } from "./types.js";

export class Faults {
  private readonly failures = new Map<string, InjectedError[]>();
  private readonly drops = new Map<string, number>();

  failNext(method: string, error: InjectedError, times = 1): void {
    const queue = this.failures.get(method.toLowerCase()) ?? [];
    for (let i = 0; i < times; i++) queue.push({ ...error });
    this.failures.set(method.toLowerCase(), queue);
  }

  takeFailure(method: string): InjectedError | undefined {
    return this.failures.get(method.toLowerCase())?.shift();
  }

  dropResponseNext(method: string, times = 1): void {
    const key = method.toLowerCase();
    this.drops.set(key, (this.drops.get(key) ?? 0) + times);
  }

  takeDrop(method: string): boolean {
    const key = method.toLowerCase();
    const left = this.drops.get(key) ?? 0;
    if (left <= 0) return false;
    this.drops.set(key, left - 1);
    return true;
  }
}
