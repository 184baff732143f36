// TeamDeckStore on Prisma: a team's own decks, imported through the same sync as the built-in ones.
import type { Item } from "../../core/deck/item.ts";
import type { ImportCounts, TeamDeckStore, TeamDeckSummary } from "../../core/ports/team-deck-store.ts";
import { syncTeamDeck } from "../content-sync.ts";
import type { ItemCache } from "../item-cache.ts";
import { decodeItem } from "../item-codec.ts";
import type { Db } from "../open-database.ts";

export class PrismaTeamDeckStore implements TeamDeckStore {
  private readonly db: Db;
  private readonly itemCache: ItemCache;

  constructor(db: Db, itemCache: ItemCache) {
    this.db = db;
    this.itemCache = itemCache;
  }

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
}
