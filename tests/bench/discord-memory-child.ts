// Run by the Discord benchmark in its own process: connects the bot's discord.js client to the
// fake Discord holding many guilds, waits for all of them, and prints its memory use as JSON.
import { Events } from "discord.js";
import { createDiscordClient } from "../../src/adapters/discord/discord-client.ts";

const [restUrl, limits, expected] = process.argv.slice(2);
const client = createDiscordClient({ apiUrl: restUrl, cacheLimits: limits === "on" });
const ready = new Promise<void>((resolve) => client.once(Events.ClientReady, () => resolve()));
await client.login("fake-token");
await ready;
while (client.guilds.cache.size < Number(expected)) await new Promise((r) => setTimeout(r, 50));
(globalThis as { gc?: () => void }).gc?.();
const cached = {
  members: client.guilds.cache.reduce((n, g) => n + g.members.cache.size, 0),
  channels: client.channels.cache.size,
  emojis: client.guilds.cache.reduce((n, g) => n + g.emojis.cache.size, 0),
  users: client.users.cache.size,
};
process.stdout.write(
  `${JSON.stringify({ peakRssMb: process.resourceUsage().maxRSS / 1024, heapUsedMb: process.memoryUsage().heapUsed / 1048576, guilds: client.guilds.cache.size, cached })}\n`,
);
await client.destroy();
