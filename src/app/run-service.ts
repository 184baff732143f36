// Service mode: Discord and/or Slack in one process, the scheduled jobs, and the ops endpoints,
// until SIGTERM or SIGINT. Shutdown stops accepting new interactions, lets in-flight ones finish,
// stops the jobs, closes the database, and exits 0 within 10 seconds even when Discord, Slack or
// the database has become unreachable: every step has a share of the deadline, and a part that
// does not stop in its share is left behind (main.ts exits whatever is still running).
import { PictureWorkers } from "../pictures/picture-drawer.ts";
import { hostname } from "node:os";
import type { Config } from "../config/env.ts";
import { DiscordSender } from "../adapters/discord/discord-sender.ts";
import { startDiscord } from "../adapters/discord/start-discord.ts";
import { startShards } from "../adapters/discord/start-shards.ts";
import { SlackSender } from "../adapters/slack/slack-sender.ts";
import { startSlack } from "../adapters/slack/start-slack.ts";
import { SeenNames } from "../adapters/shared/seen-names.ts";
import { SenderRouter, type PlatformSender } from "../core/ports/platform-sender.ts";
import { ReminderDispatcher } from "../jobs/reminder-dispatcher.ts";
import { startScheduler } from "../jobs/scheduler.ts";
import { TeamDispatcher } from "../jobs/team-dispatcher.ts";
import { ParameterFitJob } from "../jobs/parameter-fit-job.ts";
import { GameDispatcher, startGameTicker } from "../jobs/game-dispatcher.ts";

/** How long one instance holds a learner's fit: longer than any fit takes. */
const FIT_LEASE_MS = 15 * 60_000;
import type { Logger } from "../ops/logger.ts";
import { createBotMetrics } from "../ops/metrics.ts";
import { startOpsServer } from "../ops/ops-server.ts";
import type { BotRuntime } from "./create-bot.ts";

export const SHUTDOWN_DEADLINE_MS = 10_000;
/** From the signal: how long the platforms and jobs have to stop, in-flight interactions included. */
export const PARTS_STOP_MS = 7_000;
/** Then the database's share, before the process exits. */
export const DATABASE_CLOSE_MS = 1_500;

/** Resolves true when `work` settles within `ms`, false when it is still running then (it is left running). */
export async function within(work: Promise<unknown>, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), Math.max(0, ms));
  });
  try {
    return await Promise.race([
      work.then(
        () => true,
        () => true,
      ),
      late,
    ]);
  } finally {
    clearTimeout(timer);
  }
}

/** Resolves with the first SIGTERM or SIGINT from now on; later ones are ignored rather than killing the process mid-shutdown. */
export function stopSignal(): Promise<NodeJS.Signals> {
  return new Promise((resolve) => {
    const on = (signal: NodeJS.Signals) => resolve(signal);
    process.on("SIGTERM", on);
    process.on("SIGINT", on);
  });
}

export const NO_PLATFORM =
  "No Discord or Slack is configured, and CONSOLE=off keeps the terminal session off: set DISCORD_TOKEN and DISCORD_APPLICATION_ID, " +
  "or SLACK_BOT_TOKEN with SLACK_APP_TOKEN (Socket Mode) or SLACK_SIGNING_SECRET (HTTP mode), then restart. Waiting until stopped.";

export interface RunningPart {
  name: string;
  isReady(): boolean;
  stop(): Promise<void>;
}

/**
 * `signalled` listens from the start (main opens it before the database): a signal while the
 * database opens or Discord or Slack is still connecting stops the bot too.
 */
export async function runService(
  config: Config,
  runtime: BotRuntime,
  logger: Logger,
  signalled: Promise<NodeJS.Signals> = stopSignal(),
): Promise<number> {
  const parts: RunningPart[] = [];
  const metrics = createBotMetrics({ processMetrics: true });
  const stopAll = async (startedAt: number) => {
    const until = startedAt + PARTS_STOP_MS;
    for (const part of [...parts].reverse()) {
      const stopping = part.stop().catch((e: unknown) => logger.error({ err: e, part: part.name }, "error while stopping"));
      if (!(await within(stopping, until - Date.now())))
        logger.warn({ part: part.name }, "did not stop in time (is it unreachable?); leaving it behind");
    }
    if (!(await within(runtime.database.close(), until + DATABASE_CLOSE_MS - Date.now())))
      logger.warn("the database did not close in time (is it unreachable?); leaving it behind");
  };
  const start = async () => {
    const senders: Record<string, PlatformSender> = {};
    const pictures = new PictureWorkers().warm();
    parts.push({ name: "pictures", isReady: () => true, stop: () => pictures.close() });
    if (!config.discord && !config.slack) {
      // CONSOLE=off (a container) with nothing to connect to: say so, and stay up unhealthy rather than exit into a restart loop.
      process.stderr.write(`${NO_PLATFORM}\n`);
      logger.error(NO_PLATFORM);
      parts.push({ name: "platform", isReady: () => false, stop: () => Promise.resolve() });
    }
    if (config.discord?.shards) {
      const sharded = await startShards({
        token: config.discord.token,
        apiUrl: config.discord.apiUrl,
        shards: config.discord.shards,
        shardList: config.discord.shardList,
        logger,
        observe: metrics.observer("discord"),
      });
      parts.push({ name: "discord", isReady: () => sharded.isReady(), stop: () => sharded.stop() });
      // The shards' processes hold the names people's interactions carried: the recap's board here names nobody.
      senders["discord"] = new DiscordSender({
        token: config.discord.token,
        apiUrl: config.discord.apiUrl,
        pictures: { drawer: pictures, logger },
      });
    } else if (config.discord) {
      // One memory of names for the replies' pictures and the scheduled posts' (the weekly recap).
      const names = new SeenNames();
      const discord = await startDiscord({
        bot: runtime.bot,
        logger,
        token: config.discord.token,
        client: { apiUrl: config.discord.apiUrl },
        router: { observe: metrics.observer("discord"), pictures, names },
      });
      parts.push({ name: "discord", isReady: () => discord.isReady(), stop: () => discord.stop() });
      senders["discord"] = new DiscordSender({
        token: config.discord.token,
        apiUrl: config.discord.apiUrl,
        rest: discord.client.rest,
        pictures: { drawer: pictures, logger, nameOf: (userId) => names.nameOf(userId) },
      });
    }
    if (config.slack) {
      const slack = await startSlack({ bot: runtime.bot, logger, ...config.slack, observe: metrics.observer("slack"), pictures });
      parts.push({ name: "slack", isReady: () => slack.isReady(), stop: () => slack.stop() });
      senders["slack"] = new SlackSender(slack.client, { pictures: { drawer: pictures, logger, nameOf: slack.nameOf } });
    }
    if (config.jobs && (config.discord || config.slack)) {
      const owner = `${hostname()}:${process.pid}`;
      const sender = new SenderRouter(senders);
      const { stores } = runtime;
      const reminders = new ReminderDispatcher({
        reminders: stores.reminders,
        teams: stores.teams,
        bot: runtime.bot,
        sender,
        logger,
        owner,
        leaseMs: config.reminderLeaseSeconds * 1000,
        onOutcome: (platform, outcome) => {
          if (outcome === "sent" || outcome === "channel") metrics.remindersSent.inc({ platform });
          else if (outcome === "failed" || outcome === "paused" || outcome === "retrying")
            metrics.remindersFailed.inc({ platform, reason: outcome });
        },
      });
      const teams = new TeamDispatcher({
        teamPosts: stores.teamPosts,
        qotd: stores.qotd,
        teams: stores.teams,
        cards: stores.cards,
        bot: runtime.bot,
        sender,
        logger,
        owner,
        leaseMs: config.reminderLeaseSeconds * 1000,
      });
      const scheduler = startScheduler({
        logger,
        expression: config.jobsCron,
        jobs: [
          { name: "reminders", run: (now) => reminders.tick(now) },
          { name: "team posts", run: (now) => teams.tick(now) },
        ],
      });
      // Fits take seconds in a child process: on their own tick, so reminders never wait for one.
      const fits = new ParameterFitJob({
        fits: stores.parameters,
        teamFits: stores.teamParameters,
        profiles: stores.profiles,
        sender,
        logger,
        leaseMs: FIT_LEASE_MS,
      });
      const fitScheduler = startScheduler({
        logger,
        expression: config.jobsCron,
        jobs: [
          { name: "team parameter fits", run: (now) => fits.tickTeams(now) },
          { name: "parameter fits", run: (now) => fits.tick(now) },
        ],
      });
      // Live rounds move in seconds, not minutes: on a ticker of their own.
      const games = startGameTicker({
        logger,
        dispatcher: new GameDispatcher({ games: stores.games, cards: stores.cards, profiles: stores.profiles, sender, logger, owner }),
      });
      parts.unshift({
        name: "jobs",
        isReady: () => true,
        stop: () => {
          fits.stop();
          return Promise.all([scheduler.stop(), fitScheduler.stop(), games.stop()]).then(() => undefined);
        },
      });
    }
    if (config.opsPort !== undefined) {
      const ops = await startOpsServer({
        port: config.opsPort,
        metrics: metrics.registry,
        checks: [
          { name: "database", check: () => runtime.database.ping() },
          ...parts.filter((p) => p.name !== "jobs").map((p) => ({ name: p.name, check: () => p.isReady() })),
        ],
      });
      parts.unshift({ name: "ops", isReady: () => true, stop: () => ops.close() });
      logger.info({ port: ops.port }, "ops endpoints listening (/healthz, /metrics)");
    }
  };

  let signal: NodeJS.Signals | undefined;
  try {
    signal = await Promise.race([start().then(() => undefined), signalled]);
  } catch (e) {
    logger.error({ err: e }, "could not start");
    metrics.errors.inc({ source: "startup" });
    await stopAll(Date.now());
    return 1;
  }
  if (signal) {
    // Still connecting (a platform may be unreachable): stop what has started; main.ts exits past the rest.
    logger.info({ signal, started: parts.map((p) => p.name) }, "shutting down while starting");
  } else {
    logger.info({ parts: parts.map((p) => p.name) }, "study bot running");
    signal = await signalled;
    logger.info({ signal }, "shutting down");
  }
  const startedAt = Date.now();
  const deadline = setTimeout(() => {
    logger.error("shutdown took longer than 10 s; exiting anyway");
    process.exit(1);
  }, SHUTDOWN_DEADLINE_MS);
  deadline.unref();
  await stopAll(startedAt);
  clearTimeout(deadline);
  logger.info("stopped");
  return 0;
}
