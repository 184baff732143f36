// The only module that talks to ts-fsrs (FSRS-6). Everything else speaks CardState.
import {
  CLAMP_PARAMETERS,
  createEmptyCard,
  default_w,
  fsrs,
  generatorParameters,
  StrategyMode,
  W17_W18_Ceiling,
  type Card,
  type FSRS,
  type Grade,
} from "ts-fsrs";
import { CARD_STATES, RATING_VALUES, type CardState, type Rating } from "./card-state.ts";

export const RETENTION_MIN = 0.7;
export const RETENTION_MAX = 0.97;
export const DEFAULT_RETENTION = 0.9;
export const LEARNING_STEPS = ["1m", "10m"] as const;
export const RELEARNING_STEPS = ["10m"] as const;
export const MAXIMUM_INTERVAL_DAYS = 36500;

export interface SchedulingOutcome {
  rating: Rating;
  card: CardState;
  /** Time from the review until the card is due again. */
  intervalMs: number;
}

/** FSRS-6 has 21 parameters; a learner without personal ones is scheduled with the defaults. */
export const PARAMETER_COUNT = 21;
export const DEFAULT_PARAMETERS: readonly number[] = [...default_w];
/** The bounds the optimizer keeps each parameter within (FSRS-6 with short-term steps). */
export const PARAMETER_BOUNDS: readonly (readonly [number, number])[] = CLAMP_PARAMETERS(W17_W18_Ceiling, true).map(
  ([lo, hi]) => [lo ?? 0, hi ?? 0] as const,
);

/** What is wrong with a parameter list, or null when FSRS-6 accepts it as it is. */
export type ParameterProblem =
  | { kind: "count"; count: number }
  | { kind: "not-a-number"; index: number }
  | { kind: "out-of-bounds"; index: number; value: number; min: number; max: number };

export function parameterProblem(values: readonly number[]): ParameterProblem | null {
  if (values.length !== PARAMETER_COUNT) return { kind: "count", count: values.length };
  for (const [index, value] of values.entries()) {
    if (!Number.isFinite(value)) return { kind: "not-a-number", index };
    const [min, max] = PARAMETER_BOUNDS[index] ?? [0, 0];
    if (value < min || value > max) return { kind: "out-of-bounds", index, value, min, max };
  }
  return null;
}

/** The learner's scheduling: desired retention, and their own parameters (null: the defaults). */
export interface Schedule {
  retention: number;
  parameters: readonly number[] | null;
}

const schedulers = new Map<string, FSRS>();
const SCHEDULER_CACHE_MAX = 2_000;

function schedulerFor(schedule: Schedule, seed: string): FSRS {
  const key = `${schedule.retention.toFixed(4)}|${schedule.parameters?.join(",") ?? ""}`;
  let f = schedulers.get(key);
  if (!f) {
    if (schedulers.size >= SCHEDULER_CACHE_MAX) schedulers.clear();
    f = fsrs(
      generatorParameters({
        request_retention: schedule.retention,
        ...(schedule.parameters ? { w: [...schedule.parameters] } : {}),
        maximum_interval: MAXIMUM_INTERVAL_DAYS,
        enable_fuzz: true,
        enable_short_term: true,
        learning_steps: [...LEARNING_STEPS],
        relearning_steps: [...RELEARNING_STEPS],
      }),
    );
    schedulers.set(key, f);
  }
  // The fuzz seed depends on the card and the review count, not on the clock, so the interval shown
  // on a button before the click is exactly the interval the click gives.
  f.useStrategy(StrategyMode.SEED, () => seed);
  return f;
}

export function newCard(now: Date): CardState {
  return fromFsrs(createEmptyCard(now));
}

/**
 * What each rating would do to the card now. `seedKey` identifies the card (user and item) so
 * that fuzz is repeatable; `card` null means the item has never been studied.
 */
export function previewRatings(card: CardState | null, now: Date, schedule: Schedule, seedKey: string): Record<Rating, SchedulingOutcome> {
  const current = card ?? newCard(now);
  const f = schedulerFor(schedule, `${seedKey}:${current.reps}`);
  const preview = f.repeat(toFsrs(current), now);
  const out = {} as Record<Rating, SchedulingOutcome>;
  for (const rating of RATING_VALUES) {
    const next = fromFsrs(preview[rating as Grade].card);
    out[rating] = { rating, card: next, intervalMs: next.due.getTime() - now.getTime() };
  }
  return out;
}

export function rate(card: CardState | null, rating: Rating, now: Date, schedule: Schedule, seedKey: string): SchedulingOutcome {
  const current = card ?? newCard(now);
  const f = schedulerFor(schedule, `${seedKey}:${current.reps}`);
  const next = fromFsrs(f.next(toFsrs(current), now, rating).card);
  return { rating, card: next, intervalMs: next.due.getTime() - now.getTime() };
}

/** Probability of recall now (0-1); 0 for a new card. */
export function retrievability(card: CardState, now: Date, schedule: Schedule): number {
  if (card.state === CARD_STATES.new) return 0;
  return schedulerFor(schedule, "r").get_retrievability(toFsrs(card), now, false);
}

function toFsrs(card: CardState): Card {
  return {
    due: card.due,
    stability: card.stability,
    difficulty: card.difficulty,
    elapsed_days: 0,
    scheduled_days: card.scheduledDays,
    learning_steps: card.learningStep,
    reps: card.reps,
    lapses: card.lapses,
    state: card.state,
    ...(card.lastReview ? { last_review: card.lastReview } : {}),
  };
}

function fromFsrs(card: Card): CardState {
  return {
    state: card.state,
    due: card.due,
    stability: card.stability,
    difficulty: card.difficulty,
    scheduledDays: card.scheduled_days,
    learningStep: card.learning_steps,
    reps: card.reps,
    lapses: card.lapses,
    lastReview: card.last_review ?? null,
  };
}
