// Wraps a store to time each of its methods, so a benchmark can say where a command's time goes
// (which store calls, and how much is left for the core and the view).
export interface MethodTiming {
  calls: number;
  ms: number;
}

export interface TimedStore<T> {
  store: T;
  timings: Map<string, MethodTiming>;
  reset(): void;
  /** Time only while recording (on by default): e.g. one step of a multi-step operation. */
  record(on: boolean): void;
  /** "leaderboard 12.1 ms, enter 0.4 ms" per operation, largest first. */
  perOperation(operations: number, top?: number): string;
}

export function timedStore<T extends object>(inner: T): TimedStore<T> {
  const timings = new Map<string, MethodTiming>();
  let recording = true;
  const store = new Proxy(inner, {
    get(target, key, receiver) {
      const value = Reflect.get(target, key, receiver);
      if (typeof value !== "function" || typeof key !== "string") return value;
      return (...args: unknown[]) => {
        const t0 = performance.now();
        const on = recording;
        const record = () => {
          if (!on) return;
          const t = timings.get(key) ?? { calls: 0, ms: 0 };
          t.calls += 1;
          t.ms += performance.now() - t0;
          timings.set(key, t);
        };
        const result = (value as (...a: unknown[]) => unknown).apply(target, args);
        if (result instanceof Promise) return result.finally(record);
        record();
        return result;
      };
    },
  });
  return {
    store,
    timings,
    reset: () => timings.clear(),
    record: (on) => {
      recording = on;
    },
    perOperation: (operations, top = 3) =>
      [...timings.entries()]
        .sort((a, b) => b[1].ms - a[1].ms)
        .slice(0, top)
        .map(([name, t]) => `${name} ${(t.ms / Math.max(1, operations)).toFixed(2)} ms`)
        .join(", "),
  };
}
