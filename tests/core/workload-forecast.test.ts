// The 30-day workload forecast plays cards forward through the real scheduler: a higher desired
// retention means more reviews, and the same cards give the same forecast.
import { describe, expect, it } from "vitest";
import { RATINGS, type CardState } from "../../src/core/scheduler/card-state.ts";
import { rate } from "../../src/core/scheduler/fsrs.ts";
import { forecastReviews } from "../../src/core/scheduler/workload-forecast.ts";

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
});
