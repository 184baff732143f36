// Time zone arithmetic with Intl only: local wall-clock parts of an instant, and the instant of a
// local wall-clock time, correct across DST changes. Study days, reminders and weeks build on it.

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
      weekday: "short",
    });
    formatters.set(timeZone, f);
  }
  return f;
}

export interface LocalParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  /** 1 = Monday ... 7 = Sunday (ISO). */
  isoWeekday: number;
}

const WEEKDAYS: Record<string, number> = { Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6, Sun: 7 };

/**
 * Zones change their offset only on quarter-hour boundaries, so an offset found once holds for the
 * whole quarter hour: caching it makes local time as cheap as a Date method call.
 */
const QUARTER_HOUR = 15 * 60_000;
const offsets = new Map<string, number>();

export function localParts(instant: Date, timeZone: string): LocalParts {
  const key = `${timeZone}|${Math.floor(instant.getTime() / QUARTER_HOUR)}`;
  let offset = offsets.get(key);
  if (offset === undefined) {
    const p = formattedParts(instant, timeZone);
    offset = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second) - Math.floor(instant.getTime() / 1000) * 1000;
    if (offsets.size > 10_000) offsets.clear();
    offsets.set(key, offset);
  }
  const local = new Date(instant.getTime() + offset);
  return {
    year: local.getUTCFullYear(),
    month: local.getUTCMonth() + 1,
    day: local.getUTCDate(),
    hour: local.getUTCHours(),
    minute: local.getUTCMinutes(),
    second: local.getUTCSeconds(),
    isoWeekday: local.getUTCDay() === 0 ? 7 : local.getUTCDay(),
  };
}

function formattedParts(instant: Date, timeZone: string): LocalParts {
  const parts = formatterFor(timeZone).formatToParts(instant);
  const get = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? "";
  return {
    year: Number(get("year")),
    month: Number(get("month")),
    day: Number(get("day")),
    hour: Number(get("hour")),
    minute: Number(get("minute")),
    second: Number(get("second")),
    isoWeekday: WEEKDAYS[get("weekday")] ?? 1,
  };
}

/** Offset of the zone from UTC at that instant, in milliseconds (Tokyo: +9 h). */
export function zoneOffsetMs(instant: Date, timeZone: string): number {
  const p = localParts(instant, timeZone);
  const asUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  return asUtc - Math.floor(instant.getTime() / 1000) * 1000;
}

/**
 * The instant at which clocks in the zone show the given local time. A time skipped by a DST jump
 * resolves to the same wall-clock distance after the jump (02:30 on a spring-forward night becomes
 * 03:30); a time that happens twice resolves to the first.
 */
export function zonedTimeToInstant(
  local: { year: number; month: number; day: number; hour: number; minute: number },
  timeZone: string,
): Date {
  const wall = Date.UTC(local.year, local.month - 1, local.day, local.hour, local.minute);
  // The offsets a day either side of the wall time bound the answer (zones span UTC-12 to UTC+14,
  // and no zone changes its offset twice within a day); try the earlier one first.
  const candidates = [zoneOffsetMs(new Date(wall - 24 * 3600_000), timeZone), zoneOffsetMs(new Date(wall + 24 * 3600_000), timeZone)];
  const matches = candidates
    .map((offset) => wall - offset)
    .filter((t) => zoneOffsetMs(new Date(t), timeZone) === wall - t)
    .sort((a, b) => a - b);
  if (matches[0] !== undefined) return new Date(matches[0]);
  // Skipped by a jump forward: apply the offset from before the jump.
  return new Date(wall - (candidates[0] ?? 0));
}

/** True when Intl knows the zone. Raw offsets ("+09:00") are refused: they ignore DST. */
export function isValidTimeZone(timeZone: string): boolean {
  return canonicalTimeZone(timeZone) !== undefined;
}

/**
 * The zone's canonical spelling ("asia/tokyo" -> "Asia/Tokyo"), or undefined when unknown. What a user
 * typed never enters the formatter cache: a zone has millions of spellings ("ASIA/tokyo", "aSia/Tokyo",
 * ...), and each cached formatter holds about 20 KB for good. Only the canonical names stored in
 * profiles and teams are cached, when times are computed in them.
 */
export function canonicalTimeZone(timeZone: string): string | undefined {
  if (timeZone.length > 64 || !/^[A-Za-z][A-Za-z0-9_+\-/]*$/.test(timeZone)) return undefined;
  try {
    return new Intl.DateTimeFormat("en-US", { timeZone }).resolvedOptions().timeZone;
  } catch {
    return undefined;
  }
}

/** How many zones have a cached formatter; it grows only with the zones times are computed in. */
export function cachedTimeZoneCount(): number {
  return formatters.size;
}

/** YYYY-MM-DD of a calendar date. */
export function dateKey(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

export function parseDateKey(key: string): { year: number; month: number; day: number } {
  const [y, m, d] = key.split("-").map(Number);
  return { year: y ?? 1970, month: m ?? 1, day: d ?? 1 };
}

/** Calendar arithmetic on YYYY-MM-DD keys, independent of any zone. */
export function addDays(key: string, days: number): string {
  const { year, month, day } = parseDateKey(key);
  const t = new Date(Date.UTC(year, month - 1, day + days));
  return dateKey(t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate());
}

export function daysBetween(fromKey: string, toKey: string): number {
  const a = parseDateKey(fromKey);
  const b = parseDateKey(toKey);
  return Math.round((Date.UTC(b.year, b.month - 1, b.day) - Date.UTC(a.year, a.month - 1, a.day)) / 86_400_000);
}
