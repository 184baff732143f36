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

/** A study day as an interval: its date and the instants it starts and ends. */
export interface StudyDay {
  day: string;
  start: Date;
  end: Date;
}

/**
 * A study day carried over a change of time zone: `day` stays the current study day from `from`
 * until `until`, whatever the new zone's calendar says meanwhile.
 */
export interface HeldDay {
  day: string;
  from: Date;
  until: Date;
}

/** Someone's current study day: the day held over a time zone change while it lasts, else the zone's. */
export function currentStudyDay(now: Date, timeZone: string, held: HeldDay | null): StudyDay {
  if (held && now >= held.from && now < held.until) return { day: held.day, start: held.from, end: held.until };
  const day = studyDayOf(now, timeZone);
  return { day, start: studyDayStart(day, timeZone), end: studyDayStart(addDays(day, 1), timeZone) };
}

/**
 * What a change of time zone at `now` holds: the study day current before the change stays current
 * until it has ended in the old zone and in the new one too. Limits, the XP cap and the streak are
 * keyed by the study day, so a change never starts a second day (moving east would begin the next
 * one at once, moving west would begin an earlier date again); the next day begins when the held
 * one is over, and it is always a later date.
 */
export function holdAcrossZoneChange(now: Date, from: { timeZone: string; held: HeldDay | null }, toZone: string): HeldDay {
  const current = currentStudyDay(now, from.timeZone, from.held);
  const endInNewZone = studyDayStart(addDays(current.day, 1), toZone);
  const until = endInNewZone > current.end ? endInNewZone : current.end;
  return { day: current.day, from: current.start, until };
}

/** Where a person's study day comes from: their zone, and a day held over a zone change. */
export interface StudyDaySource {
  timeZone: string;
  heldDay: string | null;
  heldDayFrom: Date | null;
  heldDayUntil: Date | null;
}

export function heldDayOf(p: StudyDaySource): HeldDay | null {
  return p.heldDay !== null && p.heldDayFrom !== null && p.heldDayUntil !== null
    ? { day: p.heldDay, from: p.heldDayFrom, until: p.heldDayUntil }
    : null;
}

/** A person's current study day (see currentStudyDay). */
export function studyDayFor(p: StudyDaySource, now: Date): StudyDay {
  return currentStudyDay(now, p.timeZone, heldDayOf(p));
}

/**
 * The fields to save when a person moves to `timeZone` at `now`: the zone, and the study day it
 * holds (see holdAcrossZoneChange). Someone who has never studied has nothing a day could grant
 * twice: they follow the new zone at once (a new learner setting their zone).
 */
export function zoneChangePatch(
  p: StudyDaySource & { counterDay: string; streakLastDay: string },
  timeZone: string,
  now: Date,
): StudyDaySource {
  if (timeZone === p.timeZone) return { timeZone, heldDay: p.heldDay, heldDayFrom: p.heldDayFrom, heldDayUntil: p.heldDayUntil };
  if (p.counterDay === "" && p.streakLastDay === "") return { timeZone, heldDay: null, heldDayFrom: null, heldDayUntil: null };
  const held = holdAcrossZoneChange(now, { timeZone: p.timeZone, held: heldDayOf(p) }, timeZone);
  return { timeZone, heldDay: held.day, heldDayFrom: held.from, heldDayUntil: held.until };
}
