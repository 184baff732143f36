// Leaderboard periods: the week starts on Monday (at midnight) in the team's time zone, the month on
// the 1st; "all" never ends.
import { addDays, dateKey, localParts, zonedTimeToInstant, parseDateKey } from "./zoned-time.ts";

export type PeriodName = "week" | "month" | "all";

export function weekKey(instant: Date, timeZone: string): string {
  const p = localParts(instant, timeZone);
  return `w${addDays(dateKey(p.year, p.month, p.day), 1 - p.isoWeekday)}`;
}

export function monthKey(instant: Date, timeZone: string): string {
  const p = localParts(instant, timeZone);
  return `m${String(p.year).padStart(4, "0")}-${String(p.month).padStart(2, "0")}`;
}

export function periodKey(period: PeriodName, instant: Date, timeZone: string): string {
  return period === "week" ? weekKey(instant, timeZone) : period === "month" ? monthKey(instant, timeZone) : "all";
}

/** Every period a review at this instant counts in. */
export function periodKeysAt(instant: Date, timeZone: string): string[] {
  return ["all", weekKey(instant, timeZone), monthKey(instant, timeZone)];
}

/** The instant a week (by its key) begins, and the key of the week before. */
export function weekStart(key: string, timeZone: string): Date {
  return zonedTimeToInstant({ ...parseDateKey(key.slice(1)), hour: 0, minute: 0 }, timeZone);
}

export function previousWeekKey(key: string): string {
  return `w${addDays(key.slice(1), -7)}`;
}
