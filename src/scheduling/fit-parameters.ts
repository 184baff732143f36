// Fits FSRS-6 parameters with fsrs-rs's optimizer (the only module that uses the binding) and keeps
// them only when they predict the learner's most recent reviews better than what they use now:
// fitted on the first 80% of the history, both judged by log loss on the last 20%.
import { computeParameters, FSRSBinding } from "@open-spaced-repetition/binding";
import { heldOutSplit, toFitItems, type PlainReview } from "./fit-items.ts";

/** Fewer items than this to fit on (or judge by) leaves the parameters as they are. */
export const MIN_TRAIN_ITEMS = 100;
export const MIN_TEST_ITEMS = 25;

export interface FitRequest {
  reviews: PlainReview[];
  /** The parameters in use now; null: the defaults. */
  current: number[] | null;
}

export type FitAnswer =
  | { outcome: "too-few"; reviews: number }
  | {
      outcome: "adopted" | "worse";
      reviews: number;
      parameters: number[];
      fit: { logLoss: number; rmseBins: number };
      current: { logLoss: number; rmseBins: number };
    };

export async function fitParameters(request: FitRequest): Promise<FitAnswer> {
  const items = toFitItems(request.reviews);
  const split = heldOutSplit(items);
  const train = split.train;
  // Log loss judges predictions across days: the held-out reviews a day or more after the one before.
  const test = split.test.filter((item) => (item.current?.deltaT ?? 0) > 0);
  const reviews = request.reviews.length;
  if (train.length < MIN_TRAIN_ITEMS || test.length < MIN_TEST_ITEMS) return { outcome: "too-few", reviews };
  const parameters = await computeParameters(train, { enableShortTerm: true });
  const fit = new FSRSBinding(parameters).evaluate(test);
  const current = (request.current ? new FSRSBinding(request.current) : new FSRSBinding()).evaluate(test);
  const better = Number.isFinite(fit.logLoss) && fit.logLoss < current.logLoss;
  return {
    outcome: better ? "adopted" : "worse",
    reviews,
    parameters,
    fit: { logLoss: fit.logLoss, rmseBins: fit.rmseBins },
    current: { logLoss: current.logLoss, rmseBins: current.rmseBins },
  };
}
