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
import { ItemCache } from "./item-cache.ts";

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
  dmTeamId: string | null;
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
    dmTeamId: row.dmTeamId,
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

function prismaCode(e: unknown): unknown {
  return typeof e === "object" && e !== null && "code" in e ? (e as { code: unknown }).code : undefined;
}

export function isRecordNotFound(e: unknown): boolean {
  return prismaCode(e) === "P2025";
}

export function isUniqueViolation(e: unknown): boolean {
  return typeof e === "object" && e !== null && "code" in e && (e as { code: unknown }).code === "P2002";
}

/** How long a membership is trusted without writing it again (lastSeenAt is this precise). */
export const ENTER_REFRESH_MS = 5 * 60_000;

export class PrismaStudyStore implements StudyStore {
  private readonly recentlyEntered = new Map<string, number>();
  readonly itemCache = new ItemCache();

  constructor(private readonly db: Db) {}

  /** An item from the cache, or from the database (then cached). */
  private async item(id: string): Promise<StoredItem | null> {
    const cached = this.itemCache.get(id);
    if (cached) return cached;
    const row = await this.db.item.findUnique({ where: { id } });
    return row ? this.itemCache.put(decodeItem(row)) : null;
  }

  async enter(actor: Actor, defaults: { timeZone: string }, now: Date): Promise<UserProfile> {
    const clientLocale = actor.clientLocale ?? null;
    // Someone active moments ago is already a member: read their settings and skip the three
    // upserts, refreshing lastSeenAt at most every few minutes.
    const key = `${actor.teamId}|${actor.userId}|${clientLocale ?? ""}`;
    const seen = this.recentlyEntered.get(key);
    if (seen !== undefined && now.getTime() - seen < ENTER_REFRESH_MS && now.getTime() >= seen) {
      const row = await this.db.user.findUnique({ where: { id: actor.userId } });
      if (row) return toProfile(row);
    }
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
    if (this.recentlyEntered.size >= 100_000) this.recentlyEntered.clear();
    this.recentlyEntered.set(key, now.getTime());
    return toProfile(user);
  }

  async profile(userId: string): Promise<UserProfile | null> {
    const row = await this.db.user.findUnique({ where: { id: userId } });
    return row ? toProfile(row) : null;
  }

  async loadForReview(userId: string, itemId: string, knownVersion?: number) {
    // A card that has been studied: one joined query for the card and its user.
    if (knownVersion !== undefined && knownVersion > 0) {
      const row = await this.db.cardState.findUnique({ where: { userId_itemId: { userId, itemId } }, include: { user: true } });
      if (row) return { profile: toProfile(row.user), item: await this.item(itemId), card: decodeCard(row) };
    }
    // A card shown as new: its state is not read. Should it have been rated since, the rating's
    // write conflicts with the existing card and is refused as a duplicate.
    if (knownVersion === 0) {
      const user = await this.db.user.findUnique({ where: { id: userId } });
      return { profile: user ? toProfile(user) : null, item: await this.item(itemId), card: null };
    }
    const user = await this.db.user.findUnique({ where: { id: userId }, include: { cards: { where: { itemId } } } });
    const cardRow = user?.cards[0];
    return { profile: user ? toProfile(user) : null, item: await this.item(itemId), card: cardRow ? decodeCard(cardRow) : null };
  }

  async firstScheduledCard(query: CardQuery & { learningOnly?: boolean }) {
    const row = await this.db.cardState.findFirst({
      where: {
        userId: query.userId,
        state: query.learningOnly ? { in: [CARD_STATES.learning, CARD_STATES.relearning] } : { gt: CARD_STATES.new },
        item: visibleItems(query.teamId, query.topic),
      },
      orderBy: { due: "asc" },
    });
    const item = row ? await this.item(row.itemId) : null;
    return row && item ? { item, record: decodeCard(row) } : null;
  }

  async firstNewItem(query: CardQuery) {
    const row = await this.db.item.findFirst({
      where: { ...visibleItems(query.teamId, query.topic), cards: { none: { userId: query.userId } } },
      orderBy: [{ position: "asc" }, { id: "asc" }],
    });
    return row ? { item: this.itemCache.put(decodeItem(row)), record: null } : null;
  }

  async recordReview(w: ReviewWrite): Promise<"recorded" | "duplicate"> {
    const isNew = w.before === null || w.before.state === CARD_STATES.new;
    const isReview = w.before?.state === CARD_STATES.review;
    const card = { ...cardColumns(w.after, w.reviewedAt), version: w.version + 1 };
    // One nested write (Prisma runs it in a transaction): the counters, the review log and the card.
    // The log's unique (user, item, version), and the card's primary key for a new card, refuse a
    // second rating of the same presentation.
    const write = this.db.user.update({
      where: { id: w.userId },
      data: {
        ...(w.countersAreToday
          ? { newToday: { increment: isNew ? 1 : 0 }, reviewsToday: { increment: isReview ? 1 : 0 } }
          : { counterDay: w.studyDay, newToday: isNew ? 1 : 0, reviewsToday: isReview ? 1 : 0 }),
        reviews: {
          create: {
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
        },
        cards:
          w.version === 0
            ? { create: { itemId: w.itemId, ...card } }
            : { update: { where: { userId_itemId: { userId: w.userId, itemId: w.itemId } }, data: card } },
      },
      select: { id: true },
    });
    try {
      if (!w.quizAnswer) {
        await write;
      } else {
        const a = w.quizAnswer;
        await this.db.$transaction([
          write,
          this.db.quizAnswer.create({
            data: { sessionId: a.sessionId, position: a.position, choice: a.choice, correct: a.correct, answeredAt: w.reviewedAt },
            select: { position: true },
          }),
          ...(a.finishes
            ? [this.db.quizSession.update({ where: { id: a.sessionId }, data: { finishedAt: w.reviewedAt }, select: { id: true } })]
            : []),
        ]);
      }
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
    };
  }

  async undoReview(review: ReviewRecord): Promise<"undone" | "conflict"> {
    const isNew = review.before === null || review.before.state === CARD_STATES.new;
    const isReview = review.before?.state === CARD_STATES.review;
    const card = { userId: review.userId, itemId: review.itemId, version: review.version + 1 };
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
    const missing = ids.filter((id) => !this.itemCache.get(id));
    if (missing.length > 0) {
      for (const row of await this.db.item.findMany({ where: { id: { in: missing } } })) this.itemCache.put(decodeItem(row));
    }
    return ids.flatMap((id) => this.itemCache.get(id) ?? []);
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

  async memberships(userId: string): Promise<string[]> {
    const rows = await this.db.member.findMany({ where: { userId }, orderBy: { lastSeenAt: "desc" }, select: { teamId: true }, take: 100 });
    return rows.map((r) => r.teamId);
  }
}
