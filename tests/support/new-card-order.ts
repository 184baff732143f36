// The order in which a person meets the new cards of a test deck (one deck), from
// the same functions the store's query follows, for tests that need to name the first card.
import { promptOf, type Item } from "../../src/core/deck/item.ts";
import type { Locale } from "../../src/core/i18n/locale.ts";
import { interleaveByTopic, newOrderKey, newOrderSeed, shuffleKeyOf } from "../../src/core/study/new-card-order.ts";

export function newCardOrder(userId: string, items: readonly Item[], deckId = "test-deck"): string[] {
  const ranks = interleaveByTopic(items.map((item) => ({ deckId, topic: item.topics[0] ?? "" })));
  const seed = newOrderSeed(userId);
  const keyed = items.map((item, i) => ({ id: item.id, key: newOrderKey(ranks[i] ?? i, shuffleKeyOf(item.id), seed) }));
  const sorted = keyed.sort((x, y) => (x.key < y.key ? -1 : x.key > y.key ? 1 : x.id < y.id ? -1 : 1)).map((k) => k.id);
  // Each next card is the first in that order whose requirements have all been met.
  const requires = new Map(items.map((item) => [item.id, item.requires ?? []]));
  const met = new Set<string>();
  const order: string[] = [];
  while (order.length < sorted.length) {
    const next = sorted.find((id) => !met.has(id) && (requires.get(id) ?? []).every((r) => met.has(r)));
    if (next === undefined) break;
    met.add(next);
    order.push(next);
  }
  return order;
}

/** The prompt of the first new card the person meets, as the card shows it. */
export function firstNewPrompt(userId: string, items: readonly Item[], locale: Locale = "en"): string {
  const first = items.find((item) => item.id === newCardOrder(userId, items)[0]);
  if (!first) throw new Error("the deck is empty");
  return promptOf(first, locale);
}
