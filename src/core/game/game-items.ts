// Which items a round asks, by its mode: "mixed" the topic's auto-graded items shuffled, "weak" the
// ones the team rates Again most, "due" the ones most members have due. At most one item of each
// sibling group (answering one would give the others away); when the team's history names too few
// items, the rest of the round is filled with shuffled ones.
import type { StoredItem } from "../ports/records.ts";
import type { GameMode } from "../ports/game-store.ts";
import { shuffled } from "../random/seeded-random.ts";

export interface TeamHistory {
  /** Again ratings and reviews by item, across the team's members. */
  misses: Map<string, { misses: number; reviews: number }>;
  /** Members with the item due now, by item. */
  due: Map<string, number>;
}

export function pickRoundItems(
  items: StoredItem[],
  mode: GameMode,
  count: number,
  history: TeamHistory,
  random: () => number,
): StoredItem[] {
  const mixed = shuffled(items, random);
  const ranked =
    mode === "weak"
      ? mixed.filter((i) => (history.misses.get(i.id)?.misses ?? 0) > 0).sort((a, b) => weakness(history, b) - weakness(history, a))
      : mode === "due"
        ? mixed.filter((i) => (history.due.get(i.id) ?? 0) > 0).sort((a, b) => (history.due.get(b.id) ?? 0) - (history.due.get(a.id) ?? 0))
        : [];
  const groups = new Set<string>();
  const picked: StoredItem[] = [];
  for (const item of [...ranked, ...mixed]) {
    if (picked.length >= count) break;
    if (picked.includes(item)) continue;
    const sibling = item.content.sibling;
    if (sibling) {
      const key = `${item.deckId}/${sibling}`;
      if (groups.has(key)) continue;
      groups.add(key);
    }
    picked.push(item);
  }
  // The most needed items are chosen first, then asked in a random order.
  return mode === "mixed" ? picked : shuffled(picked, random);
}

/** Misses first, then the share of reviews that were misses. */
function weakness(history: TeamHistory, item: StoredItem): number {
  const h = history.misses.get(item.id);
  return h ? h.misses + h.misses / Math.max(1, h.reviews) : 0;
}
