// What the core needs from storage. The Prisma implementation lives in src/storage; tests may use
// it against a real SQLite file. Each method is one round trip to the database unless it says so,
// because an interaction must stay within a handful of calls.
import type { Item } from "../deck/item.ts";
import type { Locale } from "../i18n/locale.ts";
import type { Actor } from "../identity.ts";
import type { CardState, Rating } from "../scheduler/card-state.ts";

export interface UserProfile {
  id: string;
  locale: Locale | null;
  clientLocale: Locale | null;
  timeZone: string;
  desiredRetention: number;
  newPerDay: number;
  reviewsPerDay: number;
  /** Study day the counters belong to; counters of another day count as zero. */
  counterDay: string;
  newToday: number;
  reviewsToday: number;
  /** The team direct messages count for, when the user chose one. */
  dmTeamId: string | null;
  hidden: boolean;
  xpToday: number;
  lastReviewAt: Date | null;
  streakDays: number;
  streakLastDay: string;
  bestStreak: number;
  remindMinute: number | null;
  remindWhen: "due" | "not-studied";
  remindTeamId: string | null;
  nextReminderAt: Date | null;
  nextReminderDay: string | null;
  nextReminderSlot: number;
  remindersPaused: string | null;
  pendingNotice: string | null;
  vacationUntil: Date | null;
  vacationFrom: string | null;
  vacationTo: string | null;
  /** A study day held over a time zone change (see holdAcrossZoneChange): its date, start and end. */
  heldDay: string | null;
  heldDayFrom: Date | null;
  heldDayUntil: Date | null;
}

/** A team's settings, as admins set them. */
export interface TeamSettings {
  id: string;
  timeZone: string;
  locale: Locale;
  channelId: string | null;
  qotdMinute: number | null;
  recapEnabled: boolean;
  milestones: boolean;
  adminIds: string[];
}

export type LeaderboardMetric = "xp" | "streak" | "reviews" | "accuracy";

export interface LeaderboardRow {
  userId: string;
  /** XP, days, reviews, or accuracy as a share from 0 to 1. */
  value: number;
  rank: number;
}

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

export interface ImportCounts {
  added: number;
  updated: number;
  retired: number;
  unchanged: number;
}

export interface TeamDeckSummary {
  id: string;
  name: string;
  items: number;
  retired: boolean;
}

export interface ReviewHistoryRow {
  reviewedAt: Date;
  itemId: string;
  teamId: string;
  rating: Rating;
  source: string;
  stateBefore: number;
  /** Scheduled interval after the review, and days since the previous review of the card. */
  intervalDays: number;
  elapsedDays: number;
}

export interface ForgetCounts {
  reviews: number;
  cards: number;
  teams: number;
  quizzes: number;
  answers: number;
  reminders: number;
  /** Problem reports the person made (they go with the person, by a cascading key). */
  reports: number;
}

export interface StoredItem {
  id: string;
  deckId: string;
  teamId: string | null;
  position: number;
  retired: boolean;
  topics: string[];
  content: Item;
}

/** A user's progress on one item. `card` is null while the item has never been rated. */
export interface CardRecord {
  itemId: string;
  version: number;
  card: CardState | null;
}

export interface CardQuery {
  userId: string;
  teamId: string;
  topic?: string | undefined;
  /**
   * The start of the user's study day (4 AM local). When given, items buried for the rest of the
   * day are left out: those whose sibling (an item of the same sibling group) was reviewed since.
   */
  dayStart?: Date | undefined;
}

export type ReviewSource = "study" | "quiz" | "qotd";

export interface ReviewWrite {
  userId: string;
  teamId: string;
  itemId: string;
  /** The version the user saw; the write is refused when it is no longer current. */
  version: number;
  rating: Rating;
  source: ReviewSource;
  reviewedAt: Date;
  studyDay: string;
  before: CardState | null;
  after: CardState;
  /** Whether the user's counters already belong to `studyDay` (increment) or must be reset. */
  countersAreToday: boolean;
  /** What the review earns and changes beyond the card: XP, streak, leaderboard periods. */
  effects: ReviewEffects;
  quizAnswer?: { sessionId: string; position: number; choice: number; correct: boolean; finishes: boolean };
  qotdAnswer?: { qotdId: string; choice: number; correct: boolean };
}

/** The user's fields a review changes besides counters, before the review (restored by undo). */
export interface UserSnapshot {
  streakDays: number;
  streakLastDay: string;
  bestStreak: number;
  lastReviewAt: string | null;
}

export interface ReviewEffects {
  xp: number;
  streak: { streakDays: number; streakLastDay: string; bestStreak: number };
  userBefore: UserSnapshot;
  /** Leaderboard periods of the team the review counts in: "all", the week and the month. The
   * review counts as correct there unless rated Again. */
  periods: string[];
  /** A streak milestone reached, to announce in the team channel (only when the team asked for it). */
  milestone?: number;
}

export interface ReviewRecord {
  id: number;
  userId: string;
  teamId: string;
  itemId: string;
  version: number;
  rating: Rating;
  source: ReviewSource;
  reviewedAt: Date;
  studyDay: string;
  before: CardState | null;
  after: CardState;
  xp: number;
  userBefore: UserSnapshot | null;
  /** The leaderboard periods it counted in; null for reviews recorded before they were kept. */
  periods: string[] | null;
}

export interface QuizRecord {
  id: string;
  userId: string;
  teamId: string;
  topic: string | null;
  itemIds: string[];
  createdAt: Date;
  finishedAt: Date | null;
  answers: { position: number; choice: number; correct: boolean }[];
}

export interface StatsQuery {
  userId: string;
  teamId: string;
  now: Date;
  dayStart: Date;
  dayEnd: Date;
  retentionSince: Date;
}

export interface StatsRecord {
  dueNow: number;
  dueToday: number;
  reviewedToday: number;
  /** Reviews of cards in review state over the window, and how many were recalled (not Again). */
  matureReviews: number;
  matureRecalled: number;
  totalCards: number;
}

export interface ReminderPatch {
  remindMinute?: number | null;
  remindWhen?: "due" | "not-studied";
  remindTeamId?: string | null;
  timeZone?: string;
  nextReminderAt?: Date | null;
  nextReminderDay?: string | null;
  nextReminderSlot?: number;
  remindersPaused?: string | null;
  pendingNotice?: string | null;
  vacationUntil?: Date | null;
  vacationFrom?: string | null;
  vacationTo?: string | null;
  heldDay?: string | null;
  heldDayFrom?: Date | null;
  heldDayUntil?: Date | null;
}

export type TeamPatch = Partial<Omit<TeamSettings, "id">> & { nextQotdAt?: Date | null; nextRecapAt?: Date | null };

export type SettingsPatch = Partial<
  Pick<
    UserProfile,
    | "locale"
    | "timeZone"
    | "desiredRetention"
    | "newPerDay"
    | "reviewsPerDay"
    | "dmTeamId"
    | "hidden"
    | "heldDay"
    | "heldDayFrom"
    | "heldDayUntil"
  >
>;

/** Whether this instance won a send (and how many attempts it has had), or another holds or sent it. */
export type ReminderClaim = { status: "claimed"; attempts: number } | { status: "taken" };

/** The outcome of a claimed reminder send, and where the person's schedule moves next. */
export interface ReminderFinish {
  userId: string;
  day: string;
  slot: number;
  outcome: "sent" | "channel" | "skipped" | "paused" | "failed";
  now: Date;
  /** The day and slot the send was for: the schedule moves on only if it still points there. */
  expected: { day: string; slot: number };
  next: { at: Date; day: string; slot: number } | null;
  paused?: string | null;
}

export interface StudyStore {
  /** Creates the user, team and membership when missing and records the client's language. */
  enter(actor: Actor, defaults: { timeZone: string }, now: Date): Promise<UserProfile>;
  profile(userId: string): Promise<UserProfile | null>;
  /**
   * The user, the item and the user's progress on it, in one round trip. `knownVersion` is the
   * card version the caller expects (from a button): above 0 the card is known to exist, which
   * allows a cheaper query; 0 means the card was new when shown, and its state is not read (a
   * rating of a card rated meanwhile is refused by recordReview as a duplicate).
   */
  loadForReview(
    userId: string,
    itemId: string,
    knownVersion?: number,
  ): Promise<{ profile: UserProfile | null; item: StoredItem | null; card: CardRecord | null }>;
  /** The studied card that is due first (learning and relearning only, when asked). */
  firstScheduledCard(query: CardQuery & { learningOnly?: boolean }): Promise<{ item: StoredItem; record: CardRecord } | null>;
  /**
   * The next item to introduce to the user: never rated (or whose only rating was undone), its
   * requirements all introduced, first in the user's own mixed order (see new-card-order.ts).
   */
  firstNewItem(query: CardQuery): Promise<{ item: StoredItem; record: null } | null>;
  /** Writes the review, the new card state and the counters atomically; "duplicate" when that version was already rated. */
  recordReview(write: ReviewWrite): Promise<"recorded" | "duplicate">;
  /** The user's latest review, or the review of one card version. */
  lastReview(userId: string, target?: { itemId: string; version: number }): Promise<ReviewRecord | null>;
  /** The team's settings (time zone, channel, question of the day...). */
  teamSettings(teamId: string): Promise<TeamSettings>;
  /**
   * Deletes the review and restores the card state it replaced, the user's streak and XP, and the
   * leaderboard counters (`periods`: the ones it counted in); "conflict" if the card changed since.
   * A new card's first rating undone leaves no card state at all, as before it.
   */
  undoReview(review: ReviewRecord, periods: string[]): Promise<"undone" | "conflict">;
  /** Every auto-graded item the team can see in the topic, with the user's progress. */
  gradedItems(query: CardQuery): Promise<{ item: StoredItem; record: CardRecord | null }[]>;
  createQuiz(quiz: Omit<QuizRecord, "answers" | "finishedAt">): Promise<void>;
  loadQuiz(sessionId: string): Promise<QuizRecord | null>;
  items(ids: string[]): Promise<StoredItem[]>;
  stats(query: StatsQuery): Promise<StatsRecord>;
  /** Number of active items per topic that the team can see. */
  topicCounts(teamId: string): Promise<Map<string, number>>;
  updateSettings(userId: string, patch: SettingsPatch): Promise<UserProfile>;
  /** Teams the user has studied in, most recently active first. */
  memberships(userId: string): Promise<string[]>;
  leaderboard(query: LeaderboardQuery): Promise<LeaderboardResult>;

  // Reminders and vacations
  updateReminder(userId: string, patch: ReminderPatch): Promise<UserProfile>;
  /** People whose next reminder time has passed (indexed on nextReminderAt), oldest first. */
  dueReminders(now: Date, limit: number): Promise<UserProfile[]>;
  /** Claims one send; "taken" when another instance holds it (or it was sent). An expired lease of an unsent claim is taken over. */
  claimReminder(claim: { userId: string; day: string; slot: number; now: Date; leaseUntil: Date; owner: string }): Promise<ReminderClaim>;
  /**
   * claimReminder for many sends at once (a tick's worth): one statement per few hundred claims,
   * whether new, held by another instance, sent, or left behind with an expired lease. Answers in the order given.
   */
  claimReminders(
    claims: { userId: string; day: string; slot: number }[],
    lease: { now: Date; leaseUntil: Date; owner: string },
  ): Promise<ReminderClaim[]>;
  /** Records the outcome of a claimed send and moves the person's schedule on (unless it changed meanwhile). */
  finishReminder(done: ReminderFinish): Promise<void>;
  /** Leaves a failed send claimed until `leaseUntil`, when another tick retries it. */
  retryReminderLater(r: { userId: string; day: string; slot: number; leaseUntil: Date }): Promise<void>;
  /** Moves a schedule without sending (a reminder left from an earlier date, a vacation). */
  rescheduleReminder(
    userId: string,
    expected: { day: string; slot: number },
    next: { at: Date; day: string; slot: number } | null,
  ): Promise<void>;
  /** Cards due by `until` for the person, in decks the team can see. */
  dueCount(userId: string, teamId: string, until: Date): Promise<number>;
  clearNotice(userId: string): Promise<void>;
  /** Moves the due dates of overdue cards, `plan` giving each card's new due date in order of how overdue it is. */
  spreadOverdue(userId: string, now: Date, plan: (count: number) => Date[]): Promise<number>;

  // Team decks
  /** Creates or updates a team deck: items matched by id keep everyone's progress; items gone from the file are retired. */
  importTeamDeck(deck: { teamId: string; deckId: string; name: string; items: Item[]; now: Date }): Promise<ImportCounts>;
  teamDecks(teamId: string): Promise<TeamDeckSummary[]>;
  /** Renames or retires one of the team's own decks; false when the team has no such deck. */
  renameTeamDeck(teamId: string, deckId: string, name: string): Promise<boolean>;
  retireTeamDeck(teamId: string, deckId: string, now: Date): Promise<boolean>;
  /** The active items of one of the team's own decks, in order; null when the team has no such deck. */
  teamDeckItems(teamId: string, deckId: string): Promise<Item[] | null>;

  // A person's data
  reviewHistory(userId: string): Promise<ReviewHistoryRow[]>;
  cardStates(userId: string): Promise<{ itemId: string; card: CardState }[]>;
  /** Deletes every row about the person, in every team; returns what was deleted. */
  forgetUser(userId: string): Promise<ForgetCounts>;

  // Teams
  updateTeam(teamId: string, patch: TeamPatch): Promise<TeamSettings>;
  /** Teams whose next question of the day (or recap) time has passed. */
  dueTeams(kind: "qotd" | "recap", now: Date, limit: number): Promise<(TeamSettings & { dueAt: Date })[]>;
  /** Moves a team's next question of the day (or recap) on, unless it changed meanwhile. */
  advanceTeam(kind: "qotd" | "recap", teamId: string, expected: Date, next: Date | null): Promise<void>;

  // Question of the day
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

  // Posts to the team channel (recaps, milestones, question-of-the-day results)
  /** "claimed" (new, or an unposted one whose lease ran out), "taken" (held by another instance, unposted) or "done" (posted). */
  claimTeamPost(claim: {
    teamId: string;
    kind: string;
    key: string;
    now: Date;
    leaseUntil: Date;
    owner: string;
    payload?: string;
  }): Promise<"claimed" | "taken" | "done">;
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
