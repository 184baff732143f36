// Turns rows from a spreadsheet or an Anki export into flashcards, checking every row and reporting each
// problem with its line and column. Team decks are monolingual, so one text fills both languages.
import { itemSchema, TEXT_LIMITS, type Item } from "../deck/item.ts";
import type { DeckColumn, DeckRow } from "./deck-columns.ts";
import { IMPORT_LIMITS } from "./import-limits.ts";
import type { ImportedItem, ImportProblem } from "./import-result.ts";
import { cleanCell } from "./plain-text.ts";
import { normaliseFront, stableItemId } from "./stable-id.ts";
import { tagsToTopics } from "./tag-topics.ts";

export interface FlashcardDefaults {
  /** Topic for rows without tags. */
  defaultTopic: string;
  section: string;
  /** Said in "missing column" messages, e.g. "is the separator a comma?". */
  separatorHint: string;
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
        if (required)
          rowProblems.push({ line: row.line, field: column, message: `the row has no ${column} column (${defaults.separatorHint})` });
        return "";
      }
      const text = cleanCell(raw);
      if (required && text === "") rowProblems.push({ line: row.line, field: column, message: `the ${column} is empty` });
      if (text.length > LIMITS[column]) {
        rowProblems.push({
          line: row.line,
          field: column,
          message: `the ${column} is ${text.length} characters; the limit is ${LIMITS[column]}`,
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
        message:
          earlier.front === key
            ? `the same front as line ${earlier.line}: "${shorten(front, 60)}"`
            : `this front and the one on line ${earlier.line} get the same id; change one of them slightly`,
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
        const message = issue.message.replace(/^(Japanese|English) /, "");
        if (!problems.some((p) => p.line === row.line && p.field === field && p.message === message)) {
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
