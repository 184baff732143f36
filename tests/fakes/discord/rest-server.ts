// The HTTP side of the fake: a server on 127.0.0.1 that parses Discord REST requests (JSON or multipart with
// `payload_json`) under `/api/v10` and writes answers. What to answer is decided by the handler it is given.
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { RecordedFile } from "./request-log.ts";

export const API_PREFIX = "/api/v10";

export interface RestRequest {
  method: string;
  /** Path after `/api/v10`; null when the URL did not start with it. */
  path: string | null;
  rawPath: string;
  query: URLSearchParams;
  body: unknown;
  files: RecordedFile[];
  /** The body was not valid JSON. */
  invalidJson: boolean;
  headers: IncomingHttpHeaders;
}

export interface RestAnswer {
  status: number;
  /** JSON body; omit for an empty answer (sent without a Content-Type, as Discord does for 204). */
  body?: unknown;
  headers?: Record<string, string>;
  /** Reset the connection (TCP RST) instead of answering. */
  reset?: boolean;
}

export type RestHandler = (request: RestRequest) => Promise<RestAnswer>;

/** Files the fake serves as Discord's CDN does (attachments users uploaded), by path under /cdn/. */
export const CDN_PREFIX = "/cdn/";
export type CdnFiles = Map<string, { bytes: Buffer; contentType: string }>;

export class RestServer {
  private constructor(
    private readonly server: Server,
    readonly origin: string,
  ) {}

  static async start(handler: RestHandler, cdn: CdnFiles = new Map()): Promise<RestServer> {
    const server = createServer((req, res) => {
      const path = (req.url ?? "/").split("?")[0] ?? "/";
      if (path.startsWith(CDN_PREFIX)) {
        const file = cdn.get(decodeURIComponent(path.slice(CDN_PREFIX.length)));
        res.writeHead(file ? 200 : 404, file ? { "Content-Type": file.contentType, "Content-Length": String(file.bytes.length) } : {});
        res.end(file?.bytes);
        return;
      }
      void serve(req, res, handler);
    });
    // discord.js keeps connections alive, and undici reuses a connection only when the advertised
    // keep-alive outlasts its own 2-second threshold (a shorter one makes every request reconnect).
    // stop() closes idle sockets itself.
    server.keepAliveTimeout = 30_000;
    await new Promise<void>((resolve, reject) => {
      server.once("error", reject);
      server.listen(0, "127.0.0.1", () => resolve());
    });
    const { port } = server.address() as AddressInfo;
    return new RestServer(server, `http://127.0.0.1:${port}`);
  }

  async stop(): Promise<void> {
    const closed = new Promise<void>((resolve) => this.server.close(() => resolve()));
    this.server.closeAllConnections();
    await closed;
  }
}

async function serve(req: IncomingMessage, res: ServerResponse, handler: RestHandler): Promise<void> {
  // A client that hangs up mid-request must not take the test process down.
  res.on("error", () => undefined);
  let answer: RestAnswer;
  try {
    const request = await parseRequest(req);
    answer = await handler(request);
  } catch (error) {
    // The fake must never crash a test run: report its own bug as a 500 the client can show.
    answer = {
      status: 500,
      body: { message: `fake discord internal error: ${error instanceof Error ? error.message : String(error)}`, code: 0 },
    };
  }
  if (answer.reset) {
    req.socket.resetAndDestroy();
    return;
  }
  const headers: Record<string, string> = { ...answer.headers };
  let payload: string | undefined;
  if (answer.body !== undefined) {
    payload = JSON.stringify(answer.body);
    headers["Content-Type"] = "application/json";
    headers["Content-Length"] = String(Buffer.byteLength(payload));
  }
  res.writeHead(answer.status, headers);
  res.end(payload);
}

async function parseRequest(req: IncomingMessage): Promise<RestRequest> {
  const url = new URL(req.url ?? "/", "http://127.0.0.1");
  // Clients percent-encode some segments (discord.js sends `messages/%40original`): record Discord's notation.
  const rawPath = url.pathname.split("/").map(decodeSegment).join("/");
  const path = rawPath === API_PREFIX || rawPath.startsWith(`${API_PREFIX}/`) ? rawPath.slice(API_PREFIX.length) || "/" : null;
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const raw = Buffer.concat(chunks);
  const contentType = req.headers["content-type"] ?? "";
  let body: unknown;
  let files: RecordedFile[] = [];
  let invalidJson = false;
  if (raw.length > 0) {
    if (contentType.startsWith("multipart/form-data")) {
      ({ body, files } = await parseMultipart(raw, contentType));
    } else {
      try {
        body = JSON.parse(raw.toString("utf8"));
      } catch {
        invalidJson = true;
      }
    }
  }
  return {
    method: (req.method ?? "GET").toUpperCase(),
    path,
    rawPath,
    query: url.searchParams,
    body,
    files,
    invalidJson,
    headers: req.headers,
  };
}

function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/** discord.js sends files as `files[n]` parts and the JSON body as the `payload_json` part. */
async function parseMultipart(raw: Buffer, contentType: string): Promise<{ body: unknown; files: RecordedFile[] }> {
  const form = await new Response(raw, { headers: { "content-type": contentType } }).formData();
  let body: unknown;
  const files: RecordedFile[] = [];
  for (const [field, value] of form.entries()) {
    if (typeof value === "string") {
      if (field === "payload_json") body = JSON.parse(value);
    } else {
      files.push({ field, name: value.name, size: value.size, contentType: value.type, bytes: Buffer.from(await value.arrayBuffer()) });
    }
  }
  return { body, files };
}
