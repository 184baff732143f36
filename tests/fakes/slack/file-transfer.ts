/**
 * The bytes side of Slack files, served by the fake's HTTP server (files.slack.com on the real Slack):
 *
 * - `POST /upload/v1/<key>`: the `upload_url` files.getUploadURLExternal hands out. Takes the bytes raw
 *   (any content type) or as multipart/form-data (the first file part; @slack/web-api sends one part
 *   named `body`). Answers 200 "OK". The URL itself is the credential: no token needed.
 * - `GET /files-pri/<team>-<file id>/download/<name>` (`url_private_download`) and
 *   `GET /files-pri/<team>-<file id>/<name>` (`url_private`): need `Authorization: Bearer xoxb-...`
 *   (or `xoxp-...`); 401 without it (or, with `unauthenticatedDownloads: "login-page"`, a 200 HTML
 *   page like the sign-in page Slack serves), 404 for a file the fake does not hold.
 *
 * Failure injection: `fake.failNext("upload_url", ...)` and `fake.failNext("file_download", ...)`.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import type { FailurePlan, InjectedFailure } from "./failure-injection.ts";
import { type FileStore, MAX_UPLOAD_BYTES } from "./file-store.ts";
import { type TokenKind, tokenKindOf } from "./web-api.ts";

/** How the fake answers a file download without a valid token. */
export type UnauthenticatedDownloads = "401" | "login-page";

/** One request to an upload URL or a file URL. The token's value is never kept. */
export interface FileTransfer {
  kind: "upload" | "download";
  path: string;
  fileId?: string;
  status: number;
  hasToken: boolean;
  tokenKind?: TokenKind;
  /** Content-Type of the request (uploads) or of the answer (downloads). */
  contentType?: string;
  /** For uploads: "multipart" or "raw", how the bytes came. */
  encoding?: "multipart" | "raw";
  /** Bytes received (uploads) or sent (downloads). */
  bytes: number;
  /** Why the fake refused, when it did. */
  problem?: string;
  at: number;
}

export const LOGIN_PAGE_HTML =
  '<!DOCTYPE html><html lang="en-US"><head><meta charset="utf-8"><title>Slack</title></head>' +
  "<body><h1>Sign in to Study Club</h1><p>Continue with the email address you use to sign in.</p></body></html>";

class TooLarge extends Error {}

async function readCapped(req: IncomingMessage, limit: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of req) {
    total += (chunk as Buffer).length;
    if (total > limit) throw new TooLarge();
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

/** The file part of a multipart body, or the body itself. */
async function extractBytes(contentType: string, body: Buffer): Promise<{ bytes: Buffer; encoding: "multipart" | "raw" } | string> {
  if (!contentType.toLowerCase().startsWith("multipart/form-data")) return { bytes: body, encoding: "raw" };
  let form: FormData;
  try {
    form = await new Request("http://fake.invalid/", { method: "POST", headers: { "content-type": contentType }, body }).formData();
  } catch {
    return "unparsable multipart body";
  }
  for (const [, value] of form) {
    if (typeof value !== "string") return { bytes: Buffer.from(await value.arrayBuffer()), encoding: "multipart" };
  }
  return "multipart body without a file part";
}

function sendText(res: ServerResponse, status: number, text: string, headers: Record<string, string> = {}): void {
  res.writeHead(status, { "Content-Type": "text/plain; charset=utf-8", ...headers });
  res.end(text);
}

export class FileTransfers {
  readonly #files: FileStore;
  readonly #failures: FailurePlan;
  readonly #unauthenticated: UnauthenticatedDownloads;
  readonly #log: FileTransfer[] = [];

  constructor(files: FileStore, failures: FailurePlan, unauthenticated: UnauthenticatedDownloads) {
    this.#files = files;
    this.#failures = failures;
    this.#unauthenticated = unauthenticated;
  }

  list(): readonly FileTransfer[] {
    return this.#log;
  }

  /** `POST /upload/v1/<key>`; reads the request body itself (the size limit applies while reading). */
  async upload(req: IncomingMessage, res: ServerResponse, uploadKey: string): Promise<void> {
    const contentType = req.headers["content-type"] ?? "";
    const token = bearerToken(req);
    const base = {
      kind: "upload" as const,
      path: new URL(req.url ?? "/", "http://127.0.0.1").pathname,
      ...tokenFacts(token),
      ...(contentType !== "" && { contentType }),
      at: Date.now(),
    };
    const target = this.#files.byUploadKey(uploadKey);
    const fileFacts = target === undefined ? {} : { fileId: target.id };
    const refuse = (status: number, problem: string, bytes = 0, headers: Record<string, string> = {}): void => {
      this.#log.push({ ...base, ...fileFacts, status, bytes, problem });
      sendText(res, status, problem, headers);
    };
    if (req.method !== "POST") {
      req.resume();
      refuse(405, "method not allowed");
      return;
    }
    if (target === undefined) {
      req.resume();
      refuse(404, "unknown or already completed upload URL");
      return;
    }
    const announced = Number(req.headers["content-length"] ?? "0");
    if (announced > MAX_UPLOAD_BYTES) {
      // Answer before reading a byte and drop the connection: the client may still be sending.
      refuse(413, `request of ${announced} bytes; Slack takes files up to ${MAX_UPLOAD_BYTES} bytes`, 0, { Connection: "close" });
      return;
    }
    let body: Buffer;
    try {
      body = await readCapped(req, MAX_UPLOAD_BYTES + 64 * 1024); // multipart framing on top of the file
    } catch (error) {
      if (!(error instanceof TooLarge)) throw error;
      refuse(413, `more than ${MAX_UPLOAD_BYTES} bytes; Slack takes files up to 1 GB`, 0, { Connection: "close" });
      return;
    }
    const verdict = this.#failures.judge("upload_url");
    if (verdict.kind !== "pass") {
      const failure: InjectedFailure =
        verdict.kind === "rate-limited" ? { status: 429, retryAfter: verdict.retryAfterSeconds } : verdict.failure;
      const status = "error" in failure ? 500 : failure.status;
      const headers: Record<string, string> = "retryAfter" in failure ? { "Retry-After": String(failure.retryAfter) } : {};
      this.#log.push({ ...base, ...fileFacts, status, bytes: body.length, problem: "injected failure" });
      sendText(res, status, "error" in failure ? failure.error : "body" in failure ? (failure.body ?? "") : "", headers);
      return;
    }
    const extracted = await extractBytes(contentType, body);
    if (typeof extracted === "string") {
      this.#log.push({ ...base, ...fileFacts, status: 400, bytes: body.length, problem: extracted });
      sendText(res, 400, extracted);
      return;
    }
    const { bytes, encoding } = extracted;
    if (bytes.length > MAX_UPLOAD_BYTES) {
      this.#log.push({ ...base, ...fileFacts, encoding, status: 413, bytes: bytes.length, problem: "file larger than 1 GB" });
      sendText(res, 413, "file larger than 1 GB");
      return;
    }
    if (target.declaredLength !== undefined && bytes.length !== target.declaredLength) {
      // The fake's own check: catches a `length` counted in characters instead of UTF-8 bytes.
      const problem = `received ${bytes.length} bytes, files.getUploadURLExternal announced length ${target.declaredLength}`;
      this.#log.push({ ...base, ...fileFacts, encoding, status: 400, bytes: bytes.length, problem });
      sendText(res, 400, problem);
      return;
    }
    this.#files.receiveBytes(target.id, bytes);
    this.#log.push({ ...base, ...fileFacts, encoding, status: 200, bytes: bytes.length });
    sendText(res, 200, "OK");
  }

  /** `GET /files-pri/<team>-<file id>[/download]/<name>`. */
  download(req: IncomingMessage, res: ServerResponse, teamAndFileId: string, asAttachment: boolean): void {
    req.resume();
    const token = bearerToken(req);
    const facts = tokenFacts(token);
    const base = { kind: "download" as const, path: new URL(req.url ?? "/", "http://127.0.0.1").pathname, ...facts, at: Date.now() };
    if (req.method !== "GET" && req.method !== "HEAD") {
      this.#log.push({ ...base, status: 405, bytes: 0, problem: "method not allowed" });
      sendText(res, 405, "method not allowed");
      return;
    }
    const verdict = this.#failures.judge("file_download");
    if (verdict.kind !== "pass") {
      const failure: InjectedFailure =
        verdict.kind === "rate-limited" ? { status: 429, retryAfter: verdict.retryAfterSeconds } : verdict.failure;
      const status = "error" in failure ? 500 : failure.status;
      const headers: Record<string, string> = "retryAfter" in failure ? { "Retry-After": String(failure.retryAfter) } : {};
      this.#log.push({ ...base, status, bytes: 0, problem: "injected failure" });
      sendText(res, status, "error" in failure ? failure.error : "body" in failure ? (failure.body ?? "") : "", headers);
      return;
    }
    if (facts.tokenKind !== "bot" && facts.tokenKind !== "user") {
      const problem = token === undefined ? "no Authorization: Bearer token" : `a ${facts.tokenKind ?? "unknown"} token cannot read files`;
      if (this.#unauthenticated === "login-page") {
        this.#log.push({ ...base, status: 200, contentType: "text/html; charset=utf-8", bytes: LOGIN_PAGE_HTML.length, problem });
        res.writeHead(200, { "Content-Type": "text/html; charset=utf-8" });
        res.end(req.method === "HEAD" ? undefined : LOGIN_PAGE_HTML);
        return;
      }
      this.#log.push({ ...base, status: 401, bytes: 0, problem });
      sendText(res, 401, "unauthorized", { "WWW-Authenticate": 'Bearer realm="slack"' });
      return;
    }
    const file = this.#files.download(teamAndFileId);
    if (file === undefined) {
      this.#log.push({ ...base, status: 404, bytes: 0, problem: "no such file" });
      sendText(res, 404, "file not found");
      return;
    }
    this.#log.push({ ...base, fileId: file.id, status: 200, contentType: file.mimetype, bytes: file.bytes.length });
    res.writeHead(200, {
      "Content-Type": file.mimetype,
      "Content-Length": String(file.bytes.length),
      ...(asAttachment && { "Content-Disposition": `attachment; filename*=UTF-8''${encodeURIComponent(file.name)}` }),
    });
    res.end(req.method === "HEAD" ? undefined : file.bytes);
  }
}

function bearerToken(req: IncomingMessage): string | undefined {
  return /^Bearer\s+(\S+)/i.exec(req.headers.authorization ?? "")?.[1];
}

function tokenFacts(token: string | undefined): { hasToken: boolean; tokenKind?: TokenKind } {
  return token === undefined ? { hasToken: false } : { hasToken: true, tokenKind: tokenKindOf(token) };
}
