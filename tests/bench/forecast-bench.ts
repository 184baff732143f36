// The workload forecast on the /stats (and App Home) path, for learners with many cards: the forecast
// as /stats runs it (at most FORECAST_MAX_CARDS cards played, scaled up), every card played (what it
// cost before the cap), and a whole text-only /stats round, for 5,000 and 20,000 studied cards.
import type { Actor } from "../../src/core/identity.ts";
import { RATINGS, type CardState } from "../../src/core/scheduler/card-state.ts";
import { rate } from "../../src/core/scheduler/fsrs.ts";
import { forecastReviews } from "../../src/core/scheduler/workload-forecast.ts";
import { FORECAST_DAYS, FORECAST_MAX_CARDS, forecastLines } from "../../src/core/stats/scheduling-lines.ts";
import { aFlashcard, aLibrary } from "../support/builders.ts";
import { startTestBot } from "../support/test-bot.ts";
import { summarize, type BenchRow } from "./bench-table.ts";

const NOW = new Date("2026-03-02T09:00:00Z");
const DAY_MS = 86_400_000;
const schedule = { retention: 0.9, parameters: null };

/** A card learned some weeks ago and reviewed a few times since, as a studied card is. */
function studiedCard(i: number): CardState {
  let at = new Date(NOW.getTime() - (10 + (i % 180)) * DAY_MS - (i % 24) * 3_600_000);
  let card = rate(null, RATINGS.good, at, schedule, `bench-${i}`).card;
  for (let r = 0; r < 6 && card.due < NOW; r++) {
    at = card.due;
    card = rate(card, i % 9 === 0 ? RATINGS.again : RATINGS.good, at, schedule, `bench-${i}`).card;
  }
  return card;
}

export async function benchForecast(o: { sizes: number[]; calls: number }, log: (s: string) => void): Promise<BenchRow[]> {
  const largest = Math.max(...o.sizes);
  const itemIds = Array.from({ length: largest }, (_, i) => `forecast-${i}`);
  log(`forecast: a library of ${largest} cards...`);
  const t = await startTestBot("sqlite", aLibrary(itemIds.map((id) => aFlashcard(id))), NOW.toISOString());
  const rows: BenchRow[] = [];
  try {
    const cards = itemIds.map((_, i) => studiedCard(i));
    for (const size of o.sizes) {
      const who: Actor = { userId: `console:forecast-${size}`, teamId: "console:team", clientLocale: "en" };
      await t.bot.command(who, { name: "settings", changes: { images: "off" } }, NOW);
      for (let i = 0; i < size; i += 1_000) {
        await t.db.cardState.createMany({
          data: cards.slice(i, Math.min(size, i + 1_000)).map((c, k) => ({
            userId: who.userId,
            itemId: itemIds[i + k] as string,
            state: c.state,
            due: c.due,
            stability: c.stability,
            difficulty: c.difficulty,
            scheduledDays: c.scheduledDays,
            learningStep: c.learningStep,
            reps: c.reps,
            lapses: c.lapses,
            lastReview: c.lastReview,
            version: c.reps,
          })),
        });
      }
      const profile = await t.stores.profiles.profile(who.userId);
      if (!profile) throw new Error("no profile");
      const studied = await t.stores.cards.studiedCards(who.userId, who.teamId);
      log(`forecast: ${studied.length} studied cards...`);
      const capped: number[] = [];
      for (let i = 0; i < o.calls; i++) {
        const started = performance.now();
        forecastLines(profile, studied, NOW, "en");
        capped.push(performance.now() - started);
      }
      const all: number[] = [];
      for (let i = 0; i < Math.min(5, o.calls); i++) {
        const started = performance.now();
        for (const retention of [0.85, 0.9, 0.95])
          forecastReviews(studied, NOW, { retention, parameters: null }, FORECAST_DAYS, profile.id);
        all.push(performance.now() - started);
      }
      const stats: number[] = [];
      for (let i = 0; i < o.calls; i++) {
        const started = performance.now();
        await t.bot.command(who, { name: "stats" }, NOW);
        stats.push(performance.now() - started);
      }
      const label = size.toLocaleString("en");
      const c = summarize(capped, 1);
      const a = summarize(all, 1);
      const s = summarize(stats, 1);
      rows.push(
        {
          benchmark: `forecast: ${label} cards, as /stats runs it (at most ${FORECAST_MAX_CARDS.toLocaleString("en")} played)`,
          p50Ms: c.p50,
          p99Ms: c.p99,
        },
        { benchmark: `forecast: ${label} cards, every card played (before the cap)`, p50Ms: a.p50, p99Ms: a.p99 },
        { benchmark: `forecast: /stats text-only, ${label} cards`, p50Ms: s.p50, p99Ms: s.p99 },
      );
    }
    return rows;
  } finally {
    await t.close();
  }
}
