// The /stats picture's data: a year of study days with reviews, the next 30 days' due cards, and
// true retention per week over 12 weeks (Anki's measure: reviews of cards in review state that
// were not rated Again). Days are study days (4 AM in the learner's zone), as ReviewLog stores them.
import type { Locale } from "../i18n/locale.ts";
import { pictureMessages } from "../i18n/picture-messages.ts";
import type { HistoryRecord } from "../ports/card-store.ts";
import { studyDayOf } from "../time/study-day.ts";
import { addDays, daysBetween, parseDateKey } from "../time/zoned-time.ts";
import type { StatsPicture } from "../views/picture.ts";

export const HEATMAP_DAYS = 365;
export const FORECAST_DAYS = 30;
export const RETENTION_WEEKS = 12;

/** Monday of the week (Monday to Sunday) a day key falls in. */
export function mondayOf(day: string): string {
  const { year, month, day: d } = parseDateKey(day);
  const weekday = (new Date(Date.UTC(year, month - 1, d)).getUTCDay() + 6) % 7;
  return addDays(day, -weekday);
}

/** The first study day the picture needs reviews from, given today's: the heatmap's or the retention weeks'. */
export function historySince(today: string): string {
  const heatmapFrom = addDays(today, -(HEATMAP_DAYS - 1));
  const retentionFrom = addDays(mondayOf(today), -7 * (RETENTION_WEEKS - 1));
  return heatmapFrom < retentionFrom ? heatmapFrom : retentionFrom;
}

export function statsPicture(history: HistoryRecord, today: string, timeZone: string, locale: Locale): StatsPicture {
  const p = pictureMessages(locale);
  const from = addDays(today, -(HEATMAP_DAYS - 1));
  const days = history.days
    .filter((d) => d.day >= from && d.day <= today && d.reviews > 0)
    .sort((a, b) => (a.day < b.day ? -1 : 1))
    .map((d) => ({ day: d.day, reviews: d.reviews }));

  const due = new Array<number>(FORECAST_DAYS).fill(0);
  for (const instant of history.dues) {
    const index = Math.max(0, daysBetween(today, studyDayOf(instant, timeZone)));
    if (index < FORECAST_DAYS) due[index] = (due[index] ?? 0) + 1;
  }
  const forecast = due.map((n, i) => {
    const d = parseDateKey(addDays(today, i));
    return { label: p.shortDate(d.month, d.day), due: n };
  });

  const firstMonday = addDays(mondayOf(today), -7 * (RETENTION_WEEKS - 1));
  const weeks = Array.from({ length: RETENTION_WEEKS }, (_, i) => ({ monday: addDays(firstMonday, 7 * i), mature: 0, recalled: 0 }));
  for (const d of history.days) {
    const week = weeks[Math.floor(daysBetween(firstMonday, d.day) / 7)];
    if (d.day < firstMonday || !week) continue;
    week.mature += d.mature;
    week.recalled += d.recalled;
  }
  const retention = weeks.map((w) => {
    const d = parseDateKey(w.monday);
    return {
      label: p.shortDate(d.month, d.day),
      percent: w.mature === 0 ? null : Math.round((1000 * w.recalled) / w.mature) / 10,
      reviews: w.mature,
    };
  });

  const reviews = days.reduce((sum, d) => sum + d.reviews, 0);
  return {
    kind: "stats",
    title: p.statsTitle,
    from,
    to: today,
    days,
    forecast,
    retention,
    labels: {
      heatmap: p.heatmap(reviews, days.length, timeZone),
      forecast: p.forecast(due.reduce((a, b) => a + b, 0)),
      retention: p.retention,
      legendFewer: p.legendFewer,
      legendMore: p.legendMore,
      months: p.months,
      weekdays: p.weekdays,
      ...(days.length === 0 && history.dues.length === 0 ? { empty: p.noReviewsYet } : {}),
    },
  };
}
