// A small RFC 4180 reader and writer for comma- and tab-separated text: quoted cells, doubled quotes,
// CRLF or LF line ends and line breaks inside quoted cells. Each record keeps the line it starts on,
// so problems can point at the spreadsheet row a person sees.
import { importText } from "../i18n/import-messages.ts";
import type { LocalizedText } from "../i18n/locale.ts";

export interface CsvRecord {
  /** 1-based line the record starts on. */
  line: number;
  cells: string[];
}

export interface CsvSyntaxProblem {
  line: number;
  message: LocalizedText;
}

export interface CsvReadResult {
  records: CsvRecord[];
  problems: CsvSyntaxProblem[];
}

/**
 * Reads records; blank lines are skipped. A quote only opens a quoted cell at the start of a cell; elsewhere
 * it is an ordinary character, as most spreadsheets and Python's csv module read it.
 */
export function readCsv(text: string, options: { delimiter?: string; firstLine?: number } = {}): CsvReadResult {
  const delimiter = options.delimiter ?? ",";
  if (delimiter.length !== 1 || delimiter === '"' || delimiter === "\r" || delimiter === "\n") {
    throw new Error(`readCsv: unusable delimiter ${JSON.stringify(delimiter)}`);
  }
  const records: CsvRecord[] = [];
  const problems: CsvSyntaxProblem[] = [];
  const n = text.length;
  const endsCell = (ch: string | undefined) => ch === undefined || ch === delimiter || ch === "\n" || ch === "\r";
  let line = options.firstLine ?? 1;
  let i = 0;
  let cells: string[] = [];
  let recordLine = line;
  let hasContent = false;

  for (;;) {
    let value: string;
    if (text[i] === '"') {
      hasContent = true;
      const openedOn = line;
      let closed = false;
      value = "";
      i++;
      while (i < n) {
        const ch = text[i];
        if (ch === '"') {
          if (text[i + 1] === '"') {
            value += '"';
            i += 2;
            continue;
          }
          i++;
          closed = true;
          break;
        }
        if (ch === "\n" || (ch === "\r" && text[i + 1] !== "\n")) line++;
        value += ch;
        i++;
      }
      if (!closed) {
        problems.push({
          line: openedOn,
          message: importText((m) => m.quotedCellNeverClosed),
        });
      } else if (!endsCell(text[i])) {
        problems.push({
          line,
          message: importText((m) => m.textAfterClosingQuote),
        });
        const start = i;
        while (!endsCell(text[i])) i++;
        value += text.slice(start, i);
      }
    } else {
      const start = i;
      while (!endsCell(text[i])) i++;
      value = text.slice(start, i);
      if (value.length > 0) hasContent = true;
    }
    cells.push(value);

    if (text[i] === delimiter) {
      hasContent = true;
      i++;
      continue;
    }
    if (hasContent) records.push({ line: recordLine, cells });
    if (i >= n) break;
    i += text[i] === "\r" && text[i + 1] === "\n" ? 2 : 1;
    line++;
    cells = [];
    recordLine = line;
    hasContent = false;
  }
  return { records, problems };
}

/** Quotes a cell when it holds the delimiter, a quote or a line break. */
export function quoteCsvField(value: string, delimiter = ","): string {
  return value.includes(delimiter) || /["\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

/** Writes records with CRLF after each, as RFC 4180 describes. */
export function formatCsv(records: readonly (readonly string[])[], delimiter = ","): string {
  return records
    .map((cells) => {
      // A record of one empty cell would otherwise be a blank line, which readers skip.
      if (cells.length === 1 && cells[0] === "") return '""\r\n';
      return `${cells.map((cell) => quoteCsvField(cell, delimiter)).join(delimiter)}\r\n`;
    })
    .join("");
}
