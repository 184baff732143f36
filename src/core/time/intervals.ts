// Intervals as Anki shows them on rating buttons ("10m", "1d", "3.2mo"), and as phrases ("3 h").
import type { Locale } from "../i18n/locale.ts";
import { messages } from "../i18n/messages.ts";

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const MONTH = 30 * DAY;
const YEAR = 365 * DAY;

type Unit = "minute" | "hour" | "day" | "month" | "year";

function split(ms: number): { amount: string; unit: Unit } {
  const abs = Math.max(0, ms);
  if (abs < HOUR) return { amount: String(Math.max(1, Math.round(abs / MINUTE))), unit: "minute" };
  if (abs < DAY) return { amount: String(Math.round(abs / HOUR)), unit: "hour" };
  if (abs < MONTH) return { amount: String(Math.round(abs / DAY)), unit: "day" };
  if (abs < YEAR) return { amount: trim((abs / MONTH).toFixed(1)), unit: "month" };
  return { amount: trim((abs / YEAR).toFixed(1)), unit: "year" };
}

function trim(s: string): string {
  return s.endsWith(".0") ? s.slice(0, -2) : s;
}

/** Compact form for buttons: "10m", "3h", "4d", "1.5mo" (ja: "10分", "4日"). */
export function formatInterval(ms: number, locale: Locale): string {
  const { amount, unit } = split(ms);
  return `${amount}${messages(locale).intervalUnits[unit]}`;
}

/** Phrase for sentences: "10 min", "3 days" (ja: "10分", "3日"). */
export function formatDuration(ms: number, locale: Locale): string {
  const { amount, unit } = split(ms);
  return messages(locale).durationPhrase(amount, unit);
}
