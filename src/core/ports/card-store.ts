// What studying needs to read: items, a person's progress on them, the next card to show, and the
// counts behind /stats and /topics.
import type { CardState } from "../scheduler/card-state.ts";
import type { CardQuery, CardRecord, StoredItem, UserProfile } from "./records.ts";

export interface StatsQuery {
  userId: string;
  teamId: string;
  now: Date;
  dayStart: Date;
  dayEnd: Date;
  retentionSince: Date;
}

export interface StatsRecord {
  dueNow: number;
  dueToday: number;
  reviewedToday: number;
  /** Reviews of cards in review state over the window, and how many were recalled (not Again). */
  matureReviews: number;
  matureRecalled: number;
  totalCards: number;
}

/** A study day with reviews: all reviews, reviews of cards in review state, and how many of those were not Again. */
export interface ReviewDay {
  day: string;
  reviews: number;
  mature: number;
  recalled: number;
}

/** What the /stats picture draws: reviews per study day, and the due times of the studied cards. */
export interface HistoryRecord {
  days: ReviewDay[];
  dues: Date[];
}

export interface CardStore {
  /**
   * The user, the item and the user's progress on it, in one round trip. `knownVersion` is the
   * card version the caller expects (from a button): above 0 the card is known to exist, which
   * allows a cheaper query; 0 means the card was new when shown, and its state is not read (a
   * rating of a card rated meanwhile is refused by recordReview as a duplicate).
   */
  loadForReview(
    userId: string,
    itemId: string,
    knownVersion?: number,
  ): Promise<{ profile: UserProfile | null; item: StoredItem | null; card: CardRecord | null }>;
  /** The studied card that is due first (learning and relearning only, when asked). */
  firstScheduledCard(query: CardQuery & { learningOnly?: boolean }): Promise<{ item: StoredItem; record: CardRecord } | null>;
  /**
   * The next item to introduce to the user: never rated (or whose only rating was undone), its
   * requirements all introduced, first in the user's own mixed order (see new-card-order.ts).
   */
  firstNewItem(query: CardQuery): Promise<{ item: StoredItem; record: null } | null>;
  /** Every auto-graded item the team can see in the topic, with the user's progress. */
  gradedItems(query: CardQuery): Promise<{ item: StoredItem; record: CardRecord | null }[]>;
  items(ids: string[]): Promise<StoredItem[]>;
  stats(query: StatsQuery): Promise<StatsRecord>;
  /** The user's reviews per study day since `sinceDay` (YYYY-MM-DD), in every team. */
  reviewDays(userId: string, sinceDay: string): Promise<ReviewDay[]>;
  /** The user's studied cards in the team, as the scheduler keeps them (for the workload forecast). */
  studiedCards(userId: string, teamId: string): Promise<CardState[]>;
  /** Number of active items per topic that the team can see. */
  topicCounts(teamId: string): Promise<Map<string, number>>;
}
