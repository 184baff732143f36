// What the fake remembers about each interaction it dispatched (token, callback, original response message) and
// the handle a test gets back to await the bot's answer.
import type { InteractionResponseType, InteractionType } from "discord.js";
import type { MessageStore, StoredMessage } from "./message-store.ts";
import { describeRequest, type RecordedRequest, type RequestLog } from "./request-log.ts";
import { waitUntil } from "./wait.ts";

/** The first accepted interaction callback (`POST /interactions/:id/:token/callback`). */
export interface CallbackRecord {
  type: InteractionResponseType;
  /** The callback's `data` (message body, choices, modal), if any. */
  data: Record<string, unknown> | undefined;
  receivedAt: number;
  /** Time from dispatching INTERACTION_CREATE to receiving this callback: Discord allows 3000 ms. */
  latencyMs: number;
  /** The query asked for `with_response=true` (answered 200 with `{ interaction, resource }`). */
  withResponse: boolean;
}

/** A callback Discord would have refused (too late, twice, wrong type, invalid body). */
export interface RejectedCallback {
  receivedAt: number;
  status: number;
  code: number;
  reason: string;
}

export class TrackedInteraction {
  callback: CallbackRecord | null = null;
  readonly rejected: RejectedCallback[] = [];
  /** The message `@original` refers to: the reply, or the component's message after an update. */
  originalMessageId: string | null = null;
  lastActivityAt: number;

  constructor(
    readonly id: string,
    readonly token: string,
    readonly type: InteractionType,
    readonly payload: Record<string, unknown>,
    readonly dispatchedAt: number,
    readonly context: {
      channelId: string;
      guildId: string | null;
      userId: string;
      /** Command name, or component/modal custom_id, for messages. */
      label: string;
      /** The message a component (or modal opened from one) belongs to. */
      componentMessageId: string | null;
      shard: number;
    },
  ) {
    this.lastActivityAt = dispatchedAt;
  }
}

export class InteractionTracker {
  readonly #byId = new Map<string, TrackedInteraction>();
  readonly #byToken = new Map<string, TrackedInteraction>();

  add(interaction: TrackedInteraction): void {
    this.#byId.set(interaction.id, interaction);
    this.#byToken.set(interaction.token, interaction);
  }

  byId(id: string): TrackedInteraction | undefined {
    return this.#byId.get(id);
  }

  byToken(token: string): TrackedInteraction | undefined {
    return this.#byToken.get(token);
  }

  get all(): TrackedInteraction[] {
    return [...this.#byId.values()];
  }
}

export class InteractionHandle {
  constructor(
    private readonly tracked: TrackedInteraction,
    private readonly messageStore: MessageStore,
    private readonly requestLog: RequestLog,
    private readonly defaultTimeoutMs: number,
  ) {}

  get id(): string {
    return this.tracked.id;
  }

  get token(): string {
    return this.tracked.token;
  }

  /** The INTERACTION_CREATE data as dispatched. */
  get payload(): Record<string, unknown> {
    return this.tracked.payload;
  }

  get channelId(): string {
    return this.tracked.context.channelId;
  }

  /** The first callback, once it arrived (see `response()` to wait for it). */
  get callback(): CallbackRecord | null {
    return this.tracked.callback;
  }

  /** Milliseconds from dispatch to the first accepted callback; undefined until then. */
  get callbackLatencyMs(): number | undefined {
    return this.tracked.callback?.latencyMs;
  }

  get rejectedCallbacks(): readonly RejectedCallback[] {
    return this.tracked.rejected;
  }

  /** The message `@original` refers to now, if any. */
  get originalMessage(): StoredMessage | undefined {
    return this.tracked.originalMessageId ? this.messageStore.get(this.tracked.originalMessageId) : undefined;
  }

  /**
   * Waits for the bot's first accepted callback. Rejects with the interaction's requests and the last requests
   * overall when none arrives in time, or at once when the fake refused the callback (for example too late).
   */
  async response(timeoutMs = this.defaultTimeoutMs): Promise<CallbackRecord> {
    return waitUntil(
      () => {
        if (this.tracked.callback) return this.tracked.callback;
        const refused = this.tracked.rejected[0];
        if (refused)
          throw new Error(`${this.describe()}: the callback was refused with ${refused.status} (code ${refused.code}): ${refused.reason}`);
        return null;
      },
      timeoutMs,
      () => `${this.describe()} got no callback within ${timeoutMs} ms.\n${this.describeRequests()}`,
    );
  }

  /** Messages this interaction created or changed (reply, follow-ups, the component's message), oldest first. */
  messages(): StoredMessage[] {
    return this.messageStore.touchedBy(this.tracked.id);
  }

  /** REST requests that belong to this interaction (callback, webhook edits, follow-ups). */
  requests(): RecordedRequest[] {
    return this.requestLog.forInteraction(this.tracked.id);
  }

  /**
   * Waits for the first callback, then until no request for this interaction arrived for `quietMs`: use it
   * before asserting on the final state of a deferred reply or follow-ups.
   */
  async settled(quietMs = 250, timeoutMs = Math.max(this.defaultTimeoutMs, 10_000)): Promise<void> {
    const started = Date.now();
    await this.response(timeoutMs);
    await waitUntil(
      () => Date.now() - this.tracked.lastActivityAt >= quietMs,
      Math.max(0, timeoutMs - (Date.now() - started)),
      () => `${this.describe()} kept sending requests for ${timeoutMs} ms.\n${this.describeRequests()}`,
    );
  }

  private describe(): string {
    const { label, guildId } = this.tracked.context;
    return `Interaction ${this.tracked.id} (${label}${guildId ? ` in guild ${guildId}` : " in a DM"})`;
  }

  private describeRequests(): string {
    const own = this.requests();
    const ownText = own.length ? own.map(describeRequest).join("\n") : "  (none)";
    return `Requests for this interaction:\n${ownText}\nLast requests received:\n${this.requestLog.describeLast(10)}`;
  }
}
