// Counter-based Discord snowflakes: valid ids (discord.js reads their timestamps) that are unique, sortable and
// spread evenly over shards, because shard routing uses the timestamp bits: `(BigInt(id) >> 22n) % shardCount`.

/** Discord's epoch, the first millisecond of 2015. */
export const DISCORD_EPOCH = 1_420_070_400_000n;

/**
 * Reserved blocks use worker id 0 (ordinary ids use 1 and up, so they never collide): 2^17 ids per millisecond,
 * over as many milliseconds as the block needs.
 */
const BLOCK_IDS_PER_MS = 1 << 17;

export class SnowflakeGenerator {
  #lastTimestamp = 0n;
  #counter = 0n;

  /**
   * @param workerId keeps generators apart (ids of two generators never collide)
   * @param followClock false: after the first id, each id is exactly 1 ms after the previous one, whatever the
   *   clock says, so the k-th guild id of a fake lands on shard k % shardCount
   */
  constructor(
    private readonly workerId = 1n,
    private readonly followClock = true,
  ) {}

  /**
   * The next id. Each id gets its own millisecond (never earlier than now), so consecutive guild ids land on
   * consecutive shards; under bulk creation ids run slightly ahead of the clock, which clients accept.
   */
  next(): string {
    const timestamp = this.#tick();
    const increment = this.#counter++ & 0xfffn;
    return String(((timestamp - DISCORD_EPOCH) << 22n) | (this.workerId << 17n) | increment);
  }

  /**
   * Reserves a block of `count` ids and returns the first; id k is `snowflakeOffset(first, k)`. Used for bulk
   * guild content (members, channels), whose ids are computed on demand instead of stored.
   */
  reserve(count: number): string {
    const first = this.#tick();
    this.#lastTimestamp += BigInt(Math.max(0, Math.ceil(count / BLOCK_IDS_PER_MS) - 1));
    return String((first - DISCORD_EPOCH) << 22n);
  }

  #tick(): bigint {
    const now = BigInt(Date.now());
    const followNow = this.#lastTimestamp === 0n || (this.followClock && now > this.#lastTimestamp);
    this.#lastTimestamp = followNow ? now : this.#lastTimestamp + 1n;
    return this.#lastTimestamp;
  }
}

/** Id number `k` of a block returned by `SnowflakeGenerator.reserve`. */
export function snowflakeOffset(first: string, k: number): string {
  const ms = BigInt(Math.floor(k / BLOCK_IDS_PER_MS));
  return String(BigInt(first) + (ms << 22n) + BigInt(k % BLOCK_IDS_PER_MS));
}

/** Index of `id` in the block starting at `first` holding `count` ids, or -1. */
export function snowflakeIndex(first: string, count: number, id: string): number {
  let diff: bigint;
  try {
    diff = BigInt(id) - BigInt(first);
  } catch {
    return -1;
  }
  if (diff < 0n) return -1;
  const low = Number(diff & 0x3fffffn);
  if (low >= BLOCK_IDS_PER_MS) return -1;
  const k = Number(diff >> 22n) * BLOCK_IDS_PER_MS + low;
  return k < count ? k : -1;
}

export function snowflakeTimestamp(id: string): number {
  return Number((BigInt(id) >> 22n) + DISCORD_EPOCH);
}

/** The shard Discord sends a guild's events to; events without a guild (DMs) go to shard 0. */
export function shardOfGuild(guildId: string | null | undefined, shardCount: number): number {
  if (!guildId || shardCount <= 1) return 0;
  return Number((BigInt(guildId) >> 22n) % BigInt(shardCount));
}
