// Brings decks in the database in line with their source: the built-in decks with content/ at
// start-up, a team's deck with the file an admin imported. Items are matched by id: an edited item
// keeps its id, so everyone's progress survives a typo fix; an item that disappeared is retired
// (never shown again) but keeps its history.
import type { Item, Library } from "../core/deck/item.ts";
import { usableRequirements } from "../core/deck/requirements.ts";
import { interleaveByTopic, shuffleKeyOf } from "../core/study/new-card-order.ts";
import type { ImportCounts } from "../core/ports/team-deck-store.ts";
import type { Db } from "./open-database.ts";
import { contentHash } from "./item-codec.ts";

export type SyncReport = ImportCounts;

/** Team decks come after the built-in ones in the order new cards are introduced (position and mixRank). */
export const TEAM_DECK_POSITION_BASE = 1_000_000;

interface Wanted {
  deckId: string;
  item: Item;
}

/** The writes that make the stored items `existing` match `wanted` (in that order), and what they change. */
async function itemWrites(
  db: Db,
  existingWhere: { teamId: string | null; deckId?: string },
  wanted: Wanted[],
  teamId: string | null,
  positionBase: number,
  now: Date,
) {
  const existing = await db.item.findMany({
    where: existingWhere,
    select: {
      id: true,
      deckId: true,
      teamId: true,
      contentHash: true,
      position: true,
      retiredAt: true,
      siblingGroup: true,
      mixRank: true,
      shuffleKey: true,
    },
  });
  const byId = new Map(existing.map((row) => [row.id, row]));
  const report: SyncReport = { added: 0, updated: 0, retired: 0, unchanged: 0 };
  const ops = [];
  const created: { id: string; topics: string[] }[] = [];
  const newRows = [];
  const mixRanks = interleaveByTopic(wanted.map(({ deckId, item }) => ({ deckId, topic: item.topics[0] ?? "" })));
  for (const [index, { deckId, item }] of wanted.entries()) {
    const position = positionBase + index;
    // Sibling groups belong to their deck: two decks may use the same group name for unrelated items.
    const siblingGroup = item.sibling ? `${deckId}/${item.sibling}` : null;
    const mixRank = positionBase + (mixRanks[index] ?? index);
    const shuffleKey = shuffleKeyOf(item.id);
    const hash = contentHash(item);
    const row = byId.get(item.id);
    const data = {
      deckId,
      teamId,
      kind: item.kind,
      section: item.section,
      content: JSON.stringify(item),
      contentHash: hash,
      position,
      siblingGroup,
      mixRank,
      shuffleKey,
      retiredAt: null,
    };
    if (!row) {
      newRows.push({ id: item.id, ...data });
      created.push({ id: item.id, topics: item.topics });
      report.added += 1;
    } else if (
      row.contentHash !== hash ||
      row.position !== position ||
      row.siblingGroup !== siblingGroup ||
      row.mixRank !== mixRank ||
      row.shuffleKey !== shuffleKey ||
      row.deckId !== deckId ||
      row.retiredAt !== null ||
      row.teamId !== teamId
    ) {
      ops.push(db.item.update({ where: { id: item.id }, data }));
      if (row.contentHash !== hash) {
        ops.push(db.itemTopic.deleteMany({ where: { itemId: item.id } }));
        ops.push(db.itemTopic.createMany({ data: item.topics.map((topic) => ({ topic, itemId: item.id })) }));
      }
      report.updated += 1;
    } else {
      report.unchanged += 1;
    }
  }
  if (newRows.length > 0) {
    ops.push(db.item.createMany({ data: newRows }));
    ops.push(db.itemTopic.createMany({ data: created.flatMap((c) => c.topics.map((topic) => ({ topic, itemId: c.id }))) }));
  }
  const keep = new Set(wanted.map((w) => w.item.id));
  const gone = existing.filter((row) => row.retiredAt === null && !keep.has(row.id)).map((row) => row.id);
  if (gone.length > 0) {
    ops.push(db.item.updateMany({ where: { id: { in: gone } }, data: { retiredAt: now } }));
    report.retired = gone.length;
  }
  ops.push(...(await requirementWrites(db, existingWhere, wanted)));
  return { ops, report };
}

/**
 * The writes that make the stored requirements of the synced items those of `wanted`: per deck, the
 * ones that can be met (see requirements.ts). Retired items keep none.
 */
async function requirementWrites(db: Db, existingWhere: { teamId: string | null; deckId?: string }, wanted: Wanted[]) {
  const byDeck = new Map<string, Item[]>();
  for (const { deckId, item } of wanted) byDeck.set(deckId, [...(byDeck.get(deckId) ?? []), item]);
  const want = [...byDeck.values()].flatMap((items) => usableRequirements(items));
  const key = (r: { itemId: string; requiredId: string }) => `${r.itemId} ${r.requiredId}`;
  const have = await db.itemRequirement.findMany({ where: { item: existingWhere } });
  const wantKeys = new Set(want.map(key));
  const haveKeys = new Set(have.map(key));
  const stale = have.filter((r) => !wantKeys.has(key(r)));
  const missing = want.filter((r) => !haveKeys.has(key(r)));
  return [
    ...stale.map((r) => db.itemRequirement.delete({ where: { itemId_requiredId: r } })),
    ...(missing.length > 0 ? [db.itemRequirement.createMany({ data: missing })] : []),
  ];
}

export async function syncLibrary(db: Db, library: Library, now: Date): Promise<SyncReport> {
  const deckOps = library.decks.map((deck) =>
    db.deck.upsert({
      where: { id: deck.meta.id },
      create: { id: deck.meta.id, teamId: null, nameEn: deck.meta.name.en, nameJa: deck.meta.name.ja, createdAt: now },
      update: { nameEn: deck.meta.name.en, nameJa: deck.meta.name.ja, retiredAt: null },
    }),
  );
  const wanted = library.decks.flatMap((deck) => deck.items.map((item) => ({ deckId: deck.meta.id, item })));
  const { ops, report } = await itemWrites(db, { teamId: null }, wanted, null, 0, now);
  const liveDecks = library.decks.map((d) => d.meta.id);
  const retireDecks = db.deck.updateMany({ where: { teamId: null, id: { notIn: liveDecks }, retiredAt: null }, data: { retiredAt: now } });
  await db.$transaction([...deckOps, ...ops, retireDecks]);
  return report;
}

/** Creates or replaces a team's deck from an imported file, in one transaction. */
export async function syncTeamDeck(
  db: Db,
  deck: { teamId: string; deckId: string; name: string; items: Item[]; now: Date },
): Promise<SyncReport> {
  const upsert = db.deck.upsert({
    where: { id: deck.deckId },
    create: { id: deck.deckId, teamId: deck.teamId, nameEn: deck.name, nameJa: deck.name, createdAt: deck.now },
    update: { nameEn: deck.name, nameJa: deck.name, retiredAt: null },
  });
  const wanted = deck.items.map((item) => ({ deckId: deck.deckId, item }));
  const { ops, report } = await itemWrites(
    db,
    { teamId: deck.teamId, deckId: deck.deckId },
    wanted,
    deck.teamId,
    TEAM_DECK_POSITION_BASE,
    deck.now,
  );
  await db.$transaction([upsert, ...ops]);
  return report;
}
