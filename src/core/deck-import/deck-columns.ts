// The columns a spreadsheet or Anki export may hold. The header names that mean each of them are in
// the import catalog (src/core/i18n/import-messages.ts), beside the messages that quote them.
import { COLUMN_NAMES, importText } from "../i18n/import-messages.ts";
import type { LocalizedText } from "../i18n/locale.ts";

export const DECK_COLUMNS = ["front", "back", "tags", "explanation"] as const;
export type DeckColumn = (typeof DECK_COLUMNS)[number];

/** The column a header cell names (case-insensitive), or undefined. */
export function columnNamed(name: string): DeckColumn | undefined {
  const key = name.trim().toLowerCase();
  return DECK_COLUMNS.find((column) => COLUMN_NAMES[column].includes(key));
}

/** "front, question, 表 or 表面": the names a person may use for a column, for messages. */
export function namesOf(column: DeckColumn): LocalizedText {
  const names = COLUMN_NAMES[column];
  return importText((m) => m.columnNames(names.length < 2 ? [column] : names));
}

/**
 * One card as read from a row. A column the row does not have is undefined (a structural problem);
 * an empty cell is "".
 */
export interface DeckRow {
  line: number;
  front: string | undefined;
  back: string | undefined;
  tags: string | undefined;
  explanation: string | undefined;
}
