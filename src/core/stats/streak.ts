// Streaks: consecutive study days (from 4 AM local) with at least one review. Days of a vacation
// neither count nor break the streak.
import { addDays } from "../time/zoned-time.ts";

export interface StreakState {
  streakDays: number;
  streakLastDay: string;
  bestStreak: number;
}

export interface Vacation {
  from: string;
  to: string;
}

/** True when every study day strictly between `fromDay` and `toDay` lies in the vacation. */
function bridged(fromDay: string, toDay: string, vacation: Vacation | null): boolean {
  let day = addDays(fromDay, 1);
  while (day < toDay) {
    if (!vacation || day < vacation.from || day > vacation.to) return false;
    day = addDays(day, 1);
  }
  return true;
}

/** The streak after a review on `today`. */
export function advanceStreak(s: StreakState, today: string, vacation: Vacation | null): StreakState {
  if (s.streakLastDay === today) return { streakDays: s.streakDays, streakLastDay: s.streakLastDay, bestStreak: s.bestStreak };
  const continues = s.streakLastDay !== "" && s.streakLastDay < today && bridged(s.streakLastDay, today, vacation);
  const streakDays = continues ? s.streakDays + 1 : 1;
  return { streakDays, streakLastDay: today, bestStreak: Math.max(s.bestStreak, streakDays) };
}

/** The streak as of `today`: still alive when the last study day is today or yesterday (vacation bridging the gap). */
export function currentStreak(s: Pick<StreakState, "streakDays" | "streakLastDay">, today: string, vacation: Vacation | null): number {
  if (s.streakLastDay === "") return 0;
  // A later last day than today happens after moving to a time zone behind: the streak stands.
  if (s.streakLastDay >= today) return s.streakDays;
  return bridged(s.streakLastDay, today, vacation) ? s.streakDays : 0;
}

/** At risk: alive, but today has no review yet. */
export function streakAtRisk(s: Pick<StreakState, "streakDays" | "streakLastDay">, today: string, vacation: Vacation | null): boolean {
  return s.streakLastDay !== today && currentStreak(s, today, vacation) > 0;
}

export const STREAK_MILESTONES = [7, 30, 100] as const;
