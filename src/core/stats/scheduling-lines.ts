// What /stats and /settings say about a learner's scheduling: default or personal parameters (from
// how many reviews, when), and the last fit that changed nothing and why. True retention stands beside
// desired retention in /stats's own retention line.
import type { Locale } from "../i18n/locale.ts";
import { schedulingMessages } from "../i18n/scheduling-messages.ts";
import type { FitRecord, TeamFitRecord, TeamParameters } from "../ports/parameter-store.ts";
import type { UserProfile } from "../ports/records.ts";
import type { CardState } from "../scheduler/card-state.ts";
import { scheduleOf } from "../scheduler/learner-schedule.ts";
import { forecastReviews } from "../scheduler/workload-forecast.ts";

/** `team`: the defaults of the team the learner's parameters came from, for how many members they were fitted on. */
export function parametersShown(profile: UserProfile, locale: Locale, team: TeamParameters | null = null): string {
  const t = schedulingMessages(locale);
  const p = profile.personalParameters;
  if (!p) return t.parametersDefault;
  return t.parametersPersonal({
    source: p.source,
    reviews: p.reviews,
    fittedAt: p.fittedAt?.toISOString().slice(0, 10) ?? null,
    members: p.source === "team" ? team?.members : undefined,
  });
}

/** The first line: the parameters in use; then the last fit's outcome when it was not adopted. */
export function schedulingLines(profile: UserProfile, fit: FitRecord | null, locale: Locale, team: TeamParameters | null = null): string[] {
  const t = schedulingMessages(locale);
  const lines = [`${t.fitResultTitle}: **${parametersShown(profile, locale, team)}**`];
  if (fit?.attemptedAt && fit.outcome && fit.outcome !== "adopted") {
    lines.push(
      t.lastFit({
        outcome: fit.outcome,
        when: fit.attemptedAt.toISOString().slice(0, 10),
        reviews: fit.attemptReviews,
        fitLogLoss: fit.fitLogLoss,
        currentLogLoss: fit.currentLogLoss,
      }),
    );
  }
  return lines;
}

/** What /team shows of the team's defaults: the parameters members start from, and the last fit when it was not adopted. */
export function teamParameterLines(team: TeamParameters | null, fit: TeamFitRecord | null, locale: Locale): string[] {
  const t = schedulingMessages(locale);
  const shown = team
    ? t.parametersPersonal({
        source: "team",
        reviews: team.reviews,
        members: team.members,
        fittedAt: team.fittedAt?.toISOString().slice(0, 10) ?? null,
      })
    : t.teamParametersNone;
  const lines = [t.teamParametersLine(shown)];
  if (fit?.attemptedAt && fit.outcome && fit.outcome !== "adopted") {
    lines.push(
      t.teamLastFit({
        outcome: fit.outcome,
        when: fit.attemptedAt.toISOString().slice(0, 10),
        reviews: fit.attemptReviews,
        members: fit.attemptMembers,
        fitLogLoss: fit.fitLogLoss,
        currentLogLoss: fit.currentLogLoss,
      }),
    );
  }
  return lines;
}

/** The retentions a forecast compares beside the learner's own. */
export const FORECAST_RETENTIONS = [0.85, 0.9, 0.95] as const;
export const FORECAST_DAYS = 30;
/**
 * The most cards a forecast plays forward on the interaction path, where it holds the event loop.
 * Played whole, a learner's 20,000 cards took 0.6 to 1.1 s (npm run bench -- --only scheduling),
 * growing with their cards; a sample of 1,000 takes a bounded 50 ms or so on the bench machine,
 * and its scaled-up average stays within a few percent of the whole (tests/core/workload-forecast.test.ts).
 * A learner with more cards gets an evenly spaced sample of them by due date, scaled up, and is told so.
 */
export const FORECAST_MAX_CARDS = 1_000;

/** Every k-th card in due order: the sample keeps the shape of the learner's due dates. */
export function forecastSample(cards: readonly CardState[], max: number): readonly CardState[] {
  if (cards.length <= max) return cards;
  const byDue = [...cards].sort((a, b) => a.due.getTime() - b.due.getTime());
  const step = cards.length / max;
  return Array.from({ length: max }, (_, i) => byDue[Math.floor(i * step)] as CardState);
}

/** The 30-day workload at the learner's retention and at 0.85 / 0.90 / 0.95. */
export function forecastLines(profile: UserProfile, cards: readonly CardState[], now: Date, locale: Locale): string[] {
  if (cards.length === 0) return [];
  const t = schedulingMessages(locale);
  const sample = forecastSample(cards, FORECAST_MAX_CARDS);
  const scale = cards.length / sample.length;
  const retentions = [...new Set([profile.desiredRetention, ...FORECAST_RETENTIONS].map((r) => Number(r.toFixed(2))))].sort(
    (a, b) => a - b,
  );
  const lines = retentions.map((retention) => {
    const perDay = forecastReviews(sample, now, { ...scheduleOf(profile), retention }, FORECAST_DAYS, profile.id).map((n) => n * scale);
    return `- ${t.forecastLine({
      retention: retention.toFixed(2),
      current: retention === Number(profile.desiredRetention.toFixed(2)),
      average: perDay.reduce((a, b) => a + b, 0) / FORECAST_DAYS,
      peak: Math.round(Math.max(...perDay)),
    })}`;
  });
  const title =
    sample.length < cards.length
      ? `${t.forecastTitle(FORECAST_DAYS)} ${t.forecastSampled(sample.length, cards.length)}`
      : t.forecastTitle(FORECAST_DAYS);
  return [[title, ...lines].join("\n")];
}
