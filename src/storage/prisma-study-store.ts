// StudyStore on Prisma. Each method is one Prisma call (a batch transaction counts as one), so an
// interaction stays within a handful of round trips.
import type { Actor } from "../core/identity.ts";
import { toLocale } from "../core/i18n/locale.ts";
import type {
  CardQuery,
  QuizRecord,
  ReviewRecord,
  ReviewWrite,
  SettingsPatch,
  StatsQuery,
  StatsRecord,
  StoredItem,
  StudyStore,
  UserProfile,
} from "../core/ports/study-store.ts";
import { CARD_STATES, cardStateFromJson, cardStateToJson, ratingSchema } from "../core/scheduler/card-state.ts";
import { z } from "zod";
import type { Db } from "./open-database.ts";
import { cardColumns, decodeCard, decodeItem } from "./item-codec.ts";

const GRADED_KINDS = ["multiple-choice", "scenario", "true-false"];
const reviewSourceSchema = z.enum(["study", "quiz", "qotd"]);

interface UserRow {
  id: string;
  locale: string | null;
  clientLocale: string | null;
  timeZone: string;
  desiredRetention: number;
  newPerDay: number;
  reviewsPerDay: number;
  counterDay: string;
  newToday: number;
  reviewsToday: number;
}

function toProfile(row: UserRow): UserProfile {
  return {
    id: row.id,
    locale: toLocale(row.locale) ?? null,
    clientLocale: toLocale(row.clientLocale) ?? null,
    timeZone: row.timeZone,
    desiredRetention: row.desiredRetention,
    newPerDay: row.newPerDay,
    reviewsPerDay: row.reviewsPerDay,
    counterDay: row.counterDay,
    newToday: row.newToday,
    reviewsToday: row.reviewsToday,
  };
}

/** Items a team can see, optionally in one topic, never retired ones. */
function visibleItems(teamId: string, topic: string | undefined) {
  return {
    retiredAt: null,
    OR: [{ teamId: null }, { teamId }],
    ...(topic ? { topics: { some: { topic } } } : {}),
  };
}

export function isUniqueViolation(e: unknown): boolean {
  return typeof e === "object" && e !== null && "code" in e && (e as { code: unknown }).code === "P2002";
}

export class PrismaStudyStore implements StudyStore {
  constructor(private readonly db: Db) {}

  async enter(actor: Actor, defaults: { timeZone: string }, now: Date): Promise<UserProfile> {
    const clientLocale = actor.clientLocale ?? null;
    const [, user] = await this.db.$transaction([
      this.db.team.upsert({
        where: { id: actor.teamId },
        create: { id: actor.teamId, timeZone: defaults.timeZone, createdAt: now },
        update: {},
      }),
      this.db.user.upsert({
        where: { id: actor.userId },
        create: { id: actor.userId, timeZone: defaults.timeZone, clientLocale, createdAt: now },
        update: clientLocale ? { clientLocale } : {},
      }),
      this.db.member.upsert({
        where: { teamId_userId: { teamId: actor.teamId, userId: actor.userId } },
        create: { teamId: actor.teamId, userId: actor.userId, joinedAt: now, lastSeenAt: now },
        update: { lastSeenAt: now },
      }),
    ]);
    return toProfile(user);
  }

  async profile(userId: string): Promise<UserProfile | null> {
    const row = await this.db.user.findUnique({ where: { id: userId } });
    return row ? toProfile(row) : null;
  }

  async loadForReview(userId: string, itemId: string, knownVersion?: number) {
    // A card that has been studied: one joined query for the card, its user and its item.
    if (knownVersion !== undefined && knownVersion > 0) {
      const row = await this.db.cardState.findUnique({ where: { userId_itemId: { userId, itemId } }, include: { user: true, item: true } });
      if (row) return { profile: toProfile(row.user), item: decodeItem(row.item), card: decodeCard(row) };
    }
    const [user, item] = await this.db.$transaction([
      this.db.user.findUnique({ where: { id: userId } }),
      this.db.item.findUnique({ where: { id: itemId }, include: { cards: { where: { userId } } } }),
    ]);
    const cardRow = item?.cards[0];
    return { profile: user ? toProfile(user) : null, item: item ? decodeItem(item) : null, card: cardRow ? decodeCard(cardRow) : null };
  }

  async firstScheduledCard(query: CardQuery & { learningOnly?: boolean }) {
    const row = await this.db.cardState.findFirst({
      where: {
        userId: query.userId,
        state: query.learningOnly ? { in: [CARD_STATES.learning, CARD_STATES.relearning] } : { gt: CARD_STATES.new },
        item: visibleItems(query.teamId, query.topic),
      },
      orderBy: { due: "asc" },
      include: { item: true },
    });
    return row ? { item: decodeItem(row.item), record: decodeCard(row) } : null;
  }

  async firstNewItem(query: CardQuery) {
    const row = await this.db.item.findFirst({
      where: { ...visibleItems(query.teamId, query.topic), cards: { none: { userId: query.userId, state: { gt: CARD_STATES.new } } } },
      orderBy: [{ position: "asc" }, { id: "asc" }],
      include: { cards: { where: { userId: query.userId } } },
    });
    if (!row) return null;
    const card = row.cards[0];
    return { item: decodeItem(row), record: card ? decodeCard(card) : null };
  }

  async recordReview(w: ReviewWrite): Promise<"recorded" | "duplicate"> {
    const isNew = w.before === null || w.before.state === CARD_STATES.new;
    const isReview = w.before?.state === CARD_STATES.review;
    const card = { ...cardColumns(w.after, w.reviewedAt), version: w.version + 1 };
    const ops = [
      this.db.reviewLog.create({
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
        },
      }),
      w.version === 0
        ? this.db.cardState.create({ data: { userId: w.userId, itemId: w.itemId, ...card } })
        : this.db.cardState.update({ where: { userId_itemId: { userId: w.userId, itemId: w.itemId } }, data: card }),
      this.db.user.update({
        where: { id: w.userId },
        data: w.countersAreToday
          ? { newToday: { increment: isNew ? 1 : 0 }, reviewsToday: { increment: isReview ? 1 : 0 } }
          : { counterDay: w.studyDay, newToday: isNew ? 1 : 0, reviewsToday: isReview ? 1 : 0 },
      }),
      ...(w.quizAnswer
        ? [
            this.db.quizAnswer.create({
              data: {
                sessionId: w.quizAnswer.sessionId,
                position: w.quizAnswer.position,
                choice: w.quizAnswer.choice,
                correct: w.quizAnswer.correct,
                answeredAt: w.reviewedAt,
              },
            }),
            ...(w.quizAnswer.finishes
              ? [this.db.quizSession.update({ where: { id: w.quizAnswer.sessionId }, data: { finishedAt: w.reviewedAt } })]
              : []),
          ]
        : []),
    ];
    try {
      await this.db.$transaction(ops);
      return "recorded";
    } catch (e) {
      if (isUniqueViolation(e)) return "duplicate";
      throw e;
    }
  }

  async lastReview(userId: string): Promise<ReviewRecord | null> {
    const row = await this.db.reviewLog.findFirst({ where: { userId }, orderBy: [{ reviewedAt: "desc" }, { id: "desc" }] });
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
    };
  }

  async undoReview(review: ReviewRecord): Promise<"undone" | "conflict"> {
    const isNew = review.before === null || review.before.state === CARD_STATES.new;
    const isReview = review.before?.state === CARD_STATES.review;
    return this.db.$transaction(async (tx) => {
      const restored = await tx.cardState.updateMany({
        where: { userId: review.userId, itemId: review.itemId, version: review.version + 1 },
        data: { ...cardColumns(review.before, review.reviewedAt), version: review.version + 2 },
      });
      if (restored.count !== 1) return "conflict";
      await tx.reviewLog.delete({ where: { id: review.id } });
      await tx.user.updateMany({
        where: { id: review.userId, counterDay: review.studyDay },
        data: { newToday: { decrement: isNew ? 1 : 0 }, reviewsToday: { decrement: isReview ? 1 : 0 } },
      });
      return "undone";
    });
  }

  async gradedItems(query: CardQuery) {
    const rows = await this.db.item.findMany({
      where: { ...visibleItems(query.teamId, query.topic), kind: { in: GRADED_KINDS } },
      orderBy: [{ position: "asc" }, { id: "asc" }],
      include: { cards: { where: { userId: query.userId } } },
    });
    return rows.map((row) => {
      const card = row.cards[0];
      return { item: decodeItem(row), record: card ? decodeCard(card) : null };
    });
  }

  async createQuiz(quiz: Omit<QuizRecord, "answers" | "finishedAt">): Promise<void> {
    await this.db.quizSession.create({
      data: {
        id: quiz.id,
        userId: quiz.userId,
        teamId: quiz.teamId,
        topic: quiz.topic,
        itemIds: JSON.stringify(quiz.itemIds),
        createdAt: quiz.createdAt,
      },
    });
  }

  async loadQuiz(sessionId: string): Promise<QuizRecord | null> {
    const row = await this.db.quizSession.findUnique({ where: { id: sessionId }, include: { answers: { orderBy: { position: "asc" } } } });
    if (!row) return null;
    const itemIds = z.array(z.string()).min(1).safeParse(JSON.parse(row.itemIds));
    if (!itemIds.success) throw new Error(`quiz ${row.id} has an invalid item list`);
    return {
      id: row.id,
      userId: row.userId,
      teamId: row.teamId,
      topic: row.topic,
      itemIds: itemIds.data,
      createdAt: row.createdAt,
      finishedAt: row.finishedAt,
      answers: row.answers.map((a) => ({ position: a.position, choice: a.choice, correct: a.correct })),
    };
  }

  async items(ids: string[]): Promise<StoredItem[]> {
    const rows = await this.db.item.findMany({ where: { id: { in: ids } } });
    const byId = new Map(rows.map((r) => [r.id, decodeItem(r)]));
    return ids.flatMap((id) => byId.get(id) ?? []);
  }

  async stats(q: StatsQuery): Promise<StatsRecord> {
    const studied = { userId: q.userId, state: { gt: CARD_STATES.new }, item: visibleItems(q.teamId, undefined) };
    const [dueNow, dueToday, reviewedToday, matureReviews, matureRecalled, days, totalCards] = await this.db.$transaction([
      this.db.cardState.count({ where: { ...studied, due: { lte: q.now } } }),
      this.db.cardState.count({ where: { ...studied, due: { lt: q.dayEnd } } }),
      this.db.reviewLog.count({ where: { userId: q.userId, reviewedAt: { gte: q.dayStart } } }),
      this.db.reviewLog.count({ where: { userId: q.userId, reviewedAt: { gte: q.retentionSince }, stateBefore: CARD_STATES.review } }),
      this.db.reviewLog.count({
        where: { userId: q.userId, reviewedAt: { gte: q.retentionSince }, stateBefore: CARD_STATES.review, rating: { gt: 1 } },
      }),
      this.db.reviewLog.groupBy({ by: ["studyDay"], where: { userId: q.userId }, orderBy: { studyDay: "desc" }, take: 400 }),
      this.db.cardState.count({ where: studied }),
    ]);
    return { dueNow, dueToday, reviewedToday, matureReviews, matureRecalled, studyDays: days.map((d) => d.studyDay), totalCards };
  }

  async topicCounts(teamId: string): Promise<Map<string, number>> {
    const rows = await this.db.itemTopic.groupBy({
      by: ["topic"],
      where: { item: { retiredAt: null, OR: [{ teamId: null }, { teamId }] } },
      _count: { _all: true },
    });
    return new Map(rows.map((r) => [r.topic, r._count._all]));
  }

  async updateSettings(userId: string, patch: SettingsPatch): Promise<UserProfile> {
    return toProfile(await this.db.user.update({ where: { id: userId }, data: patch }));
  }
}
