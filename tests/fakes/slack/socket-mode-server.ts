/**
 * Slack's side of Socket Mode: a WebSocket server that greets each connection with `hello`, pushes
 * envelopes (slash commands, interactivity, Events API) and collects the app's acks.
 *
 * Protocol, as @slack/socket-mode 3 implements it: the client calls apps.connections.open (app-level
 * token), connects to the returned URL, and counts as connected only once it receives `hello`; it
 * acks an envelope by sending `{ envelope_id, payload }` back, and on `{ type: "disconnect" }` closes
 * the socket and reconnects (fetching a fresh URL) after a delay.
 */
import type { AddressInfo } from "node:net";
import { WebSocketServer, type WebSocket } from "ws";
import type { BlockAction, EnvelopedEvent, SlashCommand, ViewSubmitAction } from "@slack/bolt";
import { envelopeId as newEnvelopeId } from "./slack-ids.ts";

export type EnvelopeType = "slash_commands" | "interactive" | "events_api";

/** What Slack sends over the socket for each request. */
export interface Envelope {
  envelope_id: string;
  type: EnvelopeType;
  payload: unknown;
  accepts_response_payload: boolean;
  retry_attempt?: number;
  retry_reason?: string;
}

/** What the app sent back for an envelope. Bolt always sends a `payload` (`{}` for a bare `ack()`). */
export interface SocketAck {
  envelope_id: string;
  payload?: unknown;
  receivedAt: number;
}

export interface EnvelopeOptions {
  /** Reuse an envelope id to simulate Slack re-delivering the same envelope. */
  envelopeId?: string;
  /** Events API re-deliveries count up from 0 (`retry_attempt: 1` is the first retry). */
  retryAttempt?: number;
  /** e.g. "timeout" or "http_error"; Slack sends "" on first delivery. */
  retryReason?: string;
  acceptsResponsePayload?: boolean;
  /** How long to wait for the ack (default: the fake's ackTimeoutMs, 3 s like Slack). */
  timeoutMs?: number;
}

export type DisconnectReason = "refresh_requested" | "warning" | "link_disabled";

interface Connection {
  socket: WebSocket;
  number: number;
  /** Told to disconnect: Slack sends nothing more on it. */
  draining: boolean;
}

interface AckWaiter {
  resolve: (ack: SocketAck) => void;
  reject: (error: Error) => void;
  timer: NodeJS.Timeout;
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

export class FakeSocketMode {
  readonly url: string;
  /** Every ack received, in order. */
  readonly acks: SocketAck[] = [];
  /** Every envelope sent, in order (re-deliveries included). */
  readonly sent: Envelope[] = [];
  /** Messages from the app that were not acks (none are expected). */
  readonly unexpectedMessages: unknown[] = [];

  readonly #server: WebSocketServer;
  readonly #appId: string;
  readonly #ackTimeoutMs: number;
  readonly #open = new Set<Connection>();
  readonly #waiters = new Map<string, AckWaiter[]>();
  #connectionsEver = 0;

  private constructor(server: WebSocketServer, appId: string, ackTimeoutMs: number) {
    this.#server = server;
    this.#appId = appId;
    this.#ackTimeoutMs = ackTimeoutMs;
    const { port } = server.address() as AddressInfo;
    this.url = `ws://127.0.0.1:${port}/link/`;
    server.on("connection", (socket) => this.#onConnection(socket));
  }

  static async start(options: { appId: string; ackTimeoutMs: number }): Promise<FakeSocketMode> {
    const server = new WebSocketServer({ host: "127.0.0.1", port: 0 });
    await new Promise<void>((resolve, reject) => {
      server.once("listening", resolve);
      server.once("error", reject);
    });
    return new FakeSocketMode(server, options.appId, options.ackTimeoutMs);
  }

  /** Connections open now. */
  get openConnections(): number {
    return this.#open.size;
  }

  /** Connections accepted since start (a reconnect makes it grow). */
  get connectionsEver(): number {
    return this.#connectionsEver;
  }

  sendSlashCommand(payload: SlashCommand, options: EnvelopeOptions = {}): Promise<SocketAck> {
    return this.send("slash_commands", payload, { acceptsResponsePayload: true, ...options });
  }

  sendBlockActions(payload: BlockAction, options: EnvelopeOptions = {}): Promise<SocketAck> {
    return this.send("interactive", payload, { acceptsResponsePayload: false, ...options });
  }

  /** A view_submission accepts a response payload (`response_action`: errors, update, push, clear). */
  sendViewSubmission(payload: ViewSubmitAction, options: EnvelopeOptions = {}): Promise<SocketAck> {
    return this.send("interactive", payload, { acceptsResponsePayload: true, ...options });
  }

  sendEvent(payload: EnvelopedEvent, options: EnvelopeOptions = {}): Promise<SocketAck> {
    return this.send("events_api", payload, {
      acceptsResponsePayload: false,
      retryAttempt: 0,
      retryReason: "",
      ...options,
    });
  }

  /** Sends an envelope on the newest connection (waiting for one if the app is reconnecting). */
  async send(type: EnvelopeType, payload: unknown, options: EnvelopeOptions = {}): Promise<SocketAck> {
    const timeoutMs = options.timeoutMs ?? this.#ackTimeoutMs;
    const envelope: Envelope = {
      envelope_id: options.envelopeId ?? newEnvelopeId(),
      type,
      payload,
      accepts_response_payload: options.acceptsResponsePayload ?? false,
      ...(options.retryAttempt !== undefined && { retry_attempt: options.retryAttempt }),
      ...(options.retryReason !== undefined && { retry_reason: options.retryReason }),
    };
    const connection = await this.#newestConnection(timeoutMs);
    const acked = this.#awaitAck(envelope, timeoutMs);
    this.sent.push(envelope);
    connection.socket.send(JSON.stringify(envelope));
    return acked;
  }

  /** Asks every open connection to reconnect, like Slack does before recycling a server. */
  requestDisconnect(reason: DisconnectReason = "refresh_requested"): void {
    for (const connection of this.#open) {
      connection.draining = true;
      connection.socket.send(JSON.stringify({ type: "disconnect", reason, debug_info: { host: "applink-fake" } }));
    }
  }

  /** Cuts every connection without a close handshake (a network failure). */
  dropConnections(): void {
    for (const { socket } of this.#open) socket.terminate();
  }

  /** Resolves once `count` connections have been accepted in total and one is usable. */
  async waitForConnections(count: number, timeoutMs = 5000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    const usable = (): boolean => [...this.#open].some((c) => !c.draining);
    while (this.#connectionsEver < count || !usable()) {
      if (Date.now() > deadline) {
        throw new Error(
          `FakeSocketMode: expected ${count} connection(s) within ${timeoutMs} ms, got ${this.#connectionsEver} (${this.#open.size} open)`,
        );
      }
      await sleep(10);
    }
  }

  async stop(): Promise<void> {
    for (const [envelopeId, waiters] of this.#waiters) {
      for (const waiter of waiters) {
        clearTimeout(waiter.timer);
        waiter.reject(new Error(`FakeSocketMode stopped before envelope ${envelopeId} was acked`));
      }
    }
    this.#waiters.clear();
    for (const { socket } of this.#open) socket.terminate();
    this.#open.clear();
    await new Promise<void>((resolve) => this.#server.close(() => resolve()));
  }

  #onConnection(socket: WebSocket): void {
    this.#connectionsEver += 1;
    const connection: Connection = { socket, number: this.#connectionsEver, draining: false };
    this.#open.add(connection);
    socket.on("message", (data, isBinary) => {
      if (!isBinary) this.#onMessage(data.toString());
    });
    socket.on("close", () => this.#open.delete(connection));
    socket.on("error", () => this.#open.delete(connection));
    // The client only reports itself connected (and App.start() only resolves) after this.
    socket.send(
      JSON.stringify({
        type: "hello",
        num_connections: this.#open.size,
        debug_info: {
          host: `applink-fake-${connection.number}`,
          build_number: 1,
          approximate_connection_time: 18060,
        },
        connection_info: { app_id: this.#appId },
      }),
    );
  }

  #onMessage(text: string): void {
    let message: unknown;
    try {
      message = JSON.parse(text);
    } catch {
      this.unexpectedMessages.push(text);
      return;
    }
    if (typeof message !== "object" || message === null || !("envelope_id" in message)) {
      this.unexpectedMessages.push(message);
      return;
    }
    const { envelope_id, payload } = message as { envelope_id: unknown; payload?: unknown };
    if (typeof envelope_id !== "string") {
      this.unexpectedMessages.push(message);
      return;
    }
    const ack: SocketAck = {
      envelope_id,
      ...(payload !== undefined && { payload }),
      receivedAt: Date.now(),
    };
    this.acks.push(ack);
    const waiter = this.#waiters.get(envelope_id)?.shift();
    if (waiter !== undefined) {
      clearTimeout(waiter.timer);
      waiter.resolve(ack);
    }
  }

  #awaitAck(envelope: Envelope, timeoutMs: number): Promise<SocketAck> {
    return new Promise<SocketAck>((resolve, reject) => {
      const waiters = this.#waiters.get(envelope.envelope_id) ?? [];
      const waiter: AckWaiter = {
        resolve,
        reject,
        timer: setTimeout(() => {
          const list = this.#waiters.get(envelope.envelope_id);
          list?.splice(list.indexOf(waiter), 1);
          reject(
            new Error(
              `FakeSocketMode: no ack for ${envelope.type} envelope ${envelope.envelope_id} within ${timeoutMs} ms ` +
                `(Slack would show the user an error, or re-deliver an event). ` +
                `Acked so far: [${this.acks.map((a) => a.envelope_id).join(", ")}]`,
            ),
          );
        }, timeoutMs),
      };
      waiters.push(waiter);
      this.#waiters.set(envelope.envelope_id, waiters);
    });
  }

  async #newestConnection(timeoutMs: number): Promise<Connection> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const open = [...this.#open].filter((c) => !c.draining && c.socket.readyState === c.socket.OPEN);
      const newest = open.at(-1);
      if (newest !== undefined) return newest;
      if (Date.now() > deadline) {
        throw new Error(`FakeSocketMode: no app connected within ${timeoutMs} ms (did App.start() run?)`);
      }
      await sleep(10);
    }
  }
}
