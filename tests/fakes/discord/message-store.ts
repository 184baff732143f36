// Every message the bot created or edited through the fake, with its edit history, so a test can read the
// current state of a message (what the user sees now) and how it got there.
import type { APIAttachment, APIEmbed, APIMessage, APIMessageTopLevelComponent } from "discord.js";

/** How a message came to exist. */
export type MessageOrigin =
  | "interaction-reply" // callback type 4
  | "deferred-reply" // callback type 5 ("Bot is thinking..."), usually edited later
  | "follow-up" // POST /webhooks/:app/:token
  | "channel-message" // POST /channels/:id/messages
  | "seeded"; // put there by the test (for example a message from a previous run of the bot)

export const EPHEMERAL_FLAG = 1 << 6;
/** Set on a deferred reply until it is edited. */
export const LOADING_FLAG = 1 << 7;

/** A read-only copy of a message's current state; read again to see later edits. */
export interface StoredMessage {
  id: string;
  channelId: string;
  guildId: string | null;
  authorId: string;
  content: string;
  embeds: APIEmbed[];
  components: APIMessageTopLevelComponent[];
  attachments: APIAttachment[];
  flags: number;
  ephemeral: boolean;
  /** A deferred reply nobody has edited yet. */
  loading: boolean;
  origin: MessageOrigin;
  /** The interaction that created the message, if any. */
  interactionId: string | null;
  /** Interactions that created or changed this message, in order. */
  touchedBy: string[];
  editCount: number;
  deleted: boolean;
  createdAt: number;
  editedAt: number | null;
  /** The message exactly as the API returns it. */
  api: APIMessage;
  /** Earlier versions, oldest first. */
  history: APIMessage[];
}

interface MessageRecord {
  api: APIMessage;
  guildId: string | null;
  origin: MessageOrigin;
  interactionId: string | null;
  touchedBy: string[];
  history: APIMessage[];
  deleted: boolean;
  createdAt: number;
  editedAt: number | null;
}

/** Fields of a message create/edit body the store applies; anything else in a body is ignored. */
export interface MessageEdit {
  content?: string | null;
  embeds?: APIEmbed[] | null;
  components?: APIMessageTopLevelComponent[] | null;
  flags?: number | null;
  /** Attachments to keep (by id) plus new ones; replaces the list. */
  attachments?: APIAttachment[];
}

export class MessageStore {
  readonly #messages = new Map<string, MessageRecord>();
  readonly #byChannel = new Map<string, string[]>();

  add(api: APIMessage, meta: { origin: MessageOrigin; guildId: string | null; interactionId?: string | null }): StoredMessage {
    const record: MessageRecord = {
      api: structuredClone(api),
      guildId: meta.guildId,
      origin: meta.origin,
      interactionId: meta.interactionId ?? null,
      touchedBy: meta.interactionId ? [meta.interactionId] : [],
      history: [],
      deleted: false,
      createdAt: Date.now(),
      editedAt: null,
    };
    this.#messages.set(api.id, record);
    const list = this.#byChannel.get(api.channel_id) ?? [];
    list.push(api.id);
    this.#byChannel.set(api.channel_id, list);
    return toSnapshot(record);
  }

  /** Applies an edit the way Discord does: absent fields stay, `null` clears; the loading flag goes away. */
  edit(id: string, edit: MessageEdit, byInteraction?: string): StoredMessage | undefined {
    const record = this.#messages.get(id);
    if (!record || record.deleted) return undefined;
    record.history.push(structuredClone(record.api));
    const next: APIMessage = structuredClone(record.api);
    if (edit.content !== undefined) next.content = edit.content ?? "";
    if (edit.embeds !== undefined) next.embeds = edit.embeds ?? [];
    if (edit.components !== undefined) next.components = edit.components ?? [];
    if (edit.attachments !== undefined) next.attachments = edit.attachments;
    // Only some flags can change on edit (SUPPRESS_EMBEDS, IS_COMPONENTS_V2); ephemerality is fixed at creation.
    const kept = (next.flags ?? 0) & EPHEMERAL_FLAG;
    const requested = edit.flags === undefined || edit.flags === null ? (next.flags ?? 0) & ~EPHEMERAL_FLAG : edit.flags & ~EPHEMERAL_FLAG;
    next.flags = (kept | requested) & ~LOADING_FLAG;
    next.edited_timestamp = new Date().toISOString();
    record.api = next;
    record.editedAt = Date.now();
    if (byInteraction && !record.touchedBy.includes(byInteraction)) record.touchedBy.push(byInteraction);
    return toSnapshot(record);
  }

  delete(id: string): boolean {
    const record = this.#messages.get(id);
    if (!record || record.deleted) return false;
    record.deleted = true;
    return true;
  }

  /** Current state, including deleted messages (check `deleted`). */
  get(id: string): StoredMessage | undefined {
    const record = this.#messages.get(id);
    return record ? toSnapshot(record) : undefined;
  }

  /** The payload to answer a REST call with, or undefined if unknown or deleted. */
  apiPayload(id: string): APIMessage | undefined {
    const record = this.#messages.get(id);
    return record && !record.deleted ? structuredClone(record.api) : undefined;
  }

  /** Messages of a channel (guild channel or DM), oldest first, without deleted ones unless asked. */
  inChannel(channelId: string, options: { includeDeleted?: boolean } = {}): StoredMessage[] {
    return (this.#byChannel.get(channelId) ?? [])
      .map((id) => this.#messages.get(id))
      .filter((record): record is MessageRecord => record !== undefined && (options.includeDeleted === true || !record.deleted))
      .map(toSnapshot);
  }

  /** Messages an interaction created or changed, oldest first. */
  touchedBy(interactionId: string): StoredMessage[] {
    return [...this.#messages.values()].filter((record) => record.touchedBy.includes(interactionId)).map(toSnapshot);
  }

  all(): StoredMessage[] {
    return [...this.#messages.values()].map(toSnapshot);
  }

  /** Marks a message as touched by an interaction without changing it (a DEFERRED_UPDATE_MESSAGE). */
  touch(id: string, interactionId: string): void {
    const record = this.#messages.get(id);
    if (record && !record.touchedBy.includes(interactionId)) record.touchedBy.push(interactionId);
  }
}

function toSnapshot(record: MessageRecord): StoredMessage {
  const api = structuredClone(record.api);
  const flags = api.flags ?? 0;
  return {
    id: api.id,
    channelId: api.channel_id,
    guildId: record.guildId,
    authorId: api.author.id,
    content: api.content,
    embeds: api.embeds,
    components: api.components ?? [],
    attachments: api.attachments,
    flags,
    ephemeral: (flags & EPHEMERAL_FLAG) !== 0,
    loading: (flags & LOADING_FLAG) !== 0,
    origin: record.origin,
    interactionId: record.interactionId,
    touchedBy: [...record.touchedBy],
    editCount: record.history.length,
    deleted: record.deleted,
    createdAt: record.createdAt,
    editedAt: record.editedAt,
    api,
    history: structuredClone(record.history),
  };
}
