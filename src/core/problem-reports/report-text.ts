// The line a learner adds to a problem report is shown to admins on Discord, Slack and in a
// terminal, so it is cleaned once, before it is stored: one line, no control characters or
// terminal escape sequences, no characters that reorder text, no mentions that could ping, and
// capped in length.

export const REPORT_TEXT_MAX = 500;

// ESC [ ... final byte (CSI), ESC ] ... BEL or ESC \ (OSC), and any other ESC + one character.
const ESCAPE_SEQUENCES = /\u001b\[[0-?]*[ -/]*[@-~]|\u001b\][^\u0007\u001b]*(?:\u0007|\u001b\\)?|\u001b[\s\S]?|\u009b[0-?]*[ -/]*[@-~]/g;
// C0 and C1 controls and DEL (line breaks included: a report is one line).
const CONTROLS = /[\u0000-\u001f\u007f-\u009f]/g;
// Bidirectional overrides, embeddings, isolates and marks, which reorder what a reader sees, the
// byte-order mark, and the line and paragraph separators.
const INVISIBLE = /[\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff\u2028\u2029]/g;
const ZERO_WIDTH_SPACE = "\u200b";

/**
 * Mentions lose their power: `@everyone`, `@here`, `@channel` get a zero-width space after the
 * `@`, and `<@123>`, `<@&123>`, `<#123>`, `<!channel>`, `<!subteam^S1>` one after the `<`, so
 * neither Discord nor Slack reads them as mentions even where the adapters' own escaping is off.
 */
export function neutraliseMentions(text: string): string {
  return text.replace(/@(?=(?:everyone|here|channel)\b)/gi, `@${ZERO_WIDTH_SPACE}`).replace(/<(?=[@#!])/g, `<${ZERO_WIDTH_SPACE}`);
}

/** The learner's line, safe to store and show; null when nothing is left. */
export function cleanReportText(raw: string): string | null {
  const flat = raw
    .replace(ESCAPE_SEQUENCES, "")
    .replace(/[\r\n\t]+/g, " ")
    .replace(CONTROLS, "")
    .replace(INVISIBLE, " ")
    .replace(/\s+/g, " ")
    .trim();
  // Capped by characters, not UTF-16 units, so a cut never splits a surrogate pair; a cut after an
  // `@` or `<` leaves nothing a mention could be made of.
  const safe = [...neutraliseMentions(flat)].slice(0, REPORT_TEXT_MAX).join("").trim();
  return safe === "" ? null : safe;
}
