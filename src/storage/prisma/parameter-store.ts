// ParameterStore and FitJobStore on Prisma: the last fit of a person's FSRS parameters, requests,
// and the fitting job's leased claims (one fit of a person at a time across instances).
import { z } from "zod";
import type { FitJobStore, FitRecord, FitResult, FitReview, ParameterStore } from "../../core/ports/parameter-store.ts";
import { ratingSchema } from "../../core/scheduler/card-state.ts";
import type { Db } from "../open-database.ts";
import { isUniqueViolation } from "./prisma-errors.ts";
import { personalParameterColumns } from "./rows.ts";

const WEEK_MS = 7 * 86_400_000;
const DAY_MS = 86_400_000;
const outcomeSchema = z.enum(["adopted", "worse", "too-few", "failed"]).nullable().catch(null);

export class PrismaParameterStore implements ParameterStore, FitJobStore {
  private readonly db: Db;

  constructor(db: Db) {
    this.db = db;
  }

  async lastFit(userId: string): Promise<FitRecord | null> {
    const row = await this.db.parameterFit.findUnique({ where: { userId } });
    if (!row) return null;
    return {
      attemptedAt: row.attemptedAt,
      attemptReviews: row.attemptReviews,
      outcome: outcomeSchema.parse(row.outcome),
      fitLogLoss: row.fitLogLoss,
      currentLogLoss: row.currentLogLoss,
      requestedAt: row.requestedAt,
    };
  }

  async requestFit(userId: string, now: Date): Promise<boolean> {
    await this.ensureRow(userId);
    const { count } = await this.db.parameterFit.updateMany({ where: { userId, requestedAt: null }, data: { requestedAt: now } });
    return count === 1;
  }

  /**
   * The person's row, created when missing; two instances may both try at once and one then finds it
   * there. A plain insert, not an upsert: SQLite runs an upsert as a read-then-write transaction,
   * which two connections deadlock on.
   */
  private async ensureRow(userId: string): Promise<void> {
    if (await this.db.parameterFit.findUnique({ where: { userId }, select: { userId: true } })) return;
    try {
      await this.db.parameterFit.create({ data: { userId } });
    } catch (e) {
      if (!isUniqueViolation(e)) throw e;
    }
  }

  async dueFits(now: Date, minNewReviews: number, limit: number): Promise<string[]> {
    const free = { OR: [{ claimedUntil: null }, { claimedUntil: { lt: now } }] };
    const requested = await this.db.parameterFit.findMany({
      where: { requestedAt: { not: null }, ...free },
      orderBy: { requestedAt: "asc" },
      select: { userId: true },
      take: limit,
    });
    const due = requested.map((r) => r.userId);
    const weekAgo = new Date(now.getTime() - WEEK_MS);
    const dayAgo = new Date(now.getTime() - DAY_MS);
    const candidates = await this.db.user.findMany({
      where: {
        lastReviewAt: { not: null },
        OR: [
          { parameterFit: null },
          {
            parameterFit: {
              ...free,
              OR: [{ attemptedAt: null }, { attemptedAt: { lte: weekAgo } }],
              AND: [{ OR: [{ checkedAt: null }, { checkedAt: { lte: dayAgo } }] }],
            },
          },
        ],
      },
      select: { id: true, parameterFit: { select: { attemptedAt: true } } },
      orderBy: { id: "asc" },
      take: limit * 4,
    });
    for (const c of candidates) {
      if (due.length >= limit) break;
      if (due.includes(c.id)) continue;
      const since = c.parameterFit?.attemptedAt;
      const fresh = await this.db.reviewLog.count({ where: { userId: c.id, ...(since ? { reviewedAt: { gt: since } } : {}) } });
      if (fresh >= minNewReviews) due.push(c.id);
      else {
        await this.ensureRow(c.id);
        await this.db.parameterFit.update({ where: { userId: c.id }, data: { checkedAt: now } });
      }
    }
    return due;
  }

  async claimFit(userId: string, now: Date, leaseMs: number): Promise<boolean> {
    await this.ensureRow(userId);
    const weekAgo = new Date(now.getTime() - WEEK_MS);
    const { count } = await this.db.parameterFit.updateMany({
      where: {
        userId,
        OR: [{ claimedUntil: null }, { claimedUntil: { lt: now } }],
        AND: [{ OR: [{ requestedAt: { not: null } }, { attemptedAt: null }, { attemptedAt: { lte: weekAgo } }] }],
      },
      data: { claimedUntil: new Date(now.getTime() + leaseMs) },
    });
    return count === 1;
  }

  async reviews(userId: string): Promise<FitReview[]> {
    const rows = await this.db.reviewLog.findMany({
      where: { userId },
      orderBy: [{ reviewedAt: "asc" }, { id: "asc" }],
      select: { itemId: true, reviewedAt: true, rating: true, studyDay: true },
    });
    return rows.map((r) => ({ itemId: r.itemId, reviewedAt: r.reviewedAt, rating: ratingSchema.parse(r.rating), studyDay: r.studyDay }));
  }

  async releaseFit(userId: string): Promise<void> {
    await this.db.parameterFit.updateMany({ where: { userId }, data: { claimedUntil: null } });
  }

  async finishFit(userId: string, result: FitResult, now: Date): Promise<void> {
    await this.db.$transaction([
      this.db.parameterFit.update({
        where: { userId },
        data: {
          attemptedAt: now,
          attemptReviews: result.reviews,
          outcome: result.outcome,
          fitLogLoss: result.fitLogLoss,
          currentLogLoss: result.currentLogLoss,
          requestedAt: null,
          checkedAt: null,
          claimedUntil: null,
        },
      }),
      ...(result.adopted ? [this.db.user.update({ where: { id: userId }, data: personalParameterColumns(result.adopted) })] : []),
    ]);
  }
}
