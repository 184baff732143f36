// A simulated learner: their memory follows FSRS-6 with their own ("true") parameters, while the bot
// schedules them through the real scheduler (src/core/scheduler/fsrs.ts) with the parameters it uses.
// Each day they review what is due and meet new cards; whether they recall a card is drawn from their
// true memory's retrievability. Seeded: the same seed gives the same history.
import { cardStateToJson, CARD_STATES, RATINGS, type CardState, type Rating } from "../../src/core/scheduler/card-state.ts";
import { DEFAULT_PARAMETERS, PARAMETER_BOUNDS, rate, retrievability, type Schedule } from "../../src/core/scheduler/fsrs.ts";
import { seededRandom } from "../../src/core/random/seeded-random.ts";
import type { Db } from "../../src/storage/open-database.ts";

export interface SimulatedReview {
  itemId: string;
  version: number;
  rating: Rating;
  reviewedAt: Date;
  before: CardState | null;
  after: CardState;
}

const DAY_MS = 86_400_000;

/** Parameters drawn around the defaults (each scaled by up to ±`spread` on a log scale), within FSRS's bounds. */
export function parametersAround(seed: string, spread = 0.5): number[] {
  const random = seededRandom(seed);
  return DEFAULT_PARAMETERS.map((w, i) => {
    const [min, max] = PARAMETER_BOUNDS[i] ?? [0, 0];
    const scaled = i === 4 || i === 16 ? w : w * Math.exp((random() * 2 - 1) * spread);
    return Math.min(max, Math.max(min, scaled));
  });
}

export function simulateLearner(o: {
  seed: string;
  trueParameters: number[];
  /** What the bot schedules them with (null: the defaults). */
  scheduledWith?: number[] | null;
  itemIds: string[];
  days: number;
  newPerDay: number;
  start: Date;
}): SimulatedReview[] {
  const random = seededRandom(o.seed);
  const truth: Schedule = { retention: 0.9, parameters: o.trueParameters };
  const bot: Schedule = { retention: 0.9, parameters: o.scheduledWith ?? null };
  const cards = new Map<string, { shown: CardState; memory: CardState; version: number }>();
  const reviews: SimulatedReview[] = [];
  let introduced = 0;
  for (let day = 0; day < o.days; day++) {
    const dayStart = o.start.getTime() + day * DAY_MS + Math.floor(random() * 3 * 3600_000);
    const dayEnd = o.start.getTime() + (day + 1) * DAY_MS - 4 * 3600_000;
    for (let n = 0; n < o.newPerDay && introduced < o.itemIds.length; n++) {
      const itemId = o.itemIds[introduced++] as string;
      const at = new Date(dayStart + n * 60_000);
      const rating = firstRating(random());
      const shown = rate(null, rating, at, bot, `${o.seed}|${itemId}`).card;
      const memory = rate(null, rating, at, truth, `${o.seed}|${itemId}`).card;
      reviews.push({ itemId, version: 0, rating, reviewedAt: at, before: null, after: shown });
      cards.set(itemId, { shown, memory, version: 1 });
    }
    // Due cards in due order, learning steps included, until nothing more is due today.
    for (let guard = 0; guard < 10_000; guard++) {
      let next: [string, { shown: CardState; memory: CardState; version: number }] | undefined;
      for (const entry of cards)
        if (entry[1].shown.due.getTime() <= dayEnd && (!next || entry[1].shown.due < next[1].shown.due)) next = entry;
      if (!next) break;
      const [itemId, card] = next;
      const at = new Date(Math.max(card.shown.due.getTime(), dayStart) + 30_000);
      const p = card.memory.state === CARD_STATES.new ? 0 : retrievability(card.memory, at, truth);
      const rating = random() < p ? recalledRating(random()) : RATINGS.again;
      const shown = rate(card.shown, rating, at, bot, `${o.seed}|${itemId}`).card;
      const memory = rate(card.memory, rating, at, truth, `${o.seed}|${itemId}`).card;
      reviews.push({ itemId, version: card.version, rating, reviewedAt: at, before: card.shown, after: shown });
      cards.set(itemId, { shown, memory, version: card.version + 1 });
    }
  }
  return reviews;
}

function firstRating(x: number): Rating {
  return x < 0.25 ? RATINGS.again : x < 0.35 ? RATINGS.hard : x < 0.93 ? RATINGS.good : RATINGS.easy;
}

function recalledRating(x: number): Rating {
  return x < 0.1 ? RATINGS.hard : x < 0.92 ? RATINGS.good : RATINGS.easy;
}

/** Writes the history to the review log, as recorded reviews are kept. */
export async function storeHistory(db: Db, userId: string, teamId: string, reviews: readonly SimulatedReview[]): Promise<void> {
  await db.user.upsert({ where: { id: userId }, create: { id: userId }, update: {} });
  for (let i = 0; i < reviews.length; i += 500) {
    await db.reviewLog.createMany({
      data: reviews.slice(i, i + 500).map((r) => ({
        userId,
        teamId,
        itemId: r.itemId,
        version: r.version,
        rating: r.rating,
        source: "study",
        reviewedAt: r.reviewedAt,
        studyDay: r.reviewedAt.toISOString().slice(0, 10),
        stateBefore: r.before?.state ?? CARD_STATES.new,
        before: r.before ? cardStateToJson(r.before) : null,
        after: cardStateToJson(r.after),
      })),
    });
  }
  const last = reviews.at(-1);
  if (last) await db.user.update({ where: { id: userId }, data: { lastReviewAt: last.reviewedAt } });
}
