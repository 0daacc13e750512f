// Waiting for the world to reach a state. Conditions are re-checked on every
// change instead of polling, so waits end as soon as the state is there.
import type { World } from "./world.js";

export function waitFor<T>(
  world: World,
  check: () => T | undefined | null | false,
  timeoutMs: number,
  describeTimeout: () => string = () => `waitFor: condition not met within ${timeoutMs} ms`,
): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const evaluate = (): boolean => {
      let value: T | undefined | null | false;
      try {
        value = check();
      } catch (error) {
        finish(() => reject(error));
        return true;
      }
      if (value !== undefined && value !== null && value !== false) {
        finish(() => resolve(value));
        return true;
      }
      if (world.closed) {
        finish(() => reject(new Error(`Emulator closed while waiting. ${describeTimeout()}`)));
        return true;
      }
      return false;
    };
    let unsubscribe = () => {};
    let timer: ReturnType<typeof setTimeout> | undefined;
    let settled = false;
    const finish = (settle: () => void) => {
      if (settled) return;
      settled = true;
      unsubscribe();
      clearTimeout(timer);
      settle();
    };
    if (evaluate()) return;
    unsubscribe = world.onChange(() => void evaluate());
    timer = setTimeout(() => finish(() => reject(new Error(describeTimeout()))), timeoutMs);
  });
}
