// One rating of one card, the same whoever asks (study, a quiz, the question of the day): the
// scheduler's new state, what the review earns (review-effects.ts), and one write of it all. The
// callers differ only in the source and in the answer the write also completes.
import type { CoreStores } from "../core-deps.ts";
import type { ReviewSource, UserProfile } from "../ports/records.ts";
import type { ReviewWrite } from "../ports/review-store.ts";
import { CARD_STATES, type CardState, type Rating } from "../scheduler/card-state.ts";
import { rate } from "../scheduler/fsrs.ts";
import { scheduleOf } from "../scheduler/learner-schedule.ts";
import { studyDayFor } from "../time/study-day.ts";
import { reviewEffects } from "./review-effects.ts";

/** Identifies a card (user and item) to the scheduler's seeded fuzz, so an interval is the same on every instance. */
export function seedKey(userId: string, itemId: string): string {
  return `${userId}|${itemId}`;
}

/** Today's counters, or zeros when they belong to an earlier study day. */
export function countersFor(profile: UserProfile, day: string): { newToday: number; reviewsToday: number } {
  return profile.counterDay === day ? profile : { newToday: 0, reviewsToday: 0 };
}

export interface RatingToRecord {
  profile: UserProfile;
  teamId: string;
  itemId: string;
  /** The card version the person saw (0 for a new card). */
  version: number;
  before: CardState | null;
  rating: Rating;
  source: ReviewSource;
  now: Date;
  quizAnswer?: ReviewWrite["quizAnswer"];
  qotdAnswer?: ReviewWrite["qotdAnswer"];
}

/** What a recorded rating did: the profile with today's counters counted, and the card's next interval. */
export interface RecordedRating {
  counted: UserProfile;
  intervalMs: number;
}

/** Records the rating; "duplicate" when that version of the card was already rated. */
export async function recordRating(
  stores: Pick<CoreStores, "teams" | "reviews">,
  r: RatingToRecord,
): Promise<"duplicate" | RecordedRating> {
  const { profile, before, rating, now } = r;
  const outcome = rate(before, rating, now, scheduleOf(profile), seedKey(profile.id, r.itemId));
  const day = studyDayFor(profile, now).day;
  const team = await stores.teams.teamSettings(r.teamId);
  const result = await stores.reviews.recordReview({
    userId: profile.id,
    teamId: r.teamId,
    itemId: r.itemId,
    version: r.version,
    rating,
    source: r.source,
    reviewedAt: now,
    studyDay: day,
    before,
    after: outcome.card,
    countersAreToday: profile.counterDay === day,
    effects: reviewEffects({ profile, team, source: r.source, before, rating, now }),
    ...(r.quizAnswer ? { quizAnswer: r.quizAnswer } : {}),
    ...(r.qotdAnswer ? { qotdAnswer: r.qotdAnswer } : {}),
  });
  if (result === "duplicate") return "duplicate";
  const counters = countersFor(profile, day);
  const counted: UserProfile = {
    ...profile,
    counterDay: day,
    newToday: counters.newToday + (before === null || before.state === CARD_STATES.new ? 1 : 0),
    reviewsToday: counters.reviewsToday + (before?.state === CARD_STATES.review ? 1 : 0),
  };
  return { counted, intervalMs: outcome.intervalMs };
}
