// The live-round benchmark's load generator, in its own process so that the fake Discord's work is
// not charged to the bot under test: starts a fake Discord with one guild, reports its REST URL, then
// on request runs a slash command, waits for a round's question in the channel, or has many players
// click a message's buttons at once, and reports every click's acknowledgement latency.
import { InteractionResponseType } from "discord.js";
import { FakeDiscord, type StoredMessage } from "../fakes/discord/fake-discord.ts";

export type ChildRequest =
  | { kind: "command"; name: string; subcommand?: string; options?: Record<string, string | number> }
  | { kind: "question"; customIdPattern: string; after: string[]; timeoutMs: number }
  | { kind: "echo-message" }
  | { kind: "edits"; messageId: string }
  | {
      kind: "clicks";
      messageId: string;
      customIds: string[];
      players: number;
      spreadMs: number;
      /** The players of the previous clicks click again (returning players), instead of new ones. */
      samePlayers?: boolean;
    }
  | { kind: "stop" };

export interface ClickReport {
  players: number;
  /** From the first click dispatched to the last one dispatched. */
  dispatchSpreadMs: number;
  /** From the first click dispatched to the last click's acknowledgement text showing. */
  wallMs: number;
  /** Dispatch to the first interaction callback (Discord allows 3000 ms). */
  ackMs: number[];
  /** Dispatch to the private acknowledgement's text being there (the reply, or a deferred reply's edit). */
  shownMs: number[];
  /** Clicks first answered with a deferral (the bot took longer than its deferral threshold), the text following. */
  deferred: number;
  /** Clicks with no callback within the wait, or a callback the fake refused. */
  unanswered: number;
  /** Clicks whose private acknowledgement never showed text. */
  notShown: number;
  /** A few acknowledgement texts, to see what players were told. */
  samples: string[];
  fakeErrors: number;
}

const fake = await FakeDiscord.start({ applicationId: "1100000000000000001", interactionDeadlineMs: null });
const guild = fake.addGuild({ name: "Bench Guild" });
const starter = fake.addUser({ username: "round_starter" });
const channelId = guild.defaultChannelId;
process.send?.({ restUrl: fake.restUrl, guildId: guild.id, channelId, starterId: starter.id });

const textOf = (m: StoredMessage | undefined): string =>
  m ? [m.content, ...m.embeds.flatMap((e) => [e.title ?? "", e.description ?? ""])].join(" ").trim() : "";
const buttonIds = (m: StoredMessage): string[] =>
  m.components
    .flatMap((row) => ("components" in row ? (row.components as { custom_id?: string }[]) : []))
    .flatMap((b) => (b.custom_id ? [b.custom_id] : []));

async function handle(request: ChildRequest): Promise<unknown> {
  switch (request.kind) {
    case "command": {
      const command = fake.interact.command({
        name: request.name,
        user: starter,
        guildId: guild.id,
        channelId,
        ...(request.subcommand ? { subcommand: request.subcommand } : {}),
        options: request.options ?? {},
      });
      await command.settled(50, 20_000);
      return { reply: command.messages().map(textOf).join("\n"), latencyMs: command.callbackLatencyMs };
    }
    case "question": {
      const pattern = new RegExp(request.customIdPattern);
      const message = await fake.waitFor(
        () =>
          fake
            .messagesIn(channelId)
            .find((m) => m.origin === "channel-message" && !request.after.includes(m.id) && buttonIds(m).some((id) => pattern.test(id))),
        request.timeoutMs,
        "a round's question in the channel",
      );
      return { messageId: message.id, customIds: buttonIds(message).filter((id) => pattern.test(id)), text: textOf(message) };
    }
    case "echo-message": {
      const message = fake.seedMessage({
        channelId,
        content: "Echo question",
        components: [
          {
            type: 1,
            components: ["a", "b", "c", "d"].map((c) => ({ type: 2, style: 2, label: c.toUpperCase(), custom_id: `echo:${c}` })),
          },
        ],
      });
      return { messageId: message.id, customIds: buttonIds(message) };
    }
    case "clicks":
      return clicks(request);
    case "edits":
      // When each version of a message appeared: its creation, then every edit.
      return fake.versions(request.messageId).map((v) => v.edited_timestamp ?? v.timestamp);
    case "stop":
      await fake.stop();
      process.exit(0);
  }
}

let lastPlayers: ReturnType<typeof fake.addUser>[] = [];

async function clicks(o: Extract<ChildRequest, { kind: "clicks" }>): Promise<ClickReport> {
  const players = o.samePlayers ? lastPlayers.slice(0, o.players) : Array.from({ length: o.players }, () => fake.addUser());
  lastPlayers = players;
  const handles: ReturnType<typeof fake.interact.component>[] = [];
  const started = performance.now();
  const startedAt = Date.now();
  // Players click at evenly spaced moments over `spreadMs` (all at once when 0).
  await Promise.all(
    players.map(async (user, k) => {
      const at = o.players > 1 ? (o.spreadMs * k) / (o.players - 1) : 0;
      const wait = at - (performance.now() - started);
      if (wait > 1) await new Promise((resolve) => setTimeout(resolve, wait));
      handles[k] = fake.interact.component({ customId: o.customIds[k % o.customIds.length]!, message: o.messageId, user, locale: "en-US" });
    }),
  );
  const lastDispatch = Date.now();
  // Each click is done when its private acknowledgement shows text (a reply, or a deferral's follow-up or edit).
  const shownOf = (h: (typeof handles)[number]) => h.messages().find((m) => m.ephemeral && !m.loading && textOf(m) !== "");
  await Promise.all(
    handles.map(async (h) => {
      await h.response(30_000).catch(() => undefined);
      if (h.callback) await fake.waitFor(() => shownOf(h), 30_000, "a click's acknowledgement text").catch(() => undefined);
    }),
  );
  const report: ClickReport = {
    players: o.players,
    dispatchSpreadMs: lastDispatch - startedAt,
    wallMs: 0,
    ackMs: [],
    shownMs: [],
    deferred: 0,
    unanswered: 0,
    notShown: 0,
    samples: [],
    fakeErrors: fake.internalErrors.length,
  };
  let lastShown = startedAt;
  for (const h of handles) {
    const callback = h.callback;
    if (!callback || h.rejectedCallbacks.length > 0) {
      report.unanswered += 1;
      continue;
    }
    const dispatchedAt = callback.receivedAt - callback.latencyMs;
    report.ackMs.push(callback.latencyMs);
    if (
      callback.type === InteractionResponseType.DeferredMessageUpdate ||
      callback.type === InteractionResponseType.DeferredChannelMessageWithSource
    )
      report.deferred += 1;
    const shown = shownOf(h);
    if (!shown) {
      report.notShown += 1;
      continue;
    }
    const shownAt = shown.editedAt ?? shown.createdAt;
    report.shownMs.push(shownAt - dispatchedAt);
    lastShown = Math.max(lastShown, shownAt);
    if (report.samples.length < 3 && !report.samples.includes(textOf(shown))) report.samples.push(textOf(shown));
  }
  report.wallMs = lastShown - startedAt;
  return report;
}

process.on("message", (request: ChildRequest) => {
  void handle(request).then(
    (result) => process.send?.({ ok: true, result }),
    (error: unknown) => process.send?.({ ok: false, error: error instanceof Error ? error.message : String(error) }),
  );
});
