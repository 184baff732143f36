// Turns rows from a spreadsheet or an Anki export into flashcards, checking every row and reporting each
// problem with its line and column. Team decks are monolingual, so one text fills both languages.
import { itemSchema, TEXT_LIMITS, type Item } from "../deck/item.ts";
import type { LocalizedText } from "../i18n/locale.ts";
import type { DeckColumn, DeckRow } from "./deck-columns.ts";
import { IMPORT_LIMITS } from "./import-limits.ts";
import type { ImportedItem, ImportProblem } from "./import-result.ts";
import { cleanCell } from "./plain-text.ts";
import { schemaMessageText } from "../i18n/schema-messages.ts";
import { normaliseFront, stableItemId } from "./stable-id.ts";
import { tagsToTopics } from "./tag-topics.ts";
import { importText } from "../i18n/import-messages.ts";

export interface FlashcardDefaults {
  /** Topic for rows without tags. */
  defaultTopic: string;
  section: string;
  /** Said in "missing column" messages, e.g. "is the separator a comma?". */
  separatorHint: LocalizedText;
}

const LIMITS: Readonly<Record<DeckColumn, number>> = {
  front: Math.min(IMPORT_LIMITS.maxFieldChars, TEXT_LIMITS.prompt),
  back: Math.min(IMPORT_LIMITS.maxFieldChars, TEXT_LIMITS.answer),
  tags: IMPORT_LIMITS.maxFieldChars,
  explanation: Math.min(IMPORT_LIMITS.maxFieldChars, TEXT_LIMITS.explanation),
};

export function rowsToFlashcards(
  rows: readonly DeckRow[],
  defaults: FlashcardDefaults,
): { items: ImportedItem[]; problems: ImportProblem[] } {
  const items: ImportedItem[] = [];
  const problems: ImportProblem[] = [];
  const firstSeen = new Map<string, { line: number; front: string }>();

  for (const row of rows) {
    const rowProblems: ImportProblem[] = [];
    const cell = (column: DeckColumn, required: boolean): string => {
      const raw = row[column];
      if (raw === undefined) {
        if (required) {
          rowProblems.push({
            line: row.line,
            field: column,
            message: importText((m, locale) => m.rowLacksColumn(column, defaults.separatorHint[locale])),
          });
        }
        return "";
      }
      const text = cleanCell(raw);
      if (required && text === "") {
        rowProblems.push({ line: row.line, field: column, message: importText((m) => m.columnEmpty(column)) });
      }
      if (text.length > LIMITS[column]) {
        rowProblems.push({
          line: row.line,
          field: column,
          message: importText((m) => m.columnTooLong(column, text.length, LIMITS[column])),
        });
      }
      return text;
    };
    const front = cell("front", true);
    const back = cell("back", true);
    const tags = cell("tags", false);
    const explanation = cell("explanation", false) || shorten(back, LIMITS.explanation);

    const localId = stableItemId(front);
    const key = normaliseFront(front);
    const earlier = firstSeen.get(localId);
    if (front !== "" && earlier) {
      rowProblems.push({
        line: row.line,
        field: "front",
        message: importText((m) => (earlier.front === key ? m.sameFront(earlier.line, shorten(front, 60)) : m.sameId(earlier.line))),
      });
    } else if (front !== "") {
      firstSeen.set(localId, { line: row.line, front: key });
    }
    if (rowProblems.length > 0) {
      problems.push(...rowProblems);
      continue;
    }

    const topics = tagsToTopics(tags);
    const candidate: Item = {
      id: localId,
      kind: "flashcard",
      topics: topics.length > 0 ? topics : [defaults.defaultTopic],
      section: defaults.section,
      front: { ja: front, en: front },
      back: { ja: back, en: back },
      explanation: { ja: explanation, en: explanation },
    };
    const parsed = itemSchema.safeParse(candidate);
    if (parsed.success) {
      items.push({ localId, item: parsed.data });
    } else {
      for (const issue of parsed.error.issues) {
        // Both languages hold the same text, so "front.ja" and "front.en" are one column to the uploader.
        const field = issue.path[0] === undefined ? undefined : String(issue.path[0]);
        const message = schemaMessageText(issue.message.replace(/^(Japanese|English) /, ""));
        if (!problems.some((p) => p.line === row.line && p.field === field && p.message.en === message.en)) {
          problems.push({ line: row.line, ...(field ? { field } : {}), message });
        }
      }
    }
  }
  return { items, problems };
}

function shorten(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  // Never leave half of a surrogate pair (an emoji, a rare kanji) at the end.
  return `${(/[\ud800-\udbff]$/.test(cut) ? cut.slice(0, -1) : cut).trimEnd()}…`;
}
