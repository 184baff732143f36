// The columns a spreadsheet or Anki export may hold, and the header names that mean each of them.
import type { LocalizedText } from "../i18n/locale.ts";

export const DECK_COLUMNS = ["front", "back", "tags", "explanation"] as const;
export type DeckColumn = (typeof DECK_COLUMNS)[number];

const COLUMN_NAMES: Readonly<Record<DeckColumn, readonly string[]>> = {
  // 表面/裏面 are the field names of Anki's Basic note type in its Japanese interface.
  front: ["front", "question", "表", "表面"],
  back: ["back", "answer", "裏", "裏面"],
  tags: ["tags", "タグ"],
  explanation: ["explanation", "解説"],
};

/** The column a header cell names (case-insensitive), or undefined. */
export function columnNamed(name: string): DeckColumn | undefined {
  const key = name.trim().toLowerCase();
  return DECK_COLUMNS.find((column) => COLUMN_NAMES[column].includes(key));
}

/** "front, question, 表 or 表面": the names a person may use for a column, for messages. */
export function namesOf(column: DeckColumn): LocalizedText {
  const names = COLUMN_NAMES[column];
  if (names.length < 2) return { en: column, ja: column };
  return { en: `${names.slice(0, -1).join(", ")} or ${names.at(-1)}`, ja: `${names.join("、")}のいずれか` };
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
