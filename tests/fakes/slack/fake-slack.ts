/**
 * A local fake of Slack for end-to-end tests of the bot with the real @slack/bolt App.
 *
 *   const fake = await FakeSlack.start();
 *   const app = new App({ token: "xoxb-test", appToken: "xapp-test", socketMode: true,
 *                         clientOptions: { slackApiUrl: fake.apiUrl } });
 *   await app.start();                       // apps.connections.open -> fake.socketUrl -> hello
 *   const ack = await fake.socket.sendSlashCommand(slashCommandPayload({ responseUrl: fake.responseUrl() }));
 *   ...
 *   await app.stop(); await fake.stop();
 *
 * Start the fake BEFORE constructing the App: Bolt calls auth.test from the App constructor.
 *
 * One HTTP server on 127.0.0.1 serves the Web API (`/api/<method>`), response URLs (`/response/<id>`),
 * file upload URLs (`/upload/v1/<key>`) and file downloads (`/files-pri/...`, see file-transfer.ts);
 * a WebSocket server on its own port plays Socket Mode (see socket-mode-server.ts).
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { FailurePlan, type InjectedFailure } from "./failure-injection.ts";
import { type FileObject, type FileState, FileStore, type NewUserFile, type UploadedFileRecord } from "./file-store.ts";
import { type FileTransfer, FileTransfers, type UnauthenticatedDownloads } from "./file-transfer.ts";
import { MessageStore, type StoredMessage } from "./message-store.ts";
import { DEFAULT_USER } from "./payloads.ts";
import { type ResponseUrlPost, ResponseUrls, type ResponseUrlTarget } from "./response-urls.ts";
import { FakeSocketMode } from "./socket-mode-server.ts";
import { type FakeTeam, type FakeUser, UserDirectory } from "./user-directory.ts";
import { type StoredView, ViewStore } from "./view-store.ts";
import { type ApiAnswer, type ApiArgs, type TokenKind, tokenKindOf, WebApiMethods } from "./web-api.ts";
import { STANDARD_WORKSPACE, type Workspace } from "./workspace.ts";

export type { InjectedFailure, SlackErrorCode } from "./failure-injection.ts";
export type { FileObject, FileShare, FileState, NewUserFile, UploadedFileRecord } from "./file-store.ts";
export { MAX_FILE_INPUT_BYTES, MAX_UPLOAD_BYTES } from "./file-store.ts";
export type { FileTransfer, UnauthenticatedDownloads } from "./file-transfer.ts";
export type { StoredMessage } from "./message-store.ts";
export type { ResponseUrlPost, ResponseUrlTarget } from "./response-urls.ts";
export type { DisconnectReason, Envelope, EnvelopeOptions, FakeSocketMode, SocketAck } from "./socket-mode-server.ts";
export type { FakeTeam, FakeUser } from "./user-directory.ts";
export type { StoredView } from "./view-store.ts";
export type { TokenKind } from "./web-api.ts";
export type { Workspace } from "./workspace.ts";
export { GRID_HOME_TEAM_ID, GRID_WORKSPACE, STANDARD_WORKSPACE } from "./workspace.ts";
export {
  type AppResponse,
  type EncodedBody,
  encodeEvent,
  encodeInteraction,
  encodeSlashCommand,
  nowInSeconds,
  type PostToAppOptions,
  postToApp,
  signRequest,
} from "./http-mode.ts";

export interface FakeSlackOptions {
  /** Identity of the workspace (default `STANDARD_WORKSPACE`; `GRID_WORKSPACE` for Enterprise Grid). */
  workspace?: Workspace;
  /** How long `fake.socket.send*()` waits for an ack. Default 3000 ms, Slack's deadline. */
  ackTimeoutMs?: number;
  /**
   * How a file download without a valid bot/user token is answered: "401" (default), or "login-page":
   * 200 with an HTML sign-in page, which is what a browser-style request to Slack's file URLs gets.
   * Use "login-page" to prove the bot checks what it downloaded instead of trusting a 200.
   */
  unauthenticatedDownloads?: UnauthenticatedDownloads;
}

/** One Web API request the fake received. The token's value is never kept. */
export interface RecordedCall {
  method: string;
  /** Arguments with `token` removed; JSON-valued fields (blocks, view, ...) decoded. */
  args: ApiArgs;
  hasToken: boolean;
  tokenKind?: TokenKind;
  /** Request headers, lower-cased, without Authorization. */
  headers: Record<string, string>;
  /** HTTP status the fake answered (429 for rate-limited attempts). */
  status: number;
  ok: boolean;
  error?: string;
  response: ApiAnswer | string;
  at: number;
}

/** Argument names @slack/web-api JSON-encodes inside form bodies. */
const JSON_ENCODED_ARGS = new Set(["blocks", "attachments", "view", "metadata", "unfurls", "user_auth_blocks", "files"]);

const readBody = async (req: IncomingMessage): Promise<string> => {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
};

const UPLOAD_PATH = /^\/upload\/v1\/([A-Za-z0-9_-]+)$/;
const DOWNLOAD_PATH = /^\/files-pri\/([A-Z0-9]+-[A-Z0-9]+)\/(download\/)?[^/]+$/;

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Parses a Web API request body the ways clients send it: form-encoded (web-api) or JSON. */
function parseArgs(contentType: string, rawBody: string, query: URLSearchParams): ApiArgs | "unsupported" {
  const args: ApiArgs = Object.fromEntries(query);
  if (contentType.startsWith("application/json")) {
    if (rawBody === "") return args;
    const parsed: unknown = JSON.parse(rawBody);
    if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) return "unsupported";
    return { ...args, ...(parsed as ApiArgs) };
  }
  if (contentType === "" || contentType.startsWith("application/x-www-form-urlencoded")) {
    for (const [key, value] of new URLSearchParams(rawBody)) {
      args[key] = JSON_ENCODED_ARGS.has(key) ? decodeJson(value) : value;
    }
    return args;
  }
  return "unsupported"; // multipart (file uploads) is not implemented
}

function decodeJson(value: string): unknown {
  try {
    return JSON.parse(value);
  } catch {
    return value;
  }
}

function parseJsonObject(text: string): Record<string, unknown> | undefined {
  const value = decodeJson(text);
  return typeof value === "object" && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}

function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, { "Content-Type": "application/json; charset=utf-8", ...headers });
  res.end(JSON.stringify(body));
}

export class FakeSlack {
  /** `http://127.0.0.1:PORT/api/`: pass as `clientOptions.slackApiUrl`. */
  readonly apiUrl: string;
  readonly socket: FakeSocketMode;
  readonly workspace: Workspace;

  readonly #server: Server;
  readonly #calls: RecordedCall[] = [];
  readonly #failures = new FailurePlan();
  readonly #users = new UserDirectory();
  readonly #messages = new MessageStore();
  readonly #views = new ViewStore();
  readonly #files: FileStore;
  readonly #fileTransfers: FileTransfers;
  readonly #responseUrls: ResponseUrls;
  readonly #methods: WebApiMethods;
  readonly #closedChannels = new Map<string, "not_in_channel" | "channel_not_found">();

  private constructor(server: Server, socket: FakeSocketMode, workspace: Workspace, options: FakeSlackOptions) {
    const { port } = server.address() as AddressInfo;
    this.#server = server;
    this.socket = socket;
    this.workspace = workspace;
    this.apiUrl = `http://127.0.0.1:${port}/api/`;
    this.#responseUrls = new ResponseUrls(`http://127.0.0.1:${port}/response/`, this.#messages);
    this.#files = new FileStore(`http://127.0.0.1:${port}`, workspace);
    this.#fileTransfers = new FileTransfers(this.#files, this.#failures, options.unauthenticatedDownloads ?? "401");
    this.#methods = new WebApiMethods({
      workspace,
      users: this.#users,
      messages: this.#messages,
      views: this.#views,
      files: this.#files,
      socketUrl: () => this.socketUrl,
      closedChannels: this.#closedChannels,
    });
    this.#users.setUser(workspace.teamId, workspace.botUserId, { name: "studybot", isBot: true });
    server.on("request", (req: IncomingMessage, res: ServerResponse) => {
      this.#route(req, res).catch((error: unknown) => {
        if (!res.headersSent) sendJson(res, 500, { ok: false, error: "fake_slack_internal_error" });
        else res.end();
        console.error("FakeSlack failed to handle a request", error);
      });
    });
  }

  static async start(options: FakeSlackOptions = {}): Promise<FakeSlack> {
    const workspace = options.workspace ?? STANDARD_WORKSPACE;
    const server = createServer();
    await new Promise<void>((resolve, reject) => {
      server.once("error", reject);
      server.listen(0, "127.0.0.1", resolve);
    });
    try {
      const socket = await FakeSocketMode.start({ appId: workspace.appId, ackTimeoutMs: options.ackTimeoutMs ?? 3000 });
      return new FakeSlack(server, socket, workspace, options);
    } catch (error) {
      server.close();
      throw error;
    }
  }

  async stop(): Promise<void> {
    await this.socket.stop();
    // fetch (undici) keeps connections alive; close them or server.close() waits for them.
    this.#server.closeAllConnections();
    await new Promise<void>((resolve) => this.#server.close(() => resolve()));
  }

  /** What apps.connections.open returns. */
  get socketUrl(): string {
    return this.socket.url;
  }

  // ------------------------------------------------------------------------------------------------
  // Recorded traffic

  get calls(): readonly RecordedCall[] {
    return this.#calls;
  }

  /** Calls to one method, rate-limited and failed attempts included (check `ok` / `status`). */
  callsTo(method: string): RecordedCall[] {
    return this.#calls.filter((call) => call.method === method);
  }

  /** POSTs to response URLs, all or those of one URL (id or full URL). */
  responses(idOrUrl?: string): ResponseUrlPost[] {
    return this.#responseUrls.posts(idOrUrl);
  }

  // ------------------------------------------------------------------------------------------------
  // Workspace state

  /** Registers a user for users.info (`teamId` is the user's home workspace). */
  setUser(teamId: string, userId: string, user: FakeUser = {}): void {
    this.#users.setUser(teamId, userId, user);
  }

  setTeam(team: FakeTeam): void {
    this.#users.setTeam(team);
  }

  /** Current messages of a channel (or all channels), oldest first; ephemeral ones included. */
  messages(channel?: string): StoredMessage[] {
    return this.#messages.list(channel);
  }

  message(channel: string, ts: string): StoredMessage | undefined {
    return this.#messages.find(channel, ts);
  }

  /**
   * The bot cannot post in `channel` any more: chat.postMessage, chat.postEphemeral and chat.update there
   * answer `not_in_channel` (a private channel it is not in, by default) or `channel_not_found`. Slash
   * commands and clicks in it still reach the app, and their response_url still works, as on Slack.
   */
  closeChannel(channel: string, error: "not_in_channel" | "channel_not_found" = "not_in_channel"): void {
    this.#closedChannels.set(channel, error);
  }

  reopenChannel(channel: string): void {
    this.#closedChannels.delete(channel);
  }

  /** The bot's DM channel with a user, as conversations.open / chat.postMessage to a user id use it. */
  dmChannelOf(userId: string): string {
    return this.#methods.dmChannelOf(userId);
  }

  homeView(userId: string): StoredView | undefined {
    return this.#views.home(userId);
  }

  views(): StoredView[] {
    return this.#views.all();
  }

  // ------------------------------------------------------------------------------------------------
  // Files

  /**
   * Files the app uploaded and completed (getUploadURLExternal -> upload_url -> completeUploadExternal),
   * oldest first, with the bytes received. Uploads never completed are left out (Slack discards them):
   * see `pendingUploads()`.
   */
  uploadedFiles(): UploadedFileRecord[] {
    return this.#files.appUploads();
  }

  /** App uploads reserved or uploaded but not completed. */
  pendingUploads(): Array<{ id: string; name: string; state: FileState; received?: number }> {
    return this.#files.pendingUploads();
  }

  /**
   * Creates a file as if a user had uploaded it in a modal's `file_input` (up to 10 MB), served at its
   * `url_private_download` to requests with a bot or user token. Put it in a view_submission with
   * `viewSubmissionWithFiles({ view, files: [file] })`. `userId` defaults to the builders' default user.
   */
  addUserFile(file: Omit<NewUserFile, "userId"> & { userId?: string }): FileObject {
    const userId = file.userId ?? DEFAULT_USER.id;
    const userTeam = this.#users.getUser(userId)?.teamId ?? this.workspace.teamId;
    return this.#files.addUserFile({ ...file, userId }, userTeam);
  }

  /** The file object files.info returns, for a completed upload or a user's file. */
  fileInfo(fileId: string): FileObject | undefined {
    return this.#files.fileObject(fileId);
  }

  /** Requests to upload URLs and file URLs, oldest first (token values are never kept). */
  fileTransfers(kind?: FileTransfer["kind"]): FileTransfer[] {
    return this.#fileTransfers.list().filter((transfer) => kind === undefined || transfer.kind === kind);
  }

  // ------------------------------------------------------------------------------------------------
  // Response URLs

  /**
   * Mints a response_url on the fake. For a button click, bind it to the clicked message
   * (`{ channel, userId, messageTs }`) so `replace_original` / `delete_original` act on it; otherwise
   * the first message posted through it becomes its message.
   */
  responseUrl(target: ResponseUrlTarget = {}): string {
    return this.#responseUrls.mint(target);
  }

  /** The current state of the message a response_url stands for. */
  responseMessage(idOrUrl: string): StoredMessage | undefined {
    return this.#responseUrls.messageOf(idOrUrl);
  }

  // ------------------------------------------------------------------------------------------------
  // Failure injection

  /**
   * The next `times` calls to `method` fail as described. Besides Web API methods, `method` may be
   * "response_url", "upload_url" (POSTs of file bytes) or "file_download" (GETs of file URLs); for the
   * last two, `{ error }` becomes an HTTP 500.
   */
  failNext(method: string, failure: InjectedFailure, times = 1): void {
    this.#failures.failNext(method, failure, times);
  }

  /**
   * Past `perSecond` calls in any 1-second window, answers HTTP 429 with `Retry-After`.
   * `method` may be "*" (all methods together); `null` lifts the limit.
   */
  enforceRateLimit(method: string, perSecond: number | null): void {
    this.#failures.enforceRateLimit(method, perSecond);
  }

  /** How many calls `enforceRateLimit` turned away (injected 429s are not counted). */
  get rateLimited(): number {
    return this.#failures.rateLimitedCount;
  }

  resetFailures(): void {
    this.#failures.reset();
  }

  // ------------------------------------------------------------------------------------------------
  // Waiting

  /** Resolves with the predicate's first truthy result; on timeout, fails listing the last calls. */
  async waitFor<T>(predicate: () => T | undefined | null | false, timeoutMs = 2000): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const result = predicate();
      if (result !== undefined && result !== null && result !== false) return result;
      if (Date.now() > deadline) throw new Error(`FakeSlack.waitFor timed out after ${timeoutMs} ms.\n${this.describeTraffic()}`);
      await sleep(10);
    }
  }

  waitForCall(method: string, predicate: (call: RecordedCall) => boolean = () => true, timeoutMs = 2000): Promise<RecordedCall> {
    return this.waitFor(() => this.#calls.find((call) => call.method === method && predicate(call)), timeoutMs);
  }

  /** A readable summary of the latest traffic, for failure messages. */
  describeTraffic(last = 15): string {
    const calls = this.#calls.slice(-last).map((call) => {
      const outcome = call.ok ? "ok" : `${call.status} ${call.error ?? ""}`.trim();
      return `  ${new Date(call.at).toISOString()} ${call.method} -> ${outcome} ${JSON.stringify(call.args).slice(0, 160)}`;
    });
    const responses = this.#responseUrls
      .posts()
      .slice(-5)
      .map((post) => `  ${post.status} ${JSON.stringify(post.body).slice(0, 160)}`);
    return [
      `Last Web API calls (${this.#calls.length} in total):`,
      ...(calls.length > 0 ? calls : ["  (none)"]),
      `Last response_url posts:`,
      ...(responses.length > 0 ? responses : ["  (none)"]),
      `File transfers: ${this.fileTransfers("upload").length} upload(s), ${this.fileTransfers("download").length} download(s); ` +
        `${this.uploadedFiles().length} completed upload(s), ${this.pendingUploads().length} pending`,
      `Socket Mode: ${this.socket.sent.length} envelope(s) sent, ${this.socket.acks.length} ack(s), ${this.socket.openConnections} open connection(s)`,
    ].join("\n");
  }

  // ------------------------------------------------------------------------------------------------
  // HTTP handling

  async #route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    const upload = UPLOAD_PATH.exec(url.pathname);
    if (upload?.[1] !== undefined) {
      await this.#fileTransfers.upload(req, res, upload[1]); // reads the body itself, within the size limit
      return;
    }
    const download = DOWNLOAD_PATH.exec(url.pathname);
    if (download?.[1] !== undefined) {
      this.#fileTransfers.download(req, res, download[1], download[2] !== undefined);
      return;
    }
    const rawBody = await readBody(req);
    if (url.pathname.startsWith("/api/")) {
      this.#handleApiCall(decodeURIComponent(url.pathname.slice("/api/".length)), req, rawBody, url.searchParams, res);
      return;
    }
    if (url.pathname.startsWith("/response/") && req.method === "POST") {
      this.#handleResponseUrl(url.pathname.slice("/response/".length), rawBody, res);
      return;
    }
    sendJson(res, 404, { ok: false, error: "not_found" });
  }

  #handleApiCall(method: string, req: IncomingMessage, rawBody: string, query: URLSearchParams, res: ServerResponse): void {
    const contentType = req.headers["content-type"] ?? "";
    let parsed: ApiArgs | "unsupported";
    try {
      parsed = parseArgs(contentType, rawBody, query);
    } catch {
      parsed = "unsupported";
    }
    const args: ApiArgs = parsed === "unsupported" ? {} : parsed;

    const bearer = /^Bearer\s+(\S+)/i.exec(req.headers.authorization ?? "")?.[1];
    const bodyToken = typeof args.token === "string" && args.token !== "" ? args.token : undefined;
    delete args.token; // never keep a token's value
    const token = bearer ?? bodyToken;
    const tokenKind = token === undefined ? undefined : tokenKindOf(token);

    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(req.headers)) {
      if (name === "authorization" || name === "cookie" || value === undefined) continue;
      headers[name] = Array.isArray(value) ? value.join(", ") : value;
    }

    const record = (status: number, response: ApiAnswer | string): void => {
      const answer = typeof response === "string" ? undefined : response;
      this.#calls.push({
        method,
        args,
        hasToken: token !== undefined,
        ...(tokenKind !== undefined && { tokenKind }),
        headers,
        status,
        ok: answer?.ok === true,
        ...(typeof answer?.error === "string" && { error: answer.error }),
        response,
        at: Date.now(),
      });
    };

    const verdict = this.#failures.judge(method);
    if (verdict.kind === "rate-limited") {
      const body = { ok: false, error: "ratelimited" };
      record(429, body);
      sendJson(res, 429, body, { "Retry-After": String(verdict.retryAfterSeconds) });
      return;
    }
    if (verdict.kind === "fail") {
      if ("afterWork" in verdict.failure && verdict.failure.afterWork && parsed !== "unsupported")
        this.#methods.call(method, args, tokenKind);
      this.#answerInjected(verdict.failure, record, res);
      return;
    }
    const answer: ApiAnswer =
      parsed === "unsupported" ? { ok: false, error: "invalid_form_data" } : this.#methods.call(method, args, tokenKind);
    record(200, answer);
    sendJson(res, 200, answer);
  }

  #answerInjected(failure: InjectedFailure, record: (status: number, response: ApiAnswer | string) => void, res: ServerResponse): void {
    if ("error" in failure) {
      const body = { ok: false, error: failure.error };
      record(200, body);
      sendJson(res, 200, body);
    } else if ("retryAfter" in failure) {
      const body = { ok: false, error: "ratelimited" };
      record(429, body);
      sendJson(res, 429, body, { "Retry-After": String(failure.retryAfter) });
    } else {
      const body = failure.body ?? "";
      record(failure.status, body);
      res.writeHead(failure.status, { "Content-Type": "text/plain" });
      res.end(body);
    }
  }

  #handleResponseUrl(id: string, rawBody: string, res: ServerResponse): void {
    const verdict = this.#failures.judge("response_url");
    if (verdict.kind !== "pass") {
      const failure: InjectedFailure =
        verdict.kind === "rate-limited" ? { status: 429, retryAfter: verdict.retryAfterSeconds } : verdict.failure;
      const status = "error" in failure ? 404 : failure.status;
      const body = { ok: false, error: "error" in failure ? failure.error : "injected_failure" };
      this.#responseUrls.record(id, parseJsonObject(rawBody) ?? { raw: rawBody }, { status, body });
      sendJson(res, status, body, "retryAfter" in failure ? { "Retry-After": String(failure.retryAfter) } : {});
      return;
    }
    const { answer, body, messageTs } = this.#responseUrls.apply(id, rawBody);
    this.#responseUrls.record(id, body, answer, messageTs);
    sendJson(res, answer.status, answer.body);
  }
}
