// What recording a rating needs from storage: the one write every review (study, quiz, question
// of the day) goes through, and the reading and undoing of a review.
import type { CardState, Rating } from "../scheduler/card-state.ts";
import type { ReviewSource } from "./records.ts";

/** One rating of one card version, as written and as read back. */
interface Review {
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
}

export interface ReviewWrite extends Review {
  /** Whether the user's counters already belong to `studyDay` (increment) or must be reset. */
  countersAreToday: boolean;
  /** What the review earns and changes beyond the card: XP, streak, leaderboard periods. */
  effects: ReviewEffects;
  quizAnswer?: { sessionId: string; position: number; choice: number; correct: boolean; finishes: boolean };
  qotdAnswer?: { qotdId: string; choice: number; correct: boolean };
}

/** The user's fields a review changes besides counters, before the review (restored by undo). */
export interface UserSnapshot {
  streakDays: number;
  streakLastDay: string;
  bestStreak: number;
  lastReviewAt: string | null;
}

export interface ReviewEffects {
  xp: number;
  streak: { streakDays: number; streakLastDay: string; bestStreak: number };
  userBefore: UserSnapshot;
  /** Leaderboard periods of the team the review counts in: "all", the week and the month. The
   * review counts as correct there unless rated Again. */
  periods: string[];
  /** A streak milestone reached, to announce in the team channel (only when the team asked for it). */
  milestone?: number;
}

export interface ReviewRecord extends Review {
  id: number;
  xp: number;
  userBefore: UserSnapshot | null;
  /** The leaderboard periods it counted in; null for reviews recorded before they were kept. */
  periods: string[] | null;
}

export interface ReviewStore {
  /** Writes the review, the new card state and the counters atomically; "duplicate" when that version was already rated. */
  recordReview(write: ReviewWrite): Promise<"recorded" | "duplicate">;
  /** The user's latest review, or the review of one card version. */
  lastReview(userId: string, target?: { itemId: string; version: number }): Promise<ReviewRecord | null>;
  /**
   * Deletes the review and restores the card state it replaced, the user's streak and XP, and the
   * leaderboard counters (`periods`: the ones it counted in); "conflict" if the card changed since.
   * A new card's first rating undone leaves no card state at all, as before it.
   */
  undoReview(review: ReviewRecord, periods: string[]): Promise<"undone" | "conflict">;
}
