// Run by the Discord benchmark in its own process: connects the bot's discord.js client to the
// fake Discord holding many guilds, waits for all of them, and prints its memory use as JSON.
import { existsSync, readFileSync } from "node:fs";
import { Events } from "discord.js";
import { createDiscordClient } from "../../src/adapters/discord/discord-client.ts";

const [restUrl, limits, expected] = process.argv.slice(2);

/**
 * This process's own peak RSS in MB. Not `resourceUsage().maxRSS`: on Linux, exec carries the peak of
 * the forked copy of the parent into it, so it reports at least the benchmark runner's RSS at spawn.
 * VmHWM belongs to the address space exec made, so it counts this program alone, from its start.
 * Where there is no /proc (macOS), the largest RSS sampled every 5 ms stands in for it.
 */
const peakRssMb = existsSync("/proc/self/status") ? peakFromProc : sampledPeak();

function peakFromProc(): number {
  const hwm = /^VmHWM:\s+(\d+) kB$/m.exec(readFileSync("/proc/self/status", "utf8"))?.[1];
  if (hwm === undefined) throw new Error("no VmHWM in /proc/self/status");
  return Number(hwm) / 1024;
}

function sampledPeak(): () => number {
  let peak = process.memoryUsage().rss;
  setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 5).unref();
  return () => Math.max(peak, process.memoryUsage().rss) / 1048576;
}

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
  `${JSON.stringify({ peakRssMb: peakRssMb(), heapUsedMb: process.memoryUsage().heapUsed / 1048576, guilds: client.guilds.cache.size, cached })}\n`,
);
await client.destroy();
