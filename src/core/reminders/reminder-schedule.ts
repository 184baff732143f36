// When a daily reminder goes out: at a local wall-clock time in the user's time zone, once per local
// date. DST is handled by zonedTimeToInstant (a time skipped by a jump forward moves with it).
import { addDays, dateKey, localParts, zonedTimeToInstant, parseDateKey } from "../time/zoned-time.ts";

export const SNOOZE_MS = 3600_000;

/** "07:30" or "7:30" -> 450 (minutes after midnight), undefined when invalid. */
export function parseClockTime(text: string): number | undefined {
  const m = /^(\d{1,2}):(\d{2})$/.exec(text.trim());
  if (!m) return undefined;
  const hours = Number(m[1]);
  const minutes = Number(m[2]);
  return hours < 24 && minutes < 60 ? hours * 60 + minutes : undefined;
}

export function formatClockTime(minute: number): string {
  return `${String(Math.floor(minute / 60)).padStart(2, "0")}:${String(minute % 60).padStart(2, "0")}`;
}

/** The local calendar date (YYYY-MM-DD) of an instant. */
export function localDate(instant: Date, timeZone: string): string {
  const p = localParts(instant, timeZone);
  return dateKey(p.year, p.month, p.day);
}

/** The instant of `minute` on the local date `day`. */
export function occurrence(day: string, minute: number, timeZone: string): Date {
  return zonedTimeToInstant({ ...parseDateKey(day), hour: Math.floor(minute / 60), minute: minute % 60 }, timeZone);
}

/** The first reminder strictly after `after`: today's if its time is still ahead, else tomorrow's. */
export function nextOccurrence(minute: number, timeZone: string, after: Date): { at: Date; day: string } {
  const today = localDate(after, timeZone);
  const todays = occurrence(today, minute, timeZone);
  if (todays > after) return { at: todays, day: today };
  const tomorrow = addDays(today, 1);
  return { at: occurrence(tomorrow, minute, timeZone), day: tomorrow };
}

/**
 * What a dispatcher does with a reminder whose time has come (`nextDay` is the local date it was
 * scheduled for). After downtime it sends today's reminder once, never a past day's: a reminder
 * left over from an earlier date is replaced by today's (if today's time has passed) or moved to it.
 */
export function dueReminder(
  scheduled: { day: string; slot: number },
  minute: number,
  timeZone: string,
  now: Date,
): { send: { day: string; slot: number } } | { reschedule: { at: Date; day: string } } {
  const today = localDate(now, timeZone);
  if (scheduled.day === today) return { send: scheduled };
  if (scheduled.day > today) return { reschedule: { at: occurrence(scheduled.day, minute, timeZone), day: scheduled.day } };
  const todays = occurrence(today, minute, timeZone);
  return todays <= now ? { send: { day: today, slot: 0 } } : { reschedule: { at: todays, day: today } };
}
