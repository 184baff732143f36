// Connects the bot to Discord through the gateway. Commands are registered separately
// (npm run discord:register), never at start-up.
import { Events, type Client } from "discord.js";
import type { Bot } from "../../core/bot.ts";
import type { Logger } from "../../ops/logger.ts";
import { InFlight } from "../shared/in-flight.ts";
import { createDiscordClient, type DiscordClientOptions } from "./discord-client.ts";
import { createInteractionRouter, type RouterOptions } from "./interaction-router.ts";

export interface DiscordAdapter {
  client: Client;
  /** Resolves once every in-flight interaction has been answered. */
  idle(): Promise<void>;
  isReady(): boolean;
  stop(): Promise<void>;
}

export async function startDiscord(options: {
  bot: Bot;
  logger: Logger;
  token: string;
  client?: DiscordClientOptions;
  router?: Partial<RouterOptions>;
}): Promise<DiscordAdapter> {
  const { logger } = options;
  const client = createDiscordClient(options.client);
  const route = createInteractionRouter({ bot: options.bot, logger, client, ...options.router });
  const inFlight = new InFlight();
  client.on(Events.InteractionCreate, (interaction) => {
    if (inFlight.accepting) void inFlight.track(route(interaction));
  });
  client.on(Events.Error, (error) => logger.error({ err: error }, "discord client error"));
  client.on(Events.ShardDisconnect, (event, shard) => logger.warn({ shard, code: event.code }, "discord shard disconnected"));
  client.on(Events.ShardReconnecting, (shard) => logger.warn({ shard }, "discord shard reconnecting"));
  const ready = new Promise<void>((resolve) => client.once(Events.ClientReady, () => resolve()));
  await client.login(options.token);
  await ready;
  logger.info({ user: client.user?.tag, guilds: client.guilds.cache.size }, "connected to Discord");
  return {
    client,
    isReady: () => client.isReady(),
    idle: () => inFlight.idle(),
    stop: async () => {
      inFlight.close();
      await inFlight.idle();
      await client.destroy();
    },
  };
}
