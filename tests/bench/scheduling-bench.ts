// Personal scheduling: simulated learners (parameters drawn around FSRS's defaults) review a deck
// for a simulated year through the real scheduler; their review logs go through the real storage,
// and each is fitted by fsrs-rs's optimizer on the first 80% and judged on the last 20% against the
// defaults (log loss and RMSE in bins). Fit time per 1,000 reviews and peak memory sit beside a
// /study round, measured alone and while fits run in their child processes. Then the workload
// forecast on the /stats path for learners with 5,000 and 20,000 cards (forecast-bench.ts).
import { fitInProcess } from "../../src/scheduling/fit-in-process.ts";
import { fitParameters, type FitAnswer } from "../../src/scheduling/fit-parameters.ts";
import type { Actor } from "../../src/core/identity.ts";
import { aFlashcard, aLibrary } from "../support/builders.ts";
import { parametersAround, simulateLearner, storeHistory } from "../support/simulated-learner.ts";
import { answerCard, startTestBot, type TestBot } from "../support/test-bot.ts";
import { summarize, type BenchRow } from "./bench-table.ts";
import { benchForecast } from "./forecast-bench.ts";

export interface SchedulingBenchOptions {
  learners: number;
  days: number;
  studyRounds: number;
  /** Calls of the forecast and of /stats per learner size (5,000 and 20,000 cards). */
  forecastCalls: number;
}

const ITEMS = Array.from({ length: 400 }, (_, i) => `card-${i}`);
const START = new Date("2025-03-01T00:00:00Z");

const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length);

async function studyRounds(t: TestBot, who: Actor, rounds: number): Promise<number[]> {
  const samples: number[] = [];
  for (let i = 0; i < rounds; i++) {
    const started = performance.now();
    const front = await t.bot.command(who, { name: "study" }, t.clock.now);
    await answerCard(t, who, front, "Good", new Date(t.clock.now.getTime() + 5_000));
    samples.push(performance.now() - started);
    t.clock.advance(20_000);
  }
  return samples;
}

export async function benchScheduling(o: SchedulingBenchOptions, log: (s: string) => void): Promise<BenchRow[]> {
  const t = await startTestBot("sqlite", aLibrary(ITEMS.map((id) => aFlashcard(id))), "2026-03-02T09:00:00Z");
  try {
    log(`simulating ${o.learners} learners for ${o.days} days...`);
    const userIds: string[] = [];
    for (let i = 0; i < o.learners; i++) {
      const userId = `console:learner-${i}`;
      const history = simulateLearner({
        seed: `learner-${i}`,
        trueParameters: parametersAround(`true-${i}`),
        itemIds: ITEMS,
        days: o.days,
        newPerDay: 2 + (i % 5),
        start: START,
      });
      await storeHistory(t.db, userId, "console:team", history);
      userIds.push(userId);
    }
    log("fitting...");
    const answers: FitAnswer[] = [];
    const msPer1000: number[] = [];
    for (const userId of userIds) {
      const reviews = (await t.stores.parameters.reviews(userId)).map((r) => ({
        itemId: r.itemId,
        at: r.reviewedAt.getTime(),
        rating: r.rating,
        studyDay: r.studyDay,
      }));
      const started = performance.now();
      const answer = await fitParameters({ reviews, current: null });
      msPer1000.push(((performance.now() - started) / reviews.length) * 1000);
      answers.push(answer);
    }
    const peakRssMb = process.resourceUsage().maxRSS / 1024;
    const judged = answers.flatMap((a) => (a.outcome === "too-few" ? [] : [a]));
    const fitLoss = mean(judged.map((a) => a.fit.logLoss));
    const defaultLoss = mean(judged.map((a) => a.current.logLoss));
    const fitRmse = mean(judged.map((a) => a.fit.rmseBins));
    const defaultRmse = mean(judged.map((a) => a.current.rmseBins));
    const reviews = mean(answers.map((a) => a.reviews));
    const pct = (fit: number, base: number) => `${(((fit - base) / base) * 100).toFixed(1)}%`;

    log("study rounds alone, then beside fits in child processes...");
    const studier: Actor = { userId: "console:studier", teamId: "console:team", clientLocale: "en" };
    // Enough new cards a day that every round shows and rates a card.
    await t.bot.command(studier, { name: "settings", changes: { new: 500 } }, t.clock.now);
    const alone = await studyRounds(t, studier, o.studyRounds);
    const fitting = (async () => {
      const reviewsOf = (await t.stores.parameters.reviews(userIds[0] as string)).map((r) => ({
        itemId: r.itemId,
        at: r.reviewedAt.getTime(),
        rating: r.rating,
        studyDay: r.studyDay,
      }));
      for (let i = 0; i < 3; i++) await fitInProcess({ reviews: reviewsOf, current: null });
    })();
    const beside = await studyRounds(t, studier, o.studyRounds);
    await fitting;
    const a = summarize(
      alone,
      alone.reduce((x, y) => x + y, 0),
    );
    const b = summarize(
      beside,
      beside.reduce((x, y) => x + y, 0),
    );
    const f = summarize(msPer1000, 1);
    return [
      {
        benchmark: "scheduling: learners fitted",
        value: `${judged.length}/${answers.length} judged, mean ${reviews.toFixed(0)} reviews each`,
      },
      {
        benchmark: "scheduling: held-out log loss",
        value: `default ${defaultLoss.toFixed(4)}, fitted ${fitLoss.toFixed(4)} (${pct(fitLoss, defaultLoss)})`,
        target: "fitted lower on average",
        met: fitLoss < defaultLoss,
      },
      {
        benchmark: "scheduling: held-out RMSE (bins)",
        value: `default ${defaultRmse.toFixed(4)}, fitted ${fitRmse.toFixed(4)} (${pct(fitRmse, defaultRmse)})`,
        target: "fitted lower on average",
        met: fitRmse < defaultRmse,
      },
      {
        benchmark: "scheduling: fits adopted (held-out rule)",
        value: `${judged.filter((x) => x.outcome === "adopted").length}/${judged.length}`,
      },
      { benchmark: "scheduling: fit time per 1,000 reviews", p50Ms: f.p50, p99Ms: f.p99 },
      { benchmark: "scheduling: peak RSS of the bench process (simulation, storage, fits)", value: `${peakRssMb.toFixed(0)} MB` },
      { benchmark: "scheduling: /study round alone", p50Ms: a.p50, p99Ms: a.p99 },
      { benchmark: "scheduling: /study round beside fits", p50Ms: b.p50, p99Ms: b.p99 },
    ];
  } finally {
    await t.close();
  }
}

/** The fits, then the forecast on its own database (a library of 20,000 cards). */
export async function benchSchedulingAndForecast(o: SchedulingBenchOptions, log: (s: string) => void): Promise<BenchRow[]> {
  const fits = await benchScheduling(o, log);
  return [...fits, ...(await benchForecast({ sizes: [5_000, 20_000], calls: o.forecastCalls }, log))];
}
