// Comma- or tab-separated decks from a spreadsheet: an optional header row naming the columns in any
// order, else the columns front, back, tags, explanation in that order.
import { readCsv } from "./csv.ts";
import { columnNamed, DECK_COLUMNS, namesOf, type DeckColumn, type DeckRow } from "./deck-columns.ts";
import type { ImportProblem } from "./import-result.ts";
import { importText } from "../i18n/import-messages.ts";

export function parseTableDeck(text: string, delimiter: "," | "\t"): { rows: DeckRow[]; problems: ImportProblem[] } {
  const { records, problems: syntax } = readCsv(text, { delimiter });
  const problems: ImportProblem[] = [...syntax];
  const nonBlank = records.filter((r) => r.cells.some((c) => c.trim() !== ""));
  const first = nonBlank[0];
  if (first === undefined) return { rows: [], problems };

  let columns: (DeckColumn | undefined)[] = [...DECK_COLUMNS];
  let body = nonBlank;
  if (first.cells.some((c) => columnNamed(c) !== undefined)) {
    body = nonBlank.slice(1);
    columns = first.cells.map((c) => columnNamed(c));
    const seen = new Set<DeckColumn>();
    first.cells.forEach((name, index) => {
      const column = columns[index];
      if (column === undefined) {
        if (name.trim() !== "") {
          problems.push({
            line: first.line,
            message: importText((m) => m.unknownColumn(name.trim())),
          });
        }
      } else if (seen.has(column)) {
        problems.push({
          line: first.line,
          field: column,
          message: importText((m) => m.headerNamesColumnTwice(column)),
        });
      } else {
        seen.add(column);
      }
    });
    const missing = (["front", "back"] as const).filter((c) => !seen.has(c));
    for (const column of missing) {
      const names = namesOf(column);
      problems.push({
        line: first.line,
        field: column,
        message: importText((m, locale) => m.headerLacksColumn(column, names[locale])),
      });
    }
    if (missing.length > 0) return { rows: [], problems };
    if (body.length === 0) {
      problems.push({
        line: first.line,
        message: importText((m) => m.headerButNoCards),
      });
    }
  }

  // Looked up once: a header may have hundreds of thousands of (empty) columns, and there may be as many rows.
  const indexOf = Object.fromEntries(DECK_COLUMNS.map((column) => [column, columns.indexOf(column)])) as Record<DeckColumn, number>;
  const expected = columns.filter((c) => c !== undefined);
  const rows = body.map((record): DeckRow => {
    const extra = record.cells.slice(columns.length);
    if (extra.some((c) => c.trim() !== "")) {
      problems.push({
        line: record.line,
        message: importText((m) => m.tooManyColumns(record.cells.length, columns.length, expected)),
      });
    }
    const at = (column: DeckColumn) => {
      const index = indexOf[column];
      return index < 0 ? undefined : record.cells[index];
    };
    return { line: record.line, front: at("front"), back: at("back"), tags: at("tags"), explanation: at("explanation") };
  });
  return { rows, problems };
}
