// Reads a deck a team admin uploads (CSV, TSV, Anki's plain-text export or YAML) into items, or into the
// complete list of problems with the line each is on. Never a partial deck: an import either brings every
// card or none. Pure: the caller reads the upload and stores the result.
import { topicIdSchema } from "../deck/item.ts";
import type { DeckRow } from "./deck-columns.ts";
import { IMPORT_LIMITS, tooManyItems } from "./import-limits.ts";
import type { DeckFileFormat, ImportedItem, ImportProblem, ImportResult } from "./import-result.ts";
import { parseAnkiText, startsWithAnkiHeader } from "./parse-anki-text.ts";
import { parseTableDeck } from "./parse-table-deck.ts";
import { parseYamlDeck } from "./parse-yaml-deck.ts";
import { stripControlCharacters } from "./plain-text.ts";
import { rowsToFlashcards } from "./rows-to-flashcards.ts";
import { importText } from "../i18n/import-messages.ts";

export { IMPORT_LIMITS } from "./import-limits.ts";
export type { DeckFileFormat, ImportedItem, ImportProblem, ImportResult } from "./import-result.ts";

/** More than this many problems helps nobody; the rest are counted. */
const MAX_PROBLEMS = 50;
const SNIFF_BYTES = 64 * 1024;
const FILE_EMPTY = importText((m) => m.fileEmpty);

/** The format by extension, falling back to the content. Anki's header lines win over .csv/.tsv/.txt. */
export function detectFormat(fileName: string, bytes: Uint8Array): DeckFileFormat | undefined {
  const extension = /\.([a-z0-9]+)$/.exec(fileName.trim().toLowerCase())?.[1];
  if (extension === "yaml" || extension === "yml") return "yaml";
  // Non-fatal decoding: only a peek at the start; parseDeckFile checks the encoding properly.
  const head = new TextDecoder("utf-8").decode(bytes.subarray(0, SNIFF_BYTES));
  if (startsWithAnkiHeader(head)) return "anki";
  if (extension === "csv") return "csv";
  if (extension === "tsv") return "tsv";
  if (extension === "txt" && head.includes("\t")) return "anki";
  const firstLine = head.split(/\r\n|\n|\r/).find((l) => l.trim() !== "" && !l.startsWith("#")) ?? "";
  if (/^(?:---\s*$|(?:items|name)\s*:)/.test(firstLine)) return "yaml";
  if (firstLine.includes("\t")) return "tsv";
  if (firstLine.includes(",")) return "csv";
  return undefined;
}

export function parseDeckFile(input: { fileName: string; bytes: Uint8Array; defaultTopic: string; section: string }): ImportResult {
  // These come from the caller, not the file: a bad value is a bug, not an upload problem.
  if (!topicIdSchema.safeParse(input.defaultTopic).success)
    throw new Error(`parseDeckFile: "${input.defaultTopic}" is not a valid topic id`);
  if (input.section.trim() === "") throw new Error("parseDeckFile: section is empty");

  const { bytes } = input;
  if (bytes.length > IMPORT_LIMITS.maxBytes) {
    return failed(undefined, [
      {
        message: importText((m) => m.fileTooLarge(megabytes(bytes.length), megabytes(IMPORT_LIMITS.maxBytes))),
      },
    ]);
  }
  if (bytes.length === 0) return failed(undefined, [{ message: FILE_EMPTY }]);
  const decoded = decodeUtf8(bytes);
  if (!decoded.ok) {
    return failed(undefined, [
      {
        line: decoded.line,
        message: importText((m) => m.notUtf8),
      },
    ]);
  }
  const nul = decoded.text.indexOf("\0");
  if (nul >= 0) {
    return failed(undefined, [
      {
        line: lineAt(decoded.text, nul),
        message: importText((m) => m.nulBytes),
      },
    ]);
  }
  const format = detectFormat(input.fileName, bytes);
  if (format === undefined) {
    return failed(undefined, [
      {
        message: importText((m) => m.unknownFormat),
      },
    ]);
  }
  const text = stripControlCharacters(decoded.text);
  if (text.trim() === "") return failed(format, [{ message: FILE_EMPTY }]);

  const parsed = format === "yaml" ? parseYamlDeck(text) : fromRows(format, text, input);
  if (parsed.problems.length > 0) return failed(format, parsed.problems);
  if (parsed.items.length === 0) {
    return failed(format, [{ message: importText((m) => m.noCards) }]);
  }
  return { ok: true, format, items: parsed.items, ...(parsed.deckName ? { deckName: parsed.deckName } : {}) };
}

function fromRows(
  format: Exclude<DeckFileFormat, "yaml">,
  text: string,
  input: { defaultTopic: string; section: string },
): { items: ImportedItem[]; problems: ImportProblem[]; deckName?: string } {
  const read: { rows: DeckRow[]; problems: ImportProblem[]; deckName?: string } =
    format === "anki" ? parseAnkiText(text) : parseTableDeck(text, format === "csv" ? "," : "\t");
  if (read.rows.length > IMPORT_LIMITS.maxItems) {
    // Checking 100,000 rows one by one would only bury this under row problems.
    return { items: [], problems: [{ message: tooManyItems(read.rows.length) }] };
  }
  const separatorHint = importText((m) => (format === "csv" ? m.separatorComma : m.separatorTab));
  const cards = rowsToFlashcards(read.rows, { defaultTopic: input.defaultTopic, section: input.section, separatorHint });
  return { items: cards.items, problems: [...read.problems, ...cards.problems], ...(read.deckName ? { deckName: read.deckName } : {}) };
}

function failed(format: DeckFileFormat | undefined, problems: ImportProblem[]): ImportResult {
  // Stable sort: file-wide problems first, then by line, so a person can fix the file from top to bottom.
  const sorted = [...problems].sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
  const shown =
    sorted.length > MAX_PROBLEMS
      ? [...sorted.slice(0, MAX_PROBLEMS), { message: importText((m) => m.andMore(sorted.length - MAX_PROBLEMS)) }]
      : sorted;
  return { ok: false, ...(format ? { format } : {}), problems: shown };
}

type Decoded = { ok: true; text: string } | { ok: false; line: number };

/** Strict UTF-8 (a BOM is dropped); on failure, the line of the first bad byte. */
function decodeUtf8(bytes: Uint8Array): Decoded {
  const decoder = new TextDecoder("utf-8", { fatal: true });
  try {
    return { ok: true, text: decoder.decode(bytes) };
  } catch {
    // A line feed byte never occurs inside a multi-byte sequence, so lines can be checked one at a time.
    let line = 1;
    let start = 0;
    while (start <= bytes.length) {
      const end = bytes.indexOf(0x0a, start);
      const stop = end < 0 ? bytes.length : end;
      try {
        decoder.decode(bytes.subarray(start, stop));
      } catch {
        return { ok: false, line };
      }
      start = stop + 1;
      line++;
    }
    return { ok: false, line: 1 };
  }
}

function lineAt(text: string, index: number): number {
  return (text.slice(0, index).match(/\r\n|\n|\r/g)?.length ?? 0) + 1;
}

/** Rounded up to 0.01 MB, so a file just over the limit never reads "1 MB; the limit is 1 MB". */
function megabytes(byteCount: number): string {
  return String(Math.ceil(byteCount / 10_000) / 100);
}
