/**
 * Planned failures of the fake Web API: one-off failures queued per method (`failNext`) and rate limits
 * (`enforceRateLimit`). Both apply to Web API methods and to the pseudo-method "response_url".
 */

/** Error codes Slack answers with `{ ok: false, error }` that a study bot should handle. */
export type SlackErrorCode =
  | "channel_not_found"
  | "not_in_channel"
  | "is_archived"
  | "cannot_dm_bot"
  | "user_not_found"
  | "user_disabled"
  | "message_not_found"
  | "msg_too_long"
  | "invalid_blocks"
  | "expired_trigger_id"
  | "missing_scope"
  | "not_authed"
  | "invalid_auth"
  | "account_inactive"
  | "token_revoked"
  | "team_access_not_granted"
  | "expired_url"
  | "used_url"
  | "ratelimited"
  | (string & {});

export type InjectedFailure =
  /** HTTP 429 with a `Retry-After` header (seconds), as Slack rate limits. */
  | { status: 429; retryAfter: number }
  /** HTTP 200 with `{ ok: false, error }`: how Slack reports almost every error. */
  | { error: SlackErrorCode }
  /**
   * Any other HTTP status (e.g. 500, 503): Slack's infrastructure failing. `afterWork`: the call
   * is carried out first (a message posted), then the answer is this failure.
   */
  | { status: number; body?: string; afterWork?: boolean };

export type Verdict = { kind: "pass" } | { kind: "fail"; failure: InjectedFailure } | { kind: "rate-limited"; retryAfterSeconds: number };

interface RateLimitRule {
  perSecond: number;
  /** Times of the calls let through in the last second. */
  recent: number[];
}

const WINDOW_MS = 1000;

export class FailurePlan {
  readonly #queued = new Map<string, InjectedFailure[]>();
  readonly #rateLimits = new Map<string, RateLimitRule>();
  #rateLimitedCount = 0;

  failNext(method: string, failure: InjectedFailure, times = 1): void {
    const queue = this.#queued.get(method) ?? [];
    for (let i = 0; i < times; i += 1) queue.push(failure);
    this.#queued.set(method, queue);
  }

  /** `perSecond: null` lifts the limit. */
  enforceRateLimit(method: string, perSecond: number | null): void {
    if (perSecond === null) this.#rateLimits.delete(method);
    else this.#rateLimits.set(method, { perSecond, recent: [] });
  }

  get rateLimitedCount(): number {
    return this.#rateLimitedCount;
  }

  reset(): void {
    this.#queued.clear();
    this.#rateLimits.clear();
    this.#rateLimitedCount = 0;
  }

  /** Decides the fate of one call; calls let through count towards the rate limits. */
  judge(method: string, now: number = Date.now()): Verdict {
    const queued = this.#queued.get(method);
    const failure = queued?.shift();
    if (failure !== undefined) return { kind: "fail", failure };

    const rules = [this.#rateLimits.get(method), this.#rateLimits.get("*")].filter((rule): rule is RateLimitRule => rule !== undefined);
    for (const rule of rules) {
      rule.recent = rule.recent.filter((at) => now - at < WINDOW_MS);
      if (rule.recent.length >= rule.perSecond) {
        const oldest = rule.recent[0] ?? now;
        this.#rateLimitedCount += 1;
        // Whole seconds, at least 1, like Slack's Retry-After.
        const retryAfterSeconds = Math.max(1, Math.ceil((oldest + WINDOW_MS - now) / 1000));
        return { kind: "rate-limited", retryAfterSeconds };
      }
    }
    for (const rule of rules) rule.recent.push(now);
    return { kind: "pass" };
  }
}
