// Live round rows: many players answer one question at once through the real discord.js client and
// the bot (its core, its database, the round driver) against the local fake Discord, beside an echo
// bot answering the same clicks with "ok" and no core, in the same run. Reported: every click's
// acknowledgement latency against Discord's 3 seconds, the answers the database holds against the
// clicks made, and the answers per second as a share of the echo bot's.
import { fork, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { Events, MessageFlags } from "discord.js";
import { createDiscordClient } from "../../src/adapters/discord/discord-client.ts";
import type { BenchRow } from "./bench-table.ts";
import { summarize } from "./bench-table.ts";
import type { ChildRequest, ClickReport } from "./game-load-child.ts";

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

export function rate(report: ClickReport): number {
  return (report.ackMs.length / Math.max(1, report.wallMs)) * 1000;
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

export async function benchGame(o: GameBenchOptions, log: (s: string) => void): Promise<BenchRow[]> {
  const echo = await echoClicks(o);
  log(`echo bot: ${rate(echo).toFixed(0)} clicks/s, max ack ${Math.max(...echo.ackMs).toFixed(0)} ms`);
  const dir = mkdtempSync(path.join(tmpdir(), "study-bot-game-bench-"));
  try {
    return [latencyRow(`game: echo bot ("ok", no core), ${o.players} clicks on one message`, echo)];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
