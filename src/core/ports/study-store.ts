// What the core needs from storage. The Prisma implementation lives in src/storage; tests may use
// it against a real SQLite file. Each method is one round trip to the database unless it says so,
// because an interaction must stay within a handful of calls.
import type { Item } from "../deck/item.ts";
import type { Locale } from "../i18n/locale.ts";
import type { Actor } from "../identity.ts";
import type { CardState, Rating } from "../scheduler/card-state.ts";

export interface UserProfile {
  id: string;
  locale: Locale | null;
  clientLocale: Locale | null;
  timeZone: string;
  desiredRetention: number;
  newPerDay: number;
  reviewsPerDay: number;
  /** Study day the counters belong to; counters of another day count as zero. */
  counterDay: string;
  newToday: number;
  reviewsToday: number;
  /** The team direct messages count for, when the user chose one. */
  dmTeamId: string | null;
}

export interface StoredItem {
  id: string;
  deckId: string;
  teamId: string | null;
  position: number;
  retired: boolean;
  topics: string[];
  content: Item;
}

/** A user's progress on one item. `card` is null while the item has never been rated. */
export interface CardRecord {
  itemId: string;
  version: number;
  card: CardState | null;
}

export interface CardQuery {
  userId: string;
  teamId: string;
  topic?: string | undefined;
}

export type ReviewSource = "study" | "quiz" | "qotd";

export interface ReviewWrite {
  userId: string;
  teamId: string;
  itemId: string;
  /** The version the user saw; the write is refused when it is no longer current. */
  version: number;
  rating: Rating;
  source: ReviewSource;
  reviewedAt: Date;
  studyDay: string;
  before: CardState | null;
  after: CardState;
  /** Whether the user's counters already belong to `studyDay` (increment) or must be reset. */
  countersAreToday: boolean;
  quizAnswer?: { sessionId: string; position: number; choice: number; correct: boolean; finishes: boolean };
}

export interface ReviewRecord {
  id: number;
  userId: string;
  teamId: string;
  itemId: string;
  version: number;
  rating: Rating;
  source: ReviewSource;
  reviewedAt: Date;
  studyDay: string;
  before: CardState | null;
  after: CardState;
}

export interface QuizRecord {
  id: string;
  userId: string;
  teamId: string;
  topic: string | null;
  itemIds: string[];
  createdAt: Date;
  finishedAt: Date | null;
  answers: { position: number; choice: number; correct: boolean }[];
}

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
  /** Distinct study days with at least one review, newest first (at most about a year). */
  studyDays: string[];
  totalCards: number;
}

export type SettingsPatch = Partial<
  Pick<UserProfile, "locale" | "timeZone" | "desiredRetention" | "newPerDay" | "reviewsPerDay" | "dmTeamId">
>;

export interface StudyStore {
  /** Creates the user, team and membership when missing and records the client's language. */
  enter(actor: Actor, defaults: { timeZone: string }, now: Date): Promise<UserProfile>;
  profile(userId: string): Promise<UserProfile | null>;
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
  /** The first item in deck order that the user has never rated (or whose only rating was undone). */
  firstNewItem(query: CardQuery): Promise<{ item: StoredItem; record: null } | null>;
  /** Writes the review, the new card state and the counters atomically; "duplicate" when that version was already rated. */
  recordReview(write: ReviewWrite): Promise<"recorded" | "duplicate">;
  /** The user's latest review, or the review of one card version. */
  lastReview(userId: string, target?: { itemId: string; version: number }): Promise<ReviewRecord | null>;
  /**
   * Deletes the review and restores the card state it replaced; "conflict" if the card changed
   * since. A new card's first rating undone leaves no card state at all, as before it.
   */
  undoReview(review: ReviewRecord): Promise<"undone" | "conflict">;
  /** Every auto-graded item the team can see in the topic, with the user's progress. */
  gradedItems(query: CardQuery): Promise<{ item: StoredItem; record: CardRecord | null }[]>;
  createQuiz(quiz: Omit<QuizRecord, "answers" | "finishedAt">): Promise<void>;
  loadQuiz(sessionId: string): Promise<QuizRecord | null>;
  items(ids: string[]): Promise<StoredItem[]>;
  stats(query: StatsQuery): Promise<StatsRecord>;
  /** Number of active items per topic that the team can see. */
  topicCounts(teamId: string): Promise<Map<string, number>>;
  updateSettings(userId: string, patch: SettingsPatch): Promise<UserProfile>;
  /** Teams the user has studied in, most recently active first. */
  memberships(userId: string): Promise<string[]>;
}
