import { describe, expect, it } from "vitest";
import { CARD_STATES, RATINGS, type CardState } from "../../src/core/scheduler/card-state.ts";
import { previewRatings, rate } from "../../src/core/scheduler/fsrs.ts";

const MIN = 60_000;
const DAY = 86_400_000;
const t0 = new Date("2026-01-05T10:00:00Z");

/** Rates Good each time the card comes due, returning the intervals in days. */
function goodStreak(times: number, seed = "u|i"): { intervals: number[]; card: CardState; at: Date } {
  let card = rate(null, RATINGS.good, t0, { retention: 0.9, parameters: null }, seed).card;
  card = rate(card, RATINGS.good, card.due, { retention: 0.9, parameters: null }, seed).card; // graduates from the 10m step
  const intervals: number[] = [];
  let at = card.due;
  for (let i = 0; i < times; i++) {
    const out = rate(card, RATINGS.good, at, { retention: 0.9, parameters: null }, seed);
    intervals.push(out.intervalMs / DAY);
    card = out.card;
    at = card.due;
  }
  return { intervals, card, at };
}

describe("the FSRS scheduler", () => {
  it("makes intervals grow with every Good", () => {
    const { intervals } = goodStreak(5);
    for (let i = 1; i < intervals.length; i++) expect(intervals[i]).toBeGreaterThan(intervals[i - 1] as number);
    expect(intervals[4]).toBeGreaterThan(60);
  });

  it("shrinks the interval after Again and sends the card to relearning", () => {
    const { card, at } = goodStreak(4);
    const lapse = rate(card, RATINGS.again, at, { retention: 0.9, parameters: null }, "u|i");
    expect(lapse.card.state).toBe(CARD_STATES.relearning);
    expect(lapse.card.lapses).toBe(1);
    expect(lapse.intervalMs).toBe(10 * MIN); // the relearning step
    const back = rate(lapse.card, RATINGS.good, lapse.card.due, { retention: 0.9, parameters: null }, "u|i");
    expect(back.card.state).toBe(CARD_STATES.review);
    expect(back.intervalMs).toBeLessThan(card.scheduledDays * DAY);
    expect(lapse.card.stability).toBeLessThan(card.stability);
  });

  it("walks a new card through the learning steps 1m and 10m before it graduates", () => {
    const preview = previewRatings(null, t0, { retention: 0.9, parameters: null }, "u|i");
    expect(preview[RATINGS.again].intervalMs).toBe(1 * MIN);
    expect(preview[RATINGS.hard].intervalMs).toBe(6 * MIN);
    expect(preview[RATINGS.good].intervalMs).toBe(10 * MIN);
    expect(preview[RATINGS.good].card.state).toBe(CARD_STATES.learning);
    expect(preview[RATINGS.easy].card.state).toBe(CARD_STATES.review);
    const step = rate(null, RATINGS.good, t0, { retention: 0.9, parameters: null }, "u|i").card;
    expect(step.learningStep).toBe(1);
    const graduated = rate(step, RATINGS.good, step.due, { retention: 0.9, parameters: null }, "u|i");
    expect(graduated.card.state).toBe(CARD_STATES.review);
    expect(graduated.intervalMs).toBeGreaterThanOrEqual(DAY);
  });

  it("shows on each button exactly the interval that the click then gives, fuzz included", () => {
    const { card, at } = goodStreak(3);
    const later = new Date(at.getTime() + 2 * DAY);
    const preview = previewRatings(card, later, { retention: 0.9, parameters: null }, "u|i");
    for (const r of [RATINGS.again, RATINGS.hard, RATINGS.good, RATINGS.easy]) {
      expect(rate(card, r, later, { retention: 0.9, parameters: null }, "u|i")).toEqual(preview[r]);
    }
  });

  it("fuzzes long intervals with a seed: repeatable for one card, different across cards", () => {
    const a = goodStreak(6, "alice|item-1").intervals;
    const again = goodStreak(6, "alice|item-1").intervals;
    const other = goodStreak(6, "alice|item-2").intervals;
    expect(again).toEqual(a);
    expect(other).not.toEqual(a);
  });

  it("gives shorter intervals when the desired retention is higher", () => {
    const { card, at } = goodStreak(2);
    const relaxed = rate(card, RATINGS.good, at, { retention: 0.8, parameters: null }, "x").intervalMs;
    const strict = rate(card, RATINGS.good, at, { retention: 0.95, parameters: null }, "x").intervalMs;
    expect(strict).toBeLessThan(relaxed);
  });
});
