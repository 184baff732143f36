// What team decks need from storage: importing, listing, renaming, retiring and exporting a
// team's own decks.
import type { Item } from "../deck/item.ts";

export interface ImportCounts {
  added: number;
  updated: number;
  retired: number;
  unchanged: number;
}

export interface TeamDeckSummary {
  id: string;
  name: string;
  items: number;
  retired: boolean;
}

export interface TeamDeckStore {
  /** Creates or updates a team deck: items matched by id keep everyone's progress; items gone from the file are retired. */
  importTeamDeck(deck: { teamId: string; deckId: string; name: string; items: Item[]; now: Date }): Promise<ImportCounts>;
  teamDecks(teamId: string): Promise<TeamDeckSummary[]>;
  /** Renames or retires one of the team's own decks; false when the team has no such deck. */
  renameTeamDeck(teamId: string, deckId: string, name: string): Promise<boolean>;
  retireTeamDeck(teamId: string, deckId: string, now: Date): Promise<boolean>;
  /** The active items of one of the team's own decks, in order; null when the team has no such deck. */
  teamDeckItems(teamId: string, deckId: string): Promise<Item[] | null>;
}
