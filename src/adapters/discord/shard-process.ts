// One Discord shard, run as a child process by discord.js's ShardingManager (DISCORD_SHARDS). It
// answers the interactions of its shard's servers (shard 0 also gets every DM); scheduled jobs run
// in the manager process only, so nothing is sent once per shard.
import { PictureWorkers } from "../../pictures/picture-drawer.ts";
import { loadConfig } from "../../config/env.ts";
import { createBot } from "../../app/create-bot.ts";
import { createLogger } from "../../ops/logger.ts";
import { SHARD_OBSERVATION } from "./start-shards.ts";
import { startDiscord } from "./start-discord.ts";

const config = loadConfig(process.env);
if (!config.discord) throw new Error("a shard needs DISCORD_TOKEN and DISCORD_APPLICATION_ID");
const logger = createLogger(config.logLevel).child({ shard: process.env.SHARDS });
// The manager synced the content before spawning shards.
const runtime = await createBot({ databaseUrl: config.databaseUrl, contentDir: config.contentDir, syncContent: false });
const discord = await startDiscord({
  bot: runtime.bot,
  logger,
  token: config.discord.token,
  client: { apiUrl: config.discord.apiUrl },
  // The manager serves /metrics: each handled interaction is reported to it.
  router: {
    pictures: new PictureWorkers().warm(),
    observe: (kind, outcome, ms) => process.send?.({ [SHARD_OBSERVATION]: { kind, outcome, ms } }),
  },
});

let stopping = false;
const stop = async () => {
  if (stopping) return;
  stopping = true;
  await discord.stop();
  await runtime.database.close();
  process.exit(0);
};
process.once("SIGTERM", () => void stop());
// Ctrl-C reaches the whole process group: the manager stops the shards itself, in order.
process.on("SIGINT", () => undefined);
// The manager went away: nothing left to shard for.
process.once("disconnect", () => void stop());
