// StudyStore on Prisma. Each method is one Prisma call (a batch transaction counts as one), so an
// interaction stays within a handful of round trips.
import type { Actor } from "../core/identity.ts";
import { toLocale } from "../core/i18n/locale.ts";
import type {
  CardQuery,
  QuizRecord,
  ReminderClaim,
  ReminderFinish,
  ReviewRecord,
  ReviewWrite,
  SettingsPatch,
  StatsQuery,
  StatsRecord,
  StoredItem,
  StudyStore,
  ForgetCounts,
  ImportCounts,
  ReviewHistoryRow,
  TeamDeckSummary,
  QotdRecord,
  ReminderPatch,
  TeamPatch,
  LeaderboardQuery,
  LeaderboardResult,
  TeamSettings,
  UserProfile,
} from "../core/ports/study-store.ts";
import { CARD_STATES, cardStateFromJson, cardStateToJson, ratingSchema, type CardState } from "../core/scheduler/card-state.ts";
import { z } from "zod";
import { Prisma } from "../generated/sqlite/client.ts";
import type { Db } from "./open-database.ts";
import { cardColumns, decodeCard, decodeItem } from "./item-codec.ts";
import { ItemCache } from "./item-cache.ts";
import { syncTeamDeck } from "./content-sync.ts";
import { firstNewRow, firstScheduledRow, reviewedSiblings } from "./card-selection.ts";
import type { Item } from "../core/deck/item.ts";
import { rankRows } from "../core/leaderboard/leaderboard-service.ts";
import { QOTD_RESULTS_POST } from "../core/qotd/qotd-service.ts";
import { currentStreak } from "../core/stats/streak.ts";
import { studyDayFor, type StudyDaySource } from "../core/time/study-day.ts";
import { addDays } from "../core/time/zoned-time.ts";

const GRADED_KINDS = ["multiple-choice", "scenario", "true-false"];
const reviewSourceSchema = z.enum(["study", "quiz", "qotd"]);
const userSnapshotSchema = z.object({
  streakDays: z.number().int(),
  streakLastDay: z.string(),
  bestStreak: z.number().int(),
  lastReviewAt: z.string().nullable(),
});

type UserRow = NonNullable<Awaited<ReturnType<Db["user"]["findUnique"]>>>;

const periodKeysSchema = z.array(z.string());

const remindWhenSchema = z.enum(["due", "not-studied"]);

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
    hidden: row.hidden,
    xpToday: row.xpToday,
    lastReviewAt: row.lastReviewAt,
    streakDays: row.streakDays,
    streakLastDay: row.streakLastDay,
    bestStreak: row.bestStreak,
    remindMinute: row.remindMinute,
    remindWhen: remindWhenSchema.catch("due").parse(row.remindWhen),
    remindTeamId: row.remindTeamId,
    nextReminderAt: row.nextReminderAt,
    nextReminderDay: row.nextReminderDay,
    nextReminderSlot: row.nextReminderSlot,
    remindersPaused: row.remindersPaused,
    pendingNotice: row.pendingNotice,
    vacationUntil: row.vacationUntil,
    vacationFrom: row.vacationFrom,
    vacationTo: row.vacationTo,
    heldDay: row.heldDay,
    heldDayFrom: row.heldDayFrom,
    heldDayUntil: row.heldDayUntil,
  };
}

type TeamRow = NonNullable<Awaited<ReturnType<Db["team"]["findUnique"]>>>;

export function toTeamSettings(row: TeamRow): TeamSettings {
  const admins = z.array(z.string()).catch([]).parse(safeJson(row.adminIds));
  return {
    id: row.id,
    timeZone: row.timeZone,
    locale: toLocale(row.locale) ?? "en",
    channelId: row.channelId,
    qotdMinute: row.qotdMinute,
    recapEnabled: row.recapEnabled,
    milestones: row.milestones,
    adminIds: admins,
  };
}

type QotdRow = NonNullable<Awaited<ReturnType<Db["questionOfDay"]["findUnique"]>>>;

function toQotd(r: QotdRow): QotdRecord {
  return {
    id: r.id,
    teamId: r.teamId,
    day: r.day,
    itemId: r.itemId,
    channelId: r.channelId,
    messageRef: r.messageRef,
    postedAt: r.postedAt,
    closesAt: r.closesAt,
    closedAt: r.closedAt,
  };
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
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
  return typeof e === "object" && e !== null && "code" in e ? e.code : undefined;
}

export function isRecordNotFound(e: unknown): boolean {
  return prismaCode(e) === "P2025";
}

export function isUniqueViolation(e: unknown): boolean {
  return typeof e === "object" && e !== null && "code" in e && e.code === "P2002";
}

/** How long a membership is trusted without writing it again (lastSeenAt is this precise). */
export const ENTER_REFRESH_MS = 5 * 60_000;
export const TEAM_SETTINGS_TTL_MS = 60_000;

/** Rows per multi-row claim: 7 parameters each, well under SQLite's and PostgreSQL's limits. */
const CLAIMS_PER_STATEMENT = 500;

export class PrismaStudyStore implements StudyStore {
  private readonly recentlyEntered = new Map<string, number>();
  readonly itemCache = new ItemCache();
  private readonly teams = new Map<string, { settings: TeamSettings; at: number }>();

  private readonly db: Db;

  constructor(db: Db) {
    this.db = db;
  }

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
    const upserts = () =>
      this.db.$transaction([
        this.db.team.upsert({
          where: { id: actor.teamId },
          // A new team starts in its first member's language, as in their time zone (admins change both with /team).
          create: { id: actor.teamId, timeZone: defaults.timeZone, locale: clientLocale ?? "en", createdAt: now },
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
    let user;
    try {
      [, user] = await upserts();
    } catch (e) {
      // Two first interactions at once (two people in a new team, one person's double click) can
      // both try to insert the same row: the loser finds it there on a second try.
      if (!isUniqueViolation(e)) throw e;
      [, user] = await upserts();
    }
    if (this.recentlyEntered.size >= 100_000) this.recentlyEntered.clear();
    this.recentlyEntered.set(key, now.getTime());
    return toProfile(user);
  }

  /** Team settings change rarely (an admin command): trusted for a minute, dropped at once when changed here. */
  async teamSettings(teamId: string): Promise<TeamSettings> {
    const cached = this.teams.get(teamId);
    if (cached && Date.now() - cached.at < TEAM_SETTINGS_TTL_MS) return cached.settings;
    const row = await this.db.team.findUnique({ where: { id: teamId } });
    const settings: TeamSettings = row
      ? toTeamSettings(row)
      : {
          id: teamId,
          timeZone: "UTC",
          locale: "en" as const,
          channelId: null,
          qotdMinute: null,
          recapEnabled: true,
          milestones: false,
          adminIds: [],
        };
    if (this.teams.size > 10_000) this.teams.clear();
    this.teams.set(teamId, { settings, at: Date.now() });
    return settings;
  }

  forgetTeamSettings(teamId: string): void {
    this.teams.delete(teamId);
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
    const row = await firstScheduledRow(this.db, query);
    const item = row ? await this.item(row.itemId) : null;
    return row && item ? { item, record: decodeCard(row) } : null;
  }

  async firstNewItem(query: CardQuery) {
    const row = await firstNewRow(this.db, query);
    return row ? { item: this.itemCache.put(decodeItem(row)), record: null } : null;
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

  async gradedItems(query: CardQuery) {
    const [rows, reviewed] = await Promise.all([
      this.db.item.findMany({
        where: { ...visibleItems(query.teamId, query.topic), kind: { in: GRADED_KINDS } },
        orderBy: [{ position: "asc" }, { id: "asc" }],
        include: { cards: { where: { userId: query.userId } } },
      }),
      query.dayStart ? reviewedSiblings(this.db, query.userId, query.dayStart) : [],
    ]);
    // Buried: another item of its sibling group was reviewed today.
    const buried = (row: { id: string; siblingGroup: string | null }) =>
      row.siblingGroup !== null && reviewed.some((r) => r.group === row.siblingGroup && r.itemId !== row.id);
    const kept = rows.filter((row) => !buried(row));
    return kept.map((row) => {
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
    const [dueNow, dueToday, reviewedToday, matureReviews, matureRecalled, totalCards] = await this.db.$transaction([
      this.db.cardState.count({ where: { ...studied, due: { lte: q.now } } }),
      this.db.cardState.count({ where: { ...studied, due: { lt: q.dayEnd } } }),
      this.db.reviewLog.count({ where: { userId: q.userId, reviewedAt: { gte: q.dayStart } } }),
      this.db.reviewLog.count({ where: { userId: q.userId, reviewedAt: { gte: q.retentionSince }, stateBefore: CARD_STATES.review } }),
      this.db.reviewLog.count({
        where: { userId: q.userId, reviewedAt: { gte: q.retentionSince }, stateBefore: CARD_STATES.review, rating: { gt: 1 } },
      }),
      this.db.cardState.count({ where: studied }),
    ]);
    return { dueNow, dueToday, reviewedToday, matureReviews, matureRecalled, totalCards };
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

  // ---- Reminders and vacations

  async updateReminder(userId: string, patch: ReminderPatch): Promise<UserProfile> {
    return toProfile(await this.db.user.update({ where: { id: userId }, data: patch }));
  }

  async dueReminders(now: Date, limit: number): Promise<UserProfile[]> {
    const rows = await this.db.user.findMany({
      where: { nextReminderAt: { lte: now }, remindMinute: { not: null } },
      orderBy: { nextReminderAt: "asc" },
      take: limit,
    });
    return rows.map(toProfile);
  }

  async claimReminder(c: { userId: string; day: string; slot: number; now: Date; leaseUntil: Date; owner: string }) {
    const [answer] = await this.claimReminders([c], c);
    return answer ?? { status: "taken" as const };
  }

  async claimReminders(
    claims: { userId: string; day: string; slot: number }[],
    lease: { now: Date; leaseUntil: Date; owner: string },
  ): Promise<ReminderClaim[]> {
    const key = (c: { userId: string; day: string; slot: number }) => `${c.userId}|${c.day}|${c.slot}`;
    const won = new Map<string, number>();
    // One statement per batch, the same on SQLite and PostgreSQL: a new row is claimed; an existing
    // one is taken over only if it was never sent and its lease ran out (its sender died or failed),
    // and RETURNING names exactly the rows this instance won. A key given twice is claimed once.
    const distinct = [...new Map(claims.map((c) => [key(c), c])).values()];
    for (let i = 0; i < distinct.length; i += CLAIMS_PER_STATEMENT) {
      const rows = distinct
        .slice(i, i + CLAIMS_PER_STATEMENT)
        .map((c) => Prisma.sql`(${c.userId}, ${c.day}, ${c.slot}, ${lease.now}, ${lease.leaseUntil}, ${lease.owner}, 1)`);
      const claimed = await this.db.$queryRaw<{ userId: string; day: string; slot: number | bigint; attempts: number | bigint }[]>`
        INSERT INTO "ReminderDelivery" ("userId", "day", "slot", "claimedAt", "leaseUntil", "claimedBy", "attempts")
        VALUES ${Prisma.join(rows)}
        ON CONFLICT ("userId", "day", "slot") DO UPDATE SET
          "claimedAt" = excluded."claimedAt",
          "leaseUntil" = excluded."leaseUntil",
          "claimedBy" = excluded."claimedBy",
          "attempts" = "ReminderDelivery"."attempts" + 1
        WHERE "ReminderDelivery"."sentAt" IS NULL AND "ReminderDelivery"."leaseUntil" < excluded."claimedAt"
        RETURNING "userId", "day", "slot", "attempts"`;
      for (const r of claimed) won.set(key({ userId: r.userId, day: r.day, slot: Number(r.slot) }), Number(r.attempts));
    }
    return claims.map((c) => {
      const attempts = won.get(key(c));
      if (attempts === undefined) return { status: "taken" };
      // A key given twice is won once: the first to ask for it gets it.
      won.delete(key(c));
      return { status: "claimed", attempts };
    });
  }

  async finishReminder(d: ReminderFinish): Promise<void> {
    await this.db.$transaction([
      this.db.reminderDelivery.update({
        where: { userId_day_slot: { userId: d.userId, day: d.day, slot: d.slot } },
        data: { sentAt: d.now, outcome: d.outcome },
        select: { slot: true },
      }),
      // Only if the schedule is still the one this send belonged to (a /remind meanwhile wins).
      this.db.user.updateMany({
        where: { id: d.userId, nextReminderDay: d.expected.day, nextReminderSlot: d.expected.slot },
        data: {
          nextReminderAt: d.next?.at ?? null,
          nextReminderDay: d.next?.day ?? null,
          nextReminderSlot: d.next?.slot ?? 0,
          ...(d.paused !== undefined ? { remindersPaused: d.paused, pendingNotice: d.paused } : {}),
        },
      }),
    ]);
  }

  async retryReminderLater(r: { userId: string; day: string; slot: number; leaseUntil: Date }): Promise<void> {
    await this.db.reminderDelivery.update({
      where: { userId_day_slot: { userId: r.userId, day: r.day, slot: r.slot } },
      data: { leaseUntil: r.leaseUntil },
      select: { slot: true },
    });
  }

  async rescheduleReminder(
    userId: string,
    expected: { day: string; slot: number },
    next: { at: Date; day: string; slot: number } | null,
  ): Promise<void> {
    await this.db.user.updateMany({
      where: { id: userId, nextReminderDay: expected.day, nextReminderSlot: expected.slot },
      data: { nextReminderAt: next?.at ?? null, nextReminderDay: next?.day ?? null, nextReminderSlot: next?.slot ?? 0 },
    });
  }

  async dueCount(userId: string, teamId: string, until: Date): Promise<number> {
    return this.db.cardState.count({
      where: { userId, state: { gt: CARD_STATES.new }, due: { lte: until }, item: visibleItems(teamId, undefined) },
    });
  }

  async clearNotice(userId: string): Promise<void> {
    await this.db.user.update({ where: { id: userId }, data: { pendingNotice: null }, select: { id: true } });
  }

  async spreadOverdue(userId: string, now: Date, plan: (count: number) => Date[]): Promise<number> {
    const overdue = await this.db.cardState.findMany({
      where: { userId, state: CARD_STATES.review, due: { lte: now } },
      orderBy: { due: "asc" },
      select: { itemId: true },
    });
    if (overdue.length === 0) return 0;
    const dues = plan(overdue.length);
    await this.db.$transaction(
      overdue.map((c, i) =>
        this.db.cardState.update({
          where: { userId_itemId: { userId, itemId: c.itemId } },
          data: { due: dues[i] ?? now },
          select: { version: true },
        }),
      ),
    );
    return overdue.length;
  }

  // ---- Teams

  async updateTeam(teamId: string, patch: TeamPatch): Promise<TeamSettings> {
    const { adminIds, ...rest } = patch;
    const data = { ...rest, ...(adminIds ? { adminIds: JSON.stringify(adminIds) } : {}) };
    const row = await this.db.team.upsert({ where: { id: teamId }, create: { id: teamId, ...data }, update: data });
    this.teams.delete(teamId);
    return toTeamSettings(row);
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

  // ---- Question of the day

  async claimQotd(c: Omit<QotdRecord, "messageRef" | "postedAt" | "closedAt"> & { now: Date; leaseUntil: Date }) {
    try {
      await this.db.questionOfDay.create({
        data: {
          id: c.id,
          teamId: c.teamId,
          day: c.day,
          itemId: c.itemId,
          channelId: c.channelId,
          claimedAt: c.now,
          leaseUntil: c.leaseUntil,
          closesAt: c.closesAt,
        },
        select: { id: true },
      });
      return { status: "claimed" as const, id: c.id, itemId: c.itemId };
    } catch (e) {
      if (!isUniqueViolation(e)) throw e;
    }
    const existing = await this.db.questionOfDay.findUnique({ where: { teamId_day: { teamId: c.teamId, day: c.day } } });
    if (!existing) return { status: "taken" as const };
    if (existing.postedAt !== null) return { status: "done" as const };
    const taken = await this.db.questionOfDay.updateMany({
      where: { id: existing.id, postedAt: null, leaseUntil: { lt: c.now } },
      data: { leaseUntil: c.leaseUntil, claimedAt: c.now },
    });
    return taken.count === 1 ? { status: "claimed" as const, id: existing.id, itemId: existing.itemId } : { status: "taken" as const };
  }

  async markQotdPosted(id: string, messageRef: string | null, now: Date): Promise<void> {
    await this.db.questionOfDay.update({ where: { id }, data: { postedAt: now, messageRef }, select: { id: true } });
  }

  async recentQotdItems(teamId: string, sinceDay: string): Promise<string[]> {
    const rows = await this.db.questionOfDay.findMany({ where: { teamId, day: { gte: sinceDay } }, select: { itemId: true } });
    return rows.map((r) => r.itemId);
  }

  async loadQotd(id: string): Promise<QotdRecord | null> {
    const row = await this.db.questionOfDay.findUnique({ where: { id } });
    return row ? toQotd(row) : null;
  }

  async dueQotdClosings(now: Date, limit: number): Promise<QotdRecord[]> {
    const rows = await this.db.questionOfDay.findMany({
      where: { closedAt: null, closesAt: { lte: now }, postedAt: { not: null } },
      orderBy: { closesAt: "asc" },
      take: limit,
    });
    return rows.map(toQotd);
  }

  async closeQotd(id: string, now: Date): Promise<boolean> {
    const [closed] = await this.db.$transaction([
      this.db.questionOfDay.updateMany({ where: { id, closedAt: null }, data: { closedAt: now } }),
      this.db.teamPost.updateMany({ where: { kind: QOTD_RESULTS_POST, key: id, postedAt: null }, data: { postedAt: now } }),
    ]);
    return closed.count === 1;
  }

  async qotdTally(id: string): Promise<{ total: number; correct: number }> {
    const [total, correct] = await this.db.$transaction([
      this.db.qotdAnswer.count({ where: { qotdId: id } }),
      this.db.qotdAnswer.count({ where: { qotdId: id, correct: true } }),
    ]);
    return { total, correct };
  }

  // ---- Team posts

  async claimTeamPost(c: {
    teamId: string;
    kind: string;
    key: string;
    now: Date;
    leaseUntil: Date;
    owner: string;
    payload?: string;
  }): Promise<"claimed" | "taken" | "done"> {
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
      this.db.reviewLog.groupBy({
        by: ["itemId"],
        where: { ...inWeek, rating: 1 },
        _count: { _all: true },
        orderBy: { _count: { itemId: "desc" } },
        take: 50,
      }),
    ]);
    // The most-missed topic: misses of the most-missed items, counted per topic.
    const byTopic = new Map<string, number>();
    const items = await this.items(missed.map((m) => m.itemId));
    for (const m of missed) {
      const item = items.find((i) => i.id === m.itemId);
      for (const topic of item?.topics ?? []) byTopic.set(topic, (byTopic.get(topic) ?? 0) + (m._count as { _all: number })._all);
    }
    const missedTopic = [...byTopic.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]?.[0] ?? null;
    return { top: rankRows(top.map((r) => ({ userId: r.userId, value: r.xp }))), reviews, matureReviews, matureRecalled, missedTopic };
  }

  // ---- Team decks

  async importTeamDeck(deck: { teamId: string; deckId: string; name: string; items: Item[]; now: Date }): Promise<ImportCounts> {
    // A deck id from another team cannot be taken over: ids embed a hash of the team, and the
    // stored deck must belong to this team.
    const existing = await this.db.deck.findUnique({ where: { id: deck.deckId }, select: { teamId: true } });
    if (existing && existing.teamId !== deck.teamId) throw new Error(`deck ${deck.deckId} belongs to another team`);
    const counts = await syncTeamDeck(this.db, deck);
    this.itemCache.invalidate(deck.teamId);
    return counts;
  }

  async teamDecks(teamId: string): Promise<TeamDeckSummary[]> {
    const decks = await this.db.deck.findMany({
      where: { teamId },
      orderBy: { createdAt: "asc" },
      select: { id: true, nameEn: true, retiredAt: true, _count: { select: { items: { where: { retiredAt: null } } } } },
    });
    return decks.map((d) => ({ id: d.id, name: d.nameEn, items: d._count.items, retired: d.retiredAt !== null }));
  }

  async renameTeamDeck(teamId: string, deckId: string, name: string): Promise<boolean> {
    return (await this.db.deck.updateMany({ where: { id: deckId, teamId }, data: { nameEn: name, nameJa: name } })).count === 1;
  }

  async retireTeamDeck(teamId: string, deckId: string, now: Date): Promise<boolean> {
    const [deck] = await this.db.$transaction([
      this.db.deck.updateMany({ where: { id: deckId, teamId, retiredAt: null }, data: { retiredAt: now } }),
      this.db.item.updateMany({ where: { deckId, teamId, retiredAt: null }, data: { retiredAt: now } }),
    ]);
    this.itemCache.invalidate(teamId);
    return deck.count === 1;
  }

  async teamDeckItems(teamId: string, deckId: string): Promise<Item[] | null> {
    const deck = await this.db.deck.findFirst({ where: { id: deckId, teamId }, select: { id: true } });
    if (!deck) return null;
    const rows = await this.db.item.findMany({ where: { deckId, teamId, retiredAt: null }, orderBy: { position: "asc" } });
    return rows.map((r) => decodeItem(r).content);
  }

  // ---- A person's data

  async reviewHistory(userId: string): Promise<ReviewHistoryRow[]> {
    const rows = await this.db.reviewLog.findMany({ where: { userId }, orderBy: [{ reviewedAt: "asc" }, { id: "asc" }] });
    return rows.map((r) => {
      const after = cardStateFromJson(r.after);
      const before = r.before ? cardStateFromJson(r.before) : null;
      return {
        reviewedAt: r.reviewedAt,
        itemId: r.itemId,
        teamId: r.teamId,
        rating: ratingSchema.parse(r.rating),
        source: r.source,
        stateBefore: r.stateBefore,
        intervalDays: Math.max(0, (after.due.getTime() - r.reviewedAt.getTime()) / 86_400_000),
        elapsedDays: before?.lastReview ? Math.max(0, (r.reviewedAt.getTime() - before.lastReview.getTime()) / 86_400_000) : 0,
      };
    });
  }

  async cardStates(userId: string): Promise<{ itemId: string; card: CardState }[]> {
    const rows = await this.db.cardState.findMany({ where: { userId, state: { gt: CARD_STATES.new } }, orderBy: { itemId: "asc" } });
    return rows.flatMap((r) => {
      const record = decodeCard(r);
      return record.card ? [{ itemId: r.itemId, card: record.card }] : [];
    });
  }

  async forgetUser(userId: string): Promise<ForgetCounts> {
    const quizzes = await this.db.quizSession.findMany({ where: { userId }, select: { id: true } });
    const [reviews, cards, teams, reminders, answers, reports] = await this.db.$transaction([
      this.db.reviewLog.count({ where: { userId } }),
      this.db.cardState.count({ where: { userId } }),
      this.db.member.count({ where: { userId } }),
      this.db.reminderDelivery.count({ where: { userId } }),
      this.db.qotdAnswer.count({ where: { userId } }),
      this.db.problemReport.count({ where: { userId } }),
    ]);
    const adminTeams = await this.db.team.findMany({
      where: { adminIds: { contains: JSON.stringify(userId) } },
      select: { id: true, adminIds: true },
    });
    await this.db.$transaction([
      // Rows that name the person without a foreign key to them.
      this.db.quizAnswer.deleteMany({ where: { sessionId: { in: quizzes.map((q) => q.id) } } }),
      this.db.quizSession.deleteMany({ where: { userId } }),
      this.db.qotdAnswer.deleteMany({ where: { userId } }),
      this.db.teamPost.deleteMany({ where: { kind: "milestone", key: { startsWith: `${userId}:` } } }),
      ...adminTeams.map((t) =>
        this.db.team.update({
          where: { id: t.id },
          data: { adminIds: JSON.stringify(toTeamSettings({ ...t } as TeamRow).adminIds.filter((a) => a !== userId)) },
        }),
      ),
      // The rest cascades from the user: memberships, card states, reviews, leaderboard counters, reminders, problem reports.
      this.db.user.deleteMany({ where: { id: userId } }),
      // A personal team (Discord DMs) belongs to the person alone.
      this.db.team.deleteMany({ where: { id: `${userId.slice(0, userId.indexOf(":"))}:@${userId.slice(userId.indexOf(":") + 1)}` } }),
    ]);
    for (const key of [...this.recentlyEntered.keys()]) if (key.split("|")[1] === userId) this.recentlyEntered.delete(key);
    return { reviews, cards, teams, quizzes: quizzes.length, answers, reminders, reports };
  }

  async memberships(userId: string): Promise<string[]> {
    const rows = await this.db.member.findMany({ where: { userId }, orderBy: { lastSeenAt: "desc" }, select: { teamId: true }, take: 100 });
    return rows.map((r) => r.teamId);
  }
}
