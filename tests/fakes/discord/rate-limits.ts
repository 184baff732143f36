// Rate-limit bookkeeping: honest `X-RateLimit-*` headers per bucket, and an optional global limit the fake
// enforces itself. Per-route buckets only report; they never answer 429 on their own (use failNext for that).
import { createHash } from "node:crypto";

export interface BucketOptions {
  /** Requests per window each bucket reports as its limit. Generous by default so tests are never slowed. */
  limit: number;
  windowMs: number;
}

/** Routes whose first parameter is "major": each value gets a bucket of its own, as Discord documents. */
const MAJOR_PARAMETER = /^\/(channels|guilds|webhooks|interactions)\/([^/]+)(?:\/([^/]+))?/;

export class RouteBuckets {
  readonly #counters = new Map<string, { count: number; resetAt: number }>();

  constructor(private readonly options: BucketOptions) {}

  /** Counts a request and returns the headers Discord would send with the answer. */
  take(method: string, path: string, now = Date.now()): Record<string, string> {
    const { template, major } = bucketRoute(path);
    const bucket = createHash("sha1").update(`${method} ${template}`).digest("hex").slice(0, 32);
    const key = `${bucket}:${major}`;
    let counter = this.#counters.get(key);
    if (!counter || counter.resetAt <= now) {
      counter = { count: 0, resetAt: now + this.options.windowMs };
      this.#counters.set(key, counter);
    }
    counter.count++;
    const resetAfter = (counter.resetAt - now) / 1000;
    return {
      "X-RateLimit-Limit": String(this.options.limit),
      "X-RateLimit-Remaining": String(Math.max(0, this.options.limit - counter.count)),
      "X-RateLimit-Reset": (counter.resetAt / 1000).toFixed(3),
      "X-RateLimit-Reset-After": resetAfter.toFixed(3),
      "X-RateLimit-Bucket": bucket,
    };
  }
}

/** `/channels/123/messages/456` -> template `/channels/:id/messages/:id`, major `channels/123`. */
export function bucketRoute(path: string): { template: string; major: string } {
  const match = MAJOR_PARAMETER.exec(path);
  let major = "global";
  let template = path;
  if (match) {
    const [, resource, id, token] = match;
    // Webhooks and interactions are keyed by id and token together.
    const withToken = (resource === "webhooks" || resource === "interactions") && token !== undefined;
    major = withToken ? `${resource}/${id}/${token}` : `${resource}/${id}`;
    if (withToken) template = template.replace(`/${resource}/${id}/${token}`, `/${resource}/:id/:token`);
  }
  template = template.replace(/\/\d{16,20}(?=\/|$)/g, "/:id");
  return { template, major };
}

/** Answers 429 (global) once more than `perSecond` requests arrived within any 1-second window. */
export class GlobalRateLimiter {
  #perSecond: number | null = null;
  #accepted: number[] = [];

  configure(perSecond: number | null): void {
    this.#perSecond = perSecond;
    this.#accepted = [];
  }

  get enabled(): boolean {
    return this.#perSecond !== null;
  }

  /** Null if the request may pass (and counts it); otherwise the seconds until a slot frees up. */
  admit(now = Date.now()): number | null {
    if (this.#perSecond === null) return null;
    this.#accepted = this.#accepted.filter((at) => at > now - 1000);
    if (this.#accepted.length >= this.#perSecond) {
      const oldest = this.#accepted[0] ?? now;
      return Math.max(0.001, (oldest + 1000 - now) / 1000);
    }
    this.#accepted.push(now);
    return null;
  }
}
