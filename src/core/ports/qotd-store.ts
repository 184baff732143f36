// What the question of the day needs from storage: claiming a team's question for a day (once
// across instances), posting and closing it, and its tally. Answers are written with their
// review (see ReviewWrite.qotdAnswer).

export interface QotdRecord {
  id: string;
  teamId: string;
  day: string;
  itemId: string;
  channelId: string;
  messageRef: string | null;
  postedAt: Date | null;
  closesAt: Date;
  closedAt: Date | null;
}

export interface QotdStore {
  /**
   * Claims a team's question for a local date; an unposted claim whose lease expired is taken over.
   * "taken": another instance holds it, unposted; "done": it was posted.
   */
  claimQotd(
    claim: Omit<QotdRecord, "messageRef" | "postedAt" | "closedAt"> & { now: Date; leaseUntil: Date },
  ): Promise<{ status: "claimed"; id: string; itemId: string } | { status: "taken" } | { status: "done" }>;
  markQotdPosted(id: string, messageRef: string | null, now: Date): Promise<void>;
  recentQotdItems(teamId: string, sinceDay: string): Promise<string[]>;
  loadQotd(id: string): Promise<QotdRecord | null>;
  /** Posted questions whose time is up and that are not closed yet. */
  dueQotdClosings(now: Date, limit: number): Promise<QotdRecord[]>;
  /**
   * Closes a question once its results went out (or can never go out): the question and its
   * "qotd-results" team post are recorded done together. True for the one caller that closed it.
   */
  closeQotd(id: string, now: Date): Promise<boolean>;
  qotdTally(id: string): Promise<{ total: number; correct: number }>;
}
