// Stored items: content is kept as JSON and validated again when read back (a hand-edited or
// corrupted row becomes a clear error, not a crash in the middle of a session). Parsed content is
// cached per content hash, since it only changes when the hash does.
import { createHash } from "node:crypto";
import { itemSchema, type Item } from "../core/deck/item.ts";
import type { CardRecord, StoredItem } from "../core/ports/records.ts";
import { CARD_STATES, type CardState, type CardStateKind } from "../core/scheduler/card-state.ts";

const cache = new Map<string, Item>();

export interface ItemRow {
  id: string;
  deckId: string;
  teamId: string | null;
  position: number;
  retiredAt: Date | null;
  content: string;
  contentHash: string;
}

export function decodeItem(row: ItemRow): StoredItem {
  let content = cache.get(row.contentHash);
  if (!content) {
    const parsed = itemSchema.safeParse(JSON.parse(row.content));
    if (!parsed.success) throw new Error(`stored item ${row.id} is invalid: ${parsed.error.issues[0]?.message ?? "unknown problem"}`);
    content = parsed.data;
    if (cache.size > 50_000) cache.clear();
    cache.set(row.contentHash, content);
  }
  return {
    id: row.id,
    deckId: row.deckId,
    teamId: row.teamId,
    position: row.position,
    retired: row.retiredAt !== null,
    topics: content.topics,
    content,
  };
}

/** A stable hash of an item's content: the same text always gives the same hash. */
export function contentHash(item: Item): string {
  return createHash("sha256").update(canonicalJson(item)).digest("hex");
}

export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (value && typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(",")}}`;
  }
  return JSON.stringify(value);
}

export interface CardRow {
  itemId: string;
  state: number;
  due: Date;
  stability: number;
  difficulty: number;
  scheduledDays: number;
  learningStep: number;
  reps: number;
  lapses: number;
  lastReview: Date | null;
  version: number;
}

export function decodeCard(row: CardRow): CardRecord {
  if (row.state < 0 || row.state > 3) throw new Error(`card state of item ${row.itemId} has an unknown state ${row.state}`);
  const card: CardState | null =
    row.state === CARD_STATES.new
      ? null
      : {
          state: row.state as CardStateKind,
          due: row.due,
          stability: row.stability,
          difficulty: row.difficulty,
          scheduledDays: row.scheduledDays,
          learningStep: row.learningStep,
          reps: row.reps,
          lapses: row.lapses,
          lastReview: row.lastReview,
        };
  return { itemId: row.itemId, version: row.version, card };
}

/** Column values for a card state; a never-rated card (null) is stored as state 0. */
export function cardColumns(card: CardState | null, now: Date) {
  if (!card) {
    return { state: 0, due: now, stability: 0, difficulty: 0, scheduledDays: 0, learningStep: 0, reps: 0, lapses: 0, lastReview: null };
  }
  return {
    state: card.state,
    due: card.due,
    stability: card.stability,
    difficulty: card.difficulty,
    scheduledDays: card.scheduledDays,
    learningStep: card.learningStep,
    reps: card.reps,
    lapses: card.lapses,
    lastReview: card.lastReview,
  };
}
