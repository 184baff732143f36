// Every store on one database: the app, tests and benchmarks build them here. Stores that read
// items share one cache, so that a team deck imported or retired is seen at once by the others.
import type { Db } from "../open-database.ts";
import { ItemCache } from "../item-cache.ts";
import { PrismaCardStore } from "./card-store.ts";
import { PrismaLeaderboardStore } from "./leaderboard-store.ts";
import { PrismaParameterStore } from "./parameter-store.ts";
import { PrismaPrivacyStore } from "./privacy-store.ts";
import { PrismaProfileStore } from "./profile-store.ts";
import { PrismaQotdStore } from "./qotd-store.ts";
import { PrismaQuizStore } from "./quiz-store.ts";
import { PrismaReminderStore } from "./reminder-store.ts";
import { PrismaReportStore } from "./report-store.ts";
import { PrismaReviewStore } from "./review-store.ts";
import { PrismaTeamDeckStore } from "./team-deck-store.ts";
import { PrismaTeamPostStore } from "./team-post-store.ts";
import { PrismaTeamStore } from "./team-store.ts";
import { PrismaGameStore } from "./game-store.ts";

export interface PrismaStores {
  profiles: PrismaProfileStore;
  teams: PrismaTeamStore;
  cards: PrismaCardStore;
  reviews: PrismaReviewStore;
  quizzes: PrismaQuizStore;
  leaderboards: PrismaLeaderboardStore;
  reminders: PrismaReminderStore;
  qotd: PrismaQotdStore;
  teamPosts: PrismaTeamPostStore;
  teamDecks: PrismaTeamDeckStore;
  privacy: PrismaPrivacyStore;
  reports: PrismaReportStore;
  parameters: PrismaParameterStore;
  games: PrismaGameStore;
}

export function openStores(db: Db): PrismaStores {
  const itemCache = new ItemCache();
  const profiles = new PrismaProfileStore(db);
  const cards = new PrismaCardStore(db, itemCache);
  return {
    profiles,
    teams: new PrismaTeamStore(db),
    cards,
    reviews: new PrismaReviewStore(db),
    quizzes: new PrismaQuizStore(db),
    leaderboards: new PrismaLeaderboardStore(db),
    reminders: new PrismaReminderStore(db),
    qotd: new PrismaQotdStore(db),
    teamPosts: new PrismaTeamPostStore(db, (ids) => cards.items(ids)),
    teamDecks: new PrismaTeamDeckStore(db, itemCache),
    privacy: new PrismaPrivacyStore(db, profiles),
    reports: new PrismaReportStore(db),
    parameters: new PrismaParameterStore(db),
    games: new PrismaGameStore(db),
  };
}
