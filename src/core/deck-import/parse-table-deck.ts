// Comma- or tab-separated decks from a spreadsheet: an optional header row naming the columns in any
// order, else the columns front, back, tags, explanation in that order.
import { readCsv } from "./csv.ts";
import { columnNamed, DECK_COLUMNS, namesOf, type DeckColumn, type DeckRow } from "./deck-columns.ts";
import type { ImportProblem } from "./import-result.ts";

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
            message: {
              en: `unknown column "${name.trim()}"; the columns are front, back, tags and explanation`,
              ja: `列「${name.trim()}」が分かりません。列は front、back、tags、explanation です`,
            },
          });
        }
      } else if (seen.has(column)) {
        problems.push({
          line: first.line,
          field: column,
          message: { en: `the header names the ${column} column twice`, ja: `見出し行に「${column}」列が2回あります` },
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
        message: {
          en: `the header has no ${column} column (${names.en})`,
          ja: `見出し行に「${column}」列がありません（${names.ja}）`,
        },
      });
    }
    if (missing.length > 0) return { rows: [], problems };
    if (body.length === 0) {
      problems.push({
        line: first.line,
        message: { en: "the file has a header row but no cards", ja: "見出し行はありますが、カードがありません" },
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
        message: {
          en: `the row has ${record.cells.length} columns; expected at most ${columns.length} (${expected.join(", ")})`,
          ja: `この行には${record.cells.length}列あります。列は${columns.length}列まで（${expected.join("、")}）です`,
        },
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
