// Points in a round: a right answer earns 100 and up to 50 more for speed (in proportion to the time
// left when it was given); a wrong or missing answer earns nothing. Points count within the round only.
import { rankRows } from "../leaderboard/leaderboard-service.ts";
import type { GameAnswerRecord } from "../ports/game-store.ts";

export const GAME_POINTS = { correct: 100, speed: 50 } as const;

export function pointsFor(correct: boolean, answeredAt: Date, openedAt: Date, deadline: Date): number {
  if (!correct) return 0;
  const total = deadline.getTime() - openedAt.getTime();
  const left = Math.min(Math.max(0, deadline.getTime() - answeredAt.getTime()), total);
  return GAME_POINTS.correct + (total > 0 ? Math.round((GAME_POINTS.speed * left) / total) : 0);
}

/** Players' totals up to and including `through`, best first (ties by who reached them first), ranked. */
export function standings(answers: GameAnswerRecord[], through: number): { userId: string; value: number; rank: number }[] {
  const totals = new Map<string, { value: number; last: number }>();
  for (const a of answers) {
    if (a.position > through) continue;
    const t = totals.get(a.userId) ?? { value: 0, last: 0 };
    t.value += a.points;
    if (a.points > 0) t.last = Math.max(t.last, a.answeredAt.getTime());
    totals.set(a.userId, t);
  }
  const sorted = [...totals.entries()]
    .sort(([ua, a], [ub, b]) => b.value - a.value || a.last - b.last || (ua < ub ? -1 : 1))
    .map(([userId, t]) => ({ userId, value: t.value }));
  return rankRows(sorted);
}

/** Everyone who answered any question before `position`: the players a question waits for. */
export function playersBefore(answers: GameAnswerRecord[], position: number): Set<string> {
  return new Set(answers.filter((a) => a.position < position).map((a) => a.userId));
}
