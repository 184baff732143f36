// A learner's review log as the optimizer reads it: one item per review of a card, holding that
// card's history up to and including it (the last review is the one predicted), in whole days.
// Items are ordered by when their last review happened, so the held-out part is the most recent.
import { FSRSBindingItem, FSRSBindingReview } from "@open-spaced-repetition/binding";

/** A review as sent to the fitting process: the card, when (epoch ms), the rating (1-4). */
export interface PlainReview {
  itemId: string;
  at: number;
  rating: number;
}

const DAY_MS = 86_400_000;

export function toFitItems(reviews: readonly PlainReview[]): FSRSBindingItem[] {
  const byCard = new Map<string, PlainReview[]>();
  for (const r of reviews) {
    const list = byCard.get(r.itemId);
    if (list) list.push(r);
    else byCard.set(r.itemId, [r]);
  }
  const dated: { at: number; item: FSRSBindingItem }[] = [];
  for (const list of byCard.values()) {
    list.sort((a, b) => a.at - b.at);
    const history: FSRSBindingReview[] = [];
    let previousDay = 0;
    for (const [i, r] of list.entries()) {
      const day = Math.floor(r.at / DAY_MS);
      history.push(new FSRSBindingReview(r.rating, i === 0 ? 0 : day - previousDay));
      previousDay = day;
      // The optimizer refuses (and aborts the process on) an item without a day between reviews.
      if (i > 0 && history.some((h) => h.deltaT > 0)) dated.push({ at: r.at, item: new FSRSBindingItem([...history]) });
    }
  }
  return dated.sort((a, b) => a.at - b.at).map((d) => d.item);
}

/** The first 80% of items to fit on, the most recent 20% to judge the fit by. */
export function heldOutSplit<T>(items: readonly T[]): { train: T[]; test: T[] } {
  const cut = Math.floor(items.length * 0.8);
  return { train: items.slice(0, cut), test: items.slice(cut) };
}
