// What /export and /forget-me need from storage: everything kept about a person, and deleting it.
import type { CardState, Rating } from "../scheduler/card-state.ts";

export interface ReviewHistoryRow {
  reviewedAt: Date;
  itemId: string;
  teamId: string;
  rating: Rating;
  source: string;
  stateBefore: number;
  /** Scheduled interval after the review, and days since the previous review of the card. */
  intervalDays: number;
  elapsedDays: number;
}

export interface ForgetCounts {
  reviews: number;
  cards: number;
  teams: number;
  quizzes: number;
  answers: number;
  /** Answers given in live rounds (/game). */
  roundAnswers: number;
  reminders: number;
  /** Problem reports the person made (they go with the person, by a cascading key). */
  reports: number;
}

export interface PrivacyStore {
  reviewHistory(userId: string): Promise<ReviewHistoryRow[]>;
  cardStates(userId: string): Promise<{ itemId: string; card: CardState }[]>;
  /** Deletes every row about the person, in every team; returns what was deleted. */
  forgetUser(userId: string): Promise<ForgetCounts>;
}
