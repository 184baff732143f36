// What personal scheduling needs from storage: the last fit of a person's FSRS parameters, asking
// for one, and (for the fitting job) finding who is due, claiming them once across instances,
// reading their review log and keeping the outcome.
import type { FitOutcome } from "../i18n/scheduling-messages.ts";
import type { Rating } from "../scheduler/card-state.ts";
import type { PersonalParameters } from "./records.ts";

export interface FitRecord {
  attemptedAt: Date | null;
  attemptReviews: number;
  outcome: FitOutcome | null;
  fitLogLoss: number | null;
  currentLogLoss: number | null;
  requestedAt: Date | null;
}

/** One rating in a learner's history, as the optimizer reads it. */
export interface FitReview {
  itemId: string;
  reviewedAt: Date;
  rating: Rating;
}

export interface FitResult {
  outcome: FitOutcome;
  reviews: number;
  fitLogLoss: number | null;
  currentLogLoss: number | null;
  /** Set when the fit is adopted: the learner's new parameters. */
  adopted: PersonalParameters | null;
}

export interface ParameterStore {
  lastFit(userId: string): Promise<FitRecord | null>;
  /** Queues a fit for the person; false when one is already queued. */
  requestFit(userId: string, now: Date): Promise<boolean>;
}

export interface FitJobStore {
  /**
   * People to fit now, asked-for first: a pending request, or at least `minNewReviews` reviews since
   * their last attempt (or ever) when that attempt is a week old.
   */
  dueFits(now: Date, minNewReviews: number, limit: number): Promise<string[]>;
  /** Takes the person's fit until `now + leaseMs`; false when another instance holds it or it is no longer due. */
  claimFit(userId: string, now: Date, leaseMs: number): Promise<boolean>;
  reviews(userId: string): Promise<FitReview[]>;
  /** Gives the claim back without an attempt (the instance is stopping): the fit stays due. */
  releaseFit(userId: string): Promise<void>;
  /** Keeps the attempt, adopts the parameters when the result has them, and releases the claim. */
  finishFit(userId: string, result: FitResult, now: Date): Promise<void>;
}
