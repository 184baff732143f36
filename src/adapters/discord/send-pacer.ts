// Keeps the requests of the scheduled sends under Discord's global limit (50 per second) in any
// sliding one-second window. discord.js's own global limiter counts a fixed window opened by its
// first request, so a burst can straddle two of Discord's windows and cost a 429 and a second's
// pause; this pacer makes such bursts impossible instead of waiting them out.
//
// A request holds its slot until a full window after its answer came back, not after it was sent:
// it reached Discord somewhere between the two, so counting from the answer is the only bound that
// holds whatever the queueing inside discord.js and the network latency. Below the limit a request
// goes out at once; above it, callers are served in arrival order. A timer is armed only while
// someone waits, so an idle pacer keeps nothing alive.

/** Discord's global limit for a bot, in requests per second. */
export const DISCORD_GLOBAL_LIMIT = 50;

export interface SendPacerOptions {
  /** Requests allowed in any window. */
  limit?: number;
  windowMs?: number;
  /** A monotonic clock in milliseconds. */
  now?: () => number;
  /** Calls `fire` after `ms`; the real one is setTimeout. */
  setTimer?: (fire: () => void, ms: number) => void;
}

export class SendPacer {
  readonly limit: number;
  readonly windowMs: number;
  readonly #now: () => number;
  readonly #setTimer: (fire: () => void, ms: number) => void;
  #inFlight = 0;
  /** When each answer inside the current window came back, oldest first. */
  #answeredAt: number[] = [];
  #waiting: (() => void)[] = [];
  #timerArmed = false;

  constructor(o: SendPacerOptions = {}) {
    this.limit = o.limit ?? DISCORD_GLOBAL_LIMIT;
    this.windowMs = o.windowMs ?? 1000;
    if (!Number.isInteger(this.limit) || this.limit < 1) throw new RangeError(`limit must be a positive integer, not ${this.limit}`);
    if (!(this.windowMs > 0)) throw new RangeError(`windowMs must be positive, not ${this.windowMs}`);
    this.#now = o.now ?? (() => performance.now());
    this.#setTimer = o.setTimer ?? ((fire, ms) => void setTimeout(fire, ms));
  }

  /** Runs `send` (one request) as soon as the window has room for it. */
  async run<T>(send: () => Promise<T>): Promise<T> {
    await new Promise<void>((resolve) => {
      this.#waiting.push(resolve);
      this.#release();
    });
    try {
      return await send();
    } finally {
      this.#inFlight -= 1;
      this.#answeredAt.push(this.#now());
      this.#release();
    }
  }

  /** Requests waiting for a slot. */
  get waiting(): number {
    return this.#waiting.length;
  }

  #release(): void {
    const now = this.#now();
    while (this.#answeredAt.length > 0 && now - (this.#answeredAt[0] as number) >= this.windowMs) this.#answeredAt.shift();
    while (this.#waiting.length > 0 && this.#inFlight + this.#answeredAt.length < this.limit) {
      this.#inFlight += 1;
      (this.#waiting.shift() as () => void)();
    }
    // With every slot in flight there is nothing to time: the next answer calls #release again.
    const oldest = this.#answeredAt[0];
    if (this.#waiting.length === 0 || this.#timerArmed || oldest === undefined) return;
    this.#timerArmed = true;
    this.#setTimer(
      () => {
        this.#timerArmed = false;
        this.#release();
      },
      Math.max(1, Math.ceil(oldest + this.windowMs - now)),
    );
  }
}
