// Service mode: Discord and/or Slack in one process, the scheduled jobs, and the ops endpoints,
// until SIGTERM or SIGINT. Shutdown stops accepting new interactions, lets in-flight ones finish,
// stops the jobs, closes the database, and exits within 10 seconds.
import { hostname } from "node:os";
import type { Config } from "../config/env.ts";
import { DiscordSender } from "../adapters/discord/discord-sender.ts";
import { startDiscord } from "../adapters/discord/start-discord.ts";
import { startShards } from "../adapters/discord/start-shards.ts";
import { SlackSender } from "../adapters/slack/slack-sender.ts";
import { startSlack } from "../adapters/slack/start-slack.ts";
import { SenderRouter, type PlatformSender } from "../core/ports/platform-sender.ts";
import { ReminderDispatcher } from "../jobs/reminder-dispatcher.ts";
import { startScheduler } from "../jobs/scheduler.ts";
import { TeamDispatcher } from "../jobs/team-dispatcher.ts";
import type { Logger } from "../ops/logger.ts";
import { createBotMetrics } from "../ops/metrics.ts";
import { startOpsServer } from "../ops/ops-server.ts";
import type { BotRuntime } from "./create-bot.ts";

export const SHUTDOWN_DEADLINE_MS = 10_000;

export interface RunningPart {
  name: string;
  isReady(): boolean;
  stop(): Promise<void>;
}

export async function runService(config: Config, runtime: BotRuntime, logger: Logger): Promise<number> {
  const parts: RunningPart[] = [];
  const metrics = createBotMetrics({ processMetrics: true });
  const stopAll = async () => {
    for (const part of [...parts].reverse()) {
      try {
        await part.stop();
      } catch (e) {
        logger.error({ err: e, part: part.name }, "error while stopping");
      }
    }
    await runtime.database.close();
  };
  try {
    const senders: Record<string, PlatformSender> = {};
    if (config.discord?.shards) {
      const sharded = await startShards({
        token: config.discord.token,
        apiUrl: config.discord.apiUrl,
        shards: config.discord.shards,
        shardList: config.discord.shardList,
        logger,
        observe: metrics.observer("discord"),
      });
      parts.push({ name: "discord", isReady: sharded.isReady, stop: sharded.stop });
      senders["discord"] = new DiscordSender({ token: config.discord.token, apiUrl: config.discord.apiUrl });
    } else if (config.discord) {
      const discord = await startDiscord({
        bot: runtime.bot,
        logger,
        token: config.discord.token,
        client: { apiUrl: config.discord.apiUrl },
        router: { observe: metrics.observer("discord") },
      });
      parts.push({ name: "discord", isReady: discord.isReady, stop: discord.stop });
      senders["discord"] = new DiscordSender({ token: config.discord.token, apiUrl: config.discord.apiUrl, rest: discord.client.rest });
    }
    if (config.slack) {
      const slack = await startSlack({ bot: runtime.bot, logger, ...config.slack, observe: metrics.observer("slack") });
      parts.push({ name: "slack", isReady: slack.isReady, stop: slack.stop });
      senders["slack"] = new SlackSender(slack.client);
    }
    if (config.jobs) {
      const owner = `${hostname()}:${process.pid}`;
      const sender = new SenderRouter(senders);
      const store = runtime.store;
      const reminders = new ReminderDispatcher({
        store,
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
      const teams = new TeamDispatcher({ store, bot: runtime.bot, sender, logger, owner, leaseMs: config.reminderLeaseSeconds * 1000 });
      const scheduler = startScheduler({
        logger,
        expression: config.jobsCron,
        jobs: [
          { name: "reminders", run: (now) => reminders.tick(now) },
          { name: "team posts", run: (now) => teams.tick(now) },
        ],
      });
      parts.unshift({ name: "jobs", isReady: () => true, stop: scheduler.stop });
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
      parts.unshift({ name: "ops", isReady: () => true, stop: ops.close });
      logger.info({ port: ops.port }, "ops endpoints listening (/healthz, /metrics)");
    }
  } catch (e) {
    logger.error({ err: e }, "could not start");
    metrics.errors.inc({ source: "startup" });
    await stopAll();
    return 1;
  }
  logger.info({ parts: parts.map((p) => p.name) }, "study bot running");

  const signal = await new Promise<NodeJS.Signals>((resolve) => {
    process.once("SIGTERM", () => resolve("SIGTERM"));
    process.once("SIGINT", () => resolve("SIGINT"));
  });
  logger.info({ signal }, "shutting down");
  const deadline = setTimeout(() => {
    logger.error("shutdown took longer than 10 s; exiting anyway");
    process.exit(1);
  }, SHUTDOWN_DEADLINE_MS);
  deadline.unref();
  await stopAll();
  clearTimeout(deadline);
  logger.info("stopped");
  return 0;
}
