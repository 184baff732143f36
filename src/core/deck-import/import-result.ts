// What a deck import answers: every item, ready to store, or every problem found with where it is.
// Kept apart from parse-deck-file.ts so the per-format parsers can share these types without a cycle.
import type { Item } from "../deck/item.ts";
import type { LocalizedText } from "../i18n/locale.ts";

export type DeckFileFormat = "csv" | "tsv" | "anki" | "yaml";

/** One thing wrong with an uploaded file. `line` is 1-based in the file; the message is shown in the reader's language. */
export interface ImportProblem {
  line?: number;
  itemId?: string;
  field?: string;
  message: LocalizedText;
}

/** `localId` is stable across re-imports of the same content, so stored progress stays attached. */
export interface ImportedItem {
  localId: string;
  item: Item;
}

export type ImportResult =
  | { ok: true; format: DeckFileFormat; items: ImportedItem[]; deckName?: string }
  | { ok: false; format?: DeckFileFormat; problems: ImportProblem[] };
