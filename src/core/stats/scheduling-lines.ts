// What /stats and /settings say about a learner's scheduling: default or personal parameters (from
// how many reviews, when), the last fit that changed nothing and why, and true against desired retention.
import type { Locale } from "../i18n/locale.ts";
import { schedulingMessages } from "../i18n/scheduling-messages.ts";
import type { FitRecord } from "../ports/parameter-store.ts";
import type { UserProfile } from "../ports/records.ts";

export function parametersShown(profile: UserProfile, locale: Locale): string {
  const t = schedulingMessages(locale);
  const p = profile.personalParameters;
  if (!p) return t.parametersDefault;
  return t.parametersPersonal({ source: p.source, reviews: p.reviews, fittedAt: p.fittedAt?.toISOString().slice(0, 10) ?? null });
}

/**
 * The first line: the parameters in use (on /stats, with true against desired retention when
 * `trueRetention` is given); then the last fit's outcome when it was not adopted.
 */
export function schedulingLines(profile: UserProfile, fit: FitRecord | null, locale: Locale, trueRetention: string | null): string[] {
  const t = schedulingMessages(locale);
  const lines = [`${t.fitResultTitle}: **${parametersShown(profile, locale)}**`];
  if (trueRetention !== null) lines.push(t.trueRetention(trueRetention, profile.desiredRetention.toFixed(2)));
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
