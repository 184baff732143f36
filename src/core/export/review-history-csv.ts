// A user's review history as CSV in the layout the FSRS optimiser reads (card_id, review_time in Unix ms,
// review_rating, review_state before the review, review_duration), so people can tune their own parameters.
// People also open these files in spreadsheets, so text cells are neutralised against formula injection.
import { formatCsv, quoteCsvField } from "../deck-import/csv.ts";

export interface ReviewRow {
  reviewedAt: Date;
  userId: string;
  itemId: string;
  rating: 1 | 2 | 3 | 4;
  /** 0 new, 1 learning, 2 review, 3 relearning: the state the card was in before this review. */
  stateBefore: 0 | 1 | 2 | 3;
  intervalDays: number;
  elapsedDays: number;
  source: string;
  teamId: string;
  durationMs?: number | null;
}

export const REVIEW_CSV_HEADER: string[] = [
  "card_id",
  "review_time",
  "review_rating",
  "review_state",
  "review_duration",
  "interval_days",
  "elapsed_days",
  "source",
  "team",
];

/** The header and one line per row, in the order given; CRLF line ends, UTF-8 without a BOM. */
export function reviewHistoryCsv(rows: ReviewRow[]): string {
  const records = rows.map((row) =>
    [
      row.itemId,
      unixMillis(row.reviewedAt),
      row.rating,
      row.stateBefore,
      row.durationMs,
      row.intervalDays,
      row.elapsedDays,
      row.source,
      row.teamId,
    ].map(neutralise),
  );
  return formatCsv([REVIEW_CSV_HEADER, ...records]);
}

/** One cell, safe to open in a spreadsheet and quoted when it needs to be. */
export function csvCell(value: string | number | null | undefined): string {
  return quoteCsvField(neutralise(value));
}

const FORMULA_START = /^[=+\-@\t\r]/;
const PLAIN_NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?$/i;

/**
 * OWASP's advice for CSV injection: text a spreadsheet would run as a formula gets a leading apostrophe.
 * Numbers such as -1.5 stay numbers. Missing values and non-finite numbers become empty cells.
 */
function neutralise(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : "";
  return FORMULA_START.test(value) && !PLAIN_NUMBER.test(value) ? `'${value}` : value;
}

function unixMillis(date: Date): number {
  const millis = date.getTime();
  if (!Number.isFinite(millis)) throw new RangeError("reviewHistoryCsv: a review has an invalid date");
  return millis;
}
