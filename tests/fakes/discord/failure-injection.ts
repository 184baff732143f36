// failNext(): answer the next matching request(s) with an error instead of handling them, to test retries,
// rate limits (429) and refusals such as 50007 "Cannot send messages to this user".
import { DiscordErrors, rateLimitBody, type DiscordErrorBody } from "./payloads.ts";

export interface FailureRule {
  /** HTTP method to match (any if omitted). */
  method?: string;
  /**
   * Path after `/api/v10`, without the query. A string matches exactly, and `:name` segments match any segment
   * (`"/interactions/:id/:token/callback"`); a RegExp is tested against the path.
   */
  path: string | RegExp;
  status: number;
  /** JSON body; defaults to what Discord sends for that status. */
  body?: unknown;
  /** Seconds, for 429: `retry_after` in the body (exact) and `Retry-After` header (rounded up, as Discord does). */
  retryAfter?: number;
  /** A global 429: adds `X-RateLimit-Global: true` and scope "global". */
  global?: boolean;
  /** `X-RateLimit-Scope` for a 429: "user" (default), "global" or "shared". */
  scope?: "user" | "global" | "shared";
  /** How many matching requests fail (default 1). */
  times?: number;
}

export interface InjectedAnswer {
  status: number;
  body: unknown;
  headers: Record<string, string>;
  rule: FailureRule;
}

interface ActiveRule {
  rule: FailureRule;
  matcher: RegExp;
  remaining: number;
}

export class FailureInjector {
  #rules: ActiveRule[] = [];

  add(rule: FailureRule): void {
    this.#rules.push({ rule, matcher: toMatcher(rule.path), remaining: rule.times ?? 1 });
  }

  /** The injected answer for this request, if a rule matches (and uses up one of its `times`). */
  take(method: string, path: string): InjectedAnswer | undefined {
    const active = this.#rules.find(
      (candidate) => (!candidate.rule.method || candidate.rule.method.toUpperCase() === method) && candidate.matcher.test(path),
    );
    if (!active) return undefined;
    active.remaining--;
    if (active.remaining <= 0) this.#rules = this.#rules.filter((candidate) => candidate !== active);
    return answerFor(active.rule);
  }

  /** Rules not used up yet. */
  get pending(): FailureRule[] {
    return this.#rules.map((active) => active.rule);
  }

  clear(): void {
    this.#rules = [];
  }
}

/** slowNext(): hold matching requests for a while before answering them (a slow Discord). */
export interface DelayRule {
  method?: string;
  path: string | RegExp;
  ms: number;
  times?: number;
}

export class DelayInjector {
  #rules: { rule: DelayRule; matcher: RegExp; remaining: number }[] = [];

  add(rule: DelayRule): void {
    this.#rules.push({ rule, matcher: toMatcher(rule.path), remaining: rule.times ?? 1 });
  }

  /** Milliseconds to hold this request, using up one of the matching rule's `times`. */
  take(method: string, path: string): number {
    const active = this.#rules.find((c) => (!c.rule.method || c.rule.method.toUpperCase() === method) && c.matcher.test(path));
    if (!active) return 0;
    active.remaining--;
    if (active.remaining <= 0) this.#rules = this.#rules.filter((c) => c !== active);
    return active.rule.ms;
  }
}

function toMatcher(path: string | RegExp): RegExp {
  if (path instanceof RegExp) return path;
  const pattern = path
    .split("/")
    .map((segment) => (segment.startsWith(":") ? "[^/]+" : segment.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")))
    .join("/");
  return new RegExp(`^${pattern}$`);
}

function answerFor(rule: FailureRule): InjectedAnswer {
  if (rule.status === 429) return rateLimitAnswer(rule.retryAfter ?? 1, rule.global ?? false, rule.scope, rule);
  return { status: rule.status, body: rule.body ?? defaultErrorBody(rule.status), headers: {}, rule };
}

export function rateLimitAnswer(retryAfter: number, global: boolean, scope?: FailureRule["scope"], rule?: FailureRule): InjectedAnswer {
  const headers: Record<string, string> = {
    "Retry-After": String(Math.ceil(retryAfter)),
    "X-RateLimit-Scope": scope ?? (global ? "global" : "user"),
  };
  if (global) headers["X-RateLimit-Global"] = "true";
  else {
    headers["X-RateLimit-Limit"] = "1";
    headers["X-RateLimit-Remaining"] = "0";
    headers["X-RateLimit-Reset-After"] = retryAfter.toFixed(3);
    headers["X-RateLimit-Reset"] = ((Date.now() + retryAfter * 1000) / 1000).toFixed(3);
  }
  return {
    status: 429,
    body: rule?.body ?? rateLimitBody(retryAfter, global),
    headers,
    rule: rule ?? { path: "*", status: 429, retryAfter, global },
  };
}

function defaultErrorBody(status: number): DiscordErrorBody {
  switch (status) {
    case 400:
      return { ...DiscordErrors.invalidFormBody };
    case 401:
      return { ...DiscordErrors.unauthorized };
    case 403:
      return { ...DiscordErrors.missingPermissions };
    case 404:
      return { ...DiscordErrors.notFound };
    default:
      return { message: `${status}: fake failure`, code: 0 };
  }
}
