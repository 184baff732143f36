// Records several storage ports share: a person, a team's settings, an item and a person's
// progress on it. Each port (one file per core module beside this one) imports what it needs.
import type { Item } from "../deck/item.ts";
import type { Locale } from "../i18n/locale.ts";
import type { CardState } from "../scheduler/card-state.ts";

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
  /** Pictures with /stats and leaderboards. */
  images: boolean;
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
  /** Personal FSRS parameters; null: scheduled with the defaults. */
  personalParameters: PersonalParameters | null;
}

/** FSRS-6 parameters of one learner, where they came from, and (when fitted) from how many reviews and when. */
export interface PersonalParameters {
  values: number[];
  source: "fitted" | "pasted" | "team";
  reviews: number;
  fittedAt: Date | null;
  /** Held-out log loss when fitted. */
  logLoss: number | null;
  /** With source "team": the team whose defaults these are. */
  teamId: string | null;
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

export interface LeaderboardRow {
  userId: string;
  /** XP, days, reviews, or accuracy as a share from 0 to 1. */
  value: number;
  rank: number;
}
