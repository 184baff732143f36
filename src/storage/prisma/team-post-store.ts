// TeamPostStore on Prisma: when teams' posts are due, and the claims that make each post go out once.
import type { StoredItem, TeamSettings } from "../../core/ports/records.ts";
import type { TeamPostClaim, TeamPostStore } from "../../core/ports/team-post-store.ts";
import { rankRows } from "../../core/leaderboard/leaderboard-service.ts";
import { CARD_STATES } from "../../core/scheduler/card-state.ts";
import type { Db } from "../open-database.ts";
import { isUniqueViolation } from "./prisma-errors.ts";
import { toTeamSettings } from "./rows.ts";

export class PrismaTeamPostStore implements TeamPostStore {
  private readonly db: Db;
  /** Items by id, through the cache the card store keeps (a recap names the topics of missed items). */
  private readonly items: (ids: string[]) => Promise<StoredItem[]>;

  constructor(db: Db, items: (ids: string[]) => Promise<StoredItem[]>) {
    this.db = db;
    this.items = items;
  }

  async dueTeams(kind: "qotd" | "recap", now: Date, limit: number): Promise<(TeamSettings & { dueAt: Date })[]> {
    const field = kind === "qotd" ? "nextQotdAt" : "nextRecapAt";
    const rows = await this.db.team.findMany({ where: { [field]: { lte: now } }, orderBy: { [field]: "asc" }, take: limit });
    return rows.map((r) => ({ ...toTeamSettings(r), dueAt: (kind === "qotd" ? r.nextQotdAt : r.nextRecapAt) as Date }));
  }

  async advanceTeam(kind: "qotd" | "recap", teamId: string, expected: Date, next: Date | null): Promise<void> {
    const field = kind === "qotd" ? "nextQotdAt" : "nextRecapAt";
    await this.db.team.updateMany({ where: { id: teamId, [field]: expected }, data: { [field]: next } });
  }

  async claimTeamPost(c: TeamPostClaim): Promise<"claimed" | "taken" | "done"> {
    try {
      await this.db.teamPost.create({
        data: {
          teamId: c.teamId,
          kind: c.kind,
          key: c.key,
          claimedAt: c.now,
          leaseUntil: c.leaseUntil,
          claimedBy: c.owner,
          payload: c.payload ?? null,
        },
        select: { key: true },
      });
      return "claimed";
    } catch (e) {
      if (!isUniqueViolation(e)) throw e;
    }
    const taken = await this.db.teamPost.updateMany({
      where: { teamId: c.teamId, kind: c.kind, key: c.key, postedAt: null, leaseUntil: { lt: c.now } },
      data: { leaseUntil: c.leaseUntil, claimedBy: c.owner, claimedAt: c.now },
    });
    if (taken.count === 1) return "claimed";
    const row = await this.db.teamPost.findUnique({
      where: { teamId_kind_key: { teamId: c.teamId, kind: c.kind, key: c.key } },
      select: { postedAt: true },
    });
    return row?.postedAt ? "done" : "taken";
  }

  async pendingTeamPosts(kind: string, now: Date, limit: number) {
    return this.db.teamPost.findMany({
      where: { kind, postedAt: null, leaseUntil: { lte: now } },
      orderBy: { claimedAt: "asc" },
      take: limit,
      select: { teamId: true, key: true, payload: true },
    });
  }

  async markTeamPostDone(teamId: string, kind: string, key: string, now: Date): Promise<void> {
    await this.db.teamPost.update({ where: { teamId_kind_key: { teamId, kind, key } }, data: { postedAt: now }, select: { key: true } });
  }

  async weeklyRecap(teamId: string, week: string, from: Date, to: Date) {
    const inWeek = { teamId, reviewedAt: { gte: from, lt: to } };
    const [top, reviews, matureReviews, matureRecalled, missed] = await this.db.$transaction([
      this.db.memberPeriod.findMany({
        where: { teamId, period: week, xp: { gt: 0 }, user: { hidden: false } },
        orderBy: [{ xp: "desc" }, { userId: "asc" }],
        take: 3,
        select: { userId: true, xp: true },
      }),
      this.db.reviewLog.count({ where: inWeek }),
      this.db.reviewLog.count({ where: { ...inWeek, stateBefore: CARD_STATES.review } }),
      this.db.reviewLog.count({ where: { ...inWeek, stateBefore: CARD_STATES.review, rating: { gt: 1 } } }),
      // Raw SQL: a grouping, which the client type shared by both databases leaves out (see database-client.ts).
      this.db.$queryRaw<{ itemId: string; misses: number | bigint }[]>`
        SELECT "itemId", COUNT(*) AS "misses" FROM "ReviewLog"
        WHERE "teamId" = ${teamId} AND "reviewedAt" >= ${from} AND "reviewedAt" < ${to} AND "rating" = 1
        GROUP BY "itemId" ORDER BY COUNT(*) DESC LIMIT 50`,
    ]);
    // The most-missed topic: misses of the most-missed items, counted per topic.
    const byTopic = new Map<string, number>();
    const items = await this.items(missed.map((m) => m.itemId));
    for (const m of missed) {
      const item = items.find((i) => i.id === m.itemId);
      for (const topic of item?.topics ?? []) byTopic.set(topic, (byTopic.get(topic) ?? 0) + Number(m.misses));
    }
    const missedTopic = [...byTopic.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]?.[0] ?? null;
    return { top: rankRows(top.map((r) => ({ userId: r.userId, value: r.xp }))), reviews, matureReviews, matureRecalled, missedTopic };
  }
}
