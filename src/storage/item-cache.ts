// Items as the store hands them out, kept in memory: their content is read on almost every
// interaction and changes rarely. Built-in items change only when content is synced at start-up
// (which refreshes this cache); team-deck items can be re-imported by another instance, so they
// are trusted for a short while only.
import type { StoredItem } from "../core/ports/records.ts";

export const TEAM_ITEM_TTL_MS = 30_000;

export class ItemCache {
  private readonly entries = new Map<string, { item: StoredItem; loadedAt: number }>();

  private readonly clock: () => number;

  constructor(clock: () => number = Date.now) {
    this.clock = clock;
  }

  get(id: string): StoredItem | undefined {
    const entry = this.entries.get(id);
    if (!entry) return undefined;
    if (entry.item.teamId !== null && this.clock() - entry.loadedAt > TEAM_ITEM_TTL_MS) {
      this.entries.delete(id);
      return undefined;
    }
    return entry.item;
  }

  put(item: StoredItem): StoredItem {
    if (this.entries.size >= 100_000) this.entries.clear();
    this.entries.set(item.id, { item, loadedAt: this.clock() });
    return item;
  }

  /** Drops items of a team (after an import there) or every item (team undefined). */
  invalidate(teamId?: string | null): void {
    if (teamId === undefined) {
      this.entries.clear();
      return;
    }
    for (const [id, entry] of this.entries) if (entry.item.teamId === teamId) this.entries.delete(id);
  }
}
