// Anki's "Notes in Plain Text" export: `#key:value` header lines, then one note per line, separated by tabs
// unless `#separator:` says otherwise. Header columns (`#tags column:3` and the like) are 1-based.
// The first two remaining columns are the front and the back unless `#columns:` names them.
import { readCsv } from "./csv.ts";
import { columnNamed, type DeckColumn, type DeckRow } from "./deck-columns.ts";
import { htmlToText } from "./html-to-text.ts";
import { IMPORT_LIMITS } from "./import-limits.ts";
import type { ImportProblem } from "./import-result.ts";
import { cleanCell } from "./plain-text.ts";
import { importText } from "../i18n/import-messages.ts";

/** Header keys Anki writes or reads; a file starting with one of them is an Anki export. */
const HEADER_KEYS = [
  "separator",
  "html",
  "tags column",
  "notetype column",
  "deck column",
  "guid column",
  "columns",
  "tags",
  "deck",
  "notetype",
  "if matches",
];
const SEPARATOR_NAMES: Readonly<Record<string, string>> = { tab: "\t", comma: ",", semicolon: ";", space: " ", pipe: "|", colon: ":" };
const ROLE_COLUMNS = ["tags column", "notetype column", "deck column", "guid column"] as const;
type RoleColumn = (typeof ROLE_COLUMNS)[number];

export function startsWithAnkiHeader(text: string): boolean {
  return isDirective(/^[^\r\n]*/.exec(text)?.[0] ?? "");
}

/** `#separator:tab` is a directive; `#1: what is a CDN?` in the first column of a note is not. */
function isDirective(line: string): boolean {
  const key = /^#([^:]+):/.exec(line)?.[1];
  return key !== undefined && HEADER_KEYS.includes(key.trim().toLowerCase());
}

interface AnkiHeader {
  separator: string;
  html: boolean;
  /** 0-based indexes of the columns that hold tags, note type, deck or guid rather than a field. */
  roles: Partial<Record<RoleColumn, number>>;
  columnNames: string | undefined;
  tags: string;
  deck: string | undefined;
}

export function parseAnkiText(text: string): { rows: DeckRow[]; problems: ImportProblem[]; deckName?: string } {
  const problems: ImportProblem[] = [];
  const { header, bodyStart, bodyLine } = readHeader(text, problems);
  const { records, problems: syntax } = readCsv(text.slice(bodyStart), { delimiter: header.separator, firstLine: bodyLine });
  // Not push(...syntax): a file can hold hundreds of thousands of syntax problems, more arguments than a call takes.
  for (const problem of syntax) problems.push(problem);

  const role = header.roles;
  const roleIndexes = new Set(Object.values(role));
  const named = new Map<DeckColumn, number>();
  header.columnNames?.split(header.separator).forEach((name, index) => {
    const column = columnNamed(name);
    if (column !== undefined && !named.has(column) && !roleIndexes.has(index)) named.set(column, index);
  });
  const decks = new Set<string>();

  const rows = records
    .filter((r) => r.cells.some((c) => c.trim() !== ""))
    .map((record): DeckRow => {
      const cell = (index: number | undefined) => (index === undefined ? undefined : record.cells[index]);
      const fields = record.cells.map((_, index) => index).filter((index) => !roleIndexes.has(index));
      const fieldText = (column: "front" | "back" | "explanation", fallback: number | undefined) => {
        const raw = cell(named.get(column) ?? fallback);
        return raw !== undefined && header.html ? htmlToText(raw) : raw;
      };
      const notetype = cell(role["notetype column"]);
      if (notetype !== undefined && /cloze|穴埋め/i.test(notetype)) {
        problems.push({
          line: record.line,
          message: importText((m) => m.clozeNotes(notetype.trim())),
        });
      }
      const deck = cell(role["deck column"]);
      if (deck !== undefined && deck.trim() !== "") decks.add(deck.trim());
      const usesNames = named.has("front") && named.has("back");
      return {
        line: record.line,
        front: withoutSoundTags(fieldText("front", usesNames ? undefined : fields[0])),
        back: withoutSoundTags(fieldText("back", usesNames ? undefined : fields[1])),
        explanation: withoutSoundTags(fieldText("explanation", undefined)),
        tags: [header.tags, cell(role["tags column"]) ?? "", cell(named.get("tags")) ?? ""].join(" "),
      };
    });

  const onlyDeck = decks.size === 1 ? [...decks][0] : undefined;
  const deckName = header.deck ?? onlyDeck;
  return { rows, problems, ...(deckName ? { deckName } : {}) };
}

function readHeader(text: string, problems: ImportProblem[]): { header: AnkiHeader; bodyStart: number; bodyLine: number } {
  const header: AnkiHeader = { separator: "\t", html: false, roles: {}, columnNames: undefined, tags: "", deck: undefined };
  const lineBreak = /\r\n|\n|\r/g;
  let start = 0;
  let line = 1;
  while (start < text.length) {
    lineBreak.lastIndex = start;
    const found = lineBreak.exec(text);
    const current = text.slice(start, found ? found.index : text.length);
    if (!isDirective(current)) break;
    readDirective(current.slice(1), line, header, problems);
    start = found ? found.index + found[0].length : text.length;
    line++;
  }
  return { header, bodyStart: start, bodyLine: line };
}

function readDirective(directive: string, line: number, header: AnkiHeader, problems: ImportProblem[]) {
  const colon = directive.indexOf(":");
  const key = directive.slice(0, colon).trim().toLowerCase();
  const value = directive.slice(colon + 1);
  if (key === "separator") {
    const separator = SEPARATOR_NAMES[value.trim().toLowerCase()] ?? (value.length === 1 && value !== '"' ? value : undefined);
    if (separator === undefined)
      problems.push({
        line,
        message: importText((m) => m.unknownSeparator(value)),
      });
    else header.separator = separator;
  } else if (key === "html") {
    const flag = value.trim().toLowerCase();
    if (flag !== "true" && flag !== "false") {
      problems.push({
        line,
        message: importText((m) => m.htmlNotBoolean(value.trim())),
      });
    }
    header.html = flag === "true";
  } else if ((ROLE_COLUMNS as readonly string[]).includes(key)) {
    const column = Number(value.trim());
    if (!Number.isInteger(column) || column < 1)
      problems.push({
        line,
        message: importText((m) => m.notAColumnNumber(key, value.trim())),
      });
    else header.roles[key as RoleColumn] = column - 1;
  } else if (key === "columns") {
    header.columnNames = value;
  } else if (key === "tags") {
    // Every row's tags start with these, so an over-long value is one problem here, not one copy per row:
    // 500 KB of tags on 100,000 rows ran the process out of memory.
    const length = cleanCell(value).length;
    if (length > IMPORT_LIMITS.maxFieldChars) {
      problems.push({
        line,
        message: importText((m) => m.tagsTooLong(length, IMPORT_LIMITS.maxFieldChars)),
      });
    } else header.tags = value;
  } else if (key === "deck" && value.trim() !== "") {
    header.deck = value.trim();
  }
}

/**
 * Drops Anki's `[sound:file.mp3]` references. A file name is at most 255 characters (as on every common
 * file system), which bounds the scan from each `[sound:`; unbounded, a line of them was quadratic.
 */
function withoutSoundTags(text: string | undefined): string | undefined {
  return text?.replace(/\[sound:[^\]\r\n]{0,255}\]/g, "");
}
