// Uploaded text is untrusted: control characters could corrupt chat messages or terminals later.

/** Removes ASCII control characters except tab, line feed and carriage return. */
export function stripControlCharacters(text: string): string {
  return text.replace(/[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]/g, "");
}

/** A cell as it will be stored: LF line ends, no control characters (tabs kept), no surrounding blanks. */
export function cleanCell(cell: string): string {
  return stripControlCharacters(cell.replace(/\r\n?/g, "\n")).trim();
}
