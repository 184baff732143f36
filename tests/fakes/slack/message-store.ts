import { messageTs } from "./slack-ids.ts";

export interface MessageContent {
  text?: string;
  blocks?: unknown[];
}

export interface MessageVersion extends MessageContent {
  at: number;
}

export type PostedVia = "chat.postMessage" | "chat.postEphemeral" | "response_url" | "files.completeUploadExternal";

export interface StoredMessage extends MessageContent {
  channel: string;
  /** chat.postMessage's `metadata` (event_type and event_payload), as conversations.history returns it. */
  metadata?: { event_type: string; event_payload: Record<string, unknown> };
  ts: string;
  threadTs?: string;
  /**
   * Seen by one user only. Like on Slack, ephemeral messages cannot be changed with chat.update or
   * chat.delete, only through the response_url of an interaction on them.
   */
  ephemeral: boolean;
  /** For ephemeral messages: the user who sees it. */
  visibleTo?: string;
  postedVia: PostedVia;
  /** Ids of the files the message shares (files.completeUploadExternal); see `fake.uploadedFiles()`. */
  files?: string[];
  /** Every content the message has had, oldest first; the last one is the current state. */
  history: MessageVersion[];
  deleted: boolean;
}

export interface NewMessage extends MessageContent {
  channel: string;
  metadata?: { event_type: string; event_payload: Record<string, unknown> };
  threadTs?: string;
  ephemeral: boolean;
  visibleTo?: string;
  postedVia: PostedVia;
  files?: string[];
}

/** Messages the app posted, so tests can read a channel and follow a message through its updates. */
export class MessageStore {
  readonly #messages: StoredMessage[] = [];

  post(input: NewMessage): StoredMessage {
    const message: StoredMessage = {
      ...input,
      ts: messageTs(),
      history: [{ text: input.text, blocks: input.blocks, at: Date.now() }],
      deleted: false,
    };
    this.#messages.push(message);
    return message;
  }

  find(channel: string, ts: string): StoredMessage | undefined {
    return this.#messages.find((m) => m.channel === channel && m.ts === ts && !m.deleted);
  }

  findByTs(ts: string): StoredMessage | undefined {
    return this.#messages.find((m) => m.ts === ts && !m.deleted);
  }

  replace(message: StoredMessage, content: MessageContent): void {
    message.text = content.text;
    message.blocks = content.blocks;
    message.history.push({ text: content.text, blocks: content.blocks, at: Date.now() });
  }

  delete(message: StoredMessage): void {
    message.deleted = true;
  }

  /** Current (not deleted) messages, oldest first; all channels when `channel` is omitted. */
  list(channel?: string): StoredMessage[] {
    return this.#messages.filter((m) => !m.deleted && (channel === undefined || m.channel === channel));
  }

  /** Including deleted messages. */
  everything(): readonly StoredMessage[] {
    return this.#messages;
  }
}
