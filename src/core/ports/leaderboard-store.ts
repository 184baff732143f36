// What leaderboards need from storage: a team's ranking for a period and metric.
import type { LeaderboardRow } from "./records.ts";

export type LeaderboardMetric = "xp" | "streak" | "reviews" | "accuracy";

export interface LeaderboardQuery {
  teamId: string;
  /** "all", a week key or a month key (src/core/time/periods.ts); ignored for streaks. */
  period: string;
  metric: LeaderboardMetric;
  userId: string;
  limit: number;
  /** Fewest reviews in the period to be ranked (accuracy). */
  minReviews: number;
  now: Date;
}

export interface LeaderboardResult {
  top: LeaderboardRow[];
  /** The caller's value, and rank (null when hidden or not ranked). */
  me: { value: number; rank: number | null } | null;
}

export interface LeaderboardStore {
  leaderboard(query: LeaderboardQuery): Promise<LeaderboardResult>;
}
