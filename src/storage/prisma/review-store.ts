// ReviewStore on Prisma: the one write every rating goes through, and undoing it.
import { z } from "zod";
import type { ReviewRecord, ReviewStore, ReviewWrite } from "../../core/ports/review-store.ts";
import { CARD_STATES, cardStateFromJson, cardStateToJson, ratingSchema } from "../../core/scheduler/card-state.ts";
import type { Prisma } from "../../generated/sqlite/client.ts";
import { cardColumns } from "../item-codec.ts";
import type { Db } from "../open-database.ts";
import { isRecordNotFound, isUniqueViolation } from "./prisma-errors.ts";

const reviewSourceSchema = z.enum(["study", "quiz", "qotd"]);
const userSnapshotSchema = z.object({
  streakDays: z.number().int(),
  streakLastDay: z.string(),
  bestStreak: z.number().int(),
  lastReviewAt: z.string().nullable(),
});

const periodKeysSchema = z.array(z.string());

export class PrismaReviewStore implements ReviewStore {
  private readonly db: Db;

  constructor(db: Db) {
    this.db = db;
  }

  async recordReview(w: ReviewWrite): Promise<"recorded" | "duplicate"> {
    const isNew = w.before === null || w.before.state === CARD_STATES.new;
    const isReview = w.before?.state === CARD_STATES.review;
    const card = { ...cardColumns(w.after, w.reviewedAt), version: w.version + 1 };
    const e = w.effects;
    const counters = w.countersAreToday
      ? { newToday: { increment: isNew ? 1 : 0 }, reviewsToday: { increment: isReview ? 1 : 0 }, xpToday: { increment: e.xp } }
      : { counterDay: w.studyDay, newToday: isNew ? 1 : 0, reviewsToday: isReview ? 1 : 0, xpToday: e.xp };
    // One batch transaction of plain writes: the counters, streak and XP, the review log, the card,
    // and what else the review completes. The log names the leaderboard periods it counts in and a
    // trigger adds it to them (see the migration review_log_periods): that is one statement fewer
    // through Prisma, and no raw statement in the batch, whose values Prisma would key its plan
    // cache on (a compilation and a new cache entry per rating). The log's unique (user, item,
    // version), and the card's primary key for a new card, refuse a second rating of the same
    // presentation, and the whole batch rolls back. Nothing here depends on a read, so no
    // interactive transaction is needed (measured: each statement costs about 0.1 ms more inside
    // one, and opening it another 0.1 ms). Nested writes are not used: combined with increments
    // they rewrote the whole user row with stale values.
    const db = this.db;
    const writes: Prisma.PrismaPromise<unknown>[] = [
      db.user.update({
        where: { id: w.userId },
        data: { ...counters, ...e.streak, lastReviewAt: w.reviewedAt },
        select: { id: true },
      }),
      db.reviewLog.create({
        data: {
          userId: w.userId,
          itemId: w.itemId,
          teamId: w.teamId,
          version: w.version,
          rating: w.rating,
          source: w.source,
          reviewedAt: w.reviewedAt,
          studyDay: w.studyDay,
          stateBefore: w.before?.state ?? CARD_STATES.new,
          before: w.before ? cardStateToJson(w.before) : null,
          after: cardStateToJson(w.after),
          xp: e.xp,
          userBefore: JSON.stringify(e.userBefore),
          periods: JSON.stringify(e.periods),
        },
        select: { id: true },
      }),
      w.version === 0
        ? db.cardState.create({ data: { userId: w.userId, itemId: w.itemId, ...card }, select: { version: true } })
        : db.cardState.update({
            where: { userId_itemId: { userId: w.userId, itemId: w.itemId } },
            data: card,
            select: { version: true },
          }),
    ];
    if (w.quizAnswer) {
      writes.push(
        db.quizAnswer.create({
          data: {
            sessionId: w.quizAnswer.sessionId,
            position: w.quizAnswer.position,
            choice: w.quizAnswer.choice,
            correct: w.quizAnswer.correct,
            answeredAt: w.reviewedAt,
          },
          select: { position: true },
        }),
      );
      if (w.quizAnswer.finishes) {
        writes.push(
          db.quizSession.update({ where: { id: w.quizAnswer.sessionId }, data: { finishedAt: w.reviewedAt }, select: { id: true } }),
        );
      }
    }
    if (w.qotdAnswer) {
      writes.push(
        db.qotdAnswer.create({
          data: {
            qotdId: w.qotdAnswer.qotdId,
            userId: w.userId,
            choice: w.qotdAnswer.choice,
            correct: w.qotdAnswer.correct,
            answeredAt: w.reviewedAt,
          },
          select: { qotdId: true },
        }),
      );
    }
    if (e.milestone) {
      writes.push(
        db.teamPost.createMany({
          data: [
            {
              teamId: w.teamId,
              kind: "milestone",
              key: `${w.userId}:${e.milestone}:${w.studyDay}`,
              claimedAt: w.reviewedAt,
              leaseUntil: w.reviewedAt,
              payload: JSON.stringify({ userId: w.userId, days: e.milestone }),
            },
          ],
        }),
      );
    }
    try {
      await db.$transaction(writes);
      return "recorded";
    } catch (e) {
      // P2025: the card was removed meanwhile (its first rating undone): this presentation is stale too.
      if (isUniqueViolation(e) || isRecordNotFound(e)) return "duplicate";
      throw e;
    }
  }

  async lastReview(userId: string, target?: { itemId: string; version: number }): Promise<ReviewRecord | null> {
    const row = target
      ? await this.db.reviewLog.findUnique({ where: { userId_itemId_version: { userId, itemId: target.itemId, version: target.version } } })
      : await this.db.reviewLog.findFirst({ where: { userId }, orderBy: [{ reviewedAt: "desc" }, { id: "desc" }] });
    if (!row) return null;
    return {
      id: row.id,
      userId: row.userId,
      teamId: row.teamId,
      itemId: row.itemId,
      version: row.version,
      rating: ratingSchema.parse(row.rating),
      source: reviewSourceSchema.parse(row.source),
      reviewedAt: row.reviewedAt,
      studyDay: row.studyDay,
      before: row.before ? cardStateFromJson(row.before) : null,
      after: cardStateFromJson(row.after),
      xp: row.xp,
      userBefore: row.userBefore ? userSnapshotSchema.parse(JSON.parse(row.userBefore)) : null,
      periods: row.periods ? periodKeysSchema.parse(JSON.parse(row.periods)) : null,
    };
  }

  async undoReview(review: ReviewRecord, periods: string[]): Promise<"undone" | "conflict"> {
    const isNew = review.before === null || review.before.state === CARD_STATES.new;
    const isReview = review.before?.state === CARD_STATES.review;
    const card = { userId: review.userId, itemId: review.itemId, version: review.version + 1 };
    const snapshot = review.userBefore;
    return this.db.$transaction(async (tx) => {
      // Only if nothing changed the card since: its version is still the one this review produced.
      const restored = isNew
        ? await tx.cardState.deleteMany({ where: card })
        : await tx.cardState.updateMany({
            where: card,
            data: { ...cardColumns(review.before, review.reviewedAt), version: review.version + 2 },
          });
      if (restored.count !== 1) return "conflict";
      await tx.reviewLog.delete({ where: { id: review.id } });
      await tx.user.updateMany({
        where: { id: review.userId, counterDay: review.studyDay },
        data: { newToday: { decrement: isNew ? 1 : 0 }, reviewsToday: { decrement: isReview ? 1 : 0 }, xpToday: { decrement: review.xp } },
      });
      if (snapshot) {
        await tx.user.update({
          where: { id: review.userId },
          data: {
            streakDays: snapshot.streakDays,
            streakLastDay: snapshot.streakLastDay,
            bestStreak: snapshot.bestStreak,
            lastReviewAt: snapshot.lastReviewAt ? new Date(snapshot.lastReviewAt) : null,
          },
        });
      }
      await tx.memberPeriod.updateMany({
        where: { teamId: review.teamId, userId: review.userId, period: { in: periods } },
        data: { xp: { decrement: review.xp }, reviews: { decrement: 1 }, correct: { decrement: review.rating > 1 ? 1 : 0 } },
      });
      return "undone";
    });
  }
}
