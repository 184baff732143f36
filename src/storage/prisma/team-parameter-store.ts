// TeamParameterStore and TeamFitJobStore on Prisma: a team's default FSRS parameters, an admin's
// request to fit them, the fitting job's leased claim, and handing the defaults to the members who
// have no parameters of their own.
import { z } from "zod";
import type {
  TeamFitJobStore,
  TeamFitRecord,
  TeamFitResult,
  TeamFitReview,
  TeamParameters,
  TeamParameterStore,
} from "../../core/ports/parameter-store.ts";
import { ratingSchema } from "../../core/scheduler/card-state.ts";
import type { Db } from "../open-database.ts";
import { isUniqueViolation } from "./prisma-errors.ts";
import { fromTeamColumns, personalParameterColumns, teamParameterColumns, toTeamParameters } from "./rows.ts";

const outcomeSchema = z.enum(["adopted", "worse", "too-few", "failed"]).nullable().catch(null);

export class PrismaTeamParameterStore implements TeamParameterStore, TeamFitJobStore {
  private readonly db: Db;

  constructor(db: Db) {
    this.db = db;
  }

  async teamParameters(teamId: string): Promise<TeamParameters | null> {
    const row = await this.db.team.findUnique({
      where: { id: teamId },
      select: { fsrsParameters: true, fsrsReviews: true, fsrsMembers: true, fsrsFittedAt: true, fsrsLogLoss: true },
    });
    return row ? toTeamParameters(row) : null;
  }

  async lastTeamFit(teamId: string): Promise<TeamFitRecord | null> {
    const row = await this.db.teamParameterFit.findUnique({ where: { teamId } });
    if (!row) return null;
    return {
      attemptedAt: row.attemptedAt,
      attemptReviews: row.attemptReviews,
      attemptMembers: row.attemptMembers,
      outcome: outcomeSchema.parse(row.outcome),
      fitLogLoss: row.fitLogLoss,
      currentLogLoss: row.currentLogLoss,
      requestedAt: row.requestedAt,
      requestedBy: row.requestedBy,
    };
  }

  async requestTeamFit(teamId: string, userId: string, now: Date): Promise<boolean> {
    // A plain insert that may find the row there, not an upsert (SQLite connections deadlock on those).
    if (!(await this.db.teamParameterFit.findUnique({ where: { teamId }, select: { teamId: true } }))) {
      try {
        await this.db.teamParameterFit.create({ data: { teamId } });
      } catch (e) {
        if (!isUniqueViolation(e)) throw e;
      }
    }
    const { count } = await this.db.teamParameterFit.updateMany({
      where: { teamId, requestedAt: null },
      data: { requestedAt: now, requestedBy: userId },
    });
    return count === 1;
  }

  async resetTeamParameters(teamId: string): Promise<void> {
    await this.db.$transaction([
      this.db.team.updateMany({ where: { id: teamId }, data: teamParameterColumns(null) }),
      this.db.user.updateMany({ where: { fsrsSource: "team", fsrsTeamId: teamId }, data: personalParameterColumns(null) }),
    ]);
  }

  async dueTeamFits(now: Date, limit: number): Promise<string[]> {
    const rows = await this.db.teamParameterFit.findMany({
      where: { requestedAt: { not: null }, OR: [{ claimedUntil: null }, { claimedUntil: { lt: now } }] },
      orderBy: { requestedAt: "asc" },
      select: { teamId: true },
      take: limit,
    });
    return rows.map((r) => r.teamId);
  }

  async claimTeamFit(teamId: string, now: Date, leaseMs: number): Promise<boolean> {
    const { count } = await this.db.teamParameterFit.updateMany({
      where: { teamId, requestedAt: { not: null }, OR: [{ claimedUntil: null }, { claimedUntil: { lt: now } }] },
      data: { claimedUntil: new Date(now.getTime() + leaseMs) },
    });
    return count === 1;
  }

  async teamReviews(teamId: string, maxReviews: number): Promise<TeamFitReview[]> {
    // Current members' ratings in this team only: what they studied elsewhere is not the team's.
    // Raw SQL for the grouping, which the client type shared by both databases leaves out.
    const counts = await this.db.$queryRaw<{ userId: string; reviews: number | bigint }[]>`
      SELECT r."userId" AS "userId", COUNT(*) AS "reviews"
      FROM "ReviewLog" r JOIN "Member" m ON m."teamId" = r."teamId" AND m."userId" = r."userId"
      WHERE r."teamId" = ${teamId}
      GROUP BY r."userId"`;
    const sized = counts.map((c) => ({ userId: c.userId, reviews: Number(c.reviews) }));
    sized.sort((a, b) => b.reviews - a.reviews || (a.userId < b.userId ? -1 : 1));
    const chosen: string[] = [];
    let total = 0;
    for (const c of sized) {
      if (total + c.reviews > maxReviews) continue;
      chosen.push(c.userId);
      total += c.reviews;
    }
    if (chosen.length === 0) return [];
    const rows = await this.db.reviewLog.findMany({
      where: { teamId, userId: { in: chosen } },
      orderBy: [{ reviewedAt: "asc" }, { id: "asc" }],
      select: { userId: true, itemId: true, reviewedAt: true, rating: true, studyDay: true },
    });
    return rows.map((r) => ({ ...r, rating: ratingSchema.parse(r.rating) }));
  }

  async releaseTeamFit(teamId: string): Promise<void> {
    await this.db.teamParameterFit.updateMany({ where: { teamId }, data: { claimedUntil: null } });
  }

  async finishTeamFit(teamId: string, result: TeamFitResult, now: Date): Promise<void> {
    const adopted = result.adopted;
    await this.db.$transaction([
      this.db.teamParameterFit.update({
        where: { teamId },
        data: {
          attemptedAt: now,
          attemptReviews: result.reviews,
          attemptMembers: result.members,
          outcome: result.outcome,
          fitLogLoss: result.fitLogLoss,
          currentLogLoss: result.currentLogLoss,
          requestedAt: null,
          requestedBy: null,
          claimedUntil: null,
        },
      }),
      ...(adopted
        ? [
            this.db.team.update({ where: { id: teamId }, data: teamParameterColumns(adopted) }),
            // Members with no parameters, or this team's previous ones; personal ones and another team's stay.
            this.db.user.updateMany({
              where: {
                members: { some: { teamId } },
                OR: [{ fsrsParameters: null }, { fsrsSource: "team", fsrsTeamId: teamId }],
              },
              data: fromTeamColumns(teamId, adopted),
            }),
          ]
        : []),
    ]);
  }
}
