// Ids of team decks and their items. Items from every deck share one id space and travel in button
// ids (<= 48 characters), so a team deck's items are prefixed with a short hash of the team and the
// deck: two teams importing the same file never share items, and re-importing keeps the ids.
import { seededRandom, randomId } from "../random/seeded-random.ts";
import { ITEM_ID_MAX } from "../deck/item.ts";

export const DECK_NAME_MAX = 40;

/** "Kubernetes basics" -> "kubernetes-basics" (Japanese names keep a hash instead). */
export function deckSlug(name: string): string {
  const ascii = name
    .normalize("NFKD")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 20)
    .replace(/-+$/g, "");
  return ascii.length >= 3 ? ascii : `deck-${randomId(seededRandom(`slug|${name}`), 6).toLowerCase()}`;
}

function shortHash(text: string, length: number): string {
  return randomId(seededRandom(text), length).toLowerCase();
}

export function teamDeckId(teamId: string, slug: string): string {
  return `t${shortHash(`deck|${teamId}|${slug}`, 7)}-${slug}`.slice(0, ITEM_ID_MAX);
}

export function teamItemId(deckId: string, localId: string): string {
  const prefix = `t${shortHash(`items|${deckId}`, 7)}-`;
  const room = ITEM_ID_MAX - prefix.length;
  const local = localId.length <= room ? localId : shortHash(`local|${localId}`, 12);
  return `${prefix}${local}`;
}
