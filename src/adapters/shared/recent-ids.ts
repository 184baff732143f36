// Remembers ids seen recently (Discord interaction ids, Slack envelope and event ids) so that a
// delivery repeated by a reconnect or a retry is handled once. Bounded in size and age.
export class RecentIds {
  private readonly seen = new Map<string, number>();

  private readonly ttlMs: number;
  private readonly max: number;

  constructor(ttlMs = 15 * 60_000, max = 50_000) {
    this.ttlMs = ttlMs;
    this.max = max;
  }

  /** True the first time an id is seen (within the window), false for a repeat. */
  firstTime(id: string, now = Date.now()): boolean {
    const at = this.seen.get(id);
    if (at !== undefined && now - at < this.ttlMs) return false;
    this.seen.set(id, now);
    if (this.seen.size > this.max) {
      for (const [key, t] of this.seen) {
        if (this.seen.size <= this.max * 0.9 && now - t < this.ttlMs) break;
        this.seen.delete(key);
      }
    }
    return true;
  }
}
