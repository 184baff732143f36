// The gateway side of the fake: a WebSocket server speaking Discord's gateway protocol in JSON (HELLO, IDENTIFY ->
// READY + GUILD_CREATE, heartbeats, RESUME -> replay + RESUMED), with one session per identified shard and
// per-session sequence numbers. Events for a guild go to the shard `(guild_id >> 22) % shard_count`, DMs to 0.
import { randomBytes } from "node:crypto";
import type { IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";
import { constants as zlibConstants, createDeflate, deflateSync, type Deflate } from "node:zlib";
import { GatewayDispatchEvents, GatewayOpcodes } from "discord.js";
import type { APIGuildMember } from "discord.js";
import { WebSocketServer, type RawData, type WebSocket } from "ws";
import type { FakeWorld } from "./fake-world.ts";
import {
  dispatchFrame,
  heartbeatAckFrame,
  heartbeatRequestFrame,
  helloFrame,
  invalidSessionFrame,
  readyPayload,
  reconnectFrame,
  type GatewayFrame,
} from "./payloads.ts";
import { shardOfGuild } from "./snowflake.ts";

/** Gateway close codes the fake uses (Discord's numbering). */
export const GatewayCloseCode = {
  UnknownError: 4000,
  UnknownOpcode: 4001,
  DecodeError: 4002,
  NotAuthenticated: 4003,
  AuthenticationFailed: 4004,
  AlreadyAuthenticated: 4005,
  InvalidShard: 4010,
  InvalidApiVersion: 4012,
  DisallowedIntents: 4014,
} as const;

/** Intents a bot must enable in the developer portal: GUILD_MEMBERS, GUILD_PRESENCES, MESSAGE_CONTENT. */
export const PRIVILEGED_INTENTS = (1 << 1) | (1 << 8) | (1 << 15);

export interface GatewayOptions {
  heartbeatIntervalMs: number;
  /** If set, IDENTIFY/RESUME must carry exactly this token (else close 4004). */
  token: string | undefined;
  /** Privileged intents the application may use (else close 4014). */
  allowedPrivilegedIntents: number;
  /** Discord's default `large_threshold` when IDENTIFY does not send one. */
  defaultLargeThreshold: number;
}

/** What the fake recorded about one WebSocket connection. */
export interface GatewayConnectionInfo {
  id: number;
  openedAt: number;
  /** Request path: `/` for the gateway URL, `/resume` when the client used `resume_gateway_url`. */
  path: string;
  query: Record<string, string>;
  /** `compress` query value (only `zlib-stream` is honoured). */
  compress: string | null;
  identified: boolean;
  /** IDENTIFY had a non-empty token (the token itself is never kept). */
  hadToken: boolean;
  resumed: boolean;
  sessionId: string | null;
  shard: [number, number] | null;
  intents: number | null;
  largeThreshold: number | null;
  /** IDENTIFY asked for `compress: true` (whole-payload zlib frames). */
  identifyCompress: boolean;
  heartbeats: number;
  /** Opcodes received, in order. */
  received: number[];
  dispatchesSent: number;
  closedAt: number | null;
  closeCode: number | null;
  closedBy: "client" | "server" | null;
}

interface Session {
  id: string;
  shard: [number, number];
  intents: number;
  largeThreshold: number;
  seq: number;
  connection: GatewayConnection | null;
  /** Dispatches sent while no connection was attached; replayed on RESUME. */
  missed: GatewayFrame[];
}

class GatewayConnection {
  session: Session | null = null;
  #deflate: Deflate | null = null;
  #identifyCompress = false;
  #sending: Promise<void> = Promise.resolve();

  constructor(
    readonly socket: WebSocket,
    readonly info: GatewayConnectionInfo,
  ) {
    if (info.compress === "zlib-stream") this.#deflate = createDeflate();
  }

  get open(): boolean {
    return this.socket.readyState === this.socket.OPEN;
  }

  useIdentifyCompress(): void {
    this.#identifyCompress = true;
  }

  /** Sends frames in order; zlib-stream frames share one deflate context and end with Z_SYNC_FLUSH. */
  send(frame: GatewayFrame): void {
    if (frame.op === GatewayOpcodes.Dispatch) this.info.dispatchesSent++;
    const json = JSON.stringify(frame);
    const deflate = this.#deflate;
    if (deflate) {
      this.#sending = this.#sending.then(
        () =>
          new Promise<void>((resolve) => {
            deflate.write(json);
            deflate.flush(zlibConstants.Z_SYNC_FLUSH, () => {
              const chunks: Buffer[] = [];
              for (let chunk = deflate.read() as Buffer | null; chunk !== null; chunk = deflate.read() as Buffer | null) chunks.push(chunk);
              if (this.open) this.socket.send(Buffer.concat(chunks));
              resolve();
            });
          }),
      );
      return;
    }
    if (!this.open) return;
    this.socket.send(this.#identifyCompress ? deflateSync(json) : json);
  }

  close(code: number, reason: string): void {
    this.info.closedBy ??= "server";
    if (this.socket.readyState === this.socket.OPEN || this.socket.readyState === this.socket.CONNECTING) this.socket.close(code, reason);
  }

  dispose(): void {
    this.#deflate?.close();
    this.#deflate = null;
  }
}

export class GatewayServer {
  readonly connections: GatewayConnectionInfo[] = [];
  /** Errors thrown while handling a frame: bugs in the fake, answered by closing with 4000 instead of crashing. */
  readonly internalErrors: Error[] = [];
  readonly #sessions = new Map<string, Session>();
  readonly #live = new Set<GatewayConnection>();
  #sessionStarts = 0;

  private constructor(
    private readonly wss: WebSocketServer,
    readonly url: string,
    private readonly world: FakeWorld,
    private readonly options: GatewayOptions,
  ) {
    wss.on("connection", (socket, request) => this.accept(socket, request));
    wss.on("error", (error) => this.internalErrors.push(error));
  }

  static async start(world: FakeWorld, options: GatewayOptions): Promise<GatewayServer> {
    const wss = new WebSocketServer({ host: "127.0.0.1", port: 0 });
    await new Promise<void>((resolve, reject) => {
      wss.once("listening", resolve);
      wss.once("error", reject);
    });
    const { port } = wss.address() as AddressInfo;
    return new GatewayServer(wss, `ws://127.0.0.1:${port}`, world, options);
  }

  async stop(): Promise<void> {
    for (const connection of this.#live) {
      connection.info.closedBy ??= "server";
      connection.socket.terminate();
      connection.dispose();
    }
    this.#live.clear();
    await new Promise<void>((resolve) => this.wss.close(() => resolve()));
  }

  /** How many IDENTIFYs were answered with READY (what `session_start_limit.remaining` counts down). */
  get sessionStarts(): number {
    return this.#sessionStarts;
  }

  /** Shards with an identified, connected session. */
  get readyShards(): [number, number][] {
    return [...this.#sessions.values()]
      .filter((session) => session.connection?.open)
      .map((session) => [...session.shard] as [number, number]);
  }

  // --- dispatching -------------------------------------------------------------------------------------------

  /**
   * Sends a dispatch to the sessions of one shard (`shard`), of the shard owning a guild (`guildId`; null means a
   * DM, shard 0), or to every session. Returns how many sessions got it; a session whose socket dropped keeps
   * the event for its RESUME.
   */
  dispatch(t: string, d: unknown, target: { shard?: number; guildId?: string | null } = {}): number {
    const sessions = [...this.#sessions.values()].filter((session) => {
      if (target.shard !== undefined) return session.shard[0] === target.shard;
      if (target.guildId !== undefined) return session.shard[0] === shardOfGuild(target.guildId, session.shard[1]);
      return true;
    });
    for (const session of sessions) this.sendDispatch(session, t, d);
    return sessions.length;
  }

  /** GUILD_CREATE for a guild added while clients are connected. */
  announceGuild(guildId: string): void {
    const guild = this.world.guilds.get(guildId);
    if (!guild) return;
    for (const session of this.#sessions.values()) {
      if (session.shard[0] === shardOfGuild(guildId, session.shard[1])) {
        this.sendDispatch(session, GatewayDispatchEvents.GuildCreate, guild.guildCreate(this.world.bot, session.largeThreshold));
      }
    }
  }

  /** The shard an interaction in `guildId` goes to, from the sessions' shard counts; null if nobody listens. */
  shardFor(guildId: string | null): number | null {
    for (const session of this.#sessions.values()) {
      const shard = shardOfGuild(guildId, session.shard[1]);
      if (session.shard[0] === shard) return shard;
    }
    return null;
  }

  // --- connection control ------------------------------------------------------------------------------------

  /** Closes every client socket with `code`. Sessions stay resumable unless `resumable` is false. */
  disconnectAll(code: number, resumable: boolean): void {
    for (const connection of this.#live) connection.close(code, "fake discord: disconnectAll");
    if (!resumable) this.#sessions.clear();
  }

  /** Sends op 1: the client must heartbeat at once. */
  requestHeartbeat(): void {
    for (const connection of this.#live) connection.send(heartbeatRequestFrame());
  }

  /** Sends op 7 RECONNECT: the client should reconnect and resume. */
  requestReconnect(): void {
    for (const connection of this.#live) connection.send(reconnectFrame());
  }

  /** Sends op 9 INVALID_SESSION to every client. */
  invalidateSessions(resumable: boolean): void {
    for (const connection of this.#live) connection.send(invalidSessionFrame(resumable));
    if (!resumable) this.#sessions.clear();
  }

  // --- protocol ----------------------------------------------------------------------------------------------

  private accept(socket: WebSocket, request: IncomingMessage): void {
    const url = new URL(request.url ?? "/", "ws://127.0.0.1");
    const query = Object.fromEntries(url.searchParams);
    const info: GatewayConnectionInfo = {
      id: this.connections.length + 1,
      openedAt: Date.now(),
      path: url.pathname,
      query,
      compress: query["compress"] ?? null,
      identified: false,
      hadToken: false,
      resumed: false,
      sessionId: null,
      shard: null,
      intents: null,
      largeThreshold: null,
      identifyCompress: false,
      heartbeats: 0,
      received: [],
      dispatchesSent: 0,
      closedAt: null,
      closeCode: null,
      closedBy: null,
    };
    this.connections.push(info);
    const connection = new GatewayConnection(socket, info);
    this.#live.add(connection);

    socket.on("close", (code) => {
      info.closedAt = Date.now();
      info.closeCode = code;
      info.closedBy ??= "client";
      this.#live.delete(connection);
      connection.dispose();
      const session = connection.session;
      if (session && session.connection === connection) {
        session.connection = null;
        // A client closing with 1000/1001 ends its session for good, as on Discord.
        if (info.closedBy === "client" && (code === 1000 || code === 1001)) this.#sessions.delete(session.id);
      }
    });
    socket.on("error", () => undefined);

    if (query["v"] !== undefined && query["v"] !== "10") {
      connection.close(GatewayCloseCode.InvalidApiVersion, "Invalid API version.");
      return;
    }
    if (query["encoding"] !== undefined && query["encoding"] !== "json") {
      connection.close(1003, "fake discord speaks encoding=json only");
      return;
    }
    socket.on("message", (data, isBinary) => {
      try {
        this.receive(connection, data, isBinary);
      } catch (error) {
        this.internalErrors.push(error instanceof Error ? error : new Error(String(error)));
        connection.close(GatewayCloseCode.UnknownError, "fake discord internal error");
      }
    });
    connection.send(helloFrame(this.options.heartbeatIntervalMs));
  }

  private receive(connection: GatewayConnection, data: RawData, isBinary: boolean): void {
    let frame: { op?: unknown; d?: unknown };
    try {
      const text = isBinary ? Buffer.from(data as Buffer).toString("utf8") : (data as Buffer).toString("utf8");
      frame = JSON.parse(text) as { op?: unknown; d?: unknown };
    } catch {
      connection.close(GatewayCloseCode.DecodeError, "Error while decoding payload.");
      return;
    }
    const op = typeof frame.op === "number" ? frame.op : -1;
    connection.info.received.push(op);
    const d = (typeof frame.d === "object" && frame.d !== null ? frame.d : {}) as Record<string, unknown>;

    if (op === GatewayOpcodes.Heartbeat) {
      connection.info.heartbeats++;
      connection.send(heartbeatAckFrame());
      return;
    }
    if (op === GatewayOpcodes.Identify) return this.identify(connection, d);
    if (op === GatewayOpcodes.Resume) return this.resume(connection, d);
    if (!connection.session) {
      connection.close(GatewayCloseCode.NotAuthenticated, "Not authenticated.");
      return;
    }
    switch (op) {
      case GatewayOpcodes.PresenceUpdate:
      case GatewayOpcodes.VoiceStateUpdate:
      case GatewayOpcodes.RequestSoundboardSounds:
        return;
      case GatewayOpcodes.RequestGuildMembers:
        return this.sendMemberChunk(connection.session, d);
      default:
        connection.close(GatewayCloseCode.UnknownOpcode, "Unknown opcode.");
    }
  }

  private identify(connection: GatewayConnection, d: Record<string, unknown>): void {
    if (connection.session) {
      connection.close(GatewayCloseCode.AlreadyAuthenticated, "Already authenticated.");
      return;
    }
    if (!this.tokenAccepted(d["token"])) {
      connection.close(GatewayCloseCode.AuthenticationFailed, "Authentication failed.");
      return;
    }
    const shard = parseShard(d["shard"]);
    if (!shard) {
      connection.close(GatewayCloseCode.InvalidShard, "Invalid shard.");
      return;
    }
    const intents = typeof d["intents"] === "number" ? d["intents"] : 0;
    if ((intents & PRIVILEGED_INTENTS & ~this.options.allowedPrivilegedIntents) !== 0) {
      connection.close(GatewayCloseCode.DisallowedIntents, "Disallowed intent(s).");
      return;
    }
    const largeThreshold = typeof d["large_threshold"] === "number" ? d["large_threshold"] : this.options.defaultLargeThreshold;
    Object.assign(connection.info, {
      identified: true,
      hadToken: true,
      shard,
      intents,
      largeThreshold,
      identifyCompress: d["compress"] === true,
    });
    if (d["compress"] === true && !connection.info.compress) connection.useIdentifyCompress();

    const session: Session = { id: randomBytes(16).toString("hex"), shard, intents, largeThreshold, seq: 0, connection, missed: [] };
    this.#sessions.set(session.id, session);
    this.#sessionStarts++;
    connection.session = session;
    connection.info.sessionId = session.id;

    const guilds = [...this.world.guilds.values()].filter((guild) => shardOfGuild(guild.id, shard[1]) === shard[0]);
    this.sendDispatch(
      session,
      GatewayDispatchEvents.Ready,
      readyPayload({
        user: this.world.bot,
        applicationId: this.world.applicationId,
        applicationFlags: this.world.applicationFlags,
        sessionId: session.id,
        resumeGatewayUrl: `${this.url}/resume`,
        guildIds: guilds.map((guild) => guild.id),
        shard,
      }),
    );
    // Each payload is built, sent and dropped in turn: thousands of guilds never sit in memory as objects.
    for (const guild of guilds) {
      this.sendDispatch(session, GatewayDispatchEvents.GuildCreate, guild.guildCreate(this.world.bot, largeThreshold));
    }
  }

  private resume(connection: GatewayConnection, d: Record<string, unknown>): void {
    const session = typeof d["session_id"] === "string" ? this.#sessions.get(d["session_id"]) : undefined;
    if (!this.tokenAccepted(d["token"])) {
      connection.close(GatewayCloseCode.AuthenticationFailed, "Authentication failed.");
      return;
    }
    if (!session) {
      connection.send(invalidSessionFrame(false));
      return;
    }
    const previous = session.connection;
    if (previous && previous !== connection) previous.close(GatewayCloseCode.UnknownError, "Session resumed elsewhere.");
    session.connection = connection;
    connection.session = session;
    Object.assign(connection.info, {
      identified: true,
      hadToken: true,
      resumed: true,
      sessionId: session.id,
      shard: session.shard,
      intents: session.intents,
      largeThreshold: session.largeThreshold,
    });
    const missed = session.missed.splice(0);
    const lastSeen = typeof d["seq"] === "number" ? d["seq"] : 0;
    for (const frame of missed) if ((frame.s ?? 0) > lastSeen) connection.send(frame);
    this.sendDispatch(session, GatewayDispatchEvents.Resumed, { _trace: ['["fake-gateway",{"micros":0}]'] });
  }

  private sendDispatch(session: Session, t: string, d: unknown): void {
    session.seq++;
    const frame = dispatchFrame(t, session.seq, d);
    const connection = session.connection;
    if (connection?.open) connection.send(frame);
    else session.missed.push(frame);
  }

  /** Op 8 REQUEST_GUILD_MEMBERS -> one GUILD_MEMBERS_CHUNK (by `user_ids`, or by username prefix and limit). */
  private sendMemberChunk(session: Session, d: Record<string, unknown>): void {
    const guildId = String(d["guild_id"] ?? "");
    const guild = this.world.guilds.get(guildId);
    const members: APIGuildMember[] = [];
    const notFound: string[] = [];
    if (guild) {
      const userIds = d["user_ids"] === undefined ? undefined : ([] as unknown[]).concat(d["user_ids"]).map(String);
      if (userIds) {
        for (const userId of userIds) {
          const member = guild.member(userId);
          if (member) members.push(member);
          else notFound.push(userId);
        }
      } else {
        const query = String(d["query"] ?? "").toLowerCase();
        const limit = typeof d["limit"] === "number" && d["limit"] > 0 ? d["limit"] : Number.POSITIVE_INFINITY;
        for (let k = 0; k < guild.counts.members && members.length < limit; k++) {
          const member = guild.member(guild.memberUserId(k));
          if (member?.user && member.user.username.toLowerCase().startsWith(query)) members.push(member);
        }
      }
    }
    this.sendDispatch(session, GatewayDispatchEvents.GuildMembersChunk, {
      guild_id: guildId,
      members,
      chunk_index: 0,
      chunk_count: 1,
      ...(notFound.length ? { not_found: notFound } : {}),
      ...(d["nonce"] === undefined ? {} : { nonce: d["nonce"] }),
    });
  }

  private tokenAccepted(token: unknown): boolean {
    if (typeof token !== "string" || token === "") return false;
    return this.options.token === undefined || token.replace(/^Bot\s+/i, "") === this.options.token;
  }
}

function parseShard(value: unknown): [number, number] | null {
  if (value === undefined) return [0, 1];
  if (!Array.isArray(value) || value.length !== 2) return null;
  const [id, count] = value as unknown[];
  if (typeof id !== "number" || typeof count !== "number" || count < 1 || id < 0 || id >= count) return null;
  return [id, count];
}
