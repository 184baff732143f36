// LeaderboardStore on Prisma: rankings from the per-period counters a trigger keeps (see the
// migration review_log_periods), and streaks from people's own rows.
import type { LeaderboardQuery, LeaderboardResult, LeaderboardStore } from "../../core/ports/leaderboard-store.ts";
import { rankRows } from "../../core/leaderboard/leaderboard-service.ts";
import { currentStreak } from "../../core/stats/streak.ts";
import { studyDayFor, type StudyDaySource } from "../../core/time/study-day.ts";
import { addDays } from "../../core/time/zoned-time.ts";
import { Prisma } from "../../generated/sqlite/client.ts";
import type { Db } from "../open-database.ts";

export class PrismaLeaderboardStore implements LeaderboardStore {
  private readonly db: Db;

  constructor(db: Db) {
    this.db = db;
  }

  async leaderboard(q: LeaderboardQuery): Promise<LeaderboardResult> {
    if (q.metric === "streak") return this.streakBoard(q);
    const mine = await this.db.memberPeriod.findUnique({
      where: { teamId_period_userId: { teamId: q.teamId, period: q.period, userId: q.userId } },
      select: { xp: true, reviews: true, correct: true, user: { select: { hidden: true } } },
    });
    // Every row holds at least one review, so the reviews floor is only written out when it is higher
    // (accuracy): a needless condition on reviews makes SQLite pick the reviews index and sort the
    // whole period instead of walking the xp index for the top 10.
    const visible = {
      teamId: q.teamId,
      period: q.period,
      ...(q.minReviews > 1 ? { reviews: { gte: q.minReviews } } : {}),
      user: { hidden: false },
    };
    if (q.metric === "accuracy") return this.accuracyBoard(q, mine);
    const field = q.metric === "xp" ? "xp" : "reviews";
    const top = await this.db.memberPeriod.findMany({
      where: { ...visible, [field]: { gt: 0 } },
      orderBy: [{ [field]: "desc" }, { userId: "asc" }],
      take: q.limit,
      select: { userId: true, xp: true, reviews: true },
    });
    const myValue = mine ? mine[field] : 0;
    const ranked = mine && !mine.user.hidden && myValue > 0 && mine.reviews >= q.minReviews;
    const above = ranked ? await this.db.memberPeriod.count({ where: { ...visible, [field]: { gt: myValue } } }) : 0;
    return {
      top: rankRows(top.map((r) => ({ userId: r.userId, value: r[field] }))),
      me: mine ? { value: myValue, rank: ranked ? above + 1 : null } : null,
    };
  }

  /**
   * A ratio has no index: the database sorts the period's qualifying rows (a few thousand at most)
   * and counts those ahead of the caller, comparing fractions by cross-multiplication so equal
   * ratios tie exactly. Raw SQL because the query builder cannot order by an expression; the same
   * statement runs on SQLite and PostgreSQL.
   */
  private async accuracyBoard(
    q: LeaderboardQuery,
    mine: { reviews: number; correct: number; user: { hidden: boolean } } | null,
  ): Promise<LeaderboardResult> {
    const qualifying = Prisma.sql`
      FROM "MemberPeriod" p JOIN "User" u ON u."id" = p."userId"
      WHERE p."teamId" = ${q.teamId} AND p."period" = ${q.period} AND p."reviews" >= ${q.minReviews} AND u."hidden" = ${false}`;
    const top = await this.db.$queryRaw<{ userId: string; reviews: number | bigint; correct: number | bigint }[]>`
      SELECT p."userId", p."reviews", p."correct" ${qualifying}
      ORDER BY p."correct" * 1.0 / p."reviews" DESC, p."userId" ASC
      LIMIT ${q.limit}`;
    const ranked = mine && !mine.user.hidden && mine.reviews >= q.minReviews;
    let above = 0;
    if (ranked) {
      const [row] = await this.db.$queryRaw<{ above: number | bigint }[]>`
        SELECT COUNT(*) AS "above" ${qualifying} AND p."correct" * ${mine.reviews} > ${mine.correct} * p."reviews"`;
      above = Number(row?.above ?? 0);
    }
    return {
      top: rankRows(top.map((r) => ({ userId: r.userId, value: Number(r.correct) / Number(r.reviews) }))),
      me: mine ? { value: mine.reviews > 0 ? mine.correct / mine.reviews : 0, rank: ranked ? above + 1 : null } : null,
    };
  }

  /** Streaks belong to people, not periods: the team's members by their current streak. */
  private async streakBoard(q: LeaderboardQuery): Promise<LeaderboardResult> {
    const alive = (
      u: StudyDaySource & {
        streakDays: number;
        streakLastDay: string;
        vacationFrom: string | null;
        vacationTo: string | null;
      },
    ) => currentStreak(u, studyDayFor(u, q.now).day, u.vacationFrom && u.vacationTo ? { from: u.vacationFrom, to: u.vacationTo } : null);
    const userFields = {
      streakDays: true,
      streakLastDay: true,
      timeZone: true,
      heldDay: true,
      heldDayFrom: true,
      heldDayUntil: true,
      vacationFrom: true,
      vacationTo: true,
      hidden: true,
    } as const;
    // Only streaks that may still be alive: studied within the last two days (any time zone), or frozen by a vacation.
    const recent = addDays(q.now.toISOString().slice(0, 10), -2);
    const candidates = await this.db.member.findMany({
      where: {
        teamId: q.teamId,
        user: { hidden: false, streakDays: { gt: 0 }, OR: [{ streakLastDay: { gte: recent } }, { vacationTo: { gte: recent } }] },
      },
      orderBy: [{ user: { streakDays: "desc" } }, { userId: "asc" }],
      take: Math.max(q.limit * 5, 50),
      select: { userId: true, user: { select: userFields } },
    });
    const rows = candidates
      .map((m) => ({ userId: m.userId, value: alive(m.user) }))
      .filter((r) => r.value > 0)
      .sort((a, b) => b.value - a.value || (a.userId < b.userId ? -1 : 1));
    const ranked = rankRows(rows);
    const me = await this.db.user.findUnique({ where: { id: q.userId }, select: userFields });
    if (!me) return { top: ranked.slice(0, q.limit), me: null };
    const value = alive(me);
    const listed = ranked.find((r) => r.userId === q.userId);
    const above =
      listed || me.hidden || value === 0
        ? 0
        : await this.db.member.count({
            where: {
              teamId: q.teamId,
              user: { hidden: false, streakDays: { gt: value }, OR: [{ streakLastDay: { gte: recent } }, { vacationTo: { gte: recent } }] },
            },
          });
    return { top: ranked.slice(0, q.limit), me: { value, rank: me.hidden || value === 0 ? null : (listed?.rank ?? above + 1) } };
  }
}
