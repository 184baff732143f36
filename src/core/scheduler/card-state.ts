// The project's own card state: what the scheduler remembers about one item for one user.
// Only src/core/scheduler/fsrs.ts knows how it maps to ts-fsrs.
import { z } from "zod";

export const CARD_STATES = { new: 0, learning: 1, review: 2, relearning: 3 } as const;
export type CardStateKind = (typeof CARD_STATES)[keyof typeof CARD_STATES];

export const RATINGS = { again: 1, hard: 2, good: 3, easy: 4 } as const;
export type Rating = (typeof RATINGS)[keyof typeof RATINGS];
export const RATING_VALUES: readonly Rating[] = [1, 2, 3, 4];
export const ratingSchema = z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)]);

export interface CardState {
  state: CardStateKind;
  due: Date;
  stability: number;
  difficulty: number;
  scheduledDays: number;
  learningStep: number;
  reps: number;
  lapses: number;
  lastReview: Date | null;
}

/** Shape of a CardState stored as JSON (review log before/after columns). */
export const cardStateJsonSchema = z.strictObject({
  state: z.union([z.literal(0), z.literal(1), z.literal(2), z.literal(3)]),
  due: z.iso.datetime(),
  stability: z.number().finite(),
  difficulty: z.number().finite(),
  scheduledDays: z.number().int().nonnegative(),
  learningStep: z.number().int().nonnegative(),
  reps: z.number().int().nonnegative(),
  lapses: z.number().int().nonnegative(),
  lastReview: z.iso.datetime().nullable(),
});

export function cardStateToJson(card: CardState): string {
  return JSON.stringify({ ...card, due: card.due.toISOString(), lastReview: card.lastReview?.toISOString() ?? null });
}

export function cardStateFromJson(json: string): CardState {
  const raw = cardStateJsonSchema.parse(JSON.parse(json));
  return { ...raw, due: new Date(raw.due), lastReview: raw.lastReview ? new Date(raw.lastReview) : null };
}

export function isLearning(card: CardState): boolean {
  return card.state === CARD_STATES.learning || card.state === CARD_STATES.relearning;
}
