import { describe, expect, it } from "vitest";
import { XP_RULES, xpFor, type XpInput } from "../../src/core/leaderboard/xp.ts";
import { rankRows } from "../../src/core/leaderboard/leaderboard-service.ts";
import { CARD_STATES, type CardState } from "../../src/core/scheduler/card-state.ts";
import { advanceStreak, currentStreak } from "../../src/core/stats/streak.ts";
import { monthKey, weekKey } from "../../src/core/time/periods.ts";

const now = new Date("2026-03-10T12:00:00Z");
const dayStart = new Date("2026-03-10T04:00:00Z");
const review = (over: Partial<CardState> = {}): CardState => ({
  state: CARD_STATES.review,
  due: new Date("2026-03-09T00:00:00Z"),
  stability: 5,
  difficulty: 5,
  scheduledDays: 5,
  learningStep: 0,
  reps: 4,
  lapses: 0,
  lastReview: new Date("2026-03-04T00:00:00Z"),
  ...over,
});
const base: XpInput = {
  source: "study",
  before: review(),
  rating: 3,
  now,
  dayStart,
  lastReviewAt: new Date("2026-03-10T11:59:00Z"),
  xpToday: 0,
};

describe("XP", () => {
  it("gives a due review full XP, a wrong answer less, a new card and a learning step less than a due review", () => {
    expect(xpFor(base)).toBe(XP_RULES.dueReview);
    expect(xpFor({ ...base, rating: 1 })).toBe(Math.ceil(XP_RULES.dueReview * XP_RULES.wrongShare));
    expect(xpFor({ ...base, rating: 1 })).toBeLessThan(xpFor(base));
    expect(xpFor({ ...base, before: null })).toBe(XP_RULES.newCard);
    expect(xpFor({ ...base, before: review({ state: CARD_STATES.learning }) })).toBe(XP_RULES.learningStep);
    expect(xpFor({ ...base, before: review({ due: new Date("2026-03-20T00:00:00Z") }) })).toBe(XP_RULES.earlyReview);
  });

  it("gives quiz answers and the question of the day their own XP, by the same rules", () => {
    expect(xpFor({ ...base, source: "quiz" })).toBe(XP_RULES.quizAnswer);
    expect(xpFor({ ...base, source: "qotd" })).toBe(XP_RULES.questionOfTheDay);
    expect(xpFor({ ...base, source: "quiz", rating: 1 })).toBe(Math.ceil(XP_RULES.quizAnswer * XP_RULES.wrongShare));
  });

  it("gives nothing for a card already reviewed today: no re-rating, no cramming", () => {
    expect(xpFor({ ...base, before: review({ lastReview: new Date("2026-03-10T05:00:00Z") }) })).toBe(0);
    expect(xpFor({ ...base, source: "quiz", before: review({ lastReview: new Date("2026-03-10T05:00:00Z") }) })).toBe(0);
    // Reviewed yesterday evening (before today's 4 AM): full XP.
    expect(xpFor({ ...base, before: review({ lastReview: new Date("2026-03-10T03:59:00Z") }) })).toBe(XP_RULES.dueReview);
  });

  it("gives nothing for a rating under a second after the previous one", () => {
    expect(xpFor({ ...base, lastReviewAt: new Date(now.getTime() - 999) })).toBe(0);
    expect(xpFor({ ...base, lastReviewAt: new Date(now.getTime() - 1000) })).toBe(XP_RULES.dueReview);
  });

  it("stops at the daily cap", () => {
    expect(xpFor({ ...base, xpToday: XP_RULES.dailyCap - 4 })).toBe(4);
    expect(xpFor({ ...base, xpToday: XP_RULES.dailyCap })).toBe(0);
  });
});

describe("ranks", () => {
  it("share a rank on ties and skip the next ones", () => {
    expect(rankRows([{ value: 50 }, { value: 30 }, { value: 30 }, { value: 10 }]).map((r) => r.rank)).toEqual([1, 2, 2, 4]);
  });
});

describe("streaks", () => {
  const s = { streakDays: 4, streakLastDay: "2026-03-09", bestStreak: 4 };
  it("grow on the next study day, stay on the same day, restart after a gap", () => {
    expect(advanceStreak(s, "2026-03-10", null)).toEqual({ streakDays: 5, streakLastDay: "2026-03-10", bestStreak: 5 });
    expect(advanceStreak({ ...s, streakLastDay: "2026-03-10" }, "2026-03-10", null).streakDays).toBe(4);
    expect(advanceStreak(s, "2026-03-12", null)).toEqual({ streakDays: 1, streakLastDay: "2026-03-12", bestStreak: 4 });
  });

  it("survive the days of a vacation", () => {
    const vacation = { from: "2026-03-10", to: "2026-03-15" };
    expect(advanceStreak(s, "2026-03-16", vacation).streakDays).toBe(5);
    expect(currentStreak(s, "2026-03-14", vacation)).toBe(4);
    expect(currentStreak(s, "2026-03-17", vacation)).toBe(0);
  });

  it("are alive until the end of the next study day", () => {
    expect(currentStreak(s, "2026-03-10", null)).toBe(4);
    expect(currentStreak(s, "2026-03-11", null)).toBe(0);
  });
});

describe("leaderboard periods", () => {
  it("start weeks on Monday and months on the 1st, in the team's time zone", () => {
    // Sunday 23:30 in Tokyo is Sunday 14:30 UTC; Monday 00:30 in Tokyo is still Sunday in UTC.
    expect(weekKey(new Date("2026-03-15T14:30:00Z"), "Asia/Tokyo")).toBe("w2026-03-09");
    expect(weekKey(new Date("2026-03-15T15:30:00Z"), "Asia/Tokyo")).toBe("w2026-03-16");
    expect(weekKey(new Date("2026-03-15T15:30:00Z"), "UTC")).toBe("w2026-03-09");
    // New York: Monday begins at 04:00 UTC in summer time.
    expect(weekKey(new Date("2026-03-16T03:59:00Z"), "America/New_York")).toBe("w2026-03-09");
    expect(weekKey(new Date("2026-03-16T04:00:00Z"), "America/New_York")).toBe("w2026-03-16");
    expect(monthKey(new Date("2026-03-31T15:30:00Z"), "Asia/Tokyo")).toBe("m2026-04");
    expect(monthKey(new Date("2026-03-31T15:30:00Z"), "Europe/London")).toBe("m2026-03");
  });
});
