// What posts to a team's channel need from storage: when a team's next question of the day or
// recap is due, the claims that make each post go out once across instances (recaps, milestones,
// question-of-the-day results), and the numbers of a weekly recap.
import type { LeaderboardRow, TeamSettings } from "./records.ts";

/** One scheduled team post, claimed by an instance for a while (the lease) before it is sent. */
export interface TeamPostClaim {
  teamId: string;
  kind: string;
  key: string;
  now: Date;
  leaseUntil: Date;
  owner: string;
  payload?: string;
}

export interface TeamPostStore {
  /** Teams whose next question of the day (or recap) time has passed. */
  dueTeams(kind: "qotd" | "recap", now: Date, limit: number): Promise<(TeamSettings & { dueAt: Date })[]>;
  /** Moves a team's next question of the day (or recap) on, unless it changed meanwhile. */
  advanceTeam(kind: "qotd" | "recap", teamId: string, expected: Date, next: Date | null): Promise<void>;
  /** "claimed" (new, or an unposted one whose lease ran out), "taken" (held by another instance, unposted) or "done" (posted). */
  claimTeamPost(claim: TeamPostClaim): Promise<"claimed" | "taken" | "done">;
  /** Unposted posts of a kind whose lease has expired (milestones queued by reviews). */
  pendingTeamPosts(kind: string, now: Date, limit: number): Promise<{ teamId: string; key: string; payload: string | null }[]>;
  markTeamPostDone(teamId: string, kind: string, key: string, now: Date): Promise<void>;
  /** The numbers of a weekly recap: top three by XP, total reviews, retention, most-missed topic. */
  weeklyRecap(
    teamId: string,
    week: string,
    from: Date,
    to: Date,
  ): Promise<{ top: LeaderboardRow[]; reviews: number; matureReviews: number; matureRecalled: number; missedTopic: string | null }>;
}
