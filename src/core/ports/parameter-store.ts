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
  /** The learner's study day when they rated (4 AM to 4 AM in their time zone): the optimizer counts days in these. */
  studyDay: string;
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

/** A team's default parameters, fitted from its members' reviews, for members without their own. */
export interface TeamParameters {
  values: number[];
  reviews: number;
  members: number;
  fittedAt: Date | null;
  logLoss: number | null;
}

export interface TeamFitRecord {
  attemptedAt: Date | null;
  attemptReviews: number;
  attemptMembers: number;
  outcome: FitOutcome | null;
  fitLogLoss: number | null;
  currentLogLoss: number | null;
  requestedAt: Date | null;
  /** The admin who asked, told the outcome; null once they are forgotten. */
  requestedBy: string | null;
}

export interface TeamFitResult extends Omit<FitResult, "adopted"> {
  members: number;
  adopted: TeamParameters | null;
}

/** One rating of a team member. */
export interface TeamFitReview extends FitReview {
  userId: string;
}

export interface TeamParameterStore {
  teamParameters(teamId: string): Promise<TeamParameters | null>;
  lastTeamFit(teamId: string): Promise<TeamFitRecord | null>;
  /** Queues a fit of the team's defaults, asked by `userId`; false when one is already queued. */
  requestTeamFit(teamId: string, userId: string, now: Date): Promise<boolean>;
  /**
   * Back to FSRS's defaults for the team: its parameters are cleared, and so are those its members
   * had from it (their own, fitted or pasted, stay).
   */
  resetTeamParameters(teamId: string): Promise<void>;
}

export interface TeamFitJobStore {
  /** Teams whose admin asked for a fit and that no instance is fitting now, oldest request first. */
  dueTeamFits(now: Date, limit: number): Promise<string[]>;
  /** Takes the team's fit until `now + leaseMs`; false when another instance holds it or none is asked for. */
  claimTeamFit(teamId: string, now: Date, leaseMs: number): Promise<boolean>;
  /** The team's reviews to fit on: its members' ratings in the team, the most history first, up to `maxReviews`. */
  teamReviews(teamId: string, maxReviews: number): Promise<TeamFitReview[]>;
  releaseTeamFit(teamId: string): Promise<void>;
  /**
   * Keeps the attempt and releases the claim; an adopted fit becomes the team's parameters and those
   * of its members who have none of their own (or the team's previous ones).
   */
  finishTeamFit(teamId: string, result: TeamFitResult, now: Date): Promise<void>;
}
