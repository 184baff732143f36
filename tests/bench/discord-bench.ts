// Discord rows: interactions per second through the real discord.js client and the bot (with its
// core and database) against the local fake Discord, beside an echo bot that answers "ok" with no
// core, in the same run; and the client's peak memory after loading 1,000 guilds, with and without
// the cache limits.
import { execFile, fork } from "node:child_process";
import { promisify } from "node:util";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { Events, MessageFlags } from "discord.js";
import { createDiscordClient } from "../../src/adapters/discord/discord-client.ts";
import { startDiscord } from "../../src/adapters/discord/start-discord.ts";
import { createBot } from "../../src/app/create-bot.ts";
import { createLogger } from "../../src/ops/logger.ts";
import { FakeDiscord } from "../fakes/discord/fake-discord.ts";
import type { BenchRow } from "./bench-table.ts";
import { countPlanCompilations } from "./plan-compilations.ts";

const APP = "1100000000000000001";

/** A load generator with its own fake Discord, in a child process. */
async function loadGenerator(): Promise<{
  restUrl: string;
  drive(o: { users: number; rounds: number; studyFlow: boolean }): Promise<{ rate: number; interactions: number }>;
  stop(): Promise<void>;
}> {
  const child = fork("tests/bench/discord-load-child.ts", [], {
    execArgv: ["--import", "tsx"],
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  const next = () => new Promise<Record<string, unknown>>((resolve) => child.once("message", (m) => resolve(m as Record<string, unknown>)));
  const { restUrl } = (await next()) as { restUrl: string };
  return {
    restUrl,
    async drive(o) {
      child.send(o);
      const result = await next();
      if (process.env.BENCH_VERBOSE) process.stderr.write(`load generator: ${JSON.stringify(result)}\n`);
      return { rate: Number(result["rate"]), interactions: Number(result["interactions"]) };
    },
    stop: () =>
      new Promise<void>((resolve) => {
        child.once("exit", () => resolve());
        child.send("stop");
      }),
  };
}

export async function benchDiscordThroughput(o: { users: number; rounds: number }, log: (s: string) => void): Promise<BenchRow[]> {
  const dir = mkdtempSync(path.join(tmpdir(), "study-bot-discord-bench-"));
  const logger = createLogger("silent");
  try {
    // Echo bot: the same client configuration, answering every interaction with "ok".
    const echoLoad = await loadGenerator();
    const echo = createDiscordClient({ apiUrl: echoLoad.restUrl });
    echo.on(Events.InteractionCreate, (i) => {
      if (i.isRepliable()) void i.reply({ content: "ok", flags: MessageFlags.Ephemeral }).catch(() => undefined);
    });
    const echoReady = new Promise<void>((r) => echo.once(Events.ClientReady, () => r()));
    await echo.login("fake-token");
    await echoReady;
    await echoLoad.drive({ users: 5, rounds: 3, studyFlow: false });
    const { rate: echoRate } = await echoLoad.drive({ users: o.users, rounds: o.rounds * 3, studyFlow: false });
    await echo.destroy();
    await echoLoad.stop();
    log(`echo bot: ${echoRate.toFixed(0)} interactions/s`);

    const plans = await countPlanCompilations("sqlite");
    const load = await loadGenerator();
    const runtime = await createBot({ databaseUrl: `file:${path.join(dir, "bench.db")}`, contentDir: "content" });
    const adapter = await startDiscord({ bot: runtime.bot, logger, token: "fake-token", client: { apiUrl: load.restUrl } });
    await load.drive({ users: 5, rounds: 1, studyFlow: true });
    const compiledBefore = plans.count();
    const botDrive = await load.drive({ users: o.users, rounds: o.rounds, studyFlow: true });
    const botRate = botDrive.rate;
    const compiledAfter = plans.count();
    const compiled =
      compiledBefore === null || compiledAfter === null ? "n/a" : ((compiledAfter - compiledBefore) / botDrive.interactions).toFixed(2);
    await adapter.stop();
    await runtime.database.close();
    await load.stop();
    log(`study bot: ${botRate.toFixed(0)} interactions/s`);
    const core = await coreAlone(`file:${path.join(dir, "core.db")}`, o);
    return [
      {
        benchmark: 'discord: echo bot ("ok", no core), real client vs fake Discord',
        opsPerSec: echoRate,
        value: `${o.users} users at once`,
      },
      {
        benchmark: "discord: study bot (/study, show, rate), real client vs fake Discord",
        opsPerSec: botRate,
        callsPerOp: `${compiled} plan compilations`,
        vsBaseline: `${((100 * botRate) / echoRate).toFixed(0)}% of echo`,
        target: ">= 50% of echo",
        met: botRate >= echoRate / 2,
      },
      {
        benchmark: "discord: the same flow in the core alone (no Discord), one person at a time",
        opsPerSec: 1000 / core.wallMsPerInteraction,
        value: `/study ${core.msPer.study.toFixed(2)} ms, show ${core.msPer.show.toFixed(2)} ms, rate ${core.msPer.rate.toFixed(2)} ms; ${core.cpuMsPerInteraction.toFixed(2)} ms CPU per interaction`,
        vsBaseline: `echo bot: ${(1000 / echoRate).toFixed(2)} ms per interaction in all`,
      },
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * The bot's share of an interaction: the same /study, show, rate flow straight into the core on its
 * own database, without Discord. Beside the echo bot's whole cost per interaction, it says how much
 * of the study bot's rate the core leaves.
 */
async function coreAlone(
  databaseUrl: string,
  o: { users: number; rounds: number },
): Promise<{ msPer: { study: number; show: number; rate: number }; wallMsPerInteraction: number; cpuMsPerInteraction: number }> {
  const runtime = await createBot({ databaseUrl, contentDir: "content" });
  const totals = { study: [0, 0], show: [0, 0], rate: [0, 0] } as Record<"study" | "show" | "rate", [number, number]>;
  const timed = async <T>(step: "study" | "show" | "rate", f: () => Promise<T>): Promise<T> => {
    const t0 = performance.now();
    const result = await f();
    totals[step][0] += performance.now() - t0;
    totals[step][1] += 1;
    return result;
  };
  const round = async (u: number) => {
    const actor = { userId: `discord:${2_000_000 + u}`, teamId: "discord:1200000000000000001", clientLocale: "en" as const };
    const front = await timed("study", () => runtime.bot.command(actor, { name: "study" }, new Date()));
    const show = front.view.buttons.flat().find((b) => b.action.startsWith("sa:"));
    if (!show) return;
    const back = await timed("show", () => runtime.bot.click(actor, show.action, new Date()));
    const good = back.view.buttons.flat().find((b) => b.action.startsWith("rt:") && b.action.split(":")[3] === "3");
    if (good) await timed("rate", () => runtime.bot.click(actor, good.action, new Date()));
  };
  try {
    for (let u = 0; u < 5; u++) await round(u); // warm-up, as the Discord run has
    for (const t of Object.values(totals)) t.fill(0);
    const cpu = process.cpuUsage();
    const wall = performance.now();
    for (let r = 0; r < o.rounds; r++) for (let u = 5; u < o.users + 5; u++) await round(u);
    const used = process.cpuUsage(cpu);
    const interactions = totals.study[1] + totals.show[1] + totals.rate[1];
    const per = (step: "study" | "show" | "rate") => totals[step][0] / Math.max(1, totals[step][1]);
    return {
      msPer: { study: per("study"), show: per("show"), rate: per("rate") },
      wallMsPerInteraction: (performance.now() - wall) / interactions,
      cpuMsPerInteraction: (used.user + used.system) / 1000 / interactions,
    };
  } finally {
    await runtime.database.close();
  }
}

export async function benchDiscordMemory(guilds: number, log: (s: string) => void): Promise<BenchRow[]> {
  const fake = await FakeDiscord.start({ applicationId: APP });
  fake.addGuilds(guilds, { channels: 30, members: 45, roles: 20, emojis: 30 });
  const rows: BenchRow[] = [];
  const results: Record<string, { peakRssMb: number; heapUsedMb: number; cached: Record<string, number> }> = {};
  for (const limits of ["off", "on"]) {
    // Asynchronously: the fake Discord answering the child runs in this process.
    const { stdout: out } = await promisify(execFile)(
      process.execPath,
      ["--expose-gc", "--import", "tsx", "tests/bench/discord-memory-child.ts", fake.restUrl, limits, String(guilds)],
      {
        encoding: "utf8",
        maxBuffer: 1 << 20,
      },
    );
    results[limits] = JSON.parse(out.trim().split("\n").pop() ?? "{}");
    log(`memory with cache limits ${limits}: ${out.trim()}`);
  }
  await fake.stop();
  const off = results["off"]!;
  const on = results["on"]!;
  rows.push(
    {
      benchmark: `discord: peak RSS, ${guilds} guilds, default caches`,
      value: `${off.peakRssMb.toFixed(0)} MB (heap ${off.heapUsedMb.toFixed(0)} MB)`,
    },
    {
      benchmark: `discord: peak RSS, ${guilds} guilds, bot's cache limits`,
      value: `${on.peakRssMb.toFixed(0)} MB (heap ${on.heapUsedMb.toFixed(0)} MB)`,
      vsBaseline: `${((100 * on.heapUsedMb) / off.heapUsedMb).toFixed(0)}% of the default heap; ${on.cached["members"]} members cached vs ${off.cached["members"]}`,
    },
  );
  return rows;
}
