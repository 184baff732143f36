// Text from outside (uploaded decks, what someone types or pastes into the console) is untrusted:
// control characters and terminal escape sequences could clear or rewrite a terminal, or corrupt
// chat messages, when the text is shown later.

/**
 * Terminal escape sequences (ECMA-48), whole: CSI (`ESC [` … final byte, or its 8-bit form 0x9B),
 * OSC (`ESC ]` … BEL or `ESC \`, or 0x9D), DCS/SOS/PM/APC strings (`ESC P`, `X`, `^`, `_` … `ESC \`),
 * and two- or three-byte escapes (`ESC (B`, `ESC c`, `ESC 7`).
 */
const ESCAPE_SEQUENCE =
  /(?:\x1b\[|\x9b)[0-?]*[ -/]*[@-~]|(?:\x1b\]|\x9d)[^\x07\x1b\x9c\n]*(?:\x07|\x1b\\|\x9c)?|(?:\x1b[PX^_]|[\x90\x98\x9e\x9f])[^\x1b\x9c\n]*(?:\x1b\\|\x9c)?|\x1b[ -/]*[0-~]/g;

/** C0 controls but tab, line feed and carriage return; DEL; C1 controls; bidirectional overrides and isolates. */
const CONTROL = /[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]/g;

/**
 * What is left of an escape sequence whose ESC was lost on the way (copied from a coloured terminal,
 * passed through a tool that dropped it): `[` then numbers separated by `;` and a final `m`
 * (colours), `J`/`K` (erase), `H`/`f` (cursor position), or `[?25l`-style mode switches. Only when
 * followed by the end of the text, a line break, a letter, a digit or another `[`, so that
 * bracketed text such as "[5m]" or "[1m, 5m]" (durations) stays.
 */
const ESCAPE_REMNANT = /\[(?:\d{1,3}(?:;\d{1,3})*[mJKHf]|\?\d{1,4}[hl])(?=$|[\p{L}\p{N}[\r\n])/gu;

/** Removes escape sequences and control characters, keeping tab, line feed and carriage return. */
export function stripControlCharacters(text: string): string {
  return text.replace(ESCAPE_SEQUENCE, "").replace(CONTROL, "");
}

/** Removes the remnants of escape sequences that lost their ESC (see ESCAPE_REMNANT for exactly what counts). */
export function stripEscapeRemnants(text: string): string {
  return text.replace(ESCAPE_REMNANT, "");
}

/** A line typed or pasted into the console: no escape sequences and no control characters at all (tabs become spaces). */
export function cleanTypedLine(line: string): string {
  return stripControlCharacters(line.replace(/\t/g, " ")).replace(/[\r\n]/g, "");
}

/** A cell or text field as it will be stored: LF line ends, no escapes, remnants or control characters (tabs kept), no surrounding blanks. */
export function cleanCell(cell: string): string {
  return stripEscapeRemnants(stripControlCharacters(cell.replace(/\r\n?/g, "\n"))).trim();
}

/** Every string in a parsed YAML value cleaned as a cell is (YAML's "\e" escape writes an ESC of its own). */
export function cleanStrings(value: unknown): unknown {
  if (typeof value === "string") return cleanCell(value);
  if (Array.isArray(value)) return value.map(cleanStrings);
  if (typeof value === "object" && value !== null && Object.getPrototypeOf(value) === Object.prototype)
    return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, cleanStrings(inner)]));
  return value;
}
