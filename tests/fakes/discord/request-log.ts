// The record of every REST request the fake received, in arrival order. The Authorization header is never kept,
// only whether it was present.

export interface RecordedFile {
  field: string;
  name: string;
  size: number;
  contentType: string;
  /** The uploaded bytes. */
  bytes: Buffer;
}

export interface RecordedRequest {
  /** 1-based arrival number. */
  seq: number;
  /** Arrival time (ms since epoch). */
  at: number;
  method: string;
  /** Path after `/api/v10`, without the query: `/channels/123/messages`. */
  path: string;
  query: Record<string, string>;
  /** Parsed JSON body (or `payload_json` of a multipart body); undefined without a body. */
  body: unknown;
  files: RecordedFile[];
  headers: { userAgent?: string; contentType?: string; auditLogReason?: string };
  hasAuthorization: boolean;
  /** Status the fake answered with. */
  status: number;
  /** Answer came from failNext() or the global rate limit, not from the route. */
  injected: boolean;
  /** The interaction this request belongs to (callback or interaction webhook), if any. */
  interactionId: string | null;
  /** Discord error code of the answer, when it was an error with a JSON body. */
  errorCode?: number;
}

export class RequestLog {
  readonly #entries: RecordedRequest[] = [];

  add(entry: Omit<RecordedRequest, "seq">): RecordedRequest {
    const recorded = { ...entry, seq: this.#entries.length + 1 };
    this.#entries.push(recorded);
    return recorded;
  }

  get all(): readonly RecordedRequest[] {
    return this.#entries;
  }

  forInteraction(interactionId: string): RecordedRequest[] {
    return this.#entries.filter((entry) => entry.interactionId === interactionId);
  }

  /** The last `count` requests, one per line, for error messages. */
  describeLast(count = 10): string {
    const last = this.#entries.slice(-count);
    if (last.length === 0) return "  (no REST requests received)";
    return last.map(describeRequest).join("\n");
  }
}

export function describeRequest(entry: RecordedRequest): string {
  const query = Object.keys(entry.query).length ? `?${new URLSearchParams(entry.query).toString()}` : "";
  const code = entry.errorCode !== undefined ? ` code ${entry.errorCode}` : "";
  return `  #${entry.seq} ${entry.method} ${entry.path}${query} -> ${entry.status}${code}${entry.injected ? " (injected)" : ""}`;
}
