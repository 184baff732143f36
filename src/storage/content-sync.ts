// Brings the built-in decks in the database in line with content/ at start-up. Items are matched
// by id: an edited item keeps its id, so everyone's progress survives a typo fix; an item that
// disappeared is retired (never shown again) but keeps its history.
import type { Library } from "../core/deck/item.ts";
import type { Db } from "./open-database.ts";
import { contentHash } from "./item-codec.ts";

export interface SyncReport {
  added: number;
  updated: number;
  retired: number;
  unchanged: number;
}

export async function syncLibrary(db: Db, library: Library, now: Date): Promise<SyncReport> {
  const wanted = library.decks.flatMap((deck) => deck.items.map((item) => ({ deckId: deck.meta.id, item })));
  const existing = await db.item.findMany({
    where: { teamId: null },
    select: { id: true, deckId: true, contentHash: true, position: true, retiredAt: true },
  });
  const byId = new Map(existing.map((row) => [row.id, row]));
  const report: SyncReport = { added: 0, updated: 0, retired: 0, unchanged: 0 };
  const ops = [];

  for (const deck of library.decks) {
    ops.push(
      db.deck.upsert({
        where: { id: deck.meta.id },
        create: { id: deck.meta.id, teamId: null, nameEn: deck.meta.name.en, nameJa: deck.meta.name.ja, createdAt: now },
        update: { nameEn: deck.meta.name.en, nameJa: deck.meta.name.ja, retiredAt: null },
      }),
    );
  }

  const created: { id: string; topics: string[] }[] = [];
  const newRows = [];
  for (const [position, { deckId, item }] of wanted.entries()) {
    const hash = contentHash(item);
    const row = byId.get(item.id);
    const data = {
      deckId,
      teamId: null,
      kind: item.kind,
      section: item.section,
      content: JSON.stringify(item),
      contentHash: hash,
      position,
      retiredAt: null,
    };
    if (!row) {
      newRows.push({ id: item.id, ...data });
      created.push({ id: item.id, topics: item.topics });
      report.added += 1;
    } else if (row.contentHash !== hash || row.position !== position || row.deckId !== deckId || row.retiredAt !== null) {
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
  const liveDecks = library.decks.map((d) => d.meta.id);
  ops.push(db.deck.updateMany({ where: { teamId: null, id: { notIn: liveDecks }, retiredAt: null }, data: { retiredAt: now } }));

  await db.$transaction(ops);
  return report;
}
