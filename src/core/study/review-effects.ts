// What a review changes beyond the card: XP (with the fairness rules), the streak, the leaderboard
// periods it counts in, and a streak milestone to announce. Shared by study, quizzes and the
// question of the day.
import { xpFor } from "../leaderboard/xp.ts";
import type { ReviewSource, TeamSettings, UserProfile } from "../ports/records.ts";
import type { ReviewEffects } from "../ports/review-store.ts";
import type { CardState, Rating } from "../scheduler/card-state.ts";
import { advanceStreak, STREAK_MILESTONES, type Vacation } from "../stats/streak.ts";
import { periodKeysAt } from "../time/periods.ts";
import { studyDayFor } from "../time/study-day.ts";

export function vacationOf(profile: Pick<UserProfile, "vacationFrom" | "vacationTo">): Vacation | null {
  return profile.vacationFrom && profile.vacationTo ? { from: profile.vacationFrom, to: profile.vacationTo } : null;
}

export function reviewEffects(input: {
  profile: UserProfile;
  team: TeamSettings;
  source: ReviewSource;
  before: CardState | null;
  rating: Rating;
  now: Date;
}): ReviewEffects {
  const { profile, team, now } = input;
  const studyDay = studyDayFor(profile, now);
  const today = studyDay.day;
  const xpToday = profile.counterDay === today ? profile.xpToday : 0;
  const xp = xpFor({
    source: input.source,
    before: input.before,
    rating: input.rating,
    now,
    dayStart: studyDay.start,
    lastReviewAt: profile.lastReviewAt,
    xpToday,
  });
  const streak = advanceStreak(profile, today, vacationOf(profile));
  const reached = streak.streakDays !== profile.streakDays && (STREAK_MILESTONES as readonly number[]).includes(streak.streakDays);
  return {
    xp,
    streak,
    userBefore: {
      streakDays: profile.streakDays,
      streakLastDay: profile.streakLastDay,
      bestStreak: profile.bestStreak,
      lastReviewAt: profile.lastReviewAt?.toISOString() ?? null,
    },
    periods: periodKeysAt(now, team.timeZone),
    ...(reached && team.milestones && team.channelId ? { milestone: streak.streakDays } : {}),
  };
}
