// XP: rewards real spaced-repetition practice, not clicking. The rules, in the order they apply
// (the README states the same):
//  1. a rating less than a second after the previous one earns nothing (nobody reads that fast);
//  2. a card already reviewed today (its study day, from 4 AM) earns nothing: no re-rating, no cramming;
//  3. otherwise the base is 10 for a review that was due, 5 for a new card, 4 for a learning step,
//     2 for a review before it was due; a quiz answer 6, a question of the day 8;
//  4. a wrong answer (Again) earns 40% of the base, rounded up;
//  5. no more than 500 XP per study day.
import { CARD_STATES, type CardState, type Rating } from "../scheduler/card-state.ts";
import type { ReviewSource } from "../ports/records.ts";

export const XP_RULES = {
  minSecondsBetweenRatings: 1,
  dueReview: 10,
  newCard: 5,
  learningStep: 4,
  earlyReview: 2,
  quizAnswer: 6,
  questionOfTheDay: 8,
  wrongShare: 0.4,
  dailyCap: 500,
} as const;

export interface XpInput {
  source: ReviewSource;
  before: CardState | null;
  rating: Rating;
  now: Date;
  /** Start of the user's current study day. */
  dayStart: Date;
  /** The user's previous rating, any card. */
  lastReviewAt: Date | null;
  /** XP already earned in the current study day. */
  xpToday: number;
}

export function xpFor(i: XpInput): number {
  if (i.lastReviewAt && i.now.getTime() - i.lastReviewAt.getTime() < XP_RULES.minSecondsBetweenRatings * 1000) return 0;
  if (i.before?.lastReview && i.before.lastReview >= i.dayStart) return 0;
  let base: number;
  if (i.source === "qotd") base = XP_RULES.questionOfTheDay;
  else if (i.source === "quiz") base = XP_RULES.quizAnswer;
  else if (!i.before || i.before.state === CARD_STATES.new) base = XP_RULES.newCard;
  else if (i.before.state === CARD_STATES.review) base = i.before.due <= i.now ? XP_RULES.dueReview : XP_RULES.earlyReview;
  else base = XP_RULES.learningStep;
  const earned = i.rating === 1 ? Math.ceil(base * XP_RULES.wrongShare) : base;
  return Math.max(0, Math.min(earned, XP_RULES.dailyCap - i.xpToday));
}
