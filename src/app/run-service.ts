// Service mode: Discord and/or Slack in one process, until SIGTERM or SIGINT. Shutdown stops
// accepting new interactions, lets in-flight ones finish, stops scheduled jobs, closes the
// database, and exits within 10 seconds.
import type { Config } from "../config/env.ts";
import { startDiscord } from "../adapters/discord/start-discord.ts";
import { startSlack } from "../adapters/slack/start-slack.ts";
import type { Logger } from "../ops/logger.ts";
import type { BotRuntime } from "./create-bot.ts";

export const SHUTDOWN_DEADLINE_MS = 10_000;

export interface RunningPart {
  name: string;
  isReady(): boolean;
  stop(): Promise<void>;
}

export async function runService(config: Config, runtime: BotRuntime, logger: Logger): Promise<number> {
  const parts: RunningPart[] = [];
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
    if (config.discord) {
      const discord = await startDiscord({
        bot: runtime.bot,
        logger,
        token: config.discord.token,
        client: { apiUrl: config.discord.apiUrl },
      });
      parts.push({ name: "discord", isReady: discord.isReady, stop: discord.stop });
    }
    if (config.slack) {
      const slack = await startSlack({ bot: runtime.bot, logger, ...config.slack });
      parts.push({ name: "slack", isReady: slack.isReady, stop: slack.stop });
    }
  } catch (e) {
    logger.error({ err: e }, "could not start");
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
