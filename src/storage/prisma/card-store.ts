// CardStore on Prisma: items (through an in-memory cache) and a person's progress on them, the next
// card to show (see card-selection.ts), and the counts behind /stats and /topics.
import type { CardStore, ReviewDay, StatsQuery, StatsRecord } from "../../core/ports/card-store.ts";
import type { CardQuery, StoredItem } from "../../core/ports/records.ts";
import { CARD_STATES, type CardState } from "../../core/scheduler/card-state.ts";
import { firstNewRow, firstScheduledRow, reviewedSiblings } from "../card-selection.ts";
import type { ItemCache } from "../item-cache.ts";
import { decodeCard, decodeItem } from "../item-codec.ts";
import type { Db } from "../open-database.ts";
import { toProfile, visibleItems } from "./rows.ts";

const GRADED_KINDS = ["multiple-choice", "scenario", "true-false"];

export class PrismaCardStore implements CardStore {
  private readonly db: Db;
  private readonly itemCache: ItemCache;

  constructor(db: Db, itemCache: ItemCache) {
    this.db = db;
    this.itemCache = itemCache;
  }

  /** An item from the cache, or from the database (then cached). */
  private async item(id: string): Promise<StoredItem | null> {
    const cached = this.itemCache.get(id);
    if (cached) return cached;
    const row = await this.db.item.findUnique({ where: { id } });
    return row ? this.itemCache.put(decodeItem(row)) : null;
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

  async items(ids: string[]): Promise<StoredItem[]> {
    const missing = ids.filter((id) => !this.itemCache.get(id));
    if (missing.length > 0) {
      for (const row of await this.db.item.findMany({ where: { id: { in: missing } } })) this.itemCache.put(decodeItem(row));
    }
    return ids.flatMap((id) => this.itemCache.get(id) ?? []);
  }

  async studiedCards(userId: string, teamId: string): Promise<CardState[]> {
    const rows = await this.db.cardState.findMany({
      where: { userId, state: { gt: CARD_STATES.new }, item: visibleItems(teamId, undefined) },
    });
    return rows.flatMap((r) => {
      const card = decodeCard(r).card;
      return card ? [card] : [];
    });
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

  /** Raw SQL for the grouping by study day (see topicCounts). */
  async reviewDays(userId: string, sinceDay: string): Promise<ReviewDay[]> {
    const review = CARD_STATES.review;
    const rows = await this.db.$queryRaw<
      { day: string; reviews: number | bigint; mature: number | bigint | null; recalled: number | bigint | null }[]
    >`
      SELECT "studyDay" AS "day", COUNT(*) AS "reviews",
        SUM(CASE WHEN "stateBefore" = ${review} THEN 1 ELSE 0 END) AS "mature",
        SUM(CASE WHEN "stateBefore" = ${review} AND "rating" > 1 THEN 1 ELSE 0 END) AS "recalled"
      FROM "ReviewLog" WHERE "userId" = ${userId} AND "studyDay" >= ${sinceDay}
      GROUP BY "studyDay"`;
    return rows.map((r) => ({ day: r.day, reviews: Number(r.reviews), mature: Number(r.mature ?? 0), recalled: Number(r.recalled ?? 0) }));
  }

  /** Raw SQL: a grouping, which the client type shared by both databases leaves out (see database-client.ts). */
  async topicCounts(teamId: string): Promise<Map<string, number>> {
    const rows = await this.db.$queryRaw<{ topic: string; items: number | bigint }[]>`
      SELECT t."topic", COUNT(*) AS "items"
      FROM "ItemTopic" t JOIN "Item" i ON i."id" = t."itemId"
      WHERE i."retiredAt" IS NULL AND (i."teamId" IS NULL OR i."teamId" = ${teamId})
      GROUP BY t."topic"`;
    return new Map(rows.map((r) => [r.topic, Number(r.items)]));
  }
}
