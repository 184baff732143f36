// Live round rows: many players answer one question at once through the real discord.js client and
// the bot (its core, its database, the round driver) against the local fake Discord, beside an echo
// bot answering the same clicks with "ok" and no core, in the same run. Reported: every click's
// acknowledgement latency against Discord's 3 seconds, the answers the database holds against the
// clicks made, and the answers per second as a share of the echo bot's.
import { fork, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { monitorEventLoopDelay } from "node:perf_hooks";
import { Events, MessageFlags } from "discord.js";
import { createDiscordClient } from "../../src/adapters/discord/discord-client.ts";
import { DiscordSender } from "../../src/adapters/discord/discord-sender.ts";
import { registerCommands } from "../../src/adapters/discord/register-commands.ts";
import { startDiscord } from "../../src/adapters/discord/start-discord.ts";
import { createBot } from "../../src/app/create-bot.ts";
import { GameDispatcher, startGameTicker } from "../../src/jobs/game-dispatcher.ts";
import { createLogger } from "../../src/ops/logger.ts";
import { FakeSender } from "../support/fake-sender.ts";
import type { BenchRow } from "./bench-table.ts";
import { summarize } from "./bench-table.ts";
import type { ChildRequest, ClickReport } from "./game-load-child.ts";

const APP = "1100000000000000001";

export interface GameBenchOptions {
  players: number;
  /** Players click at evenly spaced moments over this many milliseconds (0: all at once). */
  spreadMs: number;
}

interface LoadChild {
  restUrl: string;
  guildId: string;
  channelId: string;
  starterId: string;
  ask<T>(request: ChildRequest): Promise<T>;
  stop(): Promise<void>;
}

/** A load generator with its own fake Discord, in a child process. */
export async function loadChild(): Promise<LoadChild> {
  const child: ChildProcess = fork("tests/bench/game-load-child.ts", [], {
    execArgv: ["--import", "tsx"],
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  const next = () => new Promise<Record<string, unknown>>((resolve) => child.once("message", (m) => resolve(m as Record<string, unknown>)));
  const hello = (await next()) as { restUrl: string; guildId: string; channelId: string; starterId: string };
  return {
    ...hello,
    async ask<T>(request: ChildRequest): Promise<T> {
      const answer = next();
      child.send(request);
      const reply = (await answer) as { ok: boolean; result?: T; error?: string };
      if (!reply.ok) throw new Error(`load generator: ${reply.error ?? "failed"}`);
      return reply.result as T;
    },
    stop: () =>
      new Promise<void>((resolve) => {
        child.once("exit", () => resolve());
        child.send({ kind: "stop" } satisfies ChildRequest);
      }),
  };
}

/** The echo bot's run: the same clicks on a message of four buttons, each answered privately with "ok". */
export async function echoClicks(o: GameBenchOptions): Promise<ClickReport> {
  const load = await loadChild();
  const echo = createDiscordClient({ apiUrl: load.restUrl });
  echo.on(Events.InteractionCreate, (i) => {
    if (i.isRepliable()) void i.reply({ content: "ok", flags: MessageFlags.Ephemeral }).catch(() => undefined);
  });
  const ready = new Promise<void>((r) => echo.once(Events.ClientReady, () => r()));
  await echo.login("fake-token");
  await ready;
  try {
    const warm = await load.ask<{ messageId: string; customIds: string[] }>({ kind: "echo-message" });
    await load.ask<ClickReport>({ kind: "clicks", messageId: warm.messageId, customIds: warm.customIds, players: 10, spreadMs: 0 });
    const target = await load.ask<{ messageId: string; customIds: string[] }>({ kind: "echo-message" });
    return await load.ask<ClickReport>({ kind: "clicks", ...target, players: o.players, spreadMs: o.spreadMs });
  } finally {
    await echo.destroy();
    await load.stop();
  }
}

/** Clicks answered per second: from the first click to the last one's acknowledgement showing its text. */
export function rate(report: ClickReport): number {
  return (report.shownMs.length / Math.max(1, report.wallMs)) * 1000;
}

export function latencyRow(benchmark: string, report: ClickReport, extra: Partial<BenchRow> = {}): BenchRow {
  const ack = summarize(report.ackMs, Math.max(1, report.wallMs));
  return {
    benchmark,
    p50Ms: ack.p50,
    p99Ms: ack.p99,
    opsPerSec: rate(report),
    ...extra,
  };
}

/** The study bot's run: a real round (its driver ticking on the real clock), whose first question many players answer. */
export interface GameRun {
  /** The round's first question, answered by players new to the bot (each one's profile is created). */
  first: ClickReport;
  /** Its second question, answered by the same players again. */
  second: ClickReport;
  recorded: [number, number];
  /** Edits of the first question's answered count while it was open, and the shortest gap between two. */
  refreshes: { count: number; minGapMs: number | null };
  /** The longest the bot's event loop was held during each question's clicks. */
  loopHeldMs: [number, number];
}

/** The study bot's run: a real round (its driver ticking on the real clock), two of whose questions many players answer. */
export async function gameClicks(o: GameBenchOptions, databaseUrl: string): Promise<GameRun> {
  const load = await loadChild();
  const logger = createLogger("silent");
  const runtime = await createBot({ databaseUrl, contentDir: "content" });
  await registerCommands({ token: "fake-token", applicationId: APP, apiUrl: load.restUrl });
  const adapter = await startDiscord({ bot: runtime.bot, logger, token: "fake-token", client: { apiUrl: load.restUrl } });
  const sender = new DiscordSender({ token: "fake-token", rest: adapter.client.rest });
  const dispatcher = new GameDispatcher({
    games: runtime.stores.games,
    cards: runtime.stores.cards,
    profiles: runtime.stores.profiles,
    sender,
    logger,
    owner: "bench",
  });
  const ticker = startGameTicker({ dispatcher, logger });
  const answers = (roundId: string, position: number) => runtime.database.db.gameAnswer.count({ where: { roundId, position } });
  try {
    // Warm-up: a first round's question answered by a few, then stopped, so the measured run starts warm.
    const warm = await startRound(load, 60);
    await load.ask<ClickReport>({ kind: "clicks", messageId: warm.messageId, customIds: warm.customIds, players: 10, spreadMs: 0 });
    await load.ask({ kind: "command", name: "game", subcommand: "stop" });
    await waitFor(
      async () => (await runtime.database.db.gameRound.count({ where: { status: "running" } })) === 0,
      10_000,
      "the warm-up round to end",
    );

    // The shortest question (10 s), so that the second one comes soon.
    const round = await startRound(load, 10, [warm.messageId]);
    const roundId = round.customIds[0]!.split(":")[1]!;
    const clicks = { customIds: round.customIds, players: o.players, spreadMs: o.spreadMs };
    // How long the bot's event loop is held while it answers: a held loop delays every reply and the deferral timer too.
    const loop = monitorEventLoopDelay({ resolution: 10 });
    loop.enable();
    const first = await load.ask<ClickReport>({ kind: "clicks", messageId: round.messageId, ...clicks });
    loop.disable();
    const loopHeldMs = [loop.max / 1e6];
    // Every acknowledged answer was recorded before its acknowledgement was sent: count them now.
    const recordedFirst = await answers(roundId, 0);
    // Meanwhile the driver keeps the question's answered count fresh: at most one edit every 2 seconds.
    await new Promise((resolve) => setTimeout(resolve, 2_500));
    // When each edit of the question landed (its creation left out: the limit is on edits).
    const times = (await load.ask<string[]>({ kind: "edits", messageId: round.messageId })).slice(1).map((t) => Date.parse(t));
    const gaps = times.slice(1).map((t, k) => t - times[k]!);

    const next = await load.ask<{ messageId: string; customIds: string[] }>({
      kind: "question",
      customIdPattern: `^ga:${roundId}:1:`,
      after: [],
      timeoutMs: 30_000,
    });
    loop.reset();
    loop.enable();
    const second = await load.ask<ClickReport>({
      kind: "clicks",
      messageId: next.messageId,
      ...clicks,
      customIds: next.customIds,
      samePlayers: true,
    });
    loop.disable();
    loopHeldMs.push(loop.max / 1e6);
    const recordedSecond = await answers(roundId, 1);
    return {
      first,
      second,
      recorded: [recordedFirst, recordedSecond],
      refreshes: { count: times.length, minGapMs: gaps.length > 0 ? Math.min(...gaps) : null },
      loopHeldMs: [loopHeldMs[0]!, loopHeldMs[1]!],
    };
  } finally {
    await ticker.stop();
    await adapter.stop();
    await runtime.database.close();
    await load.stop();
  }
}

async function startRound(load: LoadChild, seconds: number, after: string[] = []): Promise<{ messageId: string; customIds: string[] }> {
  const started = await load.ask<{ reply: string }>({
    kind: "command",
    name: "game",
    subcommand: "start",
    options: { questions: 3, seconds },
  });
  if (!/Round starting/.test(started.reply)) throw new Error(`/game start answered: ${started.reply}`);
  return load.ask({ kind: "question", customIdPattern: "^ga:", after, timeoutMs: 10_000 });
}

async function waitFor(check: () => Promise<boolean>, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/**
 * The bot's share of an answer: the same answers straight into the core on its own database, one at a
 * time, without Discord (the round driven with a sender that only records). Beside the Discord run it
 * says how much of an acknowledgement's wait is the core's work, which a burst of clicks queues up.
 */
export async function coreAlone(
  o: GameBenchOptions,
  databaseUrl: string,
): Promise<{ msPerAnswer: [number, number]; cpuMsPerAnswer: [number, number] }> {
  const runtime = await createBot({ databaseUrl, contentDir: "content" });
  const sender = new FakeSender();
  const dispatcher = new GameDispatcher({
    games: runtime.stores.games,
    cards: runtime.stores.cards,
    profiles: runtime.stores.profiles,
    sender,
    logger: createLogger("silent"),
    owner: "bench",
  });
  const teamId = "discord:1200000000000000001";
  const channelId = "1300000000000000001";
  const actor = (k: number) => ({ userId: `discord:${3_000_000 + k}`, teamId, clientLocale: "en" as const, channelId });
  let now = new Date();
  const drive = async () => {
    for (let ticks = 0; ticks < 20 && (await dispatcher.tick(now)) > 0; ticks++);
  };
  const answerAll = async (players: number, from: number) => {
    const buttons = (sender.channel_.at(-1)?.view.buttons ?? []).flat().map((b) => b.action);
    if (buttons.length === 0) throw new Error("no question was posted");
    const cpu = process.cpuUsage();
    const wall = performance.now();
    for (let k = 0; k < players; k++) await runtime.bot.click(actor(from + k), buttons[k % buttons.length]!, now);
    const used = process.cpuUsage(cpu);
    return { ms: (performance.now() - wall) / players, cpuMs: (used.user + used.system) / 1000 / players };
  };
  try {
    // Warm-up: a round answered by a few, then stopped.
    await runtime.bot.command(actor(0), { name: "game", action: "start", questions: 3, seconds: 60 }, now);
    await drive();
    await answerAll(10, 1_000);
    await runtime.bot.command(actor(0), { name: "game", action: "stop" }, now);
    await drive();

    await runtime.bot.command(actor(0), { name: "game", action: "start", questions: 3, seconds: 60 }, now);
    await drive();
    const first = await answerAll(o.players, 0);
    now = new Date(now.getTime() + 61_000);
    await drive();
    now = new Date(now.getTime() + 4_000);
    await drive();
    const second = await answerAll(o.players, 0);
    return { msPerAnswer: [first.ms, second.ms], cpuMsPerAnswer: [first.cpuMs, second.cpuMs] };
  } finally {
    await runtime.database.close();
  }
}

export async function benchGame(o: GameBenchOptions, log: (s: string) => void): Promise<BenchRow[]> {
  const echo = await echoClicks(o);
  log(`echo bot: ${rate(echo).toFixed(0)} clicks/s, max ack ${Math.max(...echo.ackMs).toFixed(0)} ms`);
  const dir = mkdtempSync(path.join(tmpdir(), "study-bot-game-bench-"));
  try {
    const game = await gameClicks(o, `file:${path.join(dir, "game.db")}`);
    const rows: BenchRow[] = [
      latencyRow(`game: echo bot ("ok", no core), ${o.players} clicks on one message at once`, echo, {
        value: `max ack ${Math.max(...echo.ackMs).toFixed(0)} ms; dispatched over ${echo.dispatchSpreadMs} ms`,
      }),
    ];
    for (const [k, report] of [game.first, game.second].entries()) {
      const who = k === 0 ? "new players (profiles created)" : "the same players, next question";
      const maxAck = Math.max(...report.ackMs);
      const inTime = report.ackMs.filter((ms) => ms < 3000).length;
      const maxShown = report.shownMs.length > 0 ? Math.max(...report.shownMs) : NaN;
      log(
        `study bot, ${who}: ${rate(report).toFixed(0)} answers/s, max ack ${maxAck.toFixed(0)} ms, ${game.recorded[k]} recorded, ` +
          `${report.unanswered} unanswered, ${report.notShown} without text; e.g. ${report.samples.join(" | ")}`,
      );
      rows.push(
        latencyRow(`game: ${o.players} players answer one live question at once, ${who}`, report, {
          value:
            `max ack ${maxAck.toFixed(0)} ms; ${inTime}/${o.players} acked < 3 s (${report.deferred} by a deferral); ` +
            `"locked in" shown by ${maxShown.toFixed(0)} ms; dispatched over ${report.dispatchSpreadMs} ms; ` +
            `bot's event loop held up to ${game.loopHeldMs[k]!.toFixed(0)} ms`,
          vsBaseline: `${((100 * rate(report)) / rate(echo)).toFixed(0)}% of echo's answers/s`,
          target: "every answer acked < 3000 ms",
          met: inTime === o.players && report.unanswered === 0,
        }),
        {
          benchmark: `game: answers recorded in the database, ${who}`,
          value: `${game.recorded[k]} of ${o.players} clicks (${report.notShown} acknowledgements without text)`,
          target: `== ${o.players}`,
          met: game.recorded[k] === o.players && report.notShown === 0,
        },
      );
    }
    const core = await coreAlone(o, `file:${path.join(dir, "core.db")}`);
    rows.push({
      benchmark: "game: the same answers straight into the core (no Discord), one at a time",
      opsPerSec: 1000 / core.msPerAnswer[1],
      value:
        `${core.msPerAnswer[0].toFixed(1)} ms per answer by new players, ${core.msPerAnswer[1].toFixed(1)} ms by returning ones ` +
        `(CPU ${core.cpuMsPerAnswer[0].toFixed(1)} / ${core.cpuMsPerAnswer[1].toFixed(1)} ms): ${o.players} at once queue ` +
        `${((o.players * core.msPerAnswer[1]) / 1000).toFixed(1)} s of work`,
      vsBaseline: `echo bot: ${(1000 / rate(echo)).toFixed(1)} ms per click in all`,
    });
    const gap = game.refreshes.minGapMs;
    rows.push({
      benchmark: "game: the open question's answered-count edits",
      value: `${game.refreshes.count} in its first ${o.spreadMs === 0 ? "" : `${o.spreadMs} ms + `}2.5 s; shortest gap ${gap === null ? "-" : `${(gap / 1000).toFixed(1)} s`}`,
      target: "at most one edit per 2 s",
      met: gap === null || gap >= 2000,
    });
    return rows;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
