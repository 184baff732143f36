// The request pipeline in front of the routes: injected failures, the optional global rate limit, bot
// authentication, routing, rate-limit headers, and recording every request (never the Authorization value).
import type { Chaos } from "./chaos.ts";
import { DelayInjector, FailureInjector, rateLimitAnswer, type InjectedAnswer } from "./failure-injection.ts";
import type { InteractionTracker } from "./interactions.ts";
import { DiscordErrors } from "./payloads.ts";
import { GlobalRateLimiter, RouteBuckets, type BucketOptions } from "./rate-limits.ts";
import type { RequestLog } from "./request-log.ts";
import { fail, type RouteContext, type RouteHandler } from "./rest-routes.ts";
import type { Router } from "./rest-router.ts";
import type { RestAnswer, RestRequest } from "./rest-server.ts";

export interface RestApiOptions {
  /** If set, bot requests must carry `Authorization: Bot <token>` (else 401). */
  token: string | undefined;
  buckets: BucketOptions;
}

/** Interaction callbacks and interaction webhooks need no bot token and ignore the global rate limit. */
const INTERACTION_ROUTE = /^\/(interactions\/[^/]+\/[^/]+\/callback|webhooks\/[^/]+\/[^/]+)(\/|$)/;

export class RestApi {
  readonly failures = new FailureInjector();
  readonly delays = new DelayInjector();
  readonly globalLimit = new GlobalRateLimiter();
  /** Random faults, when a test turned them on. */
  chaos: Chaos | null = null;
  /** Requests being handled (held by a stall or a delay included). */
  inFlight = 0;
  /** 429 answers sent (injected or from the global limit). */
  rateLimited = 0;
  /** Errors thrown by route handlers: bugs in the fake, surfaced instead of crashing. */
  readonly internalErrors: Error[] = [];
  readonly #buckets: RouteBuckets;

  constructor(
    private readonly router: Router<RouteHandler>,
    private readonly log: RequestLog,
    private readonly interactions: InteractionTracker,
    private readonly options: RestApiOptions,
  ) {
    this.#buckets = new RouteBuckets(options.buckets);
  }

  readonly handle = async (request: RestRequest): Promise<RestAnswer> => {
    this.inFlight += 1;
    try {
      return await this.answer(request);
    } finally {
      this.inFlight -= 1;
    }
  };

  private async answer(request: RestRequest): Promise<RestAnswer> {
    const path = request.path ?? request.rawPath;
    const chaos = this.chaos?.pick(request.method, path) ?? null;
    const delay = this.delays.take(request.method, path) + (chaos?.fault === "stall" ? (this.chaos?.options.stallMs ?? 0) : 0);
    if (delay > 0) await new Promise((resolve) => setTimeout(resolve, delay));
    const at = Date.now();
    const ctx: RouteContext = {
      request,
      params: {},
      body:
        typeof request.body === "object" && request.body !== null && !Array.isArray(request.body)
          ? (request.body as Record<string, unknown>)
          : {},
      interactionId: this.interactionIdOf(path),
    };
    let injected = false;
    let answer: RestAnswer;

    const early = chaos && !chaos.afterWork ? chaos.fault : null;
    const failure =
      early === "429"
        ? rateLimitAnswer(this.chaos?.options.retryAfter ?? 0.5, false)
        : early === "500"
          ? { status: 500, body: { message: "500: Internal Server Error", code: 0 }, headers: {}, rule: { path, status: 500 } }
          : this.failures.take(request.method, path);
    if (early === "reset") return { status: 0, reset: true };
    const isInteractionRoute = INTERACTION_ROUTE.test(path);
    const globalRetryAfter = failure || isInteractionRoute ? null : this.globalLimit.admit(at);
    if (failure) {
      answer = toAnswer(failure);
      injected = true;
    } else if (globalRetryAfter !== null) {
      answer = toAnswer(rateLimitAnswer(globalRetryAfter, true));
      injected = true;
    } else {
      answer = this.route(ctx, path, isInteractionRoute);
      // The work is done; the answer is lost on the way.
      if (chaos?.afterWork && chaos.fault === "500") answer = { status: 500, body: { message: "500: Internal Server Error", code: 0 } };
      if (chaos?.afterWork && chaos.fault === "reset") return { status: 0, reset: true };
    }

    if (answer.status !== 429 || !answer.headers?.["X-RateLimit-Global"]) {
      answer = { ...answer, headers: { ...this.#buckets.take(request.method, path, at), ...answer.headers } };
    }
    if (answer.status === 429) this.rateLimited++;
    const tracked = ctx.interactionId ? this.interactions.byId(ctx.interactionId) : undefined;
    if (tracked) tracked.lastActivityAt = Date.now();
    const errorCode =
      typeof answer.body === "object" && answer.body !== null && "code" in answer.body ? Number(answer.body.code) : undefined;
    this.log.add({
      at,
      method: request.method,
      path,
      query: Object.fromEntries(request.query),
      body: request.body,
      files: request.files,
      headers: {
        ...(request.headers["user-agent"] ? { userAgent: request.headers["user-agent"] } : {}),
        ...(request.headers["content-type"] ? { contentType: request.headers["content-type"] } : {}),
        ...(typeof request.headers["x-audit-log-reason"] === "string"
          ? { auditLogReason: decodeURIComponent(request.headers["x-audit-log-reason"]) }
          : {}),
      },
      hasAuthorization: request.headers.authorization !== undefined,
      status: answer.status,
      injected,
      interactionId: ctx.interactionId,
      ...(answer.status >= 400 && errorCode !== undefined && !Number.isNaN(errorCode) ? { errorCode } : {}),
    });
    return answer;
  }

  private route(ctx: RouteContext, path: string, isInteractionRoute: boolean): RestAnswer {
    const { request } = ctx;
    if (request.path === null) return fail(404, DiscordErrors.notFound);
    if (request.invalidJson) return fail(400, DiscordErrors.invalidJson);
    const unauthenticated = isInteractionRoute || path === "/gateway";
    if (!unauthenticated && !this.authorized(request.headers.authorization)) return fail(401, DiscordErrors.unauthorized);
    const match = this.router.match(request.method, path);
    if (!("handler" in match)) {
      return match.methodNotAllowed ? fail(405, { code: 0, message: "405: Method Not Allowed" }) : fail(404, DiscordErrors.notFound);
    }
    ctx.params = match.params;
    try {
      return match.handler(ctx);
    } catch (error) {
      const wrapped = error instanceof Error ? error : new Error(String(error));
      this.internalErrors.push(wrapped);
      return { status: 500, body: { message: `fake discord internal error: ${wrapped.message}`, code: 0 } };
    }
  }

  private authorized(header: string | undefined): boolean {
    if (!header) return false;
    const [scheme, token] = header.split(" ", 2);
    if (scheme !== "Bot" && scheme !== "Bearer") return false;
    return this.options.token === undefined || token === this.options.token;
  }

  /** The interaction a callback or interaction-webhook path belongs to, even when the request is failed. */
  private interactionIdOf(path: string): string | null {
    const callback = /^\/interactions\/([^/]+)\/[^/]+\/callback$/.exec(path);
    if (callback?.[1]) return this.interactions.byId(callback[1]) ? callback[1] : null;
    const webhook = /^\/webhooks\/[^/]+\/([^/]+)/.exec(path);
    return webhook?.[1] ? (this.interactions.byToken(webhook[1])?.id ?? null) : null;
  }
}

function toAnswer(injected: InjectedAnswer): RestAnswer {
  return { status: injected.status, body: injected.body, headers: injected.headers };
}
