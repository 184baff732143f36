// A learner's review log as the optimizer reads it: one item per review of a card, holding that
// card's history up to and including it (the last review is the one predicted), in whole study
// days: the learner's day from 4 AM to 4 AM in their time zone, as the review log recorded it when
// they rated (the study-day function the rest of the bot counts days with), not UTC days.
// Items are ordered by when their last review happened, so the held-out part is the most recent.
import { FSRSBindingItem, FSRSBindingReview } from "@open-spaced-repetition/binding";

/** A review as sent to the fitting process: the card, when (epoch ms), the rating (1-4), and the learner's study day (YYYY-MM-DD). */
export interface PlainReview {
  itemId: string;
  at: number;
  rating: number;
  studyDay: string;
}

const DAY_MS = 86_400_000;

/** A study day as a whole number of days since 1970-01-01: days between reviews are differences of these. */
export function dayNumber(studyDay: string): number {
  return Math.round(Date.parse(`${studyDay}T00:00:00Z`) / DAY_MS);
}

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
      const day = dayNumber(r.studyDay);
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
