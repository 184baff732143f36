// What every use case in the core is given: storage, the names of topics and sections, a source of
// randomness, and the default time zone for people the bot has not met yet.
import type { Catalog } from "./deck/catalog.ts";
import type { Locale } from "./i18n/locale.ts";
import type { Actor } from "./identity.ts";
import type { ReportStore } from "./ports/report-store.ts";
import type { StudyStore, UserProfile } from "./ports/study-store.ts";

export interface CoreDeps {
  store: StudyStore;
  /** Learners' problem reports. */
  reports: ReportStore;
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
