// Reviews per day over the coming days at a given desired retention. Neither ts-fsrs nor the
// optimizer's binding ships a simulator, so this plays the learner's cards forward through the real
// scheduler: each review is recalled with the desired retention's probability (FSRS schedules a card
// when recall has fallen to it), Good when recalled and Again when not, with seeded randomness so
// the same cards give the same forecast. New cards are left out: how many a learner adds is theirs.
import { seededRandom } from "../random/seeded-random.ts";
import { RATINGS, type CardState } from "./card-state.ts";
import { rate, type Schedule } from "./fsrs.ts";

const DAY_MS = 86_400_000;
/** Reviews of one card followed at most (learning steps repeat within a day). */
const MAX_STEPS_PER_CARD = 60;

export function forecastReviews(cards: readonly CardState[], now: Date, schedule: Schedule, days: number, seed: string): number[] {
  const perDay = Array.from({ length: days }, () => 0);
  const end = now.getTime() + days * DAY_MS;
  const random = seededRandom(`${seed}|${schedule.retention}`);
  for (const [i, start] of cards.entries()) {
    let card = start;
    for (let step = 0; step < MAX_STEPS_PER_CARD && card.due.getTime() < end; step++) {
      const at = new Date(Math.max(card.due.getTime(), now.getTime()));
      const day = Math.floor((at.getTime() - now.getTime()) / DAY_MS);
      perDay[day] = (perDay[day] ?? 0) + 1;
      const rating = random() < schedule.retention ? RATINGS.good : RATINGS.again;
      card = rate(card, rating, at, schedule, `forecast|${i}`).card;
    }
  }
  return perDay;
}
