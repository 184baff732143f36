// The two queries that pick the next card, on every rating: the due card, and the next new item.
// Raw SQL, because the query builder can neither refer to the item being tested (a sibling is any
// *other* item of its group) nor order by an expression (each person's order of new cards). Raw
// queries go to the database without a plan compilation, and the statements are the same on SQLite
// and PostgreSQL.
import type { CardQuery } from "../core/ports/records.ts";
import { CARD_STATES } from "../core/scheduler/card-state.ts";
import { NEW_ORDER_MODULUS, NEW_ORDER_WINDOW, newOrderSeed } from "../core/study/new-card-order.ts";
import { Prisma } from "../generated/sqlite/client.ts";
import type { Db } from "./open-database.ts";
import type { CardRow, ItemRow } from "./item-codec.ts";

/** Items the team can see (built-in or its own), in the topic when one is asked, never retired ones. */
function visible(q: CardQuery): Prisma.Sql {
  const topic = q.topic
    ? Prisma.sql` AND EXISTS (SELECT 1 FROM "ItemTopic" t WHERE t."itemId" = i."id" AND t."topic" = ${q.topic})`
    : Prisma.empty;
  return Prisma.sql`i."retiredAt" IS NULL AND (i."teamId" IS NULL OR i."teamId" = ${q.teamId})${topic}`;
}

/**
 * Not buried: no other item of the item's sibling group was reviewed by the user since the study
 * day began (the item itself may come back the same day as a learning step). Most items have no
 * group, and for the others the index on siblingGroup finds the few siblings.
 */
function notBuried(q: CardQuery): Prisma.Sql {
  if (!q.dayStart) return Prisma.empty;
  // Nested so that the siblings are found by their group, then each one's card by its key.
  return Prisma.sql` AND (i."siblingGroup" IS NULL OR NOT EXISTS (
    SELECT 1 FROM "Item" s WHERE s."siblingGroup" = i."siblingGroup" AND s."id" <> i."id"
      AND EXISTS (SELECT 1 FROM "CardState" sc WHERE sc."userId" = ${q.userId} AND sc."itemId" = s."id" AND sc."lastReview" >= ${q.dayStart})))`;
}

interface RawCardRow extends Omit<CardRow, "due" | "lastReview"> {
  due: Date | string;
  lastReview: Date | string | null;
}

const asDate = (v: Date | string): Date => (v instanceof Date ? v : new Date(v));

/** The studied card due first, among the team's visible, unburied items. */
export async function firstScheduledRow(db: Db, q: CardQuery & { learningOnly?: boolean }): Promise<CardRow | null> {
  const states = q.learningOnly
    ? Prisma.sql`c."state" IN (${CARD_STATES.learning}, ${CARD_STATES.relearning})`
    : Prisma.sql`c."state" > ${CARD_STATES.new}`;
  const rows = await db.$queryRaw<RawCardRow[]>`
    SELECT c."itemId", c."state", c."due", c."stability", c."difficulty", c."scheduledDays", c."learningStep",
      c."reps", c."lapses", c."lastReview", c."version"
    FROM "CardState" c JOIN "Item" i ON i."id" = c."itemId"
    WHERE c."userId" = ${q.userId} AND ${states} AND ${visible(q)}${notBuried(q)}
    ORDER BY c."due" ASC
    LIMIT 1`;
  const row = rows[0];
  if (!row) return null;
  return {
    ...row,
    state: Number(row.state),
    scheduledDays: Number(row.scheduledDays),
    learningStep: Number(row.learningStep),
    reps: Number(row.reps),
    lapses: Number(row.lapses),
    version: Number(row.version),
    due: asDate(row.due),
    lastReview: row.lastReview === null ? null : asDate(row.lastReview),
  };
}

/**
 * The next item to introduce: never studied, every requirement introduced (the user has a card
 * state for it), not buried, first in the user's order: the mixed rank, shifted by less than
 * NEW_ORDER_WINDOW places by the user's permutation of the items' shuffle keys (newOrderKey). So
 * the winner's rank is below the smallest eligible rank plus the window: the query walks the
 * (retiredAt, mixRank) index to the first eligible item and sorts only the window after it,
 * however large the deck.
 */
export async function firstNewRow(db: Db, q: CardQuery): Promise<ItemRow | null> {
  const { a, b } = newOrderSeed(q.userId);
  const eligible = Prisma.sql`${visible(q)}
      AND NOT EXISTS (SELECT 1 FROM "CardState" c WHERE c."userId" = ${q.userId} AND c."itemId" = i."id")
      AND NOT EXISTS (
        SELECT 1 FROM "ItemRequirement" r WHERE r."itemId" = i."id"
          AND NOT EXISTS (SELECT 1 FROM "CardState" rc WHERE rc."userId" = ${q.userId} AND rc."itemId" = r."requiredId"))${notBuried(q)}`;
  const modulus = Prisma.raw(String(NEW_ORDER_MODULUS));
  const window = Prisma.raw(String(NEW_ORDER_WINDOW));
  const rows = await db.$queryRaw<(Omit<ItemRow, "position"> & { position: number | bigint })[]>`
    SELECT i."id", i."deckId", i."teamId", i."position", i."retiredAt", i."content", i."contentHash"
    FROM "Item" i
    WHERE i."retiredAt" IS NULL AND i."mixRank" < (SELECT i."mixRank" FROM "Item" i WHERE ${eligible} ORDER BY i."mixRank" LIMIT 1) + ${window}
      AND ${eligible}
    ORDER BY CAST(i."mixRank" AS BIGINT) * ${modulus}
      + ${window} * ((CAST(i."shuffleKey" AS BIGINT) * CAST(${a} AS BIGINT) + CAST(${b} AS BIGINT)) % ${modulus}),
      i."id"
    LIMIT 1`;
  const row = rows[0];
  return row ? { ...row, position: Number(row.position) } : null;
}

/** The items (with their group) that the user reviewed since `since` and that belong to a sibling group. */
export async function reviewedSiblings(db: Db, userId: string, since: Date): Promise<{ itemId: string; group: string }[]> {
  const rows = await db.cardState.findMany({
    where: { userId, lastReview: { gte: since }, item: { siblingGroup: { not: null } } },
    select: { itemId: true, item: { select: { siblingGroup: true } } },
  });
  return rows.flatMap((r) => (r.item.siblingGroup ? [{ itemId: r.itemId, group: r.item.siblingGroup }] : []));
}
