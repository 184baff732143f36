// Polling waits for tests: simple, and fast enough at a 5 ms period for a fake on localhost.
import { setTimeout as sleep } from "node:timers/promises";

export class WaitTimeoutError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "WaitTimeoutError";
  }
}

/**
 * Resolves with the first truthy value of `check` (sync or async); rejects after `timeoutMs` with the message
 * `describe()` builds at that moment (so it can list the latest state). A throwing `check` rejects at once.
 */
export async function waitUntil<T>(check: () => T | Promise<T>, timeoutMs: number, describe: () => string): Promise<NonNullable<T>> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() >= deadline) throw new WaitTimeoutError(describe());
    await sleep(5);
  }
}
