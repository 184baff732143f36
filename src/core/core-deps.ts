// What the core is given: a storage port per module, the names of topics and sections, a source
// of randomness, and the default time zone for people the bot has not met yet. The Bot hands each
// use case only the ports it uses (each service names them in its own deps type).
import type { Catalog } from "./deck/catalog.ts";
import type { Locale } from "./i18n/locale.ts";
import type { Actor } from "./identity.ts";
import type { CardStore } from "./ports/card-store.ts";
import type { LeaderboardStore } from "./ports/leaderboard-store.ts";
import type { ParameterStore } from "./ports/parameter-store.ts";
import type { PrivacyStore } from "./ports/privacy-store.ts";
import type { ProfileStore } from "./ports/profile-store.ts";
import type { QotdStore } from "./ports/qotd-store.ts";
import type { QuizStore } from "./ports/quiz-store.ts";
import type { UserProfile } from "./ports/records.ts";
import type { ReminderStore } from "./ports/reminder-store.ts";
import type { ReportStore } from "./ports/report-store.ts";
import type { ReviewStore } from "./ports/review-store.ts";
import type { GameStore } from "./ports/game-store.ts";
import type { TeamDeckStore } from "./ports/team-deck-store.ts";
import type { TeamStore } from "./ports/team-store.ts";

/** The storage ports of the core's use cases. */
export interface CoreStores {
  profiles: ProfileStore;
  teams: TeamStore;
  cards: CardStore;
  reviews: ReviewStore;
  quizzes: QuizStore;
  leaderboards: LeaderboardStore;
  reminders: ReminderStore;
  qotd: QotdStore;
  teamDecks: TeamDeckStore;
  privacy: PrivacyStore;
  /** Learners' problem reports. */
  reports: ReportStore;
  /** Fits of learners' FSRS parameters. */
  parameters: ParameterStore;
  /** Live quiz rounds in team channels. */
  games: GameStore;
}

export interface CoreDeps {
  stores: CoreStores;
  catalog: Catalog;
  /** Uniform floats in [0, 1); seeded in tests. */
  random: () => number;
  /** Time zone for a new user, from their language or the host (console). */
  defaultTimeZone: (locale: Locale | undefined) => string;
}

/** The language to answer in: the user's choice, else what their client says, else English. */
export function localeOf(profile: UserProfile | null, actor: Actor): Locale {
  return profile?.locale ?? actor.clientLocale ?? profile?.clientLocale ?? "en";
}
