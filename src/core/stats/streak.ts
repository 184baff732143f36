// Streaks: consecutive study days with at least one review. A streak is still alive on a day with
// no review yet, as long as yesterday had one.
import { addDays } from "../time/zoned-time.ts";

/** `studyDays` are distinct YYYY-MM-DD study days, in any order. */
export function currentStreak(studyDays: Iterable<string>, today: string): number {
  const days = new Set(studyDays);
  let day = days.has(today) ? today : addDays(today, -1);
  let streak = 0;
  while (days.has(day)) {
    streak += 1;
    day = addDays(day, -1);
  }
  return streak;
}
