// chaos(): faults at random, from a seed, on the requests a test names: 429s, 500s, connection
// resets and stalls. A 500 or a reset comes before the work or after it (the message created, its
// answer lost), as on a real network; a stall holds the request, then does the work.
import { seededRandom } from "../../../src/core/random/seeded-random.ts";

export type ChaosFault = "429" | "500" | "reset" | "stall";

export interface ChaosOptions {
  seed: string;
  /** Requests that may fail, tested against `METHOD /path` (the path after /api/v10). */
  match: RegExp;
  /** The chance of each fault for one matching request. */
  rates: Partial<Record<ChaosFault, number>>;
  /** How long a stall holds the request before it is handled. */
  stallMs: number;
  /** `retry_after` of the 429s, in seconds (default 0.5). */
  retryAfter?: number;
  /** The chance that a 500 or a reset comes after the work was done (default 0.5). */
  afterWork?: number;
  /** At most this many faults in all (no limit by default). */
  limit?: number;
}

export interface ChaosPick {
  fault: ChaosFault;
  afterWork: boolean;
}

export class Chaos {
  readonly counts: Record<ChaosFault, number> = { "429": 0, "500": 0, reset: 0, stall: 0 };
  readonly #random: () => number;

  constructor(readonly options: ChaosOptions) {
    this.#random = seededRandom(options.seed);
  }

  /** The fault for this request, if any. */
  pick(method: string, path: string): ChaosPick | null {
    if (!this.options.match.test(`${method} ${path}`)) return null;
    if (this.options.limit !== undefined && Object.values(this.counts).reduce((a, b) => a + b, 0) >= this.options.limit) return null;
    let roll = this.#random();
    const afterWork = this.#random() < (this.options.afterWork ?? 0.5);
    for (const fault of ["429", "500", "reset", "stall"] as const) {
      const rate = this.options.rates[fault] ?? 0;
      if (roll < rate) {
        this.counts[fault] += 1;
        return { fault, afterWork };
      }
      roll -= rate;
    }
    return null;
  }
}
