// The order in which new cards are introduced. A deck file lists its items topic by topic; studied
// in that order, six cards of one topic come in a row and one card's explanation gives the next
// ones away. So each item gets a mixed rank when content is synced: every topic of a deck is spread
// evenly over the whole sequence, keeping the file's order within the topic. Each person then sees
// that sequence shuffled a little (an item moves up to NEW_ORDER_WINDOW places), by a permutation
// seeded by their id, so teammates do not get the same cards in the same order. The store computes
// the per-person order in SQL from the numbers here: no state is kept per person.
import { seededRandom } from "../random/seeded-random.ts";

/** A prime just under 2^31: item keys and per-person coefficients are below it, their products fit in 64 bits. */
export const NEW_ORDER_MODULUS = 2_147_483_647;
/** How far (in places of the mixed sequence) a person's shuffle may move an item. */
export const NEW_ORDER_WINDOW = 12;

/** An item's fixed pseudo-random key, from its id (stable across edits, restarts and databases). */
export function shuffleKeyOf(itemId: string): number {
  return Math.floor(seededRandom(`shuffle-key:${itemId}`)() * NEW_ORDER_MODULUS);
}

/** The coefficients of a person's permutation: key(item) = (shuffleKey * a + b) mod NEW_ORDER_MODULUS. */
export function newOrderSeed(userId: string): { a: number; b: number } {
  const random = seededRandom(`new-order:${userId}`);
  // a far from 0 so that neighbouring keys land far apart.
  const a = 65_536 + Math.floor(random() * (NEW_ORDER_MODULUS - 65_536));
  const b = Math.floor(random() * NEW_ORDER_MODULUS);
  return { a, b };
}

/**
 * The sort key of an item for one person (the store computes the same expression in SQL): the mixed
 * rank, plus a per-person offset of less than NEW_ORDER_WINDOW places.
 */
export function newOrderKey(mixRank: number, shuffleKey: number, seed: { a: number; b: number }): bigint {
  const jitter = (BigInt(shuffleKey) * BigInt(seed.a) + BigInt(seed.b)) % BigInt(NEW_ORDER_MODULUS);
  return BigInt(mixRank) * BigInt(NEW_ORDER_MODULUS) + BigInt(NEW_ORDER_WINDOW) * jitter;
}

/**
 * Mixed ranks (0..n-1, in the input's order) for items listed in file order, grouped by deck and
 * first topic: a smooth weighted round robin (each group earns its size in credit per turn, the
 * richest group gives its next item and pays the total), so every group is spread evenly over the
 * whole sequence and the items of a group keep their file order.
 */
export function interleaveByTopic(items: readonly { deckId: string; topic: string }[]): number[] {
  const groups = new Map<string, number[]>();
  items.forEach((item, index) => {
    const key = `${item.deckId}\u0000${item.topic}`;
    const list = groups.get(key) ?? [];
    list.push(index);
    groups.set(key, list);
  });
  const lists = [...groups.values()].map((indexes) => ({ indexes, next: 0, credit: 0 }));
  const ranks = new Array<number>(items.length).fill(0);
  for (let rank = 0; rank < items.length; rank++) {
    let best: (typeof lists)[number] | undefined;
    for (const list of lists) {
      if (list.next >= list.indexes.length) continue;
      list.credit += list.indexes.length;
      if (!best || list.credit > best.credit) best = list;
    }
    if (!best) break;
    best.credit -= items.length;
    ranks[best.indexes[best.next] as number] = rank;
    best.next += 1;
  }
  return ranks;
}
