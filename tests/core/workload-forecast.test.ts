// The 30-day workload forecast plays cards forward through the real scheduler: a higher desired
// retention means more reviews, and the same cards give the same forecast.
import { describe, expect, it } from "vitest";
import { RATINGS, type CardState } from "../../src/core/scheduler/card-state.ts";
import { rate } from "../../src/core/scheduler/fsrs.ts";
import { forecastReviews } from "../../src/core/scheduler/workload-forecast.ts";
import type { UserProfile } from "../../src/core/ports/records.ts";
import { FORECAST_MAX_CARDS, forecastLines, forecastSample } from "../../src/core/stats/scheduling-lines.ts";

const NOW = new Date("2026-03-02T09:00:00Z");
const defaults = { retention: 0.9, parameters: null };

/** Cards learned over the last two months, each reviewed a few times. */
function studiedCards(): CardState[] {
  return Array.from({ length: 200 }, (_, i) => {
    let at = new Date(NOW.getTime() - (60 - (i % 60)) * 86_400_000);
    let card = rate(null, RATINGS.good, at, defaults, `c${i}`).card;
    for (let r = 0; r < 3 && card.due < NOW; r++) {
      at = card.due;
      card = rate(card, i % 7 === 0 ? RATINGS.again : RATINGS.good, at, defaults, `c${i}`).card;
    }
    return card;
  });
}

describe("the workload forecast", () => {
  it("asks more reviews a day of a higher desired retention, and is the same for the same cards", () => {
    const cards = studiedCards();
    const total = (retention: number) => forecastReviews(cards, NOW, { retention, parameters: null }, 30, "u").reduce((a, b) => a + b, 0);
    expect(total(0.85)).toBeLessThan(total(0.9));
    expect(total(0.9)).toBeLessThan(total(0.95));
    expect(forecastReviews(cards, NOW, defaults, 30, "u")).toEqual(forecastReviews(cards, NOW, defaults, 30, "u"));
    expect(forecastReviews(cards, NOW, defaults, 30, "u")).toHaveLength(30);
  });

  it("plays an evenly spaced sample of a learner's cards by due date when they have more than it plays, scaled to all of them, and says so", () => {
    const base = studiedCards();
    // 10,000 cards: the 200 above, each copy due a few hours later than the last.
    const cards = Array.from({ length: 10_000 }, (_, i) => {
      const c = base[i % base.length] as CardState;
      return { ...c, due: new Date(c.due.getTime() + Math.floor(i / base.length) * 3_600_000) };
    });
    const sample = forecastSample(cards, FORECAST_MAX_CARDS);
    expect(sample).toHaveLength(FORECAST_MAX_CARDS);
    expect(forecastSample(base, FORECAST_MAX_CARDS)).toBe(base);
    const average = (perDay: number[]) => perDay.reduce((a, b) => a + b, 0) / perDay.length;
    const full = average(forecastReviews(cards, NOW, defaults, 30, "u"));
    const scaled = average(forecastReviews(sample, NOW, defaults, 30, "u")) * (cards.length / sample.length);
    expect(Math.abs(scaled - full) / full).toBeLessThan(0.1);
    const profile = { id: "u", desiredRetention: 0.9, personalParameters: null } as unknown as UserProfile;
    const [text] = forecastLines(profile, cards, NOW, "en");
    expect(text).toContain(`(estimated from ${FORECAST_MAX_CARDS} of your 10000 cards, scaled up)`);
    const shownAverage = Number(/0\.90 \(yours\): \*\*([\d.]+)\*\*/.exec(text ?? "")?.[1]);
    expect(Math.abs(shownAverage - full) / full).toBeLessThan(0.1);
    expect(forecastLines(profile, base, NOW, "en")[0]).not.toContain("estimated from");
  });
});
