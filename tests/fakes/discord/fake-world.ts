// The data behind the fake: the application and its bot user, a user table, guilds, DM channels, registered
// application commands and the message store. REST routes, the gateway and the interaction factory all read it.
import { ApplicationCommandType, ChannelType } from "discord.js";
import type { APIApplicationCommand, APIAttachment, APIChannel, APIDMChannel, APIUser } from "discord.js";
import type { CdnFiles } from "./rest-server.ts";
import { FakeGuild, type GuildShape } from "./fake-guild.ts";
import { MessageStore } from "./message-store.ts";
import { applicationCommandPayload, dmChannelPayload, userPayload, type UserInit } from "./payloads.ts";
import { SnowflakeGenerator } from "./snowflake.ts";

const VIEW_CHANNEL = 1n << 10n;
const SEND_MESSAGES = 1n << 11n;

export interface WorldOptions {
  applicationId?: string;
  botUsername?: string;
  /** `application.flags` in READY (for example GatewayMessageContentLimited). Default 0. */
  applicationFlags?: number;
  /** How long a message create's enforced nonce is remembered ("the past few minutes"). Default 5 minutes. */
  nonceWindowMs?: number;
}

export class FakeWorld {
  readonly ids = new SnowflakeGenerator(1n);
  /** Guild ids exactly 1 ms apart: guild k lands on shard k % shardCount. */
  readonly #guildIds = new SnowflakeGenerator(2n, false);
  readonly applicationId: string;
  readonly applicationFlags: number;
  readonly bot: APIUser;
  readonly messages = new MessageStore();
  /** Files served under /cdn/, and the attachment objects that point at them. */
  readonly cdn: CdnFiles = new Map();
  readonly attachments = new Map<string, APIAttachment>();
  readonly guilds = new Map<string, FakeGuild>();
  /** Users whose DMs are closed: sending to their DM channel answers 50007. */
  readonly closedDms = new Set<string>();
  readonly #users = new Map<string, APIUser>();
  readonly #userLocales = new Map<string, string>();
  readonly #dmChannelOfUser = new Map<string, string>();
  readonly #userOfDmChannel = new Map<string, string>();
  /** Registered commands per scope: "global" or a guild id. */
  readonly #commands = new Map<string, APIApplicationCommand[]>();
  /** Stable ids for commands a test invokes without registering them. */
  readonly #adHocCommandIds = new Map<string, string>();
  #userCount = 0;
  /** Enforced nonces seen: author and nonce, to the message it created and when. */
  readonly #nonces = new Map<string, { messageId: string; at: number }>();
  readonly nonceWindowMs: number;
  /** Message creates answered with the message an earlier create of the same nonce made. */
  nonceRepeats = 0;
  /**
   * Guild channels where the bot lacks permissions: "send" (it sees the channel but may not post:
   * creates and edits answer 403 50013 Missing Permissions) or "view" (it cannot see the channel at all:
   * 403 50001 Missing Access). Interactions there carry `app_permissions` without those bits.
   */
  readonly #botDenied = new Map<string, "send" | "view">();

  constructor(options: WorldOptions = {}) {
    // A bot's user id equals its application id for every application created since 2016.
    this.applicationId = options.applicationId ?? this.ids.next();
    this.applicationFlags = options.applicationFlags ?? 0;
    this.nonceWindowMs = options.nonceWindowMs ?? 5 * 60_000;
    this.bot = userPayload({ id: this.applicationId, username: options.botUsername ?? "StudyBot", bot: true });
  }

  // --- enforced nonces ------------------------------------------------------------------------------------------

  /** The message an earlier create by this author with this nonce made, if within the window and not deleted. */
  nonceMessage(authorId: string, nonce: string | number, now: number): string | undefined {
    const seen = this.#nonces.get(`${authorId}|${String(nonce)}`);
    if (!seen || now - seen.at > this.nonceWindowMs || !this.messages.apiPayload(seen.messageId)) return undefined;
    return seen.messageId;
  }

  rememberNonce(authorId: string, nonce: string | number, messageId: string, now: number): void {
    this.#nonces.set(`${authorId}|${String(nonce)}`, { messageId, at: now });
  }

  // --- the bot's permissions per channel ------------------------------------------------------------------

  denyBot(channelId: string, what: "send" | "view"): void {
    this.#botDenied.set(channelId, what);
  }

  allowBot(channelId: string): void {
    this.#botDenied.delete(channelId);
  }

  /** What the bot may not do in a channel, if anything. */
  botDenied(channelId: string): "send" | "view" | undefined {
    return this.#botDenied.get(channelId);
  }

  /** `app_permissions` in a channel: the bot's granted bits, less what the channel denies it. */
  appPermissionsIn(channelId: string, granted: string): string {
    const denied = this.#botDenied.get(channelId);
    if (!denied) return granted;
    const remove = denied === "view" ? VIEW_CHANNEL | SEND_MESSAGES : SEND_MESSAGES;
    return String(BigInt(granted) & ~remove);
  }

  // --- users ---------------------------------------------------------------------------------------------------

  addUser(init: Partial<UserInit> = {}): APIUser {
    this.#userCount++;
    const user = userPayload({ ...init, id: init.id ?? this.ids.next(), username: init.username ?? `learner${this.#userCount}` });
    this.#users.set(user.id, user);
    if (init.locale) this.#userLocales.set(user.id, init.locale);
    return structuredClone(user);
  }

  /** The client language a user's interactions carry by default. */
  userLocale(id: string): string {
    return this.#userLocales.get(id) ?? "en-US";
  }

  /** A user from the table, the bot itself, or a generated guild member. */
  user(id: string): APIUser | undefined {
    if (id === this.bot.id) return structuredClone(this.bot);
    const known = this.#users.get(id);
    if (known) return structuredClone(known);
    for (const guild of this.guilds.values()) {
      const generated = guild.generatedUser(id);
      if (generated) return generated;
    }
    return undefined;
  }

  get users(): APIUser[] {
    return [...this.#users.values()].map((user) => structuredClone(user));
  }

  // --- guilds and channels -------------------------------------------------------------------------------------

  addGuild(shape: GuildShape = {}): FakeGuild {
    const guild = new FakeGuild(this.ids, this.#guildIds, shape, this.guilds.size);
    this.guilds.set(guild.id, guild);
    return guild;
  }

  guildOfChannel(channelId: string): FakeGuild | undefined {
    for (const guild of this.guilds.values()) if (guild.channel(channelId)) return guild;
    return undefined;
  }

  /** A guild channel or a DM channel, as `GET /channels/:id` returns it. */
  channel(id: string): APIChannel | undefined {
    const recipientId = this.#userOfDmChannel.get(id);
    if (recipientId) return this.dmChannel(recipientId);
    return this.guildOfChannel(id)?.channel(id);
  }

  /** Opens (or returns) the DM channel between the bot and a user, like `POST /users/@me/channels`. */
  openDm(userId: string): APIDMChannel {
    let channelId = this.#dmChannelOfUser.get(userId);
    if (!channelId) {
      channelId = this.ids.next();
      this.#dmChannelOfUser.set(userId, channelId);
      this.#userOfDmChannel.set(channelId, userId);
    }
    return this.dmChannel(userId);
  }

  dmChannelId(userId: string): string | undefined {
    return this.#dmChannelOfUser.get(userId);
  }

  /** The user on the other side of a DM channel, or undefined if it is not a DM channel. */
  dmRecipient(channelId: string): string | undefined {
    return this.#userOfDmChannel.get(channelId);
  }

  private dmChannel(userId: string): APIDMChannel {
    const channelId = this.#dmChannelOfUser.get(userId) ?? "";
    const recipient = this.user(userId) ?? userPayload({ id: userId, username: `unknown${userId.slice(-4)}` });
    const last = this.messages.inChannel(channelId).at(-1);
    return dmChannelPayload({ id: channelId, recipient, lastMessageId: last?.id ?? null });
  }

  isDmChannel(channelId: string): boolean {
    return this.#userOfDmChannel.has(channelId);
  }

  // --- application commands ------------------------------------------------------------------------------------

  /** Bulk overwrite, as `PUT .../commands`: keeps the id of a command whose name and type did not change. */
  overwriteCommands(guildId: string | null, bodies: Record<string, unknown>[]): APIApplicationCommand[] {
    const scope = guildId ?? "global";
    const previous = this.#commands.get(scope) ?? [];
    const next = bodies.map((body) => {
      const type = (body["type"] as ApplicationCommandType | undefined) ?? ApplicationCommandType.ChatInput;
      const kept = previous.find((command) => command.name === body["name"] && command.type === type);
      return applicationCommandPayload(body, {
        id: kept?.id ?? this.ids.next(),
        applicationId: this.applicationId,
        ...(guildId ? { guildId } : {}),
        version: this.ids.next(),
      });
    });
    this.#commands.set(scope, next);
    return structuredClone(next);
  }

  /** `POST .../commands`: creates or replaces one command (matched by name and type). */
  upsertCommand(guildId: string | null, body: Record<string, unknown>): { command: APIApplicationCommand; created: boolean } {
    const scope = guildId ?? "global";
    const list = this.#commands.get(scope) ?? [];
    const type = (body["type"] as ApplicationCommandType | undefined) ?? ApplicationCommandType.ChatInput;
    const index = list.findIndex((command) => command.name === body["name"] && command.type === type);
    const command = applicationCommandPayload(body, {
      id: index >= 0 ? (list[index]?.id ?? this.ids.next()) : this.ids.next(),
      applicationId: this.applicationId,
      ...(guildId ? { guildId } : {}),
      version: this.ids.next(),
    });
    if (index >= 0) list[index] = command;
    else list.push(command);
    this.#commands.set(scope, list);
    return { command: structuredClone(command), created: index < 0 };
  }

  commands(guildId: string | null): APIApplicationCommand[] {
    return structuredClone(this.#commands.get(guildId ?? "global") ?? []);
  }

  /** The command an interaction in `guildId` (or a DM) with this name would run: guild commands win. */
  findCommand(name: string, guildId: string | null, type = ApplicationCommandType.ChatInput): APIApplicationCommand | undefined {
    const inScope = (scope: string) => this.#commands.get(scope)?.find((command) => command.name === name && command.type === type);
    return structuredClone((guildId ? inScope(guildId) : undefined) ?? inScope("global"));
  }

  adHocCommandId(name: string): string {
    let id = this.#adHocCommandIds.get(name);
    if (!id) {
      id = this.ids.next();
      this.#adHocCommandIds.set(name, id);
    }
    return id;
  }

  /** The channel type of a known channel (for building interaction payloads). */
  channelType(channelId: string): ChannelType | undefined {
    return this.channel(channelId)?.type;
  }
}
