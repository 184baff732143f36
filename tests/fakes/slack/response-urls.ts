import { randomBytes } from "node:crypto";
import { blockKitProblems } from "./block-kit-limits.ts";
import type { MessageStore, StoredMessage } from "./message-store.ts";
import { DEFAULT_CHANNEL, DEFAULT_USER } from "./payloads.ts";

/** Slack lets an app use a response_url up to 5 times (within 30 minutes). */
export const RESPONSE_URL_MAX_USES = 5;

/** Where a response_url's messages go. */
export interface ResponseUrlTarget {
  /** Default: the payload builders' default channel. */
  channel?: string;
  /** The user who sees ephemeral responses. Default: the builders' default user. */
  userId?: string;
  /**
   * The message the interaction happened on (a block_actions `container.message_ts`):
   * `replace_original` / `delete_original` act on it.
   */
  messageTs?: string;
}

/** One POST the app made to a response_url. */
export interface ResponseUrlPost {
  id: string;
  url: string;
  /** The JSON the app sent: `text`, `blocks`, `response_type`, `replace_original`, `delete_original`... */
  body: Record<string, unknown>;
  status: number;
  at: number;
  /** The message the post created, replaced or deleted. */
  messageTs?: string;
}

interface MintedUrl {
  id: string;
  url: string;
  channel: string;
  userId: string;
  /** The message `replace_original` acts on: the interaction's message, else this URL's first response. */
  messageTs?: string;
  uses: number;
}

export interface ResponseUrlAnswer {
  status: number;
  body: Record<string, unknown>;
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);

/** Response URLs minted on the fake and what the app did with them. */
export class ResponseUrls {
  readonly #minted = new Map<string, MintedUrl>();
  readonly #posts: ResponseUrlPost[] = [];
  readonly #baseUrl: string;
  readonly #messages: MessageStore;

  constructor(baseUrl: string, messages: MessageStore) {
    this.#baseUrl = baseUrl;
    this.#messages = messages;
  }

  mint(target: ResponseUrlTarget = {}): string {
    const id = randomBytes(12).toString("hex");
    const url = `${this.#baseUrl}${id}`;
    this.#minted.set(id, {
      id,
      url,
      channel: target.channel ?? DEFAULT_CHANNEL.id,
      userId: target.userId ?? DEFAULT_USER.id,
      ...(target.messageTs !== undefined && { messageTs: target.messageTs }),
      uses: 0,
    });
    return url;
  }

  /** Accepts an id or a full URL. */
  idOf(idOrUrl: string): string {
    return idOrUrl.startsWith(this.#baseUrl) ? idOrUrl.slice(this.#baseUrl.length) : idOrUrl;
  }

  posts(idOrUrl?: string): ResponseUrlPost[] {
    if (idOrUrl === undefined) return [...this.#posts];
    const id = this.idOf(idOrUrl);
    return this.#posts.filter((post) => post.id === id);
  }

  /** The message a response_url currently stands for (its latest state), if any. */
  messageOf(idOrUrl: string): StoredMessage | undefined {
    const minted = this.#minted.get(this.idOf(idOrUrl));
    if (minted?.messageTs === undefined) return undefined;
    return this.#messages.find(minted.channel, minted.messageTs);
  }

  record(id: string, body: Record<string, unknown>, answer: ResponseUrlAnswer, messageTs?: string): void {
    this.#posts.push({
      id,
      url: `${this.#baseUrl}${id}`,
      body,
      status: answer.status,
      at: Date.now(),
      ...(messageTs !== undefined && { messageTs }),
    });
  }

  /** Applies a POST the way Slack does; the caller records it. */
  apply(id: string, rawBody: string): { answer: ResponseUrlAnswer; body: Record<string, unknown>; messageTs?: string } {
    let body: Record<string, unknown> = {};
    try {
      const parsed: unknown = JSON.parse(rawBody);
      if (isRecord(parsed)) body = parsed;
      else return { answer: { status: 400, body: { ok: false, error: "invalid_payload" } }, body };
    } catch {
      return { answer: { status: 400, body: { ok: false, error: "invalid_payload" } }, body };
    }
    const minted = this.#minted.get(id);
    if (minted === undefined) return { answer: { status: 404, body: { ok: false, error: "expired_url" } }, body };
    if (minted.uses >= RESPONSE_URL_MAX_USES) {
      return { answer: { status: 404, body: { ok: false, error: "used_url" } }, body };
    }
    const problems = blockKitProblems(body.blocks, "message");
    if (problems.length > 0) {
      return { answer: { status: 400, body: { ok: false, error: "invalid_blocks", errors: problems } }, body };
    }
    minted.uses += 1;

    const content = {
      ...(typeof body.text === "string" && { text: body.text }),
      ...(Array.isArray(body.blocks) && { blocks: body.blocks }),
    };
    const original = minted.messageTs === undefined ? undefined : this.#messages.find(minted.channel, minted.messageTs);
    const ok: ResponseUrlAnswer = { status: 200, body: { ok: true } };

    if (body.delete_original === true) {
      if (original !== undefined) this.#messages.delete(original);
      return { answer: ok, body, ...(original !== undefined && { messageTs: original.ts }) };
    }
    if (body.replace_original === true && original !== undefined) {
      this.#messages.replace(original, content);
      return { answer: ok, body, messageTs: original.ts };
    }
    const inChannel = body.response_type === "in_channel";
    const threadTs = typeof body.thread_ts === "string" ? body.thread_ts : undefined;
    const message = this.#messages.post({
      ...content,
      channel: minted.channel,
      ...(threadTs !== undefined && { threadTs }),
      ephemeral: !inChannel,
      ...(!inChannel && { visibleTo: minted.userId }),
      postedVia: "response_url",
    });
    // The first message a URL creates is the one later `replace_original` responses change.
    minted.messageTs ??= message.ts;
    return { answer: ok, body, messageTs: message.ts };
  }
}
