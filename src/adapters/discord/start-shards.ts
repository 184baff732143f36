// DISCORD_SHARDS=auto|N: runs the Discord side as shard processes under discord.js's
// ShardingManager (required past 2,500 servers; each shard holds at most 2,500).
import { fileURLToPath } from "node:url";
import { REST, Routes, ShardingManager } from "discord.js";
import { z } from "zod";
import type { Logger } from "../../ops/logger.ts";
import type { Observe } from "../shared/interaction-outcome.ts";

/** The key of the messages a shard sends its manager about each interaction it handled. */
export const SHARD_OBSERVATION = "studyBotInteraction";

const observation = z.object({
  [SHARD_OBSERVATION]: z.object({ kind: z.string().max(64), outcome: z.enum(["ok", "error"]), ms: z.number().nonnegative() }),
});

export interface ShardedDiscord {
  isReady(): boolean;
  stop(): Promise<void>;
}

const gatewayBot = z.object({
  shards: z.number().int().min(1).catch(1),
  session_start_limit: z.object({ max_concurrency: z.number().int().min(1).catch(1) }).catch({ max_concurrency: 1 }),
});

/**
 * Discord's recommended shard count and how many shards may identify at once, asked of the REST base
 * in use (ShardingManager's own lookup ignores DISCORD_API_URL).
 */
async function gatewayLimits(token: string, apiUrl: string | undefined): Promise<{ shards: number; maxConcurrency: number }> {
  const rest = new REST(apiUrl ? { api: apiUrl } : {}).setToken(token);
  const answer = gatewayBot.parse(await rest.get(Routes.gatewayBot()));
  return { shards: answer.shards, maxConcurrency: answer.session_start_limit.max_concurrency };
}

export async function startShards(o: {
  token: string;
  apiUrl?: string | undefined;
  shards: string;
  /** Run only these of the shards (one instance each, for several instances); all when unset. */
  shardList?: number[] | undefined;
  logger: Logger;
  observe?: Observe;
}): Promise<ShardedDiscord> {
  const limits = await gatewayLimits(o.token, o.apiUrl);
  const totalShards = o.shards === "auto" ? limits.shards : Number(o.shards);
  const manager = new ShardingManager(fileURLToPath(new URL("./shard-process.ts", import.meta.url)), {
    token: o.token,
    totalShards,
    ...(o.shardList ? { shardList: o.shardList } : {}),
    mode: "process",
    // Shards run TypeScript the way this process does (Node's type stripping under `npm start`).
    execArgv: process.execArgv,
    respawn: true,
  });
  manager.on("shardCreate", (shard) => {
    o.logger.info({ shard: shard.id, total: totalShards }, "discord shard starting");
    shard.on("death", () => o.logger.warn({ shard: shard.id }, "discord shard exited"));
    shard.on("message", (message: unknown) => {
      const parsed = observation.safeParse(message);
      if (parsed.success)
        o.observe?.(parsed.data[SHARD_OBSERVATION].kind, parsed.data[SHARD_OBSERVATION].outcome, parsed.data[SHARD_OBSERVATION].ms);
    });
  });
  const running = o.shardList?.length ?? totalShards;
  // Discord lets max_concurrency shards identify at once; past that, discord.js's own spacing (5.5 s).
  await manager.spawn({ amount: totalShards, delay: running <= limits.maxConcurrency ? 0 : 5_500, timeout: 60_000 });
  o.logger.info({ shards: totalShards, running: o.shardList ?? "all" }, "connected to Discord");
  return {
    isReady: () => manager.shards.size === running && manager.shards.every((s) => s.ready),
    stop: async () => {
      manager.respawn = false; // stopping: a shard that exits now stays down
      await Promise.all(
        manager.shards.map(
          (shard) =>
            new Promise<void>((resolve) => {
              const child = shard.process;
              if (!child || child.exitCode !== null) return resolve();
              shard.removeAllListeners("death");
              // Graceful: each shard finishes its interactions in flight, then exits.
              child.once("exit", () => resolve());
              child.kill("SIGTERM");
            }),
        ),
      );
    },
  };
}
