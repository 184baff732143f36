/**
 * Slack's side of HTTP mode: requests signed like Slack signs them, posted to the app's own HTTP
 * endpoint (Bolt's HTTPReceiver answers at `/slack/events` by default).
 *
 * Signing (https://docs.slack.dev/authentication/verifying-requests-from-slack):
 * `X-Slack-Signature: v0=` + hex HMAC-SHA256(signingSecret, `v0:{timestamp}:{rawBody}`), with
 * `X-Slack-Request-Timestamp` in seconds. Apps reject requests older than 5 minutes.
 */
import { createHmac } from "node:crypto";
import type { BlockAction, EnvelopedEvent, SlashCommand, ViewSubmitAction } from "@slack/bolt";

export interface SignatureHeaders {
  "X-Slack-Signature": string;
  "X-Slack-Request-Timestamp": string;
}

export const nowInSeconds = (): number => Math.floor(Date.now() / 1000);

export function signRequest(signingSecret: string, rawBody: string, timestamp: number = nowInSeconds()): SignatureHeaders {
  const digest = createHmac("sha256", signingSecret).update(`v0:${timestamp}:${rawBody}`).digest("hex");
  return { "X-Slack-Signature": `v0=${digest}`, "X-Slack-Request-Timestamp": String(timestamp) };
}

/** A request body exactly as Slack puts it on the wire. */
export interface EncodedBody {
  /** Bolt compares the content type exactly, so no `; charset=` suffix (Slack sends none). */
  contentType: "application/x-www-form-urlencoded" | "application/json";
  raw: string;
}

/** Slash commands arrive form-encoded, one field per property. */
export function encodeSlashCommand(command: SlashCommand): EncodedBody {
  const fields = Object.entries(command).filter((entry): entry is [string, string] => typeof entry[1] === "string");
  return { contentType: "application/x-www-form-urlencoded", raw: new URLSearchParams(fields).toString() };
}

/** Interactivity (block_actions, view_submission, ...) arrives form-encoded as one `payload=<json>` field. */
export function encodeInteraction(payload: BlockAction | ViewSubmitAction | Record<string, unknown>): EncodedBody {
  return {
    contentType: "application/x-www-form-urlencoded",
    raw: new URLSearchParams({ payload: JSON.stringify(payload) }).toString(),
  };
}

/** Events API callbacks arrive as JSON. */
export function encodeEvent(payload: EnvelopedEvent | Record<string, unknown>): EncodedBody {
  return { contentType: "application/json", raw: JSON.stringify(payload) };
}

export type SignatureHeaderName = keyof SignatureHeaders;

export interface PostToAppOptions {
  body: EncodedBody;
  signingSecret: string;
  /** Seconds; default now. Use `nowInSeconds() - 6 * 60` for a stale request. */
  timestamp?: number;
  /** Extra headers, e.g. `{ "X-Slack-Retry-Num": "1", "X-Slack-Retry-Reason": "http_timeout" }`. */
  headers?: Record<string, string>;
  /** Sign with a wrong secret (an attacker's request). */
  forgeSignature?: boolean;
  /** Leave signature headers out. */
  omitHeaders?: SignatureHeaderName[];
  timeoutMs?: number;
}

export interface AppResponse {
  status: number;
  body: string;
  contentType: string | null;
  /** The body parsed as JSON, or undefined when it is empty or not JSON. */
  json: unknown;
}

/** POSTs a request to an HTTP-mode app the way Slack would. */
export async function postToApp(url: string, options: PostToAppOptions): Promise<AppResponse> {
  const secret = options.forgeSignature ? `forged-${options.signingSecret}` : options.signingSecret;
  const signature = signRequest(secret, options.body.raw, options.timestamp);
  const omitted = new Set(options.omitHeaders ?? []);
  const headers: Record<string, string> = {
    "Content-Type": options.body.contentType,
    "User-Agent": "Slackbot 1.0 (+https://api.slack.com/robots)",
    ...(!omitted.has("X-Slack-Signature") && { "X-Slack-Signature": signature["X-Slack-Signature"] }),
    ...(!omitted.has("X-Slack-Request-Timestamp") && {
      "X-Slack-Request-Timestamp": signature["X-Slack-Request-Timestamp"],
    }),
    ...options.headers,
  };
  const response = await fetch(url, {
    method: "POST",
    headers,
    body: options.body.raw,
    signal: AbortSignal.timeout(options.timeoutMs ?? 5000),
  });
  const body = await response.text();
  let json: unknown;
  try {
    json = body === "" ? undefined : JSON.parse(body);
  } catch {
    json = undefined;
  }
  return { status: response.status, body, contentType: response.headers.get("content-type"), json };
}
