// The weekly recap goes out on Monday at 09:00 in the team's time zone, about the week that ended.
import { localParts } from "../time/zoned-time.ts";
import { occurrence, localDate } from "../reminders/reminder-schedule.ts";
import { addDays } from "../time/zoned-time.ts";

export const RECAP_MINUTE = 9 * 60;

export function nextRecapAt(after: Date, timeZone: string): Date {
  const p = localParts(after, timeZone);
  const today = localDate(after, timeZone);
  const monday = addDays(today, (8 - p.isoWeekday) % 7);
  const candidate = occurrence(monday, RECAP_MINUTE, timeZone);
  return candidate > after ? candidate : occurrence(addDays(monday, 7), RECAP_MINUTE, timeZone);
}
