// The study day: like Anki, a day starts at 4 AM local time, so a late-night session still counts
// for the evening it belongs to. Limits, streaks and "reviewed today" all use it.
import { addDays, dateKey, localParts, parseDateKey, zonedTimeToInstant } from "./zoned-time.ts";

export const DAY_START_HOUR = 4;

/** The study day (YYYY-MM-DD) that an instant falls in, in the given zone. */
export function studyDayOf(instant: Date, timeZone: string): string {
  const p = localParts(instant, timeZone);
  const key = dateKey(p.year, p.month, p.day);
  return p.hour < DAY_START_HOUR ? addDays(key, -1) : key;
}

/** The instant a study day begins (4 AM local). */
export function studyDayStart(day: string, timeZone: string): Date {
  return zonedTimeToInstant({ ...parseDateKey(day), hour: DAY_START_HOUR, minute: 0 }, timeZone);
}

/** The instant the study day containing `instant` ends (the next day's 4 AM). */
export function studyDayEnd(instant: Date, timeZone: string): Date {
  return studyDayStart(addDays(studyDayOf(instant, timeZone), 1), timeZone);
}
